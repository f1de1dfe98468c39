"""Icon arrays: natural frequencies out of 100 people, from the reviewed content (`Figure`
rows), for the person's own concerns: every arm of each study, its time frame, the people it
studied and how sure it is. A figure tied to no concern (a side effect of medicine) is shown
beside the benefit figures of the options it is about, never on its own: harms without the
benefits would lean against those options."""

from django.utils.translation import gettext as _

from .answers import chosen_concerns


def sentence_case(words: str) -> str:
    """Lower-case the first letter inside a sentence, unless the first word is an initialism
    ("CBT", "SSRI"), which keeps its capitals."""
    first = words.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return words
    return words[:1].lower() + words[1:]


def numbers(answers: dict, content: dict) -> list[dict]:
    chosen = set(chosen_concerns(answers))
    for_concerns = [figure for figure in content["figures"] if chosen & set(figure["concerns"])]
    with_benefits = {slug for figure in for_concerns for slug in figure["options"]}
    return [
        number(figure)
        for figure in content["figures"]
        if figure in for_concerns or (not figure["concerns"] and with_benefits & set(figure["options"]))
    ]


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
