"""Binder's 2 GB, measured: JupyterLab plus two open notebooks' kernels plus a grading run must stay under
1.8 GB of resident memory, with the settings a Binder session runs with (``binder/start``'s environment, the
kernel heap it sets) and on one CPU (``taskset -c 0``), as mybinder.org gives a session.

A real JupyterLab server (headless) opens two lessons through its REST API, as two browser tabs would; each
kernel runs its lesson's first cells; then ``./course grade`` grades an exercise's reference solution while
both kernels are alive. Resident memory (RSS, summed over every process tree) is sampled throughout and the
per-process peaks are printed. RSS counts pages shared between processes (the JVM's code, the AOT cache)
once per process, so the sum is an upper bound of what the session's memory cgroup is charged.
"""
from __future__ import annotations

import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import nbformat
import pytest
from jupyter_client import BlockingKernelClient

from conftest import ROOT

LIMIT_MB = 1800
# The heaviest first cells: lesson 01 sweeps threads (up to 8) and shows a table; lesson 09 starts worker JVMs.
LESSONS = {"notebooks/01-threads.ipynb": 3, "notebooks/09-processes.ipynb": 6}
EXERCISE = ROOT / "lib" / "instructor" / "exercises" / "01-threads.ipynb"

pytestmark = pytest.mark.skipif(shutil.which("taskset") is None or not pathlib.Path("/proc/self/status").exists(),
                                reason="needs Linux /proc and taskset (util-linux)")


