"""One person's summary, computed once: plain Python over their answers and the content.

`build_summary` returns the object of the contract's summary.schema.json, plus extra keys.
The results page, the printable summary, shared links and `manage.py summarize` all render
that one dict; nothing is worked out twice. `validate_answers` checks answers against the
contract's answers schema, copied into `decisionaid/contract/` so the app never reads
../shared at runtime.

The summary never ranks the options, never scores them and never says which to choose:
every option is always there, in the content's order, with the same rows.
"""

import functools
import json
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_
from jsonschema import Draft202012Validator

from decisionaid import codes
from decisionaid.content import snapshot
from decisionaid.content.models import FitRule, OptionFact
from decisionaid.questionnaire.steps import signals_risk

CONTRACT_DIR = Path(__file__).resolve().parent / "contract"

PHQ9_ITEMS = [f"phq9_{n}" for n in range(1, 10)]
GAD7_ITEMS = [f"gad7_{n}" for n in range(1, 8)]
PHQ9_BANDS = [(20, "severe"), (15, "moderately_severe"), (10, "moderate"), (5, "mild"), (0, "minimal")]
GAD7_BANDS = [(15, "severe"), (10, "moderate"), (5, "mild"), (0, "minimal")]
# Where the bands' cut points come from (FACTS.md section 7): source keys in the content.
SCORE_SOURCES = {"phq9": ["kroenke-2001"], "gad7": ["spitzer-2006", "kroenke-2007"]}
HIGH_IMPORTANCE = 3  # "Matters a lot" or "Matters a great deal"
FALLBACK_REGION = "OTHER"

# Sentences written here cite content sources by key. A key missing from the content is
# dropped (a figure with it), so the summary never cites what it cannot show in full.
GUIDELINE_SOURCE = "nice-ng222"

# Natural frequencies for icon arrays (FACTS.md sections 3.4, 4.1, 4.3, 4.4 and 5): only figures
# a source gives as counts of people, each out of 100, with its time frame and how sure it is.
NUMBERS = [
    {
        "code": "medicine_helps",
        "source": "arroll-2005",
        "options": ["medication"],
        "groups": [(N_("Took an antidepressant"), 56), (N_("Took a dummy pill"), 42)],
        "title": N_("Feeling much better on medicine"),
        "outcome": N_("felt much better"),
        "time_frame": N_("In short studies with family doctors."),
        "uncertainty": N_(
            "Studies found 56 to 60 in 100 on medicine and 42 to 47 in 100 on a dummy pill. "
            "Many people get better with a dummy pill too."
        ),
    },
    {
        "code": "together_helps",
        "source": "keller-2000",
        "options": ["combined", "medication"],
        "groups": [(N_("Had therapy and medicine"), 73), (N_("Had medicine alone"), 48)],
        "title": N_("Therapy and medicine together"),
        "outcome": N_("felt much better"),
        "time_frame": N_("After 12 weeks, in people who had felt low for a long time."),
        "uncertainty": N_("This was one large study. Therapy alone helped 48 in 100, the same as medicine alone."),
    },
    {
        "code": "nausea",
        "source": "sertraline-label",
        "options": ["medication", "combined"],
        "groups": [(N_("Took an antidepressant"), 25), (N_("Took a dummy pill"), 11)],
        "title": N_("Feeling sick, a common side effect"),
        "outcome": N_("felt sick"),
        "time_frame": N_("In short tests of one medicine, sertraline."),
        "uncertainty": N_("Side effects differ from one medicine to the next. They often fade after a few weeks."),
    },
    {
        "code": "stopping",
        "source": "henssler-2024",
        "options": ["medication", "combined"],
        "groups": [(N_("Stopped an antidepressant"), 31), (N_("Stopped a dummy pill"), 17)],
        "title": N_("Symptoms after stopping medicine"),
        "outcome": N_("had some symptoms for a while"),
        "time_frame": N_("In the weeks after stopping."),
        "uncertainty": N_(
            "Most of these symptoms were mild. About 3 in 100 had bad symptoms. "
            "Experts still argue about these figures. Other studies found more."
        ),
    },
    {
        "code": "low_mood_returns",
        "source": "hollon-2005",
        "options": ["cbt", "medication"],
        "groups": [(N_("Had finished CBT"), 31), (N_("Had stopped medicine"), 76)],
        "title": N_("Low mood coming back after treatment ends"),
        "outcome": N_("had their low mood come back"),
        "time_frame": N_("In the year after treatment ended, in people who had got better."),
        "uncertainty": N_("This was one small study. Of people who kept taking medicine, 47 in 100 had it come back."),
    },
]

