"""binder/postBuild, run for real, so the Binder set-up cannot silently rot.

A fresh ``git clone`` of this repository (its committed HEAD; the working tree is not touched) gets
``binder/postBuild`` run in it as repo2docker runs it, with a throwaway HOME and a throwaway Maven local
repository (so every artifact is downloaded and the pre-fetch is really exercised). The conda parts are
replaced by what this machine has: COURSE_VENV points at the virtualenv running these tests (which holds
binder/requirements.txt), and ./course finds the JDK 25 as it does anywhere (e.g. under /usr/lib/jvm).
Then: the ``java-course`` kernelspec is in the clone's ``.jupyter/kernels``; the executed copy of
00-start-here holds a chart; another notebook runs on that kernel through plain Jupyter with the
environment ``binder/start`` gives a Binder session; and a second Maven build, offline, succeeds.

Without a build: environment.yml spells out exactly requirements.txt's pins; the pins install together
with the Python packages of repo2docker's base environment and ``pip check`` passes; the server's
culling is no weaker than mybinder.org's own.

Not exercised here: the conda solve of binder/environment.yml (conda-forge openjdk 25), repo2docker itself
(its image, the jovyan user, REPO_DIR = HOME, running ``start`` as the entrypoint), and Binder's 2 GB
memory limit (the kernel's heap for it is set in binder/start).
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
from coursekit import binderenv

# mybinder.org's own culling (jupyterhub/mybinder.org-deploy, mybinder/values.yaml, etcJupyter): a kernel
# idle for 600 s is shut down, checked every 60 s, connected or not; a server with no activity for
# 600 s shuts down. Ours may be stricter, never looser.
MYBINDER_CULLING = {"cull_idle_timeout": 600, "cull_interval": 60, "cull_connected": True}
MYBINDER_SHUTDOWN_NO_ACTIVITY = 600

# The Python packages of repo2docker's base environment for Python 3.11 that share dependencies with our
# pins (jupyterhub/repo2docker, repo2docker/buildpacks/conda/environment.py-3.11-linux-64.lock, commit
# 808ae6b; conda names mapped to PyPI: jupyterhub-base is jupyterhub, nbconvert-core is nbconvert).
REPO2DOCKER_BASE_PY311 = """
jupyterlab==4.4.9 notebook==7.4.7 notebook-shim==0.2.4 jupyter_server==2.17.0 jupyter_server_terminals==0.5.3
jupyterlab_server==2.27.3 jupyter-lsp==2.3.0 jupyter_client==8.6.3 jupyter_core==5.8.1 jupyter_events==0.12.0
nbformat==5.10.4 nbclient==0.10.2 nbconvert==7.16.6 ipykernel==7.0.1 ipython==9.6.0 ipywidgets==8.1.7
widgetsnbextension==4.0.14 jupyterlab_widgets==3.0.15 jupyterhub==5.4.0 jupyter-resource-usage==1.2.0
jupyter-offlinenotebook==0.3.2 tornado==6.5.2 traitlets==5.14.3 pyzmq==27.1.0 comm==0.2.3 jsonschema==4.25.1
httpx==0.28.1 anyio==4.11.0 packaging==25.0 psutil==7.1.0 terminado==0.18.1 async-lru==2.0.5 jinja2==3.1.6
json5==0.12.1 prometheus_client==0.23.1
""".split()

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
        # The -Xmx the kernel was started with (maxMemory() is less than -Xmx under SerialGC: one survivor space).
        nbformat.v4.new_code_cell('System.out.println(java.lang.management.ManagementFactory.getRuntimeMXBean()'
                                  '.getInputArguments().stream().filter(a -> a.startsWith("-Xmx")).reduce((a, b) -> b).orElse("none"));'),
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
    assert texts[1] == f"-Xmx{heap}", f"kernel started with {texts[1]}, binder/start sets {heap}"
    assert any("image/png" in o.get("data", {}) for o in done.cells[2].outputs)


def _no_weaker_than_mybinder(config: dict) -> list[str]:
    """How a server configuration culls less than mybinder.org does (empty: no weaker)."""
    kernels, server = config.get("MappingKernelManager", {}), config.get("ServerApp", {})
    weaker = []
    for key in ("cull_idle_timeout", "cull_interval"):
        if not 0 < kernels.get(key, 0) <= MYBINDER_CULLING[key]:
            weaker.append(f"MappingKernelManager.{key} = {kernels.get(key)} (mybinder: {MYBINDER_CULLING[key]})")
    if kernels.get("cull_connected") is not True:
        weaker.append("MappingKernelManager.cull_connected is not true (mybinder culls kernels with a tab open too)")
    if not 0 < server.get("shutdown_no_activity_timeout", 0) <= MYBINDER_SHUTDOWN_NO_ACTIVITY:
        weaker.append(f"ServerApp.shutdown_no_activity_timeout = {server.get('shutdown_no_activity_timeout')} "
                      f"(mybinder: {MYBINDER_SHUTDOWN_NO_ACTIVITY})")
    return weaker


def test_culling_is_no_weaker_than_mybinders():
    config = json.loads((ROOT / "binder" / "jupyter" / "jupyter_server_config.json").read_text())
    assert _no_weaker_than_mybinder(config) == []
    # and the check itself notices the settings this file had before (15 minutes, connected kernels kept)
    assert len(_no_weaker_than_mybinder({"MappingKernelManager": {"cull_idle_timeout": 900, "cull_interval": 60,
                                                                  "cull_connected": False}})) == 3


def test_a_session_culls_idle_kernels_and_offers_only_the_course_kernel(built):
    # What the server really loads with binder/start's JUPYTER_CONFIG_PATH, not just what the file says.
    jupyter = str(pathlib.Path(sys.prefix) / "bin" / "jupyter")
    listed = built.run("binder/start", jupyter, "server", "--show-config-json", timeout=120)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    config = json.loads(listed.stdout)
    assert _no_weaker_than_mybinder(config) == []
    # jjava's own "java" kernelspec (no course library) must not be offered when Lab asks for a kernel.
    allowed = config["KernelSpecManager"]["allowed_kernelspecs"]
    assert "java-course" in allowed and "java" not in allowed


def test_environment_yml_is_generated_from_requirements():
    env = (ROOT / "binder" / "environment.yml").read_text()
    assert binderenv.in_sync(), "binder/environment.yml is out of date: run PYTHONPATH=lib/py python3 -m coursekit.binderenv"
    pip_list = re.findall(r"^ {6}- (\S+)$", env, re.M)
    assert pip_list == binderenv.pins() and pip_list
    entries = [line.split("#", 1)[0] for line in env.splitlines()]  # YAML without its comments
    assert not [e for e in entries if re.match(r"^\s*-\s*(-r|--requirement)\b", e)], "a -r inside environment.yml"
    assert not [e for e in entries if re.match(r"^\s*-\s*maven\b", e)], "maven in environment.yml (./mvnw pins its own)"


def _python_311() -> str | None:
    if sys.version_info[:2] == (3, 11):
        return sys.executable
    return shutil.which("python3.11")


@pytest.mark.skipif(_python_311() is None, reason="needs Python 3.11, the version of Binder's environment")
def test_pins_install_over_repo2dockers_base_environment(tmp_path):
    # As repo2docker does: its base environment first, then our pip list on top; then pip's own check.
    venv = tmp_path / "base"
    subprocess.run([_python_311(), "-m", "venv", str(venv)], check=True, timeout=300)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check", "-q"]
    base = subprocess.run([*pip, "install", *REPO2DOCKER_BASE_PY311], capture_output=True, text=True, timeout=1200)
    assert base.returncode == 0, f"could not install repo2docker's base packages:\n{base.stdout[-3000:]}{base.stderr[-3000:]}"
    ours = subprocess.run([*pip, "install", "-r", str(binderenv.REQUIREMENTS)], capture_output=True, text=True, timeout=1200)
    assert ours.returncode == 0, f"our pins do not install over the base:\n{ours.stdout[-3000:]}{ours.stderr[-3000:]}"
    check = subprocess.run([*pip, "check"], capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, f"pip check after installing binder/requirements.txt:\n{check.stdout}{check.stderr}"
    versions = subprocess.run([*pip, "freeze"], capture_output=True, text=True, timeout=300).stdout.lower()
    for pin in binderenv.pins():
        assert pin.lower().replace("_", "-") in versions.replace("_", "-"), f"{pin} is not what got installed"


def test_postbuild_trained_the_graders_aot_cache(built):
    caches = sorted((built.clone / "target" / "aot").glob("grader-*.aot"))
    assert caches, "postBuild left no grader AOT cache (target/aot/grader-*.aot)"
    reference = sorted((built.clone / "lib" / "instructor" / "exercises").glob("*.ipynb"))[0]
    r = built.run(str(built.clone / "course"), "grade", str(reference), timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "trained the test JVMs' AOT cache" not in r.stderr, "a session would retrain the grader's cache:\n" + r.stderr


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
