"""A person who came through an invitation and sent their summary can send their re-take too;
the clinician sees the scores over time, and the FHIR export each PHQ-9 and GAD-7 by date."""

import json

import pytest
from django.test import Client

from decisionaid.instruments import GAD7, PHQ9
from decisionaid.sharing.models import SentSummary
from tests.factories import severe_answers
from tests.questionnaire_helpers import complete, page_text
from tests.sharing_people import make_clinician, make_invitation
from tests.test_followup import LOWER_MOOD, LOWER_WORRY, make_link, retake

pytestmark = pytest.mark.django_db


@pytest.fixture
def came_back(client):
    """Started from an invitation, sent the summary, made a return link, re-took the scores
    in a fresh browser and sent the update from the page of what changed."""
    dr_a = make_clinician()
    invitation = make_invitation(dr_a)
    client.post(f"/invite/{invitation.token}/")
    complete(client, severe_answers(region="UK"))
    assert client.post("/share/send/", {"consent": "on"}).status_code == 302
    _url, token = make_link(client)
    fresh = Client()
    html = retake(fresh, token, LOWER_MOOD, LOWER_WORRY).content.decode()
    return dr_a, fresh, html


def test_the_update_can_be_sent_with_the_same_consent_step(came_back):
    _dr_a, fresh, html = came_back
    assert "Send this update to Riverside Practice" in html
    assert 'name="consent"' in html and "checked" not in html.split('name="consent"')[1].split(">")[0]
    assert fresh.post("/share/send/", {}).status_code == 422
    assert SentSummary.objects.count() == 1
    assert fresh.post("/share/send/", {"consent": "on"}).status_code == 302
    assert SentSummary.objects.count() == 2
    newest = SentSummary.objects.order_by("-sent_at", "-id").first()
    assert newest.phq9_total == 4
    assert len(newest.score_history) == 2


def test_the_update_is_limited_like_any_summary(came_back, settings):
    _dr_a, fresh, _html = came_back
    # The first summary used one of the person's SEND_SUMMARY_LIMIT_PER_HOUR; the updates share the rest.
    statuses = [
        fresh.post("/share/send/", {"consent": "on"}).status_code for _ in range(settings.SEND_SUMMARY_LIMIT_PER_HOUR)
    ]
    assert statuses == [302] * (settings.SEND_SUMMARY_LIMIT_PER_HOUR - 1) + [429]


def test_the_clinician_sees_the_scores_over_time_with_dates(came_back):
    dr_a, fresh, _html = came_back
    fresh.post("/share/send/", {"consent": "on"})
    newest = SentSummary.objects.order_by("-sent_at", "-id").first()
    clinician = Client()
    clinician.force_login(dr_a)
    text = page_text(clinician.get(f"/clinic/summaries/{newest.public_id}/").content.decode())
    assert "Scores over time" in text
    assert "21 of 27" in text and "4 of 27" in text


def test_the_fhir_export_has_each_score_as_its_own_dated_entry(came_back):
    dr_a, fresh, _html = came_back
    fresh.post("/share/send/", {"consent": "on"})
    newest = SentSummary.objects.order_by("-sent_at", "-id").first()
    clinician = Client()
    clinician.force_login(dr_a)
    bundle = json.loads(clinician.get(f"/clinic/summaries/{newest.public_id}/fhir.json").content)
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    sent, *responses = [entry["resource"] for entry in bundle["entry"]]
    # The sent summary first, with its risk answers, then each score on its own day.
    assert sent["item"][0]["linkId"] == "risk"
    assert [response["item"][0]["linkId"] for response in responses] == [PHQ9.loinc, GAD7.loinc] * 2
    dates = [response["authored"] for response in responses]
    assert dates == [entry["date"] for entry in newest.score_history for _ in range(2)]
    totals = [response["item"][0]["item"][-1]["answer"][0]["valueInteger"] for response in responses]
    assert totals == [21, 16, 4, 3]


def test_a_first_summary_still_exports_one_questionnaire_response(came_back):
    dr_a, _fresh, _html = came_back
    first = SentSummary.objects.get()
    clinician = Client()
    clinician.force_login(dr_a)
    resource = json.loads(clinician.get(f"/clinic/summaries/{first.public_id}/fhir.json").content)
    assert resource["resourceType"] == "QuestionnaireResponse"
