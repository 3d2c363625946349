"""A JDK 25 AOT cache for the course kernel (JEP 483/514/515): trained once at set-up, rebuilt when
lib, the kernel jar, the JDK or the flags change.

Training runs the kernel normally with ``-XX:AOTMode=record``, executes a few cells that load what
lessons load (the start-up imports, a chart, a table, a sweep), and stops it with SIGTERM so the JVM
writes its configuration; ``-XX:AOTMode=create`` then assembles the cache. JJava ignores
``shutdown_request``, which is why the one-step ``-XX:AOTCacheOutput`` does not work for it.
"""
from __future__ import annotations

import hashlib
import json
import os
import pathlib
import signal
import subprocess
import sys
import time

from . import kernel, paths

AOT_DIR = paths.TARGET / "aot"
CACHE = AOT_DIR / "kernel.aot"
CONFIG = AOT_DIR / "kernel.aotconf"
SIGNATURE = AOT_DIR / "kernel.signature"

# What a typical first cell of a lesson does: enough to pull the chart, table and timing classes in.
TRAINING_CELLS = [
    'show(Charts.line("warm-up", "x", "y", Map.of("a", List.of(new double[] {1, 2}, new double[] {2, 3}))));',
    'show(Table.create("t", tech.tablesaw.api.IntColumn.create("x", 1, 2, 3)));',
    'var warm = Sweep.over("n", List.of(1, 2)).task("t", (n, size) -> Cpu.countPrimes(size)).size(2000)'
    '.rounds(1).warmup(0).run();\nshow(warm.table());\nshow(Charts.speedup(warm));',
    'var tl = Timeline.start(); tl.run("a", () -> {}); show(Charts.timeline(tl));',
    'try (var pool = Executors.newFixedThreadPool(2)) { pool.submit(() -> 1).get(); }',
]


def _files() -> list[pathlib.Path]:
    jars = [kernel.installed_jar(), paths.LIB_JAR, *sorted(paths.LIB_DEPS.glob("*.jar"))]
    return jars + [paths.STARTUP_SCRIPT]


def signature(java_home: str, heap_size: str) -> str:
    """Everything the cache depends on: JDK, flags, and the size and time of every jar."""
    h = hashlib.sha256()
    h.update(java_home.encode())
    h.update(json.dumps(kernel.jvm_flags(heap_size)).encode())
    for f in _files():
        st = f.stat()
        h.update(f"{f}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    h.update(json.dumps(TRAINING_CELLS).encode())
    return h.hexdigest()


def fresh(java_home: str, heap_size: str) -> bool:
    try:
        return CACHE.is_file() and SIGNATURE.read_text() == signature(java_home, heap_size)
    except OSError:
        return False


def _train(java: str, heap_size: str, java_home: str) -> None:
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import KernelManager

    jar = kernel.installed_jar()
    argv = [java, *kernel.jvm_flags(heap_size), "-XX:AOTMode=record", f"-XX:AOTConfiguration={CONFIG}",
            "-Xlog:aot=off", "-Xlog:cds=off", "-cp", kernel.launch_classpath(jar), kernel.MAIN_CLASS, "{connection_file}"]
    km = KernelManager()
    km._kernel_spec = KernelSpec(argv=argv, env=kernel.kernel_env(java_home), display_name="aot-training",
                                 language="java", interrupt_mode="message")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        for cell in TRAINING_CELLS:
            reply = kc.execute_interactive(cell, timeout=120, output_hook=lambda msg: None)
            if reply["content"]["status"] != "ok":
                print(f"  (AOT training: a warm-up cell failed, the cache will cover less: "
                      f"{reply['content'].get('evalue', '')})", file=sys.stderr)
    finally:
        kc.stop_channels()
        proc = km.provisioner.process if km.provisioner else None
        if proc is not None:
            proc.send_signal(signal.SIGTERM)  # SIGTERM lets the JVM write the AOT configuration
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
        km.cleanup_resources()


def build(java_home: str, heap_size: str | None = None, force: bool = False) -> pathlib.Path | None:
    """Trains and creates the cache if it is missing or stale; returns it, or None if it could not be made."""
    heap_size = heap_size or kernel.heap()
    if os.environ.get("COURSE_AOT", "1") == "0":
        return None
    if not force and fresh(java_home, heap_size):
        return CACHE
    java = str(pathlib.Path(java_home) / "bin" / "java")
    AOT_DIR.mkdir(parents=True, exist_ok=True)
    for f in (CACHE, CONFIG, SIGNATURE):
        f.unlink(missing_ok=True)
    print("Training the kernel's AOT cache (once per lib build; about 15 s)...", file=sys.stderr)
    t0 = time.monotonic()
    try:
        _train(java, heap_size, java_home)
        if not CONFIG.is_file():
            print("  AOT training wrote no configuration; the kernel starts without a cache.", file=sys.stderr)
            return None
        jar = kernel.installed_jar()
        create = subprocess.run(
            [java, *kernel.jvm_flags(heap_size), "-XX:AOTMode=create", f"-XX:AOTConfiguration={CONFIG}",
             f"-XX:AOTCache={CACHE}", "-cp", kernel.launch_classpath(jar), kernel.MAIN_CLASS],
            capture_output=True, text=True, timeout=300)
        CONFIG.unlink(missing_ok=True)
        if create.returncode != 0 or not CACHE.is_file():
            print(f"  AOT cache creation failed; the kernel starts without one:\n{create.stderr[-2000:]}", file=sys.stderr)
            return None
    except Exception as e:  # never block set-up on an optimisation
        print(f"  AOT training failed ({e}); the kernel starts without a cache.", file=sys.stderr)
        return None
    SIGNATURE.write_text(signature(java_home, heap_size))
    print(f"  AOT cache ready in {time.monotonic() - t0:.1f} s ({CACHE.stat().st_size / 1e6:.0f} MB).", file=sys.stderr)
    return CACHE
