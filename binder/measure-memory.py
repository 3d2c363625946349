"""Prints the resident memory (RSS) of what a Binder session runs beside JupyterLab: the course kernel
after 00-start-here, and a grading run (./course grade on an exercise) while that kernel is alive.

    ./course setup && binder/start .venv/bin/python binder/measure-memory.py

Run it after ./course setup (or postBuild) with the heap binder/start sets (COURSE_KERNEL_HEAP).
JupyterLab's own RSS is recorded by the browser test (target/browser/results.json).
"""
import os
import pathlib
import subprocess
import sys
import tempfile
import time

import nbformat
from jupyter_client.manager import KernelManager

ROOT = pathlib.Path(__file__).resolve().parents[1]
PROBE = r'''
var mx = java.lang.management.ManagementFactory.getMemoryMXBean();
System.out.println("heap used " + (mx.getHeapMemoryUsage().getUsed() >> 20) + " MB, committed "
    + (mx.getHeapMemoryUsage().getCommitted() >> 20) + " MB, max " + (mx.getHeapMemoryUsage().getMax() >> 20) + " MB");
'''


def rss_mb(pid: int) -> int:
    try:
        for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def java_tree(pid: int) -> list[tuple[int, bytes]]:
    """(pid, command line) of every java process in the tree under pid."""
    out = []
    try:
        cmd = pathlib.Path(f"/proc/{pid}/cmdline").read_bytes()
        if cmd.split(b"\0")[0].endswith(b"java"):
            out.append((pid, cmd))
        kids = pathlib.Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return out
    for k in kids:
        out += java_tree(int(k))
    return out


def main() -> int:
    if not (ROOT / ".jupyter" / "kernels" / "java-course" / "kernel.json").is_file():
        print("No java-course kernel: run ./course setup first.", file=sys.stderr)
        return 2
    os.environ["JUPYTER_PATH"] = str(ROOT / ".jupyter")
    km = KernelManager(kernel_name="java-course")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=180)
        pid = km.provisioner.process.pid
        heap = [a for a in km.kernel_spec.argv if a.startswith("-Xmx")]
        print(f"kernel {' '.join(heap)}: {rss_mb(pid)} MB RSS after start")
        nb = nbformat.read(ROOT / "notebooks" / "00-start-here.ipynb", as_version=4)
        t0 = time.monotonic()
        for cell in nb.cells:
            if cell.cell_type == "code":
                reply = kc.execute_interactive(cell.source, timeout=300, output_hook=lambda m: None)
                if reply["content"]["status"] != "ok":
                    print(f"a cell failed: {reply['content'].get('evalue')}", file=sys.stderr)
                    return 1
        print(f"kernel: {rss_mb(pid)} MB RSS after 00-start-here ({time.monotonic() - t0:.0f} s)")
        kc.execute_interactive(PROBE, timeout=60, output_hook=lambda m: print("  " + m["content"]["text"].strip())
                               if m["msg_type"] == "stream" else None)

        exercise = next(iter(sorted((ROOT / "notebooks" / "exercises").glob("*.ipynb"))), None)
        if exercise is None:
            print("no exercise notebook: no grading run")
            return 0
        with tempfile.TemporaryDirectory() as tmp:
            submission = pathlib.Path(tmp) / exercise.name
            submission.write_bytes(exercise.read_bytes())
            grade = subprocess.Popen([str(ROOT / "course"), "grade", str(submission)], cwd=ROOT,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            peaks, peak_sum = {}, 0
            while grade.poll() is None:
                total = 0
                for p, cmd in java_tree(grade.pid):
                    r = rss_mb(p)
                    total += r
                    name = "grader JVM (GradeCommand)" if b"GradeCommand" in cmd else "submission JVM"
                    peaks[name] = max(peaks.get(name, 0), r)
                peak_sum = max(peak_sum, total)
                time.sleep(0.05)
        for name, mb in peaks.items():
            print(f"{name}: {mb} MB peak RSS")
        print(f"grading, all its JVMs at once: {peak_sum} MB peak RSS (exit {grade.returncode}, {exercise.name})")
        print(f"kernel: {rss_mb(pid)} MB RSS at the end")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
