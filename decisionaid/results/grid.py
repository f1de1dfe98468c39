"""The comparison grid: the questions people ask, answered option against option in short
cells, and what each option's details hold. It only arranges the one summary that
`build_summary` returns; the results page, its print view, the PDF and a shared summary all
render it."""

from django.utils.translation import gettext_lazy

from decisionaid.summary import scores_given

# The first view's questions, in this order for everyone. `kind` says where a cell comes from:
# a fact row's short text, the evidence for the person's concerns, the cost, or the fits.
QUESTIONS = [
    ("what_it_is", "fact", gettext_lazy("What it is")),
    ("course", "fact", gettext_lazy("How many sessions, or how long")),
    ("time_to_change", "fact", gettext_lazy("How soon people notice a change")),
    ("evidence", "evidence", gettext_lazy("How well it works for what you chose")),
    ("risks", "fact", gettext_lazy("Side effects and risks")),
    ("asks", "fact", gettext_lazy("What it asks of you")),
    ("cost", "cost", gettext_lazy("What it costs you")),
    ("fits", "fits", gettext_lazy("How it fits what matters to you")),
]

# A simple mark for each evidence level, beside its words (never instead of them): filled
# dots for how much good research backs it, a cross where guidelines advise against it.
LEVEL_MARKS = {
    "strong": "●●●",
    "moderate": "●●○",
    "limited": "●○○",
    "insufficient": "○○○",
    "not_recommended": "✕",
}

# How many answers a fits cell names; the option's details hold the rest.
TOPICS_SHOWN = 2
# How many icon arrays paper has room for: those for the person's own concerns come first.
PAPER_FIGURES = 3


def source_labels(summary: dict) -> dict[str, str]:
    """Each cited source's key and how people cite it ("Kroenke 2001")."""
    return {source["key"]: source.get("label") or source["key"] for source in summary["sources"]}


def _cited(keys: list[str], labels: dict[str, str]) -> list[dict]:
    return [{"key": key, "label": labels[key]} for key in keys if key in labels]


def _topics(reasons: list[dict], value_labels: dict[str, str]) -> list[str]:
    """What each reason answers, in few words: the value's name for an importance answer
    ("Keeping the cost low"), else the answer itself ("Within a few months"). What matters
    to the person comes first."""
    reasons = sorted(reasons, key=lambda reason: reason["question"] not in value_labels)
    topics = [value_labels.get(reason["question"]) or reason["answer_label"] for reason in reasons]
    return list(dict.fromkeys(topic for topic in topics if topic))


def _fits_cell(option: dict, value_labels: dict[str, str]) -> dict:
    fits = _topics(option["fit_reasons"], value_labels)
    considerations = _topics(option["consideration_reasons"], value_labels)
    # No "and 10 more": a count of reasons reads as a score for the option. The details hold them all.
    return {"fits": fits[:TOPICS_SHOWN], "considerations": considerations[:TOPICS_SHOWN]}


# The medicine option's usual medicine, which its "What it is" row names; paper, short of
# room, names only a different one beside the level.
USUAL_MEDICINE = "an antidepressant"


def _with_medicine(item: dict, paper: bool = False) -> dict:
    """An evidence entry whose concern names the medicine its level is about, so the page
    shows it beside the level ("Psychosis (an antipsychotic, not an antidepressant)")."""
    if not item.get("medicine") or (paper and item["medicine"] == USUAL_MEDICINE):
        return item
    return {**item, "concern_label": f"{item['concern_label']} ({item['medicine']})"}


