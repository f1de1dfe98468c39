"""No figure from a concern the person did not choose (issue 18, point 8).

Each of the 14 concerns is chosen on its own, and everything that person can read is walked:
the summary as `summarize` prints it, the results page, each option's details, the
comparison, the print view and the words of the PDF. Which figures belong to which concern is
read from the content's own scopes (a finding's, a fit rule's, a number picture's and an
evidence cell's concerns), never guessed from the words: a sentence with a figure in it, or
any sentence of a study finding, whose concerns are all ones the person did not choose must
appear nowhere they read."""

import html
import json
import re
from datetime import date

import pytest
from django.core.management import call_command

from decisionaid import codes
from decisionaid.content.models import (
    Concern,
    Evidence,
    EvidenceScope,
    FactFinding,
    Figure,
    FitRule,
    OtherCare,
)
from decisionaid.paper import paper_summary
from decisionaid.summary import build_summary
from tests.factories import mild_answers
from tests.questionnaire_helpers import page_text, with_answers
from tests.summary_helpers import all_strings

pytestmark = pytest.mark.django_db

CONCERNS = [code for code, _ in codes.CONCERNS]
OPTIONS = [code for code, _ in codes.OPTION_SLUGS]


def sentences(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"(?<=[.!?])\s+", text or "") if part.strip()]


def scoped_sentences() -> list[tuple[str, frozenset]]:
    """(sentence, the concerns it belongs to): every sentence of a study finding, and every
    sentence with a figure in it of a text shown only for some concerns."""
    scoped = []
    for finding in FactFinding.objects.prefetch_related("concerns"):
        owners = frozenset(concern.code for concern in finding.concerns.all())
        scoped += [(sentence, owners) for sentence in sentences(finding.text)]
    texts = []
    for rule in FitRule.objects.prefetch_related("concerns"):
        owners = frozenset(concern.code for concern in rule.concerns.all())
        texts.append((rule.text, owners))
    for figure in Figure.objects.prefetch_related("concerns"):
        owners = frozenset(concern.code for concern in figure.concerns.all())
        if owners:
            texts += [(figure.title, owners), (figure.uncertainty, owners)]
    for cell in Evidence.objects.select_related("concern"):
        for text in (cell.summary, cell.course, cell.medicine_risks, cell.medicine_asks):
            texts.append((text, frozenset([cell.concern.code])))
    for scope in EvidenceScope.objects.select_related("concern"):
        texts += [(scope.summary, frozenset([scope.concern.code])), (scope.course, frozenset([scope.concern.code]))]
    for care in OtherCare.objects.select_related("concern"):
        texts.append((care.text, frozenset([care.concern.code])))
    for concern in Concern.objects.all():
        texts.append((concern.description, frozenset([concern.code])))
    for text, owners in texts:
        scoped += [(sentence, owners) for sentence in sentences(text) if re.search(r"\d", sentence)]
    return scoped


def borrowed(concern: str, scoped: list[tuple[str, frozenset]]) -> set[str]:
    """The sentences this person must not read: other concerns' only. A fit rule's echo of
    an answer ("You said you can commit 3 to 6 months.") is everyone's, wherever it is."""
    own = {sentence for sentence, owners in scoped if concern in owners or not owners}
    return {sentence for sentence, owners in scoped if concern not in owners and sentence not in own}


def everything_read(client, answers: dict, tmp_path) -> dict[str, str]:
    file = tmp_path / "answers.json"
    file.write_text(json.dumps(answers))
    printed = tmp_path / "summary.json"
    with printed.open("w") as out:
        call_command("summarize", str(file), stdout=out)
    summary = build_summary(answers)
    read = {
        "summarize": " ".join(all_strings(json.loads(printed.read_text()))),
        "paper": " ".join(all_strings(paper_summary(summary, date(2026, 12, 4)))),
    }
    with_answers(client, answers)
    pages = ["/results/", "/results/compare/", "/results/print/"] + [f"/results/options/{slug}/" for slug in OPTIONS]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        read[path] = html.unescape(page_text(response.content.decode()))
    return {where: re.sub(r"\s+", " ", text) for where, text in read.items()}


