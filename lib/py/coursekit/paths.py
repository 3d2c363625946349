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
LIB_DEPS = LIB_TARGET / "dependency"
STARTUP_SCRIPT = ROOT / "lib" / "kernel" / "startup.jsh"
# Project-local Jupyter data: kernelspecs live here, never in the user's global Jupyter dirs.
JUPYTER_DATA = ROOT / ".jupyter"
KERNEL_NAME = "java-course"
KERNEL_DISPLAY_NAME = "Java 25 (course)"
KERNEL_DIR = JUPYTER_DATA / "kernels" / KERNEL_NAME


def kernel_classpath() -> str:
    """The class path the kernel's JShell sees: lib's jar and its runtime dependencies."""
    return f"{LIB_JAR}:{LIB_DEPS}/*"
