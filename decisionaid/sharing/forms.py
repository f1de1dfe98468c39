"""The person's two choices on their results page: make a share link (for how long), and
send their summary to the clinician who invited them (only with a ticked box)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import links

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
