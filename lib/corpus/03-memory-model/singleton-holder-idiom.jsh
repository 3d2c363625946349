// kind: correct
// about: the holder idiom: class initialization runs once, under the JVM's lock, and happens-before every use; no volatile, no lock in the code
// ==== cell 03-memory-model-11
class MySingleton implements Singleton {
    private static final class Holder {
        static final Service SERVICE = new Service();
    }

    public Service instance() {
        return Holder.SERVICE;
    }
}
