"""Installs the ``java-course`` kernelspec: JJava's jar launched directly by the JDK 25 binary.

The kernel JVM gets lib and its dependencies on its own class path as well as in ``JJAVA_CLASSPATH``
(which JShell's compiler reads): classes then load through the application class loader, which a
JDK 25 AOT cache can hold (see :mod:`coursekit.aot`).

Its main class is the course's launcher (``lib/kernel/course/kernel/KernelLauncher.java``, compiled here
against the JJava jar it runs with): the same JJava kernel, configured by the same environment, but it
answers ``kernel_info`` before JShell's first compilation and runs the start-up script in the background;
a first cell waits for what is left of it. If the launcher cannot be compiled, JJava's own main class runs.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pathlib
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import zipfile

from . import paths

# The heap cap keeps two kernels plus a grading JVM inside Binder's 2 GB (lib/py/tests/test_memory.py);
# the same value locally, so that every lesson runs as on Binder and one AOT cache serves both.
DEFAULT_HEAP = "640m"
STOCK_MAIN = "org.dflib.jjava.distro.JJava"
LAUNCHER_MAIN = "course.kernel.KernelLauncher"
PRELOAD = ["course.display.Show", "course.chart.Charts", "course.chart.Chart", "org.jfree.chart.JFreeChart",
           "org.jfree.chart.ChartFactory", "org.jfree.chart.StandardChartTheme", "org.jfree.chart.plot.XYPlot",
           "org.jfree.chart.axis.NumberAxis", "org.jfree.chart.renderer.xy.XYLineAndShapeRenderer",
           "org.jfree.data.xy.XYSeriesCollection", "org.jfree.chart.ChartUtils"]
LAUNCHER_SOURCE = paths.ROOT / "lib" / "kernel" / "course" / "kernel" / "KernelLauncher.java"


def jjava_jar() -> pathlib.Path:
    """The kernel jar the ``jjava`` wheel installs under <prefix>/share/jupyter/kernels/java/."""
    candidates = [
        pathlib.Path(sys.prefix) / "share" / "jupyter" / "kernels" / "java" / "jjava.jar",
        pathlib.Path(sysconfig.get_path("data")) / "share" / "jupyter" / "kernels" / "java" / "jjava.jar",
    ]
    for c in candidates:
        if c.is_file():
            return c
    raise SystemExit(
        "The jjava kernel jar is missing from the virtualenv "
        f"(looked in {', '.join(str(c) for c in candidates)}).\n"
        "Fix: delete .venv and run ./course lab (or ./course test) again to reinstall it."
    )


def heap() -> str:
    return os.environ.get("COURSE_KERNEL_HEAP", DEFAULT_HEAP)


def jvm_flags(heap_size: str) -> list[str]:
    """Flags shared by the kernel, its AOT training run and the AOT cache creation (they must match)."""
    return [
        f"-Xmx{heap_size}",
        # One collector everywhere: on one CPU (Binder) the JVM would pick Serial and on two G1, and an AOT
        # cache trained under one is partly refused under the other. Serial also has the smallest footprint.
        "-XX:+UseSerialGC",
        *_common_flags(),
    ]


def _common_flags() -> list[str]:
    return [
        "-Djava.awt.headless=true",
        f"-Djava.util.logging.config.file={paths.ROOT / 'lib' / 'kernel' / 'logging.properties'}",
        "--enable-preview",
        # JJava reflects into JShell's internals; the stock launcher adds this flag too.
        "--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED",
        # Dependencies (classgraph) call sun.misc.Unsafe; keep their warnings out of the kernel log.
        "--sun-misc-unsafe-memory-access=allow",
        # lib reads the process CPU clock to the nanosecond through the FFM API (else 10 ms steps).
        "--enable-native-access=ALL-UNNAMED",
    ]


def launcher_jar() -> pathlib.Path:
    return paths.KERNEL_DIR / "course-kernel.jar"


@dataclasses.dataclass(frozen=True)
class Launch:
    """How a kernel JVM starts; the kernelspec, the AOT training run and the cache creation share it."""
    name: str  # names its AOT cache files
    main: str
    flags: tuple[str, ...]
    classpath: str
    env: dict[str, str]

    def argv(self, java: str, aot_cache: pathlib.Path | None = None) -> list[str]:
        argv = [java, *self.flags]
        if aot_cache is not None and aot_cache.is_file():
            # A stale cache (another JDK, jar set or flag set) is refused by the JVM and startup goes on
            # without it; the logs are off so that refusal does not clutter the kernel's output.
            argv += [f"-XX:AOTCache={aot_cache}", "-Xlog:aot=off", "-Xlog:cds=off"]
        return argv + ["-cp", self.classpath, self.main, "{connection_file}"]


def launch(java_home: str, heap_size: str, stock: bool = False) -> Launch:
    """The course kernel's launch: the course's launcher when it is built (:func:`build_launcher`), else JJava's
    main class. ``stock=True``: the kernelspec as it was before the launcher (JJava's main class, the JVM's
    own choice of collector, ``--release 25``), which ``./course bench kernels`` measures beside it."""
    jar = installed_jar()
    env = kernel_env(java_home)
    if stock or not launcher_jar().is_file():
        flags = [f"-Xmx{heap_size}", *_common_flags()] if stock else jvm_flags(heap_size)
        if stock:
            env["JJAVA_COMPILER_OPTS"] = "--enable-preview --release 25"
        return Launch("stock" if stock else "kernel", STOCK_MAIN, tuple(flags), f"{jar}:{paths.kernel_classpath()}", env)
    return Launch("kernel", LAUNCHER_MAIN, tuple(jvm_flags(heap_size)),
                  f"{launcher_jar()}:{jar}:{paths.kernel_classpath()}", env)


def build_launcher(java_home: str, jar: pathlib.Path) -> pathlib.Path | None:
    """Compiles the launcher against ``jar`` into :func:`launcher_jar` when its source, the JJava jar or the
    JDK changed; returns it, or None (after saying why) when it cannot be built."""
    target = launcher_jar()
    stamp = target.with_suffix(".stamp")
    h = hashlib.sha256(java_home.encode())
    h.update(LAUNCHER_SOURCE.read_bytes())
    h.update(jar.read_bytes())
    want = h.hexdigest()
    if target.is_file() and stamp.is_file() and stamp.read_text() == want:
        return target
    target.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        javac = subprocess.run([str(pathlib.Path(java_home) / "bin" / "javac"), "-nowarn", "-d", tmp, "-cp", str(jar),
                                str(LAUNCHER_SOURCE)], capture_output=True, text=True)
        if javac.returncode != 0:
            print(f"The course's kernel launcher did not compile against {jar.name}; the kernel starts with "
                  f"JJava's own main class (slower to become ready):\n{javac.stderr[-1500:]}", file=sys.stderr)
            return None
        partial = target.with_suffix(".partial")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as z:
            for f in sorted(pathlib.Path(tmp).rglob("*.class")):
                # A fixed entry time: the same source gives the same jar.
                info = zipfile.ZipInfo(f.relative_to(tmp).as_posix(), date_time=(2000, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, f.read_bytes())
        partial.replace(target)
    stamp.write_text(want)
    return target


def kernel_env(java_home: str) -> dict[str, str]:
    return {
        "JJAVA_CLASSPATH": paths.kernel_classpath(),
        "JJAVA_STARTUP_SCRIPTS_PATH": str(paths.STARTUP_SCRIPT),
        # -source, not --release: the same language level, but --release makes every JShell compilation
        # (each start-up import, each cell) open the JDK's ct.sym archive, half of a cold start's CPU time.
        "JJAVA_COMPILER_OPTS": "--enable-preview -source 25",
        "JAVA_HOME": java_home,
        "COURSE_ROOT": str(paths.ROOT),
        # What a first chart needs; the launcher loads it on a spare thread while JShell compiles the start-up
        # script (JJava's own main class ignores this variable).
        "COURSE_KERNEL_PRELOAD": ",".join(PRELOAD),
    }


def installed_jar() -> pathlib.Path:
    return paths.KERNEL_DIR / "jjava.jar"


def install(java_home: str, heap_size: str | None = None, aot_cache: pathlib.Path | None = None) -> pathlib.Path:
    """Writes the kernelspec into the project's own Jupyter data dir and returns its folder."""
    java = str(pathlib.Path(java_home) / "bin" / "java")
    if not os.access(java, os.X_OK):
        raise SystemExit(f"No java binary at {java}: run ./course doctor.")
    kdir = paths.KERNEL_DIR
    kdir.mkdir(parents=True, exist_ok=True)
    jar = installed_jar()
    src = jjava_jar()
    if not jar.exists() or jar.read_bytes() != src.read_bytes():
        shutil.copy2(src, jar)
    build_launcher(java_home, jar)
    how = launch(java_home, heap_size or heap())
    spec = {
        "argv": how.argv(java, aot_cache),
        "display_name": paths.KERNEL_DISPLAY_NAME,
        "language": "java",
        "interrupt_mode": "message",
        "env": how.env,
        "metadata": {"debugger": False},
    }
    text = json.dumps(spec, indent=2) + "\n"
    target = kdir / "kernel.json"
    if not target.exists() or target.read_text() != text:
        target.write_text(text)
    return kdir
