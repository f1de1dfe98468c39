"""Count database queries for each page, in-process with Django's test client.
Run by bench/run.py through `manage.py shell` after bench/seed.py, printing one JSON line.

The same pages as tests/test_query_budget.py, which holds them to a budget; here they are
figures to compare between a nearly empty database and a full one."""

import json

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench import seed
from bench.journeys import STEPS
from decisionaid.content import snapshot
from decisionaid.questionnaire.models import AnswerSet
from decisionaid.questionnaire.session import ANSWERS_KEY
from decisionaid.sharing import links
from decisionaid.sharing.models import Invitation
from decisionaid.summary import SURE_CODES


def counted(client: Client, method: str, path: str, data: dict | None = None) -> tuple[int, HttpResponse]:
    """A new person's first view of the page in a running worker: the clinical content in
    memory (read again about once a minute, counted apart), nothing cached from before. The
    queries it made, and the response."""
    snapshot.current()
    for alias in settings.CACHES:
        caches[alias].clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.post(path, data) if method == "POST" else client.get(path)
    assert response.status_code < 400, (path, response.status_code)
    return len(queries), response


def count(client: Client, method: str, path: str, data: dict | None = None) -> int:
    return counted(client, method, path, data)[0]


def run() -> None:
    snapshot.forget()
    with CaptureQueriesContext(connection) as queries:
        snapshot.current()
    counts = {"content into memory": len(queries)}
    client = Client()
    for slug, data in STEPS:
        counts[f"GET {slug}"] = count(client, "GET", f"/questions/{slug}/")
        counts[f"POST {slug}"] = count(client, "POST", f"/questions/{slug}/", data)
    counts["GET results"] = count(client, "GET", "/results/")
    counts["POST sure"] = count(client, "POST", "/results/sure/", dict.fromkeys(SURE_CODES, "yes"))
    counts["GET print view"] = count(client, "GET", "/results/print/")
    counts["GET summary.pdf"] = count(client, "GET", "/results/summary.pdf")
    counts["GET home"] = count(client, "GET", "/")
    counts["GET about"] = count(client, "GET", "/about/")
    counts["GET help-now"] = count(client, "GET", "/help-now/")
    counts["GET privacy"] = count(client, "GET", "/privacy/")
    answer_set = AnswerSet.objects.get(public_id=client.session[ANSWERS_KEY])
    for days in links.EXPIRY_DAYS:
        links.create(answer_set, days)
    counts["GET my-links"] = count(client, "GET", "/my-links/")

    crisis = Client()
    for slug, data in STEPS[:3]:
        crisis.post(f"/questions/{slug}/", {**data, "phq9_9": "1"} if slug == "mood" else data)
    counts["GET crisis"] = count(crisis, "GET", "/crisis/")
    youth = Client()
    youth.post("/questions/place/", {"region": "UK", "age_band": "under_18"})
    counts["GET young-people"] = count(youth, "GET", "/young-people/")

    stranger = Client()
    token = seed.share_token(0)
    counts["GET share link"] = count(stranger, "GET", f"/s/{token}/")
    counts["GET share link print"] = count(stranger, "GET", f"/s/{token}/print/")
    clinician = get_user_model().objects.get(username=seed.CLINICIAN.format(0))
    invitation = Invitation.objects.live().filter(clinician=clinician).first()
    counts["GET invitation"] = count(stranger, "GET", f"/invite/{invitation.token}/")
    counts["GET login"] = count(stranger, "GET", "/accounts/login/")
    signed_in = Client()
    signed_in.force_login(clinician)
    counts["GET dashboard"] = count(signed_in, "GET", "/clinic/")
    counts["GET invitations"] = count(signed_in, "GET", "/clinic/invitations/")
    print("QUERIES " + json.dumps(counts))
