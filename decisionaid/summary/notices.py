"""Notices at the top of the summary: crisis, severe low mood, less severe low mood (NICE NG222
1.5.3), the notices of the groups a person is in (young, older, pregnancy, breastfeeding,
milder symptoms: summary/populations.py), and the choices beyond this aid's five."""

from django.utils.translation import gettext as _

# Sentences written here cite content sources by key. A key missing from the content is
# dropped, so the summary never cites what it cannot show in full.
GUIDELINE_SOURCE = "nice-ng222"
# NICE NG222 calls a PHQ-9 total under 16 "less severe" depression (FACTS.md section 6).
LESS_SEVERE_BELOW = 16


def notices(
    answers: dict, scores: dict, crisis: dict, youth_resources: list[dict], group_notices: list[dict] | None = None
) -> list[dict]:
    result = []
    if crisis["active"]:
        result.append(
            {
                "code": "crisis",
                "text": _crisis_text(answers) % {"number": crisis["emergency_number"]},
                "resources": crisis["resources"],
                "sources": [],
            }
        )
    # NG222 is the adults' guideline. A young person's medicine is NG134's (the youth notice:
    # a talking therapy first, fluoxetine only after a specialist and only with therapy), so
    # they never read the adults' "add medicine" or "unless you would prefer it".
    young = answers.get("age_band") == "under_18"
    if scores["phq9"]["total"] >= 20:
        text = _("Your answers point to severe low mood. Please see a doctor or a mental health worker soon.")
        if not young:
            text += " " + _("With low mood like this, health guides often add medicine to talking therapy.")
        result.append({"code": "severe_depression", "text": text, "sources": [GUIDELINE_SOURCE]})
    if scores["phq9"]["total"] < LESS_SEVERE_BELOW and "depression" in (answers.get("concerns") or []) and not young:
        result.append(
            {
                "code": "less_severe_depression",
                "text": _(
                    "Your low mood score is under 16. For low mood that is less severe, NICE says medicine "
                    "should not be the usual first choice, unless you would prefer it. Guided self-help or a "
                    "talking therapy is often tried first."
                ),
                "sources": [GUIDELINE_SOURCE],
            }
        )
    # The groups' notices (summary/populations.py): youth, older_adult, pregnancy_medication,
    # breastfeeding, mild_symptoms, in content's words; the youth notice keeps its help lines.
    for notice in group_notices or []:
        if notice["code"] == "youth":
            text = (
                notice["text"]
                + " "
                + (
                    _("These services are there for young people:")
                    if youth_resources
                    else _("Ask a doctor or an adult you trust about help for young people near you.")
                )
            )
            notice = {**notice, "text": text, "resources": youth_resources}
        result.append(notice)
    result.append(
        {
            "code": "other_options",
            "text": _(
                "There are more choices than the five here, and for some concerns other care often comes first. "
                "Ask about them. A doctor or therapist can tell you more."
            ),
            "sources": [GUIDELINE_SOURCE],
        }
    )
    return result


def _crisis_text(answers: dict) -> str:
    """The crisis notice in the words of the question that was answered: the safety question
    asks about harming yourself or someone else; PHQ-9 item 9 about thoughts of death or of
    hurting yourself (issue 23, item 5)."""
    if answers.get("in_danger_now") is True:
        said = _("You told us you may be in danger now, or may act on thoughts of harming yourself or someone else.")
    else:
        said = _("You told us you have had thoughts that you would be better off dead, or of hurting yourself.")
    return said + " " + _("Please get help now. Call %(number)s or one of the lines below. You do not have to wait.")
