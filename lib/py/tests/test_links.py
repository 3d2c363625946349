"""./course links: launch and navigation cells generated from file names, found again by their tags.

The committed notebooks are checked by test_notebooks.py (links.problems() == []); here the tool itself runs
on a small course made in a temporary directory: gaps in the numbering, an exercise without a lesson,
hand-typed navigation to replace, an instructor copy to keep in step. The index's table of exercises is checked
there against a stand-in catalogue, and on the committed course against the grader's real one (lib's
``course.grading.batch.Catalogue``, run on the built lib) and each exercise's own "What is measured" table.
"""
from __future__ import annotations

import itertools
import pathlib
import re

import nbformat
import pytest

from coursekit import links, notebooks, paths

# The stand-in grader's catalogue of the small course: exercise id -> its graded tests' points.
CATALOGUE = {"03-visibility": {"points": 7}, "05-pools": {"points": 12}}


def _notebook(path: pathlib.Path, *markdown: str) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(m, id=f"c{i}") for i, m in enumerate(markdown)]
    nb.cells.insert(1, nbformat.v4.new_code_cell("int x = 1;", id="code"))  # after the title, as in a lesson
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))


@pytest.fixture
def course(tmp_path, monkeypatch):
    """A course of an index, lessons 01 03 07 (gaps), exercises 03 and 05 (05 has no lesson)."""
    nbs = tmp_path / "notebooks"
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    monkeypatch.setattr(paths, "NOTEBOOKS", nbs)
    monkeypatch.setattr(links, "EXERCISES", nbs / "exercises")
    monkeypatch.setattr(links, "INSTRUCTOR_EXERCISES", tmp_path / "lib" / "instructor" / "exercises")
    (tmp_path / "README.md").write_text("# Course\n\nIntro.\n", encoding="utf-8")
    _notebook(nbs / "00-start-here.ipynb", "# Start here")
    _notebook(nbs / "01-threads.ipynb", "[← 00 · Start here](00-start-here.ipynb) · [03 →](03-memory.ipynb)\n\n# 01 · Threads",
              "## Summary\n\n- one\n\n[← 00 · Start here](00-start-here.ipynb)")
    _notebook(nbs / "03-memory.ipynb", "# 03 · Memory model: happens-before")
    _notebook(nbs / "07-coordination.ipynb", "# 07 · Coordination", "[Index](00-start-here.ipynb)")
    _notebook(nbs / "exercises" / "03-visibility.ipynb", "# Exercise 03")
    _notebook(nbs / "exercises" / "05-pools.ipynb", "# Exercise 05")
    _notebook(tmp_path / "lib" / "instructor" / "exercises" / "03-visibility.ipynb", "# Exercise 03")
    monkeypatch.setattr(links, "catalogue", lambda: CATALOGUE)
    return tmp_path


def _cells(path: pathlib.Path):
    return nbformat.read(str(path), as_version=4).cells


def _nav(path: pathlib.Path) -> tuple[str, str]:
    cells = _cells(path)
    assert cells[0].metadata["tags"] == [links.LAUNCH_TAG]
    assert cells[1].metadata["tags"] == [links.TOP_TAG] and cells[-1].metadata["tags"] == [links.BOTTOM_TAG]
    return cells[1].source, cells[-1].source


def test_order_comes_from_file_numbers_with_gaps(course):
    assert [(p.kind, p.number) for p in links.pages()] == [
        ("index", 0), ("lesson", 1), ("lesson", 3), ("lesson", 7), ("exercise", 3), ("exercise", 5)]


def test_each_notebook_gets_previous_index_next_and_its_pair(course):
    links.write()
    nbs = course / "notebooks"
    top, bottom = _nav(nbs / "03-memory.ipynb")
    assert top == bottom == ("[← 01 · Threads](01-threads.ipynb) · [Index](00-start-here.ipynb) · "
                             "[07 · Coordination →](07-coordination.ipynb) · **Exercise:** [03 · Visibility](exercises/03-visibility.ipynb)")
    assert _nav(nbs / "00-start-here.ipynb")[0] == "[01 · Threads →](01-threads.ipynb)"
    assert _nav(nbs / "01-threads.ipynb")[0] == "[Index](00-start-here.ipynb) · [03 · Memory model →](03-memory.ipynb)"
    assert _nav(nbs / "07-coordination.ipynb")[0] == "[← 03 · Memory model](03-memory.ipynb) · [Index](00-start-here.ipynb)"
    assert _nav(nbs / "exercises" / "03-visibility.ipynb")[0] == (
        "[Index](../00-start-here.ipynb) · [Exercise 05 · Pools →](05-pools.ipynb) · **Lesson:** [03 · Memory model](../03-memory.ipynb)")
    assert _nav(nbs / "exercises" / "05-pools.ipynb")[0] == (
        "[← Exercise 03 · Visibility](03-visibility.ipynb) · [Index](../00-start-here.ipynb)"), "no lesson 05: no lesson link"


