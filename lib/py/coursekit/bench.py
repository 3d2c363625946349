"""./course bench startup: kernel spawn-to-ready and first-chart times with and without the AOT cache
(median of several cold starts, measured in one run), then every notebook's Run-All time."""
from __future__ import annotations

import os
import statistics
import time

from . import aot, kernel, notebooks, paths, runner

FIRST_CHART = ('show(Charts.line("first chart", "x", "y", '
               'Map.of("a", List.of(new double[] {1, 2}, new double[] {2, 4}))));')


def cold_starts(argv: list[str], env: dict[str, str], samples: int) -> tuple[list[float], list[float]]:
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import KernelManager

    ready, chart = [], []
    for _ in range(samples):
        km = KernelManager()
        km._kernel_spec = KernelSpec(argv=argv, env=env, display_name="bench", language="java", interrupt_mode="message")
        t0 = time.monotonic()
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=120)
            ready.append(time.monotonic() - t0)
            outputs = []
            reply = kc.execute_interactive(FIRST_CHART, timeout=120, output_hook=outputs.append)
            if reply["content"]["status"] != "ok" or not any(
                    "image/png" in m["content"].get("data", {}) for m in outputs if m["msg_type"] == "display_data"):
                raise RuntimeError(f"the first-chart cell drew no chart: {reply['content']}")
            chart.append(time.monotonic() - t0)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    return ready, chart


def _fmt(xs: list[float]) -> str:
    return f"{statistics.median(xs):5.2f} s (min {min(xs):.2f}, max {max(xs):.2f})"


def run(java_home: str, samples: int = 5, lessons: bool = True) -> int:
    java = f"{java_home}/bin/java"
    heap = kernel.heap()
    cache = aot.build(java_home, heap)
    how = kernel.launch(java_home, heap)
    env = how.env
    configs = [("no AOT cache", how.argv(java))]
    if cache:
        configs.append(("AOT cache", how.argv(java, cache)))
    print(f"Kernel start, {samples} cold starts each, {os.cpu_count()} cores (goals: ready <= 1.5 s, first chart <= 2.5 s)")
    results = {}
    # Alternate configurations so that machine load drifts hit both alike.
    for _ in range(samples):
        for label, argv in configs:
            r, c = cold_starts(argv, env, 1)
            results.setdefault(label, ([], []))
            results[label][0].extend(r)
            results[label][1].extend(c)
    for label, (r, c) in results.items():
        print(f"  {label:<13} spawn to ready {_fmt(r)}   spawn to first chart {_fmt(c)}")
    if cache and len(results) == 2:
        (r0, c0), (r1, c1) = results["no AOT cache"], results["AOT cache"]
        print(f"  ratio (no cache / cache): ready {statistics.median(r0) / statistics.median(r1):.2f}x, "
              f"first chart {statistics.median(c0) / statistics.median(c1):.2f}x")
    if lessons:
        print("\nRun-All per notebook (goal: each lesson <= 30 s; whole course <= 5 min)")
        total = 0.0
        for nb in notebooks.committed():
            res = runner.execute(nb)
            total += res.seconds
            print("  " + res.line())
        print(f"  whole course: {total:.1f} s")
    return 0
