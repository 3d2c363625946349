"""./course doctor: what this machine has, what is missing, and how long the kernel takes to start."""
from __future__ import annotations

import os
import pathlib
import platform
import shutil
import statistics
import subprocess
import sys

from . import bench, paths


def _ok(label: str, value: str) -> None:
    print(f"  ok    {label:<14} {value}")


def _bad(label: str, value: str, fix: str) -> None:
    print(f"  MISSING {label:<12} {value}\n          fix: {fix}")


def memory() -> str:
    try:
        with open("/proc/meminfo") as f:
            info = dict(line.split(":", 1) for line in f)
        total = int(info["MemTotal"].split()[0]) // 1024
        avail = int(info["MemAvailable"].split()[0]) // 1024
        return f"{total / 1024:.1f} GiB total, {avail / 1024:.1f} GiB available"
    except (OSError, KeyError, ValueError):
        return "unknown"


def run(measure: bool = True) -> int:
    """Prints the report; returns 0 when everything needed is present."""
    missing = 0
    print("Course doctor")
    java_home = os.environ.get("COURSE_JAVA_HOME", "")
    if java_home:
        version = subprocess.run([f"{java_home}/bin/java", "-version"], capture_output=True, text=True).stderr.splitlines()
        _ok("JDK", f"{version[0] if version else '?'} at {java_home}")
    else:
        missing += 1
        _bad("JDK 25", os.environ.get("COURSE_JDK_PROBLEM", "no JDK 25 found"), "install a JDK 25 (see ./course doctor output above)")
    bindir = pathlib.Path(sys.executable).parent
    jupyter = next((str(bindir / n) for n in ("jupyter-lab", "jupyter") if (bindir / n).exists()), None)
    if jupyter:
        import jupyterlab
        _ok("JupyterLab", f"{jupyterlab.__version__} ({jupyter})")
    else:
        missing += 1
        _bad("JupyterLab", "not in the course virtualenv", "rm -rf .venv && ./course lab")
    spec = paths.KERNEL_DIR / "kernel.json"
    if spec.is_file():
        _ok("kernel", f"{paths.KERNEL_NAME} ({spec})")
    else:
        missing += 1
        _bad("kernel", f"{spec} does not exist", "./course lab or ./course test installs it")
    if paths.LIB_JAR.is_file():
        deps = len(paths.lib_classpath()) - 1 if paths.LIB_CLASSPATH_FILE.is_file() else 0
        _ok("lib build", f"{paths.LIB_JAR.relative_to(paths.ROOT)} + {deps} dependency jars")
    else:
        missing += 1
        _bad("lib build", "lib/target/course-lib.jar is missing", "./mvnw -pl lib package, or any ./course command")
    _ok("cores", str(os.cpu_count()))
    _ok("memory", memory())
    _ok("python", f"{platform.python_version()} ({shutil.which('python3') or 'python3 not on PATH'})")
    if missing:
        print(f"\n{missing} thing(s) missing: fix them as shown, then run ./course doctor again.")
        return 1
    if measure:
        try:
            from jupyter_client.kernelspec import KernelSpecManager

            spec = KernelSpecManager().get_kernel_spec(paths.KERNEL_NAME)
            samples = int(os.environ.get("COURSE_DOCTOR_SAMPLES", "1"))
            ready, chart = bench.cold_starts(spec.argv, spec.env, samples)
            _ok("kernel start", f"{statistics.median(ready):.2f} s spawn to ready (median of {len(ready)})")
            _ok("first cell", f"{statistics.median(chart):.2f} s spawn to a first cell that draws a chart")
        except Exception as e:  # report, don't crash: the doctor's job is to explain
            _bad("kernel start", f"the kernel did not start: {e}", "read the error above; ./course lab shows the kernel log")
            return 1
    print("\nAll set: ./course lab opens the course.")
    return 0
