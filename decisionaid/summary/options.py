"""One option's entry in the summary: its facts, evidence, fits, considerations, time and cost."""

from django.utils.translation import gettext as _

from decisionaid.content.models import OptionFact

from .answers import unique
from .costs import cost, cost_considerations
from .courses import concern_courses, with_courses
from .evidence import evidence_entries
from .findings import add_findings, findings
from .fits import evidence_reasons, one_idea_once, risks_reason, rule_reasons
from .medicines import add_medicine_notes, medicine_notes
from .nations import nation_access
from .past_treatment import past_treatment_reasons
from .populations import group_reasons, group_rows


def row_labels() -> list[tuple[str, str]]:
    """Each fact row's code and name, translated: once for the five options, not once each."""
    return [(row, str(row_label)) for row, row_label in OptionFact.Row.choices]


def option_entry(
    option: dict, answers: dict, derived: dict, region: dict, content: dict, labels: list | None = None
) -> dict:
    facts = content["facts"][option["id"]]
    own_rows = group_rows(option, answers, content)
    rows = []
    for row, row_label in labels or row_labels():
        fact = facts.get(row) or {"text": _("We do not have this information yet."), "sources": []}
        brief = fact.get("brief") or fact["text"]  # the first view's cell: 25 words or fewer
        text, sources = fact["text"], unique(fact["sources"])
        if row in own_rows:
            # A group's own words for this row (a young person's medicine), with their sources.
            own = own_rows[row]
            text, brief, sources = own["text"], own["title"] or own["text"], unique(own["sources"])
        rows.append({"row": row, "label": row_label, "text": text, "brief": brief, "sources": sources})
    courses = concern_courses(option, answers, content)
    rows = [with_courses(fact, courses, answers) if fact["row"] == "course" else fact for fact in rows]
    notes = medicine_notes(option, answers, content)
    add_findings(rows, findings(option, answers, content), set(notes))
    add_medicine_notes(rows, notes)
    by_row = {fact["row"]: fact for fact in rows}

    option_cost = cost(option, answers, region, by_row["cost"], content)
    evidence_fits, evidence_considerations = evidence_reasons(option, answers, content)
    rule_fits, rule_considerations = rule_reasons(option, answers, derived, content)
    group_fits, group_considerations, own_fits = group_reasons(option, answers, content)
    if own_fits:
        rule_fits = []
    # After a group's own fits: "it helped before" is the person's own, whoever they are.
    rule_fits, rule_considerations = past_treatment_reasons(option, answers, rule_fits, rule_considerations)
    fit_reasons, consideration_reasons = one_idea_once(
        evidence_fits + group_fits + rule_fits,
        group_considerations
        + evidence_considerations
        + rule_considerations
        + cost_considerations(answers, option_cost),
    )
    if fit_reasons and not consideration_reasons:
        consideration_reasons = [risks_reason(rows)]
    access = nation_access(option, answers, content) or content["access"].get(option["id"], {}).get(region["code"])

    return {
        "slug": option["slug"],
        "name": option["name"],
        "facts": rows,
        "evidence": evidence_entries(option, answers, content),
        "fits": [reason["text"] for reason in fit_reasons],
        "considerations": [reason["text"] for reason in consideration_reasons],
        "fit_reasons": fit_reasons,
        "consideration_reasons": consideration_reasons,
        "time": {
            "sessions_low": option["sessions_low"],
            "sessions_high": option["sessions_high"],
            "course": by_row["course"]["text"],
            "time_to_change": by_row["time_to_change"]["text"],
            "by_concern": courses,
            "sources": unique(by_row["course"]["sources"] + by_row["time_to_change"]["sources"]),
        },
        "cost": option_cost,
        "access": {"text": access["text"], "sources": unique(access["sources"])} if access else None,
    }
