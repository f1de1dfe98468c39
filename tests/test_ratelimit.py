"""Rate limits (decisionaid/ratelimit/): counted in the database, so they hold across every
worker and app server; refilled evenly, so no hourly edge lets a burst through; per person
and per invitation link, so new sessions cannot flood a clinician."""

from datetime import timedelta
from unittest import mock

import pytest
from django.test import Client, RequestFactory
from django.utils import timezone

from decisionaid import ratelimit
from decisionaid.ratelimit.models import TokenBucket
from decisionaid.sharing.models import SentSummary
from tests.factories import crisis_answers
from tests.questionnaire_helpers import complete
from tests.sharing_people import make_clinician, make_invitation

pytestmark = pytest.mark.django_db


def test_a_limit_allows_that_many_then_refuses():
    assert [ratelimit.allow("thing", "ann", 3) for _ in range(5)] == [True, True, True, False, False]
    assert ratelimit.allow("thing", "bob", 3), "each person has their own count"
    assert ratelimit.allow("other", "ann", 3), "each action has its own count"


def test_the_count_holds_in_every_worker_not_only_this_ones_memory():
    # Counted in the database, which every worker and app server reads; nothing in memory.
    for _ in range(2):
        assert ratelimit.allow("thing", "ann", 2)
    assert TokenBucket.objects.get().tokens < 1
    assert not ratelimit.allow("thing", "ann", 2)


def test_no_hourly_edge_lets_a_second_burst_through():
    start = timezone.now().replace(minute=59, second=58, microsecond=0)
    with (
        mock.patch("django.utils.timezone.now", return_value=start),
        mock.patch("time.time", return_value=start.timestamp()),
    ):
        assert all(ratelimit.allow("thing", "ann", 5) for _ in range(5))
    # Four seconds later the clock has crossed the hour: still nothing left.
    later = start + timedelta(seconds=4)
    with (
        mock.patch("django.utils.timezone.now", return_value=later),
        mock.patch("time.time", return_value=later.timestamp()),
    ):
        assert not ratelimit.allow("thing", "ann", 5)


def test_used_actions_come_back_evenly_over_the_hour():
    start = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=start):
        assert all(ratelimit.allow("thing", "ann", 6) for _ in range(6))
        assert not ratelimit.allow("thing", "ann", 6)
    # One comes back every ten minutes.
    with mock.patch("django.utils.timezone.now", return_value=start + timedelta(minutes=10, seconds=1)):
        assert ratelimit.allow("thing", "ann", 6)
        assert not ratelimit.allow("thing", "ann", 6)


def test_a_visitor_without_a_cookie_is_known_by_their_address():
    factory = RequestFactory()
    first, second = factory.get("/", REMOTE_ADDR="203.0.113.1"), factory.get("/", REMOTE_ADDR="203.0.113.2")
    for request in (first, second):
        from django.contrib.auth.models import AnonymousUser
        from django.contrib.sessions.backends.db import SessionStore

        request.user, request.session = AnonymousUser(), SessionStore()
    assert ratelimit.client_key(first) == "address:203.0.113.1"
    assert ratelimit.client_key(first) != ratelimit.client_key(second)


def test_new_sessions_cannot_flood_a_clinician_through_one_invitation(settings):
    settings.SEND_SUMMARY_LIMIT_PER_HOUR = 5
    settings.INVITATION_SEND_LIMIT_PER_HOUR = 6
    invitation = make_invitation(make_clinician())
    statuses = []
    for _ in range(8):
        person = Client()
        person.post(f"/invite/{invitation.token}/")
        complete(person, crisis_answers())
        statuses += [person.post("/share/send/", {"consent": "on"}).status_code for _ in range(2)]
    assert SentSummary.objects.count() == 6
    assert statuses.count(429) == 10


def share_link_token() -> str:
    from decisionaid.questionnaire.models import AnswerSet
    from decisionaid.sharing import links
    from tests.factories import mild_answers

    _link, token = links.create(AnswerSet.objects.create(answers=mild_answers()), 30)
    return token


@pytest.mark.pdf
def test_visitors_without_a_cookie_each_have_their_own_pdf_budget(settings):
    settings.PDF_LIMIT_PER_HOUR = 1
    path = f"/s/{share_link_token()}/summary.pdf"
    assert Client(REMOTE_ADDR="203.0.113.1").get(path).status_code == 200
    assert Client(REMOTE_ADDR="203.0.113.2").get(path).status_code == 200
    refused = Client(REMOTE_ADDR="203.0.113.1").get(path)
    assert refused.status_code == 429
    assert "Please wait a while" in refused.content.decode()


def test_fresh_sessions_from_one_address_share_its_pdf_budget(settings, monkeypatch):
    from decisionaid.paper import pdf

    monkeypatch.setattr(pdf, "summary_pdf", lambda summary: b"%PDF-1.7 (not made: the count is under test)")
    settings.PDF_LIMIT_PER_HOUR = 3
    path = f"/s/{share_link_token()}/summary.pdf"
    answers = []
    for _ in range(5):
        visitor = Client(REMOTE_ADDR="203.0.113.9")
        assert visitor.session.session_key, "a session of its own"
        answers.append(visitor.get(path).status_code)
    assert answers == [200, 200, 200, 429, 429]
    assert Client(REMOTE_ADDR="203.0.113.10").get(path).status_code == 200, "another address has its own"


def test_when_every_pdf_slot_is_taken_the_next_pdf_gets_a_kind_busy_page(settings, monkeypatch):
    settings.PDF_CONCURRENCY = 1
    monkeypatch.setattr(ratelimit, "PDF_WAIT_SECONDS", 0.01)
    path = f"/s/{share_link_token()}/summary.pdf"
    with ratelimit.pdf_slot():
        response = Client().get(path)
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "try again in a minute" in response.content.decode()
