"""Shared fixtures: the repository paths and a helper that runs ./course as a newcomer would."""
from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "lib" / "py"))


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT


def course(*args: str, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """Runs ./course with extra environment variables; returns the finished process (text output)."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([str(ROOT / "course"), *args], cwd=ROOT, env=full_env, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def pytest_terminal_summary(terminalreporter):
    """Run-All time of every notebook per machine shape, against the lesson budgets (printed, not asserted)."""
    from coursekit import shapes
    lines = shapes.TIMES.table()
    if lines:
        shapes.TIMES.write(shapes.TIMES_FILE)
        terminalreporter.section("Run-All times per machine shape")
        for line in lines:
            terminalreporter.write_line(line)
