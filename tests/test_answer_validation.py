"""Answers are checked against the contract, with one plain line naming each problem."""

import pytest

from decisionaid.summary import validate_answers
from tests.factories import (
    mild_answers,
)
from tests.summary_helpers import (
    FACTORIES,
)

pytestmark = pytest.mark.django_db


def test_valid_answers_have_no_problems():
    for factory in FACTORIES.values():
        assert validate_answers(factory()) == []


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"region": "FR"}, "region", "not an allowed code"),
        ({"phq9_3": 5}, "phq9_3", "out of range"),
        ({"phq9_3": -1}, "phq9_3", "out of range"),
        ({"phq9_3": "2"}, "phq9_3", "must be integer"),
        ({"in_danger_now": "no"}, "in_danger_now", "must be boolean"),
        ({"favourite_colour": "blue"}, "favourite_colour", "unknown question code"),
        ({"importance": {"quick_relief": 9}}, "importance.quick_relief", "out of range"),
        ({"importance": {"speed": 3}}, "importance.speed", "unknown question code"),
        ({"concerns": ["anxiety", "anxiety"]}, "concerns", "more than once"),
        ({"concerns": ["boredom"]}, "concerns.0", "not an allowed code"),
        ({"session_fee": -5}, "session_fee", "out of range"),
    ],
)
def test_invalid_answers_give_one_line_naming_the_field(change, field, words):
    problems = validate_answers(mild_answers(**change))
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{field}: ")
    assert words in problems[0]


def test_each_missing_required_answer_is_named():
    answers = mild_answers()
    del answers["phq9_9"]
    del answers["region"]
    assert validate_answers(answers) == ["phq9_9: this answer is required.", "region: this answer is required."]


def test_answers_that_are_not_an_object_are_named():
    assert validate_answers([1, 2]) == ["answers: must be object, not array."]
