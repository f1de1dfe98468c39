"""The follow-up's own questions: which treatment was started and how long ago, and how many
weeks away the calendar reminder should be. The PHQ-9 and GAD-7 are the questionnaire's forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from decisionaid.codes import OPTION_SLUGS
from decisionaid.questionnaire.forms import StepForm, radio

from . import calendar
from .models import Visit

STARTED_CHOICES = [
    *OPTION_SLUGS,
    (Visit.Started.OTHER, _("Something else")),
    (Visit.Started.NONE, _("None yet")),
]
SINCE_CHOICES = [
    (Visit.Since.UNDER_2, _("Less than 2 weeks ago")),
    (Visit.Since.WEEKS_2_4, _("2 to 4 weeks ago")),
    (Visit.Since.WEEKS_4_6, _("4 to 6 weeks ago")),
    (Visit.Since.WEEKS_6_8, _("6 to 8 weeks ago")),
    (Visit.Since.OVER_8, _("More than 8 weeks ago")),
]
WEEK_CHOICES = [(weeks, _("In %(weeks)s weeks") % {"weeks": weeks}) for weeks in calendar.WEEKS]


class StartedForm(StepForm):
    started = radio(STARTED_CHOICES, _("Which of the options have you started, if any?"))
    started_since = radio(
        SINCE_CHOICES,
        _("How long ago did you start it?"),
        required=False,
        help_text=_("Leave this out if you have not started any."),
    )

    def clean(self):
        cleaned = super().clean()
        started, since = cleaned.get("started"), cleaned.get("started_since")
        if started and started != Visit.Started.NONE and not since:
            self.add_error("started_since", _("Please say about how long ago you started."))
        if started == Visit.Started.NONE:
            cleaned["started_since"] = ""
        return cleaned


class ReminderForm(forms.Form):
    # The token just shown, sent back to make the file: it is never stored anywhere.
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    weeks = forms.TypedChoiceField(
        label=_("When should we remind you?"),
        choices=WEEK_CHOICES,
        coerce=int,
        initial=calendar.DEFAULT_WEEKS,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose when to be reminded."),
            "invalid_choice": _("Please choose one of the times shown."),
        },
    )
