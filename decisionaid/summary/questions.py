"""Plain questions for the person to take to a professional, chosen from their answers."""

from django.utils.translation import gettext as _


def questions(answers: dict, scores: dict, crisis: dict) -> list[str]:
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
