"""The sharing pages a patient reads are plain: US grade 7 or below (Flesch-Kincaid)."""

import pytest
from django.template.loader import render_to_string
from django.test import Client, RequestFactory

from decisionaid.sharing.results import results_actions_context
from tests.readability import grade, hardest_sentences
from tests.sharing_people import give_answers, make_clinician, make_invitation
from tests.visible_text import as_prose, visible_blocks

pytestmark = pytest.mark.django_db

MAX_GRADE = 7.0


def assert_plain(html: str, label: str) -> None:
    text = as_prose(visible_blocks(html, exclude=["Content version"]))
    score = grade(text)
    hardest = "\n".join(f"  {g:.1f}: {s}" for g, s in hardest_sentences(text, 5))
    assert score <= MAX_GRADE, f"{label} reads at grade {score:.1f}. Hardest sentences:\n{hardest}"


@pytest.fixture
def invitation():
    return make_invitation(make_clinician(), label="New patients", wait_weeks=3, session_fee=80, not_offered=["cbt"])


def test_the_invitation_pages_are_plain(client, invitation):
    assert_plain(client.get(f"/invite/{invitation.token}/").content.decode(), "invitation")
    assert_plain(client.get("/invite/" + "x" * 32 + "/").content.decode(), "dead invitation")


def test_the_dead_link_page_is_plain(client):
    assert_plain(client.get("/s/" + "x" * 43 + "/").content.decode(), "dead link")


def test_the_sharing_choices_on_the_results_page_are_plain(client, invitation):
    answer_set = give_answers(client)
    client.post(f"/invite/{invitation.token}/")
    request = RequestFactory().get("/results/")
    request.session = client.session
    html = render_to_string("sharing/results_actions.html", results_actions_context(request, answer_set), request)
    assert "Send it to" in html
    assert_plain(html, "results sharing choices")


def test_the_links_pages_are_plain(client):
    give_answers(client)
    assert_plain(client.post("/share/new-link/", {"days": 7}).content.decode(), "my links with a new link")
    assert_plain(client.get("/my-links/delete-everything/").content.decode(), "delete everything")
    assert_plain(client.post("/share/new-link/", {"days": "5"}).content.decode(), "link error")
    assert_plain(Client().get("/my-links/").content.decode(), "my links without answers")


def test_the_send_error_page_is_plain(client, invitation):
    give_answers(client)
    client.post(f"/invite/{invitation.token}/")
    response = client.post("/share/send/", {})
    assert response.status_code == 422
    assert_plain(response.content.decode(), "send error")
