"""Issue 18.6: the four UK nations. A UK person who names their nation reads its own services,
routes and prescription charges and none of another nation's; one who skips reads what differs."""

import re

import pytest

from decisionaid.summary import build_summary
from tests.factories import mild_answers
from tests.people_issue18 import widow_in_scotland
from tests.questionnaire_helpers import form_data, with_answers
from tests.summary_helpers import all_strings

pytestmark = pytest.mark.django_db

# Words that belong to one nation only.
OWN = {
    "england": ["Talking Therapies", "£9.90", "prepayment", "NHS 111 (England)"],
    "scotland": ["NHS 24", "Breathing Space"],
    "wales": ["NHS 111 Wales", "NHS Wales"],
    "northern_ireland": ["Lifeline", "talking therapy hubs"],
}


def _text(data: dict) -> str:
    # Crisis lines per nation are chosen by the crisis lines' own rules (not these texts).
    return " ".join(all_strings({key: value for key, value in data.items() if key not in ("sources", "crisis")}))


@pytest.mark.parametrize("nation", list(OWN))
def test_a_nation_reads_its_own_services_and_no_other_nations(nation):
    data = build_summary(mild_answers(region="UK", uk_nation=nation, concerns=["depression"]))
    text = _text(data)
    assert any(word in text for word in OWN[nation]), nation
    for other, words in OWN.items():
        if other != nation:
            assert not [word for word in words if word in text], (nation, other)


def test_the_widow_in_scotland_reads_free_prescriptions_nhs_24_and_breathing_space():
    data = build_summary(widow_in_scotland())
    routes = [resource["name"] for resource in data["referral"]["resources"]]
    assert "NHS 24 (Scotland)" in routes and "Breathing Space (Scotland)" in routes
    assert "prescriptions are free in Scotland" in data["payment"]
    medicine = next(option for option in data["options"] if option["slug"] == "medication")
    assert medicine["cost"]["display"] == "Free to you"
    assert "England" not in _text(data)


def test_a_uk_person_who_skips_the_nation_reads_what_differs():
    data = build_summary(mild_answers(region="UK"))
    assert "In England" in data["payment"] and "Scotland, Wales and Northern Ireland" in data["payment"]
    routes = [resource["name"] for resource in data["referral"]["resources"]]
    for name in (
        "NHS Talking Therapies (England)",
        "NHS 24 (Scotland)",
        "NHS 111 Wales",
        "Lifeline (Northern Ireland)",
    ):
        assert name in routes


def test_the_nation_is_asked_on_the_place_step_and_kept_only_for_the_uk(client):
    answers = widow_in_scotland()
    assert client.post("/questions/place/", form_data("place", answers)).status_code == 302
    assert client.post("/questions/place/", {**form_data("place", answers), "region": "CA"}).status_code == 302
    with_answers(client, mild_answers(region="CA", uk_nation="scotland"))
    html = client.get("/results/").content.decode()
    assert "Breathing Space" not in html


def test_the_place_step_asks_the_nation_without_javascript(client):
    html = client.get("/questions/place/").content.decode()
    assert 'name="uk_nation"' in html and 'value="scotland"' in html


def test_the_widow_sees_scotlands_routes_on_the_results_page(client):
    with_answers(client, widow_in_scotland())
    html = client.get("/results/").content.decode().split('id="sources"')[0]
    # Citations name their publishers ("NHS Talking Therapies"), wherever the reader lives.
    html = re.sub(r'<a href="#source-[^"]*">.*?</a>|<p class="cite">.*?</p>', "", html, flags=re.S)
    assert "Breathing Space" in html and "NHS Talking Therapies" not in html
