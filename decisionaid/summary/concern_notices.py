"""Notices for the dangers that come with some concerns, said to everyone who chooses them:
`physical_risk` for eating problems (NICE NG69: refer at once; MEED 2022), `alcohol_withdrawal`
for alcohol or drug use (NICE CG100, CG115; alcohol and acting on suicidal thoughts, Borges
2017), and `perinatal_ocd` for OCD in pregnancy or after birth (thoughts of harm to the baby
are common and are not a sign a person will act: Fairbrother 2008, Collardeau 2024)."""

from django.utils.translation import gettext as _

from .answers import chosen_concerns

PERINATAL_OCD_ANSWERS = {"pregnant", "breastfeeding", "yes"}
# The content sources each notice cites, by notice code.
SOURCES = {
    "physical_risk": ["nice-ng69", "meed-2022", "gm-icb-eating-2023"],
    "alcohol_withdrawal": ["nice-cg100", "nice-cg115", "drinkaware-withdrawal", "borges-2017"],
    "perinatal_ocd": ["fairbrother-2008", "collardeau-2024", "fairbrother-2022", "rcpsych-perinatal-ocd", "nice-cg31"],
}


def concern_notices(answers: dict, emergency_number: str, lines: dict) -> list[dict]:
    """`lines` is the person's region's help lines by kind ("eating", "alcohol")."""
    concerns = set(answers.get("concerns") or [])
    result = []
    if "eating" in concerns:
        result.append(_physical_risk(answers, emergency_number, lines.get("eating") or []))
    if "substance_use" in concerns:
        result.append(_alcohol_withdrawal(emergency_number, lines.get("alcohol") or []))
    if "ocd" in chosen_concerns(answers) and answers.get("pregnant_or_breastfeeding") in PERINATAL_OCD_ANSWERS:
        result.append(_perinatal_ocd(emergency_number))
    return result


def with_concern_notices(notices: list[dict], extra: list[dict]) -> list[dict]:
    """The dangers go before the closing pointer to other choices, after the rest."""
    codes = [notice["code"] for notice in notices]
    at = codes.index("other_options") if "other_options" in codes else len(notices)
    return notices[:at] + extra + notices[at:]


def _physical_risk(answers: dict, emergency_number: str, resources: list[dict]) -> dict:
    text = _(
        "Eating problems can harm your body and your heart, even when you look and feel well. "
        "Please see a GP or family doctor soon for a check of your body. They can also refer you to an "
        "eating disorder service. Do not wait to see if it gets better. "
        "If you faint or have chest pain, call %(number)s now."
    ) % {"number": emergency_number}
    if answers.get("age_band") == "under_18":
        text += " " + _("Please tell a parent or another adult you trust, so they can help you get this check.")
    if resources:
        text += " " + _("You can also talk to this eating problems line:")
    return {
        "code": "physical_risk",
        "text": text,
        "resources": resources,
        "sources": SOURCES["physical_risk"],
    }


def _alcohol_withdrawal(emergency_number: str, resources: list[dict]) -> dict:
    text = _(
        "If you drink a lot every day, do not stop all at once on your own. Stopping suddenly can cause fits. "
        "Ask a GP or an alcohol service to help you cut down or stop safely. "
        "If someone has a fit, call %(number)s. "
        "Drinking also makes it more likely that a person acts on thoughts of suicide. "
        "If you have those thoughts, please tell someone and get help now."
    ) % {"number": emergency_number}
    if resources:
        text += " " + _("You can also talk to this alcohol and drug line:")
    return {
        "code": "alcohol_withdrawal",
        "text": text,
        "resources": resources,
        "sources": SOURCES["alcohol_withdrawal"],
    }


def _perinatal_ocd(emergency_number: str) -> dict:
    return {
        "code": "perinatal_ocd",
        "text": _(
            "Many people who are pregnant or have a new baby get sudden, unwanted thoughts of harm coming to "
            "the baby. Some even get thoughts of harming the baby themselves. These thoughts are common. They "
            "feel awful because they go against what you want. They can be part of OCD, and OCD can be "
            "treated. Having these thoughts does not mean you will act on them. You can tell your midwife, "
            "health visitor or GP. They can refer you to a perinatal mental "
            "health team, which helps people in pregnancy and after birth. If a thought ever feels like "
            "something you want to do, call %(number)s or a crisis line now."
        )
        % {"number": emergency_number},
        "resources": [],
        "sources": SOURCES["perinatal_ocd"],
    }
