"""The FHIR R4 export of a sent summary: a QuestionnaireResponse that fhir.resources accepts,
with the PHQ-9 and GAD-7 as groups under their LOINC panel codes, each item's LOINC code,
LOINC answer codes, and the totals.

fhir.resources 8 ships R5 at its top level and R4B (4.3) beside it; QuestionnaireResponse
is the same in R4 and R4B, so R4B validates the R4 resource."""

import json
from datetime import UTC, datetime

import pytest
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from decisionaid.sharing.fhir import LOINC, questionnaire_response
from tests.factories import mild_answers, minimal_answers, severe_answers
from tests.sharing_people import make_clinician, make_invitation, sent_summary

PHQ9_ITEM_CODES = ["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"]
GAD7_ITEM_CODES = ["69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"]
AUTHORED = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)


def export(answers: dict) -> dict:
    return questionnaire_response(answers, authored=AUTHORED, identifier="5f0c8c5e-0000-4000-8000-000000000001")


def groups(resource: dict) -> dict:
    return {group["linkId"]: group for group in resource["item"]}


def test_the_export_is_a_valid_completed_questionnaire_response():
    resource = QuestionnaireResponse.model_validate(export(mild_answers()))
    assert resource.status == "completed"
    assert resource.authored.isoformat().startswith("2026-11-23T10:30")
    assert resource.questionnaire == "#phq9-gad7"
    assert resource.contained[0].get_resource_type() == "Questionnaire"


def test_phq9_and_gad7_are_groups_under_their_panel_codes_with_totals():
    resource = export(severe_answers())
    phq9, gad7 = groups(resource)["44249-1"], groups(resource)["69737-5"]
    assert [item["linkId"] for item in phq9["item"]] == [*PHQ9_ITEM_CODES, "69722-7", "44261-6"]
    assert [item["linkId"] for item in gad7["item"]] == [*GAD7_ITEM_CODES, "70274-6"]
    assert phq9["item"][-1]["answer"][0]["valueInteger"] == 21
    assert gad7["item"][-1]["answer"][0]["valueInteger"] == 16


def test_answers_are_loinc_codings_with_the_instruments_words():
    phq9 = groups(export(severe_answers()))["44249-1"]
    first = phq9["item"][0]
    assert first["text"] == "Little interest or pleasure in doing things"
    assert first["answer"] == [{"valueCoding": {"system": LOINC, "code": "LA6571-9", "display": "Nearly every day"}}]
    difficulty = phq9["item"][9]
    assert difficulty["answer"][0]["valueCoding"]["system"] == LOINC
    assert difficulty["answer"][0]["valueCoding"]["display"] == "Somewhat difficult"


def test_the_contained_questionnaire_codes_every_item_in_loinc():
    questionnaire = export(mild_answers())["contained"][0]
    codes = {
        coding["code"]
        for panel in questionnaire["item"]
        for item in [panel, *panel["item"]]
        for coding in item.get("code", [])
        if coding["system"] == LOINC
    }
    assert {"44249-1", "69737-5", "44261-6", "70274-6", "69722-7", *PHQ9_ITEM_CODES, *GAD7_ITEM_CODES} <= codes


def test_without_gad7_answers_only_the_phq9_is_exported():
    resource = export(minimal_answers())
    QuestionnaireResponse.model_validate(resource)
    assert list(groups(resource)) == ["44249-1"]
    assert groups(resource)["44249-1"]["item"][-1]["linkId"] == "44261-6"


def test_a_partial_gad7_has_no_total():
    answers = minimal_answers(gad7_1=2, gad7_2=1)
    gad7 = groups(export(answers))["69737-5"]
    assert [item["linkId"] for item in gad7["item"]] == ["69725-0", "68509-9"]


@pytest.mark.django_db
def test_the_clinicians_download_is_the_same_valid_resource(client):
    dr_a = make_clinician()
    sent = sent_summary(make_invitation(dr_a), severe_answers())
    client.force_login(dr_a)
    response = client.get(f"/clinic/summaries/{sent.public_id}/fhir.json")
    assert response["Content-Type"] == "application/fhir+json; fhirVersion=4.0"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    QuestionnaireResponse.model_validate(data)
    assert data["identifier"]["value"] == f"urn:uuid:{sent.public_id}"
    assert datetime.fromisoformat(data["authored"]) == sent.sent_at


@pytest.mark.django_db
def test_the_clinicians_export_says_r4_and_carries_risk_bands_and_the_brief(client):
    dr_a = make_clinician()
    sent = sent_summary(make_invitation(dr_a), mild_answers(in_danger_now=True, phq9_9=2))
    client.force_login(dr_a)
    data = json.loads(client.get(f"/clinic/summaries/{sent.public_id}/fhir.json").content)
    resource = QuestionnaireResponse.model_validate(data)
    assert data["meta"]["profile"] == ["http://hl7.org/fhir/StructureDefinition/QuestionnaireResponse|4.0.1"]
    # The subject is left for the receiving record to link: no one is named.
    assert resource.subject.reference is None and "receiving record" in resource.subject.display
    risk = groups(data)["risk"]
    by_link = {item["linkId"]: item for item in risk["item"]}
    assert by_link["in-danger-now"]["answer"][0]["valueCoding"] == {"system": LOINC, "code": "LA33-6", "display": "Yes"}
    assert by_link["risk-44260-8"]["answer"][0]["valueCoding"]["display"] == "More than half the days"
    total = groups(data)["44249-1"]["item"][-1]
    band = total["answer"][0]["item"][0]
    assert band["linkId"] == "44261-6-interpretation"
    assert band["answer"][0]["valueCoding"]["code"] == "mild"
    brief = groups(data)["brief"]
    assert brief["item"][0]["answer"] == [{"valueString": sent.reference_display}]
    texts = [item["text"] for item in brief["item"][1:]]
    assert texts[:2] == ["Risk", "Scores"] and "Ready to choose? (SURE test)" in texts
    # Every answered linkId is defined in the contained Questionnaire.
    defined = set()

    def walk(items, into):
        for item in items:
            into.add(item["linkId"])
            walk(item.get("item", []), into)
            for answer in item.get("answer", []):
                walk(answer.get("item", []), into)

    walk(data["contained"][0]["item"], defined)
    answered = set()
    walk(data["item"], answered)
    assert answered <= defined
