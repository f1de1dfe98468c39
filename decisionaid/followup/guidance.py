"""What the guidelines say to do at this point, for the option a person started, as data:
each sentence with its sources and the day it was last checked against FACTS.md 14.G and
14.0 (NICE NG222's review points). The words describe the next talk with a professional;
they never say which option to choose.

- NG222: check how any treatment works 2 to 4 weeks after starting; an antidepressant's
  first review within 2 weeks (1 week at 18 to 25), an effect usually within 4 weeks; no
  response after 4 weeks of an antidepressant at a full dose, or 4 to 6 weeks of therapy or
  both together: talk about the reasons and decide together; medicine is often taken for at
  least 6 months after feeling better; talk to the prescriber before stopping.
- NG222 (active monitoring): for someone not starting treatment, a further check within 2 to
  4 weeks."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Visit

REVIEWED_ON = "2026-12-04"


@dataclass(frozen=True)
class Advice:
    code: str
    text: Promise
    sources: tuple[str, ...] = ("nice-ng222",)


MEDICINE_EARLY = Advice(
    "medicine_early",
    _(
        "Medicine can take up to 4 weeks to help. NICE says your prescriber should check on you within "
        "2 weeks of starting, or within 1 week if you are 18 to 25."
    ),
)
MEDICINE_NOT_HELPED = Advice(
    "medicine_not_helped",
    _(
        "NICE says that if a medicine has not helped after about 4 weeks at a full dose, you and your "
        "prescriber should talk about why. Then you choose what to do next together. Please talk to the "
        "person who prescribed it. Do not stop it on your own: stopping all at once can make you feel unwell."
    ),
)
MEDICINE_HELPING = Advice(
    "medicine_helping",
    _(
        "Keep telling your prescriber how it is going. NICE says people often keep taking it for at least "
        "6 months after they feel better, with checks along the way."
    ),
)
THERAPY_EARLY = Advice(
    "therapy_early",
    _("Therapy often takes a few weeks to help. Tell your therapist how you feel at each session."),
)
THERAPY_NOT_HELPED = Advice(
    "therapy_not_helped",
    _(
        "NICE says that if therapy has not helped after 4 to 6 weeks, you and your therapist should talk "
        "about why. Then you decide together what to do next. Please talk about your progress with your therapist."
    ),
)
THERAPY_HELPING = Advice(
    "therapy_helping",
    _("Keep talking about your progress with your therapist. You can show them these scores."),
)
SELF_HELP = Advice(
    "self_help",
    _(
        "Talk about your progress with the person who supports you. NICE says to check how any care is "
        "working 2 to 4 weeks after starting, and to talk about it if it has not helped after 4 to 6 weeks."
    ),
)
OTHER = Advice(
    "other",
    _(
        "Talk about your progress with the person who gives you this care. NICE says to check how any care "
        "is working 2 to 4 weeks after starting."
    ),
)
NONE_YET = Advice(
    "none_yet",
    _(
        "It is fine not to have started yet. NICE says that when someone waits, a check-in within 2 to 4 weeks "
        "is usual. A doctor, nurse or therapist can help you look at the options again."
    ),
)
WORSE = Advice(
    "worse",
    _("Your scores went up. Please talk to your doctor, nurse or therapist soon. You do not have to wait."),
)

THERAPIES = {Visit.Started.PSYCHODYNAMIC, Visit.Started.CBT}
# Weeks since starting, at least: how long each answer means for sure.
AT_LEAST_WEEKS = {
    Visit.Since.UNDER_2: 0,
    Visit.Since.WEEKS_2_4: 2,
    Visit.Since.WEEKS_4_6: 4,
    Visit.Since.WEEKS_6_8: 6,
    Visit.Since.OVER_8: 8,
}


def advice(started: str, since: str, change: dict | None) -> list[Advice]:
    """What the guidelines say now, for the option started, how long ago, and the change
    (followup.change.change) since the first visit, if there is one to compare."""
    weeks = AT_LEAST_WEEKS.get(since, 0)
    not_helped = change is None or change["not_helped"]
    said = [WORSE] if change and change["worse"] else []
    if started in (Visit.Started.MEDICATION, Visit.Started.COMBINED):
        if weeks >= 4 and not_helped:
            said.append(MEDICINE_NOT_HELPED)
        elif weeks < 4 and not_helped:
            said.append(MEDICINE_EARLY)
        else:
            said.append(MEDICINE_HELPING)
    if started in THERAPIES or started == Visit.Started.COMBINED:
        if weeks >= 4 and not_helped:
            said.append(THERAPY_NOT_HELPED)
        elif not_helped:
            said.append(THERAPY_EARLY)
        else:
            said.append(THERAPY_HELPING)
    if started == Visit.Started.SELF_HELP:
        said.append(SELF_HELP)
    if started == Visit.Started.OTHER:
        said.append(OTHER)
    if started == Visit.Started.NONE:
        said.append(NONE_YET)
    return said
