"""The person's choices on their results page: make a share link (for how long), send their
summary to the clinician who invited them (only with a ticked box), and say what they lean
toward and what they want to ask (all optional)."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from decisionaid import codes

from . import links
from .models import Leaning

EXPIRY_CHOICES = [
    (1, _("1 day")),
    (7, _("7 days")),
    (30, _("30 days")),
    (90, _("90 days")),
]
assert [days for days, _label in EXPIRY_CHOICES] == list(links.EXPIRY_DAYS)


class ShareLinkForm(forms.Form):
    days = forms.TypedChoiceField(
        label=_("How long should the link work?"),
        choices=EXPIRY_CHOICES,
        coerce=int,
        initial=links.DEFAULT_EXPIRY_DAYS,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose how long the link should work."),
            "invalid_choice": _("Please choose one of the times shown."),
        },
    )


class SendForm(forms.Form):
    # Off by default: nothing is sent unless the person ticks this box themselves.
    consent = forms.BooleanField(
        required=True,
        initial=False,
        error_messages={"required": _("Tick the box if you want to send your summary. Nothing was sent.")},
    )

    def __init__(self, *args, practice_name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = _("Yes, send my summary to %(practice)s.") % {"practice": practice_name}


# The results page has other forms: the prefix keeps this one's ids apart.
LEANING_PREFIX = "leaning"
# Set in the session once a person saves a leaning, so no one else's results page queries for one.
LEANING_KEY = "leaning"
UNSURE_MAX = 500
QUESTIONS_MAX = 1000


class LeaningForm(forms.ModelForm):
    """What the person leans toward, what they are unsure about, their questions: all optional.
    Text over the limit is refused with the limit named, and what they typed stays in the box."""

    option = forms.ChoiceField(
        label=_("Which option do you lean toward now?"),
        choices=[("", _("I don't know yet")), *codes.OPTION_SLUGS],
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Please choose one of the answers shown.")},
    )

    class Meta:
        model = Leaning
        fields = ["option", "unsure", "questions"]
        labels = {
            "unsure": _("What are you unsure about?"),
            "questions": _("What do you want to ask your doctor or therapist?"),
        }
        widgets = {"unsure": forms.Textarea(attrs={"rows": 3}), "questions": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, limit in (("unsure", UNSURE_MAX), ("questions", QUESTIONS_MAX)):
            field = self.fields[name]
            field.required = False
            field.help_text = _("Up to %(limit)s letters.") % {"limit": limit}
            field.validators.append(MaxLengthValidator(limit))
            field.error_messages["max_length"] = _(
                "Please keep it to %(limit_value)d letters or fewer. You wrote %(show_value)d."
            )

    def clean(self):
        cleaned = super().clean()
        for name in ("unsure", "questions"):
            if name in cleaned:
                cleaned[name] = cleaned[name].strip()
        return cleaned
