/**
 * Litmus tests of the Java Memory Model: {@link course.litmus.Litmus} runs two actors against
 * millions of fresh states at the same time and {@link course.litmus.LitmusResult} counts the
 * outcomes, in the style of OpenJDK's jcstress. Depends on no other course package.
 */
package course.litmus;
