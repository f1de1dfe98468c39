"""Which crisis and youth lines a person sees, in what order, and which of them are buttons.

One place decides this for the crisis page, the banner, help-now, the results and the summary:
- under 18, the lines for young people come first, and a line for adults only (a veterans' or
  a men's line) is never shown;
- in the UK, a line that only one nation has is shown to people there, or, when the nation is
  not known, to everyone, named with its nation (so they see what differs);
- the region's main crisis line (its first crisis line with a number) and its emergency number
  become buttons a thumb can hit: "Call 988", "Text 988", "Call 911".
"""

from decisionaid.content.snapshot import Row

UNDER_18 = "under_18"
KINDS = ("crisis", "youth")


def is_young(answers: dict | None) -> bool:
    return (answers or {}).get("age_band") == UNDER_18


def for_person(resources, answers: dict | None, *, kinds=KINDS) -> list:
    """The region's lines of `kinds` that suit this person, young people's lines first for
    someone under 18. The main line (see `main_line`) is marked `main`."""
    answers = answers or {}
    young = is_young(answers)
    nation = answers.get("uk_nation") if answers.get("region") == "UK" else None

    def suits(resource) -> bool:
        if resource.get("kind") not in kinds:
            return False
        if young and resource.get("audience") == "adults":
            return False
        return not (nation and resource.get("nation") and resource["nation"] != nation)

    lines = [resource for resource in resources or () if suits(resource)]
    first = "youth" if young else "crisis"
    lines.sort(key=lambda resource: resource.get("kind") != first)
    main = main_line(lines)
    # Copies: the content's rows are shared by every request and must not change.
    return [Row({**line, "main": True}) if line is main else line for line in lines]


def main_line(lines) -> dict | None:
    """The line whose number becomes a button: one marked `main` (chosen already, as in a
    summary), else the first crisis line with a number to call or text."""
    for line in lines:
        if line.get("main"):
            return line
    for line in lines:
        if line.get("kind", "crisis") == "crisis" and (line.get("phone") or line.get("text_number")):
            return line
    return None


def crisis_resources(resources_by_kind: dict, answers: dict) -> list:
    """The summary's crisis lines for this person: the region's crisis lines, with the youth
    lines first for someone under 18 (a summary is always about one person)."""
    kinds = KINDS if is_young(answers) else ("crisis",)
    every = [line for kind in kinds for line in resources_by_kind.get(kind, [])]
    return for_person(every, answers, kinds=kinds)
