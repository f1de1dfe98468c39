"""Care often offered first for a chosen concern that is none of the five options: family
therapy for a young person's eating problems, EMDR and trauma-focused CBT for PTSD, exposure
and response prevention for OCD, supervised withdrawal and alcohol services for drinking,
CBT-I for sleep... (FACTS 14.K). From `OtherCare` in the content: one entry per chosen
concern that has one: the first general row that holds for the person, then the rows of
their region (Australia's Eating Disorder Plan, say)."""

from decisionaid import codes

from .answers import chosen_concerns, label, unique
from .scopes import holds


def other_care(answers: dict, content: dict) -> list[dict]:
    """The contract's `other_care`: [{concern, label, text, sources}]."""
    entries = []
    for concern in chosen_concerns(answers):
        holding = [row for row in content["other_care"].get(concern, []) if holds(row, answers)]
        # The first general row that holds (they go from the most to the least specific),
        # then every row of the person's region.
        general = [row for row in holding if not row["region"]][:1]
        rows = general + [row for row in holding if row["region"]]
        if not rows:
            continue
        entries.append(
            {
                "concern": concern,
                "label": label(codes.CONCERNS, concern),
                "text": " ".join(row["text"] for row in rows),
                "sources": unique(key for row in rows for key in row["sources"]),
            }
        )
    return entries
