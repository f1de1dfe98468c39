"""What each concern the person chose is: what it is, how common it is and what often
happens without treatment, in two or three plain sentences with their sources (IPDAS: the
condition is described). From `Concern.description` in the content; a concern without a
description is left out rather than described from nowhere. (NG222 1.5.3, for a PHQ-9 under
16, is the summary's `less_severe_depression` notice, so it is not repeated here.)"""

from decisionaid import codes
from decisionaid.content import snapshot

from .answers import chosen_concerns, label, unique
from .evidence import approximate_note, with_about


def conditions(answers: dict, content: dict) -> list[dict]:
    """One entry per chosen concern (depression when none, as the evidence is):
    {concern, label, text, sources, approximate, approximate_note}."""
    every_source = snapshot.current().sources
    entries = []
    for code in chosen_concerns(answers):
        concern = content["concerns"].get(code)
        if concern is None or not concern["description"]:
            continue
        text = concern["description"]
        sources = unique(concern["description_sources"])
        known = [every_source[key] for key in sources if key in every_source]
        approximate = any(source["approximate"] for source in known)
        entries.append(
            {
                "concern": code,
                "label": label(codes.CONCERNS, code),
                "text": with_about(text) if approximate else text,
                "sources": sources,
                "approximate": approximate,
                "approximate_note": approximate_note(concern["description"]) if approximate else "",
            }
        )
    return entries
