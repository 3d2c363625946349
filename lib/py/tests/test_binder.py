"""binder/postBuild, run for real, so the Binder set-up cannot silently rot.

A fresh ``git clone`` of this repository (its committed HEAD; the working tree is not touched) gets
``binder/postBuild`` run in it as repo2docker runs it, with a throwaway HOME and a throwaway Maven local
repository (so every artifact is downloaded and the pre-fetch is really exercised). The conda parts are
replaced by what this machine has: COURSE_VENV points at the virtualenv running these tests (which holds
binder/requirements.txt), and ./course finds the JDK 25 as it does anywhere (e.g. under /usr/lib/jvm).
Then: the ``java-course`` kernelspec is in the clone's ``.jupyter/kernels``; the executed copy of
00-start-here holds a chart; another notebook runs on that kernel through plain Jupyter with the
environment ``binder/start`` gives a Binder session; and a second Maven build, offline, succeeds.

Not exercised here: the conda solve of binder/environment.yml (conda-forge openjdk 25 and Maven, and pip
reading ``-r requirements.txt`` relative to binder/), repo2docker itself (its image, the jovyan user,
REPO_DIR = HOME, running ``start`` as the entrypoint), and Binder's 2 GB memory limit (the kernel's heap
for it is set in binder/start; its RSS is measured by hand, see binder/README.md).
"""
from __future__ import annotations

import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import time

import nbformat
import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                                reason="needs git and a git checkout to clone")

# Variables the outer ./course test exports for the working tree; the clone must find its own.
OUTER = ("COURSE_ROOT", "COURSE_JAVA_HOME", "JAVA_HOME", "JUPYTER_PATH", "JUPYTER_CONFIG_DIR",
         "JUPYTER_DATA_DIR", "JUPYTER_CONFIG_PATH", "PYTHONPATH", "COURSE_VENV", "COURSE_KERNEL_HEAP", "NB_PYTHON_PREFIX",
         "CONDA_PREFIX", "MAVEN_OPTS", "MAVEN_ARGS")


class Built:
    def __init__(self, clone: pathlib.Path, env: dict, postbuild: subprocess.CompletedProcess, seconds: float):
        self.clone, self.env, self.postbuild, self.seconds = clone, env, postbuild, seconds

    def run(self, *argv: str, timeout: float = 600) -> subprocess.CompletedProcess:
        return subprocess.run(list(argv), cwd=self.clone, env=self.env, capture_output=True, text=True,
                              timeout=timeout, stdin=subprocess.DEVNULL)

    def session_heap(self) -> str:
        """The kernel heap a Binder session runs with, as binder/start sets it."""
        return self.run("binder/start", "printenv", "COURSE_KERNEL_HEAP").stdout.strip()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    tmp = tmp_path_factory.mktemp("binder")
    clone, home = tmp / "repo", tmp / "home"
    home.mkdir()
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True, timeout=120)
    env = {k: v for k, v in os.environ.items() if k not in OUTER}
    env.update({
        "HOME": str(home),
        # Binder's conda environment, replaced by the virtualenv these tests run in.
        "COURSE_VENV": sys.prefix,
        # Maven and its wrapper take their folders from the JVM's user.home, not $HOME.
        "MAVEN_OPTS": f"-Dmaven.repo.local={home / '.m2' / 'repository'}",
    })
    t0 = time.monotonic()
    result = subprocess.run(["binder/postBuild"], cwd=clone, env=env, capture_output=True, text=True,
                            timeout=1500, stdin=subprocess.DEVNULL)
    seconds = time.monotonic() - t0
    log = ROOT / "target" / "binder" / "postBuild.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text(f"{result.stdout}\n--- stderr\n{result.stderr}\n--- exit {result.returncode} after {seconds:.0f} s\n")
    return Built(clone, env, result, seconds)


def test_postbuild_succeeds(built):
    out = built.postbuild.stdout + built.postbuild.stderr
    assert built.postbuild.returncode == 0, f"binder/postBuild failed:\n{out[-5000:]}"
    assert "notebooks/00-start-here.ipynb" in built.postbuild.stdout and "1 passed" in built.postbuild.stdout


