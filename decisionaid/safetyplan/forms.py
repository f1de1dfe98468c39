"""The safety plan's forms: every part at once, or one part a step. Nothing is required."""

from django import forms
from django.utils.translation import gettext as _

from .models import SafetyPlan
from .parts import PARTS, hint

ROWS = 3


def _help(part, region_code) -> str:
    return _("%(hint)s For example: “%(example)s”") % {"hint": hint(part, region_code), "example": part.example}


class PlanForm(forms.ModelForm):
    """The six parts (or those named in `parts`), each a box the person may leave empty."""

    use_required_attribute = False

    class Meta:
        model = SafetyPlan
        fields = [part.code for part in PARTS]

    def __init__(self, *args, region_code: str | None = None, parts=PARTS, **kwargs):
        super().__init__(*args, **kwargs)
        wanted = {part.code for part in parts}
        for name in list(self.fields):
            if name not in wanted:
                del self.fields[name]
        for part in parts:
            field = self.fields[part.code]
            field.label = part.title
            field.help_text = _help(part, region_code)
            field.widget = forms.Textarea(attrs={"rows": ROWS})
            field.error_messages["max_length"] = _("Please keep this part shorter, under %(limit_value)d letters.")


class InSummaryForm(forms.ModelForm):
    class Meta:
        model = SafetyPlan
        fields = ["in_summary"]
        labels = {"in_summary": ""}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["in_summary"].label = _("Add my safety plan to the summary I bring to a doctor or therapist")
