"""Entry point: python -m coursekit COMMAND (called by the ./course script, which finds the JDK first)."""
from __future__ import annotations

import argparse
import os
import pathlib
import sys

from . import aot, bench, benchgrading, corpus, doctor, kernel, links, notebooks, paths, release, runner, shapes


def _cmd_install_kernel(args) -> int:
    kernel.install(args.java_home, heap_size=args.heap)  # puts the kernel jar in place for training
    cache = None if args.no_aot else aot.build(args.java_home, args.heap)
    kdir = kernel.install(args.java_home, heap_size=args.heap, aot_cache=cache)
    if args.verbose:
        print(f"kernel {paths.KERNEL_NAME} installed in {kdir}")
    return 0


def _cmd_run(args) -> int:
    targets = [pathlib.Path(p) for p in args.notebooks] or notebooks.committed()
    expanded = []
    for t in targets:
        expanded += sorted(t.rglob("*.ipynb")) if t.is_dir() else [t]
    expanded = [p for p in expanded if ".ipynb_checkpoints" not in p.parts]
    if not expanded:
        print("No notebooks to run.", file=sys.stderr)
        return 2
    try:
        if args.shape and (args.cpus or args.load or args.binder):
            raise shapes.ShapeError("give either --shape or --cpus/--load/--binder, not both")
        shape_list = shapes.parse(args.shape) if args.shape else [shapes.custom(args.cpus, args.load, args.binder)]
        for s in shape_list:
            if not s.plain:
                shapes.kernel_argv(s)  # fails here, with what to do, if this machine cannot give the shape
    except (shapes.ShapeError, ValueError) as e:
        print(f"course run: {e}", file=sys.stderr)
        return 2
    print(f"Running {len(expanded)} notebook(s) on kernel {paths.KERNEL_NAME}"
          f"{'' if shape_list[0].plain and len(shape_list) == 1 else ', machine shapes ' + ', '.join(s.name for s in shape_list)}"
          f", per-cell timeout {args.timeout} s; executed copies in {paths.EXECUTED.relative_to(paths.ROOT)}/")
    times = shapes.Times()
    results = runner.run_all(expanded, args.timeout, shape_list=shape_list, times=times)
    failed = [r for r in results if not r.ok]
    total = sum(r.seconds for r in results)
    if len(shape_list) > 1 or not shape_list[0].plain:
        print("\n".join(times.table()))
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed ({total:.1f} s)")
    return 1 if failed else 0


def _cmd_check(args) -> int:
    bad = 0
    for p in notebooks.committed():
        for problem in notebooks.problems(p):
            print(f"{runner.display_name(p)}: {problem}")
            bad += 1
    return 1 if bad else 0


def _cmd_bench_startup(args) -> int:
    bench.pin(args.cpus, sys.argv[1:])
    return bench.run(os.environ["COURSE_JAVA_HOME"], samples=args.samples, lessons=not args.no_lessons)


def _cmd_bench_kernels(args) -> int:
    bench.pin(args.cpus, sys.argv[1:])
    return bench.kernels(os.environ["COURSE_JAVA_HOME"], samples=args.samples)


def _cmd_links(args) -> int:
    if args.check:
        bad = links.problems()
        print("\n".join(bad) or "launch and navigation cells and the index's table of exercises in sync")
        return 1 if bad else 0
    print(f"{links.write()} file(s) updated")
    return 0


def _cmd_release(args) -> int:
    return release.run(pathlib.Path(args.source), pathlib.Path(args.target), check=args.check)


def _cmd_doctor(args) -> int:
    return doctor.run(measure=not args.no_kernel)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["bench-grading"]:  # its own options (see coursekit.benchgrading)
        return benchgrading.run(argv[1:])
    parser = argparse.ArgumentParser(prog="course", description="Concurrency in Java, by notebook")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("install-kernel")
    p.add_argument("--java-home", required=True)
    p.add_argument("--heap")
    p.add_argument("--no-aot", action="store_true", help="no AOT cache (COURSE_AOT=0 does the same)")
    p.add_argument("--verbose", action="store_true")
    p.set_defaults(func=_cmd_install_kernel)
    p = sub.add_parser("run", help="execute notebooks headless through the course kernel")
    p.add_argument("notebooks", nargs="*")
    p.add_argument("--timeout", type=int, default=int(os.environ.get("COURSE_CELL_TIMEOUT", runner.DEFAULT_CELL_TIMEOUT)))
    p.add_argument("--shape", help="machine shape(s): all, or comma-separated names: "
                   + "; ".join(f"{n} ({s.about})" for n, s in shapes.SHAPES.items()))
    p.add_argument("--cpus", type=int, help="pin the kernel (and what it starts) to this many CPUs (taskset)")
    p.add_argument("--load", type=int, default=0, help="keep this many threads of another process busy meanwhile")
    p.add_argument("--binder", action="store_true", help="the kernel heap and JVM settings binder/start gives a session")
    p.set_defaults(func=_cmd_run)
    p = sub.add_parser("check", help="structural checks of committed notebooks")
    p.set_defaults(func=_cmd_check)
    p = sub.add_parser("bench-startup", help="kernel start with and without the AOT cache, and Run-All times")
    p.add_argument("--samples", type=int, default=5)
    p.add_argument("--no-lessons", action="store_true")
    p.add_argument("--cpus", type=int, help="run on this many CPUs (taskset): 1 is Binder's")
    p.set_defaults(func=_cmd_bench_startup)
    p = sub.add_parser("bench-kernels", help="the course kernel against the other Java kernels, in one run")
    p.add_argument("--samples", type=int, default=5)
    p.add_argument("--cpus", type=int, help="run on this many CPUs (taskset): 1 is Binder's")
    p.set_defaults(func=_cmd_bench_kernels)
    p = sub.add_parser("links", help="Binder launch and navigation cells in every notebook, the index's table of exercises, the README badge")
    p.add_argument("--check", action="store_true")
    p.set_defaults(func=_cmd_links)
    p = sub.add_parser("release", help="student exercise notebooks from the instructor notebooks (solutions removed)")
    p.add_argument("--from", dest="source", default=str(release.INSTRUCTOR), help="instructor notebooks")
    p.add_argument("--to", dest="target", default=str(release.STUDENT), help="student notebooks")
    p.add_argument("--check", action="store_true", help="only check that the student notebooks are up to date")
    p.set_defaults(func=_cmd_release)
    p = sub.add_parser("corpus", help="the planted-bug corpus: list it, or write its submissions as notebooks")
    csub = p.add_subparsers(dest="action", required=True)
    c = csub.add_parser("materialize", help="write OUTDIR/<entry>/<exercise>.ipynb and OUTDIR/expected.json")
    c.add_argument("outdir")
    c.add_argument("--exercise", help="only this exercise (its id, e.g. 01-threads)")
    c.add_argument("--sample", type=int, default=0, help="only N entries, spread over exercises and kinds")
    c.add_argument("--seed", type=int, default=0, help="which sample (default 0)")
    c.add_argument("--references", action="store_true", help="add each exercise's reference solution (<id>--reference)")
    c = csub.add_parser("list", help="one line per entry")
    c.add_argument("--exercise")
    p.set_defaults(func=corpus.main)
    p = sub.add_parser("doctor")
    p.add_argument("--no-kernel", action="store_true")
    p.set_defaults(func=_cmd_doctor)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
