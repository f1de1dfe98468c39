"""What an inviting practice offers, set on the summary's options: whether each option is
offered here, and at what fee and wait. The results page, the paper and the clinician's brief
read these keys (`offered_here`, `practice_fee`, `practice_wait`); options of a person who came
from no invitation carry none of them."""

from django.http import HttpRequest

from decisionaid.questionnaire import session
from decisionaid.summary import format_money

from . import invitations
from .models import Invitation, InvitedAnswers


def mark_options(summary: dict, invitation: Invitation | None) -> dict:
    """Mark each option of `summary` as offered by `invitation`'s practice or not, in place."""
    if invitation is None:
        return summary
    for option in summary["options"]:
        offered = option["slug"] not in invitation.not_offered
        option["offered_here"] = offered
        if not offered:
            continue
        terms = invitation.terms_for(option["slug"])
        if terms["fee"] is not None:
            option["practice_fee"] = format_money(terms["fee"], summary["currency"])
        if terms["wait_weeks"] is not None:
            option["practice_wait"] = terms["wait_weeks"]
    summary["practice"] = {
        "name": invitation.practice_name,
        "contact": invitation.contact,
        "urgent_contact": invitation.urgent_contact,
    }
    return summary


def mark_for_person(request: HttpRequest, summary: dict) -> dict:
    """For the person's own pages: mark the options if they started from an invitation (no
    query at all for anyone else, as the session says so)."""
    answer_set_id = request.session.get(session.ANSWERS_KEY)
    if not (answer_set_id and request.session.get(invitations.INVITED_KEY)):
        return summary
    invited = InvitedAnswers.objects.select_related("invitation").filter(answer_set__public_id=answer_set_id).first()
    return mark_options(summary, invited.invitation if invited else None)
