"""Generated links: the README's Binder badge and, in every notebook, a launch cell and a navigation cell at
the top and a navigation cell at the bottom. ``./course links`` writes them; ``./course links --check`` and
the tests fail when one is missing or stale.

Order comes from file names only: the index is ``notebooks/00-start-here.ipynb``, lessons are
``notebooks/NN-*.ipynb`` and exercises ``notebooks/exercises/NN-*.ipynb`` (gaps in the numbers are fine).
Exercise NN pairs with lesson NN; an exercise whose number no lesson has pairs with none. Generated cells
carry a cell tag (``GENERATED_TAGS``) and a fixed cell id, so the tool finds them again and a rerun changes
nothing. An exercise's cells go into its instructor notebook (``lib/instructor/exercises``) too, since
``./course release`` makes the student notebook from it.

The index also gets a generated table of the exercises (cell tag ``EXERCISES_TAG``): lesson, exercise, kind and
points, one row per notebook under ``notebooks/exercises``. The points are the sum of the exercise's graded tests as
the grader counts them (``catalogue()``, printed by lib's ``course.grading.batch.Catalogue``); the kind is the
notebook's metadata ``course.kind`` (default ``DEFAULT_KIND``), the title its first heading without "Exercise NN:".
A new exercise appears in the table with no edit beyond its own files.

The repository slug lives in one place (``REPOSITORY``); change it there when the course moves.
"""
from __future__ import annotations

import dataclasses
import json
import os
import pathlib
import re
import subprocess

import nbformat

from . import notebooks, paths

REPOSITORY = "concurrency-in-java/course"
BRANCH = "HEAD"
BADGE = "https://mybinder.org/badge_logo.svg"
MARKER = "<!-- launch -->"
INDEX_NAME = "00-start-here.ipynb"
EXERCISES = paths.NOTEBOOKS / "exercises"
INSTRUCTOR_EXERCISES = paths.ROOT / "lib" / "instructor" / "exercises"

LAUNCH_TAG, TOP_TAG, BOTTOM_TAG = "course-launch", "course-nav-top", "course-nav-bottom"
GENERATED_TAGS = (LAUNCH_TAG, TOP_TAG, BOTTOM_TAG)
EXERCISES_TAG = "course-exercises"  # the index's table of exercises; it stays where it is, after "## The exercises"
EXERCISES_HEADING = re.compile(r"^## The exercises", re.MULTILINE)
DEFAULT_KIND = "implement"
EXERCISE_TITLE = re.compile(r"^Exercise\s+\d+\s*[:·.-]\s*", re.IGNORECASE)
NUMBERED = re.compile(r"^(\d+)-(.+)\.ipynb$")
# A line of links to notebooks and nothing else: the navigation that was typed by hand before this tool.
HAND_NAV = re.compile(r"^\[[^\]]+\]\([^)]*\.ipynb\)( · \[[^\]]+\]\([^)]*\.ipynb\))*$")


@dataclasses.dataclass(frozen=True)
class Page:
    """One notebook a learner opens, with its place in the course."""

    path: pathlib.Path
    kind: str  # "index", "lesson" or "exercise"
    number: int

    @property
    def files(self) -> list[pathlib.Path]:
        """The files that carry this page's generated cells: an exercise's instructor source as well."""
        source = INSTRUCTOR_EXERCISES / self.path.name
        return [self.path, source] if self.kind == "exercise" and source.is_file() else [self.path]


def _numbered(directory: pathlib.Path) -> list[tuple[int, pathlib.Path]]:
    found = [(int(m.group(1)), p) for p in directory.glob("*.ipynb") if (m := NUMBERED.match(p.name))]
    return sorted(found, key=lambda t: (t[0], t[1].name))


def pages() -> list[Page]:
    """The index, then the lessons, then the exercises, each in file-name order."""
    out = []
    for n, p in _numbered(paths.NOTEBOOKS):
        out.append(Page(p, "index" if p.name == INDEX_NAME else "lesson", n))
    out += [Page(p, "exercise", n) for n, p in _numbered(EXERCISES)]
    return out


def lessons() -> list[pathlib.Path]:
    """00-start-here and the lessons: the notebooks directly under notebooks/."""
    return [p.path for p in pages() if p.kind != "exercise"]


def launch_url(path: pathlib.Path) -> str:
    rel = path.resolve().relative_to(paths.ROOT).as_posix()
    return f"https://mybinder.org/v2/gh/{REPOSITORY}/{BRANCH}?urlpath=lab/tree/{rel}"


def launch_cell_source(path: pathlib.Path) -> str:
    return f"{MARKER}[![Launch on Binder]({BADGE})]({launch_url(path)}) · runs in your browser, nothing to install"


def readme_badge() -> str:
    return f"[![Launch on Binder]({BADGE})]({launch_url(paths.NOTEBOOKS / INDEX_NAME)})"


