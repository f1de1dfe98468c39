"""One person's summary, computed once: plain Python over their answers and the content.

`build_summary` returns the object of the contract's summary.schema.json, plus extra keys.
The results page, the printable summary, shared links and `manage.py summarize` all render
that one dict; nothing is worked out twice. Each part lives in a module named for what it
holds: `validation` (answers against the contract), `scores`, `answers` (labels and rule
matching), `content` (what the summary reads), `conditions` (what each concern is),
`options`, `evidence`, `fits`, `costs`, `figures` (a study's result per group, drawn as icon arrays), `notices`, `questions`,
`sure` and `sources`; `scopes` (content for some people only), `other_care`,
`concern_notices` and `past_treatment`.

The summary never ranks the options, never scores them and never says which to choose:
every option is always there, in the content's order, with the same rows.
"""

from datetime import date

from django.utils.translation import gettext as _

from decisionaid import codes, disclosures
from decisionaid.content import snapshot
from decisionaid.content.lines import crisis_resources

from .answers import CHOICE_QUESTIONS, HIGH_IMPORTANCE, answer_label, importance_label, label, match_rule
from .concern_notices import concern_notices, with_concern_notices
from .conditions import conditions
from .content import FALLBACK_REGION, content_dates, load, person_region
from .costs import CURRENCY_SYMBOLS, format_money
from .figures import figures
from .fits import values
from .nations import nation_region, nation_routes
from .notices import GUIDELINE_SOURCE, notices
from .options import option_entry, row_labels
from .other_care import other_care
from .populations import group_notices
from .questions import questions
from .risk import risk, signals_risk
from .scores import (
    GAD7_BANDS,
    PHQ9_BANDS,
    SCORE_SOURCES,
    gad7_total,
    phq9_total,
    scores,
    scores_given,
)
from .sources import attach_sources
from .sure import SURE_ANSWERS, SURE_CODES, sure_items, sure_summary
from .validation import CONTRACT_DIR, schema, validate_answers

__all__ = [
    "CHOICE_QUESTIONS",
    "CONTRACT_DIR",
    "CURRENCY_SYMBOLS",
    "FALLBACK_REGION",
    "GAD7_BANDS",
    "GUIDELINE_SOURCE",
    "HIGH_IMPORTANCE",
    "PHQ9_BANDS",
    "SCORE_SOURCES",
    "SURE_ANSWERS",
    "SURE_CODES",
    "answer_label",
    "build_summary",
    "format_money",
    "gad7_total",
    "importance_label",
    "match_rule",
    "phq9_total",
    "schema",
    "scores_given",
    "sure_items",
    "sure_summary",
    "validate_answers",
]


def build_summary(
    answers: dict, sure: dict | None = None, answered_on: date | None = None, first_view: bool = False
) -> dict:
    """The whole summary for one valid answers dict (contract codes), from the current content.

    `sure` is the person's SURE test, {code: "yes" | "no"}, stored apart from the answers;
    `answered_on` the day the answers were last saved, shown beside the risk answers.
    `first_view`: only what the results page shows before a click, for the page every person
    opens most: no sources list, glossary or footer (its on-demand parts, paper and the
    contract's output build the whole summary)."""
    content = load(answers)
    region_code = answers.get("region") or FALLBACK_REGION
    region = nation_region(person_region(answers, content), answers, content)
    resources = content["resources"]

    def resources_of(kind: str) -> list[dict]:
        # The person's own region first; the international routes when it has none.
        return list(resources[region["code"]][kind]) or list(resources[FALLBACK_REGION][kind])

    person_scores = scores(answers)
    derived = {"phq9_band": person_scores["phq9"]["band"], "gad7_band": (person_scores["gad7"] or {}).get("band")}
    crisis = {
        "active": signals_risk(answers),
        # The person's lines (youth lines first under 18, their UK nation's): content/lines.py.
        "resources": crisis_resources(resources[region["code"]], answers) or resources_of("crisis"),
        "emergency_number": region["emergency_number"],
    }
    labels = row_labels()
    options = [option_entry(option, answers, derived, region, content, labels) for option in content["options"]]

    summary = {
        "content_version": content["version"].version if content["version"] else "unknown",
        "content": content_dates(content["version"]),
        "region": region_code,
        "region_name": region["name"],
        "uk_nation": region.get("uk_nation"),
        "uk_nation_name": region.get("uk_nation_name", ""),
        "currency": region["currency"],
        "payment": region["payment"],
        "emergency_number": region["emergency_number"],
        "crisis": crisis,
        "risk": risk(answers, answered_on),
        "scores": person_scores,
        "notices": with_concern_notices(
            notices(
                answers, person_scores, crisis, resources_of("youth"), group_notices(answers, content, region["code"])
            ),
            concern_notices(answers, region["emergency_number"], resources[region["code"]]),
        ),
        "conditions": conditions(answers, content),
        "other_care": other_care(answers, content),
        "answers_echo": _answers_echo(answers, region),
        "options": options,
        "values": values(answers, options),
        "figures": figures(answers, content),
        "questions_for_clinician": questions(answers, person_scores, crisis),
        "referral": {
            "text": _(
                "This aid does not replace a professional. A doctor, nurse or therapist can help you choose. "
                "They can also check how you are doing."
            ),
            "resources": resources_of("professional") + nation_routes(answers, content),
        },
        "sure": sure_summary(sure),
    }
    if first_view:
        # Its "Some numbers from studies" link shows when a figure's source is in the content,
        # as attach_sources would keep it.
        known = snapshot.current().sources
        summary["figures"] = [figure for figure in summary["figures"] if figure["source"] in known]
        return summary
    # IPDAS: funder, authors, reading level and user testing, in one line for the paper's foot.
    summary["footer"] = disclosures.footer()
    summary["glossary"] = [
        {"term": term["term"], "meaning": term["meaning"], "sources": list(term["sources"])}
        for term in content["glossary"]
    ]
    attach_sources(summary)
    return summary


def _answers_echo(answers: dict, region: dict) -> dict:
    concerns = answers.get("concerns") or []
    return {
        "region": answers.get("region") or region["code"],
        "region_name": label(codes.REGIONS, answers["region"]) if answers.get("region") else region["name"],
        "age_band": answers.get("age_band"),
        "age_band_label": label(codes.AGE_BANDS, answers.get("age_band")) if answers.get("age_band") else "",
        "concerns": [{"code": code, "label": label(codes.CONCERNS, code)} for code in concerns],
        "concerns_chosen": bool(concerns),
        "goals": [{"code": code, "label": label(codes.GOALS, code)} for code in answers.get("goals") or []],
    }
