"""A risk answer routes to the crisis page whatever else the step holds (issue 11): any mix
of the mood and safety answers present, blank or wrong, with JavaScript's htmx or without."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decisionaid.instruments import PHQ9
from decisionaid.questionnaire import steps
from decisionaid.questionnaire.models import AnswerSet
from tests.factories import mild_answers
from tests.questionnaire_helpers import form_data, page_text, with_answers
from tests.sharing_people import make_clinician, make_invitation

pytestmark = pytest.mark.django_db

MOOD_FIELDS = [*PHQ9.codes, PHQ9.difficulty.code]
FIELDS = ["in_danger_now", *MOOD_FIELDS]
RISKS = [("in_danger_now", "true"), ("phq9_9", "1"), ("phq9_9", "2"), ("phq9_9", "3")]
INVALID = st.sampled_from(["4", "-1", "1.5", "three", "maybe", "yes", "\x00", "9" * 300, "<b>"])
PRESENT = {
    "in_danger_now": st.sampled_from(["true", "false"]),
    **{code: st.sampled_from(["0", "1", "2", "3"]) for code in MOOD_FIELDS},
}
ROUTING = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def field_state(name):
    """One field as posted: a valid answer, left blank (missing or empty), or a wrong value."""
    return st.one_of(
        st.tuples(st.just("present"), PRESENT[name]),
        st.tuples(st.just("blank"), st.sampled_from([None, ""])),
        st.tuples(st.just("invalid"), INVALID),
    )


posts = st.fixed_dictionaries({name: field_state(name) for name in FIELDS})


def started(region="UK") -> Client:
    client = Client()
    client.post("/questions/place/", {"region": region, "age_band": "25_64"})
    return client


def crisis_url(response, htmx: bool) -> str:
    return response["HX-Redirect"] if htmx else response["Location"]


@ROUTING
@given(
    slug=st.sampled_from(["safety", "mood"]),
    states=posts,
    risk=st.sampled_from(RISKS),
    htmx=st.booleans(),
)
def test_a_risk_answer_routes_to_crisis_whatever_else_is_posted(slug, states, risk, htmx):
    risky_name, risky_value = risk
    states = {**states, risky_name: ("present", risky_value)}
    body = {name: value for name, (_state, value) in states.items() if value is not None}
    client = started()
    headers = {"HX-Request": "true"} if htmx else {}
    response = client.post(f"/questions/{slug}/", body, headers=headers)

    assert response.status_code == (200 if htmx else 302)
    assert crisis_url(response, htmx) == "/crisis/"
    answer_set = AnswerSet.objects.get(public_id=client.session["answers_id"])
    assert answer_set.crisis, "the crisis flag is recorded in the same request"
    own = steps.BY_SLUG[slug].form_class.base_fields
    for name, (state, value) in states.items():
        if name not in own:
            continue
        if state == "present":
            assert str(answer_set.answers[name]).lower() == value, f"valid {name} saved"
        elif state == "invalid":
            assert name not in answer_set.answers, f"wrong {name} never saved"
    assert "data-crisis-block" in client.get("/crisis/").content.decode()


def test_item_9_with_other_items_blank_shows_crisis_lines_and_asks_the_rest_again():
    client = started(region="US")
    client.post("/questions/safety/", {"in_danger_now": "false"})
    data = form_data("mood", mild_answers())
    data["phq9_9"] = "2"
    del data["phq9_3"]
    response = client.post("/questions/mood/", data)
    assert response["Location"] == "/crisis/"
    page = client.get("/crisis/").content.decode()
    assert "988" in page_text(page) and "call 911" in page_text(page)
    # Going on leads back to the mood step, with what was given already ticked.
    assert 'href="/questions/mood/"' in page
    assert "We will ask them again when you go on." in page
    mood = client.get("/questions/mood/").content.decode()
    assert 'value="2" id="id_phq9_9_2" checked' in mood
    assert 'id="id_phq9_3_1" checked' not in mood and 'id="id_phq9_3_0" checked' not in mood


def test_danger_now_with_a_forged_extra_value_still_routes_to_crisis():
    client = started()
    response = client.post("/questions/safety/", {"in_danger_now": ["true", "<script>"]})
    assert response["Location"] == "/crisis/"
    assert AnswerSet.objects.get().crisis


def test_a_repeated_post_from_the_back_button_routes_to_crisis_again():
    client = started()
    client.post("/questions/safety/", {"in_danger_now": "false"})
    data = form_data("mood", mild_answers(phq9_9=1))
    assert client.post("/questions/mood/", data)["Location"] == "/crisis/"
    assert client.post("/questions/mood/", data)["Location"] == "/crisis/"


def test_changing_item_9_later_routes_to_crisis_then():
    client = started()
    client.post("/questions/safety/", {"in_danger_now": "false"})
    client.post("/questions/mood/", form_data("mood", mild_answers()))
    assert "crisis-banner" not in client.get("/questions/worry/").content.decode()
    response = client.post("/questions/mood/", form_data("mood", mild_answers(phq9_9=3)))
    assert response["Location"] == "/crisis/"
    page = client.get("/crisis/").content.decode()
    assert 'href="/questions/worry/"' in page
    assert "We will ask them again" not in page


def test_a_risk_answer_in_a_clinicians_invitation_journey_routes_to_crisis():
    invitation = make_invitation(make_clinician(), region="IE")
    client = Client()
    client.post(f"/invite/{invitation.token}/")
    assert client.session["answers_id"]
    response = client.post("/questions/safety/", {"in_danger_now": "true"}, headers={"HX-Request": "true"})
    assert response["HX-Redirect"] == "/crisis/"
    answer_set = AnswerSet.objects.get(public_id=client.session["answers_id"])
    assert answer_set.crisis
    assert answer_set.answers["region"] == "IE"


def test_risk_answers_saved_without_the_flag_show_the_banner_when_a_step_is_shown(client):
    with_answers(client, mild_answers(phq9_9=2))
    assert "crisis-banner" in client.get("/questions/worry/").content.decode()
    assert AnswerSet.objects.get().crisis
