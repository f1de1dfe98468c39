"""The evidence entries of one option: one for each concern the person chose, from the
evidence grid (decisionaid.content.models.Evidence).

Each entry has the cell's level, its plain summary, its sources and, where the main guideline
for the concern speaks to this option, that guideline's stance. A cell that rests on a figure
still to be checked (its `approximate` flag, or only approximate sources) says its figures
with "about"; no note meant for reviewers reaches a patient. A cell nobody has reviewed is left out, never shown as "not enough research": the
contract gives it no level, and the page says it has not been reviewed.
"""

import re

from decisionaid import codes
from decisionaid.content import snapshot
from decisionaid.content.models import Evidence

from .answers import chosen_concerns, label, unique


def evidence_entries(option: dict, answers: dict, content: dict) -> list[dict]:
    every_source = snapshot.current().sources
    entries = []
    for concern in chosen_concerns(answers):
        item = content["evidence"][option["id"]].get(concern)
        if item is None:
            continue
        sources = unique(item["sources"])
        approximate = is_approximate(item, sources, every_source)
        entry = {
            "concern": concern,
            "concern_label": label(codes.CONCERNS, concern),
            "level": item["level"],
            "level_label": label(codes.EVIDENCE_LEVELS, item["level"]),
            "summary": with_about(item["summary"]) if approximate else item["summary"],
            "sources": sources,
            "approximate": approximate,
            "approximate_note": approximate_note(item["summary"]) if approximate else "",
        }
        if item.get("medicine"):
            entry["medicine"] = item["medicine"]
        guideline = guideline_entry(item)
        if guideline:
            entry["guideline"] = guideline
        entries.append(entry)
    return entries


def is_approximate(item: dict, sources: list[str], every_source: dict) -> bool:
    """Marked approximate in the grid, or resting only on sources whose figures are to be checked."""
    if item.get("approximate"):
        return True
    known = [every_source[key] for key in sources if key in every_source]
    return bool(known) and all(source["approximate"] for source in known)


def approximate_note(summary: str) -> str:
    """Kept for the pages that show a note: a note meant for reviewers ("still needs checking
    against the original study") never reaches a patient; an approximate figure says "about"
    in its own sentence instead (`with_about`)."""
    return ""


# "58 in 100": a natural frequency, the figures a person compares.
FREQUENCY = re.compile(r"(?<![Aa]bout )(?<![\d,.])\b(\d[\d,.]*) in (\d[\d,]*)\b")


def with_about(text: str) -> str:
    """An approximate figure said as one: "about 58 in 100"."""
    return FREQUENCY.sub(lambda match: f"about {match.group(1)} in {match.group(2)}", text)


def guideline_entry(item: dict) -> dict | None:
    """The contract's `guideline` object, or None where no guideline speaks to this cell."""
    position = item.get("guideline_position")
    if not position:
        return None
    entry = {
        "body": item["guideline_body"],
        "code": item["guideline_code"],
        "position": position,
        "position_label": label(Evidence.Position.choices, position),
    }
    # Every first-line mark says for whom (issue 23.6), in the label pages show too.
    scope = item.get("guideline_for", "")
    if scope:
        entry["for"] = scope
        entry["position_label"] = f"{entry['position_label']}, {scope}"
    return entry
