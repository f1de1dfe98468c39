"""The dashboard of summaries sent to a clinician, one summary with its print view, and the
history of what the clinician opened."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from decisionaid.sharing.models import SummaryOpening
from tests.factories import crisis_answers, mild_answers, minimal_answers, phq9, severe_answers
from tests.questionnaire_helpers import page_text
from tests.sharing_people import copies_of, make_clinician, make_invitation, sent_summary

pytestmark = pytest.mark.django_db


@pytest.fixture
def dr_a():
    return make_clinician("dr_a")


@pytest.fixture
def as_a(dr_a) -> Client:
    client = Client()
    client.force_login(dr_a)
    return client


def many_sent(invitation, count: int) -> None:
    now = timezone.now()
    first = sent_summary(invitation)
    copies_of(first, ({"crisis": n % 7 == 0, "sent_at": now - timedelta(minutes=n)} for n in range(1, count)))


def test_the_dashboard_lists_scores_bands_and_the_two_risk_answers_apart(dr_a, as_a):
    invitation = make_invitation(dr_a, label="Spring clinic")
    sent_summary(invitation, severe_answers())
    sent_summary(invitation, crisis_answers())
    sent_summary(invitation, mild_answers(in_danger_now=True))
    html = page_text(as_a.get("/clinic/").content.decode())
    assert "21 · Severe low mood" in html
    assert "Item 9: Several days" in html and "Item 9: Not at all" in html
    assert html.count("In danger now: Yes") == 1 and html.count("In danger now: No") == 2
    assert "2 summaries with a risk answer: 2 not yet reviewed, listed first." in html
    assert "Spring clinic" in html


def test_the_dashboard_says_the_bands_as_the_summary_does(dr_a, as_a):
    sent_summary(make_invitation(dr_a), mild_answers(**phq9(2, 2, 2, 2, 2, 2, 2, 1, 0)))
    html = as_a.get("/clinic/").content.decode()
    assert "15 · Fairly severe low mood" in html
    assert "Moderately severe" not in html


def test_the_dashboard_shows_newest_first(dr_a, as_a):
    invitation = make_invitation(dr_a)
    older = sent_summary(invitation, sent_at=timezone.now() - timedelta(days=2))
    newer = sent_summary(invitation)
    html = as_a.get("/clinic/").content.decode()
    assert html.index(str(newer.public_id)) < html.index(str(older.public_id))


def test_a_missing_gad7_is_shown_as_not_scored(dr_a, as_a):
    sent_summary(make_invitation(dr_a), minimal_answers())
    assert "Not scored" in as_a.get("/clinic/").content.decode()


def test_the_dashboard_pages_by_25_with_a_flat_query_count(dr_a, as_a, django_assert_max_num_queries):
    invitation = make_invitation(dr_a)
    many_sent(invitation, 5)
    # Session, user, profile, the content cache's check, the invitations to filter by, the risk
    # counts, the page count, the rows.
    with django_assert_max_num_queries(8) as few:
        as_a.get("/clinic/")
    many_sent(invitation, 60)
    # Intended to prevent an n+1: the same queries for 5 rows and for 65.
    with django_assert_max_num_queries(len(few.captured_queries)):
        first = as_a.get("/clinic/").content.decode()
    assert len(re.findall(r'href="/clinic/summaries/', first)) == 25
    assert "Page 1 of 3" in first
    last = as_a.get("/clinic/?page=3").content.decode()
    assert len(re.findall(r'href="/clinic/summaries/', last)) == 15
    assert as_a.get("/clinic/?page=999").status_code == 200
    assert as_a.get("/clinic/?page=abc").status_code == 200


def test_opening_a_summary_shows_it_whole_and_records_who_opened_it(dr_a, as_a):
    sent = sent_summary(make_invitation(dr_a), mild_answers())
    response = as_a.get(f"/clinic/summaries/{sent.public_id}/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Low mood (PHQ-9)" in html
    assert "The options they saw" in html
    assert f"/clinic/summaries/{sent.public_id}/print/" in html
    assert f"/clinic/summaries/{sent.public_id}/fhir.json" in html
    opening = SummaryOpening.objects.get()
    assert (opening.clinician, opening.sent_summary, opening.view) == (dr_a, sent, "page")


def test_the_print_view_and_export_are_recorded_too(dr_a, as_a):
    sent = sent_summary(make_invitation(dr_a))
    assert as_a.get(f"/clinic/summaries/{sent.public_id}/print/").status_code == 200
    assert as_a.get(f"/clinic/summaries/{sent.public_id}/fhir.json").status_code == 200
    assert sorted(SummaryOpening.objects.values_list("view", flat=True)) == ["fhir", "print"]


def test_a_crisis_summary_shows_each_risk_answer_in_words(dr_a, as_a):
    sent = sent_summary(make_invitation(dr_a), crisis_answers())
    html = page_text(as_a.get(f"/clinic/summaries/{sent.public_id}/").content.decode())
    assert "harming themselves or someone else No" in html
    assert "Thoughts that you would be better off dead or of hurting yourself in some way Several days" in html


def test_the_history_lists_what_the_clinician_opened(dr_a, as_a):
    sent = sent_summary(make_invitation(dr_a))
    as_a.get(f"/clinic/summaries/{sent.public_id}/")
    as_a.get(f"/clinic/summaries/{sent.public_id}/print/")
    html = as_a.get("/clinic/opened/").content.decode()
    assert html.count(f"/clinic/summaries/{sent.public_id}/") == 2
    assert "Print" in html


def test_an_unknown_summary_is_a_404(as_a):
    assert as_a.get("/clinic/summaries/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert as_a.get("/clinic/summaries/not-a-uuid/").status_code == 404
