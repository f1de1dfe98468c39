"""A person's PHQ-9 and GAD-7 answers as a FHIR R4 QuestionnaireResponse.

linkIds are the LOINC codes (decisionaid/instruments.py), so a receiving system that keys on
LOINC reads it directly; a contained Questionnaire carries the same codes as codings with the
LOINC system, since QuestionnaireResponse items have no `code` of their own. Answers are LOINC
answer codes (LA...); the totals are integers.
"""

from datetime import datetime
from uuid import NAMESPACE_URL, uuid5

from decisionaid.instruments import (
    ATTRIBUTION,
    DIFFICULTY,
    DIFFICULTY_LOINC,
    FREQUENCY,
    FREQUENCY_LOINC,
    GAD7,
    LOINC_SYSTEM,
    PHQ9,
    Instrument,
    Item,
)

LOINC = LOINC_SYSTEM
QUESTIONNAIRE_ID = "phq9-gad7"


def _coding(code: str, display: str) -> dict:
    return {"system": LOINC, "code": code, "display": display}


def _answer(item: Item, value, codes: tuple[str, ...], labels: list[tuple[int, str]]) -> dict:
    value = int(value)
    return {
        "linkId": item.loinc,
        "text": item.text,
        "answer": [{"valueCoding": _coding(codes[value], dict(labels)[value])}],
    }


def _group(instrument: Instrument, answers: dict) -> dict | None:
    """One instrument as a group of its answered items and, when complete, its total."""
    items = [
        _answer(item, answers[item.code], FREQUENCY_LOINC, FREQUENCY)
        for item in instrument.items
        if answers.get(item.code) is not None
    ]
    if not items:
        return None
    difficulty = instrument.difficulty
    if difficulty and answers.get(difficulty.code) is not None:
        items.append(_answer(difficulty, answers[difficulty.code], DIFFICULTY_LOINC, DIFFICULTY))
    total = instrument.total(answers)
    if total is not None:
        items.append(
            {"linkId": instrument.total_loinc, "text": instrument.total_text, "answer": [{"valueInteger": total}]}
        )
    return {"linkId": instrument.loinc, "text": instrument.loinc_text, "item": items}


def _definition(instrument: Instrument) -> dict:
    """The contained definition of one instrument: each linkId with its LOINC coding."""
    questions = [*instrument.items, *([instrument.difficulty] if instrument.difficulty else [])]
    items = [
        {"linkId": item.loinc, "code": [_coding(item.loinc, item.text)], "text": item.text, "type": "choice"}
        for item in questions
    ]
    items.append(
        {
            "linkId": instrument.total_loinc,
            "code": [_coding(instrument.total_loinc, instrument.total_text)],
            "text": instrument.total_text,
            "type": "integer",
            "readOnly": True,
        }
    )
    return {
        "linkId": instrument.loinc,
        "code": [_coding(instrument.loinc, instrument.loinc_text)],
        "text": instrument.loinc_text,
        "type": "group",
        "item": items,
    }


def _questionnaire() -> dict:
    return {
        "resourceType": "Questionnaire",
        "id": QUESTIONNAIRE_ID,
        "status": "active",
        "title": "PHQ-9 and GAD-7",
        "copyright": ATTRIBUTION,
        "code": [_coding(PHQ9.loinc, PHQ9.loinc_text), _coding(GAD7.loinc, GAD7.loinc_text)],
        "item": [_definition(PHQ9), _definition(GAD7)],
    }


def questionnaire_response(answers: dict, authored: datetime, identifier: str) -> dict:
    """A QuestionnaireResponse (status completed) for the PHQ-9 and, if answered, the GAD-7."""
    groups = [group for group in (_group(PHQ9, answers), _group(GAD7, answers)) if group]
    return {
        "resourceType": "QuestionnaireResponse",
        "contained": [_questionnaire()],
        "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{identifier}"},
        "questionnaire": f"#{QUESTIONNAIRE_ID}",
        "status": "completed",
        "authored": authored.isoformat(),
        "item": groups,
    }


def dated_scores_bundle(entries: list[dict], identifier: str) -> dict:
    """A person's scores over time (SentSummary.score_history: {"date", "answers"} each, oldest
    first) as a Bundle of type collection: each PHQ-9 and each GAD-7 its own
    QuestionnaireResponse, authored on the day it was answered, coded as above."""
    resources = []
    for index, entry in enumerate(entries):
        for instrument in (PHQ9, GAD7):
            group = _group(instrument, entry["answers"])
            if group is None:
                continue
            entry_id = str(uuid5(NAMESPACE_URL, f"urn:uuid:{identifier}/{index}/{instrument.key}"))
            resources.append(
                {
                    "fullUrl": f"urn:uuid:{entry_id}",
                    "resource": {
                        "resourceType": "QuestionnaireResponse",
                        "contained": [_questionnaire()],
                        "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{entry_id}"},
                        "questionnaire": f"#{QUESTIONNAIRE_ID}",
                        "status": "completed",
                        "authored": entry["date"],
                        "item": [group],
                    },
                }
            )
    return {
        "resourceType": "Bundle",
        "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{identifier}"},
        "type": "collection",
        "entry": resources,
    }
