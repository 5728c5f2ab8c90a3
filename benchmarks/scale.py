"""Documents per second and the driver's peak memory: local engine against Ray, by workers and size.

Generates a corpus of varied, realistic scraped articles (benchmarks/corpus_gen.py: quotes by named
and unnamed sources, datelines, dates, bylines, site chrome, 10% re-posts), then ingests it into a
fresh store with each engine and worker count, each run in a child process so memory figures do not
mix. "seconds" is the whole ingest (reading, stages, store writes, corpus phase), split into
"stages s" (until the last document is stored) and "corpus s" (the corpus phase); a local Ray is
started before the clock starts (its start-up is printed apart). "peak MB" is the driver process's
peak resident memory, over the whole run and until the last document is stored ("stages peak MB":
the per-document half); it must not grow with the corpus. "CPU s" is the CPU time of the whole run
over the driver and every process it started or runs on (pool workers, a local Ray's raylet,
actors and services; read every half second), "driver CPU s" the driver's own: on a machine shared with other work these compare
engines where seconds do not. Prints a table; asserts nothing.

    python benchmarks/scale.py                      # 2,000 articles; local 1, 2 and Ray 1, 2
    python benchmarks/scale.py --sizes 2000,10000   # also 10,000 (long: tens of minutes)
    python benchmarks/scale.py --runs ray:2 --sizes 200
    python benchmarks/scale.py --corpus-phase news.db --runs local:1,ray:2   # only the corpus phase

With ``--corpus-phase STORE``, each run times only the corpus phase over a copy of an ingested store,
step by step: seconds, and CPU seconds of the driver and of all its child processes (Ray's); a local
Ray is started and warmed up (workers running, as after the per-document half) before the clock.
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import pathlib
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent


def child(engine: str, workers: int, folder: str, db: str) -> None:
    """Ingest ``folder`` into ``db`` with one engine and print the figures as JSON."""
    from onrecord import api, config

    settings = config.resolve()
    ray_start = 0.0
    if engine == "ray":
        from onrecord.scale.ray import init_ray

        t0 = time.perf_counter()
        init_ray(settings, num_cpus=max(2, workers))
        ray_start = time.perf_counter() - t0
    last = [0.0]
    stages_peak = [0.0]

    def progress(done: int) -> None:
        last[0] = time.perf_counter()
        stages_peak[0] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    meter, d0 = CpuMeter(), time.process_time()
    t0 = time.perf_counter()
    report = api.ingest(db, [folder], settings=settings, processes=workers, engine=engine, progress=progress)
    end = time.perf_counter()
    cpu, driver_cpu = meter.stop(), time.process_time() - d0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"documents": report.documents, "counts": report.counts, "corpus": report.corpus,
                      "seconds": end - t0, "per_doc_s": last[0] - t0, "corpus_s": end - last[0],
                      "ray_start": ray_start, "peak_mb": peak_mb, "stages_peak_mb": stages_peak[0],
                      "cpu": cpu, "driver_cpu": driver_cpu}))


def _cpu_by_process() -> dict:
    """CPU seconds of this process and each live descendant (a local Ray's processes), keyed by
    (pid, start time) so a reused pid is a new process."""
    tick, parent, cpu = os.sysconf("SC_CLK_TCK"), {}, {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(pid)] = int(fields[1])
        cpu[int(pid), fields[19]] = (int(fields[11]) + int(fields[12])) / tick
    me, out = os.getpid(), {}
    for (pid, started), seconds in cpu.items():
        up = pid
        while up and up != me:
            up = parent.get(up, 0)
        if up == me:
            out[pid, started] = seconds
    return out


def _tree_cpu() -> float:
    """CPU seconds of this process and its live descendants."""
    return sum(_cpu_by_process().values())


class CpuMeter:
    """CPU seconds used by this process and every process it starts while the meter runs, read
    every ``every`` seconds in a thread: a process that ends (a pool worker, a Ray actor) counts
    until its last reading, so up to ``every`` seconds of each such process can be missed."""

    def __init__(self, every: float = 0.5):
        import threading

        self.every, self.first, self.last = every, _cpu_by_process(), {}
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.done.wait(self.every):
            self.last.update(_cpu_by_process())

    def stop(self) -> float:
        """Stop and return the CPU seconds used since the meter started."""
        self.done.set()
        self.thread.join()
        self.last.update(_cpu_by_process())
        return sum(cpu - self.first.get(key, 0.0) for key, cpu in self.last.items())


def _warm(batch):
    importlib.import_module("onrecord.scale.corpus")
    return batch


def corpus_child(engine: str, workers: int, db: str) -> None:
    """Run only the corpus phase on ``db`` (a copy) and print each step's figures as JSON."""
    from onrecord import config
    from onrecord.store.db import Store

    settings = config.resolve()
    if engine == "ray":
        from onrecord.scale import corpus as module
        from onrecord.scale.ray import init_ray

        init_ray(settings, num_cpus=max(2, workers))
        import ray.data

        # As after the per-document half of an ingest: Ray Data's own actors started, task workers
        # running and onrecord imported in them.
        ray.data.range(8, override_num_blocks=8).map_batches(_warm).materialize()
        names, run_all = ("find_copies_ray", "resolve_actor_table_ray", "merge_statements_ray",
                          "merge_events_ray"), module.run_corpus_phase_ray
    else:
        from onrecord.store import corpus_phase as module

        names, run_all = ("find_copies", "resolve_actor_table", "merge_statements",
                          "merge_event_table"), module.run_corpus_phase
    steps: list[dict] = []

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            t0, c0 = time.perf_counter(), _tree_cpu()
            out = fn(*args, **kwargs)
            steps.append({"step": name, "seconds": time.perf_counter() - t0, "cpu": _tree_cpu() - c0})
            return out
        return wrapper

    for name in names:  # the phase calls its steps by their module names
        setattr(module, name, timed(name, getattr(module, name)))
    with Store(db) as store:
        t0 = time.perf_counter()
        counts = run_all(store, settings)
        seconds = time.perf_counter() - t0
    print(json.dumps({"counts": counts, "seconds": seconds, "steps": steps,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def corpus_phase(store: pathlib.Path, runs: list[tuple[str, int]]) -> None:
    print(f"{'engine':>6} {'workers':>7} {'step':>24} {'seconds':>8} {'CPU s':>6} {'peak MB':>8}", flush=True)
    for engine, workers in runs:
        with tempfile.TemporaryDirectory(prefix="onrecord-corpus-phase-") as tmp:
            db = pathlib.Path(tmp) / "copy.db"
            shutil.copy(store, db)
            out = subprocess.run([sys.executable, __file__, "--corpus-child", engine, str(workers), str(db)],
                                 capture_output=True, text=True, check=False)
        if out.returncode:
            raise SystemExit(f"{engine}:{workers} failed:\n{out.stderr[-3000:]}")
        r = json.loads(out.stdout.strip().splitlines()[-1])
        for step in r["steps"]:
            print(f"{engine:>6} {workers:>7} {step['step']:>24} {step['seconds']:>8.2f} {step['cpu']:>6.2f}", flush=True)
        print(f"{engine:>6} {workers:>7} {'whole phase':>24} {r['seconds']:>8.2f} {'':>6} {r['peak_mb']:>8.0f}  "
              f"{r['counts']}", flush=True)


def run(engine: str, workers: int, folder: pathlib.Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="onrecord-scale-") as tmp:
        out = subprocess.run([sys.executable, __file__, "--child", engine, str(workers), str(folder),
                              str(pathlib.Path(tmp) / "bench.db")],
                             capture_output=True, text=True, check=False)
    if out.returncode:
        raise SystemExit(f"{engine}:{workers} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="2000", help="corpus sizes, comma-separated (e.g. 2000,10000)")
    ap.add_argument("--runs", default="local:1,local:2,ray:1,ray:2", help="engine:workers, comma-separated")
    ap.add_argument("--corpus", type=pathlib.Path, help="keep generated corpora here (default: a temporary folder)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--corpus-phase", type=pathlib.Path, metavar="STORE",
                    help="time only the corpus phase, step by step, on copies of this ingested store")
    ap.add_argument("--child", nargs=4, metavar=("ENGINE", "WORKERS", "FOLDER", "DB"), help=argparse.SUPPRESS)
    ap.add_argument("--corpus-child", nargs=3, metavar=("ENGINE", "WORKERS", "DB"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        engine, workers, folder, db = args.child
        child(engine, int(workers), folder, db)
        return
    if args.corpus_child:
        engine, workers, db = args.corpus_child
        corpus_child(engine, int(workers), db)
        return
    sys.path.insert(0, str(HERE))
    import corpus_gen

    runs = [(r.split(":")[0], int(r.split(":")[1])) for r in args.runs.split(",")]
    if args.corpus_phase:
        corpus_phase(args.corpus_phase, runs)
        return
    with tempfile.TemporaryDirectory(prefix="onrecord-corpus-") as tmp:
        base = args.corpus or pathlib.Path(tmp)
        print(f"{'docs':>6} {'engine':>6} {'workers':>7} {'seconds':>8} {'docs/s':>7} {'peak MB':>8} "
              f"{'stages peak MB':>14} {'stages s':>8} {'corpus s':>8} {'ray start s':>11} {'CPU s':>7} "
              f"{'driver CPU s':>12}  corpus", flush=True)
        for size in (int(s) for s in args.sizes.split(",")):
            folder = base / f"articles_{size}"
            if not folder.exists():
                corpus_gen.generate(folder, size, args.seed)
            for engine, workers in runs:
                r = run(engine, workers, folder)
                print(f"{r['documents']:>6} {engine:>6} {workers:>7} {r['seconds']:>8.1f} "
                      f"{r['documents'] / r['seconds']:>7.2f} {r['peak_mb']:>8.0f} {r['stages_peak_mb']:>14.0f} "
                      f"{r['per_doc_s']:>8.1f} "
                      f"{r['corpus_s']:>8.1f} {r['ray_start']:>11.1f} {r['cpu']:>7.1f} {r['driver_cpu']:>12.1f}  "
                      f"{r['corpus']}", flush=True)


if __name__ == "__main__":
    main()
