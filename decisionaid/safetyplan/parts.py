"""The six parts of a safety plan, in the order of the Stanley–Brown safety planning
intervention (FACTS 14.F.2), in our own plain words, each with a short example. One source
for these words: the pages, the print view and the PDF all read them from here."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Part:
    code: str  # the SafetyPlan field that holds it
    title: Promise
    hint: Promise
    example: Promise


PARTS = [
    Part(
        "warning_signs",
        _("My warning signs"),
        _("What tells me a hard time may be starting? Thoughts, feelings, or things that happen."),
        _("I stop answering messages. I cannot sleep. I think no one would miss me."),
    ),
    Part(
        "coping",
        _("Things I can do on my own to get through"),
        _("What helps me feel a little calmer, even for a short time?"),
        _("Go for a walk. Take a hot shower. Play a game on my phone. Breathe slowly."),
    ),
    Part(
        "distractions",
        _("People and places that take my mind off things"),
        _("Who could I be with, or where could I go, so I am not alone with my thoughts?"),
        _("Have tea with my neighbour. Sit in the library or a café."),
    ),
    Part(
        "people",
        _("People I can ask for help"),
        _("Who could I tell that I am not OK? Write down their phone numbers."),
        _("My sister Sam, 07700 900123. My friend Alex, 07700 900456."),
    ),
    Part(
        "professionals",
        _("Professionals and crisis lines"),
        _("The crisis lines for where you live are filled in for you. Add your own doctor or therapist."),
        _("My GP surgery: the number is on my last letter."),
    ),
    Part(
        "safer",
        _("Making my surroundings safer"),
        _(
            "What could I do to make it harder to act on thoughts of harming myself? "
            "Put medicines away, or give them to someone to keep. Keep alcohol and drugs out of the house."
        ),
        _("Ask my brother to keep my tablets and give me one week at a time."),
    ),
]
BY_CODE = {part.code: part for part in PARTS}

# In the US, guns are the most common way people die by suicide (FACTS 14.F.3): storing
# them away from home, or locked and unloaded, is part of a safer home.
FIREARMS_REGIONS = {"US"}
FIREARMS_HINT = _(
    "If there is a gun at home, ask someone you trust to keep it away from your home for now. "
    "If that is not possible, keep it locked and unloaded, with the bullets locked apart."
)


def hint(part: Part, region_code: str | None) -> str:
    """A part's hint, with the words about guns for a region where they matter most."""
    if part.code == "safer" and region_code in FIREARMS_REGIONS:
        return f"{part.hint} {FIREARMS_HINT}"
    return str(part.hint)
