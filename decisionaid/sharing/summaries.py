"""What every page showing a shared summary renders: the one summary from `build_summary`,
plus the person's PHQ-9 and GAD-7 answers item by item, for the professional reading it."""

from decisionaid.instruments import ATTRIBUTION, DIFFICULTY, FREQUENCY, INSTRUMENTS, RISK_ITEM
from decisionaid.summary import build_summary

NAMES = {"phq9": "PHQ-9", "gad7": "GAD-7"}


def instrument_answers(answers: dict) -> list[dict]:
    frequency, difficulty = dict(FREQUENCY), dict(DIFFICULTY)
    instruments = []
    for instrument in INSTRUMENTS:
        rows = [
            {
                "text": item.text,
                "value": answers[item.code],
                "label": frequency.get(answers[item.code], ""),
                # Item 9 asks about thoughts of death or self-harm: its row stands out.
                "risk": item.code == RISK_ITEM,
            }
            for item in instrument.items
            if answers.get(item.code) is not None
        ]
        closing = instrument.difficulty
        if closing and answers.get(closing.code) is not None:
            value = answers[closing.code]
            rows.append({"text": closing.text, "value": value, "label": difficulty.get(value, "")})
        if rows:
            instruments.append({"name": NAMES[instrument.key], "stem": instrument.stem, "rows": rows})
    return instruments


def summary_context(answers: dict, summary: dict | None = None) -> dict:
    return {
        "summary": summary or build_summary(answers),
        "instruments": instrument_answers(answers),
        "attribution": ATTRIBUTION,
    }
