package course.display;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the running Jupyter kernel's display API by reflection, so lib compiles without any kernel
 * on its class path and notebooks never call a kernel-specific method.
 *
 * <p>JJava and IJava share one API ({@code BaseKernel.display(DisplayData)} and
 * {@code DisplayStream.updateDisplay(id, DisplayData)}), under different package names; rapaio
 * keeps its kernel in a static field with {@code display(DisplayData)} of its own.
 */
interface KernelBridge {

    /** Sends a new display, tagged with {@code id} so that it can be updated later. */
    void display(String id, MimeBundle bundle);

    /** Replaces the content of the display tagged {@code id}. */
    void update(String id, MimeBundle bundle);

    /** A short name for diagnostics: "jjava", "ijava", "rapaio". */
    String name();

    /** The kernel this code runs in, if any. Looked up on every call: kernels restart, cells don't. */
    static Optional<KernelBridge> find() {
        for (var family : new String[][] {
                {"jjava", "org.dflib.jjava.jupyter.kernel.BaseKernel", "notebookKernel", "org.dflib.jjava.jupyter.kernel.display.DisplayData"},
                {"ijava", "io.github.spencerpark.ijava.IJava", "getKernelInstance", "io.github.spencerpark.jupyter.kernel.display.DisplayData"}}) {
            var bridge = IJavaFamily.find(family[0], family[1], family[2], family[3]);
            if (bridge.isPresent()) {
                return bridge;
            }
        }
        return Rapaio.find();
    }

    /** Loads a class from the kernel's loaders, or returns null. */
    static Class<?> load(String name) {
        for (ClassLoader cl : new ClassLoader[] {
                Thread.currentThread().getContextClassLoader(),
                KernelBridge.class.getClassLoader(),
                ClassLoader.getSystemClassLoader()}) {
            if (cl == null) {
                continue;
            }
            try {
                return Class.forName(name, false, cl);
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        return null;
    }

    /** JJava and IJava: same shape, different packages. */
    record IJavaFamily(String name, Object kernel, Class<?> displayDataType) implements KernelBridge {

        static Optional<KernelBridge> find(String name, String kernelClass, String accessor, String displayData) {
            Class<?> k = load(kernelClass);
            Class<?> dd = load(displayData);
            if (k == null || dd == null) {
                return Optional.empty();
            }
            try {
                Object kernel = k.getMethod(accessor).invoke(null);
                return kernel == null ? Optional.empty() : Optional.of(new IJavaFamily(name, kernel, dd));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return Optional.empty();
            }
        }

        private Object toDisplayData(String id, MimeBundle bundle) throws ReflectiveOperationException {
            Object dd = displayDataType.getConstructor().newInstance();
            Method put = displayDataType.getMethod("putData", String.class, Object.class);
            for (Map.Entry<String, String> e : bundle.data().entrySet()) {
                put.invoke(dd, e.getKey(), e.getValue());
            }
            displayDataType.getMethod("setDisplayId", String.class).invoke(dd, id);
            return dd;
        }

        @Override
        public void display(String id, MimeBundle bundle) {
            try {
                Object dd = toDisplayData(id, bundle);
                kernel.getClass().getMethod("display", displayDataType).invoke(kernel, dd);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the " + name + " kernel refused a display: " + e, e);
            }
        }

        @Override
        public void update(String id, MimeBundle bundle) {
            try {
                Object dd = toDisplayData(id, bundle);
                Object io = kernel.getClass().getMethod("getIO").invoke(kernel);
                Object stream = io.getClass().getField("display").get(io);
                stream.getClass().getMethod("updateDisplay", String.class, displayDataType).invoke(stream, id, dd);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the " + name + " kernel refused a display update: " + e, e);
            }
        }
    }

    /**
     * rapaio-jupyter-kernel: the static {@code MainApp.kernel} takes its own {@code DisplayData}
     * ({@code display} and {@code updateDisplay}, the display id carried inside the data).
     */
    record Rapaio(Object kernel, Class<?> displayDataType) implements KernelBridge {

        static Optional<KernelBridge> find() {
            Class<?> app = load("org.rapaio.jupyter.kernel.MainApp");
            Class<?> dd = load("org.rapaio.jupyter.kernel.display.DisplayData");
            if (app == null || dd == null) {
                return Optional.empty();
            }
            try {
                Object kernel = app.getField("kernel").get(null);
                return kernel == null ? Optional.empty() : Optional.of(new Rapaio(kernel, dd));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return Optional.empty();
            }
        }

        private Object toDisplayData(String id, MimeBundle bundle) throws ReflectiveOperationException {
            var first = bundle.data().entrySet().iterator().next();
            Object dd = displayDataType.getMethod("withType", String.class, String.class)
                    .invoke(null, first.getKey(), first.getValue());
            Method put = displayDataType.getMethod("putData", String.class, Object.class);
            for (Map.Entry<String, String> e : bundle.data().entrySet()) {
                put.invoke(dd, e.getKey(), e.getValue());
            }
            displayDataType.getMethod("setDisplayId", String.class).invoke(dd, id);
            return dd;
        }

        private void send(String method, String id, MimeBundle bundle) {
            try {
                Object dd = toDisplayData(id, bundle);
                kernel.getClass().getMethod(method, displayDataType).invoke(kernel, dd);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the rapaio kernel refused a display: " + e, e);
            }
        }

        @Override
        public void display(String id, MimeBundle bundle) {
            send("display", id, bundle);
        }

        @Override
        public void update(String id, MimeBundle bundle) {
            send("updateDisplay", id, bundle);
        }

        @Override
        public String name() {
            return "rapaio";
        }
    }
}
