"""Kernel benchmarks that print numbers, each measured in one run with cold starts alternated between
configurations (so that drifts of the machine's load hit all alike), with the machine's cores and load.

``./course bench startup [--cpus N]``: the course kernel's spawn-to-ready and first-chart times with and without
its AOT cache, then every notebook's Run-All time. ``./course bench kernels [--cpus N]``: the course kernel
against JJava as the kernelspec launched it before the course's launcher, and the other Java kernels of the
IJava family the course supports, each with the course's class path and start-up script.
``--cpus N`` re-runs the whole benchmark (client, kernels, lessons) under ``taskset`` on N CPUs: Binder's one.
"""
from __future__ import annotations

import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

from . import aot, kernel, notebooks, paths, runner

FIRST_CHART = ('show(Charts.line("first chart", "x", "y", '
               'Map.of("a", List.of(new double[] {1, 2}, new double[] {2, 4}))));')
RAPAIO = ("io.github.padreati", "rapaio-jupyter-kernel", "3.0.1")
# Goals of issue 17, printed beside the numbers (2 CPUs; ready on one CPU).
GOALS = {2: (1.5, 2.5), 1: (3.0, None)}


def pin(cpus: int | None, argv: list[str]) -> None:
    """Re-executes this process on the first ``cpus`` CPUs (taskset) unless it already runs on that many."""
    if not cpus or len(os.sched_getaffinity(0)) == cpus:
        return
    if cpus > (os.cpu_count() or 1):
        raise SystemExit(f"--cpus {cpus}: this machine has {os.cpu_count()} CPUs.")
    os.execvp("taskset", ["taskset", "-c", f"0-{cpus - 1}", sys.executable, "-m", "coursekit", *argv])


def machine() -> str:
    load = os.getloadavg()
    return (f"{len(os.sched_getaffinity(0))} of {os.cpu_count()} CPUs, "
            f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1 / 5 / 15 min)")


def cold_start(argv: list[str], env: dict[str, str], timeout: float = 120,
               log: pathlib.Path | None = None) -> tuple[float, float]:
    """Spawn to ``kernel_info`` reply, and spawn to the end of a cell that renders a JFreeChart PNG (seconds)."""
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import KernelManager

    km = KernelManager()
    km._kernel_spec = KernelSpec(argv=argv, env=env, display_name="bench", language="java", interrupt_mode="message")
    with open(log or os.devnull, "w") as err:
        t0 = time.monotonic()
        km.start_kernel(stdout=err, stderr=err)  # rapaio prints its class path on stdout
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=timeout)
            ready = time.monotonic() - t0
            outputs = []
            reply = kc.execute_interactive(FIRST_CHART, timeout=timeout, output_hook=outputs.append)
            if reply["content"]["status"] != "ok" or not any(
                    "image/png" in m["content"].get("data", {}) for m in outputs if m["msg_type"] == "display_data"):
                raise RuntimeError(f"the first-chart cell drew no chart: {reply['content']}")
            return ready, time.monotonic() - t0
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


def cold_starts(argv: list[str], env: dict[str, str], samples: int) -> tuple[list[float], list[float]]:
    ready, chart = [], []
    for _ in range(samples):
        r, c = cold_start(argv, env)
        ready.append(r)
        chart.append(c)
    return ready, chart


@dataclass
class Contender:
    name: str
    argv: list[str]
    env: dict[str, str]
    note: str = ""
    ready: list[float] = field(default_factory=list)
    chart: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def _fmt(xs: list[float]) -> str:
    if not xs:
        return "-"
    return f"{statistics.median(xs):5.2f} s ({min(xs):.2f}-{max(xs):.2f})"


def alternate(contenders: list[Contender], samples: int) -> None:
    for i in range(samples):
        for c in contenders:
            try:
                r, ch = cold_start(c.argv, c.env)
                c.ready.append(r)
                c.chart.append(ch)
            except Exception as e:  # a hung or failed start is counted, not fatal
                c.failures.append(f"{type(e).__name__}: {str(e)[:120]}")
        print(f"  round {i + 1}/{samples} done; {machine()}", flush=True)


def table(contenders: list[Contender], samples: int) -> None:
    print(f"\n  {'kernel':<42} {'ready (median, min-max)':<26} {'first chart':<26} note")
    for c in sorted(contenders, key=lambda c: statistics.median(c.chart) if c.chart else 1e9):
        note = c.note
        if c.failures:
            note += f"{'; ' if note else ''}{len(c.failures)} of {samples} starts failed ({c.failures[0]})"
        print(f"  {c.name:<42} {_fmt(c.ready):<26} {_fmt(c.chart):<26} {note}")


def _course(java_home: str, heap: str) -> Contender:
    how = kernel.launch(java_home, heap)
    cache = aot.build(java_home, heap)
    return Contender("java-course (launcher + AOT cache)", how.argv(f"{java_home}/bin/java", cache), how.env,
                     "" if cache else "no AOT cache")


def _stock(java_home: str, heap: str) -> Contender:
    how = kernel.launch(java_home, heap, stock=True)
    cache = aot.build(java_home, heap, stock=True)
    return Contender("JJava 1.0a8 main class + AOT cache (before)", how.argv(f"{java_home}/bin/java", cache), how.env,
                     "start-up script before kernel_info; --release 25")


