"""What an inviting practice offers, shown to its patients: options marked offered or not with
their fee and wait (summary options and the sharing box), and the practice's same-day contact
beside the region's crisis lines."""

import pytest
from django.test import RequestFactory

from decisionaid.sharing.practice import mark_options
from decisionaid.summary import build_summary
from tests.factories import crisis_answers, mild_answers
from tests.questionnaire_helpers import page_text
from tests.sharing_people import give_answers, make_clinician, make_invitation

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation():
    return make_invitation(
        make_clinician(),
        not_offered=["psychodynamic"],
        session_fee=60,
        wait_weeks=4,
        option_terms={"self_help": {"fee": "0", "wait_weeks": 1}},
        urgent_contact="Same-day line 020 7946 0001",
    )


def invited(client, invitation, answers):
    give_answers(client, answers)
    client.post(f"/invite/{invitation.token}/")


def test_a_person_from_no_invitation_has_no_practice_marks():
    summary = mark_options(build_summary(mild_answers()), None)
    assert all("offered_here" not in option for option in summary["options"])
    assert "practice" not in summary


def test_options_are_marked_with_the_practices_own_terms(invitation):
    options = {o["slug"]: o for o in mark_options(build_summary(mild_answers()), invitation)["options"]}
    assert options["psychodynamic"]["offered_here"] is False
    assert "practice_fee" not in options["psychodynamic"] and "practice_wait" not in options["psychodynamic"]
    assert (options["cbt"]["practice_fee"], options["cbt"]["practice_wait"]) == ("£60", 4)
    assert (options["self_help"]["practice_fee"], options["self_help"]["practice_wait"]) == ("£0", 1)


def test_the_results_page_of_an_invited_person_marks_its_options(client, invitation):
    invited(client, invitation, mild_answers())
    response = client.get("/results/")
    options = {o["slug"]: o for o in response.context["summary"]["options"]}
    assert options["psychodynamic"]["offered_here"] is False and options["cbt"]["offered_here"] is True
    text = page_text(response.content.decode())
    assert "Psychodynamic therapy: not offered here." in text
    assert "Guided self-help, or waiting and checking in: offered here. Fee for each session: 0." in text


def test_the_print_view_marks_them_too(client, invitation):
    invited(client, invitation, mild_answers())
    names = client.get("/results/print/").context["paper"]["options"]["names"]
    notes = {str(option["name"]): option["note"] for option in names}
    assert notes["Psychodynamic therapy"] == "Not offered here"
    assert notes["Cognitive behavioural therapy (CBT)"] == ""


def test_the_practices_same_day_contact_sits_beside_the_crisis_lines(client, invitation):
    invited(client, invitation, crisis_answers())
    html = client.get("/results/").content.decode()
    lines = html[html.index('class="crisis-lines"') :]
    lines = lines[: lines.index("</section>")]
    assert "Your practice, Riverside Practice:" in lines
    assert 'href="tel:' in lines and "020 7946 0001" in page_text(lines)


def test_no_practice_contact_for_anyone_else(client):
    give_answers(client, crisis_answers())
    assert "Your practice" not in client.get("/results/").content.decode()


def test_marking_pays_no_query_for_a_person_not_invited(client, django_assert_num_queries):
    from decisionaid.sharing.practice import mark_for_person

    give_answers(client)
    request = RequestFactory().get("/results/print/")
    request.session = client.session
    request.session.keys()
    summary = build_summary(mild_answers())
    with django_assert_num_queries(0):
        mark_for_person(request, summary)
