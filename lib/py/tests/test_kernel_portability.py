"""lib's show(...) under two kernels of the IJava family with different display APIs: JJava (the
course kernel) and rapaio-jupyter-kernel (fetched from Maven Central). IJava shares JJava's API under
another package name; its releases are not on a package registry, so it is not exercised here."""
from __future__ import annotations

import json
import os
import pathlib
import subprocess

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT

RAPAIO = "io.github.padreati:rapaio-jupyter-kernel:3.0.1"
CELLS = [
    "import course.display.*;\nimport course.chart.*;",
    'Show.show(Charts.line("portable", "x", "y", java.util.Map.of("a", java.util.List.of(new double[] {1, 2}, new double[] {2, 3}))));',
    'Show.show(tech.tablesaw.api.Table.create("t", tech.tablesaw.api.IntColumn.create("x", 1, 2, 3)));',
    'var live = Show.live("first");\nlive.update("second");',
    'System.out.println("kernel=" + Show.kernelName());',
]


def _execute(kernel_name: str, env: dict[str, str] | None = None):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in CELLS]
    old = dict(os.environ)
    os.environ.update(env or {})
    try:
        NotebookClient(nb, timeout=120, kernel_name=kernel_name, startup_timeout=60, shutdown_kernel="immediate").execute()
    finally:
        os.environ.clear()
        os.environ.update(old)
    return nb


def _check(nb, kernel_label: str):
    outs = [c.outputs for c in nb.cells]
    assert any("image/png" in o.get("data", {}) for o in outs[1]), outs[1]
    assert any("text/html" in o.get("data", {}) and "<table" in o["data"]["text/html"] for o in outs[2]), outs[2]
    live = [o for o in outs[3] if o.get("output_type") == "display_data"]
    assert len(live) == 1 and "second" in json.dumps(live[0]["data"]), outs[3]  # updated in place
    text = "".join(o.get("text", "") for o in outs[4])
    assert f"kernel={kernel_label}" in text


def test_show_under_jjava():
    _check(_execute("java-course"), "jjava")


@pytest.fixture(scope="module")
def rapaio_kernel(tmp_path_factory) -> pathlib.Path:
    out = ROOT / "target" / "kernels"
    jar = out / "rapaio-jupyter-kernel-3.0.1.jar"
    if not jar.is_file():
        subprocess.run([str(ROOT / "mvnw"), "-q", "-B", "-ntp", "dependency:copy", f"-Dartifact={RAPAIO}",
                        f"-DoutputDirectory={out}"], cwd=ROOT, check=True, capture_output=True, timeout=600)
    data = tmp_path_factory.mktemp("jupyter")
    kdir = data / "kernels" / "rapaio-test"
    kdir.mkdir(parents=True)
    java = pathlib.Path(os.environ["COURSE_JAVA_HOME"]) / "bin" / "java"
    lib = ROOT / "lib" / "target"
    (kdir / "kernel.json").write_text(json.dumps({
        "argv": [str(java), "-Djava.awt.headless=true", "-jar", str(jar), "{connection_file}"],
        "display_name": "rapaio (test)", "language": "java", "interrupt_mode": "message",
        "env": {"RJK_CLASSPATH": f"{lib / 'course-lib.jar'};{lib / 'dependency'}/*"},
    }))
    return data


def test_show_under_rapaio(rapaio_kernel):
    # rapaio sometimes hangs on a cold start (KERNELS.md: 16 of 73); a hung start is retried, a wrong display is not.
    env = {"JUPYTER_PATH": f"{rapaio_kernel}:{os.environ.get('JUPYTER_PATH', '')}"}
    last = None
    for _ in range(4):
        try:
            nb = _execute("rapaio-test", env)
        except (RuntimeError, TimeoutError) as e:
            last = e
            continue
        _check(nb, "rapaio")
        return
    pytest.fail(f"the rapaio kernel did not start in 4 tries: {last}")
