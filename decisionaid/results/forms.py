"""The SURE test as a form: four yes/no questions. A forged or missing value is an ordinary
validation error, shown kindly next to the question."""

from django import forms
from django.utils.translation import gettext_lazy as _

from decisionaid.summary import SURE_CODES, sure_items

ANSWERS = [("yes", _("Yes")), ("no", _("No"))]


class SureForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for item in sure_items():
            self.fields[item["code"]] = forms.ChoiceField(
                choices=ANSWERS,
                label=item["question"],
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Please choose yes or no."),
                    "invalid_choice": _("Please choose yes or no."),
                },
            )

    def answers(self) -> dict:
        return {code: self.cleaned_data[code] for code in SURE_CODES}
