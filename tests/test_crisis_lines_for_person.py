"""The right crisis lines for the person (issue 19, item 2; issue 23, items 5 and 9): young
people's lines first and never a line for adults only, each UK nation's own lines, the crisis
words matching the question answered, and help said to be there whatever the answer."""

import re

import pytest
from django.test import Client

from decisionaid.content.models import Resource
from decisionaid.summary import build_summary
from tests.factories import crisis_answers, mild_answers
from tests.questionnaire_helpers import with_answers

pytestmark = pytest.mark.django_db


def visible(html: str) -> str:
    html = re.sub(r'<span class="visually-hidden">[^<]*</span>', "", html)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def crisis_page(answers: dict) -> str:
    client = Client()
    with_answers(client, answers, crisis=True)
    html = client.get("/crisis/").content.decode()
    return visible(html[html.index("<main") : html.index("</main>")])


def names(resources) -> list[str]:
    return [resource["name"] for resource in resources]


def test_a_young_persons_summary_puts_youth_lines_first_and_leaves_out_the_veterans_line():
    lines = names(build_summary(crisis_answers(region="US", age_band="under_18"))["crisis"]["resources"])
    assert lines[0].startswith("The Trevor Project")
    assert "988 Suicide & Crisis Lifeline" in lines
    assert "Veterans Crisis Line" not in lines
    adult = names(build_summary(crisis_answers(region="US"))["crisis"]["resources"])
    assert adult[0] == "988 Suicide & Crisis Lifeline" and "Veterans Crisis Line" in adult


def test_the_main_line_stays_the_button_for_a_young_person():
    page = crisis_page(crisis_answers(region="UK", age_band="under_18"))
    assert page.index("Call 116 123 Samaritans") < page.index("For young people") < page.index("Childline")
    assert page.index("Childline") < page.index("For anyone") < page.index("Shout")


def test_a_young_person_in_australia_is_never_shown_mensline():
    for answers in (crisis_answers(region="AU", age_band="under_18"),):
        assert "MensLine" not in crisis_page(answers)
        assert "MensLine" not in names(build_summary(answers)["crisis"]["resources"])
    client = Client()
    with_answers(client, mild_answers(region="AU", age_band="under_18"))
    youth = visible(client.get("/young-people/").content.decode())
    assert "MensLine" not in youth
    assert "whatever your age" in youth
    assert "Kids Helpline" in youth and "eheadspace" in youth
    assert "MensLine" in crisis_page(crisis_answers(region="AU"))


def test_no_line_offers_988s_ended_press_3_option():
    for resource in Resource.objects.all():
        words = f"{resource.name} {resource.contact}".lower()
        assert "press 3" not in words and "pride" not in words, resource


@pytest.mark.parametrize(
    ("nation", "shown", "not_shown"),
    [
        ("scotland", ["NHS 24 (Scotland)", "Breathing Space (Scotland)"], ["NHS 111 (England)", "NHS 111 Wales"]),
        ("wales", ["NHS 111 Wales"], ["NHS 24 (Scotland)", "Lifeline (Northern Ireland)"]),
        ("northern_ireland", ["Lifeline (Northern Ireland)"], ["NHS 111 (England)", "Breathing Space (Scotland)"]),
        ("england", ["NHS 111 (England)"], ["NHS 24 (Scotland)", "NHS 111 Wales", "Lifeline (Northern Ireland)"]),
    ],
)
def test_each_uk_nation_sees_its_own_urgent_lines(nation, shown, not_shown):
    answers = crisis_answers(region="UK", uk_nation=nation)
    page = crisis_page(answers)
    lines = names(build_summary(answers)["crisis"]["resources"])
    for name in shown:
        assert name in page and name in lines
    for name in not_shown:
        assert name not in page and name not in lines
    assert "Samaritans" in page and "Samaritans" in lines


def test_with_no_nation_every_nations_line_is_shown_named_for_its_nation():
    page = crisis_page(crisis_answers(region="UK"))
    for name in ("NHS 111 (England)", "NHS 24 (Scotland)", "Breathing Space (Scotland)", "NHS 111 Wales"):
        assert name in page
    assert "Lifeline (Northern Ireland)" in page
    assert "Call 111 and press 2" in page


def test_the_crisis_words_match_the_question_that_was_answered():
    danger = build_summary(mild_answers(in_danger_now=True))["notices"][0]["text"]
    assert "harming yourself or someone else" in danger
    item_9 = build_summary(crisis_answers())["notices"][0]["text"]
    assert "better off dead" in item_9
    assert "someone else" not in item_9


def test_the_safety_step_and_crisis_page_say_no_is_not_a_promise_and_help_is_there_any_time(client):
    client.post("/questions/place/", {"region": "NZ", "age_band": "25_64"})
    safety = visible(client.get("/questions/safety/").content.decode())
    assert "Saying “No” is not a promise that all is well" in safety
    assert "help is there at any time" in safety
    page = crisis_page(crisis_answers(region="NZ"))
    assert "not a promise that all is well" in page
    assert "Help is there at any time, day or night" in page
