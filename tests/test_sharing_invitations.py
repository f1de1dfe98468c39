"""A patient's side of a clinician's invitation: opening it, starting with the clinician's
presets, and choosing (or not) to send their summary to that clinician at the end."""

import re
from datetime import timedelta

import pytest
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.utils import timezone

from decisionaid.questionnaire.models import AnswerSet
from decisionaid.sharing.models import InvitedAnswers, SentSummary
from decisionaid.sharing.results import results_actions_context
from tests.factories import crisis_answers, mild_answers, severe_answers
from tests.questionnaire_helpers import complete
from tests.sharing_people import give_answers, make_clinician, make_invitation

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation():
    return make_invitation(
        make_clinician(),
        label="Spring clinic",
        region="UK",
        session_fee=80,
        wait_weeks=3,
        not_offered=["psychodynamic"],
    )


def started(client: Client, invitation) -> AnswerSet:
    response = client.post(f"/invite/{invitation.token}/")
    assert response.status_code == 302 and response["Location"] == "/questions/place/"
    return AnswerSet.objects.get(public_id=client.session["answers_id"], invited__invitation=invitation)


def test_the_invitation_page_says_whose_invitation_it_is(client, invitation):
    response = client.get(f"/invite/{invitation.token}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Riverside Practice" in html and "Spring clinic" in html
    assert "Psychodynamic therapy" in html  # not offered here
    assert re.search(r'<form method="post" action="/invite/[^"]+/">', html)
    # Its Start form needs a real Origin header for CSRF, which no-referrer would blank out;
    # strict-origin still keeps the token out of every Referer.
    assert response["Referrer-Policy"] == "strict-origin"
    assert "noindex" in response["X-Robots-Tag"]
    assert "no-store" in response["Cache-Control"]


def test_the_start_button_passes_the_csrf_check_a_browser_makes_under_its_referrer_policy(invitation):
    # Under strict-origin a browser sends the page's own origin with the post; under
    # no-referrer it would send "null", which Django's CSRF check refuses.
    browser = Client(enforce_csrf_checks=True)
    html = browser.get(f"/invite/{invitation.token}/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    path = f"/invite/{invitation.token}/"
    refused = browser.post(path, {"csrfmiddlewaretoken": token}, headers={"Origin": "null"})
    assert refused.status_code == 403 and not AnswerSet.objects.exists()
    started = browser.post(path, {"csrfmiddlewaretoken": token}, headers={"Origin": "http://testserver"})
    assert started.status_code == 302 and started["Location"] == "/questions/place/"


def test_opening_an_invitation_saves_nothing_until_the_person_starts(client, invitation):
    client.get(f"/invite/{invitation.token}/")
    assert not AnswerSet.objects.exists()


def test_starting_links_the_answers_and_fills_in_the_clinicians_presets(client, invitation):
    answer_set = started(client, invitation)
    assert answer_set.answers == {"region": "UK", "session_fee": 80}
    assert InvitedAnswers.objects.get().answer_set == answer_set
    html = client.get("/questions/place/").content.decode()
    assert re.search(r'value="UK"[^>]* checked', html)


def test_a_persons_own_answers_win_over_the_presets(client, invitation):
    give_answers(client, mild_answers(region="IE", session_fee=20))
    answer_set = started(client, invitation)
    assert answer_set.answers["region"] == "IE"
    assert answer_set.answers["session_fee"] == 20


def test_a_decimal_fee_is_filled_in_as_a_number(client):
    invitation = make_invitation(make_clinician(), session_fee="72.50")
    assert started(client, invitation).answers["session_fee"] == 72.5


def test_one_invitation_serves_many_patients(invitation):
    for _ in range(3):
        started(Client(), invitation)
    assert InvitedAnswers.objects.filter(invitation=invitation).count() == 3


@pytest.mark.parametrize("state", ["revoked", "expired", "unknown", "malformed"])
def test_a_dead_invitation_gets_a_kind_404_and_starts_nothing(client, invitation, state):
    token = invitation.token
    if state == "revoked":
        invitation.revoke()
    elif state == "expired":
        invitation.expires_on = timezone.localdate() - timedelta(days=1)
        invitation.save()
    elif state == "unknown":
        token = "A" * 32
    else:
        token = "abc%20def"
    for response in (client.get(f"/invite/{token}/"), client.post(f"/invite/{token}/")):
        assert response.status_code == 404
        assert "This link does not work" in response.content.decode()
    assert not AnswerSet.objects.exists()


def _actions_html(client: Client) -> str:
    request = RequestFactory().get("/results/")
    request.session = client.session
    answer_set = AnswerSet.objects.get(public_id=client.session["answers_id"])
    return render_to_string("sharing/results_actions.html", results_actions_context(request, answer_set), request)


def test_the_send_box_is_unticked_and_says_exactly_what_is_sent(client, invitation):
    started(client, invitation)
    complete(client, mild_answers())
    html = _actions_html(client)
    checkbox = re.search(r'<input type="checkbox" name="consent"[^>]*>', html).group(0)
    assert "checked" not in checkbox
    assert "Yes, send my summary to Riverside Practice." in html
    for words in ("your answers to every question", "your scores for low mood and worry", "the summary on this page"):
        assert words in html
    assert "We don't send your name or email." in html
    assert "They keep their copy, even if you delete your answers here." in html


def test_without_an_invitation_there_is_no_send_box(client):
    give_answers(client)
    html = _actions_html(client)
    assert 'name="consent"' not in html
    assert "Make a link for a professional" in html


def test_nothing_is_sent_unless_the_box_is_ticked(client, invitation):
    started(client, invitation)
    complete(client, mild_answers())
    for data in ({}, {"consent": ""}, {"consent": "false"}):
        response = client.post("/share/send/", data)
        assert response.status_code == 422
        html = response.content.decode()
        assert "Nothing was sent" in html
        assert 'aria-invalid="true"' in html and 'aria-describedby="id_consent_error"' in html
    assert not SentSummary.objects.exists()


def test_ticking_the_box_sends_a_copy_with_what_the_dashboard_lists(client, invitation):
    answer_set = started(client, invitation)
    complete(client, severe_answers(region="UK"))
    response = client.post("/share/send/", {"consent": "on"})
    assert response.status_code == 302 and response["Location"] == "/results/#share"
    sent = SentSummary.objects.get()
    assert sent.clinician == invitation.clinician and sent.invitation == invitation
    assert sent.answer_set == answer_set
    assert sent.answers == AnswerSet.objects.get(pk=answer_set.pk).answers
    assert (sent.phq9_total, sent.phq9_band) == (21, "severe")
    assert (sent.gad7_total, sent.gad7_band) == (16, "severe")
    assert sent.crisis is False
    assert sent.content_version
    assert "You sent your summary to Riverside Practice" in _actions_html(client)


def test_a_crisis_answer_is_flagged_on_the_sent_copy(client, invitation):
    started(client, invitation)
    complete(client, crisis_answers())
    client.post("/share/send/", {"consent": "on"})
    assert SentSummary.objects.get().crisis is True


def test_a_forged_send_without_an_invitation_sends_nothing(client):
    give_answers(client)
    response = client.post("/share/send/", {"consent": "on"})
    assert response.status_code == 409
    assert "There is no one to send this to" in response.content.decode()
    assert not SentSummary.objects.exists()


def test_nothing_is_sent_through_an_invitation_revoked_since_starting(client, invitation):
    started(client, invitation)
    complete(client, mild_answers())
    invitation.revoke()
    assert client.post("/share/send/", {"consent": "on"}).status_code == 409
    assert not SentSummary.objects.exists()
    assert "has ended" in _actions_html(client)


def test_sending_needs_complete_answers(client, invitation):
    started(client, invitation)
    response = client.post("/share/send/", {"consent": "on"})
    assert response.status_code == 302
    assert not SentSummary.objects.exists()


def test_sending_is_rate_limited(client, invitation, settings):
    settings.SEND_SUMMARY_LIMIT_PER_HOUR = 1
    started(client, invitation)
    complete(client, mild_answers())
    assert client.post("/share/send/", {"consent": "on"}).status_code == 302
    assert client.post("/share/send/", {"consent": "on"}).status_code == 429
    assert SentSummary.objects.count() == 1


def test_the_sent_copy_stays_with_the_clinician_when_the_person_deletes_everything(client, invitation):
    started(client, invitation)
    complete(client, mild_answers())
    client.post("/share/send/", {"consent": "on"})
    page = client.get("/my-links/delete-everything/").content.decode()
    assert "This does not delete what you sent" in page and "Riverside Practice" in page
    client.post("/my-links/delete-everything/")
    sent = SentSummary.objects.get()
    assert sent.answer_set is None
    assert sent.answers["phq9_1"] == 1


def test_the_results_page_pays_no_query_for_sharing_unless_the_person_was_invited(
    client, invitation, django_assert_num_queries
):
    give_answers(client)
    request = RequestFactory().get("/results/")
    request.session = client.session
    request.session.keys()  # a real request has its session loaded already
    with django_assert_num_queries(0):
        context = results_actions_context(request)
    assert context["sharing"]["invitation"] is None
    client.post(f"/invite/{invitation.token}/")
    request.session = client.session
    request.session.keys()
    with django_assert_num_queries(1):
        context = results_actions_context(request)
    assert context["sharing"]["invitation"] == invitation
    assert context["sharing"]["last_sent_at"] is None


def test_without_answers_there_are_no_sharing_choices(rf):
    request = rf.get("/results/")
    request.session = Client().session
    assert results_actions_context(request) == {"sharing": None, "leaning_form": None}
    assert render_to_string("sharing/results_actions.html", {"sharing": None}).strip() == ""
