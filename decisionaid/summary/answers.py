"""Reading the person's answers: plain labels for them, and matching them to FitRule rows."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from decisionaid import codes

from .scores import gad7_band_label, phq9_band_label

HIGH_IMPORTANCE = 3  # "Matters a lot" or "Matters a great deal"

LIST_QUESTIONS = {"concerns": codes.CONCERNS, "goals": codes.GOALS, "past_treatments": codes.PAST_TREATMENTS}
CHOICE_QUESTIONS = {
    "region": codes.REGIONS,
    "uk_nation": codes.UK_NATIONS,
    "age_band": codes.AGE_BANDS,
    "relief_timing": codes.RELIEF_TIMING,
    "commitment": codes.COMMITMENT,
    "coverage": codes.COVERAGE,
    "medication_view": codes.MEDICATION_VIEWS,
    "pregnant_or_breastfeeding": codes.PREGNANCY,
    "style": codes.STYLES,
    "eating_pattern": codes.EATING_PATTERNS,
    **LIST_QUESTIONS,
}


# The concerns as a sentence names them ("For PTSD, ..."); codes.CONCERNS are the question's words.
CONCERN_NAMES = {
    "depression": gettext_lazy("low mood"),
    "anxiety": gettext_lazy("worry and anxiety"),
    "panic": gettext_lazy("panic attacks"),
    "relationships": gettext_lazy("problems with relationships"),
    "eating": gettext_lazy("eating problems"),
    "sleep": gettext_lazy("sleep problems"),
    "trauma": gettext_lazy("PTSD"),
    "ocd": gettext_lazy("OCD"),
    "psychosis": gettext_lazy("psychosis"),
    "substance_use": gettext_lazy("alcohol or drug use"),
    "grief": gettext_lazy("grief"),
    "personality": gettext_lazy("long-standing problems with moods and relationships"),
    "self_esteem": gettext_lazy("low self-esteem"),
    "physical_stress": gettext_lazy("body symptoms linked to stress"),
}


def concern_name(code: str) -> str:
    return str(CONCERN_NAMES.get(code, code))


def label(choices, value) -> str:
    for code, text in choices:
        if code == value:
            return str(text)
    return str(value)


def chosen_concerns(answers: dict) -> list[str]:
    return list(answers.get("concerns") or []) or ["depression"]


def unique(items) -> list:
    return list(dict.fromkeys(items))


def importance_label(code: str, value: int) -> str:
    return f"{label(codes.IMPORTANCE_ITEMS, code)}: {label(codes.IMPORTANCE_SCALE, value).lower()}"


def answer_label(question: str, value) -> str:
    """The plain words for one answer, as the person chose them."""
    if question.startswith("importance."):
        return importance_label(question.split(".", 1)[1], value)
    if question in CHOICE_QUESTIONS:
        return label(CHOICE_QUESTIONS[question], value)
    if question == "in_danger_now":
        return _("Yes") if value else _("No")
    if question == "phq9_band":
        return phq9_band_label(value)
    if question == "gad7_band":
        return gad7_band_label(value)
    return str(value)


def _given(question: str, answers: dict, derived: dict):
    if question.startswith("importance."):
        return (answers.get("importance") or {}).get(question.split(".", 1)[1])
    if question in derived:
        return derived[question]
    return answers.get(question)


def match_rule(question: str, value: str, answers: dict, derived: dict | None = None):
    """The person's answer that triggers a FitRule, or None.

    Enum answers match by equality, list answers by membership, and `high` matches an
    importance of 3 or 4 (`low`: 0 or 1)."""
    given = _given(question, answers, derived or {})
    if given is None:
        return None
    if isinstance(given, list):
        return value if value in given else None
    if isinstance(given, bool):
        return given if value == ("true" if given else "false") else None
    if question.startswith("importance."):
        if value == "high":
            return given if given >= HIGH_IMPORTANCE else None
        if value == "low":
            return given if given <= 1 else None
    return given if str(given) == value else None
