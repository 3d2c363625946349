"""./course bench grading: does the grader give every corpus entry the same verdict on every run and machine shape?

Materializes the planted-bug corpus (`python -m coursekit corpus materialize`), then grades all of it
`--runs` times per machine shape with the batch grader: `one` (taskset -c 0), `two` (taskset -c 0,1) and
`two-loaded` (two CPUs while a bounded background process keeps two threads busy on them). Prints the table
(entry x shape x runs: the points lost, or 100%), the totals (bugs caught in every run, correct variants at
100% in every run), the time per submission and the throughput. Without the corpus command (an older tree)
a small stand-in is used: each exercise's reference solution plus two bugs of exercise 01, and it says so.
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from . import paths

SHAPES = {"one": "0", "two": "0,1", "two-loaded": "0,1"}
INSTRUCTOR = paths.ROOT / "lib" / "instructor" / "exercises"
STAND_IN_BUGS = {  # entry id -> (exercise, old, new, failing test): only when the corpus command is missing
    "stand-in-01-lost-update": ("01-threads", "AtomicLong", "java.util.concurrent.atomic.LongAdder", None),
    "stand-in-01-sequential": ("01-threads", ".start()", ".run()", None),
}


def java() -> str:
    return str(pathlib.Path(os.environ.get("COURSE_JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")) / "bin" / "java")


def materialize(outdir: pathlib.Path, exercises: list[str], sample: int) -> tuple[dict, str]:
    """Writes the corpus's submissions and returns (expected.json's content, where they came from)."""
    expected = {}
    env = dict(os.environ, PYTHONPATH=str(paths.ROOT / "lib" / "py"))
    for exercise in exercises or [None]:
        cmd = [sys.executable, "-m", "coursekit", "corpus", "materialize", str(outdir)]
        cmd += ["--sample", str(sample)] if sample else []
        cmd += ["--exercise", exercise] if exercise else []
        if subprocess.run(cmd, capture_output=True, text=True, env=env).returncode != 0:
            shutil.rmtree(outdir, ignore_errors=True)
            outdir.mkdir(parents=True)
            return stand_in(outdir, exercises, sample), ("a STAND-IN (no `coursekit corpus materialize` in this tree):"
                                                        " the reference solutions and two bugs of 01")
        expected.update(json.loads((outdir / "expected.json").read_text()))  # each run rewrites it
    return expected, "the planted-bug corpus (lib/corpus)"


def stand_in(outdir: pathlib.Path, exercises: list[str], sample: int) -> dict:
    expected = {}
    for nb in sorted(INSTRUCTOR.glob("*.ipynb")):
        if exercises and nb.stem not in exercises:
            continue
        (outdir / f"reference-{nb.stem}").mkdir(parents=True, exist_ok=True)
        shutil.copy(nb, outdir / f"reference-{nb.stem}" / nb.name)
        expected[f"reference-{nb.stem}"] = {"exercise": nb.stem, "kind": "correct", "bug_class": "", "expect_fail": []}
    for entry, (exercise, old, new, _) in STAND_IN_BUGS.items():
        if exercises and exercise not in exercises:
            continue
        nb = json.loads((INSTRUCTOR / f"{exercise}.ipynb").read_text())
        for cell in nb["cells"]:
            if "solution" in cell.get("metadata", {}).get("tags", []):
                src = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                cell["source"] = src.replace(old, new)
        (outdir / entry).mkdir(parents=True, exist_ok=True)
        (outdir / entry / f"{exercise}.ipynb").write_text(json.dumps(nb))
        expected[entry] = {"exercise": exercise, "kind": "bug", "bug_class": "stand-in", "expect_fail": []}
    if sample:
        keep = sorted(expected, key=lambda k: (expected[k]["kind"] != "bug", k))[:sample]  # bugs first
        for k in set(expected) - set(keep):
            shutil.rmtree(outdir / k)
        expected = {k: expected[k] for k in keep}
    return expected


class Load:
    """Two busy threads on the shape's CPUs, bounded: each is a `timeout`-limited shell loop."""

    def __init__(self, cpus: str, seconds: int):
        self.procs = [subprocess.Popen(["taskset", "-c", cpus, "timeout", str(seconds), "sh", "-c", "while :; do :; done"])
                      for _ in range(2)]

    def close(self):
        for p in self.procs:
            p.kill()
            p.wait()


def grade_once(subs: pathlib.Path, shape: str, out: pathlib.Path, extra: list[str]) -> dict:
    cpus = SHAPES[shape]
    jobs = "1" if shape == "one" else "2"
    cmd = ["taskset", "-c", cpus, java(), "-Xmx512m", "-cp", os.pathsep.join(paths.lib_classpath(grader=True)),
           "course.grading.batch.GradeCommand", str(subs), "--json", str(out), "--quiet", "--jobs", jobs, *extra]
    load = Load(cpus, 3600) if shape == "two-loaded" else None
    start = time.monotonic()
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=7200)
    finally:
        if load:
            load.close()
    if done.returncode != 0:
        raise RuntimeError(f"grading failed ({shape}): {done.stderr[-2000:]}")
    report = json.loads(out.read_text())
    report["wall"] = time.monotonic() - start
    return report


