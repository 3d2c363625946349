"""The batch grader on hostile submissions: each gets its clear reason and the batch completes.

Runs `course.grading.batch.GradeCommand` (what `./course grade` runs) on notebooks made from the
instructor notebook of exercise 01 with one hostile solution each, then reads the JSON report.
"""
import json
import os
import pathlib
import shutil
import socket
import subprocess

import pytest
from coursekit import paths

ROOT = pathlib.Path(__file__).resolve().parents[3]
JAVA = pathlib.Path(os.environ.get("COURSE_JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")) / "bin" / "java"
CP = os.pathsep.join(paths.lib_classpath(grader=True))
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


def reading(path):
    """A counter whose get() first reads `path` (a hostile submission's probe)."""
    return COUNTER_OK.replace("public long get() { return n.get(); }",
                              "public long get() { try { Files.readString(Path.of(\"%s\")); } catch (IOException e) { throw new UncheckedIOException(e); } return n.get(); }" % path)


def writing(path):
    """A counter whose get() first appends to `path`."""
    return COUNTER_OK.replace("public long get() { return n.get(); }",
                              "public long get() { try { Files.writeString(Path.of(\"%s\"), \"pwned\", StandardOpenOption.APPEND); } catch (IOException e) { throw new UncheckedIOException(e); } return n.get(); }" % path)


def connecting(host, port):
    """A counter whose get() first opens a TCP connection."""
    return COUNTER_OK.replace("public long get() { return n.get(); }",
                              "public long get() { try (var s = new Socket()) { s.connect(new InetSocketAddress(\"%s\", %d), 2000); } catch (IOException e) { throw new UncheckedIOException(e); } return n.get(); }" % (host, port))


FORK_BOMB = COUNTER_OK.replace("public void increment() { n.incrementAndGet(); }",
                               "public void increment() { if (n.incrementAndGet() == 1) { try { for (int i = 0; i < 100_000; i++) new ProcessBuilder(\"sleep\", \"60\").start(); } catch (IOException e) { throw new UncheckedIOException(e); } } }")


def make(path, solution_sources):
    nb = json.loads(INSTRUCTOR.read_text())
    solution_cells = [c for c in nb["cells"] if "solution" in c.get("metadata", {}).get("tags", [])]
    for cell, src in zip(solution_cells, solution_sources):
        cell["source"] = src
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb))


def sandbox_available():
    return shutil.which("bwrap") is not None and subprocess.run(
        ["bwrap", "--ro-bind", "/", "/", "--unshare-net", "--unshare-pid", "true"], capture_output=True).returncode == 0


# Without bubblewrap (a laptop without it, macOS) the grader refuses unless told --no-sandbox; CI installs it.
NO_SANDBOX = [] if sandbox_available() else ["--no-sandbox"]


