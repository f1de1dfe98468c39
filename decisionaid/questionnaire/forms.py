"""One form a step. Field names and values are the contract's codes, so a forged or
out-of-range value is an ordinary validation error, shown kindly and never saved."""

from decimal import Decimal

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from decisionaid import codes
from decisionaid.instruments import DIFFICULTY, FREQUENCY, GAD7, PHQ9, RISK_ITEM

from .fields import FeeField

REQUIRED = _("Please choose an answer.")
INVALID_CHOICE = _("Please choose one of the answers shown.")


def radio(choices, label, *, required=True, coerce=str, help_text="", scale=False):
    field = forms.TypedChoiceField(
        choices=choices,
        coerce=coerce,
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.RadioSelect,
        error_messages={"required": REQUIRED, "invalid_choice": INVALID_CHOICE},
    )
    # An answer scale: its few short answers sit in a row where there is room (field.html).
    field.scale = scale
    return field


def checkboxes(choices, label, *, help_text=""):
    return forms.MultipleChoiceField(
        choices=choices,
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": INVALID_CHOICE, "invalid_list": INVALID_CHOICE},
    )


class StepForm(forms.Form):
    """Turns saved answers into initial values and cleaned data back into answers."""

    # A step whose questions may all be left out at once ("Skip these questions").
    skippable = False
    # The validated questionnaire the step asks, if it is one (decisionaid/instruments.py).
    instrument = None
    # Required answers are explained after a post; the browser's own check would come first
    # and speak in other words.
    use_required_attribute = False

    def __init__(self, *args, region=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region

    @property
    def only_blank_notes(self) -> bool:
        """Whether every problem is a question left blank that has a kind note of its own."""
        return bool(self.errors) and all(
            getattr(self.fields.get(name), "blank_note", "") and self.data.get(name) in (None, "")
            for name in self.errors
        )

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
        """The answers to save, and the codes the person left blank (to remove). After a
        failed check, only the fields that passed are here: what was valid is saved."""
        answers, cleared = {}, []
        for name, value in self.cleaned_data.items():
            if value is None or value == "":
                cleared.append(name)
            elif isinstance(value, Decimal):
                answers[name] = int(value) if value == value.to_integral_value() else float(value)
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
    # Asked on the same page so it works without JavaScript; kept only for the UK.
    uk_nation = radio(
        codes.UK_NATIONS,
        _("If you live in the UK, which part?"),
        required=False,
        help_text=_("Only if you live in the UK. Services and prescription charges differ. You can skip this."),
    )
    age_band = radio(codes.AGE_BANDS, _("How old are you?"))

    def clean(self):
        cleaned = super().clean()
        # A nation means nothing outside the UK: not kept, rather than an error to fix.
        if cleaned.get("region") != "UK":
            cleaned["uk_nation"] = ""
        return cleaned


class SafetyForm(StepForm):
    in_danger_now = radio(
        [("true", _("Yes")), ("false", _("No"))],
        _("Are you in danger now, or thinking of acting on thoughts of harming yourself or someone else?"),
        coerce=lambda value: value == "true",
    )


class Phq9Form(StepForm):
    """The PHQ-9's nine items and its closing question about difficulty."""

    instrument = PHQ9


for _item in PHQ9.items:
    Phq9Form.base_fields[_item.code] = radio(FREQUENCY, _item.text, coerce=int, scale=True)
# Left blank, item 9 gets a kind note with help in it (partials/item9_blank.html), not a red
# error quoting the question back (issue 19, item 3).
Phq9Form.base_fields[RISK_ITEM].blank_note = "partials/item9_blank.html"
Phq9Form.base_fields[RISK_ITEM].error_messages["required"] = _(
    "Question 9 has no answer yet. Please read the note beside it."
)
Phq9Form.base_fields[PHQ9.difficulty.code] = radio(
    DIFFICULTY, PHQ9.difficulty.text, coerce=int, required=False, scale=True
)


class Gad7Form(StepForm):
    """The GAD-7's seven items: all of them, or none (the contract lets the GAD-7 be skipped)."""

    instrument = GAD7
    skippable = True


for _item in GAD7.items:
    Gad7Form.base_fields[_item.code] = radio(FREQUENCY, _item.text, coerce=int, scale=True)


class ConcernsForm(StepForm):
    concerns = checkboxes(codes.CONCERNS, _("What would you like help with?"), help_text=_("Choose all that apply."))
    # On this page, so it is asked without JavaScript; kept only when eating problems are
    # chosen. The first help differs by pattern (NICE NG69).
    eating_pattern = radio(
        codes.EATING_PATTERNS,
        _("If you chose eating problems: which is closest to what happens?"),
        required=False,
        help_text=_("Leave this if you did not choose eating problems."),
    )

    def clean(self):
        cleaned = super().clean()
        if "eating" not in (cleaned.get("concerns") or []):
            cleaned["eating_pattern"] = ""
        return cleaned


class GoalsForm(StepForm):
    goals = checkboxes(
        codes.GOALS, _("What would you like to get from treatment?"), help_text=_("Choose all that apply.")
    )


class TimeForm(StepForm):
    relief_timing = radio(codes.RELIEF_TIMING, _("How soon do you hope to feel better?"), required=False)
    commitment = radio(codes.COMMITMENT, _("For how long could you go to regular sessions?"), required=False)


class CostForm(StepForm):
    session_fee = FeeField(
        label=_("About how much could you pay yourself for each session?"),
        help_text=_("Leave this empty if you don't know."),
    )
    coverage = radio(codes.COVERAGE, _("How would your care be paid for?"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Shown after the fee box: the currency of the person's region.
        self.fields["session_fee"].unit = self.region.currency if self.region else ""


class MedicationForm(StepForm):
    medication_view = radio(
        codes.MEDICATION_VIEWS, _("How do you feel about taking medicine for your mood?"), required=False
    )
    # "yes" (one of the three, not said which) stays valid for saved answers, but is not offered.
    pregnant_or_breastfeeding = radio(
        [choice for choice in codes.PREGNANCY if choice[0] != "yes"],
        _("Are you pregnant, planning a pregnancy, or breastfeeding?"),
        required=False,
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

    def clean(self):
        cleaned = super().clean()
        tried = cleaned.get("past_treatments")
        if tried is None:
            return cleaned
        names = dict(codes.PAST_TREATMENTS)
        for treatment in OUTCOME_TREATMENTS:
            name = f"past_treatment_outcomes.{treatment}"
            if cleaned.get(name) and treatment not in tried:
                self.add_error(
                    name,
                    _("You said how %(treatment)s went. Please tick it above too, or choose “%(not_tried)s”.")
                    % {"treatment": names[treatment], "not_tried": NOT_TRIED},
                )
        return cleaned


# How each past treatment went (NICE NG222 weighs it), asked on the same page for each
# treatment there is; "not tried" is blank, so it records nothing.
OUTCOME_TREATMENTS = [code for code, _label in codes.PAST_TREATMENTS if code != "none"]
NOT_TRIED = _("I have not tried it")
for _code, _label in codes.PAST_TREATMENTS:
    if _code != "none":
        HistoryForm.base_fields[f"past_treatment_outcomes.{_code}"] = radio(
            [("", NOT_TRIED), *codes.PAST_TREATMENT_OUTCOMES],
            format_lazy("{}: {}", _label, _("if you tried it, did it help?")),
            required=False,
        )
# The outcomes follow the list of treatments they ask about; the style question comes last.
HistoryForm.base_fields["style"] = HistoryForm.base_fields.pop("style")


class ValuesForm(StepForm):
    """One 0-4 scale for each `importance` code; the field names are dotted paths."""


for _code, _label in codes.IMPORTANCE_ITEMS:
    ValuesForm.base_fields[f"importance.{_code}"] = radio(codes.IMPORTANCE_SCALE, _label, coerce=int, required=False)
