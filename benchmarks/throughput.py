"""Documents per second and peak memory of the whole pipeline (ingest into a fresh store).

Builds its own corpus of realistic scraped articles (benchmarks/corpus_gen.py), then runs
`onrecord ingest` on the first 500, 1,000 and 2,000 of them at 1 and 2 worker processes, each run in
a fresh child process so memory figures do not mix. Prints a table; asserts nothing.

    python benchmarks/throughput.py [--docs 2000] [--sizes 500,2000] [--processes 1,2] [--stages ...]
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent


def child(folder: str, n: int, processes: int, stages: str | None) -> None:
    """Run one ingest of the first ``n`` files and print its figures as JSON."""
    import onrecord
    from onrecord import config

    overrides = [f"run.stages={stages}"] if stages else []
    settings = config.resolve(overrides)
    files = sorted(str(p) for p in pathlib.Path(folder).glob("*.txt"))[:n]
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        report = onrecord.ingest(os.path.join(tmp, "bench.db"), files, settings=settings, processes=processes)
        seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"docs": report.documents, "ok": report.counts.get("ok", 0), "seconds": seconds,
                      "docs_per_s": report.documents / seconds, "driver_mb": own, "worker_mb": kids,
                      "corpus": report.corpus}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000, help="size of the generated corpus")
    ap.add_argument("--sizes", default="500,1000,2000", help="corpus sizes to run, comma-separated")
    ap.add_argument("--processes", default="1,2", help="worker process counts, comma-separated")
    ap.add_argument("--stages", default=None, help='run.stages as TOML, e.g. \'["clean","fingerprint"]\'')
    ap.add_argument("--child", nargs=3, metavar=("FOLDER", "N", "PROCESSES"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), int(args.child[2]), args.stages)
        return
    sys.path.insert(0, str(HERE))
    from corpus_gen import generate

    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        generate(pathlib.Path(tmp), max(args.docs, max(sizes)))
        print(f"corpus: {max(args.docs, max(sizes))} generated articles; stages: {args.stages or 'all'}; "
              f"machine: {os.cpu_count()} cores")
        print(f"{'docs':>6} {'procs':>5} {'seconds':>8} {'docs/s':>8} {'driver MB':>10} {'worker MB':>10}")
        for procs in (int(p) for p in args.processes.split(",")):
            for n in sizes:
                cmd = [sys.executable, __file__, "--child", tmp, str(n), str(procs)]
                if args.stages:
                    cmd += ["--stages", args.stages]
                out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
                r = json.loads(out.strip().splitlines()[-1])
                # With one process the pipeline runs in the driver, so its peak is the driver's.
                print(f"{r['docs']:>6} {procs:>5} {r['seconds']:>8.1f} {r['docs_per_s']:>8.1f} "
                      f"{r['driver_mb']:>10.0f} {r['worker_mb'] if procs > 1 else 0:>10.0f}", flush=True)


if __name__ == "__main__":
    main()
