"""Lesson 05 (processes) leaves no process behind: checked in the notebook itself and from the OS.

The notebook's last cell prints how many descendants of the kernel still run. That is the kernel's
own view; this test also looks from outside: every worker JVM the lesson starts has this checkout's
library jar (or classes) and a worker main class on its command line, so a process with both that
appears during the run and is still there after the kernel has shut down is a leaked worker, now an
orphan that nobody will end.
"""
from __future__ import annotations

import json
import os
import pathlib
import re
import time

import pytest

from coursekit import paths, runner

NOTEBOOK = paths.NOTEBOOKS / "05-processes.ipynb"
# Main classes a worker JVM of this lesson runs (the pool's worker loop runs the tasks).
WORKER_MAINS = ("course.lesson05.", "course.process.PoolWorker", "course.process.tasks.")
SURVIVORS_LINE = re.compile(r"descendant processes still running: (\d+)")
PROC = pathlib.Path("/proc")


def _command_lines() -> dict[int, str]:
    """Every process's command line, by pid (Linux /proc); processes that vanish meanwhile are skipped."""
    found = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            raw = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if raw:
            found[int(entry.name)] = raw.replace(b"\0", b" ").decode("utf-8", "replace").strip()
    return found


def _lesson_workers() -> dict[int, str]:
    """Worker JVMs running this checkout's library: its jar or classes directory and a worker main class."""
    lib = str(paths.LIB_TARGET)
    return {pid: cmd for pid, cmd in _command_lines().items()
            if lib in cmd and any(main in cmd for main in WORKER_MAINS)}


def _outputs_text(executed: pathlib.Path) -> str:
    nb = json.loads(executed.read_text(encoding="utf-8"))
    texts = []
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                texts.append("".join(out["text"]) if isinstance(out["text"], list) else out["text"])
    return "".join(texts)


@pytest.mark.skipif(not PROC.is_dir(), reason="needs Linux /proc to list processes")
@pytest.mark.parametrize("name", [NOTEBOOK.name])
def test_no_worker_process_survives_the_lesson(name, monkeypatch):
    if "JUPYTER_PATH" not in os.environ:  # ./course sets it; a bare pytest run needs it for the kernelspec
        monkeypatch.setenv("JUPYTER_PATH", str(paths.JUPYTER_DATA))
    before = set(_lesson_workers())

    result = runner.execute(paths.NOTEBOOKS / name)
    assert result.ok, result.line()

    # The kernel's own view, printed by the notebook's last cell.
    counts = SURVIVORS_LINE.findall(_outputs_text(result.executed))
    assert counts, "the last cell must print 'descendant processes still running: N'"
    assert counts[-1] == "0", f"the notebook reports {counts[-1]} descendant processes still running"

    # The operating system's view: the kernel is gone now, so a worker still running is an orphan.
    # Allow a moment for processes that were already exiting.
    deadline = time.monotonic() + 3
    left = {}
    while time.monotonic() < deadline:
        left = {pid: cmd for pid, cmd in _lesson_workers().items() if pid not in before}
        if not left:
            break
        time.sleep(0.1)
    assert left == {}, "worker processes outlived the notebook:\n" + "\n".join(
        f"  {pid}: {cmd[-160:]}" for pid, cmd in left.items())
