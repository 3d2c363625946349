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
CACHE = AOT_DIR / "kernel.aot"  # the kernelspec's; JJava's own main class (for ./course bench) has stock.aot


def cache_path(how: kernel.Launch) -> pathlib.Path:
    return AOT_DIR / f"{how.name}.aot"


# What the first cells of a lesson do (01-threads: the process and its threads, a method, platform and virtual
# threads, a sweep and its charts; later lessons: pools and futures), so that the cache holds those classes
# and the JIT's profiles of compiling such cells.
TRAINING_CELLS = [
    '{\n    ProcessHandle me = ProcessHandle.current();\n    Set<Thread> live = Thread.getAllStackTraces().keySet();\n'
    '    System.out.println("process " + me.pid() + ", " + live.stream().filter(Thread::isDaemon).count() + " daemons");\n}',
    'void onThreads(int threads, IntConsumer item) throws InterruptedException {\n    List<Thread> workers = new ArrayList<>();\n'
    '    for (int t = 0; t < threads; t++) {\n        final int first = t;\n'
    '        workers.add(Thread.ofPlatform().start(() -> item.accept(first)));\n    }\n'
    '    for (Thread w : workers) {\n        w.join();\n    }\n}',
    '{\n    onThreads(2, i -> System.out.println("hello from " + Thread.currentThread().getName()));\n'
    '    Thread v = Thread.ofVirtual().name("virtual-", 1).start(() -> {});\n    v.join();\n}',
    'show(Charts.line("warm-up", "x", "y", Map.of("a", List.of(new double[] {1, 2}, new double[] {2, 3}))));',
    'show(Table.create("t", tech.tablesaw.api.IntColumn.create("x", 1, 2, 3)));',
    'var warm = Sweep.over("n", List.of(1, 2)).task("t", (n, size) -> Cpu.countPrimes(size)).size(2000)'
    '.rounds(1).warmup(0).run();\nshow(warm.table());\nshow(Charts.speedup(warm));',
    'var tl = Timeline.start(); tl.run("a", () -> {}); show(Charts.timeline(tl));',
    'try (var pool = Executors.newFixedThreadPool(2)) { pool.submit(() -> 1).get(); }',
    'System.out.println(CompletableFuture.supplyAsync(() -> 1).thenApply(x -> x + 1).join());',
]


def _files(how: kernel.Launch) -> list[pathlib.Path]:
    jars = [pathlib.Path(p) for p in how.classpath.split(":") if not p.endswith("*")]
    jars += [pathlib.Path(p) for p in paths.lib_classpath()]
    return sorted({f for f in jars if f.is_file()}) + [paths.STARTUP_SCRIPT]


def signature(java_home: str, how: kernel.Launch) -> str:
    """Everything the cache depends on: JDK, flags, main class, environment, training cells, and the size and
    modification time of every jar. Times count in whole seconds, as the JVM's own check of the cache's jars
    does: an image layer (Binder's) keeps only whole seconds, and a cache must not look stale there."""
    h = hashlib.sha256()
    h.update(java_home.encode())
    h.update(json.dumps([how.main, how.flags, how.classpath, how.env, TRAINING_CELLS]).encode())
    for f in _files(how):
        st = f.stat()
        h.update(f"{f}:{st.st_size}:{int(st.st_mtime)}\n".encode())
    return h.hexdigest()


def _signature_file(how: kernel.Launch) -> pathlib.Path:
    return AOT_DIR / f"{how.name}.signature"


def fresh(java_home: str, how: kernel.Launch) -> bool:
    try:
        return cache_path(how).is_file() and _signature_file(how).read_text() == signature(java_home, how)
    except OSError:
        return False


def _train(java: str, how: kernel.Launch, config: pathlib.Path) -> None:
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import KernelManager

    argv = how.argv(java)
    at = argv.index("-cp")
    argv[at:at] = ["-XX:AOTMode=record", f"-XX:AOTConfiguration={config}", "-Xlog:aot=off", "-Xlog:cds=off"]
    km = KernelManager()
    km._kernel_spec = KernelSpec(argv=argv, env=how.env, display_name="aot-training",
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


def build(java_home: str, heap_size: str | None = None, force: bool = False, stock: bool = False) -> pathlib.Path | None:
    """Trains and creates the cache if it is missing or stale; returns it, or None if it could not be made.
    ``stock``: the cache of JJava's own main class as the kernelspec used to launch it (for ./course bench)."""
    how = kernel.launch(java_home, heap_size or kernel.heap(), stock=stock)
    cache, sig = cache_path(how), _signature_file(how)
    config = cache.with_suffix(".aotconf")
    if os.environ.get("COURSE_AOT", "1") == "0":
        return None
    if not force and fresh(java_home, how):
        return cache
    java = str(pathlib.Path(java_home) / "bin" / "java")
    AOT_DIR.mkdir(parents=True, exist_ok=True)
    for f in (cache, config, sig):
        f.unlink(missing_ok=True)
    print("Training the kernel's AOT cache (once per lib build; about 15 s)...", file=sys.stderr)
    t0 = time.monotonic()
    try:
        _train(java, how, config)
        if not config.is_file():
            print("  AOT training wrote no configuration; the kernel starts without a cache.", file=sys.stderr)
            return None
        create = subprocess.run(
            [java, *how.flags, "-XX:AOTMode=create", f"-XX:AOTConfiguration={config}", f"-XX:AOTCache={cache}",
             "-cp", how.classpath, how.main], capture_output=True, text=True, timeout=300)
        config.unlink(missing_ok=True)
        if create.returncode != 0 or not cache.is_file():
            print(f"  AOT cache creation failed; the kernel starts without one:\n{create.stderr[-2000:]}", file=sys.stderr)
            return None
    except Exception as e:  # never block set-up on an optimisation
        print(f"  AOT training failed ({e}); the kernel starts without a cache.", file=sys.stderr)
        return None
    sig.write_text(signature(java_home, how))
    print(f"  AOT cache ready in {time.monotonic() - t0:.1f} s ({cache.stat().st_size / 1e6:.0f} MB).", file=sys.stderr)
    return cache