# The SURE test (Légaré F et al., Can Fam Physician 2010), in its published wording.
SURE_ITEMS = [
    ("sure_of_myself", "S", N_("Sure of myself"), N_("Do you feel SURE about the best choice for you?")),
    (
        "understand_information",
        "U",
        N_("Understand information"),
        N_("Do you know the benefits and risks of each option?"),
    ),
    (
        "risk_benefit_ratio",
        "R",
        N_("Risk-benefit ratio"),
        N_("Are you clear about which benefits and risks matter most to you?"),
    ),
    ("encouragement", "E", N_("Encouragement"), N_("Do you have enough support and advice to make a choice?")),
]
SURE_CODES = [code for code, *_rest in SURE_ITEMS]
SURE_ANSWERS = ("yes", "no")

LIST_QUESTIONS = {"concerns": codes.CONCERNS, "goals": codes.GOALS, "past_treatments": codes.PAST_TREATMENTS}
CHOICE_QUESTIONS = {
    "region": codes.REGIONS,
    "age_band": codes.AGE_BANDS,
    "relief_timing": codes.RELIEF_TIMING,
    "commitment": codes.COMMITMENT,
    "coverage": codes.COVERAGE,
    "medication_view": codes.MEDICATION_VIEWS,
    "pregnant_or_breastfeeding": codes.PREGNANCY,
    "style": codes.STYLES,
    **LIST_QUESTIONS,
}
CURRENCY_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "CAD": "CA$", "AUD": "A$", "NZD": "NZ$"}


# ---------------------------------------------------------------------------------------
# Validating answers


@functools.cache
def schema(name: str) -> dict:
    """The contract schema `answers` or `summary`, from the app's own copy."""
    return json.loads((CONTRACT_DIR / f"{name}.schema.json").read_text())


def validate_answers(data) -> list[str]:
    """One plain line per problem, each naming the field; an empty list when the answers are valid."""
    validator = Draft202012Validator(schema("answers"))
    problems = []
    for error in validator.iter_errors(data):
        problems.extend(_describe(error))
    return sorted(set(problems))


def _describe(error) -> list[str]:
    field = ".".join(str(part) for part in error.absolute_path) or "answers"
    prefix = "" if field == "answers" else f"{field}."
    value = error.instance
    kind = error.validator
    if kind == "required":
        match = re.match(r"^'(.+)' is a required property$", error.message)
        name = match.group(1) if match else field
        return [f"{prefix}{name}: this answer is required."]
    if kind == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        return [f"{prefix}{key}: unknown question code." for key in sorted(set(value) - known)]
    if kind == "enum":
        allowed = ", ".join(json.dumps(option) for option in error.validator_value)
        return [f"{field}: {json.dumps(value)} is not an allowed code (allowed: {allowed})."]
    if kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return [f"{field}: must be {' or '.join(wanted)}, not {_json_type(value)}."]
    if kind in ("minimum", "maximum"):
        low, high = error.schema.get("minimum"), error.schema.get("maximum")
        return [f"{field}: {json.dumps(value)} is out of range ({low} to {high})."]
    if kind == "uniqueItems":
        return [f"{field}: lists the same answer more than once."]
    return [f"{field}: {error.message}."]