def test_postbuild_installed_the_course_kernel(built):
    kdir = built.clone / ".jupyter" / "kernels" / "java-course"
    spec = json.loads((kdir / "kernel.json").read_text())
    assert spec["display_name"] == "Java 25 (course)"
    assert (kdir / "jjava.jar").is_file()
    java = pathlib.Path(spec["argv"][0])
    assert java.name == "java" and os.access(java, os.X_OK)
    assert f"-Xmx{built.session_heap()}" in spec["argv"]
    assert spec["env"]["COURSE_ROOT"] == str(built.clone)
    assert spec["env"]["JJAVA_CLASSPATH"].startswith(str(built.clone / "lib" / "target" / "course-lib.jar"))
    aot = [a for a in spec["argv"] if a.startswith("-XX:AOTCache=")]
    assert aot and pathlib.Path(aot[0].split("=", 1)[1]).is_file(), "postBuild left the kernel without its AOT cache"


def test_postbuild_ran_the_start_notebook_with_a_chart(built):
    executed = nbformat.read(built.clone / "target" / "notebooks" / "00-start-here.ipynb", as_version=4)
    outputs = [o for c in executed.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert [o for o in outputs if "image/png" in o.get("data", {})], "00-start-here drew no chart in postBuild"


def test_a_session_runs_another_notebook_on_the_installed_kernel(built, tmp_path):
    # Plain Jupyter (no ./course), with only what binder/start exports, as a Binder session has it.
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "java-course", "display_name": "Java 25 (course)", "language": "java"}
    nb.cells = [
        nbformat.v4.new_code_cell('System.out.println(Runtime.version().feature() + " " + System.getenv("COURSE_ROOT"));'),
        nbformat.v4.new_code_cell('System.out.println(Runtime.getRuntime().maxMemory() >> 20);'),
        nbformat.v4.new_code_cell('show(Charts.line("probe", "x", "y", Map.of("a", List.of(new double[] {1, 2}, new double[] {2, 4}))));'),
    ]
    path = tmp_path / "probe.ipynb"
    nbformat.write(nb, str(path))
    jupyter = str(pathlib.Path(sys.prefix) / "bin" / "jupyter")
    r = built.run("binder/start", jupyter, "execute", "--kernel_name=java-course", "--timeout=120",
                  "--startup_timeout=120", f"--output={tmp_path / 'probe-run'}", str(path), timeout=400)
    assert r.returncode == 0, r.stdout + r.stderr
    done = nbformat.read(tmp_path / "probe-run.ipynb", as_version=4)
    texts = ["".join(o.get("text", "") for o in c.outputs).strip() for c in done.cells]
    assert texts[0] == f"25 {built.clone}"
    heap = built.session_heap()
    want_mb = int(heap[:-1]) * (1024 if heap[-1].lower() == "g" else 1)
    assert int(texts[1]) == want_mb, f"kernel heap {texts[1]} MB, binder/start sets {heap}"
    assert any("image/png" in o.get("data", {}) for o in done.cells[2].outputs)


def test_a_session_culls_idle_kernels_and_offers_only_the_course_kernel(built):
    jupyter = str(pathlib.Path(sys.prefix) / "bin" / "jupyter")
    r = built.run("binder/start", jupyter, "server", "--show-config", timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    config = r.stdout[r.stdout.index("MappingKernelManager"):]
    idle = int(re.search(r"\.cull_idle_timeout = (\d+)", config).group(1))
    assert 0 < idle <= 3600 and ".cull_connected = False" in config
    # jjava's own "java" kernelspec (no course library) must not be offered when Lab asks for a kernel.
    listed = built.run("binder/start", jupyter, "server", "--show-config-json", timeout=120)
    allowed = json.loads(listed.stdout)["KernelSpecManager"]["allowed_kernelspecs"]
    assert "java-course" in allowed and "java" not in allowed


def test_a_second_build_works_offline(built):
    # The pre-fetch must cover the build ./course does and its tests: run one real test class offline
    # (the smallest, to keep this quick), then the bench profile's build.
    tests = sorted((p for p in (built.clone / "lib" / "src" / "test" / "java").rglob("*Test.java")
                    if "benchmark" not in p.read_text()), key=lambda p: p.stat().st_size)
    assert tests
    one = tests[0].stem
    r = built.run(str(built.clone / "course"), "mvn", "-o", "-B", "-ntp", "package", f"-Dtest={one}")
    assert r.returncode == 0, f"offline build failed: something was not pre-fetched:\n{r.stdout[-4000:]}{r.stderr[-2000:]}"
    run = re.search(r"Tests run: (\d+), Failures: 0, Errors: 0", r.stdout)
    assert run and int(run.group(1)) > 0, r.stdout[-3000:]
    r = built.run(str(built.clone / "course"), "mvn", "-o", "-B", "-ntp", "-q", "-pl", "lib", "-Pbench", "verify",
                  "-Dexec.skip=true")
    assert r.returncode == 0, f"offline bench build failed:\n{r.stdout[-4000:]}{r.stderr[-2000:]}"
