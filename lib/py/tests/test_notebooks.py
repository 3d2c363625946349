"""Every committed notebook: well-formed, output-free, on the course kernel, and executed for real on
every machine shape asked for (COURSE_SHAPES, set by ``./course test --shapes``; plain by default):
a failure names the notebook and the shape, e.g. ``test_executes_on_the_course_kernel[one-cpu-01-threads.ipynb]``."""
from __future__ import annotations

import json
import os
import pathlib
import re
import time

import pytest

from coursekit import notebooks, paths, runner, shapes

ALL = notebooks.committed()
IDS = [str(p.relative_to(paths.NOTEBOOKS)) for p in ALL]
LESSON = notebooks.LESSON
SHAPES = shapes.parse(os.environ.get("COURSE_SHAPES", "plain"))


@pytest.fixture(scope="module", params=SHAPES, ids=[s.name for s in SHAPES])
def shape(request):
    """The machine shape, module-scoped so that pytest runs a shape's notebooks together, with the
    background load (for a loaded shape) running through all of them and stopped after the last."""
    with shapes.running(request.param, echo=shapes.TIMES.notes.append):
        yield request.param


def test_there_are_notebooks():
    assert (paths.NOTEBOOKS / "00-start-here.ipynb") in ALL


@pytest.mark.parametrize("path", ALL, ids=IDS)
def test_structure(path):
    assert notebooks.problems(path) == []


def test_index_links_every_notebook():
    start = notebooks.read(paths.NOTEBOOKS / "00-start-here.ipynb")
    text = "\n".join(c.source for c in start.cells if c.cell_type == "markdown")
    missing = [str(p.relative_to(paths.NOTEBOOKS)) for p in ALL
               if p.name != "00-start-here.ipynb" and str(p.relative_to(paths.NOTEBOOKS)) not in text]
    assert missing == [], f"00-start-here does not link: {missing}"


# Main classes of the worker JVMs that lessons and exercises start (lib's pool, lesson helpers).
WORKER_MAINS = ("course.process.", "course.workers.", "course.lesson", "course.exercises.")
SURVIVORS_LINE = re.compile(r"descendant processes still running: (\d+)")
# Lessons whose last cell counts the worker processes still running and prints SURVIVORS_LINE.
SELF_CHECKING = ("09-processes.ipynb", "10-process-pools-and-shared-memory.ipynb")


def _course_workers() -> dict[int, str]:
    """Worker JVMs of this checkout (its lib/target and a worker main class on the command line), by pid."""
    found = {}
    for entry in pathlib.Path("/proc").glob("[0-9]*"):
        try:
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if str(paths.LIB_TARGET) in cmd and any(m in cmd for m in WORKER_MAINS):
            found[int(entry.name)] = cmd
    return found


def _stream_text(executed: dict) -> str:
    return "".join("".join(o["text"]) for c in executed["cells"] for o in c.get("outputs", [])
                   if o.get("output_type") == "stream")


@pytest.mark.parametrize("path", ALL, ids=IDS)
def test_executes_on_the_course_kernel(path, shape):
    before = set(_course_workers())
    result = runner.execute(path, shape=shape)
    shapes.TIMES.add(path, shape, result.seconds, result.ok)
    assert result.ok, result.line()
    executed = json.loads(result.executed.read_text())
    errors = [o for c in executed["cells"] for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    if LESSON.match(path.name) and path.parent == paths.NOTEBOOKS:
        pngs = [o for c in executed["cells"] for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
        assert pngs, f"{path.name}: a lesson must draw at least one chart (no image/png output)"
    # No child process survives a notebook: the kernel is gone now, so a worker still here is an orphan.
    deadline, left = time.monotonic() + 3, {}
    while time.monotonic() < deadline:
        left = {pid: cmd for pid, cmd in _course_workers().items() if pid not in before}
        if not left:
            break
        time.sleep(0.1)
    assert left == {}, "worker processes outlived the notebook:\n" + "\n".join(
        f"  {pid}: {cmd[-160:]}" for pid, cmd in left.items())
    if path.name in SELF_CHECKING and path.parent == paths.NOTEBOOKS:  # the lesson (not its exercise) checks its descendants
        counts = SURVIVORS_LINE.findall(_stream_text(executed))
        assert counts and counts[-1] == "0", f"the lesson's last check reported {counts[-1:] or 'nothing'}"


def test_binder_launch_links_are_in_sync():
    from coursekit import links
    assert links.problems() == []