def _json_type(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


# ---------------------------------------------------------------------------------------
# Scores


def phq9_total(answers: dict) -> int:
    return sum(int(answers.get(code) or 0) for code in PHQ9_ITEMS)


def gad7_total(answers: dict) -> int | None:
    """None unless every GAD-7 item is answered: a partial total would understate worry."""
    if any(answers.get(code) is None for code in GAD7_ITEMS):
        return None
    return sum(int(answers[code]) for code in GAD7_ITEMS)


def band(total: int, bands: list[tuple[int, str]]) -> str:
    return next(name for cut, name in bands if total >= cut)


def _phq9_band_label(name: str) -> str:
    return {
        "minimal": _("Few or no signs of low mood"),
        "mild": _("Mild low mood"),
        "moderate": _("Moderate low mood"),
        "moderately_severe": _("Fairly severe low mood"),
        "severe": _("Severe low mood"),
    }[name]


def _gad7_band_label(name: str) -> str:
    return {
        "minimal": _("Few or no signs of worry"),
        "mild": _("Mild worry"),
        "moderate": _("Moderate worry"),
        "severe": _("Severe worry"),
    }[name]


def _scores(answers: dict) -> dict:
    total = phq9_total(answers)
    phq9_band = band(total, PHQ9_BANDS)
    scores = {
        "phq9": {
            "total": total,
            "band": phq9_band,
            "max": 27,
            "name": _("Low mood (PHQ-9)"),
            "band_label": _phq9_band_label(phq9_band),
            "sources": SCORE_SOURCES["phq9"],
        },
        "gad7": None,
        "note": _(
            "These are screening scores, not a diagnosis. Only a health professional can tell you what is going on."
        ),
    }
    gad = gad7_total(answers)
    if gad is not None:
        gad_band = band(gad, GAD7_BANDS)
        scores["gad7"] = {
            "total": gad,
            "band": gad_band,
            "max": 21,
            "name": _("Worry (GAD-7)"),
            "band_label": _gad7_band_label(gad_band),
            "sources": SCORE_SOURCES["gad7"],
        }
    return scores


# ---------------------------------------------------------------------------------------
# Labels for answers


def _label(choices, value) -> str:
    for code, label in choices:
        if code == value:
            return str(label)
    return str(value)


def importance_label(code: str, value: int) -> str:
    return f"{_label(codes.IMPORTANCE_ITEMS, code)}: {_label(codes.IMPORTANCE_SCALE, value).lower()}"


def answer_label(question: str, value) -> str:
    """The plain words for one answer, as the person chose them."""
    if question.startswith("importance."):
        return importance_label(question.split(".", 1)[1], value)
    if question in CHOICE_QUESTIONS:
        return _label(CHOICE_QUESTIONS[question], value)
    if question == "in_danger_now":
        return _("Yes") if value else _("No")
    if question == "phq9_band":
        return _phq9_band_label(value)
    if question == "gad7_band":
        return _gad7_band_label(value)
    return str(value)


def _given(question: str, answers: dict, derived: dict):
    if question.startswith("importance."):
        return (answers.get("importance") or {}).get(question.split(".", 1)[1])
    if question in derived:
        return derived[question]
    return answers.get(question)


def match_rule(question: str, value: str, answers: dict, derived: dict | None = None):
    """The person's answer that triggers a FitRule, or None.

    Enum answers match by equality, list answers by membership, and `high` matches an
    importance of 3 or 4 (`low`: 0 or 1)."""
    given = _given(question, answers, derived or {})
    if given is None:
        return None
    if isinstance(given, list):
        return value if value in given else None
    if isinstance(given, bool):
        return given if value == ("true" if given else "false") else None
    if question.startswith("importance."):
        if value == "high":
            return given if given >= HIGH_IMPORTANCE else None
        if value == "low":
            return given if given <= 1 else None
    return given if str(given) == value else None


# ---------------------------------------------------------------------------------------
# Money


def _plain_number(amount) -> int | float:
    amount = round(float(amount), 2)
    return int(amount) if amount == int(amount) else amount


def format_money(amount, currency: str) -> str:
    """£1,200 or CA$95.50; a bare number where the currency is unknown (region OTHER)."""
    amount = _plain_number(amount)
    number = f"{amount:,}" if isinstance(amount, int) else f"{amount:,.2f}"
    symbol = CURRENCY_SYMBOLS.get(currency)
    if symbol:
        return f"{symbol}{number}"
    return f"{number} {currency}".strip()


def _cost(option: dict, fee, region: dict, cost_fact: dict) -> dict:
    currency = region["currency"]
    low = high = None
    if fee is not None and option["sessions_low"] is not None and option["sessions_high"] is not None:
        low = _plain_number(Decimal(str(fee)) * option["sessions_low"])
        high = _plain_number(Decimal(str(fee)) * option["sessions_high"])
    if low is None:
        display = _("We can't estimate this.")
    elif low == high:
        display = format_money(low, currency)
    else:
        display = _("%(low)s to %(high)s") % {"low": format_money(low, currency), "high": format_money(high, currency)}
    notes = " ".join(text for text in (cost_fact["text"], region["payment"]) if text)
    sources = list(cost_fact["sources"]) + list(region["payment_sources"])
    if low is not None:
        sources += option["sessions_sources"]
    return {
        "currency": currency,
        "low": low,
        "high": high,
        "notes": notes,
        "estimated": low is not None,
        "display": display,
        "fee": _plain_number(fee) if fee is not None else None,
        "payment": region["payment"],
        "sources": _unique(sources),
    }


# ---------------------------------------------------------------------------------------
# Loading the content: a fixed handful of flat queries, whatever the content holds.


def _load(answers: dict) -> dict:
    """The content this person's summary needs, from the in-memory snapshot (no queries
    while it is fresh)."""
    content = snapshot.current()
    region_codes = {answers.get("region") or FALLBACK_REGION, FALLBACK_REGION}
    chosen = set(_chosen_concerns(answers))
    resources = defaultdict(lambda: defaultdict(list))
    for code in region_codes:
        for kind, items in content.resources.get(code, {}).items():
            resources[code][kind] = items
    return {
        "version": content.version,
        "regions": {code: row for code, row in content.region_rows.items() if code in region_codes},
        "resources": resources,
        "options": content.options,
        "facts": defaultdict(dict, content.facts),
        "evidence": defaultdict(
            dict,
            {
                option: {concern: item for concern, item in items.items() if concern in chosen}
                for option, items in content.evidence.items()
            },
        ),
        "rules": defaultdict(dict, content.rules),
    }


def _chosen_concerns(answers: dict) -> list[str]:
    return list(answers.get("concerns") or []) or ["depression"]


def _unique(items) -> list:
    return list(dict.fromkeys(items))


# ---------------------------------------------------------------------------------------
# The summary


def build_summary(answers: dict, sure: dict | None = None) -> dict:
    """The whole summary for one valid answers dict (contract codes), from the current content.

    `sure` is the person's SURE test, {code: "yes" | "no"}, kept outside the answers."""
    content = _load(answers)
    region_code = answers.get("region") or FALLBACK_REGION
    region = content["regions"].get(region_code) or content["regions"].get(FALLBACK_REGION)
    if region is None:
        region = {
            "code": FALLBACK_REGION,
            "name": _label(codes.REGIONS, FALLBACK_REGION),
            "currency": "",
            "emergency_number": _("your local emergency number"),
            "payment": "",
            "payment_sources": [],
            "reviewed_on": None,
        }
    resources = content["resources"]

    def resources_of(kind: str) -> list[dict]:
        # The person's own region first; the international routes when it has none.
        return list(resources[region["code"]][kind]) or list(resources[FALLBACK_REGION][kind])

    scores = _scores(answers)
    derived = {"phq9_band": scores["phq9"]["band"], "gad7_band": (scores["gad7"] or {}).get("band")}
    crisis = {
        "active": signals_risk(answers),
        "resources": resources_of("crisis"),
        "emergency_number": region["emergency_number"],
    }
    options = [_option(option, answers, derived, region, content) for option in content["options"]]

    summary = {
        "content_version": content["version"].version if content["version"] else "unknown",
        "content": _content_dates(content["version"]),
        "region": region_code,
        "region_name": region["name"],
        "currency": region["currency"],
        "payment": region["payment"],
        "emergency_number": region["emergency_number"],
        "crisis": crisis,
        "scores": scores,
        "notices": _notices(answers, scores, crisis, resources_of("youth")),
        "answers_echo": _answers_echo(answers, region),
        "options": options,
        "values": _values(answers, options),
        "numbers": [_number(figure) for figure in NUMBERS],
        "questions_for_clinician": _questions(answers, scores, crisis),
        "referral": {
            "text": _(
                "This aid does not replace a professional. A doctor, nurse or therapist can help you choose. "
                "They can also check how you are doing."
            ),
            "resources": resources_of("professional"),
        },
        "sure": sure_summary(sure),
    }
    _attach_sources(summary)
    return summary


def _content_dates(version) -> dict:
    if version is None:
        return {"version": "unknown", "reviewed_on": None, "next_review_on": None}
    return {
        "version": version.version,
        "reviewed_on": version.reviewed_on.isoformat(),
        "next_review_on": version.next_review_on.isoformat(),
    }


def _option(option: dict, answers: dict, derived: dict, region: dict, content: dict) -> dict:
    facts = content["facts"][option["id"]]
    rows = []
    for row, label in OptionFact.Row.choices:
        fact = facts.get(row) or {"text": _("We do not have this information yet."), "sources": []}
        rows.append({"row": row, "label": str(label), "text": fact["text"], "sources": _unique(fact["sources"])})
    by_row = {fact["row"]: fact for fact in rows}

    evidence = []
    for concern in _chosen_concerns(answers):
        item = content["evidence"][option["id"]].get(concern)
        if item is None:
            item = {"level": "insufficient", "summary": _("We found no good studies of this."), "sources": []}
        evidence.append(
            {
                "concern": concern,
                "concern_label": _label(codes.CONCERNS, concern),
                "level": item["level"],
                "level_label": _label(codes.EVIDENCE_LEVELS, item["level"]),
                "summary": item["summary"],
                "sources": _unique(item["sources"]),
            }
        )

    cost = _cost(option, answers.get("session_fee"), region, by_row["cost"])
    fit_reasons, consideration_reasons = [], []
    for rule in content["rules"][option["id"]].values():
        given = match_rule(rule["question"], rule["value"], answers, derived)
        if given is None:
            continue
        reason = {
            "text": rule["text"],
            "question": rule["question"],
            "value": rule["value"],
            "answer": given,
            "answer_label": answer_label(rule["question"], given),
            "sources": _unique(rule["sources"]),
        }
        (fit_reasons if rule["kind"] == FitRule.Kind.FIT else consideration_reasons).append(reason)
    consideration_reasons.extend(_cost_considerations(answers, cost))
    fit_reasons = _unique_by_text(fit_reasons)
    consideration_reasons = _unique_by_text(consideration_reasons)

    return {
        "slug": option["slug"],
        "name": option["name"],
        "facts": rows,
        "evidence": evidence,
        "fits": [reason["text"] for reason in fit_reasons],
        "considerations": [reason["text"] for reason in consideration_reasons],
        "fit_reasons": fit_reasons,
        "consideration_reasons": consideration_reasons,
        "time": {
            "sessions_low": option["sessions_low"],
            "sessions_high": option["sessions_high"],
            "course": by_row["course"]["text"],
            "time_to_change": by_row["time_to_change"]["text"],
            "sources": _unique(by_row["course"]["sources"] + by_row["time_to_change"]["sources"]),
        },
        "cost": cost,
    }


def _unique_by_text(reasons: list[dict]) -> list[dict]:
    seen, kept = set(), []
    for reason in reasons:
        if reason["text"] not in seen:
            seen.add(reason["text"])
            kept.append(reason)
    return kept


def _cost_considerations(answers: dict, cost: dict) -> list[dict]:
    """When cost matters a lot, every option gets the same kind of sentence about it."""
    importance = (answers.get("importance") or {}).get("low_cost")
    if importance is None or importance < HIGH_IMPORTANCE:
        return []
    if cost["estimated"] and cost["high"]:
        text = _("At %(fee)s a session, a usual course could cost %(range)s in all.") % {
            "fee": format_money(cost["fee"], cost["currency"]),
            "range": cost["display"],
        }
    elif cost["estimated"]:
        return []
    else:
        text = _("Ask what this would cost you, and what your cover pays for.")
    return [
        {
            "text": text,
            "question": "importance.low_cost",
            "value": "high",
            "answer": importance,
            "answer_label": importance_label("low_cost", importance),
            "sources": [],
        }
    ]


def _notices(answers: dict, scores: dict, crisis: dict, youth_resources: list[dict]) -> list[dict]:
    notices = []
    if crisis["active"]:
        notices.append(
            {
                "code": "crisis",
                "text": _(
                    "You told us you may be in danger, or have had thoughts of harming yourself. "
                    "Please get help now. Call %(number)s or one of the lines below. You do not have to wait."
                )
                % {"number": crisis["emergency_number"]},
                "resources": crisis["resources"],
                "sources": [],
            }
        )
    if scores["phq9"]["total"] >= 20:
        notices.append(
            {
                "code": "severe_depression",
                "text": _(
                    "Your answers point to severe low mood. Please see a doctor or a mental health worker soon. "
                    "With low mood like this, health guides often add medicine to talking therapy."
                ),
                "sources": [GUIDELINE_SOURCE],
            }
        )
    if answers.get("age_band") == "under_18":
        text = _(
            "This aid is written for adults. Some of it may not fit young people. "
            "Please talk to a doctor or an adult you trust."
        )
        if youth_resources:
            text += " " + _("These services are there for young people:")
        else:
            text += " " + _("Ask them about help for young people near you.")
        notices.append({"code": "youth", "text": text, "resources": youth_resources, "sources": []})
    if answers.get("pregnant_or_breastfeeding") == "yes":
        notices.append(
            {
                "code": "pregnancy_medication",
                "text": _(
                    "You said you are pregnant, planning a baby or breastfeeding. Ask a doctor before you start "
                    "or change a medicine. Do not stop a medicine all at once without advice."
                ),
                "sources": [],
            }
        )
    return notices


def _answers_echo(answers: dict, region: dict) -> dict:
    concerns = answers.get("concerns") or []
    return {
        "region": answers.get("region") or region["code"],
        "region_name": _label(codes.REGIONS, answers["region"]) if answers.get("region") else region["name"],
        "age_band": answers.get("age_band"),
        "age_band_label": _label(codes.AGE_BANDS, answers.get("age_band")) if answers.get("age_band") else "",
        "concerns": [{"code": code, "label": _label(codes.CONCERNS, code)} for code in concerns],
        "concerns_chosen": bool(concerns),
        "goals": [{"code": code, "label": _label(codes.GOALS, code)} for code in answers.get("goals") or []],
    }


def _values(answers: dict, options: list[dict]) -> list[dict]:
    """The person's importance answers, most important first, with each option's sentences
    that come from that answer."""
    importance = answers.get("importance") or {}
    order = [code for code, _label_text in codes.IMPORTANCE_ITEMS]
    values = []
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
        values.append(
            {
                "code": code,
                "label": _label(codes.IMPORTANCE_ITEMS, code),
                "value": importance[code],
                "value_label": _label(codes.IMPORTANCE_SCALE, importance[code]),
                "related": any(item["fits"] or item["considerations"] for item in per_option),
                "options": per_option,
            }
        )
    return values


def _number(figure: dict) -> dict:
    outcome = _(figure["outcome"])
    return {
        "code": figure["code"],
        "title": _(figure["title"]),
        "source": figure["source"],
        "sources": [figure["source"]],
        "denominator": 100,
        "options": list(figure["options"]),
        "groups": [
            {
                "label": _(label),
                "count": count,
                "text": _("%(count)s in 100 people who %(group)s %(outcome)s.")
                % {"count": count, "group": _(label).lower(), "outcome": outcome},
            }
            for label, count in figure["groups"]
        ],
        "time_frame": _(figure["time_frame"]),
        "uncertainty": _(figure["uncertainty"]),
    }


def _questions(answers: dict, scores: dict, crisis: dict) -> list[str]:
    """5 to 10 plain questions to take to a professional, chosen from the answers."""
    medication_view = answers.get("medication_view")
    past = [item for item in answers.get("past_treatments") or [] if item != "none"]
    picks = [
        (crisis["active"], _("What should I do if I feel unsafe, and who can I call day or night?")),
        (scores["phq9"]["band"] == "severe", _("My scores are high. How soon should I start care?")),
        (True, _("Which of these options can I get near me?")),
        (True, _("How long is the wait for each option near me?")),
        (
            answers.get("coverage") in (None, "none", "unsure") or answers.get("session_fee") is not None,
            _("What would each option cost me, and what does my cover pay for?"),
        ),
        (
            medication_view in ("open", "unsure", "already_taking"),
            _("What side effects could I get from medicine, and how common are they?"),
        ),
        (
            medication_view in ("open", "unsure", "already_taking"),
            _("How would I stop the medicine safely when the time comes?"),
        ),
        (medication_view == "already_taking", _("Should I keep taking my medicine if I start therapy?")),
        (
            answers.get("pregnant_or_breastfeeding") == "yes",
            _("Is this medicine safe while I am pregnant or breastfeeding?"),
        ),
        (answers.get("style") == "structured", _("Will there be tasks to do between sessions?")),
        (answers.get("style") == "open_ended", _("How much can I talk freely in the sessions?")),
        (answers.get("commitment") == "up_to_3_months", _("How long would each option take for me?")),
        (answers.get("relief_timing") == "weeks", _("How soon might I notice a change?")),
        (bool(past), _("What could be different this time from what I tried before?")),
        (answers.get("age_band") == "under_18", _("What help is there for people my age?")),
        (True, _("What are the good points and risks of each option for me?")),
        (True, _("What should we do if I start to feel worse?")),
        (True, _("How will we know if it is working?")),
    ]
    chosen = [text for wanted, text in picks if wanted]
    if len(chosen) > 10:
        # Keep the last three (always useful) and the most pressing of the rest.
        chosen = chosen[:7] + chosen[-3:]
    return chosen


def sure_summary(sure: dict | None) -> dict:
    sure = sure or {}
    helps = {
        "sure_of_myself": _("It is fine not to be sure yet. Take your time, and talk it over with a professional."),
        "understand_information": _(
            "Read the options again, or ask a professional to explain the good points and the risks."
        ),
        "risk_benefit_ratio": _(
            "Look again at what matters to you. Think about which good points and risks count most."
        ),
        "encouragement": _(
            "Talk to someone you trust, or to a doctor, nurse or therapist. You do not have to choose alone."
        ),
    }
    items = []
    for code, letter, label, question in SURE_ITEMS:
        answer = sure.get(code) if sure.get(code) in SURE_ANSWERS else None
        items.append(
            {
                "code": code,
                "letter": letter,
                "label": _(label),
                "question": _(question),
                "answer": answer,
                "help": helps[code],
            }
        )
    answered = all(item["answer"] for item in items)
    any_no = any(item["answer"] == "no" for item in items)
    return {
        "items": items,
        "answered": answered,
        "any_no": any_no,
        "all_yes": answered and not any_no,
        "yes_count": sum(item["answer"] == "yes" for item in items),
    }


# ---------------------------------------------------------------------------------------
# Sources: every key used above, cited in full; hard-coded keys the content lacks are dropped.


def scores_given(summary: dict) -> list[dict]:
    """The summary's PHQ-9 score, and its GAD-7 score when there is one."""
    return [score for score in (summary["scores"]["phq9"], summary["scores"]["gad7"]) if score]


def _used_keys(summary: dict) -> list[str]:
    keys = []
    for score in scores_given(summary):
        keys += score["sources"]
    for notice in summary["notices"]:
        keys += notice["sources"]
    for option in summary["options"]:
        for fact in option["facts"]:
            keys += fact["sources"]
        for item in option["evidence"]:
            keys += item["sources"]
        for reason in option["fit_reasons"] + option["consideration_reasons"]:
            keys += reason["sources"]
        keys += option["time"]["sources"] + option["cost"]["sources"]
    for figure in summary["numbers"]:
        keys += figure["sources"]
    return _unique(keys)


def _attach_sources(summary: dict) -> None:
    every_source = snapshot.current().sources
    cited = {key: every_source[key] for key in _used_keys(summary) if key in every_source}

    def known(keys: list[str]) -> list[str]:
        return [key for key in keys if key in cited]

    for notice in summary["notices"]:
        notice["sources"] = known(notice["sources"])
    for score in scores_given(summary):
        score["sources"] = known(score["sources"])
    summary["numbers"] = [figure for figure in summary["numbers"] if figure["source"] in cited]

    sources = []
    for key in _used_keys(summary):
        row = cited[key]
        source = {"key": key, "citation": row["citation"], "approximate": row["approximate"]}
        if row["doi"]:
            source["doi"] = row["doi"]
        if row["url"]:
            source["url"] = row["url"]
        sources.append(source)
    summary["sources"] = sources
