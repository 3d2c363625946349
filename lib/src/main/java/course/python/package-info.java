/**
 * Runs the same work in CPython for comparison, when {@code python3} is installed:
 * {@link course.python.Python#run(String, java.time.Duration)} returns a {@link course.python.PythonRun}.
 */
package course.python;
