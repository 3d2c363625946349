"""./course bench grading: does the grader give every corpus entry the same verdict on every run and machine shape?

Materializes the planted-bug corpus (`python -m coursekit corpus materialize`), then grades it `--runs` times
per machine shape with the batch grader: `plain` (two CPUs, taskset -c 0,1), `one-cpu` (taskset -c 0) and
`loaded` (two CPUs while a bounded background process keeps two threads busy on them); the older names `two`,
`one` and `two-loaded` still work. A shape's runs are graded in one batch (one grader start, the test JVMs'
AOT cache reused, `--jobs` test JVMs at once: by default as many as the shape has CPUs). Prints an estimate
of the duration first (from the seconds per submission the last run recorded in target/bench-grading.json),
then the table (entry x shape x runs: the points lost, or 100%), the totals (bugs caught in every run,
correct variants at 100% in every run) and, per shape and exercise, the seconds per submission and the
throughput, each with the machine's load average. Without the corpus command (an older tree) a small
stand-in is used: each exercise's reference solution plus two bugs of exercise 01, and it says so.
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

SHAPES = {"plain": "0,1", "one-cpu": "0", "loaded": "0,1"}  # shape -> the CPUs it runs on (taskset -c)
ALIASES = {"two": "plain", "one": "one-cpu", "two-loaded": "loaded"}
LOADED = {"loaded"}
TIMES = paths.TARGET / "bench-grading.json"  # seconds per submission the last run measured, per shape and exercise
GUESS_SECONDS = 15.0  # per submission, when no earlier run recorded any: a rough guess, said to be one
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


def grade_batch(dirs: list[pathlib.Path], shape: str, out: pathlib.Path, jobs: int, extra: list[str]) -> dict:
    """Grades every submission under `dirs` in one batch of the grader on the shape's CPUs."""
    cpus = SHAPES[shape]
    cmd = ["taskset", "-c", cpus, java(), "-Xmx512m", "-cp", os.pathsep.join(paths.lib_classpath(grader=True)),
           "course.grading.batch.GradeCommand", *map(str, dirs), "--json", str(out), "--quiet", "--jobs", str(jobs), *extra]
    load = Load(cpus, 7200) if shape in LOADED else None
    start = time.monotonic()
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=4 * 3600)
    finally:
        if load:
            load.close()
    if done.returncode != 0:
        raise RuntimeError(f"grading failed ({shape}): {done.stderr[-2000:]}")
    report = json.loads(out.read_text())
    report["wall"] = time.monotonic() - start
    return report


def shape_jobs(shape: str, jobs: int) -> int:
    return jobs or len(SHAPES[shape].split(","))


def recorded() -> dict:
    try:
        return json.loads(TIMES.read_text())
    except (OSError, ValueError):
        return {}


def estimate(expected: dict, shapes: list[str], runs: int, jobs: int) -> tuple[float, str]:
    """Seconds the whole run should take, from the seconds per submission recorded last time, and where they came from."""
    times, total, guessed = recorded(), 0.0, 0
    for shape in shapes:
        for entry in expected.values():
            secs = times.get(shape, {}).get(entry["exercise"])
            guessed += secs is None
            total += (secs if secs is not None else GUESS_SECONDS) * runs / shape_jobs(shape, jobs)
    n = len(expected) * len(shapes)
    source = (f"seconds per submission recorded in {TIMES.name}" if not guessed
              else f"a rough guess of {GUESS_SECONDS:.0f} s per submission for {guessed} of {n} (no earlier run recorded them)")
    return total, source


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
    ap.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated, of: " + ", ".join(SHAPES)
                    + " (or " + ", ".join(ALIASES) + ")")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--exercise", action="append", default=[], help="only this exercise (repeatable)")
    ap.add_argument("--sample", type=int, default=0, help="only N corpus entries (quick runs)")
    ap.add_argument("--quick", action="store_true", help="grade with COURSE_QUICK budgets (not what students get)")
    ap.add_argument("--no-sandbox", action="store_true")
    ap.add_argument("--jobs", type=int, default=0, help="test JVMs at once (default: as many as the shape has CPUs)")
    ap.add_argument("--keep", help="keep the materialized submissions and reports in this folder")
    args = ap.parse_args(argv)
    shapes = list(dict.fromkeys(ALIASES.get(s, s) for s in args.shapes.split(",") if s))
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
    seconds, basis = estimate(expected, shapes, args.runs, args.jobs)
    echo(f"estimated duration: {seconds / 60:.0f} min ({len(expected) * len(shapes) * args.runs} gradings; from {basis})")
    results: dict[str, dict[str, list[dict]]] = {e: {s: [] for s in shapes} for e in expected}
    timing: dict[str, tuple[float, int, float, float]] = {}  # shape -> (wall, submissions, load before, load after)
    per_exercise: dict[str, dict[str, list[float]]] = {s: {} for s in shapes}
    for shape in shapes:
        runs = [work / shape / f"run-{r + 1}" for r in range(args.runs)]
        for run_dir in runs:
            shutil.copytree(subs, run_dir, dirs_exist_ok=True)
        jobs = shape_jobs(shape, args.jobs)
        load_before = os.getloadavg()[0]
        report = grade_batch(runs, shape, work / f"{shape}.json", jobs, extra)
        for sub in report["submissions"]:
            entry = pathlib.Path(sub["file"]).parent.name
            if entry in results:
                earned, possible = points(sub)
                results[entry][shape].append(dict(sub, earned=earned, possible=possible))
                per_exercise[shape].setdefault(expected[entry]["exercise"], []).append(sub["seconds"])
        timing[shape] = (report["wall"], len(report["submissions"]), load_before, os.getloadavg()[0])
        echo(f"  {shape}: {len(report['submissions'])} gradings with {jobs} job(s) in {report['wall']:.0f} s"
             f" (load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after)")
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
        wall, n, before, after = timing[s]
        echo(f"{s:<8} bugs caught in every run: {caught}/{len(bugs)}; correct at 100% in every run: {full}/{len(correct)};"
             f" {n} gradings in {wall:.0f} s: {n * 60 / wall:.1f} submissions/min (load average {before:.1f}-{after:.1f},"
             f" {os.cpu_count()} cores)")
        for exercise, secs in sorted(per_exercise[s].items()):
            echo(f"{'':<8}   {exercise:<26} seconds per submission: median {statistics.median(secs):.1f}"
                 f" (range {min(secs):.1f}-{max(secs):.1f}, n={len(secs)})")
        failures += (len(bugs) - caught) + (len(correct) - full)
    if not args.quick:
        record(per_exercise)  # quick budgets would make the next estimate too short
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if failures == 0 else 1


def record(per_exercise: dict[str, dict[str, list[float]]]) -> None:
    """Keeps this run's median seconds per submission (per shape and exercise) for the next run's estimate."""
    times = recorded()
    for shape, exercises in per_exercise.items():
        times.setdefault(shape, {}).update({ex: round(statistics.median(secs), 2) for ex, secs in exercises.items()})
    try:
        TIMES.parent.mkdir(parents=True, exist_ok=True)
        TIMES.write_text(json.dumps(times, indent=1, sort_keys=True) + "\n")
    except OSError:
        pass  # an estimate is a convenience: a read-only tree still benchmarks