@pytest.mark.parametrize("concern", CONCERNS)
def test_a_person_who_chose_one_concern_reads_no_figure_of_another(client, tmp_path, concern):
    answers = mild_answers(concerns=[concern], region="UK", uk_nation="england")
    forbidden = borrowed(concern, scoped_sentences())
    assert forbidden, "the content has figures scoped to other concerns, so this test can fail"
    found = []
    for where, text in everything_read(client, answers, tmp_path).items():
        found += [(where, sentence) for sentence in forbidden if sentence in text]
    assert not found, found


def test_a_row_with_no_figure_for_the_persons_concern_says_so():
    medicine = next(o for o in build_summary(mild_answers(concerns=["trauma"]))["options"] if o["slug"] == "medication")
    lasting = next(row for row in medicine["facts"] if row["row"] == "lasting")
    assert "low mood" not in lasting["text"]
    assert "We have no study figures on this for the problems you chose." in lasting["text"]


def test_psychosis_reads_its_own_relapse_figure_in_medicines_lasting_row():
    medicine = next(
        o for o in build_summary(mild_answers(concerns=["psychosis"]))["options"] if o["slug"] == "medication"
    )
    lasting = next(row for row in medicine["facts"] if row["row"] == "lasting")
    assert "it came back for 27 in 100 who kept taking it" in lasting["text"]
    assert "leucht-2012" in lasting["sources"]
    assert "76 in 100" not in lasting["text"]


def test_every_finding_names_its_concerns_and_sources():
    for finding in FactFinding.objects.prefetch_related("concerns", "sources"):
        assert finding.concerns.exists(), finding
        assert finding.sources.exists(), finding


def test_group_cbts_low_mood_course_is_costed_only_for_low_mood():
    def kinds(concerns):
        cbt = next(o for o in build_summary(mild_answers(concerns=concerns))["options"] if o["slug"] == "cbt")
        return [line["kind"] for line in cbt["cost"]["lines"]]

    assert "group_sessions" in kinds(["depression"])
    assert "group_sessions" not in kinds(["psychosis"])


def test_an_antidepressants_weeks_are_not_a_reason_for_someone_who_chose_only_psychosis():
    answers = mild_answers(concerns=["psychosis"], relief_timing="months", importance={"quick_relief": 4})
    medicine = next(o for o in build_summary(answers)["options"] if o["slug"] == "medication")
    reasons = " ".join(medicine["fits"] + medicine["considerations"])
    assert "6 to 8 weeks" not in reasons and "2 to 4 weeks" not in reasons
    depression = next(
        o for o in build_summary({**answers, "concerns": ["depression"]})["options"] if o["slug"] == "medication"
    )
    assert "6 to 8 weeks" in " ".join(depression["fits"] + depression["considerations"])


@pytest.mark.parametrize(
    ("concern", "named"),
    [
        ("psychosis", "antipsychotic"),
        ("sleep", "sleeping pills"),
        ("substance_use", "Acamprosate"),
    ],
)
def test_side_effects_that_matter_are_the_side_effects_of_the_persons_own_medicine(concern, named):
    answers = mild_answers(concerns=[concern], importance={"avoid_side_effects": 5})
    options = {o["slug"]: o for o in build_summary(answers)["options"]}
    for slug in ("medication", "combined"):
        reasons = " ".join(options[slug]["considerations"])
        assert "sex problems" not in reasons and "feeling sick" not in reasons, slug
        assert named.lower() in reasons.lower(), slug
    depression = {o["slug"]: o for o in build_summary({**answers, "concerns": ["depression"]})["options"]}
    assert "sex problems" in " ".join(depression["medication"]["considerations"])
