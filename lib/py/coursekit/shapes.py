"""Machine shapes the notebooks are run on: the machines readers have, reproduced on the test machine.

- ``plain``: this machine as it is, the local kernel settings (what ``./course run`` always did);
- ``one-cpu``: Binder's session: the kernel and everything it starts pinned to one CPU
  (``taskset -c 0``), with the kernel heap and JVM settings ``binder/start`` gives a Binder session;
- ``loaded``: a busy laptop: two CPUs, with another process keeping two threads busy the whole time
  (:mod:`coursekit.load`).

A shape changes how the kernel is launched (``taskset``, heap) and what runs beside it, never the
notebook. :func:`kernel_manager` builds the kernel for a shape; :class:`Times` collects Run-All times
and prints them against the lesson budgets (30 s on two CPUs, 45 s on one).
"""
from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import pathlib
import re
import shutil
import subprocess

from . import notebooks, paths

BUDGET_TWO_CPUS = 30.0
BUDGET_ONE_CPU = 45.0
# Variables of binder/start that shape the kernel JVM (the rest, e.g. JUPYTER_PATH, are Binder's layout).
BINDER_KERNEL_VARIABLES = re.compile(r"^(COURSE_KERNEL_\w+|JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS)$")


class ShapeError(Exception):
    """A shape this machine cannot provide, with what to do about it."""


@dataclasses.dataclass(frozen=True)
class Shape:
    """How the kernel runs: on how many CPUs, beside how many busy threads, with Binder's settings or not."""

    name: str
    cpus: int | None = None  # None: every CPU this process may use
    load: int = 0  # background busy threads
    binder: bool = False  # the kernel heap and JVM settings of binder/start
    about: str = ""

    @property
    def plain(self) -> bool:
        return self.cpus is None and not self.load and not self.binder

    def budget(self) -> float:
        """Run-All budget of a lesson on this shape (seconds)."""
        return BUDGET_ONE_CPU if self.cpus == 1 else BUDGET_TWO_CPUS

    def describe(self) -> str:
        parts = [f"{self.cpus} CPU{'s' if self.cpus != 1 else ''}" if self.cpus else f"all {len(cpu_set())} CPUs"]
        if self.load:
            parts.append(f"{self.load} busy background threads")
        if self.binder:
            parts.append("Binder's kernel settings (" + ", ".join(f"{k}={v}" for k, v in binder_kernel_env().items()) + ")")
        return f"{self.name}: " + ", ".join(parts)


SHAPES = {
    "plain": Shape("plain", about="this machine as it is, local kernel settings"),
    "one-cpu": Shape("one-cpu", cpus=1, binder=True, about="Binder: one CPU (taskset -c 0), binder/start's kernel settings"),
    "loaded": Shape("loaded", cpus=2, load=2, about="a busy laptop: two CPUs, two threads of another process kept busy"),
}


def parse(names: str) -> list[Shape]:
    """``"all"`` or a comma-separated list of shape names, in the order given."""
    wanted = list(SHAPES) if names.strip() == "all" else [n.strip() for n in names.split(",") if n.strip()]
    unknown = [n for n in wanted if n not in SHAPES]
    if unknown or not wanted:
        raise ShapeError(f"unknown machine shape {', '.join(unknown) or repr(names)}: "
                         f"use all, or one or more of {', '.join(SHAPES)} separated by commas")
    return [SHAPES[n] for n in dict.fromkeys(wanted)]


def custom(cpus: int | None, load: int, binder: bool) -> Shape:
    """The shape ``./course run --cpus N --load T --binder`` asks for (a named one when it matches)."""
    if (cpus is not None and cpus < 1) or load < 0:
        raise ShapeError(f"--cpus must be 1 or more and --load 0 or more (got --cpus {cpus} --load {load})")
    for s in SHAPES.values():
        if (s.cpus, s.load, s.binder) == (cpus, load, binder):
            return s
    bits = ([f"cpus={cpus}"] if cpus else []) + ([f"load={load}"] if load else []) + (["binder"] if binder else [])
    return Shape(",".join(bits) or "plain", cpus=cpus, load=load, binder=binder)


def cpu_set() -> list[int]:
    return sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else list(range(os.cpu_count() or 1))


def binder_kernel_env() -> dict[str, str]:
    """The kernel-shaping variables a Binder session has: binder/start sourced in a clean shell."""
    start = paths.ROOT / "binder" / "start"
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    out = subprocess.run(["bash", "-c", 'f="$1"; set --; source "$f"; env -0', "binder-env", str(start)],
                         env=keep, capture_output=True, timeout=30, check=True).stdout.decode()
    found = dict(line.split("=", 1) for line in out.split("\0") if "=" in line)
    return {k: v for k, v in sorted(found.items()) if BINDER_KERNEL_VARIABLES.match(k)}


def _installed_spec() -> dict:
    spec_file = paths.KERNEL_DIR / "kernel.json"
    try:
        return json.loads(spec_file.read_text())
    except OSError:
        raise ShapeError(f"no {paths.KERNEL_NAME} kernel at {spec_file}: run ./course setup first") from None


