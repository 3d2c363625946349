/** Exercise 02-bank: a {@link course.exercises.bank.Bank} whose transfers are thread-safe and deadlock-free. */
package course.exercises.bank;
