"""The batch grader on hostile submissions: each gets its clear reason and the batch completes.

Runs `course.grading.GradeCommand` (what `./course grade` runs) on notebooks made from the
instructor notebook of exercise 01 with one hostile solution each, then reads the JSON report.
"""
import json
import os
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[3]
JAVA = pathlib.Path(os.environ.get("COURSE_JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")) / "bin" / "java"
CP = ":".join(str(ROOT / p) for p in ["lib/target/course-lib.jar", "lib/target/dependency/*", "lib/target/grader/*"])
INSTRUCTOR = ROOT / "lib" / "instructor" / "exercises" / "01-threads.ipynb"

COUNTER_OK = "class SafeCounter implements Counter {\n  final AtomicLong n = new AtomicLong();\n  public void increment() { n.incrementAndGet(); }\n  public long get() { return n.get(); }\n}\n"

HOSTILE = {
    "exits": COUNTER_OK.replace("public long get() { return n.get(); }", "public long get() { System.exit(3); return 0; }"),
    "hangs": COUNTER_OK.replace("public long get() { return n.get(); }", "public long get() { while (true) { Thread.onSpinWait(); } }"),
    "oom": COUNTER_OK.replace("public long get() { return n.get(); }",
                              "public long get() { var l = new ArrayList<long[]>(); while (true) l.add(new long[1 << 20]); }"),
    "leaks-threads": COUNTER_OK.replace("public void increment() { n.incrementAndGet(); }",
                                        "public void increment() { if (n.incrementAndGet() == 1) new Thread(() -> { while (true) { try { Thread.sleep(50); } catch (InterruptedException e) { } } }, \"forever\").start(); }"),
    "leaks-process": COUNTER_OK.replace("public void increment() { n.incrementAndGet(); }",
                                        "public void increment() { if (n.incrementAndGet() == 1) { try { new ProcessBuilder(\"sleep\", \"600\").start(); } catch (IOException e) { throw new UncheckedIOException(e); } } }"),
    "ctor-throws": COUNTER_OK.replace("final AtomicLong n = new AtomicLong();",
                                      "final AtomicLong n = new AtomicLong();\n  SafeCounter() { throw new IllegalStateException(\"no database\"); }"),
    "no-compile": "class SafeCounter implements Counter {\n  public void increment() { n++ }\n}\n",
}


def make(path, solution_sources):
    nb = json.loads(INSTRUCTOR.read_text())
    solution_cells = [c for c in nb["cells"] if "solution" in c.get("metadata", {}).get("tags", [])]
    for cell, src in zip(solution_cells, solution_sources):
        cell["source"] = src
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb))


def grade(*args):
    env = dict(os.environ, COURSE_QUICK="1")
    return subprocess.run([str(JAVA), "-cp", CP, "course.grading.GradeCommand", *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=600)


def test_hostile_submissions_each_get_a_clear_reason_and_the_batch_completes(tmp_path):
    sub = tmp_path / "submissions"
    reference_sum = json.loads(INSTRUCTOR.read_text())
    sum_cell = [c for c in reference_sum["cells"] if "solution" in c.get("metadata", {}).get("tags", [])][1]["source"]
    for name, counter in HOSTILE.items():
        make(sub / name / "01-threads.ipynb", [counter, sum_cell])
    (sub / "broken-json").mkdir()
    (sub / "broken-json" / "01-threads.ipynb").write_text('{"cells": [ {"cell_type": ')
    nb = json.loads(INSTRUCTOR.read_text())
    for c in nb["cells"]:
        c.get("metadata", {}).pop("tags", None)
    (sub / "no-tags").mkdir()
    (sub / "no-tags" / "01-threads.ipynb").write_text(json.dumps(nb))
    make(sub / "good" / "01-threads.ipynb", [COUNTER_OK, sum_cell])

    run = grade(sub, "--csv", tmp_path / "grades.csv", "--timing", "--timeout", "40", "--no-aot")
    print(run.stdout[-3000:])
    assert run.returncode == 0, run.stderr
    report = {s["student"]: s for s in json.loads((tmp_path / "grades.json").read_text())["submissions"]}
    msgs = {k: " | ".join([v["reason"]] + [t["message"] for t in v["tests"]]) for k, v in report.items()}

    assert report["good"]["status"] == "graded" and all(t["passed"] for t in report["good"]["tests"])
    assert "System.exit(3)" in msgs["exits"] and "SafeCounter.get" in msgs["exits"]
    assert "hang" in msgs["hangs"]
    assert "memory" in msgs["oom"]
    assert "left 1 thread(s) running" in msgs["leaks-threads"] and "forever" in msgs["leaks-threads"]
    assert "left 1 process(es) running" in msgs["leaks-process"]
    assert "constructor of SafeCounter threw IllegalStateException: no database" in msgs["ctor-throws"]
    assert report["no-compile"]["status"] == "does not compile" and "cell 5, line 2" in msgs["no-compile"]
    assert report["broken-json"]["status"] == "invalid notebook" and "01-threads.ipynb" in msgs["broken-json"]
    assert report["no-tags"]["status"] == "no solution cells"
    # the sum tests of hostile counters still ran and passed: only the affected tests lost points
    for name in ["exits", "hangs", "oom", "leaks-threads", "ctor-throws"]:
        sums = [t for t in report[name]["tests"] if t["test"].startswith("sum")]
        assert sums and all(t["passed"] for t in sums), (name, report[name]["tests"])
    csv = (tmp_path / "grades.csv").read_text().splitlines()
    assert len(csv) == 1 + len(report)
    assert "01-threads: counter counts on one thread" in csv[0]


def test_release_check_passes_on_the_committed_notebooks():
    run = subprocess.run([str(JAVA), "-cp", CP, "course.grading.ReleaseCommand", "--check"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr


def test_reference_solutions_of_the_new_exercises_score_full_marks_with_the_aot_cache(tmp_path):
    """02, 03 and 07 through the batch grader (console launcher, child JVMs), with the test JVMs' AOT cache."""
    sub = tmp_path / "refs"
    sub.mkdir()
    for name in ["09-processes", "11-async", "13-virtual-threads"]:
        (sub / f"{name}.ipynb").write_text((INSTRUCTOR.parent / f"{name}.ipynb").read_text())
    run = grade(sub, "--json", tmp_path / "report.json", "--timing")
    print(run.stdout[-3000:], run.stderr[-2000:])
    assert run.returncode == 0, run.stderr
    report = json.loads((tmp_path / "report.json").read_text())["submissions"]
    assert len(report) == 3
    for s in report:
        assert s["status"] == "graded" and all(t["passed"] for t in s["tests"]), s
    assert list((ROOT / "target" / "aot").glob("grader-*.aot")), "the grader should have trained its AOT cache"
