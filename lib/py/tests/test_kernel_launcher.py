"""The course's kernel launcher (lib/kernel/course/kernel/KernelLauncher.java), run for real: it answers
``kernel_info`` before the start-up script has run, a first cell still sees everything the script defines and
imports (JJava's own semantics), and a failing start-up script is reported in the first cell, not lost."""
from __future__ import annotations

import os

import pytest
from jupyter_client.kernelspec import KernelSpec
from jupyter_client.manager import KernelManager

from conftest import ROOT, course
from coursekit import aot, kernel


@pytest.fixture(scope="module")
def java_home() -> str:
    assert course("setup").returncode == 0
    home = os.environ.get("COURSE_JAVA_HOME")
    if not home:
        pytest.skip("run through ./course test (it finds the JDK 25)")
    assert kernel.launcher_jar().is_file(), "./course setup should have built the kernel launcher"
    return home


def start(java_home: str, extra_env: dict[str, str]):
    how = kernel.launch(java_home, kernel.heap())
    km = KernelManager()
    km._kernel_spec = KernelSpec(argv=how.argv(f"{java_home}/bin/java", aot.cache_path(how)),
                                 env={**how.env, **extra_env}, display_name="launcher test", language="java",
                                 interrupt_mode="message")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    return km, kc


def run(kc, code: str) -> tuple[str, str, dict]:
    out, err = [], []

    def hook(msg):
        if msg["msg_type"] == "stream":
            (out if msg["content"]["name"] == "stdout" else err).append(msg["content"]["text"])

    reply = kc.execute_interactive(code, timeout=180, output_hook=hook)
    return "".join(out), "".join(err), reply["content"]


def test_ready_before_the_start_up_script_and_a_first_cell_sees_all_of_it(java_home, tmp_path):
    marker = tmp_path / "start-up-done"
    # Runs after startup.jsh, as JJava runs JJAVA_STARTUP_SCRIPT after the scripts path.
    script = f'Thread.sleep(8000); int fromStartup = 42; Files.writeString(Path.of("{marker}"), "done");'
    km, kc = start(java_home, {"JJAVA_STARTUP_SCRIPT": script})
    try:
        kc.wait_for_ready(timeout=120)
        assert not marker.exists(), "kernel_info was answered only after the start-up script ran"
        out, err, reply = run(kc, "System.out.println(fromStartup + \" \" + new AtomicInteger(7).get() "
                                   "+ \" \" + ConcurrentHashMap.class.getSimpleName());")
        assert reply["status"] == "ok", reply
        assert marker.exists()
        assert out.strip() == "42 7 ConcurrentHashMap", (out, err)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_a_failing_start_up_script_is_reported_in_the_first_cell(java_home):
    km, kc = start(java_home, {"JJAVA_STARTUP_SCRIPT": "int broken = ;"})
    try:
        kc.wait_for_ready(timeout=120)
        out, err, reply = run(kc, 'System.out.println("still " + "works");')
        assert reply["status"] == "ok", reply
        assert "still works" in out
        assert "start-up script failed" in err, err
        out, err, reply = run(kc, 'System.out.println("once");')
        assert "start-up script failed" not in err
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_the_kernelspec_starts_the_launcher_and_set_up_does_not_recompile_it(java_home):
    spec = (ROOT / ".jupyter" / "kernels" / "java-course" / "kernel.json").read_text()
    assert kernel.LAUNCHER_MAIN in spec and str(kernel.launcher_jar()) in spec
    stamp = kernel.launcher_jar().with_suffix(".stamp")
    assert stamp.is_file()
    before = kernel.launcher_jar().stat().st_mtime_ns
    assert kernel.build_launcher(java_home, kernel.installed_jar()) == kernel.launcher_jar()
    assert kernel.launcher_jar().stat().st_mtime_ns == before, "an unchanged launcher should not be recompiled"
