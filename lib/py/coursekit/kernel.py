"""Installs the ``java-course`` kernelspec: JJava's jar launched directly by the JDK 25 binary.

The kernel JVM gets lib and its dependencies on its own class path as well as in ``JJAVA_CLASSPATH``
(which JShell's compiler reads): classes then load through the application class loader, which a
JDK 25 AOT cache can hold (see :mod:`coursekit.aot`).
"""
from __future__ import annotations

import json
import os
import pathlib
import shutil
import sys
import sysconfig

from . import paths

# The heap cap keeps the kernel plus a grading JVM inside Binder's 2 GB.
DEFAULT_HEAP = "1g"
MAIN_CLASS = "org.dflib.jjava.distro.JJava"


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


def launch_classpath(jar: pathlib.Path) -> str:
    return f"{jar}:{paths.kernel_classpath()}"


def kernel_argv(java: str, jar: pathlib.Path, heap_size: str, aot_cache: pathlib.Path | None) -> list[str]:
    argv = [java, *jvm_flags(heap_size)]
    if aot_cache is not None and aot_cache.is_file():
        # A stale cache (another JDK, jar set or flag set) is refused by the JVM and startup goes on
        # without it; the logs are off so that refusal does not clutter the kernel's output.
        argv += [f"-XX:AOTCache={aot_cache}", "-Xlog:aot=off", "-Xlog:cds=off"]
    argv += ["-cp", launch_classpath(jar), MAIN_CLASS, "{connection_file}"]
    return argv


def kernel_env(java_home: str) -> dict[str, str]:
    return {
        "JJAVA_CLASSPATH": paths.kernel_classpath(),
        "JJAVA_STARTUP_SCRIPTS_PATH": str(paths.STARTUP_SCRIPT),
        "JJAVA_COMPILER_OPTS": "--enable-preview --release 25",
        "JAVA_HOME": java_home,
        "COURSE_ROOT": str(paths.ROOT),
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
    spec = {
        "argv": kernel_argv(java, jar, heap_size or heap(), aot_cache),
        "display_name": paths.KERNEL_DISPLAY_NAME,
        "language": "java",
        "interrupt_mode": "message",
        "env": kernel_env(java_home),
        "metadata": {"debugger": False},
    }
    text = json.dumps(spec, indent=2) + "\n"
    target = kdir / "kernel.json"
    if not target.exists() or target.read_text() != text:
        target.write_text(text)
    return kdir