def test_launch_cell_opens_that_notebook(course):
    links.write()
    launch = _cells(course / "notebooks" / "exercises" / "05-pools.ipynb")[0].source
    assert launch.startswith(links.MARKER)
    assert "urlpath=lab/tree/notebooks/exercises/05-pools.ipynb)" in launch
    assert links.readme_badge() in (course / "README.md").read_text(encoding="utf-8")


def test_hand_typed_navigation_is_replaced_and_content_kept(course):
    links.write()
    nbs = course / "notebooks"
    sources = [c.source for c in _cells(nbs / "01-threads.ipynb")]
    assert sources[2] == "# 01 · Threads"
    assert sources[4] == "## Summary\n\n- one"
    assert [c.source for c in _cells(nbs / "07-coordination.ipynb")][2:-1] == ["# 07 · Coordination", "int x = 1;"], \
        "a cell holding only a nav line is gone"


def test_rerun_changes_nothing_and_keeps_jupyter_formatting(course):
    assert links.write() > 0
    path = course / "notebooks" / "03-memory.ipynb"
    before = path.read_text(encoding="utf-8")
    assert links.write() == 0
    assert links.problems() == []
    assert path.read_text(encoding="utf-8") == before
    assert before.endswith("}\n") and before.startswith('{\n "cells": [\n  {\n')  # indent 1, trailing newline


def test_check_names_stale_files_and_the_instructor_copy_moves_with_its_exercise(course):
    links.write()
    instructor = course / "lib" / "instructor" / "exercises" / "03-visibility.ipynb"
    assert _nav(instructor) == _nav(course / "notebooks" / "exercises" / "03-visibility.ipynb")
    # a new lesson 05 appears: 03's next link, exercise 05's lesson link and the index's neighbours go stale
    _notebook(course / "notebooks" / "05-pools-and-futures.ipynb", "# 05 · Pools and futures")
    stale = links.problems()
    assert "notebooks/03-memory.ipynb: launch or navigation cells missing or stale (run ./course links)" in stale
    assert any(s.startswith("notebooks/exercises/05-pools.ipynb") for s in stale)
    assert any(s.startswith("notebooks/05-pools-and-futures.ipynb") for s in stale)
    assert not any("01-threads" in s for s in stale), "01's neighbours did not change"
    links.write()
    assert links.problems() == []
    assert "**Lesson:** [05 · Pools and futures](../05-pools-and-futures.ipynb)" in _nav(course / "notebooks" / "exercises" / "05-pools.ipynb")[0]


def test_a_generated_cell_that_lost_its_tag_in_a_merge_is_replaced_not_kept(course):
    links.write()
    lesson = course / "notebooks" / "07-coordination.ipynb"
    nb = nbformat.read(str(lesson), as_version=4)
    nb.cells[-1].metadata = {}                      # what a conflicting merge of the JSON left behind once
    nb.cells.insert(len(nb.cells) - 1, nbformat.v4.new_markdown_cell("[Index](00-start-here.ipynb)", id="stray"))
    nb.cells[-2].id = links.BOTTOM_TAG
    nb.cells[-1].id = "x1"
    nb.cells[-1].metadata = {"tags": [links.BOTTOM_TAG]}
    nbformat.write(nb, str(lesson))
    links.write()
    cells = _cells(lesson)
    bottoms = [c for c in cells if c.get("id") == links.BOTTOM_TAG or links.BOTTOM_TAG in c.metadata.get("tags", [])]
    assert len(bottoms) == 1 and cells[-1] is bottoms[0]
    assert links.problems() == []


def _table(path: pathlib.Path) -> list[str]:
    """The rows of the index's generated table of exercises, as Markdown lines."""
    cells = [c for c in _cells(path) if links.EXERCISES_TAG in c.metadata.get("tags", [])]
    assert len(cells) == 1, "one table of exercises in the index"
    return [line for line in cells[0].source.splitlines() if line.startswith("| [") or line.startswith("| 0")]


def _kind(path: pathlib.Path, kind: str) -> None:
    nb = nbformat.read(str(path), as_version=4)
    nb.metadata["course"] = {"exercise": path.stem, "kind": kind}
    nbformat.write(nb, str(path))


def test_index_lists_the_exercises_in_lesson_order_with_kind_and_points(course):
    nbs = course / "notebooks"
    _notebook(nbs / "exercises" / "03-visibility.ipynb", "# Exercise 03: publish it safely")
    _kind(nbs / "exercises" / "05-pools.ipynb", "diagnose")
    links.write()
    assert _table(nbs / "00-start-here.ipynb") == [
        "| [03 · Memory model](03-memory.ipynb) | [Publish it safely](exercises/03-visibility.ipynb) | implement | 7 |",
        "| 05 | [Exercise 05](exercises/05-pools.ipynb) | diagnose | 12 |"], "no lesson 05: its number only"
    text = "\n".join(c.source for c in _cells(nbs / "00-start-here.ipynb"))
    assert "2 exercises, 19 points in all." in text


