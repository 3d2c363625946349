package course.exercises.sharedmemory;

import course.process.ProcessPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * One input per pool worker, all taking tickets from one roll file at once, each worker recording
 * its tickets in a {@link Receipt}; watched from the grader's JVM while it runs.
 */
final class Batch {

    /** What one worker did: its pid, its answer (or why it has none) and the tickets it recorded. */
    record Worker(long pid, String answer, long[] tickets) {

        boolean ok() {
            return answer.startsWith("ok\t");
        }

        /** Fails the test as "not implemented yet" when the worker ran the starter's TODO. */
        void rethrowTodo() {
            if (answer.endsWith(course.grading.Feedback.NOT_IMPLEMENTED)) {
                throw new UnsupportedOperationException("TODO");
            }
        }

        boolean soldOut() {
            return ok() && answer.split("\t")[2].equals("true");
        }

        /** "take() after 12 tickets: IllegalStateException: ..." for a failed worker. */
        String failure() {
            String[] f = answer.split("\t", 3);
            return f.length == 3 && f[0].equals("fail") ? f[1] + ": " + f[2] : answer;
        }
    }

    private final List<Path> receipts = new ArrayList<>();
    private final List<CompletableFuture<String>> answers = new ArrayList<>();
    private final long room;

    /** Sends {@code workers} inputs to {@code pool}; they open their rolls, then wait for {@link #go()}. */
    Batch(ProcessPool pool, CompiledRoll roll, Path dir, Path file, long capacity, long room, int workers)
            throws IOException {
        this.room = room;
        for (int i = 0; i < workers; i++) {
            Path receipt = Files.createTempFile(dir, "receipt-", ".bin");
            Receipt.create(receipt, room);
            receipts.add(receipt);
        }
        for (Path receipt : receipts) {
            answers.add(pool.submit(String.join("\t", roll.classes().toString(), roll.className(), file.toString(),
                    Long.toString(capacity), receipt.toString())));
        }
    }

    int size() {
        return receipts.size();
    }

    long count(int worker) throws IOException {
        return Receipt.count(receipts.get(worker));
    }

    long pid(int worker) throws IOException {
        return Receipt.pid(receipts.get(worker));
    }

    /** Whether the worker stopped because its receipt is full (a very fast roll). */
    boolean full(int worker) throws IOException {
        return count(worker) >= room;
    }

    boolean answered(int worker) {
        return answers.get(worker).isDone();
    }

    void stop(int worker) throws IOException {
        Receipt.stop(receipts.get(worker));
    }

    /** Whether every worker has answered. */
    boolean done() {
        return answers.stream().allMatch(CompletableFuture::isDone);
    }

    /**
     * Waits until every worker has opened its roll (or answered), then lets them all start at once.
     * Returns null, or a description when they did not get ready within {@link #START_MILLIS}.
     */
    String go() throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + START_MILLIS;
        while (true) {
            boolean all = true;
            for (int i = 0; i < size(); i++) {
                all &= answered(i) || Receipt.ready(receipts.get(i));
            }
            if (all) {
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                return describe();
            }
            Thread.sleep(2);
        }
        for (Path receipt : receipts) {
            Receipt.go(receipt);
        }
        return null;
    }

    /**
     * Waits until every worker answered (after {@link #go()}). Returns null, or a description of the
     * stall when no worker recorded a ticket for {@code stallMillis} while some had not answered; the
     * caller then kills them.
     */
    String await(long stallMillis) throws IOException, InterruptedException {
        long total = -1;
        long lastChange = System.currentTimeMillis();
        while (!done()) {
            long now = System.currentTimeMillis();
            long sum = 0;
            for (int i = 0; i < size(); i++) {
                sum += count(i);
            }
            if (sum != total) {
                total = sum;
                lastChange = now;
            }
            if (now - lastChange > stallMillis) {
                return describe();
            }
            Thread.sleep(10);
        }
        return null;
    }

    /** How long the workers may take to open their rolls (a loaded machine, a cold worker JVM). */
    static final long START_MILLIS = 8_000;

    /** "pid 12: 1,204 tickets, sold out; pid 13: 880 tickets, still in take()". */
    String describe() throws IOException {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            String state;
            if (!answered(i)) {
                state = "still running (in take()?)";
            } else {
                Worker w = result(i);
                state = w.soldOut() ? "got SoldOutException" : w.ok() ? "stopped" : "failed: " + w.failure();
            }
            parts.add(String.format("pid %d: %,d tickets, %s", pid(i), count(i), state));
        }
        return String.join("; ", parts);
    }

    /** The worker's answer (or why there is none) and its tickets; call once it answered or was killed. */
    Worker result(int worker) throws IOException {
        CompletableFuture<String> f = answers.get(worker);
        String answer;
        if (!f.isDone()) {
            answer = "no answer";
        } else {
            try {
                answer = f.get();
            } catch (ExecutionException | CompletionException e) {
                answer = "died: " + e.getCause().getMessage().lines().findFirst().orElse("");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer = "interrupted";
            } catch (java.util.concurrent.CancellationException e) {
                answer = "killed by the grader";
            }
        }
        return new Worker(pid(worker), answer, Receipt.tickets(receipts.get(worker)));
    }

    List<Worker> results() throws IOException {
        List<Worker> out = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            out.add(result(i));
        }
        return out;
    }

    /** The workers' tickets, one array per worker. */
    static long[][] tickets(List<Worker> workers) {
        return workers.stream().map(Worker::tickets).toArray(long[][]::new);
    }

    /** "worker pid 1234", one per worker. */
    static List<String> names(List<Worker> workers) {
        return workers.stream().map(w -> "worker pid " + w.pid()).toList();
    }
}
