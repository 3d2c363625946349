package course.process.testing;

import course.process.WorkerJvm;
import course.process.tasks.PipeEcho;

/** A main that starts a grandchild JVM, prints its pid, and then waits for its input to end. */
public final class Spawner {

    private Spawner() {
    }

    public static void main(String[] args) throws Exception {
        WorkerJvm child = WorkerJvm.start(PipeEcho.class);
        System.out.println(child.pid());
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait: the test kills us, and the grandchild must not survive
        }
        Thread.sleep(Long.MAX_VALUE); // even on end of input, keep running: close() must force us
    }
}
