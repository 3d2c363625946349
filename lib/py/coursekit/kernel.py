"""Installs the ``java-course`` kernelspec: JJava's jar launched directly by the JDK 25 binary."""
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


def kernel_argv(java: str, jar: pathlib.Path, heap: str, aot_cache: pathlib.Path | None) -> list[str]:
    argv = [
        java,
        f"-Xmx{heap}",
        "-Djava.awt.headless=true",
        "--enable-preview",
        # JJava reflects into JShell's internals; the stock launcher adds this flag too.
        "--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED",
        # Dependencies (classgraph) call sun.misc.Unsafe; keep their warnings out of the kernel log.
        "--sun-misc-unsafe-memory-access=allow",
    ]
    if aot_cache is not None and aot_cache.is_file():
        # Ignored with a warning if stale (another JDK, jar set or flag set): safe either way.
        argv += [f"-XX:AOTCache={aot_cache}", "-Xlog:aot=off", "-Xlog:cds=off"]
    argv += ["-jar", str(jar), "{connection_file}"]
    return argv


def install(java_home: str, heap: str | None = None, aot_cache: pathlib.Path | None = None) -> pathlib.Path:
    """Writes the kernelspec into the project's own Jupyter data dir and returns its folder."""
    java = str(pathlib.Path(java_home) / "bin" / "java")
    if not os.access(java, os.X_OK):
        raise SystemExit(f"No java binary at {java}: run ./course doctor.")
    kdir = paths.KERNEL_DIR
    kdir.mkdir(parents=True, exist_ok=True)
    jar = kdir / "jjava.jar"
    src = jjava_jar()
    if not jar.exists() or jar.stat().st_size != src.stat().st_size or jar.stat().st_mtime < src.stat().st_mtime:
        shutil.copy2(src, jar)
    spec = {
        "argv": kernel_argv(java, jar, heap or os.environ.get("COURSE_KERNEL_HEAP", DEFAULT_HEAP), aot_cache),
        "display_name": paths.KERNEL_DISPLAY_NAME,
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            "JJAVA_CLASSPATH": paths.kernel_classpath(),
            "JJAVA_STARTUP_SCRIPTS_PATH": str(paths.STARTUP_SCRIPT),
            "JJAVA_COMPILER_OPTS": "--enable-preview --release 25",
            "JAVA_HOME": java_home,
            "COURSE_ROOT": str(paths.ROOT),
        },
        "metadata": {"debugger": False},
    }
    text = json.dumps(spec, indent=2) + "\n"
    target = kdir / "kernel.json"
    if not target.exists() or target.read_text() != text:
        target.write_text(text)
    return kdir
