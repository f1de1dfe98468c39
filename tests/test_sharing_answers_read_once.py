"""The sharing views (share links, sending, return links) read this browser's answers once a
request: those that need complete answers through `with_answers` (no answers yet: sent to the first question), the pages that
only list or delete what is kept with them through `session.current` (no answers: an empty
page, or nothing to turn off)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from decisionaid.questionnaire import steps
from decisionaid.sharing.models import ShareLink
from tests.sharing_people import give_answers

pytestmark = pytest.mark.django_db

FIRST_STEP = "/questions/place/"


def reads_of_the_answers(queries) -> int:
    return sum(
        1
        for query in queries
        if query["sql"].lstrip().upper().startswith("SELECT")
        and '"questionnaire_answerset"' in query["sql"].split("WHERE")[0]
    )


def test_making_a_share_link_reads_the_answers_once():
    client = Client()
    give_answers(client)
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/share/new-link/", {"days": 30})
    assert response.status_code == 200 and ShareLink.objects.count() == 1
    assert reads_of_the_answers(queries) == 1, [query["sql"] for query in queries]


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/share/new-link/", {"days": 30}),
        ("/share/send/", {}),
        ("/results/leaning/", {}),
    ],
)
def test_with_no_answers_yet_the_views_that_need_them_send_the_person_to_the_first_question(url, data):
    response = Client().post(url, data)
    assert response.status_code == 302 and response["Location"] == FIRST_STEP
    assert ShareLink.objects.count() == 0


def test_with_no_answers_my_links_is_a_page_with_no_links():
    response = Client().get("/my-links/")
    assert response.status_code == 200
    assert "These are the links you made" not in response.content.decode()


def test_with_no_answers_turning_a_link_off_finds_no_link():
    owner = Client()
    give_answers(owner)
    owner.post("/share/new-link/", {"days": 30})
    link = ShareLink.objects.get()
    assert Client().post(f"/my-links/{link.public_id}/revoke/").status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None


def test_with_no_answers_delete_everything_counts_nothing_and_deletes_nothing():
    owner = Client()
    give_answers(owner)
    response = Client().get("/my-links/delete-everything/")
    assert response.status_code == 200
    assert Client().post("/my-links/delete-everything/")["Location"] == "/deleted/"
    assert owner.get("/results/").status_code == 200


@pytest.mark.parametrize("url", ["/come-back/new/", "/come-back/reminder.ics"])
def test_return_links_check_complete_answers_the_one_way_too(url):
    # No answers yet: the first question, as for a share link (with_answers).
    assert Client().post(url, {"token": "x", "weeks": 4})["Location"] == FIRST_STEP
    client = Client()
    begun = {"region": "UK", "age_band": "25_64"}
    give_answers(client, begun)
    next_step = f"/questions/{steps.first_missing_required(begun).slug}/"
    assert next_step != FIRST_STEP
    assert client.post(url, {"token": "x", "weeks": 4})["Location"] == next_step