def grade(*args):
    env = dict(os.environ, COURSE_QUICK="1")
    return subprocess.run([str(JAVA), "-cp", CP, "course.grading.batch.GradeCommand", *map(str, args), *NO_SANDBOX],
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
    first_solution = 1 + [i for i, c in enumerate(json.loads(INSTRUCTOR.read_text())["cells"])
                          if "solution" in c.get("metadata", {}).get("tags", [])][0]
    assert report["no-compile"]["status"] == "does not compile" and f"cell {first_solution}, line 2" in msgs["no-compile"]
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
    from coursekit import release
    lines = []
    assert release.run(check=True, echo=lines.append) == 0, lines
    for student in sorted(release.STUDENT.glob("*.ipynb")):
        text = student.read_text()
        assert release.BEGIN not in text and '"outputs": [\n' not in text, f"{student.name} leaks a solution or carries outputs"


def test_release_rejects_a_solution_marker_outside_solution_cells(tmp_path):
    import nbformat
    from coursekit import release
    nb = nbformat.read(INSTRUCTOR, as_version=4)
    plain = next(c for c in nb.cells if c.cell_type == "code" and "solution" not in c.metadata.get("tags", []))
    plain.source += "\n// BEGIN SOLUTION\nint secret = 42;\n// END SOLUTION"
    (tmp_path / "src").mkdir()
    nbformat.write(nb, tmp_path / "src" / "01-threads.ipynb")
    lines = []
    assert release.run(tmp_path / "src", tmp_path / "out", echo=lines.append) == 1
    assert "not tagged \"solution\"" in lines[-1] and "cell" in lines[-1], lines
    assert not (tmp_path / "out" / "01-threads.ipynb").exists(), "nothing is written when a solution would leak"
    plain.source = plain.source.replace("// BEGIN SOLUTION\nint secret = 42;\n// END SOLUTION", "")
    nbformat.write(nb, tmp_path / "src" / "01-threads.ipynb")
    assert release.run(tmp_path / "src", tmp_path / "out", echo=lines.append) == 0
    student = nbformat.read(tmp_path / "out" / "01-threads.ipynb", as_version=4)
    assert any(release.TODO in c.source for c in student.cells if "solution" in c.metadata.get("tags", []))
    assert release.run(tmp_path / "src", tmp_path / "out", check=True, echo=lines.append) == 0


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


@pytest.mark.skipif(not sandbox_available() and not os.environ.get("CI"),
                    reason="bubblewrap missing or not allowed here (CI installs it, and there this test must run)")
def test_the_sandbox_denies_hostile_submissions_and_the_batch_completes(tmp_path):
    """Each submission reads, writes or connects where it must not; each is denied and says so; nothing is lost."""
    sub = tmp_path / "submissions"
    sum_cell = [c for c in json.loads(INSTRUCTOR.read_text())["cells"] if "solution" in c.get("metadata", {}).get("tags", [])][1]["source"]
    make(sub / "good" / "01-threads.ipynb", [COUNTER_OK, sum_cell])
    gradebook = tmp_path / "out" / "grades.csv"
    gradebook.parent.mkdir()
    gradebook.write_text("previous,gradebook\n")
    jar = ROOT / "lib" / "target" / "course-lib.jar"
    jar_before = (jar.stat().st_size, jar.stat().st_mtime_ns)
    outside = socket.socket()
    outside.bind(("127.0.0.1", 0))
    outside.listen(5)
    outside.settimeout(0.1)
    hostile = {
        "reads-reference": reading(INSTRUCTOR),
        "reads-other": reading(sub / "good" / "01-threads.ipynb"),
        "writes-gradebook": writing(gradebook),
        "writes-jar": writing(jar),
        "net-internet": connecting("192.0.2.1", 80),
        "net-loopback-outside": connecting("127.0.0.1", outside.getsockname()[1]),
        "fork-bomb": FORK_BOMB,
    }
    for name, counter in hostile.items():
        make(sub / name / "01-threads.ipynb", [counter, sum_cell])
    try:
        run = grade(sub, "--json", tmp_path / "report.json", "--no-aot", "--timeout", "60", "--max-procs", "200", "--jobs", "2")
        print(run.stdout[-4000:], run.stderr[-2000:])
        assert run.returncode == 0, run.stderr
        with pytest.raises(socket.timeout):
            outside.accept()  # nothing from inside the sandbox reached the host's loopback
    finally:
        outside.close()
    report = {s["student"]: s for s in json.loads((tmp_path / "report.json").read_text())["submissions"]}
    assert len(report) == 1 + len(hostile)
    msgs = {k: " | ".join([v["reason"]] + [t["message"] for t in v["tests"]]) for k, v in report.items()}
    assert all(t["passed"] for t in report["good"]["tests"]), report["good"]
    assert "NoSuchFileException" in msgs["reads-reference"] and str(INSTRUCTOR) in msgs["reads-reference"]
    assert "NoSuchFileException" in msgs["reads-other"]
    assert "NoSuchFileException" in msgs["writes-gradebook"]
    assert "AccessDeniedException" in msgs["writes-jar"] or "Read-only file system" in msgs["writes-jar"], msgs["writes-jar"]
    assert "unreachable" in msgs["net-internet"].lower(), msgs["net-internet"]
    assert "refused" in msgs["net-loopback-outside"].lower(), msgs["net-loopback-outside"]
    assert "Resource temporarily unavailable" in msgs["fork-bomb"], msgs["fork-bomb"]
    for name in hostile:
        counter = [t for t in report[name]["tests"] if t["test"].startswith("counter")]
        assert counter and not all(t["passed"] for t in counter), (name, counter)
        sums = [t for t in report[name]["tests"] if t["test"].startswith("sum")]
        assert sums and all(t["passed"] for t in sums), (name, report[name]["tests"])  # only the affected tests lost points
    assert gradebook.read_text() == "previous,gradebook\n"
    assert (jar.stat().st_size, jar.stat().st_mtime_ns) == jar_before
    assert len(list((tmp_path / "feedback").glob("*.md"))) == len(report)


def test_without_a_sandbox_grading_refuses_unless_told(tmp_path):
    sub = tmp_path / "one"
    make(sub / "01-threads.ipynb", [COUNTER_OK])
    env = dict(os.environ, PATH="/nonexistent")  # no bwrap on the PATH
    run = subprocess.run([str(JAVA), "-cp", CP, "course.grading.batch.GradeCommand", str(sub), "--quick", "--no-aot"],
                         capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 2 and "cannot sandbox" in run.stderr and "--no-sandbox" in run.stderr, run.stderr


def test_parallel_grading_writes_the_same_gradebook_as_one_job(tmp_path):
    sub = tmp_path / "subs"
    sum_cell = [c for c in json.loads(INSTRUCTOR.read_text())["cells"] if "solution" in c.get("metadata", {}).get("tags", [])][1]["source"]
    off_by_one = COUNTER_OK.replace("return n.get();", "return n.get() + 1;")
    for i, counter in enumerate([COUNTER_OK, off_by_one, COUNTER_OK, HOSTILE["ctor-throws"]]):
        make(sub / f"s{i}" / "01-threads.ipynb", [counter, sum_cell])
    one = grade(sub, "--csv", tmp_path / "one.csv", "--jobs", "1", "--timing", "--no-aot")
    two = grade(sub, "--csv", tmp_path / "two.csv", "--jobs", "2", "--timing", "--no-aot")
    print(one.stdout[-600:], two.stdout[-600:])
    assert one.returncode == 0 and two.returncode == 0, one.stderr + two.stderr
    assert "submissions per minute" in one.stdout and "with 2 job(s)" in two.stdout
    assert (tmp_path / "one.csv").read_text() == (tmp_path / "two.csv").read_text()
    assert "0/3" not in (tmp_path / "feedback" / "s0-01-threads.md").read_text()


def test_bench_grading_on_a_sample_of_the_corpus():
    """`./course bench grading` on two corpus entries, one run, two CPUs: its estimate, table and totals, every verdict as expected."""
    from coursekit import benchgrading
    lines = []
    status = benchgrading.run(["--sample", "2", "--runs", "1", "--shapes", "two", *NO_SANDBOX], echo=lines.append)
    print("\n".join(lines))
    assert any(line.startswith("estimated duration: ") for line in lines), lines
    assert any(line.startswith("plain ") and "bugs caught in every run" in line and "submissions/min" in line for line in lines), lines
    assert status == 0, "a sampled bug was missed or a correct variant lost points:\n" + "\n".join(lines)
