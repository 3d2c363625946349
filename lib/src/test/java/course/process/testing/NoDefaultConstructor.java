package course.process.testing;

import course.process.WorkerTask;

/** Cannot be created by a worker: it has no no-argument constructor. */
public class NoDefaultConstructor implements WorkerTask {

    private final String prefix;

    public NoDefaultConstructor(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String apply(String input) {
        return prefix + input;
    }
}