def cell(sub: dict) -> str:
    lost = sub["possible"] - sub["earned"] if "possible" in sub else None
    if sub["status"] != "graded":
        return "ERR"
    return "100%" if lost == 0 else f"-{lost}"


def points(sub: dict) -> tuple[int, int]:
    earned = sum(t["earned"] for t in sub["tests"])
    possible = sum(t["points"] for t in sub["tests"] if not t.get("inconclusive"))
    return earned, possible


def run(argv: list[str] | None = None, echo=print) -> int:
    ap = argparse.ArgumentParser(prog="course bench grading", description=__doc__.splitlines()[0])
    ap.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated, of: " + ", ".join(SHAPES))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--exercise", action="append", default=[], help="only this exercise (repeatable)")
    ap.add_argument("--sample", type=int, default=0, help="only N corpus entries (quick runs)")
    ap.add_argument("--quick", action="store_true", help="grade with COURSE_QUICK budgets (not what students get)")
    ap.add_argument("--no-sandbox", action="store_true")
    ap.add_argument("--keep", help="keep the materialized submissions and reports in this folder")
    args = ap.parse_args(argv)
    shapes = [s for s in args.shapes.split(",") if s]
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown or not shutil.which("taskset"):
        echo(f"bench grading: unknown shape(s) {unknown}" if unknown else "bench grading: needs taskset (util-linux)")
        return 2
    usable = sorted(os.sched_getaffinity(0))
    if any(c not in usable for s in shapes for c in map(int, SHAPES[s].split(","))):
        echo(f"bench grading: this machine lets us use CPUs {usable}; the shapes need CPUs 0 and 1")
        return 2
    work = pathlib.Path(args.keep) if args.keep else pathlib.Path(tempfile.mkdtemp(prefix="bench-grading-"))
    subs = work / "submissions"
    subs.mkdir(parents=True, exist_ok=True)
    expected, source = materialize(subs, args.exercise, args.sample)
    (subs / "expected.json").unlink(missing_ok=True)
    extra = (["--quick"] if args.quick else []) + (["--no-sandbox"] if args.no_sandbox else [])
    echo(f"bench grading: {len(expected)} entries from {source}; shapes {shapes}; {args.runs} run(s) each;"
         f" {os.cpu_count()} cores on this machine, load average {os.getloadavg()[0]:.1f}")
    results: dict[str, dict[str, list[dict]]] = {e: {s: [] for s in shapes} for e in expected}
    timing: dict[str, list[tuple[float, int, list[float]]]] = {s: [] for s in shapes}
    for shape in shapes:
        for r in range(args.runs):
            report = grade_once(subs, shape, work / f"{shape}-{r + 1}.json", extra)
            secs = []
            for sub in report["submissions"]:
                entry = pathlib.Path(sub["file"]).parent.name
                if entry in results:
                    earned, possible = points(sub)
                    results[entry][shape].append(dict(sub, earned=earned, possible=possible))
                    secs.append(sub["seconds"])
            timing[shape].append((report["wall"], len(report["submissions"]), secs))
            echo(f"  {shape} run {r + 1}: {len(report['submissions'])} submissions in {report['wall']:.0f} s")
    width = max(len(e) for e in expected) if expected else 10
    echo("")
    echo(f"{'entry':<{width}}  {'kind':<7} " + "  ".join(f"{s:<{6 * args.runs}}" for s in shapes))
    for entry in sorted(expected):
        kind = expected[entry]["kind"]
        row = "  ".join(" ".join(f"{cell(x):>5}" for x in results[entry][s]).ljust(6 * args.runs) for s in shapes)
        echo(f"{entry:<{width}}  {kind:<7} {row}")
    echo("")
    bugs = [e for e in expected if expected[e]["kind"] == "bug"]
    correct = [e for e in expected if expected[e]["kind"] == "correct"]
    failures = 0
    for s in shapes:
        caught = sum(1 for e in bugs if results[e][s] and all(x["earned"] < x["possible"] for x in results[e][s]))
        full = sum(1 for e in correct if results[e][s] and all(x["earned"] == x["possible"] and x["status"] == "graded"
                                                                  for x in results[e][s]))
        per_sub = [t for _, _, secs in timing[s] for t in secs]
        rates = [n * 60 / wall for wall, n, _ in timing[s]]
        median = statistics.median(per_sub) if per_sub else float("nan")
        spread = f"{min(per_sub):.1f}-{max(per_sub):.1f}" if per_sub else "-"
        echo(f"{s:<11} bugs caught in every run: {caught}/{len(bugs)}; correct at 100% in every run: {full}/{len(correct)};"
             f" time per submission median {median:.1f} s (range {spread}); throughput median"
             f" {statistics.median(rates) if rates else float('nan'):.1f} submissions/min")
        failures += (len(bugs) - caught) + (len(correct) - full)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if failures == 0 else 1
