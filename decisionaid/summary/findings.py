"""Study results in an option's rows, for the person's own concerns only. A row's own text is
general; a figure or a study's result (how many had low mood come back within a year) is a
`FactFinding` of the concerns its study was about, and is read only by people who chose one
of them. Someone whose concerns have no finding in a row that has some reads that we have no
figure for them, never another concern's."""

from django.utils.translation import gettext as _

from .answers import chosen_concerns, unique

# Rows whose findings are study figures, where a person with none for their concerns is told
# so; elsewhere (what it is, the course) the row's general words say enough.
FIGURE_ROWS = {"time_to_change", "lasting", "risks"}


def findings(option: dict, answers: dict, content: dict) -> dict[str, dict]:
    """{row: {"text", "sources"}}: what the row adds for this person. A row with findings for
    other concerns only says that there is no figure for theirs."""
    chosen = set(chosen_concerns(answers))
    added = {}
    for row, items in content["findings"].get(option["id"], {}).items():
        own = [item for item in items if chosen & set(item["concerns"])]
        if own:
            sources = [key for item in own for key in item["sources"]]
            added[row] = {"text": " ".join(unique(item["text"] for item in own)), "sources": unique(sources)}
        elif row in FIGURE_ROWS:
            added[row] = {"text": _("We have no study figures on this for the problems you chose."), "sources": []}
    return added


def add_findings(rows: list[dict], added: dict[str, dict], noted: set) -> None:
    """Add each row's findings to its full text and sources; its short form stays general,
    citing only the row's own sources (`brief_sources`). A row that already has the person's
    own medicine's figures (`noted`) is not told there are none."""
    for row in rows:
        finding = added.get(row["row"])
        if not finding or (not finding["sources"] and row["row"] in noted):
            continue
        row.setdefault("brief_sources", list(row["sources"]))
        row["text"] = f"{row['text']} {finding['text']}"
        row["sources"] = unique(row["sources"] + finding["sources"])
