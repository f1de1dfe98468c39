"""The SURE test as a form: four yes/no questions. A forged or missing value is an ordinary
validation error, shown kindly next to the question."""

from django import forms
from django.utils.translation import gettext_lazy as _

from decisionaid.summary import SURE_CODES, SURE_ITEMS

ANSWERS = [("yes", _("Yes")), ("no", _("No"))]


class SureForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, _letter, _label, question in SURE_ITEMS:
            self.fields[code] = forms.ChoiceField(
                choices=ANSWERS,
                label=_(question),
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Please choose yes or no."),
                    "invalid_choice": _("Please choose yes or no."),
                },
            )

    def answers(self) -> dict:
        return {code: self.cleaned_data[code] for code in SURE_CODES}
