"""Fits and considerations: the FitRule sentences the person's answers trigger for each
option, the sentences that follow the evidence for each concern they chose, and the `values`
list that ties each importance answer to them.

No option ever ends with fits and no consideration: one with none gets its own side effects
and risks, from the content, as a consideration."""

from django.utils.translation import gettext as _

from decisionaid import codes
from decisionaid.content.models import FitRule

from .answers import answer_label, chosen_concerns, concern_name, label, match_rule, unique
from .evidence import is_approximate, with_about
from .notices import LESS_SEVERE_BELOW
from .scores import phq9_total

WEAK_LEVELS = ("limited", "not_recommended", "insufficient")
# NICE CG192 as its information for the public puts it (FACTS 14.C.1, 14.J.3).
PERINATAL_SOURCE = "nice-cg192-ifp"


def rule_reasons(option: dict, answers: dict, derived: dict, content: dict) -> tuple[list[dict], list[dict]]:
    """(fits, considerations) from the option's FitRule rows the answers trigger."""
    fits, considerations = [], []
    concerns = set(chosen_concerns(answers))
    for rule in content["rules"][option["id"]].values():
        if rule.get("concerns") and not concerns.intersection(rule["concerns"]):
            # Its evidence comes from studies of other concerns (issue 23.7).
            continue
        given = match_rule(rule["question"], rule["value"], answers, derived)
        if given is None:
            continue
        reason = {
            "text": rule["text"],
            "question": rule["question"],
            "value": rule["value"],
            "answer": given,
            "answer_label": answer_label(rule["question"], given),
            "sources": unique(rule["sources"]),
        }
        (fits if rule["kind"] == FitRule.Kind.FIT else considerations).append(reason)
    return fits, considerations


def evidence_reasons(option: dict, answers: dict, content: dict) -> tuple[list[dict], list[dict]]:
    """(fits, considerations) from the evidence for each concern the person chose: a fit where
    the concern's guideline suggests this option first; a consideration, naming the concern and
    saying what is known, where the evidence is limited, a guideline advises against it, there
    is too little research, or the guideline offers it only second or does not name it."""
    fits, considerations = [], []
    for concern in answers.get("concerns") or []:
        item = content["evidence"][option["id"]].get(concern)
        if item is None:
            continue
        words = {"concern": concern_name(concern), "body": item.get("guideline_body", "")}
        reason = {
            "question": "concerns",
            "value": concern,
            "answer": concern,
            "answer_label": answer_label("concerns", concern),
            "sources": unique(item["sources"]),
        }
        if item.get("guideline_position") == "first_line":
            first = _first_line_reason(item, answers, words)
            (fits if first["fits"] else considerations).append({**reason, "text": first["text"]})
        if item.get("perinatal_unscoped"):
            considerations.append({**reason, **perinatal_reason()})
        opening = _weak_opening(item)
        if opening:
            summary = item["summary"]
            if is_approximate(item, reason["sources"], content["sources"]):
                summary = with_about(summary)
            text = f"{opening % words} {summary}".strip()
            considerations.append({**reason, "text": text})
    return fits, considerations


def _first_line_reason(item: dict, answers: dict, words: dict) -> dict:
    """The guideline's first choice, said only for the people it is meant for. Where the PHQ-9
    total says the person is not among them, it is a consideration instead of a fit."""
    scope = item.get("guideline_for", "")
    if not scope:
        return {"fits": True, "text": _("For %(concern)s, %(body)s suggests this first.") % words}
    text = _("%(body)s suggests this first %(scope)s.") % {**words, "scope": scope}
    severity = item.get("guideline_severity", "")
    if severity == "not_asked":
        more = _("This aid does not ask about that, so ask your clinician if it fits you.")
        return {"fits": False, "text": f"{text} {more}"}
    less_severe = phq9_total(answers) < LESS_SEVERE_BELOW
    if severity and (severity == "less_severe") != less_severe:
        more = _("Your low mood score is in a different range. Ask your clinician what suits you.")
        return {"fits": False, "text": f"{text} {more}"}
    return {"fits": True, "text": text}


