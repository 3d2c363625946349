"""Background CPU load for the "loaded" machine shape: one process keeping N threads busy.

The threads hash a 1 MiB buffer over and over; ``hashlib`` releases the GIL for large inputs, so N
threads of one Python process keep N cores busy. The process is bounded three ways, so it never
outlives the run that started it, even when that run is killed:

- the starter stops it (:class:`Background` is a context manager);
- Linux kills it when its parent dies (``PR_SET_PDEATHSIG``), and it also exits as soon as its parent
  process is gone (it polls, for systems without that signal);
- it exits by itself after ``--seconds`` (a hard cap).

    python -m coursekit.load --threads 2 --seconds 600
"""
from __future__ import annotations

import argparse
import ctypes
import hashlib
import os
import pathlib
import signal
import subprocess
import sys
import threading
import time

DEFAULT_MAX_SECONDS = 3600
PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # not Linux: the parent poll below still stops it


def _spin(stop: threading.Event) -> None:
    block = os.urandom(1 << 20)
    while not stop.is_set():
        h = hashlib.sha256()
        h.update(block)  # runs without the GIL (inputs over 2 KiB)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit.load", description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=DEFAULT_MAX_SECONDS, help="hard cap on the run time")
    parser.add_argument("--parent", type=int, default=os.getppid(), help="stop when this process is gone")
    args = parser.parse_args(argv)
    _die_with_parent()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    workers = [threading.Thread(target=_spin, args=(stop,), daemon=True) for _ in range(max(1, args.threads))]
    for w in workers:
        w.start()
    deadline = time.monotonic() + args.seconds
    while not stop.is_set() and time.monotonic() < deadline:
        if os.getppid() != args.parent:
            break  # the parent died and we were re-parented
        stop.wait(0.5)
    stop.set()
    for w in workers:
        w.join(timeout=5)
    return 0


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process, from /proc (None where there is no /proc)."""
    try:
        fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


class Background:
    """``with Background(2):`` keeps two threads busy in a separate process for the duration of the block.

    After the block, :attr:`summary` says how much CPU the load really took (cores kept busy on average).
    """

    def __init__(self, threads: int, max_seconds: float = DEFAULT_MAX_SECONDS):
        self.threads, self.max_seconds = threads, max_seconds
        self.process: subprocess.Popen | None = None
        self.summary = ""

    def __enter__(self) -> "Background":
        src = str(pathlib.Path(__file__).resolve().parents[1])
        env = dict(os.environ, PYTHONPATH=src + os.pathsep + os.environ.get("PYTHONPATH", ""))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "coursekit.load", "--threads", str(self.threads),
             "--seconds", str(self.max_seconds), "--parent", str(os.getpid())],
            env=env, stdin=subprocess.DEVNULL)
        self._start = time.monotonic()
        return self

    def __exit__(self, *exc) -> None:
        p, self.process = self.process, None
        if p is None:
            return
        cpu = _cpu_seconds(p.pid)
        wall = time.monotonic() - self._start
        p.terminate()
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
        busy = f", {cpu:.0f} s of CPU in {wall:.0f} s: {cpu / wall:.2f} cores busy on average" if cpu and wall > 0 else ""
        self.summary = f"background load: {self.threads} busy threads{busy}"


if __name__ == "__main__":
    sys.exit(main())
