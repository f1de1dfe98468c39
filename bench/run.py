"""The benchmark: one command, a table of figures, a JSON copy in bench/results/.

    .venv/bin/python bench/run.py            # everything, a few minutes on 2 cores
    .venv/bin/python bench/run.py --quick    # shorter runs, for a smoke test

It never fails on timing: it prints figures to compare between runs on the same machine.
"""

import argparse
import concurrent.futures
import datetime
import gzip
import json
import re
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode, urljoin

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import server, wrk
from bench.journeys import STEPS, Person, journey

RESULTS = Path(__file__).resolve().parent / "results"


def shell(env: dict, code: str) -> str:
    return server.manage(env, "shell", "-v", "0", "-c", code)


def tagged_json(output: str, tag: str) -> dict:
    return json.loads(next(line for line in output.splitlines() if line.startswith(tag + " "))[len(tag) + 1 :])


def query_counts(env: dict) -> dict:
    return tagged_json(shell(env, "import bench.queries as q; q.run()"), "QUERIES")


def seed(env: dict, summaries: int, links: int, clinicians: int) -> dict:
    """Top the database up to these totals; what the benchmark needs to open the pages."""
    return tagged_json(shell(env, f"import bench.seed as s; s.run({summaries}, {links}, {clinicians})"), "SEEDED")


