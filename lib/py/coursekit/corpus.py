"""The planted-bug corpus: realistic one-bug and correct-but-unusual submissions for every exercise.

Each entry is a file ``lib/corpus/<exercise-id>/<entry>.jsh``: a header of ``// key: value`` lines,
then the full text of every solution cell the entry changes, each after a line
``// ==== cell KEY`` (KEY: the instructor notebook's cell id, or ``#N`` for the N-th solution cell).

    // kind: bug                          (bug | correct)
    // bug_class: lost update
    // expect_fail: counterNoLostUpdates  (test methods, comma-separated; empty for correct entries)
    // may_fail: ...                      (optional: tests a bug of this kind may also fail)
    // feedback: lost update              (a fragment the first expected failure's message contains)
    // about: count++ on a plain long     (optional, one line for the reviewer)
    // ==== cell 01-threads-05
    class SafeCounter implements Counter { ... }

``materialize`` writes OUTDIR/<entry-id>/<exercise-id>.ipynb (the student notebook with every solution
cell filled from the reference, then the entry's cells substituted) and OUTDIR/expected.json.
"""
from __future__ import annotations

import dataclasses
import json
import pathlib
import random

import nbformat

from . import paths, release

CORPUS = paths.ROOT / "lib" / "corpus"
INSTRUCTOR = release.INSTRUCTOR
STUDENT = release.STUDENT
CELL_MARK = "// ==== cell "
KEYS = ("kind", "bug_class", "expect_fail", "may_fail", "feedback", "about")
KINDS = ("bug", "correct")


class CorpusError(ValueError):
    """A corpus entry or a request that cannot be honoured; the message says what to fix."""


@dataclasses.dataclass(frozen=True)
class Entry:
    """One corpus entry: a submission that differs from the reference in the given cells."""

    exercise: str
    name: str
    kind: str
    bug_class: str
    expect_fail: tuple[str, ...]
    may_fail: tuple[str, ...]
    feedback: str
    about: str
    cells: dict[str, str]
    path: pathlib.Path

    @property
    def id(self) -> str:
        return f"{self.exercise}--{self.name}"

    def expected(self) -> dict:
        return {"exercise": self.exercise, "kind": self.kind, "bug_class": self.bug_class,
                "expect_fail": list(self.expect_fail), "may_fail": list(self.may_fail), "feedback": self.feedback}


def parse(path: pathlib.Path, exercise: str | None = None) -> Entry:
    """Reads one entry file; a malformed one raises CorpusError naming the file and the problem."""
    exercise = exercise or path.parent.name
    header: dict[str, str] = {}
    cells: dict[str, list[str]] = {}
    current: list[str] | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if line.startswith(CELL_MARK):
            key = line[len(CELL_MARK):].strip()
            if not key or key in cells:
                raise CorpusError(f"{path}:{number}: empty or repeated cell key `{key}`")
            current = cells[key] = []
        elif current is not None:
            current.append(line)
        elif line.startswith("// ") and ":" in line:
            key, _, value = line[3:].partition(":")
            if key.strip() not in KEYS:
                raise CorpusError(f"{path}:{number}: unknown header `{key.strip()}` (known: {', '.join(KEYS)})")
            header[key.strip()] = value.strip()
        elif line.strip():
            raise CorpusError(f"{path}:{number}: expected `// key: value` or `{CELL_MARK}KEY` before any code")
    kind = header.get("kind", "")
    if kind not in KINDS:
        raise CorpusError(f"{path}: kind must be one of {KINDS}, got `{kind}`")
    expect = tuple(t.strip() for t in header.get("expect_fail", "").split(",") if t.strip())
    if kind == "bug" and not (expect and header.get("feedback") and header.get("bug_class")):
        raise CorpusError(f"{path}: a bug needs bug_class, expect_fail and feedback")
    if kind == "correct" and expect:
        raise CorpusError(f"{path}: a correct entry expects no failing test")
    if not cells:
        raise CorpusError(f"{path}: no `{CELL_MARK}KEY` section: an entry changes at least one solution cell")
    return Entry(exercise=exercise, name=path.stem, kind=kind, bug_class=header.get("bug_class", ""),
                 expect_fail=expect,
                 may_fail=tuple(t.strip() for t in header.get("may_fail", "").split(",") if t.strip()),
                 feedback=header.get("feedback", ""), about=header.get("about", ""),
                 cells={k: "\n".join(v).strip("\n") for k, v in cells.items()}, path=path)


