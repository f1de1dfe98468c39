"""The questionnaire's steps in order, one topic a page, and what happens between them."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from decisionaid.instruments import FREQUENCY, RISK_ITEM

from . import forms


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type[forms.StepForm]
    intro: str = ""


STEPS = [
    Step("place", _("Where you live and your age"), forms.PlaceForm),
    Step("safety", _("Your safety"), forms.SafetyForm, _("We ask this first because your safety matters most.")),
    Step("mood", _("Your mood"), forms.Phq9Form),
    Step("worry", _("Worry and nerves"), forms.Gad7Form),
    Step("concerns", _("What you want help with"), forms.ConcernsForm),
    Step("goals", _("Your goals"), forms.GoalsForm),
    Step("time", _("Your time"), forms.TimeForm),
    Step("cost", _("Cost"), forms.CostForm),
    Step("medicine", _("Medicine"), forms.MedicationForm),
    Step("past", _("What you have tried, and what suits you"), forms.HistoryForm),
    Step(
        "values",
        _("What matters to you"),
        forms.ValuesForm,
        _("There are no right or wrong answers. Your answers help you compare the options."),
    ),
]
BY_SLUG = {step.slug: step for step in STEPS}
FIRST = STEPS[0]


def position(step: Step) -> int:
    return STEPS.index(step) + 1


def next_step(step: Step) -> Step | None:
    index = STEPS.index(step)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


def previous_step(step: Step) -> Step | None:
    index = STEPS.index(step)
    return STEPS[index - 1] if index > 0 else None


# The posted values that signal risk, as a browser sends them.
RISK_VALUES = {"in_danger_now": {"true"}, RISK_ITEM: {str(value) for value, _label in FREQUENCY if value > 0}}


def posts_risk(data) -> bool:
    """Whether a posted step (a QueryDict) carries a risk answer, read from what was sent and
    not from the checked form: it counts even when other answers on the step are blank or
    wrong, so nothing else on the page can hold back the crisis lines."""
    return any(
        str(value).strip().lower() in risky for name, risky in RISK_VALUES.items() for value in data.getlist(name)
    )


# What the contract requires before a summary can be made (answers.schema.json "required").
# Other steps may be skipped; the GAD-7 form asks for all seven items once it is answered.
CONTRACT_REQUIRED = ["region", "age_band", "in_danger_now", *(f"phq9_{n}" for n in range(1, 10))]


def first_missing_required(answers: dict) -> Step | None:
    """The first step holding a required answer that is missing, so results are never shown
    for an incomplete set."""
    for step in STEPS:
        if any(name in step.form_class.base_fields and name not in answers for name in CONTRACT_REQUIRED):
            return step
    return None
