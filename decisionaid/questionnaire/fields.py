"""A fee field that reads an amount as people type it: "£60", "$60", "€60", "1,000", "60.5"."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

MAXIMUM_FEE = Decimal(100000)
# A currency sign or code before or after the amount, as people write it: "£60", "NZ$ 60", "60€".
CURRENCY = re.compile(r"^(?:[A-Za-z]{0,3}[$£€¥]|[A-Za-z]{3}\s)\s*|\s*(?:[$£€¥]|\s[A-Za-z]{3})$")
# Digits with commas between thousands ("1,000"), or plain digits, with an optional fraction.
AMOUNT = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+")


class FeeField(forms.Field):
    """An amount of money between 0 and 100,000 with at most 2 digits after the point, as a
    Decimal, or None when left empty. Each wrong value gets exactly one message."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "size": 8})
    default_error_messages = {
        "invalid": _("Please write an amount, such as 50. Leave it empty if you don't know."),
        "range": _("Please write an amount from 0 to 100,000."),
        "decimal_places": _("Please use at most 2 digits after the point."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value) -> Decimal | None:
        text = str(value).strip() if value is not None else ""
        if text in self.empty_values:
            return None
        text = CURRENCY.sub("", text).strip()
        if text in self.empty_values:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        negative = text.startswith("-")
        if negative:
            text = CURRENCY.sub("", text[1:].strip()).strip()
        if AMOUNT.fullmatch(text):
            amount = Decimal(text.replace(",", "").rstrip(".") or "0")
        else:
            # Written another way a number can be ("1e12"): too big or small to be a fee.
            try:
                amount = Decimal(text)
            except InvalidOperation:
                amount = None
            if amount is None or not amount.is_finite():
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if (negative and amount != 0) or amount < 0 or amount > MAXIMUM_FEE:
            raise forms.ValidationError(self.error_messages["range"], code="range")
        if amount != amount.quantize(Decimal("0.01")):
            raise forms.ValidationError(self.error_messages["decimal_places"], code="decimal_places")
        return amount
