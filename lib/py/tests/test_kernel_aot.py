"""The kernel's AOT cache on Binder: an image layer keeps file times to whole seconds only, and a session has
one CPU. Neither may make ``./course`` retrain the cache (a second kernel JVM, minutes on one CPU) nor make the
JVM refuse it, in whole or in part: the cache is trained with the collector and flags every launch uses."""
from __future__ import annotations

import os
import pathlib

import pytest
from jupyter_client.kernelspec import KernelSpec
from jupyter_client.manager import KernelManager

from conftest import course
from coursekit import aot, kernel


@pytest.fixture(scope="module")
def java_home() -> str:
    setup = course("setup")
    assert setup.returncode == 0, setup.stderr[-2000:]
    home = os.environ.get("COURSE_JAVA_HOME")
    if not home:
        pytest.skip("run through ./course test (it finds the JDK 25)")
    return home


def test_whole_second_mtimes_do_not_retrain_the_cache(java_home):
    how = kernel.launch(java_home, kernel.heap())
    cache = aot.cache_path(how)
    assert aot.fresh(java_home, how), "./course setup should leave a fresh AOT cache"
    made = cache.stat().st_mtime_ns
    for f in aot._files(how):
        st = f.stat()
        os.utime(f, ns=(st.st_atime_ns // 10**9 * 10**9, st.st_mtime_ns // 10**9 * 10**9))
    again = course("setup")
    assert again.returncode == 0, again.stderr[-2000:]
    assert "Training" not in again.stderr, again.stderr
    assert cache.stat().st_mtime_ns == made


@pytest.mark.parametrize("cpus", ["all", "taskset -c 0"])
def test_the_jvm_takes_the_whole_cache(java_home, cpus, tmp_path):
    how = kernel.launch(java_home, kernel.heap())
    cache = aot.cache_path(how)
    log = tmp_path / "aot.log"
    argv = [a for a in how.argv(f"{java_home}/bin/java", cache) if not a.startswith("-Xlog:")]
    # AOTMode=on: the JVM stops instead of starting without the cache; warnings name anything it refuses, and
    # the code part is refused with an info line (a cache trained with G1 on 2 CPUs, launched on 1 CPU: Serial).
    argv[1:1] = ["-XX:AOTMode=on", f"-Xlog:aot=warning,cds=warning,aot+codecache+init=info:file={log}"]
    if cpus != "all":
        argv = cpus.split() + argv
    km = KernelManager()
    km._kernel_spec = KernelSpec(argv=argv, env=how.env, display_name="aot test", language="java",
                                 interrupt_mode="message")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        reply = kc.execute_interactive('show(Charts.line("aot", "x", "y", Map.of("a", List.of(new double[] {1, 2}))));',
                                       timeout=180, output_hook=lambda m: None)
        assert reply["content"]["status"] == "ok", reply["content"]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    assert log.is_file()
    problems = [line for line in log.read_text().splitlines()
                if "warning" in line or "error" in line or "Unable to use" in line]
    assert not problems, problems
