"""The two risk answers, each in plain words, kept apart so no page can blur them.

"In danger now" (yes or no) and PHQ-9 item 9 (how often, in the instrument's own words) are
different answers: a clinician must see which was given. Every view that shows a person's risk
(results, print view, PDF, share link, the clinician's brief, FHIR) reads this one dict."""

from datetime import date

from django.utils.translation import gettext as _

from decisionaid.instruments import FREQUENCY, PHQ9, RISK_ITEM


def signals_risk(answers: dict) -> bool:
    """Danger now, or any PHQ-9 item 9 answer above 'Not at all': what routes to crisis."""
    return answers.get("in_danger_now") is True or (answers.get(RISK_ITEM) or 0) > 0


def risk(answers: dict, answered_on: date | None = None) -> dict:
    """{flagged, in_danger_now, item9, answered_on}: `flagged` is what routes to crisis."""
    danger = answers.get("in_danger_now")
    item9 = answers.get(RISK_ITEM)
    return {
        "flagged": signals_risk(answers),
        "in_danger_now": {
            "value": danger,
            # The question's own scope, so "someone else" is never dropped from what was asked.
            "question": _("In danger now, or thinking of acting on thoughts of harming themselves or someone else"),
            "label": _("Yes") if danger is True else _("No") if danger is False else _("Not answered"),
        },
        "item9": {
            "value": item9,
            "question": next(item.text for item in PHQ9.items if item.code == RISK_ITEM),
            "label": dict(FREQUENCY)[item9] if item9 is not None else _("Not answered"),
        },
        "answered_on": answered_on.isoformat() if answered_on else None,
    }
