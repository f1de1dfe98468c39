"""The PHQ-9 and GAD-7 totals and bands for the summary's `scores`, from the instruments as
`decisionaid/instruments.py` defines them once."""

from django.utils.translation import gettext as _

from decisionaid.instruments import GAD7, PHQ9

PHQ9_BANDS = [(band.minimum, band.name) for band in PHQ9.bands]
GAD7_BANDS = [(band.minimum, band.name) for band in GAD7.bands]
# Where the bands' cut points come from (FACTS.md section 7): source keys in the content.
SCORE_SOURCES = {instrument.key: list(instrument.sources) for instrument in (PHQ9, GAD7)}


def phq9_total(answers: dict) -> int:
    """A missing item counts as 0: the PHQ-9 step requires every item, so only hand-made
    answers lack one, and the crisis routing reads item 9 on its own."""
    return sum(int(answers.get(code) or 0) for code in PHQ9.codes)


def gad7_total(answers: dict) -> int | None:
    """None unless every GAD-7 item is answered: a partial total would understate worry."""
    return GAD7.total(answers)


def phq9_band_label(name: str) -> str:
    return str(next(band.label for band in PHQ9.bands if band.name == name))


def gad7_band_label(name: str) -> str:
    return str(next(band.label for band in GAD7.bands if band.name == name))


def _score(instrument, total: int) -> dict:
    band = instrument.band(total)
    return {
        "total": total,
        "band": band.name,
        "max": instrument.max_total,
        "name": str(instrument.name),
        "band_label": str(band.label),
        "sources": list(instrument.sources),
    }


def scores(answers: dict) -> dict:
    gad = gad7_total(answers)
    return {
        "phq9": _score(PHQ9, phq9_total(answers)),
        "gad7": _score(GAD7, gad) if gad is not None else None,
        "note": _(
            "These are screening scores, not a diagnosis. Only a health professional can tell you what is going on."
        ),
    }


def scores_given(summary: dict) -> list[dict]:
    """The summary's PHQ-9 score, and its GAD-7 score when there is one."""
    return [score for score in (summary["scores"]["phq9"], summary["scores"]["gad7"]) if score]
