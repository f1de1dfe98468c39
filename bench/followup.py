"""Queries per follow-up page with few and with many stored histories: figures, not a test
(tests/test_followup_queries.py holds the pages to a budget).

    .venv/bin/python bench/followup.py                    # 10 and 10,000 stored histories
    .venv/bin/python bench/followup.py --histories 2000

Each stored history is one person's answers, a working return link and three visits. The app
runs with production settings on a fresh SQLite database in a temporary folder (bench/server.py);
each page is a new person's first view of it, counted in-process with Django's test client."""

import argparse
import json
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import server

MOOD = {f"phq9_{n}": value for n, value in enumerate((1, 1, 0, 1, 0, 0, 1, 0, 0), start=1)}
WORRY = {f"gad7_{n}": value for n, value in enumerate((1, 0, 1, 0, 0, 1, 0), start=1)}


def seed(total: int) -> None:
    """Top the database up to `total` stored histories, a thousand at a time."""
    from django.db import transaction
    from django.utils import timezone

    from bench.seed import ANSWERS
    from decisionaid.followup.models import ReturnLink, Visit
    from decisionaid.questionnaire.models import AnswerSet
    from decisionaid.sharing.tokens import hash_token, new_share_token

    missing = total - ReturnLink.objects.count()
    now = timezone.now()
    while missing > 0:
        batch = min(missing, 1000)
        with transaction.atomic():
            made = AnswerSet.objects.bulk_create([AnswerSet(answers=ANSWERS, completed_at=now) for _ in range(batch)])
            people = list(AnswerSet.objects.filter(public_id__in=[a.public_id for a in made]))
            ReturnLink.objects.bulk_create(
                ReturnLink(answer_set=p, token_hash=hash_token(new_share_token()), expires_at=now + timedelta(days=300))
                for p in people
            )
            Visit.objects.bulk_create(
                Visit(answer_set=p, answers=ANSWERS, taken_at=now - timedelta(weeks=weeks), completed_at=now)
                for p in people
                for weeks in (8, 4, 0)
            )
        missing -= batch


def measure() -> None:
    """One JSON line, `FOLLOWUP {page: queries}`."""
    import re

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.queries import counted as count
    from bench.seed import ANSWERS
    from decisionaid.questionnaire.models import AnswerSet
    from decisionaid.questionnaire.session import ANSWERS_KEY
    from decisionaid.ratelimit.models import TokenBucket

    def person() -> Client:
        client = Client()
        answer_set = AnswerSet.objects.create(answers=ANSWERS, completed_at=None)
        session = client.session
        session[ANSWERS_KEY] = str(answer_set.public_id)
        session.save()
        return client

    # Every run starts with no rate-limit counts, so the first opening of a link costs the same.
    TokenBucket.objects.all().delete()
    counts = {}
    first = person()
    counts["GET results (never came back)"], _ = count(first, "GET", "/results/")
    counts["POST come-back/new"], response = count(first, "POST", "/come-back/new/")
    token = re.search(r"/back/([A-Za-z0-9_-]{43})/", response.content.decode()).group(1)
    counts["POST come-back/reminder.ics"], _ = count(
        first, "POST", "/come-back/reminder.ics", {"token": token, "weeks": 4}
    )
    fresh = Client()
    counts["GET back/<token>"], _ = count(fresh, "GET", f"/back/{token}/")
    counts["POST back/<token>"], _ = count(fresh, "POST", f"/back/{token}/")
    counts["GET again/mood"], _ = count(fresh, "GET", "/again/mood/")
    counts["POST again/mood"], _ = count(fresh, "POST", "/again/mood/", MOOD)
    counts["POST again/worry"], _ = count(fresh, "POST", "/again/worry/", WORRY)
    treatment = {"started": "cbt", "started_since": "4_6_weeks"}
    counts["POST again/treatment"], _ = count(fresh, "POST", "/again/treatment/", treatment)
    counts["GET again/change"], _ = count(fresh, "GET", "/again/change/")
    counts["GET results (after coming back)"], _ = count(fresh, "GET", "/results/")
    counts["GET results/print (after coming back)"], _ = count(fresh, "GET", "/results/print/")
    counts["GET my-links (with a return link)"], _ = count(fresh, "GET", "/my-links/")
    stranger = Client()
    with CaptureQueriesContext(connection) as queries:
        assert stranger.get("/back/" + "A" * 43 + "/").status_code == 404
    counts["GET back/<unknown token>"] = len(queries)
    print("FOLLOWUP " + json.dumps(counts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--histories", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        env = server.production_env(Path(workdir))
        env["FOLLOWUP_OPEN_LIMIT_PER_HOUR"] = "1000000000"
        server.prepare(env)
        figures = {}
        for total in (10, args.histories):
            server.manage(env, "shell", "-v", "0", "-c", f"import bench.followup as f; f.seed({total})")
            output = server.manage(env, "shell", "-v", "0", "-c", "import bench.followup as f; f.measure()")
            line = next(line for line in output.splitlines() if line.startswith("FOLLOWUP "))
            figures[total] = json.loads(line[len("FOLLOWUP ") :])
    small, large = figures[10], figures[args.histories]
    print(f"{'page: queries':<42}{'with 10':>10}{f'with {args.histories:,}':>14}")
    for name in small:
        print(f"{name:<42}{small[name]:>10}{large[name]:>14}")


if __name__ == "__main__":
    main()