def _is_generated(cell) -> bool:
    """A cell this tool wrote (by its tag, or by its fixed id when a merge dropped the tag), or a launch cell
    from before the tags."""
    tags = cell.get("metadata", {}).get("tags", [])
    return (any(t in GENERATED_TAGS for t in tags) or cell.get("id") in GENERATED_TAGS
            or (cell.cell_type == "markdown" and cell.source.startswith(MARKER)))


def label(page: Page) -> str:
    """How links name a page: "Index", "Exercise 02 · Bank", or a lesson's title up to its first colon."""
    if page.kind == "index":
        return "Index"
    topic = NUMBERED.match(page.path.name).group(2).replace("-", " ").capitalize()
    if page.kind == "exercise":
        return f"Exercise {page.number:02d} · {topic}"
    heading = _heading(page.path)
    return heading.split(":")[0].strip() if heading else f"{page.number:02d} · {topic}"


def _heading(path: pathlib.Path) -> str | None:
    """The notebook's first level-1 heading (generated cells aside), without its "# "."""
    for cell in notebooks.read(path).cells:
        if cell.cell_type == "markdown" and not _is_generated(cell):
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return None


def _link(text: str, target: Page, here: Page) -> str:
    return f"[{text}]({pathlib.Path(os.path.relpath(target.path, here.path.parent)).as_posix()})"


def nav_source(page: Page, everything: list[Page], labels: dict[pathlib.Path, str]) -> str:
    """Previous · Index · next in the page's own series, then its exercise(s) or its lesson."""
    index = next((p for p in everything if p.kind == "index"), None)
    series = [p for p in everything if p.kind == page.kind or {p.kind, page.kind} == {"index", "lesson"}]
    i = series.index(page)
    parts = []
    if i > 0 and series[i - 1] is not index:
        parts.append(_link(f"← {labels[series[i - 1].path]}", series[i - 1], page))
    if index is not None and page is not index:
        parts.append(_link("Index", index, page))
    if i + 1 < len(series):
        parts.append(_link(f"{labels[series[i + 1].path]} →", series[i + 1], page))
    if page.kind == "lesson":
        parts += [f"**Exercise:** {_link(labels[e.path].removeprefix('Exercise '), e, page)}" for e in everything
                  if e.kind == "exercise" and e.number == page.number]
    if page.kind == "exercise":
        parts += [f"**Lesson:** {_link(labels[l.path], l, page)}" for l in everything
                  if l.kind == "lesson" and l.number == page.number]
    return " · ".join(parts)


def _cell(source: str, tag: str):
    return nbformat.v4.new_markdown_cell(source, id=tag, metadata={"tags": [tag]})


def _without_hand_nav(cells: list) -> list:
    """The cells with the hand-typed navigation gone: a content cell at either end that holds nothing but a
    nav line, the first line of the first content cell and the last line of the last one when they are nav lines."""
    cells = [c for c in cells if not _is_generated(c)]
    for end in (0, -1):
        if cells and cells[end].cell_type == "markdown" and HAND_NAV.match(cells[end].source.strip()):
            cells.pop(end)
    if cells and cells[0].cell_type == "markdown":
        first, _, rest = cells[0].source.partition("\n")
        if HAND_NAV.match(first.strip()):
            cells[0] = nbformat.from_dict({**cells[0], "source": rest.lstrip("\n")})
    if cells and cells[-1].cell_type == "markdown":
        rest, _, last = cells[-1].source.rpartition("\n")
        if HAND_NAV.match(last.strip()):
            cells[-1] = nbformat.from_dict({**cells[-1], "source": rest.rstrip("\n")})
    return cells


_catalogue: dict[tuple, dict[str, dict]] = {}


def catalogue() -> dict[str, dict]:
    """The grader's exercises by id: ``{"testClass", "points", "tests": [{"method", "name", "points", ...}]}``, as
    lib's ``course.grading.batch.Catalogue`` prints them from the compiled ``@Graded`` test classes (one JVM per
    build of lib: the result is kept while lib's jar stays the same)."""
    key = tuple(p.stat().st_mtime_ns for p in (paths.LIB_JAR, paths.LIB_CLASSPATH_FILE) if p.exists())
    if key not in _catalogue:
        cmd = [paths.java(), "-cp", os.pathsep.join(paths.lib_classpath()), "course.grading.batch.Catalogue"]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        except FileNotFoundError:
            raise RuntimeError(f"no java at {cmd[0]}: run through ./course, which finds a JDK 25") from None
        if done.returncode != 0:
            raise RuntimeError(f"the exercises' catalogue could not be read (build lib: ./course setup):\n{done.stderr}")
        _catalogue.clear()
        _catalogue[key] = json.loads(done.stdout)
    return _catalogue[key]


def exercise_title(path: pathlib.Path) -> str:
    """An exercise's first heading without its "Exercise NN:" prefix, capitalised ("A pipeline that ends")."""
    title = EXERCISE_TITLE.sub("", _heading(path) or "") or NUMBERED.match(path.name).group(2).replace("-", " ")
    return title[:1].upper() + title[1:]


