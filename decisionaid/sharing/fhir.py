"""A person's PHQ-9 and GAD-7 answers, risk answers and brief as a FHIR R4 QuestionnaireResponse.

It says it is R4 (4.0.1) twice: in `meta.profile` and in the media type's fhirVersion. The
subject is left as a placeholder for the receiving record to link to its own patient: we never
know who the person is.

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
    RISK_ITEM,
    Instrument,
    Item,
)

LOINC = LOINC_SYSTEM
QUESTIONNAIRE_ID = "phq9-gad7"
FHIR_VERSION = "4.0.1"
MEDIA_TYPE = "application/fhir+json; fhirVersion=4.0"
PROFILE = f"http://hl7.org/fhir/StructureDefinition/QuestionnaireResponse|{FHIR_VERSION}"
# Our own codes for the score bands (instruments.py's band names): LOINC has no one set for both.
BAND_SYSTEM = "urn:decisionaid:score-band"
# LOINC's answers Yes and No.
YES_NO = {True: ("LA33-6", "Yes"), False: ("LA32-8", "No")}
SHORT_NAMES = {"phq9": "PHQ-9", "gad7": "GAD-7"}
RISK_GROUP = "risk"
BRIEF_GROUP = "brief"


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
        band = instrument.band(total)
        # The band is the total's interpretation, so it sits under the total's answer.
        interpretation = {
            "linkId": _band_link(instrument),
            "text": _band_text(instrument),
            "answer": [{"valueCoding": {"system": BAND_SYSTEM, "code": band.name, "display": str(band.label)}}],
        }
        items.append(
            {
                "linkId": instrument.total_loinc,
                "text": instrument.total_text,
                "answer": [{"valueInteger": total, "item": [interpretation]}],
            }
        )
    return {"linkId": instrument.loinc, "text": instrument.loinc_text, "item": items}


def _band_link(instrument: Instrument) -> str:
    return f"{instrument.total_loinc}-interpretation"


def _band_text(instrument: Instrument) -> str:
    return f"Interpretation of the {SHORT_NAMES[instrument.key]} total (severity band)"


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
            "item": [
                {"linkId": _band_link(instrument), "text": _band_text(instrument), "type": "choice", "readOnly": True}
            ],
        }
    )
    return {
        "linkId": instrument.loinc,
        "code": [_coding(instrument.loinc, instrument.loinc_text)],
        "text": instrument.loinc_text,
        "type": "group",
        "item": items,
    }


def _risk(risk: dict) -> tuple[dict, dict]:
    """The two risk answers, apart and coded, and when they were given: the answers' group
    and its definition."""
    danger, item9 = risk["in_danger_now"], risk["item9"]
    items, definitions = [], []
    if danger["value"] is not None:
        code, display = YES_NO[bool(danger["value"])]
        items.append(
            {
                "linkId": "in-danger-now",
                "text": str(danger["question"]),
                "answer": [{"valueCoding": _coding(code, display)}],
            }
        )
    definitions.append({"linkId": "in-danger-now", "text": str(danger["question"]), "type": "choice"})
    risk_item = next(item for item in PHQ9.items if item.code == RISK_ITEM)
    if item9["value"] is not None:
        value = int(item9["value"])
        answer = _coding(FREQUENCY_LOINC[value], dict(FREQUENCY)[value])
        items.append(
            {
                "linkId": f"{RISK_GROUP}-{risk_item.loinc}",
                "text": risk_item.text,
                "answer": [{"valueCoding": answer}],
            }
        )
    definitions.append(
        {
            "linkId": f"{RISK_GROUP}-{risk_item.loinc}",
            "code": [_coding(risk_item.loinc, risk_item.text)],
            "text": risk_item.text,
            "type": "choice",
        }
    )
    if risk["answered_on"]:
        items.append({"linkId": "answered-on", "text": "Answered on", "answer": [{"valueDate": risk["answered_on"]}]})
    definitions.append({"linkId": "answered-on", "text": "Answered on", "type": "date"})
    text = "Risk answers"
    return (
        {"linkId": RISK_GROUP, "text": text, "item": items},
        {"linkId": RISK_GROUP, "text": text, "type": "group", "item": definitions},
    )


def _brief(brief: dict) -> tuple[dict, dict]:
    """The clinician's brief, row by row as text: its answers' group and its definition."""
    groups, definitions = [], []
    reference = {"linkId": f"{BRIEF_GROUP}.reference", "text": "Reference code"}
    for number, section in enumerate(brief["sections"], start=1):
        link = f"{BRIEF_GROUP}.{number}"
        rows = [
            {"linkId": f"{link}.{row_number}", "text": row["label"], "answer": [{"valueString": row["value"]}]}
            for row_number, row in enumerate(section["rows"], start=1)
            if row["value"]
        ]
        if rows:
            groups.append({"linkId": link, "text": section["title"], "item": rows})
        definitions.append(
            {
                "linkId": link,
                "text": section["title"],
                "type": "group",
                "item": [
                    {"linkId": f"{link}.{row_number}", "text": row["label"], "type": "string"}
                    for row_number, row in enumerate(section["rows"], start=1)
                ],
            }
        )
    return (
        {
            "linkId": BRIEF_GROUP,
            "text": brief["title"],
            "item": [{**reference, "answer": [{"valueString": brief["reference"]}]}, *groups],
        },
        {
            "linkId": BRIEF_GROUP,
            "text": brief["title"],
            "type": "group",
            "item": [{**reference, "type": "string"}, *definitions],
        },
    )


def _questionnaire(extra: list[dict]) -> dict:
    return {
        "resourceType": "Questionnaire",
        "id": QUESTIONNAIRE_ID,
        "status": "active",
        "title": "PHQ-9 and GAD-7, risk answers and decision aid brief",
        "copyright": ATTRIBUTION,
        "code": [_coding(PHQ9.loinc, PHQ9.loinc_text), _coding(GAD7.loinc, GAD7.loinc_text)],
        "item": [_definition(PHQ9), _definition(GAD7), *extra],
    }


def questionnaire_response(answers: dict, authored: datetime, identifier: str, summary: dict | None = None) -> dict:
    """A QuestionnaireResponse (status completed) for the PHQ-9 and, if answered, the GAD-7;
    with a summary, the two risk answers as coded items and (for a clinician) the brief."""
    groups = [group for group in (_group(PHQ9, answers), _group(GAD7, answers)) if group]
    definitions = []
    if summary is not None:
        risk_group, risk_definition = _risk(summary["risk"])
        groups.insert(0, risk_group)
        definitions.append(risk_definition)
        if summary.get("brief"):
            brief_group, brief_definition = _brief(summary["brief"])
            groups.append(brief_group)
            definitions.append(brief_definition)
    return {
        "resourceType": "QuestionnaireResponse",
        "meta": {"profile": [PROFILE]},
        "contained": [_questionnaire(definitions)],
        "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{identifier}"},
        "questionnaire": f"#{QUESTIONNAIRE_ID}",
        "status": "completed",
        # Left for the receiving record to link to its own patient: we never know who this is.
        "subject": {"display": "Patient: to be linked by the receiving record"},
        "authored": authored.isoformat(),
        "item": groups,
    }


def dated_scores_bundle(entries: list[dict], identifier: str, latest: dict | None = None) -> dict:
    """A person's scores over time (SentSummary.score_history: {"date", "answers"} each, oldest
    first) as a Bundle of type collection: each PHQ-9 and each GAD-7 its own
    QuestionnaireResponse, authored on the day it was answered, coded as above. `latest`, the
    full response of the sent summary (risk answers and brief), comes first when given."""
    resources = [{"fullUrl": f"urn:uuid:{identifier}", "resource": latest}] if latest else []
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
                        "meta": {"profile": [PROFILE]},
                        "contained": [_questionnaire([])],
                        "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{entry_id}"},
                        "questionnaire": f"#{QUESTIONNAIRE_ID}",
                        "status": "completed",
                        "subject": {"display": "Patient: to be linked by the receiving record"},
                        "authored": entry["date"],
                        "item": [group],
                    },
                }
            )
    return {
        "resourceType": "Bundle",
        "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{identifier}"},
        "meta": {"profile": [f"http://hl7.org/fhir/StructureDefinition/Bundle|{FHIR_VERSION}"]},
        "type": "collection",
        "entry": resources,
    }
