"""The clinician's brief (summary["brief"]), its page, the notes text, the reference code,
the dashboard's filters and the reviewed mark."""

import re

import pytest
from django.test import Client

from decisionaid.clinicians.brief import summary_for
from decisionaid.sharing.models import SentSummary, SummaryOpening
from decisionaid.sharing.reference import ALPHABET, format_reference, parse_reference
from tests.factories import crisis_answers, mild_answers, phq9, severe_answers
from tests.questionnaire_helpers import page_text
from tests.sharing_people import make_clinician, make_invitation, sent_summary

pytestmark = pytest.mark.django_db

SURE_ALL_YES = {
    "sure_of_myself": "yes",
    "understand_information": "yes",
    "risk_benefit_ratio": "yes",
    "encouragement": "no",
}


@pytest.fixture
def dr_a():
    return make_clinician("dr_a")


@pytest.fixture
def as_a(dr_a) -> Client:
    client = Client()
    client.force_login(dr_a)
    return client


def rows_of(brief: dict) -> dict:
    return {row["label"]: row for section in brief["sections"] for row in section["rows"]}


def test_the_brief_has_the_agreed_shape(dr_a):
    brief = summary_for(sent_summary(make_invitation(dr_a)))["brief"]
    assert set(brief) == {"title", "reference", "date", "sections", "notes_text"}
    for section in brief["sections"]:
        assert set(section) == {"title", "rows"}
        for row in section["rows"]:
            assert set(row) == {"label", "value", "alert"} and isinstance(row["alert"], bool)


def test_the_brief_shows_the_two_risk_answers_apart_first(dr_a):
    sent = sent_summary(make_invitation(dr_a), crisis_answers())
    brief = summary_for(sent)["brief"]
    risk = brief["sections"][0]
    assert risk["title"] == "Risk"
    danger, item9 = risk["rows"][0], risk["rows"][1]
    assert "someone else" in danger["label"] and danger["value"] == "No" and not danger["alert"]
    assert item9["label"].startswith("PHQ-9 item 9") and item9["value"] == "Several days" and item9["alert"]


def test_in_danger_now_yes_is_an_alert_of_its_own(dr_a):
    sent = sent_summary(make_invitation(dr_a), mild_answers(in_danger_now=True))
    danger, item9 = summary_for(sent)["brief"]["sections"][0]["rows"][:2]
    assert (danger["value"], danger["alert"]) == ("Yes", True)
    assert (item9["value"], item9["alert"]) == ("Not at all", False)


def test_the_brief_says_scores_preferences_and_what_matters_in_the_third_person(dr_a):
    sent = sent_summary(make_invitation(dr_a), severe_answers())
    rows = rows_of(summary_for(sent)["brief"])
    assert rows["Low mood (PHQ-9)"]["value"] == "21 of 27: Severe low mood"
    assert rows["View of medicine"]["value"] == "Open to it"
    assert rows["Preferred style"]["value"].startswith("Open")
    assert rows["Past treatments"]["value"] == "CBT; Medicine for mood or anxiety"
    assert "up to $150 a session" in rows["Cost"]["value"]
    assert rows["Avoiding side effects"]["value"] == "Matters a great deal"
    text = " ".join(f"{row['label']} {row['value']}" for row in rows.values())
    assert not re.search(r"\b(I|I am|my)\b", text.replace("PHQ-9 item", ""))


def test_past_treatment_outcomes_are_given_when_answered(dr_a):
    answers = severe_answers(past_treatment_outcomes={"cbt": "partly", "medication": "side_effects"})
    rows = rows_of(summary_for(sent_summary(make_invitation(dr_a), answers))["brief"])
    assert rows["Past treatments"]["value"] == (
        "CBT (helped a little); Medicine for mood or anxiety (stopped for side effects)"
    )


def test_readiness_answers_reach_the_clinician(dr_a):
    sent = sent_summary(make_invitation(dr_a), sure=SURE_ALL_YES)
    summary = summary_for(sent)
    assert summary["sure"]["answered"]
    rows = rows_of(summary["brief"])
    assert rows["S: Sure of myself"]["value"] == "Yes"
    assert rows["E: Encouragement"] == {"label": "E: Encouragement", "value": "No", "alert": True}


