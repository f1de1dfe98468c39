"""One form a step. Field names and values are the contract's codes, so a forged or
out-of-range value is an ordinary validation error, shown kindly and never saved."""

import copy
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from decisionaid import codes

REQUIRED = _("Please choose an answer.")
INVALID_CHOICE = _("Please choose one of the answers shown.")

# PHQ-9 and GAD-7 items in their validated wording (FACTS.md sections 7 and 8). They are
# not marked for translation: a translation must use the instruments' official versions.
PHQ9_STEM = "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
PHQ9_ITEMS = [
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
    "Trouble concentrating on things, such as reading the newspaper or watching television",
    "Moving or speaking so slowly that other people could have noticed? Or the opposite — "
    "being so fidgety or restless that you have been moving around a lot more than usual",
    "Thoughts that you would be better off dead or of hurting yourself in some way",
]
PHQ9_DIFFICULTY = (
    "If you checked off any problems, how difficult have these problems made it for you to do "
    "your work, take care of things at home, or get along with other people?"
)
GAD7_STEM = "Over the last 2 weeks, how often have you been bothered by the following problems?"
GAD7_ITEMS = [
    "Feeling nervous, anxious, or on edge",
    "Not being able to stop or control worrying",
    "Worrying too much about different things",
    "Trouble relaxing",
    "Being so restless that it is hard to sit still",
    "Becoming easily annoyed or irritable",
    "Feeling afraid, as if something awful might happen",
]
PHQ_ATTRIBUTION = (
    "PHQ-9 and GAD-7: Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke "
    "and colleagues, with an educational grant from Pfizer Inc. No permission required to "
    "reproduce, translate, display or distribute."
)


class FixedChoices:
    """For choice fields whose choices are fixed in code and never changed on one form.

    Each form copies its fields, and Django's copy of a choice field copies every choice
    and checks them all again: profiled, that was a third of the time to check a posted
    step. These copies share the choice lists instead; all else is copied as Django does."""

    def __deepcopy__(self, memo):
        result = copy.copy(self)
        memo[id(self)] = result
        result.widget = copy.copy(self.widget)
        result.widget.attrs = self.widget.attrs.copy()
        result.error_messages = self.error_messages.copy()
        result.validators = self.validators[:]
        return result


class RadioField(FixedChoices, forms.TypedChoiceField):
    pass


class CheckboxesField(FixedChoices, forms.MultipleChoiceField):
    pass


def radio(choices, label, *, required=True, coerce=str, help_text=""):
    return RadioField(
        choices=choices,
        coerce=coerce,
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.RadioSelect,
        error_messages={"required": REQUIRED, "invalid_choice": INVALID_CHOICE},
    )


def checkboxes(choices, label, *, help_text=""):
    return CheckboxesField(
        choices=choices,
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": INVALID_CHOICE, "invalid_list": INVALID_CHOICE},
    )


class StepForm(forms.Form):
    """Turns saved answers into initial values and cleaned data back into answers."""

    @classmethod
    def initial_from(cls, answers: dict) -> dict:
        initial = {}
        for name in cls.base_fields:
            value = answers
            for part in name.split("."):
                value = value.get(part) if isinstance(value, dict) else None
            if value is not None:
                initial[name] = _to_form_value(value)
        return initial

    def to_answers(self) -> tuple[dict, list[str]]:
        """The answers to save, and the codes the person left blank (to remove)."""
        answers, cleared = {}, []
        for name, value in self.cleaned_data.items():
            if value is None or value == "":
                cleared.append(name)
            else:
                answers[name] = value
        return answers, cleared


def _to_form_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


class PlaceForm(StepForm):
    region = radio(
        codes.REGIONS, _("Where do you live?"), help_text=_("This helps us show the right phone lines and services.")
    )
    age_band = radio(codes.AGE_BANDS, _("How old are you?"))


class SafetyForm(StepForm):
    in_danger_now = radio(
        [("true", _("Yes")), ("false", _("No"))],
        _("Are you in danger now, or thinking of acting on thoughts of harming yourself or someone else?"),
        coerce=lambda value: value == "true",
    )


