"""./course release: student exercise notebooks generated from the instructor notebooks, with nbformat.

In cells tagged `solution`, each block from `// BEGIN SOLUTION` to `// END SOLUTION` becomes
`throw new UnsupportedOperationException("TODO");` (indented like the marker), or, for
`// BEGIN SOLUTION: fields`, a comment inviting the student's fields. Outputs and execution counts
are dropped from every code cell. As in nbgrader, a solution marker in a cell that is not tagged
`solution` is an error: the solution would ship to students.
"""
from __future__ import annotations

import copy
import pathlib

import nbformat

from . import paths

BEGIN = "// BEGIN SOLUTION"
END = "// END SOLUTION"
TODO = 'throw new UnsupportedOperationException("TODO");'
FIELDS = "// your fields here"
SOLUTION_TAG = "solution"
INSTRUCTOR = paths.ROOT / "lib" / "instructor" / "exercises"
STUDENT = paths.NOTEBOOKS / "exercises"


class ReleaseError(ValueError):
    """An instructor notebook that cannot be released as it is (the message names the cell)."""


def strip(source: str, where: str) -> str:
    """`source` with every solution block replaced; `where` names the cell in errors."""
    out, inside = [], False
    for line in source.split("\n"):
        trimmed = line.strip()
        if trimmed.startswith(BEGIN):
            if inside:
                raise ReleaseError(f"{where}: nested {BEGIN}")
            inside = True
            indent = line[: line.index("/")]
            out.append(indent + (FIELDS if trimmed.endswith(": fields") else TODO))
        elif trimmed.startswith(END):
            if not inside:
                raise ReleaseError(f"{where}: {END} without {BEGIN}")
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise ReleaseError(f"{where}: {BEGIN} without {END}")
    return "\n".join(out)


def release(instructor: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """The student version of an instructor notebook."""
    nb = copy.deepcopy(instructor)
    for i, cell in enumerate(nb.cells, start=1):
        where = f"{name} cell {i}"
        tagged = SOLUTION_TAG in cell.get("metadata", {}).get("tags", [])
        if not tagged and (BEGIN in cell.source or END in cell.source):
            raise ReleaseError(f"{where}: a solution marker in a cell not tagged \"{SOLUTION_TAG}\" "
                               f"(tag the cell \"{SOLUTION_TAG}\" or remove the marker): its solution would ship to students")
        if cell.cell_type != "code":
            continue
        cell.outputs = []
        cell.execution_count = None
        if tagged:
            cell.source = strip(cell.source, where)
    return nb


def _comparable(nb: nbformat.NotebookNode) -> dict:
    """What a student notebook must match: its content, not its JSON layout (key order, indentation)."""
    return nbformat.from_dict(nb)


def run(source_dir: pathlib.Path = INSTRUCTOR, target_dir: pathlib.Path = STUDENT, check: bool = False, echo=print) -> int:
    """Writes (or, with `check`, compares) every student notebook; returns the exit status."""
    if not source_dir.is_dir():
        echo(f"no instructor notebooks at {source_dir}: run from the repository root")
        return 2
    sources = sorted(source_dir.glob("*.ipynb"))
    stale = []
    try:
        released = {s: release(nbformat.read(s, as_version=4), s.name) for s in sources}
    except ReleaseError as e:
        echo(f"release: {e}")
        return 1
    target_dir.mkdir(parents=True, exist_ok=True)
    for source, student in released.items():
        target = target_dir / source.name
        same = target.exists() and _comparable(nbformat.read(target, as_version=4)) == _comparable(student)
        if check:
            if not same:
                stale.append(str(target))
        elif not same:
            nbformat.validate(student)
            nbformat.write(student, target)
            echo(f"wrote {target}")
        else:
            echo(f"up to date {target}")
    if check and stale:
        echo(f"out of sync with {source_dir}: {', '.join(stale)}\nrun ./course release and commit the result")
        return 1
    if check:
        echo(f"{len(sources)} student notebooks in sync with {source_dir}")
    return 0
