"""The follow-up's pages take a few flat queries, however many other people's histories are
stored (answers, a return link and three visits each). Intended to catch an N+1 before it
reaches a busy server; bench/followup.py gives the same counts with 10,000 stored histories."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client
from django.utils import timezone

from decisionaid.content import snapshot
from decisionaid.followup.models import ReturnLink, Visit
from decisionaid.questionnaire.models import AnswerSet
from decisionaid.sharing.tokens import hash_token, new_share_token
from tests.factories import mild_answers
from tests.questionnaire_helpers import with_answers
from tests.test_followup import LOWER_MOOD, LOWER_WORRY, make_link, retake

pytestmark = pytest.mark.django_db

MAX_QUERIES = 8
N = 30


def store_histories(n: int) -> None:
    """n more people who came back twice, with a working return link each."""
    now = timezone.now()
    made = AnswerSet.objects.bulk_create(AnswerSet(answers=mild_answers(), completed_at=now) for _ in range(n))
    people = list(AnswerSet.objects.filter(public_id__in=[a.public_id for a in made]))
    ReturnLink.objects.bulk_create(
        ReturnLink(answer_set=p, token_hash=hash_token(new_share_token()), expires_at=now + timedelta(days=300))
        for p in people
    )
    Visit.objects.bulk_create(
        Visit(answer_set=p, answers=mild_answers(), taken_at=now - timedelta(weeks=week), completed_at=now)
        for p in people
        for week in (8, 4, 0)
    )


def came_back_once() -> tuple[Client, Client, str]:
    """A person with a return link (their first browser), who re-took the scores once in another."""
    first = Client()
    with_answers(first, mild_answers())
    _url, token = make_link(first)
    fresh = Client()
    retake(fresh, token, LOWER_MOOD, LOWER_WORRY)
    return first, fresh, token


def opened(token: str) -> Client:
    client = Client()
    assert client.post(f"/back/{token}/").status_code == 302
    return client


def mood_posted(token: str) -> Client:
    client = opened(token)
    assert client.post("/again/mood/", LOWER_MOOD).status_code == 302
    assert client.post("/again/worry/", LOWER_WORRY).status_code == 302
    return client


PAGES: dict[str, Callable[[], tuple[Client, str, str, dict | None, int]]] = {
    "POST /come-back/new/": lambda: (came_back_once()[0], "POST", "/come-back/new/", None, 200),
    "GET /back/<token>/": lambda: (Client(), "GET", f"/back/{came_back_once()[2]}/", None, 200),
    "POST /back/<token>/": lambda: (Client(), "POST", f"/back/{came_back_once()[2]}/", None, 302),
    "GET /again/mood/": lambda: (opened(came_back_once()[2]), "GET", "/again/mood/", None, 200),
    "POST /again/mood/": lambda: (opened(came_back_once()[2]), "POST", "/again/mood/", LOWER_MOOD, 302),
    "POST /again/treatment/": lambda: (
        mood_posted(came_back_once()[2]),
        "POST",
        "/again/treatment/",
        {"started": "cbt", "started_since": "4_6_weeks"},
        302,
    ),
    "GET /again/change/": lambda: (came_back_once()[1], "GET", "/again/change/", None, 200),
    "GET /results/ (after coming back)": lambda: (came_back_once()[1], "GET", "/results/", None, 200),
    "GET /results/print/ (after coming back)": lambda: (came_back_once()[1], "GET", "/results/print/", None, 200),
    "GET /my-links/ (with a return link)": lambda: (came_back_once()[0], "GET", "/my-links/", None, 200),
}


def count(name: str, django_assert_max_num_queries) -> list[str]:
    client, method, path, data, status = PAGES[name]()
    snapshot.current()
    for alias in settings.CACHES:
        caches[alias].clear()
    with django_assert_max_num_queries(BUDGET.get(name, MAX_QUERIES)) as captured:
        response = client.post(path, data) if method == "POST" else client.get(path)
    assert response.status_code == status, (path, response.status_code)
    return [query["sql"] for query in captured.captured_queries]


# Making a link and starting a re-take write several rows once a visit, each in a transaction
# (in tests, savepoints, which count): the rate-limit count, the old link turned off and the
# new one; the link's new end, the first visit's copy, the new visit and the session.
BUDGET = {"POST /come-back/new/": 14, "POST /back/<token>/": 17}


@pytest.mark.parametrize("path", PAGES)
def test_follow_up_pages_take_a_few_queries_however_many_histories_are_stored(path, django_assert_max_num_queries):
    store_histories(N)
    few = count(path, django_assert_max_num_queries)
    store_histories(2 * N)
    many = count(path, django_assert_max_num_queries)
    assert len(many) == len(few), "\n".join(["with N:", *few, "", "with 3N:", *many])