def _rapaio(java_home: str, heap: str) -> Contender | str:
    group, artifact, version = RAPAIO
    out = paths.TARGET / "kernels"
    jar = out / f"{artifact}-{version}.jar"
    if not jar.is_file():
        got = subprocess.run([str(paths.ROOT / "mvnw"), "-q", "-B", "-ntp", "dependency:copy",
                              f"-Dartifact={group}:{artifact}:{version}", f"-DoutputDirectory={out}"],
                             cwd=paths.ROOT, capture_output=True, text=True, timeout=600)
        if got.returncode != 0 or not jar.is_file():
            return f"not on Maven Central from here ({got.stdout[-200:].strip()})"
    how = kernel.launch(java_home, heap)
    argv = [f"{java_home}/bin/java", f"-Xmx{heap}", "-Djava.awt.headless=true", "--enable-preview",
            "-jar", str(jar), "{connection_file}"]
    env = {"RJK_CLASSPATH": paths.kernel_classpath().replace(":", ";"),
           "RJK_INIT_SCRIPT": str(paths.STARTUP_SCRIPT),
           "RJK_COMPILER_OPTIONS": how.env["JJAVA_COMPILER_OPTS"],
           "JAVA_HOME": java_home, "COURSE_ROOT": str(paths.ROOT)}
    return Contender(f"rapaio-jupyter-kernel {version} (no AOT cache)", argv, env, "Maven Central")


def where_the_time_goes(java_home: str, heap: str) -> None:
    """One traced cold start of the course kernel: its launcher's phases, from its log."""
    c = _course(java_home, heap)
    with tempfile.TemporaryDirectory() as tmp:
        log = pathlib.Path(tmp) / "kernel.log"
        ready, chart = cold_start(c.argv, {**c.env, "COURSE_KERNEL_TRACE": "1"}, log=log)
        print(f"\nOne traced start of java-course: ready {ready:.2f} s, first chart {chart:.2f} s "
              f"(times below from the JVM's main method)")
        for line in log.read_text().splitlines():
            if line.startswith("course kernel:"):
                print("  " + line.removeprefix("course kernel:").strip())


def kernels(java_home: str, samples: int = 5) -> int:
    heap = kernel.heap()
    cpus = len(os.sched_getaffinity(0))
    contenders, skipped = [_course(java_home, heap), _stock(java_home, heap)], []
    rapaio = _rapaio(java_home, heap)
    if isinstance(rapaio, str):
        skipped.append(("rapaio-jupyter-kernel", rapaio))
    else:
        contenders.append(rapaio)
    skipped.append(("IJava 1.3.0", "no package registry here has it (GitHub release zip only; conda-forge's "
                                   "fork is not reachable from this machine)"))
    print(f"Java kernels, {samples} cold starts each, alternated; same JDK 25, class path and start-up script; "
          f"{machine()}")
    print("'ready' = spawn to kernel_info reply; 'first chart' = spawn to the end of a cell drawing a JFreeChart PNG.")
    alternate(contenders, samples)
    table(contenders, samples)
    for name, why in skipped:
        print(f"  {name:<42} skipped: {why}")
    ours, stock = contenders[0], contenders[1]
    if ours.ready and stock.ready:
        print(f"\n  ratio JJava main class / java-course: ready "
              f"{statistics.median(stock.ready) / statistics.median(ours.ready):.1f}x, first chart "
              f"{statistics.median(stock.chart) / statistics.median(ours.chart):.1f}x")
    goal_ready, goal_chart = GOALS.get(cpus, GOALS[2])
    if ours.ready:
        verdict = "met" if statistics.median(ours.ready) <= goal_ready and (
            goal_chart is None or statistics.median(ours.chart) <= goal_chart) else "not met"
        print(f"  goals on {cpus} CPU(s): ready <= {goal_ready} s" + (f", first chart <= {goal_chart} s" if goal_chart else "")
              + f": {verdict} in this run ({machine()})")
    where_the_time_goes(java_home, heap)
    return 0


def run(java_home: str, samples: int = 5, lessons: bool = True) -> int:
    java = f"{java_home}/bin/java"
    heap = kernel.heap()
    cache = aot.build(java_home, heap)
    how = kernel.launch(java_home, heap)
    contenders = [Contender("no AOT cache", how.argv(java), how.env)]
    if cache:
        contenders.append(Contender("AOT cache", how.argv(java, cache), how.env))
    print(f"Kernel start, {samples} cold starts each, alternated; {machine()}")
    alternate(contenders, samples)
    table(contenders, samples)
    if cache and all(c.ready for c in contenders):
        (r0, c0), (r1, c1) = [(c.ready, c.chart) for c in contenders]
        print(f"  ratio (no cache / cache): ready {statistics.median(r0) / statistics.median(r1):.2f}x, "
              f"first chart {statistics.median(c0) / statistics.median(c1):.2f}x")
    if lessons:
        cpus = len(os.sched_getaffinity(0))
        budget = 45 if cpus == 1 else 30
        print(f"\nRun-All per notebook on {cpus} CPU(s) (goal: each lesson <= {budget} s)")
        total, over = 0.0, []
        for nb in notebooks.committed():
            res = runner.execute(nb)
            total += res.seconds
            if res.seconds > budget or not res.ok:
                over.append(runner.display_name(nb))
            print(f"  {res.line()}   (load {os.getloadavg()[0]:.1f})", flush=True)
        print(f"  whole course: {total:.1f} s; over budget or failed: {', '.join(over) or 'none'}; {machine()}")
    return 0