def test_a_new_exercise_appears_in_the_index_with_no_edit_beyond_its_own_files(course, monkeypatch):
    links.write()
    nbs = course / "notebooks"
    _notebook(nbs / "exercises" / "04-liveness.ipynb", "# Exercise 04: find the livelock")
    _kind(nbs / "exercises" / "04-liveness.ipynb", "diagnose")
    monkeypatch.setattr(links, "catalogue", lambda: {**CATALOGUE, "04-liveness": {"points": 9}})
    assert ("notebooks/00-start-here.ipynb: launch or navigation cells or the table of exercises missing or stale"
            " (run ./course links)") in links.problems()
    links.write()
    assert links.problems() == []
    assert [row.split(" | ")[1] for row in _table(nbs / "00-start-here.ipynb")] == [
        "[Exercise 03](exercises/03-visibility.ipynb)", "[Find the livelock](exercises/04-liveness.ipynb)",
        "[Exercise 05](exercises/05-pools.ipynb)"]
    assert _table(nbs / "00-start-here.ipynb")[1].endswith("| diagnose | 9 |")


def test_an_exercise_the_grader_does_not_know_is_named_not_given_points(course, monkeypatch):
    monkeypatch.setattr(links, "catalogue", lambda: {"03-visibility": {"points": 7}})
    links.write()
    assert _table(course / "notebooks" / "00-start-here.ipynb")[1].endswith("| implement | ? |")
    assert links.problems() == ['notebooks/exercises/05-pools.ipynb: no graded test class for it (a @Graded("05-pools")'
                                ' class under course.exercises in lib): the index cannot show its points']


def test_the_table_goes_after_the_exercises_heading_and_stays_where_it_is(course):
    index = course / "notebooks" / "00-start-here.ipynb"
    _notebook(index, "# Start here", "## The exercises\n\nGraded.", "## Summary")
    links.write()
    sources = [c.source for c in _cells(index)]
    assert sources[4] == "## The exercises\n\nGraded." and sources[5].startswith("| lesson | exercise | kind | points |")
    nb = nbformat.read(str(index), as_version=4)
    nb.cells.append(nb.cells.pop(5))              # moved by hand below the summary (and the bottom navigation)
    nb.cells[-1].source = "| typed | by hand |"
    nbformat.write(nb, str(index))
    links.write()
    cells = _cells(index)
    assert cells[-1].metadata["tags"] == [links.BOTTOM_TAG], "navigation stays last"
    assert [c.metadata.get("tags") for c in cells].count([links.EXERCISES_TAG]) == 1
    assert links.problems() == []


# ---------------------------------------------------------------- the committed course, with the real catalogue

def _points(cell: str) -> int:
    """A "points" cell of a table: a number, or numbers added ("1 + 1")."""
    assert re.fullmatch(r"\d+( \+ \d+)*", cell), f"a points cell reads {cell!r}: write a number or a sum (1 + 1)"
    return sum(int(n) for n in cell.split("+"))


def _measured(path: pathlib.Path) -> int | None:
    """The total of the points column of an exercise's "What is measured" table (None when it has none)."""
    for cell in notebooks.read(path).cells:
        lines = cell.source.splitlines()
        if cell.cell_type == "markdown" and "## What is measured" in lines:
            after = lines[lines.index("## What is measured") + 1:]
            start = next(i for i, line in enumerate(after) if line.startswith("|"))
            table = list(itertools.takewhile(lambda line: line.startswith("|"), after[start:]))
            return sum(_points(row.strip().strip("|").split("|")[-1].strip()) for row in table[2:])
    return None


def test_the_committed_index_table_matches_the_graders_catalogue():
    graded = links.catalogue()
    rows = _table(paths.NOTEBOOKS / links.INDEX_NAME)
    listed = {re.search(r"\(exercises/([^)]+)\.ipynb\)", r).group(1): int(r.rstrip(" |").rsplit("| ", 1)[1]) for r in rows}
    exercises = sorted(p.stem for p in links.EXERCISES.glob("*.ipynb"))
    assert list(listed) == exercises, "one row per exercise notebook, in lesson order"
    assert listed == {e: graded[e]["points"] for e in exercises}
    for e in exercises:
        assert graded[e]["points"] == sum(t["points"] for t in graded[e]["tests"]) > 0


@pytest.mark.parametrize("exercise", sorted(p.stem for p in links.INSTRUCTOR_EXERCISES.glob("*.ipynb")))
def test_each_exercise_states_the_points_its_tests_give(exercise):
    """The "What is measured" table a learner reads adds up to what the grader gives."""
    total = _measured(links.INSTRUCTOR_EXERCISES / f"{exercise}.ipynb")
    assert total is not None, f"{exercise}: no \"## What is measured\" table"
    assert total == links.catalogue()[exercise]["points"], (
        f"{exercise}: its \"What is measured\" table adds up to {total} points, its graded tests give "
        f"{links.catalogue()[exercise]['points']}: {[(t['method'], t['points']) for t in links.catalogue()[exercise]['tests']]}")
