"""Who the person is, as content rows that hold for some people only ask it (age, eating
pattern, pregnancy, region), and the evidence grid as it reads for them.

An `EvidenceScope` row replaces its cell's level, summary and guideline stance for the
people it holds for (NICE NG69 by eating pattern and age; NICE CG192 in pregnancy and
after birth). For someone pregnant, after birth or planning, a medicine's first-line mark
that no such row speaks to is shown as one of the options: CG192 puts psychological therapy
first for them, and says medicine is weighed with a prescriber."""

from decisionaid.content.scopes import PersonScope

PERINATAL = {"pregnant", "breastfeeding", "planning", "yes"}
MEDICINE_OPTIONS = {"medication", "combined"}
# What a scope row replaces in its cell.
SCOPED_FIELDS = (
    "level",
    "summary",
    "guideline_body",
    "guideline_code",
    "guideline_position",
    "guideline_for",
    "guideline_severity",
    "approximate",
    "course",
    "sources",
    "reviewed_on",
)


def is_perinatal(answers: dict) -> bool:
    return answers.get("pregnant_or_breastfeeding") in PERINATAL


def holds(row: dict, answers: dict) -> bool:
    """Whether every condition a PersonScope row sets holds for this person. A condition the
    person did not answer does not hold: a row for young people is not read for someone whose
    age is unknown."""
    age = answers.get("age_band")
    if row["age"] == PersonScope.Age.YOUNG and age != "under_18":
        return False
    if row["age"] == PersonScope.Age.ADULT and age in (None, "under_18"):
        return False
    if row["eating_pattern"] and answers.get("eating_pattern") != row["eating_pattern"]:
        return False
    if row["perinatal"] and not is_perinatal(answers):
        return False
    return not (row["region"] and answers.get("region") != row["region"])


def scoped_evidence(evidence: dict, scopes: dict, options: list[dict], answers: dict) -> dict:
    """{option id: {concern: cell}} with each cell as it reads for this person."""
    slugs = {option["id"]: option["slug"] for option in options}
    result = {}
    for option_id, cells in evidence.items():
        result[option_id] = {}
        for concern, cell in cells.items():
            rows = scopes.get(option_id, {}).get(concern, [])
            row = next((row for row in rows if holds(row, answers)), None)
            if row is not None:
                cell = {**cell, **{name: row[name] for name in SCOPED_FIELDS}, "scope_id": row["id"]}
            elif (
                is_perinatal(answers)
                and slugs.get(option_id) in MEDICINE_OPTIONS
                and cell.get("guideline_position") == "first_line"
            ):
                cell = {**cell, "guideline_position": "option", "perinatal_unscoped": True}
            result[option_id][concern] = cell
    return result