def rss_mb(pid: int) -> float:
    try:
        for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def tree(pid: int) -> list[int]:
    """pid and all its descendants."""
    out = [pid]
    try:
        tasks = list(pathlib.Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return out
    for t in tasks:
        try:
            kids = (t / "children").read_text().split()
        except OSError:
            continue
        for k in kids:
            out += tree(int(k))
    return out


def describe(pid: int) -> str:
    try:
        argv = pathlib.Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "?"
    args = [a.decode(errors="replace") for a in argv if a]
    if not args:
        return "?"
    name = pathlib.Path(args[0]).name
    if name == "java":
        for flag in ("-cp", "-classpath", "--class-path", "-jar"):
            if flag in args and args.index(flag) + 2 <= len(args):
                at = args.index(flag) + (1 if flag == "-jar" else 2)
                return f"java {pathlib.Path(args[at]).name.rsplit('.', 1)[-1] if at < len(args) else '?'}"
        return "java"
    return " ".join([name] + [pathlib.Path(a).name for a in args[1:3]])


class Sampler:
    """Samples the RSS of named process trees every 50 ms; keeps each process's peak and the peak total."""

    def __init__(self):
        self.roots: dict[str, int] = {}
        self.peaks: dict[tuple[str, int], tuple[str, float]] = {}
        self.peak_total = 0.0
        self.peak_parts: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def sample(self) -> None:
        total, parts, seen = 0.0, {}, set()
        for group, root in list(self.roots.items()):
            for pid in tree(root):
                if pid in seen:
                    continue
                seen.add(pid)
                mb = rss_mb(pid)
                total += mb
                parts[group] = parts.get(group, 0.0) + mb
                key = (group, pid)
                if mb > self.peaks.get(key, ("", 0.0))[1]:
                    self.peaks[key] = (describe(pid), mb)
        if total > self.peak_total:
            self.peak_total, self.peak_parts = total, parts

    def _run(self):
        while not self._stop.is_set():
            self.sample()
            time.sleep(0.05)


def binder_env() -> dict[str, str]:
    """The environment binder/start gives a session, on top of this one."""
    out = subprocess.run([str(ROOT / "binder" / "start"), "env", "-0"], capture_output=True, check=True, timeout=30)
    env = dict(kv.split("=", 1) for kv in out.stdout.decode().split("\0") if "=" in kv)
    env["COURSE_VENV"] = sys.prefix  # Binder's conda environment is this virtualenv here
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api(port: int, path: str, body: dict | None = None) -> dict:
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method="POST" if body is not None else "GET",
                                 data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Authorization": "token memtest", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read() or b"{}")


def run_first_cells(connection_file: pathlib.Path, notebook: pathlib.Path, count: int) -> None:
    kc = BlockingKernelClient(connection_file=str(connection_file))
    kc.load_connection_file()
    kc.start_channels(hb=False)  # without a heartbeat yet, a client of a kernel it did not start thinks it dead
    try:
        kc.wait_for_ready(timeout=180)
        cells = [c for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "code"][:count]
        for cell in cells:
            reply = kc.execute_interactive(cell.source, timeout=300, output_hook=lambda m: None)
            assert reply["content"]["status"] == "ok", f"{notebook.name}: {reply['content'].get('evalue')}"
    finally:
        kc.stop_channels()


def test_lab_two_kernels_and_a_grading_run_fit_in_binder_memory(tmp_path):
    env = binder_env()
    env["JUPYTER_RUNTIME_DIR"] = str(tmp_path / "runtime")
    env["JUPYTER_CONFIG_DIR"] = str(tmp_path / "config")
    heap = env["COURSE_KERNEL_HEAP"]
    spec = json.loads((ROOT / ".jupyter" / "kernels" / "java-course" / "kernel.json").read_text())
    assert f"-Xmx{heap}" in spec["argv"], (
        f"the installed kernelspec is not Binder's (heap {heap}): run ./course setup with binder/start's settings")
    port = free_port()
    jupyter = pathlib.Path(sys.prefix) / "bin" / "jupyter"
    lab = subprocess.Popen(["taskset", "-c", "0", str(jupyter), "lab", "--no-browser", f"--port={port}",
                            "--ServerApp.token=memtest", f"--ServerApp.root_dir={ROOT}", "--allow-root"],
                           cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=(tmp_path / "lab.log").open("w"))
    try:
        with Sampler() as sampler:
            sampler.roots["JupyterLab"] = lab.pid
            deadline = time.monotonic() + 120
            while True:
                try:
                    api(port, "/api/status")
                    break
                except OSError:
                    assert lab.poll() is None and time.monotonic() < deadline, (tmp_path / "lab.log").read_text()[-2000:]
                    time.sleep(0.5)
            for path, count in LESSONS.items():
                before = set(tree(lab.pid))
                session = api(port, "/api/sessions", {"path": path, "type": "notebook", "name": pathlib.Path(path).name,
                                                      "kernel": {"name": "java-course"}})
                kid = session["kernel"]["id"]
                kernel_pid = next(p for p in tree(lab.pid) if p not in before and describe(p).startswith("java"))
                # kernels first, so that their trees are not counted as JupyterLab's
                sampler.roots = {f"kernel {pathlib.Path(path).stem}": kernel_pid, **sampler.roots}
                run_first_cells(tmp_path / "runtime" / f"kernel-{kid}.json", ROOT / path, count)
            submission = tmp_path / EXERCISE.name
            shutil.copy(EXERCISE, submission)
            grade = subprocess.Popen(["taskset", "-c", "0", str(ROOT / "course"), "grade", str(submission)], cwd=ROOT,
                                     env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            sampler.roots["grading"] = grade.pid
            out, _ = grade.communicate(timeout=600)
            assert grade.returncode == 0, out[-3000:]
            sampler.sample()
    finally:
        lab.terminate()
        try:
            lab.wait(timeout=30)
        except subprocess.TimeoutExpired:
            lab.kill()

    print(f"\nResident memory on one CPU with Binder's settings (kernel heap {heap}), peak per process:")
    best = {}
    for (group, pid), (what, mb) in sampler.peaks.items():  # a kernel sampled before it was named: its own group
        if mb > best.get(pid, ("", "", 0.0))[2]:
            best[pid] = (group, what, mb)
    for pid, (group, what, mb) in sorted(best.items(), key=lambda kv: -kv[1][2]):
        if mb >= 5:
            print(f"  {group:<20} {pid:>7}  {what:<30} {mb:7.0f} MB")
    parts = ", ".join(f"{g} {mb:.0f} MB" for g, mb in sampler.peak_parts.items())
    print(f"  peak total {sampler.peak_total:.0f} MB ({parts}); limit {LIMIT_MB} MB; load {os.getloadavg()[0]:.1f}")
    assert sampler.peak_total <= LIMIT_MB, f"{sampler.peak_total:.0f} MB at the peak ({parts}) is over {LIMIT_MB} MB"