def perinatal_reason() -> dict:
    """For a medicine whose first-line mark is not meant for someone pregnant or after birth
    (NICE CG192: psychological therapy first; medicine weighed with a prescriber)."""
    return {
        "text": _(
            "When you are pregnant or have a baby, talking therapy often comes first. "
            "Ask your prescriber what a medicine could mean for you and your baby."
        ),
        "sources": [PERINATAL_SOURCE],
    }


def _weak_opening(item: dict) -> str:
    """The start of a consideration for a cell whose evidence is weak, or whose guideline offers
    the option only later or not at all; "" for a cell with neither."""
    if item["level"] in WEAK_LEVELS:
        return {
            "limited": _("For %(concern)s, the evidence for this is limited."),
            "not_recommended": _("For %(concern)s, a health guide advises against this, or against it alone."),
            "insufficient": _("For %(concern)s, there is not enough research on this yet."),
        }[item["level"]]
    if item.get("guideline_position") == "second_line":
        return _("For %(concern)s, %(body)s offers this if the first choices do not help or do not suit.")
    if item.get("guideline_position") == "not_covered":
        return _("For %(concern)s, %(body)s does not name this.")
    return ""


def risks_reason(facts: list[dict]) -> dict:
    """The option's side effects and risks, as the consideration every option can show."""
    risks = next(fact for fact in facts if fact["row"] == "risks")
    return {
        "text": risks.get("brief") or risks["text"],
        "question": "risks",
        "value": "",
        "answer": None,
        "answer_label": _("Every option has some risks"),
        "sources": unique(risks["sources"]),
    }


def _idea(text: str) -> str:
    """What a reason says after its opening echo of the answer ("You said ... ."), so a goal
    and a value that lead to the same sentence count as one idea."""
    opening, _dot, rest = text.partition(". ")
    # Only an echo of the answer ("You said...", "You want...") is left out: in any other reason
    # the first sentence is the idea ("NICE suggests this first for mild OCD. This aid does not
    # ask about that...").
    if not opening.lower().startswith("you "):
        return text.strip().lower()
    return (rest or opening).strip().lower()


def one_idea_once(fits: list[dict], considerations: list[dict]) -> tuple[list[dict], list[dict]]:
    """Each idea once: the same sentence after a different answer is listed once, and an
    answer that both fits and needs care is listed once, as needing care (the caution is the
    part a person must not miss)."""
    considerations = _first_of_each_idea(considerations)
    cautioned = {(reason["question"], str(reason["value"])) for reason in considerations}
    fits = [reason for reason in fits if (reason["question"], str(reason["value"])) not in cautioned]
    fits = _first_of_each_idea(fits)
    said = {_idea(reason["text"]) for reason in considerations}
    return [reason for reason in fits if _idea(reason["text"]) not in said], considerations


def _first_of_each_idea(reasons: list[dict]) -> list[dict]:
    seen, result = set(), []
    for reason in reasons:
        idea = _idea(reason["text"])
        if idea not in seen:
            seen.add(idea)
            result.append(reason)
    return result


def values(answers: dict, options: list[dict]) -> list[dict]:
    """The person's importance answers, most important first, with each option's sentences
    that come from that answer."""
    importance = answers.get("importance") or {}
    order = [code for code, _label_text in codes.IMPORTANCE_ITEMS]
    result = []
    for code in sorted((code for code in order if code in importance), key=lambda c: -importance[c]):
        question = f"importance.{code}"
        per_option = [
            {
                "slug": option["slug"],
                "name": option["name"],
                "fits": [r["text"] for r in option["fit_reasons"] if r["question"] == question],
                "considerations": [r["text"] for r in option["consideration_reasons"] if r["question"] == question],
            }
            for option in options
        ]
        result.append(
            {
                "code": code,
                "label": label(codes.IMPORTANCE_ITEMS, code),
                "value": importance[code],
                "value_label": label(codes.IMPORTANCE_SCALE, importance[code]),
                "related": any(item["fits"] or item["considerations"] for item in per_option),
                "options": per_option,
            }
        )
    return result
