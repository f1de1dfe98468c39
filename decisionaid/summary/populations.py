"""Groups of people whose summary differs: young people, older people, pregnancy,
breastfeeding, planning a pregnancy, and milder symptoms. Who is in which group is worked out
here, from the answers; what each group reads is content (`PopulationText` rows): a notice,
an option's own row text, or a fit or consideration."""

from decisionaid.instruments import GAD7, PHQ9

from .answers import answer_label, unique
from .risk import signals_risk
from .scores import gad7_total, phq9_total

# The contract's notice code for each group's notice.
NOTICE_CODES = {
    "under_18": "youth",
    "65_plus": "older_adult",
    "pregnant": "pregnancy_medication",
    "planning": "pregnancy_medication",
    "pregnancy_unsaid": "pregnancy_medication",
    "breastfeeding": "breastfeeding",
    "mild": "mild_symptoms",
}
# Both scores under 10: below the "moderate" band of each (Kroenke 2001; Spitzer 2006).
MILD_BELOW = 10
PREGNANCY_GROUPS = {
    "pregnant": "pregnant",
    "breastfeeding": "breastfeeding",
    "planning": "planning",
    "yes": "pregnancy_unsaid",
}
# The options whose usual fits do not hold for a group (NICE NG134: a young person's medicine
# comes after a specialist's assessment, with a talking therapy, never as "only check-ups").
OWN_FITS = {("under_18", "medication")}
# Help in pregnancy and the year after birth; not for someone planning a pregnancy.
PERINATAL_ANSWERS = {"pregnant", "breastfeeding", "yes"}


def groups(answers: dict) -> list[str]:
    """The groups this person is in, in a fixed order."""
    result = []
    if answers.get("age_band") in ("under_18", "65_plus"):
        result.append(answers["age_band"])
    pregnancy = answers.get("pregnant_or_breastfeeding")
    if pregnancy in PREGNANCY_GROUPS:
        result.append(PREGNANCY_GROUPS[pregnancy])
    if pregnancy in PERINATAL_ANSWERS:
        result.append("perinatal")
    if is_mild(answers):
        result.append("mild")
    return result


def is_mild(answers: dict) -> bool:
    """PHQ-9 under 10, and GAD-7 under 10 or not answered, whatever concerns were chosen. Never
    for a person who signalled risk: thoughts of self-harm are not "milder symptoms", whatever
    the total (safety outranks the score)."""
    if not all(item.code in answers for item in PHQ9.items) or signals_risk(answers):
        return False
    gad7_given = all(item.code in answers for item in GAD7.items)
    return phq9_total(answers) < MILD_BELOW and (not gad7_given or gad7_total(answers) < MILD_BELOW)


def _rows(answers: dict, content: dict) -> list[dict]:
    return [row for group in groups(answers) for row in content["populations"].get(group, [])]


def group_notices(answers: dict, content: dict, region_code: str) -> list[dict]:
    """One notice per group, in the contract's codes, with the region's own help where it has
    some (perinatal help is added to the pregnancy or breastfeeding notice)."""
    notices: dict[str, dict] = {}
    extra = [
        row
        for row in content["populations"].get("perinatal", [])
        if row["part"] == "notice" and row["region"] == region_code and "perinatal" in groups(answers)
    ]
    for row in _rows(answers, content):
        if row["part"] != "notice" or row["population"] == "perinatal":
            continue
        code = NOTICE_CODES[row["population"]]
        notice = notices.setdefault(code, {"code": code, "title": row["title"], "text": "", "sources": []})
        notice["text"] = f"{notice['text']} {row['text']}".strip()
        notice["sources"] = unique(notice["sources"] + row["sources"])
    for code in ("pregnancy_medication", "breastfeeding"):
        if code in notices:
            for row in extra:
                notices[code]["text"] += " " + row["text"]
                notices[code]["sources"] = unique(notices[code]["sources"] + row["sources"])
            break
    return list(notices.values())


def group_rows(option: dict, answers: dict, content: dict) -> dict[str, dict]:
    """{row: population text}: this person's groups' own text for some of the option's rows."""
    return {
        row["part"]: row
        for row in _rows(answers, content)
        if row["option"] == option["slug"] and row["part"] not in ("notice", "fit", "consideration")
    }


def group_reasons(option: dict, answers: dict, content: dict) -> tuple[list[dict], list[dict], bool]:
    """(fits, considerations, replaces_fits): the groups' own fits and considerations for the
    option. Where a group has its own fits for an option, they replace the option's usual ones
    (a young person's medicine is not "only check-ups")."""
    fits, considerations = [], []
    for row in _rows(answers, content):
        if row["option"] != option["slug"] or row["part"] not in ("fit", "consideration"):
            continue
        question, value = _question_of(row["population"], answers)
        reason = {
            "text": row["text"],
            "question": question,
            "value": value,
            "answer": value,
            "answer_label": answer_label(question, value),
            "sources": unique(row["sources"]),
        }
        (fits if row["part"] == "fit" else considerations).append(reason)
    replaces = any((group, option["slug"]) in OWN_FITS for group in groups(answers))
    return fits, considerations, replaces


def _question_of(population: str, answers: dict) -> tuple[str, str]:
    if population in ("under_18", "65_plus"):
        return "age_band", population
    return "pregnant_or_breastfeeding", answers.get("pregnant_or_breastfeeding", "")
