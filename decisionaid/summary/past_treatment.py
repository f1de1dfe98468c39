"""What the person said about how a past treatment went, as fits and considerations
(NICE NG222 1.3.1 and 1.4.1: take previous treatment, good and bad, into account; 1.9.3:
when a treatment has not worked, other treatments can be tried and may work).

"It helped before" is a fit for that option; "it did not help last time" a consideration,
with the reasons worth talking through. Where the person said nothing about how it went,
nothing is assumed: the general sentences for a past treatment stay, but a sentence that
reads as if it failed ("a different kind is a fair choice") is not shown when it helped."""

from django.utils.translation import gettext as _

from decisionaid import codes

from .answers import label

SOURCE = "nice-ng222"
# Which of the five options each past treatment is.
OPTIONS_OF = {"cbt": ("cbt",), "psychodynamic": ("psychodynamic",), "medication": ("medication", "combined")}


def outcomes(answers: dict) -> dict:
    """{past treatment: outcome}, only for treatments the person said they had."""
    named = set(answers.get("past_treatments") or [])
    return {
        treatment: outcome
        for treatment, outcome in (answers.get("past_treatment_outcomes") or {}).items()
        if treatment in named
    }


def past_treatment_reasons(
    option: dict, answers: dict, fits: list[dict], considerations: list[dict]
) -> tuple[list[dict], list[dict]]:
    """The option's rule fits and considerations with the person's past outcomes applied."""
    known = outcomes(answers)
    if not known:
        return fits, considerations

    def keep(reason: dict) -> bool:
        if reason["question"] != "past_treatments" or reason["value"] not in known:
            return True
        if option["slug"] in OPTIONS_OF.get(reason["value"], ()):
            return False  # replaced by the sentence about how it went, below
        return known[reason["value"]] != "helped"

    fits = [reason for reason in fits if keep(reason)]
    considerations = [reason for reason in considerations if keep(reason)]
    for treatment, outcome in known.items():
        if option["slug"] not in OPTIONS_OF.get(treatment, ()):
            continue
        reason = {
            "text": _sentence(treatment, outcome),
            "question": f"past_treatment_outcomes.{treatment}",
            "value": outcome,
            "answer": outcome,
            "answer_label": label(codes.PAST_TREATMENT_OUTCOMES, outcome),
            "sources": [SOURCE],
        }
        (fits if outcome == "helped" else considerations).append(reason)
    return fits, considerations


def _sentence(treatment: str, outcome: str) -> str:
    name = {"cbt": _("CBT"), "psychodynamic": _("psychodynamic therapy"), "medication": _("medicine")}[treatment]
    words = {"treatment": name}
    if outcome == "helped":
        return (
            _(
                "You said %(treatment)s helped you before. Health guides say to weigh what has worked for you in the past."
            )
            % words
        )
    if outcome == "partly":
        return (
            _(
                "You said %(treatment)s helped a little before. Talk about what helped and what did not. "
                "A change, such as more time or another dose or therapist, may help more."
            )
            % words
        )
    if outcome == "side_effects":
        return (
            _(
                "You said you stopped %(treatment)s because of side effects. Tell your clinician what happened. "
                "Another kind or another dose may suit you better."
            )
            % words
        )
    return (
        _(
            "You said %(treatment)s did not help last time. Talk about why, such as the dose, how long you had it, "
            "or how you got on with the therapist. Even when one treatment has not worked, others can be tried, "
            "and may work."
        )
        % words
    )
