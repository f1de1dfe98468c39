"""What every page showing a shared summary renders: the one summary from `build_summary`,
plus the person's PHQ-9 and GAD-7 answers item by item, for the professional reading it."""

from decisionaid.codes import DIFFICULTY, FREQUENCY
from decisionaid.questionnaire import forms
from decisionaid.summary import build_summary

from .fhir import GAD7, PHQ9


def instrument_answers(answers: dict) -> list[dict]:
    frequency, difficulty = dict(FREQUENCY), dict(DIFFICULTY)
    instruments = []
    for name, panel, stem in (("PHQ-9", PHQ9, forms.PHQ9_STEM), ("GAD-7", GAD7, forms.GAD7_STEM)):
        rows = [
            {"text": text, "value": answers[code], "label": frequency.get(answers[code], "")}
            for code, _loinc, text in panel["items"]
            if answers.get(code) is not None
        ]
        if panel["difficulty"] and answers.get(panel["difficulty"][0]) is not None:
            value = answers[panel["difficulty"][0]]
            rows.append({"text": panel["difficulty"][2], "value": value, "label": difficulty.get(value, "")})
        if rows:
            instruments.append({"name": name, "stem": stem, "rows": rows})
    return instruments


def summary_context(answers: dict) -> dict:
    return {
        "summary": build_summary(answers),
        "instruments": instrument_answers(answers),
        "attribution": forms.PHQ_ATTRIBUTION,
    }
