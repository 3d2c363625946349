package course.grading.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The jail each submission's test JVM runs in: bubblewrap ({@code bwrap}) with a read-only view of
 * the system's {@code /usr}, the JDK and the grader's jars, the submission's own class files
 * (read-only) and its run directory (the only writable place besides a private {@code /tmp}), no
 * network (a namespace of its own, with only loopback), its own PID namespace (everything in it dies
 * with it), and rlimits on processes (threads count too) and address space. When the grader runs as
 * root the JVM runs as an unprivileged user id, one per parallel slot, since the kernel does not
 * limit root's processes.
 *
 * @param bwrap     the bubblewrap executable
 * @param asRoot    whether the grader runs as root (then the JVM runs as {@code uid(slot)})
 * @param maxProcs  RLIMIT_NPROC: processes and threads of one submission
 * @param maxMemory RLIMIT_AS in bytes: the address space of each process of a submission
 */
public record Sandbox(Path bwrap, boolean asRoot, int maxProcs, long maxMemory) {

    /** The first user id submissions run as when the grader is root (slot 0). */
    public static final int FIRST_UID = 61_000;

    /** Whether this machine can sandbox, and how; the reason when it cannot. */
    public record Probe(Optional<Sandbox> sandbox, String problem) {
    }

    /** Looks for a working bubblewrap: on the PATH, and able to start a process in new namespaces. */
    public static Probe probe(int maxProcs, long maxMemory) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return new Probe(Optional.empty(), "the sandbox uses Linux namespaces (bubblewrap); this is " + System.getProperty("os.name"));
        }
        Optional<Path> bwrap = onPath("bwrap");
        if (bwrap.isEmpty()) {
            return new Probe(Optional.empty(), "bubblewrap (bwrap) is not installed; Debian/Ubuntu: sudo apt-get install bubblewrap,"
                    + " Fedora: sudo dnf install bubblewrap");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Sandbox s = new Sandbox(bwrap.get(), root, maxProcs, maxMemory);
        try {
            List<String> cmd = new ArrayList<>(s.prefix(List.of(), List.of(), 0));
            cmd.add("true");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return new Probe(Optional.empty(), "bubblewrap cannot create its namespaces here (" + out
                        + "); containers often forbid it: run the grader where user namespaces are allowed");
            }
        } catch (IOException e) {
            return new Probe(Optional.empty(), "bubblewrap does not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(Optional.empty(), "interrupted while trying bubblewrap");
        }
        return new Probe(Optional.of(s), "");
    }

    /** The user id of parallel slot {@code slot} when the grader is root. */
    public static int uid(int slot) {
        return FIRST_UID + slot;
    }

    /**
     * The command prefix that runs a program in the sandbox.
     *
     * @param readOnly paths visible read-only at the same place (the JDK, jars, the submission's classes)
     * @param writable paths visible read-write at the same place (the run directory)
     * @param slot     the parallel slot (picks the user id when root)
     */
    public List<String> prefix(List<Path> readOnly, List<Path> writable, int slot) {
        List<String> cmd = new ArrayList<>(List.of(bwrap.toString(), "--die-with-parent", "--new-session",
                "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
                "--ro-bind", "/usr", "/usr", "--proc", "/proc", "--dev", "/dev", "--perms", "1777", "--tmpfs", "/tmp"));
        if (!asRoot) {
            cmd.add("--unshare-user");  // an unprivileged user's RLIMIT_NPROC then counts this namespace only
        }
        for (String top : List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")) {
            Path p = Path.of(top);
            try {
                if (Files.isSymbolicLink(p)) {
                    cmd.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
                } else if (Files.isDirectory(p)) {
                    cmd.addAll(List.of("--ro-bind", top, top));
                }
            } catch (IOException e) {
                // not there: nothing to show
            }
        }
        for (String etc : List.of("/etc/hosts", "/etc/nsswitch.conf", "/etc/localtime", "/etc/passwd", "/etc/group")) {
            cmd.addAll(List.of("--ro-bind-try", etc, etc));
        }
        Set<Path> ro = new LinkedHashSet<>();
        ro.add(Path.of(System.getProperty("java.home")).toAbsolutePath());
        readOnly.forEach(p -> ro.add(p.toAbsolutePath()));
        ro.removeIf(p -> p.startsWith("/usr"));
        // the folders above each mount: traversable by the unprivileged user (bwrap would make them root-only)
        Set<Path> parents = new java.util.TreeSet<>();
        for (Path p : ro) {
            addParents(parents, p);
        }
        writable.forEach(p -> addParents(parents, p.toAbsolutePath()));
        for (Path dir : parents) {
            cmd.addAll(List.of("--perms", "0755", "--dir", dir.toString()));
        }
        for (Path p : ro) {
            cmd.addAll(List.of("--ro-bind", p.toString(), p.toString()));
        }
        for (Path p : writable) {
            cmd.addAll(List.of("--bind", p.toAbsolutePath().toString(), p.toAbsolutePath().toString()));
        }
        cmd.addAll(List.of("--chdir", "/tmp", "--setenv", "HOME", "/tmp", "--setenv", "TMPDIR", "/tmp", "--setenv", "MALLOC_ARENA_MAX", "2"));
        if (asRoot) {
            cmd.addAll(List.of("/usr/bin/setpriv", "--reuid=" + uid(slot), "--regid=" + uid(slot), "--clear-groups", "--no-new-privs"));
        }
        cmd.addAll(List.of("/usr/bin/prlimit", "--nproc=" + maxProcs, "--as=" + maxMemory, "--core=0", "--"));
        return cmd;
    }

    /** Makes {@code dir} writable by the submission's user (when the grader is root and the JVM is not). */
    public void grantWrite(Path dir, int slot) throws IOException {
        if (asRoot) {
            Files.setAttribute(dir, "unix:uid", uid(slot));
            Files.setAttribute(dir, "unix:gid", uid(slot));
        }
    }

    private static void addParents(Set<Path> parents, Path p) {
        for (Path d = p.getParent(); d != null && d.getParent() != null; d = d.getParent()) {
            if (!d.startsWith("/usr") && !d.equals(Path.of("/tmp")) && !d.equals(Path.of("/proc")) && !d.equals(Path.of("/dev"))) {
                parents.add(d);
            }
        }
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