def test_the_leaning_and_questions_reach_the_clinician(dr_a):
    leaning = {"option": "cbt", "unsure": "Whether I can find the time", "questions": "Is there a wait?"}
    rows = rows_of(summary_for(sent_summary(make_invitation(dr_a), leaning=leaning))["brief"])
    assert rows["Leans toward"]["value"] == "Cognitive behavioural therapy (CBT)"
    assert rows["Unsure about"]["value"] == "Whether I can find the time"
    assert rows["Their questions for you"]["value"] == "Is there a wait?"


def test_the_practices_options_are_set_against_what_fits(dr_a):
    invitation = make_invitation(
        dr_a,
        not_offered=["psychodynamic"],
        session_fee=60,
        wait_weeks=6,
        option_terms={"cbt": {"fee": "0", "wait_weeks": 2}},
    )
    summary = summary_for(sent_summary(invitation))
    options = {option["slug"]: option for option in summary["options"]}
    assert options["psychodynamic"]["offered_here"] is False and "practice_fee" not in options["psychodynamic"]
    assert (options["cbt"]["practice_fee"], options["cbt"]["practice_wait"]) == ("£0", 2)
    assert (options["medication"]["practice_fee"], options["medication"]["practice_wait"]) == ("£60", 6)
    rows = rows_of(summary["brief"])
    assert rows["Psychodynamic therapy"]["value"].startswith("Not offered here.")
    assert rows["Cognitive behavioural therapy (CBT)"]["value"].startswith("Offered here: £0 a session, about 2 weeks")
    assert "Fits: " in rows["Cognitive behavioural therapy (CBT)"]["value"]


def test_the_notes_text_is_plain_and_has_every_row(dr_a):
    sent = sent_summary(make_invitation(dr_a), crisis_answers())
    brief = summary_for(sent)["brief"]
    notes = brief["notes_text"]
    assert "<" not in notes
    assert notes.startswith(f"Decision aid summary {sent.reference_display}")
    assert "! PHQ-9 item 9: thoughts of being better off dead or of self-harm: Several days" in notes
    for row in (row for section in brief["sections"] for row in section["rows"]):
        assert row["label"] in notes


def test_the_clinician_page_opens_with_the_brief_then_the_full_summary(dr_a, as_a):
    sent = sent_summary(make_invitation(dr_a), crisis_answers(), sure=SURE_ALL_YES)
    html = as_a.get(f"/clinic/summaries/{sent.public_id}/").content.decode()
    text = page_text(html)
    assert text.index("Decision aid summary") < text.index("The patient's full summary")
    assert sent.reference_display in text
    assert '<textarea id="notes-text" readonly' in html
    assert "Copy for notes" in text
    # Each item's answer is a click away in the brief, and item 9's row stands out.
    assert re.search(r"<details class=\"brief-items\">.*Little interest or pleasure", html, re.S)
    assert html.count('class="risk-row"') == 2
    assert "Not answered" not in text.split("The patient's full summary")[0].split("Ready to choose?")[1][:200]


def test_the_share_page_shows_the_risk_answers_apart(client):
    from decisionaid.sharing import links
    from tests.sharing_people import give_answers

    answer_set = give_answers(client, crisis_answers())
    _link, token = links.create(answer_set, 7)
    text = page_text(Client().get(f"/s/{token}/").content.decode())
    assert "Risk answers" in text
    assert "harming themselves or someone else No" in text.replace(":", "")
    assert "Several days" in text
    assert f"Answered on {answer_set.updated_at.date().isoformat()}" in text


def test_each_sent_summary_gets_a_code_read_aloud_easily(dr_a):
    invitation = make_invitation(dr_a)
    codes = {sent_summary(invitation).reference for _ in range(20)}
    assert len(codes) == 20
    for code in codes:
        assert len(code) == 6 and set(code) <= set(ALPHABET)
    assert not set("01OILSZB5") & set(ALPHABET)
    assert format_reference("K7M4QX") == "K7M-4QX"
    assert parse_reference(" k7m 4qx ") == "K7M4QX" and parse_reference("K7M-4Q") is None


def test_a_person_sees_the_code_when_they_send(client, dr_a):
    from decisionaid.sharing.invitations import INVITED_KEY
    from decisionaid.sharing.models import InvitedAnswers
    from tests.sharing_people import give_answers

    invitation = make_invitation(dr_a)
    answer_set = give_answers(client)
    InvitedAnswers.objects.create(answer_set=answer_set, invitation=invitation)
    session = client.session
    session[INVITED_KEY] = True
    session.save()
    client.post("/share/send/", {"consent": "on"})
    sent = SentSummary.objects.get()
    assert f"Its code is {sent.reference_display}" in page_text(client.get("/results/").content.decode())