def kernel_argv(shape: Shape) -> tuple[list[str], dict[str, str]]:
    """The installed kernel's command and environment, launched the way ``shape`` says."""
    spec = _installed_spec()
    argv, env = list(spec["argv"]), dict(spec.get("env", {}))
    if shape.binder:
        # The installed kernel's own flags, with the heap a Binder session gets, and any JVM options
        # binder/start exports for the kernel's environment.
        binder = binder_kernel_env()
        heap = binder.get("COURSE_KERNEL_HEAP")
        if heap:
            argv = [f"-Xmx{heap}" if a.startswith("-Xmx") else a for a in argv]
        env.update({k: v for k, v in binder.items() if not k.startswith("COURSE_KERNEL_")})
    if shape.cpus:
        cpus = cpu_set()
        if shape.cpus > len(cpus):
            raise ShapeError(f"shape {shape.name} needs {shape.cpus} CPUs; this process may use {len(cpus)}")
        taskset = shutil.which("taskset")
        if taskset is None:
            raise ShapeError("pinning the kernel to CPUs needs taskset (Linux, util-linux: apt-get install util-linux)")
        argv = [taskset, "-c", ",".join(map(str, cpus[:shape.cpus])), *argv]
    return argv, env


def kernel_manager(shape: Shape):
    """A jupyter_client AsyncKernelManager (as nbclient makes) that starts the course kernel shaped as ``shape``."""
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import AsyncKernelManager

    argv, env = kernel_argv(shape)
    km = AsyncKernelManager(kernel_name=paths.KERNEL_NAME)
    km._kernel_spec = KernelSpec(argv=argv, env=env, display_name=f"{paths.KERNEL_DISPLAY_NAME} [{shape.name}]",
                                 language="java", interrupt_mode="message")
    return km


@contextlib.contextmanager
def running(shape: Shape, echo=print):
    """What runs beside the kernel for this shape (the background load), for the duration of the block."""
    if not shape.load:
        yield
        return
    from . import load
    with load.Background(shape.load, float(os.environ.get("COURSE_LOAD_MAX_SECONDS", load.DEFAULT_MAX_SECONDS))) as bg:
        yield
    echo(f"[{shape.name}] {bg.summary}")


class Times:
    """Run-All seconds per notebook and shape, printed as a table against the lesson budgets."""

    def __init__(self):
        self.seconds: dict[tuple[str, str], float] = {}
        self.shapes: dict[str, Shape] = {}
        self.failed: set[tuple[str, str]] = set()
        self.notes: list[str] = []

    def add(self, notebook: pathlib.Path, shape: Shape, seconds: float, ok: bool = True) -> None:
        self.shapes.setdefault(shape.name, shape)
        key = (_name(notebook), shape.name)
        self.seconds[key] = seconds
        if not ok:
            self.failed.add(key)

    def table(self) -> list[str]:
        if not self.seconds:
            return []
        names = list(dict.fromkeys(nb for nb, _ in self.seconds))
        shapes = list(self.shapes.values())
        width = max(len(n) for n in names) + 2
        quick = os.environ.get("COURSE_QUICK", "").strip() not in ("", "0")
        lines = [f"Run-All seconds per notebook and machine shape ({len(cpu_set())} CPUs here"
                 f"{', COURSE_QUICK' if quick else ''}); lesson budgets: {BUDGET_TWO_CPUS:.0f} s on two CPUs, "
                 f"{BUDGET_ONE_CPU:.0f} s on one",
                 "notebook".ljust(width) + "".join(f"{s.name:>12}" for s in shapes)]
        over = 0
        for nb in names:
            row = nb.ljust(width)
            for s in shapes:
                t = self.seconds.get((nb, s.name))
                mark = " "
                if (nb, s.name) in self.failed:
                    mark = "x"
                elif t is not None and notebooks.LESSON.match(pathlib.Path(nb).name) and "/" not in nb and t > s.budget():
                    mark, over = "!", over + 1
                row += f"{'-' if t is None else f'{t:.1f}':>11}{mark}"
            lines.append(row)
        total = "total".ljust(width) + "".join(
            f"{sum(t for (_, sn), t in self.seconds.items() if sn == s.name):>11.1f} " for s in shapes)
        lines.append(total)
        lines.append(f"! over its budget: {over} (reported, not failed: a cell over the per-cell timeout fails)"
                     if over else "every lesson within its budget")
        if self.failed:
            lines.append(f"x failed: {len(self.failed)} (time until it stopped)")
        lines += [s.describe() for s in shapes] + self.notes
        return lines

    def write(self, path: pathlib.Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        rows = [{"notebook": nb, "shape": sn, "seconds": round(t, 2)} for (nb, sn), t in self.seconds.items()]
        path.write_text(json.dumps({"cpus": len(cpu_set()), "runs": rows}, indent=1) + "\n")


def _name(notebook: pathlib.Path) -> str:
    try:
        return str(notebook.resolve().relative_to(paths.NOTEBOOKS.resolve()))
    except ValueError:
        return notebook.name


TIMES = Times()  # what this process measured (pytest's closing table reads it)
TIMES_FILE = paths.TARGET / "notebooks" / "run-all-times.json"
