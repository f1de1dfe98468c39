"""In-process time per request of the results page and its print view, through Django's test
client with production settings on a scratch SQLite database: median and fastest of many runs.

    .venv/bin/python bench/pages.py [--every] [--runs 30] [--profile] [--paths /results/ ...]

The person answers the bench journey's steps (bench/journeys.py STEPS); with --every they
chose every concern, the heaviest page. --profile prints the 30 functions that took longest
(cProfile, tottime). One core, no network. "CPU" is this process's own processor time, which
other work on a shared machine disturbs less than the clock does; still, compare runs made on
the same machine. `bench/run.py` gives the figures through gunicorn and wrk."""

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import server  # noqa: E402

CODE = r"""
import cProfile, pstats, statistics, time
from django.test import Client
from bench.journeys import STEPS
from decisionaid.content.models import Concern

client = Client()
for slug, data in STEPS:
    if EVERY and slug == "concerns":
        data = {**data, "concerns": list(Concern.objects.values_list("code", flat=True))}
    client.post(f"/questions/{slug}/", data)
for path in PATHS:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    times, cpu = [], []
    for _ in range(RUNS):
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    print(f"{path:18} {len(response.content):>7} bytes  median {statistics.median(times):6.1f} ms"
          f"  fastest {min(times):6.1f} ms  CPU median {statistics.median(cpu):6.1f} ms")
    if PROFILE:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(10):
            client.get(path)
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--every", action="store_true", help="the person chose every concern")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--fresh", action="store_true", help="a new database, migrated and loaded again")
    parser.add_argument("--paths", nargs="+", default=["/results/", "/results/print/"])
    args = parser.parse_args()
    # Kept between runs (migrating and loading the content takes a while); --fresh starts anew.
    work = Path(tempfile.gettempdir()) / f"decisionaid-pages-bench-{ROOT.name}"
    if args.fresh:
        shutil.rmtree(work, ignore_errors=True)
    work.mkdir(exist_ok=True)
    env = server.production_env(work)
    server.prepare(env)
    code = (
        CODE.replace("EVERY", repr(args.every))
        .replace("PATHS", repr(args.paths))
        .replace("RUNS", str(args.runs))
        .replace("PROFILE", repr(args.profile))
    )
    result = subprocess.run(
        [str(server.PYTHON), "manage.py", "shell", "-v0", "-c", code], cwd=ROOT, env=env, check=False
    )
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