def entries(corpus: pathlib.Path = CORPUS, exercise: str | None = None) -> list[Entry]:
    """Every entry, sorted by exercise and name (only one exercise's if given)."""
    if exercise is not None and not (corpus / exercise).is_dir():
        known = sorted(p.name for p in corpus.iterdir() if p.is_dir()) if corpus.is_dir() else []
        raise CorpusError(f"no corpus for exercise `{exercise}` in {corpus} (known: {', '.join(known) or 'none'})")
    dirs = [corpus / exercise] if exercise else sorted(p for p in corpus.iterdir() if p.is_dir())
    return [parse(f, d.name) for d in dirs for f in sorted(d.glob("*.jsh"))]


def sample(all_entries: list[Entry], n: int, seed: int = 0) -> list[Entry]:
    """n entries chosen reproducibly, spread over exercises and kinds (round-robin over shuffled groups)."""
    if n <= 0 or n >= len(all_entries):
        return list(all_entries)
    rng = random.Random(seed)
    groups: dict[tuple[str, str], list[Entry]] = {}
    for e in all_entries:
        groups.setdefault((e.exercise, e.kind), []).append(e)
    for g in groups.values():
        rng.shuffle(g)
    order = sorted(groups)
    rng.shuffle(order)
    chosen: list[Entry] = []
    while len(chosen) < n:
        for key in order:
            if groups[key] and len(chosen) < n:
                chosen.append(groups[key].pop())
    return sorted(chosen, key=lambda e: e.id)


def strip_markers(source: str) -> str:
    """The reference text of a solution cell as a student would submit it: marker lines removed."""
    return "\n".join(line for line in source.split("\n")
                     if not line.strip().startswith((release.BEGIN, release.END)))


def notebook(entry: Entry, instructor: pathlib.Path = INSTRUCTOR, student: pathlib.Path = STUDENT):
    """The student notebook of entry's exercise with the reference filled in and the entry's cells substituted."""
    ref = nbformat.read(instructor / f"{entry.exercise}.ipynb", as_version=4)
    nb = nbformat.read(student / f"{entry.exercise}.ipynb", as_version=4)
    solutions = [c for c in ref.cells if c.cell_type == "code" and "solution" in c.metadata.get("tags", [])]
    by_key = {}
    for n, c in enumerate(solutions, 1):
        by_key[c.get("id")] = c
        by_key[f"#{n}"] = c
    target = {c.get("id"): c for c in nb.cells}
    for c in solutions:
        if c.get("id") not in target:
            raise CorpusError(f"{student / entry.exercise}.ipynb has no cell `{c.get('id')}`: run ./course release")
        target[c.get("id")].source = strip_markers(c.source)
    for key, source in entry.cells.items():
        if key not in by_key:
            raise CorpusError(f"{entry.path}: `{key}` is not a solution cell of {entry.exercise} "
                              f"(cells: {', '.join(k for k in by_key if not k.startswith('#'))}, or #1..#{len(solutions)})")
        target[by_key[key].get("id")].source = source
    return nb


def reference(exercise: str) -> Entry:
    """The instructor's own solution as an entry that changes nothing (it must score 100% like a correct one)."""
    return Entry(exercise=exercise, name="reference", kind="correct", bug_class="", expect_fail=(), may_fail=(),
                 feedback="", about="the reference solution", cells={}, path=INSTRUCTOR / f"{exercise}.ipynb")


def materialize(outdir: pathlib.Path, exercise: str | None = None, n: int = 0, seed: int = 0,
                corpus: pathlib.Path = CORPUS, references: bool = False) -> dict:
    """Writes each chosen entry's notebook and expected.json under outdir; returns the expectations.

    With references, each exercise's reference solution is added as the entry <exercise>--reference.
    """
    chosen = sample(entries(corpus, exercise), n, seed)
    if references:
        chosen += [reference(x) for x in sorted({e.exercise for e in entries(corpus, exercise)})]
    expected = {}
    outdir.mkdir(parents=True, exist_ok=True)
    for e in chosen:
        d = outdir / e.id
        d.mkdir(exist_ok=True)
        nbformat.write(notebook(e), d / f"{e.exercise}.ipynb")
        expected[e.id] = e.expected()
    (outdir / "expected.json").write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return expected


def main(args) -> int:
    """`python -m coursekit corpus materialize|list ...`."""
    try:
        if args.action == "list":
            for e in entries(exercise=args.exercise):
                print(f"{e.id:60} {e.kind:8} {e.bug_class}")
            return 0
        expected = materialize(pathlib.Path(args.outdir), args.exercise, args.sample, args.seed,
                               references=args.references)
    except CorpusError as e:
        print(f"corpus: {e}")
        return 2
    bugs = sum(1 for v in expected.values() if v["kind"] == "bug")
    print(f"wrote {len(expected)} submission(s) ({bugs} bugs, {len(expected) - bugs} correct) and expected.json to {args.outdir}")
    return 0
