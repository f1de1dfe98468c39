"""The comparison grid: the questions people ask, answered option against option in short
cells, and what each option's details hold. It only arranges the one summary that
`build_summary` returns; the results page, its print view, the PDF and a shared summary all
render it."""

from django.utils.translation import gettext_lazy

from decisionaid.summary import scores_given

# The comparison's questions, in this order for everyone. `kind` says where a cell comes from:
# a fact row's short text, the evidence for the person's concerns, the cost, or the fits.
# The person's own rows (their concerns, their cost, their time) come before the rows that
# read the same for everyone.
QUESTIONS = [
    ("evidence", "evidence", gettext_lazy("How well it works for what you chose")),
    ("cost", "cost", gettext_lazy("What it costs you")),
    ("course", "fact", gettext_lazy("How many sessions, or how long")),
    ("time_to_change", "fact", gettext_lazy("How soon people notice a change")),
    ("fits", "fits", gettext_lazy("How it fits what matters to you")),
    ("what_it_is", "fact", gettext_lazy("What it is")),
    ("risks", "fact", gettext_lazy("Side effects and risks")),
    ("asks", "fact", gettext_lazy("What it asks of you")),
]

# The title of each notice, as its heading and as the name of its region, so no two
# regions on a page share a name. A notice the content adds later gets the last one.
NOTICE_TITLES = {
    "crisis": gettext_lazy("Please get help now"),
    "severe_depression": gettext_lazy("Please see someone soon"),
    "less_severe_depression": gettext_lazy("If your low mood is less severe"),
    "mild_symptoms": gettext_lazy("If your symptoms are mild"),
    "youth": gettext_lazy("For young people"),
    "older_adult": gettext_lazy("If you are 65 or older"),
    "pregnancy_medication": gettext_lazy("Medicine, pregnancy and breastfeeding"),
    "breastfeeding": gettext_lazy("Medicine and breastfeeding"),
    "physical_risk": gettext_lazy("A check of your body"),
    "alcohol_withdrawal": gettext_lazy("Stopping alcohol safely"),
    "other_options": gettext_lazy("More choices than these five"),
    "perinatal_ocd": gettext_lazy("Unwanted thoughts about your baby"),
}
OTHER_NOTICE_TITLE = gettext_lazy("Please read this")

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
TOPICS_SHOWN = 1
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


def comparison_rows(summary: dict, labels: dict[str, str] | None = None, paper: bool = False) -> list[dict]:
    """The comparison: one row per question, one cell per option, options in their fixed order."""
    labels = source_labels(summary) if labels is None else labels
    value_labels = {f"importance.{value['code']}": value["label"] for value in summary["values"]}
    return [
        {
            "code": code,
            "label": label,
            "cells": [_cell(code, kind, option, labels, value_labels, paper) for option in summary["options"]],
        }
        for code, kind, label in QUESTIONS
    ]


def comparison_grid(summary: dict, paper: bool = False) -> dict:
    """The grid's rows (one per question, one cell per option, options in their fixed
    order), each option's details (not on paper), and the sources list. On paper the sources list keeps
    only what paper still cites: the scores, the grid and the icon arrays."""
    labels = source_labels(summary)
    rows = comparison_rows(summary, labels, paper)
    figures = summary["figures"]
    sources = summary["sources"]
    if paper:
        figures = _paper_figures(summary)
        cited = {key for score in scores_given(summary) for key in score["sources"]}
        for row in rows:
            for cell in row["cells"]:
                cited.update(source["key"] for source in cell.get("sources", []))
                cited.update(source["key"] for item in cell.get("items", []) for source in item["cited"])
        cited.update(key for figure in figures for key in figure["sources"])
        sources = [source for source in sources if source["key"] in cited]
    grid = {
        "rows": rows,
        "figures": cited_figures(figures, labels),
        "scores": cited_scores(summary, labels),
        "sources": [{**source, "label": labels[source["key"]]} for source in sources],
    }
    if not paper:
        # Paper prints neither the options' details nor the condition texts: not made for it.
        grid["details"] = [_details(option, labels) for option in summary["options"]]
        grid["conditions"] = cited_conditions(summary, labels)
    return grid


def cited_figures(figures: list[dict], labels: dict[str, str]) -> list[dict]:
    return [{**figure, "cited": _cited(figure["sources"], labels)} for figure in figures]


def cited_conditions(summary: dict, labels: dict[str, str]) -> list[dict]:
    return [{**condition, "cited": _cited(condition["sources"], labels)} for condition in summary.get("conditions", [])]


def cited_scores(summary: dict, labels: dict[str, str]) -> list[dict]:
    return [{**score, "cited": _cited(score["sources"], labels)} for score in scores_given(summary)]


