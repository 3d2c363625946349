"""Every committed notebook: well-formed, output-free, on the course kernel, and executed for real."""
from __future__ import annotations

import json
import re

import pytest

from coursekit import notebooks, paths, runner

ALL = notebooks.committed()
IDS = [str(p.relative_to(paths.NOTEBOOKS)) for p in ALL]
LESSON = re.compile(r"^\d\d-.*\.ipynb$")


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


@pytest.mark.parametrize("path", ALL, ids=IDS)
def test_executes_on_the_course_kernel(path):
    result = runner.execute(path)
    assert result.ok, result.line()
    executed = json.loads(result.executed.read_text())
    errors = [o for c in executed["cells"] for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    if LESSON.match(path.name) and path.parent == paths.NOTEBOOKS:
        pngs = [o for c in executed["cells"] for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
        assert pngs, f"{path.name}: a lesson must draw at least one chart (no image/png output)"


def test_binder_launch_links_are_in_sync():
    from coursekit import links
    assert links.problems() == []