def _cell(
    code: str, kind: str, option: dict, labels: dict[str, str], value_labels: dict[str, str], paper: bool = False
) -> dict:
    facts = {fact["row"]: fact for fact in option["facts"]}
    cell = {"code": code, "kind": kind, "option": option}
    if kind == "fact":
        fact = facts.get(code) or {"brief": "", "text": "", "sources": []}
        # The short form cites its own sources: a concern's medicine note is in the full text only.
        cell.update(
            text=fact.get("brief") or fact["text"], sources=_cited(fact.get("brief_sources", fact["sources"]), labels)
        )
    elif kind == "evidence":
        cell["items"] = [
            {
                **_with_medicine(item, paper),
                "mark": LEVEL_MARKS.get(item["level"], ""),
                "cited": _cited(item["sources"], labels),
            }
            for item in option["evidence"]
        ]
    elif kind == "cost":
        fact = facts.get("cost") or {"brief": "", "text": "", "sources": []}
        cell.update(
            text=fact.get("brief") or fact["text"],
            cost=option["cost"],
            sources=_cited(fact["sources"], labels),
        )
    else:
        cell.update(_fits_cell(option, value_labels))
    return cell


def _details(option: dict, labels: dict[str, str]) -> dict:
    """Everything about one option behind its "More about" disclosure: every fact in full,
    the evidence in full, and each fit and consideration with the answer behind it."""
    return {
        "option": option,
        "facts": [{**fact, "cited": _cited(fact["sources"], labels)} for fact in option["facts"]],
        "evidence": [{**_with_medicine(item), "cited": _cited(item["sources"], labels)} for item in option["evidence"]],
        "fits": [{**reason, "cited": _cited(reason["sources"], labels)} for reason in option["fit_reasons"]],
        "considerations": [
            {**reason, "cited": _cited(reason["sources"], labels)} for reason in option["consideration_reasons"]
        ],
    }


def comparison_grid(summary: dict, paper: bool = False) -> dict:
    """The grid's rows (one per question, one cell per option, options in their fixed
    order), each option's details, and the sources list. On paper the sources list keeps
    only what paper still cites: the scores, the grid and the icon arrays."""
    labels = source_labels(summary)
    value_labels = {f"importance.{value['code']}": value["label"] for value in summary["values"]}
    rows = [
        {
            "code": code,
            "label": label,
            "cells": [_cell(code, kind, option, labels, value_labels, paper) for option in summary["options"]],
        }
        for code, kind, label in QUESTIONS
    ]
    numbers = summary["numbers"]
    sources = summary["sources"]
    if paper:
        numbers = _paper_figures(summary)
        cited = {key for score in scores_given(summary) for key in score["sources"]}
        for row in rows:
            for cell in row["cells"]:
                cited.update(source["key"] for source in cell.get("sources", []))
                cited.update(source["key"] for item in cell.get("items", []) for source in item["cited"])
        cited.update(key for figure in numbers for key in figure["sources"])
        sources = [source for source in sources if source["key"] in cited]
    return {
        "rows": rows,
        "details": [_details(option, labels) for option in summary["options"]],
        "numbers": [{**figure, "cited": _cited(figure["sources"], labels)} for figure in numbers],
        "conditions": [
            {**condition, "cited": _cited(condition["sources"], labels)} for condition in summary.get("conditions", [])
        ],
        "scores": [{**score, "cited": _cited(score["sources"], labels)} for score in scores_given(summary)],
        "sources": [{**source, "label": labels[source["key"]]} for source in sources],
    }


def _paper_figures(summary: dict) -> list[dict]:
    """The icon arrays that matter most to this person: those about the concerns they chose,
    then the rest, in the summary's order, as many as paper has room for."""
    chosen = {concern["code"] for concern in summary["answers_echo"]["concerns"]} or {"depression"}
    figures = summary["numbers"]
    ranked = sorted(figures, key=lambda figure: not chosen & set(figure.get("concerns", [])))
    return ranked[:PAPER_FIGURES]


def crisis_region(summary: dict) -> dict:
    """The person's region as `partials/crisis_lines.html` takes it: its name, emergency
    number and crisis lines, from the summary."""
    return {
        "code": summary["region"],
        "name": summary["region_name"],
        "emergency_number": summary["emergency_number"],
        "resources": [{**resource, "kind": "crisis"} for resource in summary["crisis"]["resources"]],
    }
