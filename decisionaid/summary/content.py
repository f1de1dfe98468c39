"""The content one person's summary needs, from the in-memory content snapshot (no queries
while it is fresh)."""

from collections import defaultdict

from django.utils.translation import gettext as _

from decisionaid import codes
from decisionaid.content import snapshot

from .answers import chosen_concerns, label
from .scopes import scoped_evidence

FALLBACK_REGION = "OTHER"


def load(answers: dict) -> dict:
    content = snapshot.current()
    region_codes = {answers.get("region") or FALLBACK_REGION, FALLBACK_REGION}
    chosen = set(chosen_concerns(answers))
    resources = defaultdict(lambda: defaultdict(list))
    for code in region_codes:
        for kind, items in content.resources.get(code, {}).items():
            resources[code][kind] = items
    return {
        "version": content.version,
        "regions": {code: row for code, row in content.regions.items() if code in region_codes},
        "resources": resources,
        "concerns": content.concerns,
        "options": content.options,
        "facts": defaultdict(dict, content.facts),
        "findings": content.findings,
        "evidence": defaultdict(
            dict,
            scoped_evidence(
                {
                    option: {concern: item for concern, item in items.items() if concern in chosen}
                    for option, items in content.evidence.items()
                },
                content.scopes,
                content.options,
                answers,
            ),
        ),
        "rules": defaultdict(dict, content.rules),
        "cost_items": content.cost_items,
        "access": content.access,
        "figures": content.figures,
        "glossary": content.glossary,
        "sure_items": content.sure_items,
        "sources": content.sources,
        "other_care": content.other_care,
        "populations": content.populations,
        "nations": content.nations,
    }


def person_region(answers: dict, content: dict) -> dict:
    """The person's region row, OTHER's when theirs is missing, or a bare stand-in."""
    region = content["regions"].get(answers.get("region") or FALLBACK_REGION)
    region = region or content["regions"].get(FALLBACK_REGION)
    if region is None:
        region = {
            "code": FALLBACK_REGION,
            "name": label(codes.REGIONS, FALLBACK_REGION),
            "currency": "",
            "emergency_number": _("your local emergency number"),
            "payment": "",
            "payment_sources": [],
            "reviewed_on": None,
        }
    return region


def content_dates(version) -> dict:
    if version is None:
        return {"version": "unknown", "reviewed_on": None, "next_review_on": None}
    return {
        "version": version.version,
        "reviewed_on": version.reviewed_on.isoformat(),
        "next_review_on": version.next_review_on.isoformat(),
    }
