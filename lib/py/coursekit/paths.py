"""Where things live. Everything is relative to the repository root, so a clone is self-contained."""
from __future__ import annotations

import os
import pathlib

ROOT = pathlib.Path(os.environ.get("COURSE_ROOT", pathlib.Path(__file__).resolve().parents[3]))
NOTEBOOKS = ROOT / "notebooks"
TARGET = ROOT / "target"
EXECUTED = TARGET / "notebooks"
LIB_TARGET = ROOT / "lib" / "target"
LIB_JAR = LIB_TARGET / "course-lib.jar"
# Written by the build (lib/pom.xml, dependency:build-classpath): lib's run-time jars, relative to LIB_TARGET.
LIB_CLASSPATH_FILE = LIB_TARGET / "classpath.txt"
# The JUnit console launcher the batch grader runs tests with (lib/pom.xml copies it here).
GRADER_JARS = LIB_TARGET / "grader"
STARTUP_SCRIPT = ROOT / "lib" / "kernel" / "startup.jsh"
# Project-local Jupyter data: kernelspecs live here, never in the user's global Jupyter dirs.
JUPYTER_DATA = ROOT / ".jupyter"
KERNEL_NAME = "java-course"
KERNEL_DISPLAY_NAME = "Java 25 (course)"
KERNEL_DIR = JUPYTER_DATA / "kernels" / KERNEL_NAME


def lib_classpath(grader: bool = False) -> list[str]:
    """lib's jar and its run-time dependencies, as the build listed them in ``lib/target/classpath.txt``
    (the one Python reader of that file; ``course.platform.LibClassPath`` is the Java one). With
    ``grader``, the JUnit console launcher too, as the batch grader's tools need it.
    """
    try:
        listed = LIB_CLASSPATH_FILE.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuntimeError(f"{LIB_CLASSPATH_FILE} is missing: build lib first (./course setup)") from None
    entries = [str(LIB_JAR)] + [str(LIB_TARGET / e.strip()) for e in listed.strip().split(":") if e.strip()]
    if grader:
        entries += [str(j) for j in sorted(GRADER_JARS.glob("*.jar"))]
    return entries


def java() -> str:
    """The JDK 25 ``java`` that ./course found (COURSE_JAVA_HOME), else JAVA_HOME's, else the one on PATH."""
    home = os.environ.get("COURSE_JAVA_HOME") or os.environ.get("JAVA_HOME")
    return str(pathlib.Path(home) / "bin" / "java") if home else "java"


def kernel_classpath() -> str:
    """The class path the kernel's JShell sees: lib's jar and its runtime dependencies."""
    return os.pathsep.join(lib_classpath())
