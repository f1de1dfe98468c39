"""How long one summary PDF takes to make, in-process: median and 95th percentile.

    .venv/bin/python bench/pdf.py [--runs 40]

Uses a scratch SQLite database with the content loaded; prints one line of figures (with the
PDF's size and page count) per person, the heaviest paper among them. Each run asks a
slightly different fee, so the paper differs every time: Typst answers a repeat of
the very same input from its cache, which no real person would see."""

import argparse
import atexit
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# A page object of the PDF (not the /Pages tree above them): the paper's page count.
PAGE = re.compile(rb"/Type\s*/Page\b")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "decisionaid.settings")
    os.environ["DEBUG"] = "1"
    folder = tempfile.mkdtemp(prefix="decisionaid-pdf-bench-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/pdf-bench.sqlite3"
    import django

    django.setup()
    from django.core.management import call_command

    from decisionaid.paper.pdf import summary_pdf
    from decisionaid.summary import build_summary
    from tests.factories import crisis_answers, heaviest_answers, maximal_answers, mild_answers

    call_command("migrate", verbosity=0)
    call_command("load_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    people = [
        ("typical, A4", mild_answers),
        ("typical, Letter", lambda **fee: mild_answers(region="US", **fee)),
        ("in crisis, A4", crisis_answers),
        ("every concern, A4", maximal_answers),
        ("every concern, Letter", lambda **fee: maximal_answers(region="US", **fee)),
        ("the heaviest, A4", heaviest_answers),
        ("the heaviest, Letter", lambda **fee: heaviest_answers(region="US", **fee)),
    ]
    for label, answers in people:
        times = []
        for run in range(args.runs + 3):
            # The whole of the PDF view's work: the summary, the paper's data, the PDF.
            start = time.perf_counter()
            pdf = summary_pdf(build_summary(answers(session_fee=50 + run)))
            times.append(time.perf_counter() - start)
        times = sorted(times[3:])  # the first runs load fonts and templates
        p95 = times[min(int(len(times) * 0.95), len(times) - 1)]
        print(
            f"PDF {label}: median {statistics.median(times) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
            f"{len(pdf) // 1024} KiB, {len(PAGE.findall(pdf))} pages, {args.runs} runs"
        )


if __name__ == "__main__":
    main()