def exercise_kind(path: pathlib.Path) -> str:
    """What the learner does: the notebook's metadata ``course.kind`` ("diagnose", "write a stress test", ...)."""
    return str(notebooks.read(path).metadata.get("course", {}).get("kind") or DEFAULT_KIND)


def exercises_table(here: Page, everything: list[Page], labels: dict[pathlib.Path, str]) -> str:
    """The index's table: one row per exercise in lesson order, its points from the grader's catalogue."""
    known = catalogue()
    rows, total = [], 0
    for e in (p for p in everything if p.kind == "exercise"):
        lesson = next((_link(labels[l.path], l, here) for l in everything if l.kind == "lesson" and l.number == e.number),
                      f"{e.number:02d}")
        points = known.get(e.path.stem, {}).get("points")
        total += points or 0
        rows.append(f"| {lesson} | {_link(exercise_title(e.path), e, here)} | {exercise_kind(e.path)} | "
                    f"{points if points is not None else '?'} |")
    return "\n".join(["| lesson | exercise | kind | points |", "|---|---|---|---:|", *rows, "",
                      f"{len(rows)} exercises, {total} points in all."])


def _tagged(cell, tag: str) -> bool:
    return tag in cell.get("metadata", {}).get("tags", []) or cell.get("id") == tag


def _with_exercises_table(cells: list, page: Page, everything: list[Page], labels: dict[pathlib.Path, str]) -> list:
    """The index's cells with the table of exercises in its place: where it was, else after the cell that holds
    the heading "## The exercises", else at the end."""
    if not any(p.kind == "exercise" for p in everything):
        return cells
    table = _cell(exercises_table(page, everything, labels), EXERCISES_TAG)
    at = next((i for i, c in enumerate(cells) if _tagged(c, EXERCISES_TAG)), None)
    if at is not None:
        return cells[:at] + [table] + [c for c in cells[at + 1:] if not _tagged(c, EXERCISES_TAG)]
    heading = next((i for i, c in enumerate(cells) if c.cell_type == "markdown" and EXERCISES_HEADING.search(c.source)),
                   len(cells) - 1)
    return cells[:heading + 1] + [table] + cells[heading + 1:]


def expected(page: Page, nb, everything: list[Page], labels: dict[pathlib.Path, str]) -> list:
    """The notebook's cells as they should be: launch and top navigation first, bottom navigation last; in the
    index, the table of exercises."""
    nav = nav_source(page, everything, labels)
    content = _without_hand_nav(nb.cells)
    if page.kind == "index":
        content = _with_exercises_table(content, page, everything, labels)
    return ([_cell(launch_cell_source(page.path), LAUNCH_TAG), _cell(nav, TOP_TAG)]
            + content + [_cell(nav, BOTTOM_TAG)])


def _plan() -> list[tuple[pathlib.Path, object, list]]:
    """Every notebook file with its current cells and the cells it should have."""
    everything = pages()
    labels = {p.path: label(p) for p in everything}
    plan = []
    for page in everything:
        for f in page.files:
            nb = notebooks.read(f)
            plan.append((f, nb, expected(page, nb, everything, labels)))
    return plan


def _rel(path: pathlib.Path) -> str:
    return path.relative_to(paths.ROOT).as_posix()


def problems() -> list[str]:
    """What is out of sync: an empty list when every link is where it should be."""
    out = [f"{_rel(f)}: launch or navigation cells{' or the table of exercises' if f.name == INDEX_NAME else ''}"
           f" missing or stale (run ./course links)" for f, nb, cells in _plan() if cells != nb.cells]
    graded = catalogue() if any(p.kind == "exercise" for p in pages()) else {}
    out += [f"{_rel(p.path)}: no graded test class for it (a @Graded(\"{p.path.stem}\") class under course.exercises"
            f" in lib): the index cannot show its points" for p in pages() if p.kind == "exercise" and p.path.stem not in graded]
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    if readme_badge() not in readme:
        out.append("README.md: the Binder badge is missing or stale (run ./course links)")
    return out


def write() -> int:
    """Adds or updates every generated cell and the README badge; returns how many files changed."""
    changed = 0
    for f, nb, cells in _plan():
        if cells != nb.cells:
            nb.cells = cells
            nbformat.write(nb, str(f))
            changed += 1
    readme_path = paths.ROOT / "README.md"
    readme = readme_path.read_text(encoding="utf-8")
    badge = readme_badge()
    pattern = re.compile(r"\[!\[Launch on Binder\]\([^)]*\)\]\([^)]*\)")
    new = pattern.sub(badge, readme, count=1) if pattern.search(readme) else readme.replace("\n", f"\n\n{badge}\n", 1)
    if new != readme:
        readme_path.write_text(new, encoding="utf-8")
        changed += 1
    return changed
