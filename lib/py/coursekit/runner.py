"""Executes notebooks headless through the real course kernel (nbclient) and reports per notebook."""
from __future__ import annotations

import dataclasses
import pathlib
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellControlSignal, CellExecutionError, CellTimeoutError, DeadKernelError

from . import notebooks, paths, shapes

DEFAULT_CELL_TIMEOUT = 120


@dataclasses.dataclass(frozen=True)
class RunResult:
    """What happened to one notebook: ok, or the cell and the error that stopped it."""

    notebook: pathlib.Path
    ok: bool
    seconds: float
    executed: pathlib.Path | None
    cell: int | None = None  # 1-based index among all cells
    error: str = ""
    shape: str = "plain"
    retried: str = ""  # why the kernel was started a second time, if it was

    def line(self) -> str:
        name = display_name(self.notebook) + ("" if self.shape == "plain" else f" [{self.shape}]")
        if self.ok:
            return f"ok      {self.seconds:6.1f} s  {name}" + (f" (kernel started twice: {self.retried})" if self.retried else "")
        where = f", cell {self.cell}" if self.cell else ""
        return f"FAILED  {self.seconds:6.1f} s  {name}{where}: {self.error}"


def display_name(path: pathlib.Path) -> str:
    try:
        return str(path.resolve().relative_to(paths.ROOT))
    except ValueError:
        return str(path)


def _failing_cell(nb) -> tuple[int | None, str]:
    """The first cell whose outputs hold an error, and that error in one line."""
    for i, cell in enumerate(nb.cells, start=1):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                ename, evalue = out.get("ename", "Error"), out.get("evalue", "")
                return i, f"{ename}: {evalue}".strip().splitlines()[0][:300] if (ename or evalue) else "error"
    return None, ""


def execute(path: pathlib.Path, cell_timeout: int = DEFAULT_CELL_TIMEOUT, kernel_name: str = paths.KERNEL_NAME,
            shape: shapes.Shape = shapes.SHAPES["plain"]) -> RunResult:
    """Runs every cell of ``path`` on a fresh kernel launched as ``shape`` says; writes the executed copy
    under target/notebooks/ (target/notebooks/<shape>/ for a shape other than plain).

    A kernel that fails before its first cell (the ports jupyter_client picked were taken by another
    process before the kernel bound them, a start that never answered) is started once more: that is
    the machine's doing, not the notebook's, and the result says it was retried."""
    start = time.monotonic()
    first = _execute_once(path, cell_timeout, kernel_name, shape, start)
    if first.ok or first.cell is not None or first.executed is None:
        return first
    second = _execute_once(path, cell_timeout, kernel_name, shape, start)
    if not second.ok:
        return second
    return dataclasses.replace(second, retried=first.error)


def _execute_once(path: pathlib.Path, cell_timeout: int, kernel_name: str, shape: shapes.Shape, start: float) -> RunResult:
    try:
        nb = notebooks.read(path)
        km = None if shape.plain else shapes.kernel_manager(shape)
    except (notebooks.NotebookError, shapes.ShapeError) as e:
        return RunResult(path, False, 0.0, None, None, str(e), shape.name)
    out_path = notebooks.executed_copy(path, None if shape.plain else shape.name)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    client = NotebookClient(
        nb,
        km=km,
        timeout=cell_timeout,
        kernel_name=kernel_name,
        startup_timeout=120,
        shutdown_kernel="immediate",  # JJava ignores shutdown_request; don't wait for it.
        resources={"metadata": {"path": str(path.resolve().parent)}},
    )
    client.owns_km = True  # shut the kernel down afterwards, also when it came from a shape's kernel manager
    current = {"index": None}

    def on_cell_start(cell, cell_index):
        current["index"] = cell_index + 1

    client.on_cell_start = on_cell_start
    cell, error, ok = None, "", True
    try:
        client.execute()
    except CellTimeoutError:
        ok, cell = False, current["index"]
        error = f"cell ran longer than the per-cell timeout of {cell_timeout} s and was stopped"
    except CellExecutionError as e:
        ok = False
        cell, error = _failing_cell(nb)
        if cell is None:
            cell, error = current["index"], str(e).strip().splitlines()[-1][:300]
    except DeadKernelError as e:
        ok, cell, error = False, current["index"], f"the kernel died ({e})"
    except (CellControlSignal, RuntimeError, TimeoutError) as e:
        ok, cell, error = False, current["index"], f"{type(e).__name__}: {e}"
    finally:
        nbformat.write(nb, str(out_path))
    return RunResult(path, ok, time.monotonic() - start, out_path, cell, error, shape.name)


def run_all(paths_: list[pathlib.Path], cell_timeout: int, echo=print,
            shape_list: list[shapes.Shape] | None = None, times: shapes.Times | None = None) -> list[RunResult]:
    """Every notebook on every shape (shape by shape, the background load running through a shape's runs)."""
    results = []
    for shape in shape_list or [shapes.SHAPES["plain"]]:
        if not shape.plain:
            echo(f"-- {shape.describe()}")
        with shapes.running(shape, echo):
            for p in paths_:
                r = execute(p, cell_timeout, shape=shape)
                echo(r.line())
                results.append(r)
                if times is not None:
                    times.add(p, shape, r.seconds, r.ok)
    return results
