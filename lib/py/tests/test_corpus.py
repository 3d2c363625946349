"""The planted-bug corpus and its materializer (python -m coursekit corpus materialize OUTDIR)."""
import json
import pathlib
import re
import subprocess
import sys

import nbformat
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "lib" / "py"))

from coursekit import corpus  # noqa: E402

EXERCISES = sorted(p.stem for p in (ROOT / "lib" / "instructor" / "exercises").glob("*.ipynb"))


def test_methods(exercise: str) -> set[str]:
    """The graded test methods of an exercise, read from the class annotated @Graded("<exercise>")."""
    for f in (ROOT / "lib" / "src" / "main" / "java" / "course" / "exercises").rglob("*Tests.java"):
        text = f.read_text(encoding="utf-8")
        if f'@Graded("{exercise}")' in text:
            return {re.search(r"\bvoid (\w+)\(", part).group(1) for part in text.split("@Test")[1:]}
    raise AssertionError(f"no test class for {exercise}")


test_methods.__test__ = False  # a helper, not a test


@pytest.mark.parametrize("exercise", EXERCISES)
def test_every_exercise_has_enough_entries_naming_real_tests(exercise):
    entries = corpus.entries(exercise=exercise)
    bugs = [e for e in entries if e.kind == "bug"]
    correct = [e for e in entries if e.kind == "correct"]
    assert len(bugs) >= 8 and len(correct) >= 3, f"{exercise}: {len(bugs)} bugs, {len(correct)} correct"
    methods = test_methods(exercise)
    for e in bugs:
        unknown = set(e.expect_fail + e.may_fail) - methods
        assert not unknown, f"{e.path}: no such test {sorted(unknown)} (tests: {sorted(methods)})"
        assert not set(e.expect_fail) & set(e.may_fail), f"{e.path}: a test is both expected and allowed to fail"
    assert len({e.bug_class for e in bugs}) >= 4, f"{exercise}: the bugs should span several classes"


def test_materialize_fills_the_reference_and_substitutes_the_entry(tmp_path):
    expected = corpus.materialize(tmp_path, exercise="02-bank")
    assert json.loads((tmp_path / "expected.json").read_text()) == expected
    entry = corpus.parse(ROOT / "lib" / "corpus" / "02-bank" / "locks-in-argument-order.jsh")
    assert expected[entry.id] == {"exercise": "02-bank", "kind": "bug", "bug_class": entry.bug_class,
                                  "expect_fail": list(entry.expect_fail), "may_fail": list(entry.may_fail),
                                  "feedback": entry.feedback}
    nb = nbformat.read(tmp_path / entry.id / "02-bank.ipynb", as_version=4)
    nbformat.validate(nb)
    cell = next(c for c in nb.cells if c.get("id") == "02-bank-05")
    assert cell.source == entry.cells["02-bank-05"]
    assert "solution" in cell.metadata["tags"]
    assert all(c.get("outputs", []) == [] for c in nb.cells if c.cell_type == "code")


def test_cells_the_entry_leaves_alone_hold_the_reference_without_markers(tmp_path):
    entry = corpus.parse(ROOT / "lib" / "corpus" / "01-threads" / "plain-long-counter.jsh")
    nb = corpus.notebook(entry)
    solutions = [c for c in nb.cells if "solution" in c.metadata.get("tags", [])]
    assert solutions[0].source == entry.cells["01-threads-05"]
    assert "BEGIN SOLUTION" not in solutions[1].source and "TODO" not in solutions[1].source
    assert "workers[t].start();" in solutions[1].source


def test_references_are_added_as_correct_entries_on_request(tmp_path):
    expected = corpus.materialize(tmp_path, exercise="13-virtual-threads", references=True)
    assert expected["13-virtual-threads--reference"]["kind"] == "correct"
    nb = nbformat.read(tmp_path / "13-virtual-threads--reference" / "13-virtual-threads.ipynb", as_version=4)
    solution = next(c for c in nb.cells if "solution" in c.metadata.get("tags", []))
    assert "newVirtualThreadPerTaskExecutor" in solution.source and "BEGIN SOLUTION" not in solution.source


def test_sample_is_reproducible_and_spread(tmp_path):
    all_entries = corpus.entries()
    a = corpus.sample(all_entries, 2 * len(EXERCISES), seed=3)
    assert a == corpus.sample(all_entries, 2 * len(EXERCISES), seed=3) and len(a) == 2 * len(EXERCISES)
    assert {e.exercise for e in a} == set(EXERCISES)
    assert {e.kind for e in a} == {"bug", "correct"}


def test_bad_input_gets_a_message_that_says_what_to_fix(tmp_path):
    bad = tmp_path / "01-threads" / "x.jsh"
    bad.parent.mkdir()
    bad.write_text("// kind: bug\n// bug_class: lost update\n// feedback: lost\n// ==== cell 01-threads-05\nclass X {}\n")
    with pytest.raises(corpus.CorpusError, match="needs bug_class, expect_fail and feedback"):
        corpus.parse(bad)
    bad.write_text("// kind: correct\n// ==== cell 01-threads-99\nclass X {}\n")
    with pytest.raises(corpus.CorpusError, match="not a solution cell of 01-threads"):
        corpus.materialize(tmp_path / "out", corpus=tmp_path)
    run = subprocess.run([sys.executable, "-m", "coursekit", "corpus", "materialize", str(tmp_path / "o"), "--exercise", "99-nope"],
                         cwd=ROOT, env={"PYTHONPATH": str(ROOT / "lib" / "py"), "PATH": "/usr/bin:/bin"},
                         capture_output=True, text=True)
    assert run.returncode == 2 and "no corpus for exercise `99-nope`" in run.stdout and "01-threads" in run.stdout
