"""The course in a real browser: JupyterLab started as a learner starts it (./course lab), driven by
Playwright (lib/browser, npm package playwright-core, no browser download) through Debian's Chromium,
headless. Opens 00-start-here, runs all cells, waits for the charts, edits a cell and reruns it, opens an
exercise and runs its check cell; screenshots and results.json go to target/browser/.

Runs only with COURSE_BROWSER_TEST=1 (``./course test --browser``, which .ci/run calls).
"""
from __future__ import annotations

import json
import os
import pathlib
import secrets
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest

from conftest import ROOT

BROWSER_DIR = ROOT / "lib" / "browser"
OUT = ROOT / "target" / "browser"
CHROMIUM = os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium")
EXERCISE = "notebooks/exercises/01-threads.ipynb"

pytestmark = pytest.mark.skipif(os.environ.get("COURSE_BROWSER_TEST") != "1",
                                reason="browser test: run ./course test --browser (sets COURSE_BROWSER_TEST=1)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_mb(pid: int) -> int:
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return 0


def _descendants(pid: int) -> list[int]:
    try:
        kids = [int(k) for k in pathlib.Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []
    return [d for k in kids for d in (k, *_descendants(k))]


def _api(port: int, token: str, path: str, method: str = "GET"):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method,
                                 headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(req, timeout=10) as r:
        body = r.read()
    return json.loads(body) if body else None


def _lab_settings(tmp: pathlib.Path) -> pathlib.Path:
    """User settings for this run only: no autosave (the test edits a committed notebook), no news popup."""
    settings = tmp / "user-settings"
    docmanager = settings / "@jupyterlab" / "docmanager-extension"
    docmanager.mkdir(parents=True)
    (docmanager / "plugin.jupyterlab-settings").write_text(json.dumps({"autosave": False}))
    apputils = settings / "@jupyterlab" / "apputils-extension"
    apputils.mkdir(parents=True)
    (apputils / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false"}))
    return settings


def test_open_run_edit_rerun_and_check_in_chromium(tmp_path):
    node = shutil.which("node")
    assert node, "Node.js is needed for the browser test: apt-get install -y nodejs npm"
    assert (BROWSER_DIR / "node_modules" / "playwright-core").is_dir(), \
        "playwright-core is not installed: run (cd lib/browser && npm ci)"
    assert os.access(CHROMIUM, os.X_OK), f"no Chromium at {CHROMIUM}: apt-get install -y chromium"
    exercise = EXERCISE if (ROOT / EXERCISE).is_file() else ""

    # The browser edits notebooks in memory only; whatever happens, the committed files stay as they are.
    guarded = [ROOT / "notebooks" / "00-start-here.ipynb"] + ([ROOT / exercise] if exercise else [])
    original = {p: p.read_bytes() for p in guarded}
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)

    port, token = _free_port(), secrets.token_hex(16)
    lab_log = open(tmp_path / "lab.log", "w")
    lab = subprocess.Popen(
        [str(ROOT / "course"), "lab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
         f"--IdentityProvider.token={token}", f"--LabApp.user_settings_dir={_lab_settings(tmp_path)}",
         f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}"],
        cwd=ROOT, env=dict(os.environ, BROWSER="true"), stdin=subprocess.DEVNULL,
        stdout=lab_log, stderr=subprocess.STDOUT)
    measured: dict = {}
    try:
        deadline = time.monotonic() + 300  # the first ./course lab may build lib and train the AOT cache
        while True:
            try:
                _api(port, token, "/api/status")
                break
            except OSError:
                assert lab.poll() is None, "./course lab exited:\n" + (tmp_path / "lab.log").read_text()[-3000:]
                assert time.monotonic() < deadline, "JupyterLab did not answer within 300 s"
                time.sleep(1)
        measured["lab_rss_mb_idle"] = _rss_mb(lab.pid)

        t0 = time.monotonic()
        run = subprocess.run(
            [node, str(BROWSER_DIR / "e2e.mjs"), "--url", f"http://127.0.0.1:{port}", "--token", token,
             "--out", str(OUT), "--chromium", CHROMIUM, *(["--exercise", exercise] if exercise else [])],
            cwd=BROWSER_DIR, capture_output=True, text=True, timeout=1200, stdin=subprocess.DEVNULL)
        measured["browser_seconds"] = round(time.monotonic() - t0, 1)
        # Memory after a learner's session: the server and each kernel JVM it started.
        measured["lab_rss_mb"] = _rss_mb(lab.pid)
        measured["kernel_rss_mb"] = sorted(_rss_mb(p) for p in _descendants(lab.pid)
                                           if pathlib.Path(f"/proc/{p}/exe").resolve().name == "java")
        lines = run.stdout.strip().splitlines()
        results = json.loads(lines[-1]) if lines else {}
        results["measured"] = measured
        (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n")
        assert run.returncode == 0, f"browser test failed (screenshots in {OUT}):\n{run.stderr[-4000:]}"

        assert results["startKernel"] == "Java 25 (course)" and results["startKernelSpec"] == "java-course"
        assert results["charts"] and all(c["w"] >= 100 and c["h"] >= 100 for c in results["charts"])
        assert results["primesBefore"] != results["primesAfter"]
        assert results["primesAfter"].startswith("primes below 1,000,000: ")
        for shot in ("02-speedup-chart.png", "04-start-here-ran.png", "05-edited-cell.png"):
            assert (OUT / shot).stat().st_size > 10_000, f"{shot} is missing or blank"
        if exercise:
            rows = results["checkTable"]
            assert len(rows) >= 2, f"the check cell's table has no rows: {rows}"
            assert (OUT / "06-exercise-check.png").stat().st_size > 5_000
        else:
            print(f"{EXERCISE} does not exist yet: the exercise step was skipped")
    finally:
        try:
            for k in _api(port, token, "/api/kernels") or []:
                _api(port, token, f"/api/kernels/{k['id']}", method="DELETE")
        except OSError:
            pass
        lab.terminate()
        try:
            lab.wait(timeout=30)
        except subprocess.TimeoutExpired:
            lab.kill()
        lab_log.close()
        changed = [p for p, data in original.items() if p.read_bytes() != data]
        for p in changed:
            p.write_bytes(original[p])
    assert not changed, f"JupyterLab wrote to committed notebooks (restored now): {changed}"
