"""Reading and checking the course's notebooks (structure rules every committed notebook obeys)."""
from __future__ import annotations

import json
import pathlib
import re

import nbformat

from . import paths

MAGIC = re.compile(r"^\s*%")
LESSON = re.compile(r"^\d\d-.*\.ipynb$")  # a lesson's file name (in notebooks/ itself; exercises are in exercises/)


class NotebookError(Exception):
    """A notebook that cannot be used, with a message that names the file and says what to do."""


def read(path: pathlib.Path) -> nbformat.NotebookNode:
    """Reads a notebook, turning broken JSON into a message that names the file and the spot."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NotebookError(f"{path}: no such notebook") from None
    try:
        json.loads(text)
    except json.JSONDecodeError as e:
        raise NotebookError(
            f"{path}: not valid JSON (line {e.lineno}, column {e.colno}: {e.msg}). "
            "Nothing was run. Restore it with `git checkout -- <file>` or fix the JSON by hand."
        ) from None
    try:
        return nbformat.reads(text, as_version=4)
    except Exception as e:  # nbformat raises several types for a non-notebook JSON file
        raise NotebookError(f"{path}: valid JSON but not a Jupyter notebook ({e})") from None


def committed() -> list[pathlib.Path]:
    """Every notebook in notebooks/, lessons first, then exercises; checkpoints excluded."""
    found = [p for p in paths.NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts]
    return sorted(found, key=lambda p: (len(p.relative_to(paths.NOTEBOOKS).parts), str(p)))


def problems(path: pathlib.Path) -> list[str]:
    """Rule violations of a committed notebook: an empty list means it is fine."""
    try:
        nb = read(path)
    except NotebookError as e:
        return [str(e)]
    out = []
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as e:
        out.append(f"not valid nbformat 4: {e.message}")
    if nb.nbformat != 4:
        out.append(f"nbformat {nb.nbformat}, expected 4")
    spec = nb.metadata.get("kernelspec", {})
    if spec.get("name") != paths.KERNEL_NAME:
        out.append(f"kernelspec is {spec.get('name')!r}, expected {paths.KERNEL_NAME!r}")
    for i, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        if cell.get("outputs"):
            out.append(f"cell {i} has committed outputs (clear them; executed copies go under target/)")
        if cell.get("execution_count") is not None:
            out.append(f"cell {i} has an execution count (clear outputs before committing)")
        for line in cell.source.splitlines():
            if MAGIC.match(line):
                out.append(f"cell {i} has a % magic line: {line.strip()!r} (notebooks stay kernel-portable)")
    return out


def executed_copy(path: pathlib.Path, shape: str | None = None) -> pathlib.Path:
    """Where ./course run writes the executed copy of a notebook (under a folder of the shape's name
    when it ran on a machine shape other than plain)."""
    path = path.resolve()
    try:
        rel = path.relative_to(paths.NOTEBOOKS.resolve())
    except ValueError:
        rel = pathlib.Path(path.name)
    return (paths.EXECUTED / shape / rel) if shape else paths.EXECUTED / rel