def test_the_dashboard_finds_a_summary_by_its_code(dr_a, as_a):
    invitation = make_invitation(dr_a)
    wanted, other = sent_summary(invitation), sent_summary(invitation)
    typed = wanted.reference_display.lower().replace("-", " ")
    html = as_a.get("/clinic/", {"q": typed}).content.decode()
    assert str(wanted.public_id) in html and str(other.public_id) not in html
    bad = as_a.get("/clinic/", {"q": "nonsense!"})
    assert bad.status_code == 200 and "A code has 6 letters and numbers" in bad.content.decode()


def test_the_dashboard_filters_by_risk_band_invitation_and_review(dr_a, as_a):
    spring, autumn = make_invitation(dr_a, label="Spring"), make_invitation(dr_a, label="Autumn")
    item9 = sent_summary(spring, crisis_answers())
    danger = sent_summary(spring, mild_answers(in_danger_now=True))
    severe = sent_summary(autumn, severe_answers())
    calm = sent_summary(autumn, mild_answers(**phq9(0, 0, 0, 0, 0, 0, 0, 0, 0)))

    def listed(**query) -> set:
        html = as_a.get("/clinic/", query).content.decode()
        return {sent for sent in (item9, danger, severe, calm) if str(sent.public_id) in html}

    assert listed(risk="flagged") == {item9, danger}
    assert listed(risk="in_danger") == {danger}
    assert listed(risk="item9") == {item9}
    assert listed(risk="none") == {severe, calm}
    assert listed(band="severe") == {severe}
    assert listed(invitation=str(autumn.public_id)) == {severe, calm}
    assert listed(band="not-a-band") == {item9, danger, severe, calm}
    as_a.post(f"/clinic/summaries/{danger.public_id}/reviewed/")
    assert listed(reviewed="no") == {item9, severe, calm}
    assert listed(reviewed="yes") == {danger}


def test_unreviewed_risk_comes_first_even_when_older(dr_a, as_a):
    from datetime import timedelta

    from django.utils import timezone

    invitation = make_invitation(dr_a)
    old_risk = sent_summary(invitation, crisis_answers(), sent_at=timezone.now() - timedelta(days=30))
    for _ in range(3):
        sent_summary(invitation)
    html = as_a.get("/clinic/").content.decode()
    first_row = html.index("<tbody>")
    assert html.index(str(old_risk.public_id), first_row) < html.index("</tr>", first_row)


def test_marking_reviewed_records_who_and_when_in_the_audit(dr_a, as_a):
    sent = sent_summary(make_invitation(dr_a), crisis_answers())
    response = as_a.post(f"/clinic/summaries/{sent.public_id}/reviewed/")
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.reviewed_by == dr_a and sent.reviewed_at is not None
    opening = SummaryOpening.objects.get(view="reviewed")
    assert (opening.clinician, opening.sent_summary) == (dr_a, sent)
    assert "Reviewed by dr_a on" in page_text(as_a.get(f"/clinic/summaries/{sent.public_id}/").content.decode())
    opened = page_text(as_a.get("/clinic/opened/").content.decode())
    assert "Marked as reviewed" in opened and f"{sent.reference_display}, sent" in opened
    assert "0 not yet reviewed" not in as_a.get("/clinic/").content.decode()


def test_another_clinician_cannot_mark_a_summary_reviewed(dr_a):
    sent = sent_summary(make_invitation(dr_a))
    other = Client()
    other.force_login(make_clinician("dr_b"))
    assert other.post(f"/clinic/summaries/{sent.public_id}/reviewed/").status_code == 404
    assert other.get(f"/clinic/summaries/{sent.public_id}/reviewed/").status_code == 405


def test_pregnancy_is_a_row_to_note_when_it_bears_on_medicine(dr_a):
    sent = sent_summary(make_invitation(dr_a), mild_answers(pregnant_or_breastfeeding="breastfeeding"))
    rows = rows_of(summary_for(sent)["brief"])
    assert rows["Pregnancy"] == {"label": "Pregnancy", "value": "Breastfeeding", "alert": True}
    assert "Pregnancy" not in rows_of(summary_for(sent_summary(make_invitation(dr_a)))["brief"])
