"""Figures: a study's result in each arm drawn as icon arrays, natural frequencies out of 100 people, from the reviewed content (`Figure`
rows), for the person's own concerns: every arm of each study, its time frame, the people it
studied and how sure it is. A harm figure (a side effect of a medicine) is shown only beside a
benefit figure of the same option for a concern the person chose whose medicine it is about,
never on its own: harms without the benefits would lean against those options, and one
medicine's side effects must not be shown for another's concern (an antidepressant's for
sleeping pills). No figure for a concern the person did not choose."""

from django.utils.translation import gettext as _

from .answers import chosen_concerns


def sentence_case(words: str) -> str:
    """Lower-case the first letter inside a sentence, unless the first word is an initialism
    ("CBT", "SSRI"), which keeps its capitals."""
    first = words.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return words
    return words[:1].lower() + words[1:]


def figures(answers: dict, content: dict) -> list[dict]:
    chosen = set(chosen_concerns(answers))
    benefits = [figure for figure in content["figures"] if not figure["harm"] and chosen & set(figure["concerns"])]
    shown = []
    for figure in content["figures"]:
        if not figure["harm"]:
            if figure in benefits:
                shown.append(figure)
            continue
        # Its concerns are those whose medicine it is about; a benefit figure of the same
        # option must be shown for one of them.
        concerns = chosen & set(figure["concerns"])
        if any(
            concerns & set(benefit["concerns"]) and set(benefit["options"]) & set(figure["options"])
            for benefit in benefits
        ):
            shown.append(figure)
    return [number(figure) for figure in shown]


def number(figure: dict) -> dict:
    return {
        "code": figure["code"],
        "title": figure["title"],
        "source": figure["source"],
        "sources": [figure["source"]],
        "denominator": 100,
        "options": list(figure["options"]),
        "concerns": list(figure["concerns"]),
        "groups": [
            {
                "label": group["label"],
                "count": group["count"],
                "text": _("%(count)s in 100 people who %(group)s %(outcome)s.")
                % {"count": group["count"], "group": sentence_case(group["label"]), "outcome": figure["outcome"]},
            }
            for group in figure["groups"]
        ],
        "time_frame": figure["time_frame"],
        "people": figure["people"],
        "uncertainty": figure["uncertainty"],
    }