def _frequency(label):
    return radio(codes.FREQUENCY, label, coerce=int)


class Phq9Form(StepForm):
    phq9_1 = _frequency(PHQ9_ITEMS[0])
    phq9_2 = _frequency(PHQ9_ITEMS[1])
    phq9_3 = _frequency(PHQ9_ITEMS[2])
    phq9_4 = _frequency(PHQ9_ITEMS[3])
    phq9_5 = _frequency(PHQ9_ITEMS[4])
    phq9_6 = _frequency(PHQ9_ITEMS[5])
    phq9_7 = _frequency(PHQ9_ITEMS[6])
    phq9_8 = _frequency(PHQ9_ITEMS[7])
    phq9_9 = _frequency(PHQ9_ITEMS[8])
    phq9_difficulty = radio(codes.DIFFICULTY, PHQ9_DIFFICULTY, coerce=int, required=False)


class Gad7Form(StepForm):
    gad7_1 = _frequency(GAD7_ITEMS[0])
    gad7_2 = _frequency(GAD7_ITEMS[1])
    gad7_3 = _frequency(GAD7_ITEMS[2])
    gad7_4 = _frequency(GAD7_ITEMS[3])
    gad7_5 = _frequency(GAD7_ITEMS[4])
    gad7_6 = _frequency(GAD7_ITEMS[5])
    gad7_7 = _frequency(GAD7_ITEMS[6])


class ConcernsForm(StepForm):
    concerns = checkboxes(codes.CONCERNS, _("What would you like help with?"), help_text=_("Choose all that apply."))


class GoalsForm(StepForm):
    goals = checkboxes(
        codes.GOALS, _("What would you like to get from treatment?"), help_text=_("Choose all that apply.")
    )


class TimeForm(StepForm):
    relief_timing = radio(codes.RELIEF_TIMING, _("How soon do you hope to feel better?"), required=False)
    commitment = radio(codes.COMMITMENT, _("For how long could you go to regular sessions?"), required=False)


class CostForm(StepForm):
    session_fee = forms.DecimalField(
        label=_("About how much could you pay yourself for each session?"),
        help_text=_("Leave this empty if you don't know. Use numbers only."),
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(100000),
        max_digits=9,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "size": 8}),
        error_messages={
            "invalid": _("Please write a number, such as 50. Leave it empty if you don't know."),
            "min_value": _("Please write a number that is 0 or more."),
            "max_value": _("Please write a number of 100,000 or less."),
            "max_digits": _("Please write a shorter number."),
            "max_decimal_places": _("Please use at most 2 digits after the point."),
            "max_whole_digits": _("Please write a shorter number."),
        },
    )
    coverage = radio(codes.COVERAGE, _("How would your care be paid for?"), required=False)

    def clean_session_fee(self):
        fee = self.cleaned_data["session_fee"]
        if fee is None:
            return None
        return int(fee) if fee == fee.to_integral_value() else float(fee)


class MedicationForm(StepForm):
    medication_view = radio(
        codes.MEDICATION_VIEWS, _("How do you feel about taking medicine for your mood?"), required=False
    )
    pregnant_or_breastfeeding = radio(
        codes.PREGNANCY, _("Are you pregnant, planning a pregnancy, or breastfeeding?"), required=False
    )


class HistoryForm(StepForm):
    past_treatments = checkboxes(
        codes.PAST_TREATMENTS, _("Have you tried any of these before?"), help_text=_("Choose all that apply.")
    )
    style = radio(codes.STYLES, _("What kind of sessions would suit you best?"), required=False)

    def clean_past_treatments(self):
        chosen = self.cleaned_data["past_treatments"]
        if "none" in chosen and len(chosen) > 1:
            raise forms.ValidationError(_("You chose “None of these” and a treatment. Please choose one or the other."))
        return chosen


class ValuesForm(StepForm):
    """One 0-4 scale for each `importance` code; the field names are dotted paths."""


for _code, _label in codes.IMPORTANCE_ITEMS:
    ValuesForm.base_fields[f"importance.{_code}"] = radio(codes.IMPORTANCE_SCALE, _label, coerce=int, required=False)