def notices(summary: dict) -> list[dict]:
    """The summary's notices but the crisis one (which has a block of its own), each with
    its title. A title met twice names only its first region, so landmarks stay unique."""
    seen, result = set(), []
    for notice in summary["notices"]:
        if notice["code"] == "crisis":
            continue
        # "More choices than these five" says in general what the care offered first for their
        # own concerns says in particular: on a page that has that, once is enough.
        if notice["code"] == "other_options" and summary.get("other_care"):
            continue
        # Both say that guided self-help or a talking therapy is often tried first: the one for
        # low mood (NICE NG222) says it for them, so the general one for mild symptoms is not repeated.
        if notice["code"] == "mild_symptoms" and any(n["code"] == "less_severe_depression" for n in summary["notices"]):
            continue
        title = str(notice.get("title") or NOTICE_TITLES.get(notice["code"], OTHER_NOTICE_TITLE))
        result.append({**notice, "title": title, "region": title not in seen})
        seen.add(title)
    return result


def option_cards(summary: dict) -> list[dict]:
    """The first view of each option, in the fixed order: what it is in a line, the evidence
    for each of the person's own concerns (by level), what it would cost them, how long it
    takes, and its first one or two fits and considerations (the details hold the rest)."""
    value_labels = {f"importance.{value['code']}": value["label"] for value in summary["values"]}
    cards = []
    for option in summary["options"]:
        facts = {fact["row"]: fact for fact in option["facts"]}

        def brief(row: str, facts: dict = facts) -> str:
            fact = facts.get(row) or {}
            return fact.get("brief") or fact.get("text") or ""

        cards.append(
            {
                "option": option,
                "what_it_is": brief("what_it_is"),
                "levels": _by_level(option["evidence"]),
                "cost": option["cost"].get("display") or brief("cost"),
                "course": brief("course"),
                "not_offered": option.get("offered_here") is False,
                **_fits_cell(option, value_labels),
            }
        )
    return cards


def _by_level(evidence: list[dict]) -> list[dict]:
    """The evidence for the person's concerns grouped by level, strongest first, so each
    level's dots and words are said once however many concerns share it."""
    order = list(LEVEL_MARKS)
    levels: dict[str, dict] = {}
    for item in sorted(evidence, key=lambda item: order.index(item["level"]) if item["level"] in order else len(order)):
        level = levels.setdefault(
            item["level"],
            {
                "level": item["level"],
                "level_label": item["level_label"],
                "mark": LEVEL_MARKS.get(item["level"], ""),
                "items": [],
            },
        )
        # Only what the card prints, every key present: a key a template looks up and misses
        # costs it far more than one it finds empty.
        level["items"].append({"concern_label": item["concern_label"], "medicine": item.get("medicine", "")})
    return list(levels.values())


def first_sentence(text: str) -> str:
    """A text's first sentence: the one plain line the first view keeps of a longer text."""
    head, stop, _rest = text.partition(". ")
    return head + "." if stop else text


def concern_lines(summary: dict) -> list[dict]:
    """One plain line about each concern the person chose; the full text is a click away."""
    return [{**condition, "line": first_sentence(condition["text"])} for condition in summary.get("conditions", [])]


# What each "Sources" link of the first view lists: the sources behind one block.
SOURCE_BLOCKS = ("scores", "options", "compare", "conditions", "figures")


def block_sources(summary: dict, block: str) -> list[dict] | None:
    """The sources one block cites, each once, in the sources list's order: the scores, the
    options' first view, all five side by side, what the person chose, the icon arrays, or one
    option's details (by its slug). None for a block that does not exist."""
    options = {option["slug"]: option for option in summary["options"]}
    if block == "scores":
        keys = {key for score in scores_given(summary) for key in score["sources"]}
    elif block == "options":
        keys = {key for option in options.values() for item in option["evidence"] for key in item["sources"]}
        keys.update(key for option in options.values() for key in option["cost"].get("sources", []))
        keys.update(
            key
            for option in options.values()
            for fact in option["facts"]
            if fact["row"] in ("course", "what_it_is")
            for key in fact["sources"]
        )
    elif block == "compare":
        keys = {key for option in options.values() for fact in option["facts"] for key in fact["sources"]}
        keys.update(key for option in options.values() for item in option["evidence"] for key in item["sources"])
    elif block == "conditions":
        keys = {key for condition in summary.get("conditions", []) for key in condition["sources"]}
    elif block == "figures":
        keys = {key for figure in summary["figures"] for key in figure["sources"]}
    elif block in options:
        option = options[block]
        keys = {key for fact in option["facts"] for key in fact["sources"]}
        keys.update(key for item in option["evidence"] for key in item["sources"])
        keys.update(
            key for reason in option["fit_reasons"] + option["consideration_reasons"] for key in reason["sources"]
        )
    else:
        return None
    labels = source_labels(summary)
    return [{**source, "label": labels[source["key"]]} for source in summary["sources"] if source["key"] in keys]


def option_details(summary: dict, slug: str) -> dict | None:
    """One option's details, by its slug, or None for an option that does not exist."""
    labels = source_labels(summary)
    for option in summary["options"]:
        if option["slug"] == slug:
            return _details(option, labels)
    return None


def _paper_figures(summary: dict) -> list[dict]:
    """The icon arrays that matter most to this person: those about the concerns they chose,
    then the rest, in the summary's order, as many as paper has room for."""
    chosen = {concern["code"] for concern in summary["answers_echo"]["concerns"]} or {"depression"}
    figures = summary["figures"]
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
