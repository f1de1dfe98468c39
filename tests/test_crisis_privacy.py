"""Privacy of the crisis state (issue 19, item 6): pages showing it are never stored, and
after "Delete my answers" the banner stays only while the browser is open, as the privacy
page says."""

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from decisionaid.questionnaire.session import CRISIS_COOKIE
from tests.factories import crisis_answers
from tests.questionnaire_helpers import with_answers

pytestmark = pytest.mark.django_db


def in_crisis() -> Client:
    client = Client()
    with_answers(client, crisis_answers(region="UK"), crisis=True)
    return client


@pytest.mark.parametrize("url", ["/", "/about/", "/help-now/", "/privacy/", "/no-such-page/"])
def test_pages_showing_the_crisis_state_are_never_stored(url):
    response = in_crisis().get(url)
    assert "no-store" in response["Cache-Control"], url


@pytest.mark.parametrize("url", ["/delete/", "/start-over/"])
def test_after_deleting_the_banner_lives_only_in_a_browser_session_cookie(url):
    client = in_crisis()
    response = client.post(url)
    assert response.status_code == 302
    cookie = response.cookies[CRISIS_COOKIE]
    assert cookie.value == "1"
    # No expiry: the browser forgets it when it closes.
    assert not cookie["max-age"] and not cookie["expires"]
    assert cookie["httponly"]
    # No session row is left to hold the crisis state for weeks.
    assert Session.objects.count() == 0
    page = client.get("/deleted/" if url == "/delete/" else "/questions/place/")
    assert "crisis-banner" in page.content.decode()
    assert "no-store" in page["Cache-Control"]


def test_deleting_answers_without_a_risk_answer_sets_no_cookie(client):
    with_answers(client, crisis_answers(phq9_9=0))
    response = client.post("/delete/")
    assert CRISIS_COOKIE not in response.cookies
    assert "crisis-banner" not in client.get("/deleted/").content.decode()


def test_the_privacy_page_says_the_banner_stays_until_the_browser_closes(client):
    html = client.get("/privacy/").content.decode()
    assert "stays on the pages until you close your browser" in html
