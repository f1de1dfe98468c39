"""The medicine each concern uses. The medicine and both-together options are about a
different medicine for some concerns (an antipsychotic for psychosis, sleeping pills for
sleep, naltrexone or acamprosate for alcohol), so each of their evidence cells names its
medicine (`Evidence.medicine`), and that medicine's own side effects and demands are added to
the option's rows when the person chose the concern. Never one kind's level or risks lent to
another."""

from .answers import chosen_concerns, unique

MEDICINE_OPTIONS = ("medication", "combined")
# Which of the option's rows each cell field adds to.
NOTE_ROWS = {"risks": "medicine_risks", "asks": "medicine_asks"}


def medicine_notes(option: dict, answers: dict, content: dict) -> dict[str, dict]:
    """{row: {"text", "sources"}}: the chosen concerns' own medicine risks and demands for one
    option, from the medicine option's cells (both-together uses the same medicine)."""
    if option["slug"] not in MEDICINE_OPTIONS:
        return {}
    medicine_option = next((row for row in content["options"] if row["slug"] == "medication"), option)
    cells = content["evidence"][medicine_option["id"]]
    notes = {}
    for row, field in NOTE_ROWS.items():
        texts, sources = [], []
        for concern in chosen_concerns(answers):
            cell = cells.get(concern)
            if cell and cell.get(field):
                texts.append(cell[field])
                sources += cell["sources"]
        if texts:
            notes[row] = {"text": " ".join(unique(texts)), "sources": unique(sources)}
    return notes


def add_medicine_notes(rows: list[dict], notes: dict[str, dict]) -> None:
    """Add each note to its row's full text and sources; the row's short form stays as it is,
    citing only its own sources (`brief_sources`)."""
    for row in rows:
        note = notes.get(row["row"])
        if note:
            row.setdefault("brief_sources", list(row["sources"]))
            row["text"] = f"{row['text']} {note['text']}"
            row["sources"] = unique(row["sources"] + note["sources"])