def prepared_person(host: str, port: int) -> tuple[Person, str]:
    """A person who has answered everything, and their CSRF token, for repeated requests."""
    person = Person(host, port)
    for slug, data in STEPS:
        _, content = person.request("GET", f"/questions/{slug}/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1).decode()
        person.request(
            "POST",
            f"/questions/{slug}/",
            {**data, "csrfmiddlewaretoken": token},
            headers={"Referer": f"http://{host}:{port}/questions/{slug}/"},
        )
    return person, token


def signed_in_clinician(host: str, port: int, username: str, password: str) -> Person:
    """A clinician signed in through the login form, as in a browser."""
    clinician = Person(host, port)
    _, content = clinician.request("GET", "/accounts/login/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1).decode()
    status, _ = clinician.request(
        "POST",
        "/accounts/login/",
        {"username": username, "password": password, "csrfmiddlewaretoken": token},
        headers={"Referer": f"http://{host}:{port}/accounts/login/"},
    )
    if status != 302:
        sys.exit(f"The bench clinician could not sign in ({status}).")
    return clinician


def transferred(base: str, path: str, headers: dict | None = None) -> tuple[int, bytes]:
    """Bytes on the wire (headers and body, compressed as served) and the decoded body."""
    request = urllib.request.Request(base + path, headers={"Accept-Encoding": "gzip", **(headers or {})})
    with urllib.request.urlopen(request) as response:
        body = response.read()
        head = sum(len(k) + len(v) + 4 for k, v in response.getheaders())
        decoded = gzip.decompress(body) if response.headers.get("Content-Encoding") == "gzip" else body
        return len(body) + head, decoded


def first_visit_bytes(base: str) -> dict:
    """The home page and every static file it makes a browser fetch on screen, fonts included.
    Fonts declared by a media="print" stylesheet are only fetched when printing."""
    total, html = transferred(base, "/")
    parts = {"html": total}
    queue = []
    for tag in re.findall(rb"<(?:link|script)\b[^>]*>", html):
        url = re.search(rb'(?:href|src)="(/static/[^"]+)"', tag)
        if url:
            queue.append((url.group(1).decode(), b'media="print"' in tag))
    while queue:
        asset, print_only = queue.pop(0)
        name = asset.rsplit("/", 1)[-1]
        if name in parts:
            continue
        parts[name], body = transferred(base, asset)
        if asset.endswith(".css") and not print_only:
            for font in re.findall(rb"""url\(\s*['"]?([^'")]+?)['"]?\s*\)""", body):
                if not font.startswith(b"data:"):
                    queue.append((urljoin(asset, font.decode()), False))
    return {"total": sum(parts.values()), "parts": parts}


def load_run(host: str, port: int, seconds: float, people: int) -> dict:
    timings: dict[str, list[float]] = {}
    lock = threading.Lock()
    completed, errors = 0, []
    deadline = time.monotonic() + seconds

    def worker():
        nonlocal completed
        mine: dict[str, list[float]] = {}
        while time.monotonic() < deadline:
            try:
                ok, error = journey(host, port, mine)
            except OSError as exc:
                ok, error = False, repr(exc)
            with lock:
                if ok:
                    completed += 1
                else:
                    errors.append(error)
        with lock:
            for key, values in mine.items():
                timings.setdefault(key, []).extend(values)

    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(people) as pool:
        for _ in range(people):
            pool.submit(worker)
    elapsed = time.monotonic() - start
    steps = {}
    for key, values in timings.items():
        values.sort()
        steps[key] = {
            "p50_ms": round(values[len(values) // 2] * 1000, 1),
            "p95_ms": round(values[int(len(values) * 0.95)] * 1000, 1),
            "p99_ms": round(values[min(int(len(values) * 0.99), len(values) - 1)] * 1000, 1),
        }
    return {
        "journeys": completed,
        "journeys_per_s": round(completed / elapsed, 2),
        "errors": len(errors),
        "error_samples": errors[:5],
        "seconds": round(elapsed, 1),
        "people": people,
        "steps": steps,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="short runs, for a smoke test")
    parser.add_argument("--summaries", type=int, default=10_000)
    parser.add_argument("--links", type=int, default=500, help="share links stored")
    parser.add_argument("--clinicians", type=int, default=50, help="clinicians stored, each with patients")
    args = parser.parse_args()
    seconds = 1 if args.quick else 4
    load_seconds = 3 if args.quick else 20
    # Whole pages take tens to hundreds of milliseconds: one second of 16 connections is too
    # few requests for percentiles on a busy machine.
    page_seconds = 2 if args.quick else 4
    # A PDF takes about a second of one worker: a few connections and a long timeout, run
    # long enough for some tens of PDFs, so wrk reports their real latencies.
    pdf_seconds = 6 if args.quick else 20

    workdir = server.workdir()
    env = server.production_env(workdir)
    print(f"Preparing a database in {workdir} ...", flush=True)
    server.prepare(env)
    seed(env, 10, min(args.links, 5), min(args.clinicians, 2))
    queries_small = query_counts(env)
    seeded = seed(env, args.summaries, args.links, args.clinicians)
    queries_large = query_counts(env)

    report: dict = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "summaries_stored": args.summaries,
        "links_stored": args.links,
        "clinicians_stored": args.clinicians,
        "endpoints": {},
    }
    with server.gunicorn(env) as (base, process):
        host, port = "127.0.0.1", int(base.rsplit(":", 1)[1])
        person, token = prepared_person(host, port)
        cookie = "; ".join(f"{k}={v}" for k, v in person.cookies.items())

        def measure(name: str, path: str, **kwargs) -> None:
            print(f"  {name} ...", flush=True)
            report["endpoints"][name] = wrk.run(base + path, **{"seconds": seconds, **kwargs})

        # /healthz is the yardstick: one tiny response and one query through the same stack.
        measure("healthz", "/healthz")
        for slug, _data in STEPS:
            measure(f"GET {slug}", f"/questions/{slug}/", headers={"Cookie": cookie})
        for slug, data in STEPS:
            body = urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True)
            measure(
                f"POST {slug}",
                f"/questions/{slug}/",
                method="POST",
                body=body,
                headers={
                    "Cookie": cookie,
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Referer": f"{base}/questions/{slug}/",
                },
            )
        # The yardstick again between groups: on a shared machine it drifts during a run.
        measure("healthz, mid-run", "/healthz")
        measure("GET results", "/results/", headers={"Cookie": cookie}, seconds=page_seconds)
        measure("GET print view", "/results/print/", headers={"Cookie": cookie}, seconds=page_seconds)
        measure(
            "GET summary.pdf",
            "/results/summary.pdf",
            headers={"Cookie": cookie},
            seconds=pdf_seconds,
            connections=2,
            threads=1,
            timeout=30,
        )
        measure("GET share link", f"/s/{seeded['share_token']}/", seconds=page_seconds)
        clinician = signed_in_clinician(host, port, seeded["clinician"], seeded["password"])
        clinician_cookie = "; ".join(f"{k}={v}" for k, v in clinician.cookies.items())
        measure("GET dashboard", "/clinic/", headers={"Cookie": clinician_cookie}, seconds=page_seconds)

        measure("healthz, at the end", "/healthz")
        # Ratios are to the highest of the three /healthz runs, so noise can only understate them.
        healthz_rps = max(f["rps"] for name, f in report["endpoints"].items() if name.startswith("healthz"))
        report["healthz_rps"] = healthz_rps
        for figures in report["endpoints"].values():
            figures["ratio_to_healthz"] = round(figures["rps"] / healthz_rps, 2) if healthz_rps else None

        print(f"  whole journeys for {load_seconds}s ...", flush=True)
        before = int(
            shell(
                env,
                "from decisionaid.questionnaire.models import AnswerSet as A; "
                "print(A.objects.filter(answers__has_key='importance').count())",
            ).strip()
        )
        report["load"] = load_run(host, port, load_seconds, people=16)
        after = int(
            shell(
                env,
                "from decisionaid.questionnaire.models import AnswerSet as A; "
                "print(A.objects.filter(answers__has_key='importance').count())",
            ).strip()
        )
        report["load"]["stored"] = after - before
        report["load"]["lost"] = report["load"]["journeys"] - (after - before)

        report["bytes"] = {"first_visit": first_visit_bytes(base)}
        swap, _ = transferred(base, "/questions/mood/", {"HX-Request": "true", "Cookie": cookie})
        full, _ = transferred(base, "/questions/mood/", {"Cookie": cookie})
        report["bytes"]["htmx_swap"] = swap
        report["bytes"]["full_step"] = full
        report["worker_rss_kib"] = server.worker_rss_kib(process)

    report["queries"] = {
        name: {"with_10": queries_small[name], f"with_{args.summaries}": queries_large[name]} for name in queries_small
    }
    print_table(report)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"bench-{report['when'].replace(':', '')}.json"
    out.write_text(json.dumps(report, indent=2))
    print(f"\nWritten to {out.relative_to(RESULTS.parent.parent)}")


def print_table(report: dict) -> None:
    print(
        f"\nStored: {report['summaries_stored']} summaries, {report['links_stored']} share links, "
        f"{report['clinicians_stored']} clinicians with their patients"
    )
    print(f"\n{'endpoint':<22}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'x healthz':>10}{'errors':>8}")
    for name, f in report["endpoints"].items():
        errors = f["errors"] + f["bad_status"]
        if not f["requests"]:
            print(f"{name:<22}{'no response in time: rerun on a quieter machine':>54}{errors:>8}")
            continue
        print(
            f"{name:<22}{f['rps']:>9}{f['p50_ms']:>9}{f['p95_ms']:>9}{f['p99_ms']:>9}{f['ratio_to_healthz']:>10}{errors:>8}"
        )
    steps = [f"{method} {slug}" for method in ("GET", "POST") for slug, _data in STEPS]
    median = statistics.median(report["endpoints"][n]["ratio_to_healthz"] for n in steps)
    print(f"Median x healthz of the steps: {median:.2f}")
    for method in ("GET", "POST"):
        ratios = [report["endpoints"][f"{method} {slug}"]["ratio_to_healthz"] for slug, _data in STEPS]
        print(f"Step {method}s x healthz: {min(ratios):.2f} to {max(ratios):.2f}")
    print(f"(x healthz: to the highest of the three /healthz runs, {report['healthz_rps']} req/s)")
    print("(16 connections each, the PDF 2: one per worker, as each PDF takes a worker for about a second)")
    load = report["load"]
    print(
        f"\nWhole journeys: {load['journeys']} in {load['seconds']}s by {load['people']} people = "
        f"{load['journeys_per_s']}/s; errors {load['errors']}; stored {load['stored']}; lost {load['lost']}"
    )
    worst = sorted(load["steps"].items(), key=lambda item: -item[1]["p95_ms"])[:5]
    print("Slowest steps under load (p95 ms): " + ", ".join(f"{k} {v['p95_ms']}" for k, v in worst))
    b = report["bytes"]
    print(f"\nFirst visit: {b['first_visit']['total']} bytes ({b['first_visit']['parts']})")
    print(f"htmx step swap: {b['htmx_swap']} bytes; full step page: {b['full_step']} bytes")
    print(f"Worker memory after the run: {', '.join(f'{kib // 1024} MiB' for kib in report['worker_rss_kib'])}")
    large = f"with {report['summaries_stored']}"
    print(f"\n{'page: queries':<22}{'with 10':>10}{large:>12}")
    for name, counts in report["queries"].items():
        small, many = counts.values()
        print(f"{name:<22}{small:>10}{many:>12}{'' if small == many else '  grows'}")


if __name__ == "__main__":
    main()
