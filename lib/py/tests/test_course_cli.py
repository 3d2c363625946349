"""The ./course command as a newcomer meets it: clear messages when something is missing or broken."""
from __future__ import annotations

import json
import os
import pathlib
import socket
import subprocess
import sys
import time
import urllib.request

import nbformat

from conftest import ROOT, course


def _notebook(tmp: pathlib.Path, name: str, *sources: str) -> pathlib.Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "java-course", "display_name": "Java 25 (course)", "language": "java"}
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    path = tmp / name
    nbformat.write(nb, str(path))
    return path


def test_doctor_explains_a_missing_jdk(tmp_path):
    # Only Java 17 on PATH, nothing else: the message must name it and say how to get JDK 25.
    r = course("doctor", env={"COURSE_JDK_SEARCH": "", "JAVA_HOME": str(tmp_path), "COURSE_JAVA_HOME": "",
                              "PATH": "/usr/bin:/bin"})
    out = r.stdout + r.stderr
    assert r.returncode != 0
    assert "No JDK 25 found" in out
    assert "not 25" in out or "looked at" in out
    assert "sdk install java 25-tem" in out


def test_doctor_explains_missing_jupyter(tmp_path):
    r = course("doctor", env={"COURSE_VENV": str(tmp_path / "no-venv")})
    out = r.stdout + r.stderr
    assert r.returncode != 0
    assert "Jupyter: MISSING" in out and "./course lab" in out


def test_doctor_reports_kernel_start():
    r = course("doctor")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "kernel start" in r.stdout and "spawn to ready" in r.stdout
    assert "cores" in r.stdout


def test_run_rejects_invalid_json_by_name(tmp_path):
    bad = tmp_path / "broken.ipynb"
    bad.write_text('{"cells": [ oops')
    r = course("run", str(bad))
    assert r.returncode != 0
    assert "broken.ipynb" in r.stdout and "not valid JSON" in r.stdout
    assert bad.read_text() == '{"cells": [ oops'  # nothing lost


def test_run_names_the_failing_cell_and_error(tmp_path):
    nb = _notebook(tmp_path, "fails.ipynb", "int x = 1;", 'throw new IllegalStateException("boom");', "int y = 2;")
    r = course("run", str(nb))
    assert r.returncode != 0
    assert "fails.ipynb, cell 2" in r.stdout and "boom" in r.stdout


def test_run_stops_a_cell_that_exceeds_the_timeout(tmp_path):
    nb = _notebook(tmp_path, "slow.ipynb", "Thread.sleep(60_000);")
    t0 = time.monotonic()
    r = course("run", "--timeout", "5", str(nb))
    assert r.returncode != 0
    assert "slow.ipynb, cell 1" in r.stdout and "timeout" in r.stdout
    assert time.monotonic() - t0 < 55


def test_run_writes_an_executed_copy(tmp_path):
    nb = _notebook(tmp_path, "hello.ipynb", 'System.out.println("hello " + (6 * 7));')
    r = course("run", str(nb))
    assert r.returncode == 0, r.stdout + r.stderr
    executed = json.loads((ROOT / "target" / "notebooks" / "hello.ipynb").read_text())
    text = executed["cells"][0]["outputs"][0]["text"]
    assert "".join(text) == "hello 42\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_lab_serves_the_course_kernel():
    port = _free_port()
    env = dict(os.environ, BROWSER="true")
    proc = subprocess.Popen([str(ROOT / "course"), "lab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
                             "--IdentityProvider.token=test-token"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True)
    try:
        deadline = time.monotonic() + 120
        specs = None
        while time.monotonic() < deadline and specs is None:
            try:
                req = urllib.request.Request(f"http://127.0.0.1:{port}/api/kernelspecs",
                                             headers={"Authorization": "token test-token"})
                specs = json.load(urllib.request.urlopen(req, timeout=5))
            except OSError:
                assert proc.poll() is None, proc.stdout.read()
                time.sleep(1)
        assert specs is not None, "JupyterLab did not answer within 120 s"
        assert "java-course" in specs["kernelspecs"]
        assert specs["kernelspecs"]["java-course"]["spec"]["display_name"] == "Java 25 (course)"
        with urllib.request.urlopen(urllib.request.Request(
                f"http://127.0.0.1:{port}/api/contents/notebooks/00-start-here.ipynb?content=0",
                headers={"Authorization": "token test-token"}), timeout=10) as r:
            assert json.load(r)["type"] == "notebook"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_run_rejects_an_unknown_machine_shape(tmp_path):
    nb = _notebook(tmp_path, "any.ipynb", "int x = 1;")
    r = course("run", "--shape", "two-gpus", str(nb))
    assert r.returncode == 2
    assert "two-gpus" in r.stderr and "plain, one-cpu, loaded" in r.stderr


def test_run_on_one_cpu_gives_the_kernel_one_cpu_and_binders_heap(tmp_path):
    # The kernel's own view: one processor, and the heap binder/start sets (not the local default).
    heap = subprocess.run(["bash", "-c", 'set --; source binder/start; printf %s "$COURSE_KERNEL_HEAP"'], cwd=ROOT,
                          capture_output=True, text=True, timeout=30).stdout
    nb = _notebook(tmp_path, "probe.ipynb", 'System.out.println(Runtime.getRuntime().availableProcessors() + " "'
                                            ' + java.lang.management.ManagementFactory.getRuntimeMXBean()'
                                            '.getInputArguments().stream().filter(a -> a.startsWith("-Xmx")).toList());')
    r = course("run", "--shape", "one-cpu", str(nb))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "probe.ipynb [one-cpu]" in r.stdout and "Run-All seconds per notebook" in r.stdout
    executed = json.loads((ROOT / "target" / "notebooks" / "one-cpu" / "probe.ipynb").read_text())
    assert "".join(executed["cells"][0]["outputs"][0]["text"]).strip() == f"1 [-Xmx{heap}]"


def _alive(pid: int) -> bool:
    try:
        return pathlib.Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


def test_background_load_stops_by_itself_at_its_time_cap():
    t0 = time.monotonic()
    r = subprocess.run([sys.executable, "-m", "coursekit.load", "--threads", "2", "--seconds", "1"],
                       cwd=ROOT / "lib" / "py", timeout=60)
    assert r.returncode == 0 and time.monotonic() - t0 < 30


def test_background_load_dies_with_the_run_that_started_it(tmp_path):
    # A run killed with SIGKILL cannot clean up: its load process must still go, well before its cap.
    starter = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom coursekit import load\n"
                                "bg = load.Background(2, max_seconds=600).__enter__()\n"
                                "print(bg.process.pid, flush=True)\ntime.sleep(600)\n"],
                               cwd=ROOT / "lib" / "py", stdout=subprocess.PIPE, text=True)
    try:
        load_pid = int(starter.stdout.readline())
        assert _alive(load_pid)
        starter.kill()
        starter.wait(timeout=30)
        deadline = time.monotonic() + 30
        while _alive(load_pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _alive(load_pid), "the background load outlived the run that started it"
    finally:
        starter.kill()
