"""A person's PHQ-9 and GAD-7 answers as a FHIR R4 QuestionnaireResponse.

linkIds are the LOINC codes (FACTS.md sections 7 and 8), so a receiving system that keys
on LOINC reads it directly; a contained Questionnaire carries the same codes as codings with
the LOINC system, since QuestionnaireResponse items have no `code` of their own. Answers
are LOINC answer codes (LA...); the totals are integers. The GAD-7 item codes were checked
against published FHIR resources (HL7 personal-health-record IG, GAD-7 Questionnaires).
"""

from datetime import datetime

from decisionaid.codes import DIFFICULTY, FREQUENCY
from decisionaid.questionnaire import forms

LOINC = "http://loinc.org"
QUESTIONNAIRE_ID = "phq9-gad7"

FREQUENCY_ANSWERS = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"]
DIFFICULTY_ANSWERS = ["LA6572-7", "LA6573-5", "LA6575-0", "LA6574-3"]

PHQ9 = {
    "code": "44249-1",
    "text": "PHQ-9 quick depression assessment panel",
    "items": list(
        zip(
            [f"phq9_{n}" for n in range(1, 10)],
            ["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"],
            forms.PHQ9_ITEMS,
            strict=True,
        )
    ),
    "difficulty": ("phq9_difficulty", "69722-7", forms.PHQ9_DIFFICULTY),
    "total": ("44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score"),
}
GAD7 = {
    "code": "69737-5",
    "text": "Generalized anxiety disorder 7 item (GAD-7)",
    "items": list(
        zip(
            [f"gad7_{n}" for n in range(1, 8)],
            ["69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"],
            forms.GAD7_ITEMS,
            strict=True,
        )
    ),
    "difficulty": None,
    "total": ("70274-6", "Generalized anxiety disorder 7 item (GAD-7) total score"),
}


def _coding(code: str, display: str) -> dict:
    return {"system": LOINC, "code": code, "display": display}


def _choice(value: int, codes: list[str], labels: list[tuple[int, str]]) -> dict:
    return {"valueCoding": _coding(codes[value], dict(labels)[value])}


def _group(panel: dict, answers: dict) -> dict | None:
    """One instrument as a group of its answered items and, when complete, its total."""
    values = {name: answers.get(name) for name, _loinc, _text in panel["items"]}
    items = [
        {"linkId": loinc, "text": text, "answer": [_choice(int(values[name]), FREQUENCY_ANSWERS, FREQUENCY)]}
        for name, loinc, text in panel["items"]
        if values[name] is not None
    ]
    if not items:
        return None
    if panel["difficulty"] and answers.get(panel["difficulty"][0]) is not None:
        name, loinc, text = panel["difficulty"]
        items.append(
            {"linkId": loinc, "text": text, "answer": [_choice(int(answers[name]), DIFFICULTY_ANSWERS, DIFFICULTY)]}
        )
    if all(value is not None for value in values.values()):
        loinc, text = panel["total"]
        items.append({"linkId": loinc, "text": text, "answer": [{"valueInteger": sum(map(int, values.values()))}]})
    return {"linkId": panel["code"], "text": panel["text"], "item": items}


def _questionnaire() -> dict:
    """The contained definition: each linkId with its LOINC coding."""

    def definition(panel: dict) -> dict:
        items = [
            {"linkId": loinc, "code": [_coding(loinc, text)], "text": text, "type": "choice"}
            for _name, loinc, text in panel["items"]
        ]
        if panel["difficulty"]:
            _name, loinc, text = panel["difficulty"]
            items.append({"linkId": loinc, "code": [_coding(loinc, text)], "text": text, "type": "choice"})
        loinc, text = panel["total"]
        items.append(
            {"linkId": loinc, "code": [_coding(loinc, text)], "text": text, "type": "integer", "readOnly": True}
        )
        return {
            "linkId": panel["code"],
            "code": [_coding(panel["code"], panel["text"])],
            "text": panel["text"],
            "type": "group",
            "item": items,
        }

    return {
        "resourceType": "Questionnaire",
        "id": QUESTIONNAIRE_ID,
        "status": "active",
        "title": "PHQ-9 and GAD-7",
        "copyright": forms.PHQ_ATTRIBUTION,
        "code": [_coding(PHQ9["code"], PHQ9["text"]), _coding(GAD7["code"], GAD7["text"])],
        "item": [definition(PHQ9), definition(GAD7)],
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
