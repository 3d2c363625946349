package course.exercises.liveness;

import java.util.Arrays;

/**
 * A warehouse: units in stock per item, and open orders that hold units taken from the stock. Many
 * clerks call it at once. The implementing class has a constructor {@code (int[] stock, Courier courier)}:
 * the units in stock per item at the start (items {@code 0 .. stock.length-1}; copy the array) and
 * the courier to call.
 *
 * <p>At every moment, for every item, the units in stock plus the units held by open orders equal
 * the units at the start ({@link #audit} sees exactly that), and no count is ever negative.
 */
public interface Warehouse {

    /**
     * Opens order {@code id} for {@code qty} units of {@code item}: takes the units from the stock and
     * returns true, having called {@link Courier#book courier.book(id)}; or returns false and changes
     * nothing when fewer than {@code qty} units are in stock. Ids are never reused.
     */
    boolean order(int id, int item, int qty) throws InterruptedException;

    /**
     * Cancels open order {@code id}: its units go back to the stock and it returns true, having called
     * {@link Courier#collect courier.collect(id)}; returns false, changing nothing, when no order
     * {@code id} is open.
     */
    boolean cancel(int id) throws InterruptedException;

    /** A consistent snapshot: the stock and the units held by open orders, per item, at one moment. */
    Audit audit() throws InterruptedException;

    /**
     * What an audit saw.
     *
     * @param stock    units in stock, per item
     * @param reserved units held by open orders, per item
     */
    record Audit(int[] stock, int[] reserved) {

        /** Copies the arrays. */
        public Audit {
            stock = stock.clone();
            reserved = reserved.clone();
        }

        @Override
        public int[] stock() {
            return stock.clone();
        }

        @Override
        public int[] reserved() {
            return reserved.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Audit a && Arrays.equals(stock, a.stock) && Arrays.equals(reserved, a.reserved);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(stock) + Arrays.hashCode(reserved);
        }

        @Override
        public String toString() {
            return "stock " + Arrays.toString(stock) + ", reserved " + Arrays.toString(reserved);
        }
    }
}
