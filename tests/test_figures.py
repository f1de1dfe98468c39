"""Icon arrays: natural frequencies for the person's own concerns, every arm of each study, with
the time frame and the people studied, from the reviewed content."""

import pytest

from decisionaid.content.models import Figure, GlossaryTerm, SureItem
from decisionaid.summary import build_summary
from decisionaid.summary.figures import sentence_case
from tests.factories import ALL_CONCERNS, maximal_answers, mild_answers, minimal_answers
from tests.readability import grade

pytestmark = pytest.mark.django_db

OPTIONS = ["psychodynamic", "cbt", "medication", "combined", "self_help"]


def test_numbers_are_natural_frequencies_out_of_100_with_time_frame_people_and_uncertainty():
    data = build_summary(maximal_answers())
    assert data["figures"]
    for figure in data["figures"]:
        assert figure["denominator"] == 100
        assert len(figure["groups"]) >= 2
        assert all(0 <= group["count"] <= 100 for group in figure["groups"])
        assert all(f"{group['count']} in 100" in group["text"] for group in figure["groups"])
        assert figure["time_frame"] and figure["people"] and figure["uncertainty"]
        assert figure["sources"] == [figure["source"]]


@pytest.mark.parametrize("concern", ALL_CONCERNS)
def test_numbers_follow_the_persons_own_concerns(concern):
    shown = {figure["code"]: figure for figure in build_summary(mild_answers(concerns=[concern]))["figures"]}
    for figure in shown.values():
        assert not figure["concerns"] or concern in figure["concerns"], figure["code"]
    stored = set(Figure.objects.filter(concerns__code=concern, harm=False).values_list("code", flat=True))
    assert stored <= set(shown)
    # A harm is shown only beside a benefit figure of the same option for this concern.
    for harm in Figure.objects.filter(harm=True, code__in=list(shown)).prefetch_related("options"):
        options = {option.slug for option in harm.options.all()}
        assert any(options & set(figure["options"]) for code, figure in shown.items() if code in stored), (
            concern,
            harm.code,
        )


def test_an_antidepressants_side_effects_are_not_shown_for_sleeping_pills_or_grief_therapy():
    # The 71-year-old widow: no antidepressant figure stands against therapy benefits alone.
    shown = {figure["code"] for figure in build_summary(mild_answers(concerns=["grief", "sleep"]))["figures"]}
    assert {"grief_therapy", "insomnia"} <= shown
    assert not shown & {"nausea", "stopping"}


def test_an_antidepressants_side_effects_stand_beside_its_benefits_for_worry():
    shown = {figure["code"] for figure in build_summary(mild_answers(concerns=["anxiety"]))["figures"]}
    assert {"worry_medicine", "nausea", "stopping"} <= shown


def test_panic_numbers_are_about_panic_not_low_mood():
    codes = [figure["code"] for figure in build_summary(mild_answers(concerns=["panic"]))["figures"]]
    assert "panic_end" in codes
    assert "medicine_helps" not in codes and "low_mood_returns" not in codes


def test_depression_figures_are_shown_when_no_concern_is_chosen():
    codes = [figure["code"] for figure in build_summary(minimal_answers())["figures"]]
    assert "low_mood_returns" in codes


def test_the_relapse_panel_shows_all_three_arms_of_the_trial():
    figure = next(f for f in build_summary(minimal_answers())["figures"] if f["code"] == "low_mood_returns")
    assert [(group["label"], group["count"]) for group in figure["groups"]] == [
        ("Had finished CBT", 31),
        ("Kept taking medicine", 47),
        ("Stopped medicine", 76),
    ]
    assert figure["time_frame"] == "In the year after treatment ended."


def test_every_option_has_a_benefit_figure_where_one_exists():
    shown = {slug for figure in build_summary(maximal_answers())["figures"] for slug in figure["options"]}
    assert shown == set(OPTIONS)


@pytest.mark.parametrize(("source", "concern"), [("barlow-2000", "panic"), ("poulsen-2014", "eating")])
def test_end_of_treatment_and_later_figures_are_both_shown(source, concern):
    figures = [f for f in build_summary(mild_answers(concerns=[concern]))["figures"] if f["source"] == source]
    assert len(figures) == 2
    assert figures[0]["time_frame"] != figures[1]["time_frame"]


def test_option_names_keep_their_capitals_in_captions():
    texts = [group["text"] for figure in build_summary(maximal_answers())["figures"] for group in figure["groups"]]
    assert any("people who had CBT " in text for text in texts)
    assert not any("cbt" in text or "ssri" in text for text in texts)
    assert sentence_case("Took an SSRI") == "took an SSRI"
    assert sentence_case("SSRI users") == "SSRI users"


def test_figure_words_glossary_and_sure_help_read_at_grade_7_or_below():
    texts = [
        *(
            f"{figure.title}. {figure.time_frame} {figure.people} {figure.uncertainty}"
            for figure in Figure.objects.all()
        ),
        *GlossaryTerm.objects.values_list("meaning", flat=True),
        *SureItem.objects.values_list("help", flat=True),
    ]
    too_hard = sorted((grade(text), text) for text in texts if grade(text) > 7.0)
    assert not too_hard, too_hard


def test_side_effect_figures_come_only_beside_a_benefit_figure_for_the_same_option():
    alone = [figure["code"] for figure in build_summary(mild_answers(concerns=["relationships"]))["figures"]]
    assert alone == [], "harms without benefits would lean against medicine"
    shown = build_summary(mild_answers(concerns=["trauma"]))["figures"]
    assert {"ptsd_medicine", "nausea", "stopping"} <= {figure["code"] for figure in shown}


# IPDAS: where a source gives a range around a figure (FACTS.md, EVIDENCE.md), it is said in
# plain words beside the picture; figures with no range given keep their words (issue 18.8).
RANGES = {
    "grief": ("grief_therapy", "between about 1.2 and 2 times as many people got better"),
    "eating": ("bulimia_together", "between about 1 and 1.5 times as many people got well"),
    "trauma": ("ptsd_medicine", "by between about a quarter and two-fifths"),
    "depression": ("medicine_helps", "56 to 60 in 100 on medicine and 42 to 47 in 100 on a dummy pill"),
}


@pytest.mark.parametrize("concern", sorted(RANGES))
def test_a_figures_range_is_said_beside_its_picture_in_the_summary_and_on_the_page(client, concern):
    from tests.questionnaire_helpers import page_text, with_answers

    code, words = RANGES[concern]
    answers = mild_answers(concerns=[concern])
    figure = next(number for number in build_summary(answers)["figures"] if number["code"] == code)
    assert words in figure["uncertainty"]
    with_answers(client, answers)
    assert words in page_text(client.get("/results/figures/").content.decode())
