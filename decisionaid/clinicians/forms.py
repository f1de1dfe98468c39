"""The clinician's invitation form. Every field is checked here, so a forged or huge value is
a kind error beside the field and nothing is saved."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from decisionaid import codes
from decisionaid.instruments import PHQ9
from decisionaid.questionnaire.fields import FeeField
from decisionaid.sharing.models import Invitation
from decisionaid.sharing.reference import parse_reference

MAX_DAYS_AHEAD = 366
INVALID_CHOICE = _("Please choose one of the answers shown.")
TEXT_LIMITS = ("label", "practice_name", "contact", "urgent_contact")
LIMIT_HELP = _("Up to %(limit)s characters.")
LIMIT_ERROR = _("Please use %(limit_value)d characters or fewer. This has %(show_value)d.")
OPTION_SLUGS = [slug for slug, _name in codes.OPTION_SLUGS]


class InvitationForm(forms.ModelForm):
    region = forms.ChoiceField(
        label=_("Fill in where patients live"),
        choices=[("", _("Do not fill this in")), *codes.REGIONS],
        required=False,
        help_text=_("Patients can still change it."),
        error_messages={"invalid_choice": INVALID_CHOICE},
    )
    not_offered = forms.MultipleChoiceField(
        label=_("Options you do not offer here"),
        choices=codes.OPTION_SLUGS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Patients still see every option, marked “not offered here”."),
        error_messages={"invalid_choice": INVALID_CHOICE, "invalid_list": INVALID_CHOICE},
    )
    # The same parser as the patient's fee box: "£60", "60", "1,000.50" all read as amounts.
    session_fee = FeeField(
        label=_("Your usual fee for each session"),
        help_text=_(
            "In the local currency. It stands for every option you offer unless you give one below. "
            "Leave empty to let patients fill in their own."
        ),
    )
    wait_weeks = forms.IntegerField(
        label=_("Usual wait before a first session, in weeks"),
        required=False,
        min_value=0,
        max_value=104,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 4}),
        error_messages={
            "invalid": _("Please write a whole number of weeks, such as 3."),
            "min_value": _("Please write a number that is 0 or more."),
            "max_value": _("Please write 104 weeks or less."),
        },
    )
    expires_on = forms.DateField(
        label=_("Last day the link works"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        help_text=_("Up to a year from today."),
        error_messages={"required": _("Please choose a date."), "invalid": _("Please write a date like 2026-12-31.")},
    )

    class Meta:
        model = Invitation
        fields = [
            "label",
            "practice_name",
            "contact",
            "region",
            "not_offered",
            "session_fee",
            "wait_weeks",
            "urgent_contact",
            "expires_on",
        ]
        help_texts = {
            "label": _("Patients see this too, for example “New patients, spring clinic”."),
            "urgent_contact": _(
                "Optional. Your patients see it beside the crisis lines for where they live, for example "
                "“Same-day line 020 7946 0001, weekdays 8 to 6”."
            ),
        }
        error_messages = {
            "label": {"required": _("Please give the link a name.")},
            "practice_name": {"required": _("Please write the practice name.")},
            "contact": {"required": _("Please write how patients can contact you.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No maxlength in the page: a browser would cut what is typed without a word. The limit
        # is said instead, and a longer text is refused with what was typed kept in the box.
        for name in TEXT_LIMITS:
            field = self.fields[name]
            field.widget.attrs.pop("maxlength", None)
            limit = self._meta.model._meta.get_field(name).max_length
            field.help_text = " ".join(filter(None, [str(field.help_text), str(LIMIT_HELP % {"limit": limit})]))
            field.error_messages["max_length"] = LIMIT_ERROR
        # A fee and a wait for each option, after the usual ones; unused for options not offered.
        names = dict(codes.OPTION_SLUGS)
        terms = (self.instance.option_terms if self.instance and self.instance.pk else {}) or {}
        for slug in OPTION_SLUGS:
            self.fields[f"fee_{slug}"] = FeeField(
                label=_("Fee for %(option)s") % {"option": names[slug]},
                initial=(terms.get(slug) or {}).get("fee"),
            )
            self.fields[f"wait_{slug}"] = forms.IntegerField(
                label=_("Wait for %(option)s, in weeks") % {"option": names[slug]},
                required=False,
                min_value=0,
                max_value=104,
                initial=(terms.get(slug) or {}).get("wait_weeks"),
                widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 4}),
                error_messages=self.fields["wait_weeks"].error_messages,
            )
        order = list(self.fields)
        per_option = [name for slug in OPTION_SLUGS for name in (f"fee_{slug}", f"wait_{slug}")]
        usual = order.index("wait_weeks") + 1
        self.order_fields(
            [*[n for n in order[:usual]], *per_option, *[n for n in order[usual:] if n not in per_option]]
        )

    def clean(self):
        cleaned = super().clean()
        offered = [slug for slug in OPTION_SLUGS if slug not in (cleaned.get("not_offered") or [])]
        terms = {}
        for slug in offered:
            fee, wait = cleaned.get(f"fee_{slug}"), cleaned.get(f"wait_{slug}")
            if fee is not None or wait is not None:
                terms[slug] = {"fee": str(fee) if fee is not None else None, "wait_weeks": wait}
        self.instance.option_terms = terms
        return cleaned

    def clean_expires_on(self):
        day = self.cleaned_data["expires_on"]
        today = timezone.localdate()
        if day < today:
            raise forms.ValidationError(_("Please choose today or a later day."))
        if day > today + timedelta(days=MAX_DAYS_AHEAD):
            raise forms.ValidationError(_("Please choose a day within a year from today."))
        return day

    def clean_not_offered(self):
        chosen = set(self.cleaned_data["not_offered"])
        return [slug for slug, _name in codes.OPTION_SLUGS if slug in chosen]


RISK_FILTERS = [
    ("", _("Any")),
    ("flagged", _("Any risk answer")),
    ("in_danger", _("In danger now: yes")),
    ("item9", _("PHQ-9 item 9 above “not at all”")),
    ("none", _("No risk answer")),
]
REVIEW_FILTERS = [("", _("Any")), ("no", _("Not yet reviewed")), ("yes", _("Reviewed"))]


class DashboardFilterForm(forms.Form):
    """The dashboard's filters, read from the query string. A value that is not one of the
    choices is ignored with a message, and the list shows unfiltered by it."""

    q = forms.CharField(label=_("Reference code"), required=False, max_length=20)
    risk = forms.ChoiceField(label=_("Risk"), choices=RISK_FILTERS, required=False)
    band = forms.ChoiceField(label=_("PHQ-9 band"), required=False)
    invitation = forms.ChoiceField(label=_("Invitation link"), required=False)
    reviewed = forms.ChoiceField(label=_("Reviewed"), choices=REVIEW_FILTERS, required=False)

    def __init__(self, *args, invitations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["band"].choices = [("", _("Any")), *((band.name, band.label) for band in reversed(PHQ9.bands))]
        self.fields["invitation"].choices = [("", _("Any")), *((str(i.public_id), i.label) for i in invitations)]
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = INVALID_CHOICE
        self.fields["q"].error_messages["max_length"] = _("A code has 6 letters and numbers, such as K7M-4QX.")

    def clean_q(self) -> str:
        text = self.cleaned_data["q"].strip()
        if text and parse_reference(text) is None:
            raise forms.ValidationError(_("A code has 6 letters and numbers, such as K7M-4QX."))
        return parse_reference(text) or ""

    def filter(self, rows):
        """`rows` narrowed by every valid filter."""
        self.is_valid()  # a field in error is left out of cleaned_data, so it filters nothing
        data = self.cleaned_data
        if data.get("q"):
            rows = rows.filter(reference=data["q"])
        risk = data.get("risk")
        if risk == "flagged":
            rows = rows.filter(crisis=True)
        elif risk == "in_danger":
            rows = rows.filter(in_danger_now=True)
        elif risk == "item9":
            rows = rows.filter(item9__gt=0)
        elif risk == "none":
            rows = rows.filter(crisis=False)
        if data.get("band"):
            rows = rows.filter(phq9_band=data["band"])
        if data.get("invitation"):
            rows = rows.filter(invitation__public_id=data["invitation"])
        if data.get("reviewed") == "no":
            rows = rows.filter(reviewed_at__isnull=True)
        elif data.get("reviewed") == "yes":
            rows = rows.filter(reviewed_at__isnull=False)
        return rows
