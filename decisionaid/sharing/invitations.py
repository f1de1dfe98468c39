"""A patient's side of a clinician's invitation: starting from it, and choosing to send
their summary to that clinician at the end."""

from datetime import datetime

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest

from decisionaid.clinicians.models import Invitation
from decisionaid.questionnaire import session
from decisionaid.questionnaire.models import AnswerSet
from decisionaid.summary import build_summary

from .models import InvitedAnswers, SentSummary
from .tokens import is_invitation_token

# Set in the session when a person starts from an invitation, so the results page of everyone
# else needs no query to know there is no one to send to (InvitedAnswers stays the record).
INVITED_KEY = "invited"


def find_live(token: str) -> Invitation | None:
    if not is_invitation_token(token):
        return None
    return Invitation.objects.live().filter(token=token).first()


@transaction.atomic
def start(request: HttpRequest, invitation: Invitation) -> AnswerSet:
    """Use (or make) this browser's answers, tie them to the invitation, and fill in what the
    clinician set. A person's own answers always win over the clinician's presets."""
    answer_set = session.current_or_new(request)
    presets = {key: value for key, value in invitation.prefilled_answers().items() if key not in answer_set.answers}
    if presets:
        answer_set.answers = {**answer_set.answers, **presets}
        answer_set.save(update_fields=["answers", "updated_at"])
    InvitedAnswers.objects.update_or_create(answer_set=answer_set, defaults={"invitation": invitation})
    request.session[INVITED_KEY] = True
    return answer_set


def invitation_of(answer_set: AnswerSet) -> Invitation | None:
    """The invitation these answers started from, live or not."""
    invited = InvitedAnswers.objects.select_related("invitation").filter(answer_set=answer_set).first()
    return invited.invitation if invited else None


def invitation_and_last_sent(answer_set_id: str) -> tuple[Invitation | None, datetime | None]:
    """The invitation the answers with this public id started from, and when they were last
    sent to its clinician, in one query."""
    last_sent = SentSummary.objects.filter(
        answer_set=OuterRef("answer_set"), clinician=OuterRef("invitation__clinician")
    ).order_by("-sent_at")
    invited = (
        InvitedAnswers.objects.select_related("invitation")
        .annotate(last_sent_at=Subquery(last_sent.values("sent_at")[:1]))
        .filter(answer_set__public_id=answer_set_id)
        .first()
    )
    if invited is None:
        return None, None
    return invited.invitation, invited.last_sent_at


def send(answer_set: AnswerSet, invitation: Invitation) -> SentSummary:
    """Send a copy of these (complete) answers to the invitation's clinician, with what
    their dashboard lists taken from the summary now (the contract's keys), so the list
    never recomputes a summary."""
    answers = answer_set.answers
    summary = build_summary(answers)
    phq9, gad7 = summary["scores"]["phq9"], summary["scores"].get("gad7")
    return SentSummary.objects.create(
        clinician_id=invitation.clinician_id,
        invitation=invitation,
        answer_set=answer_set,
        answers=answers,
        content_version=summary["content_version"],
        phq9_total=phq9["total"],
        phq9_band=phq9["band"],
        gad7_total=gad7["total"] if gad7 else None,
        gad7_band=gad7["band"] if gad7 else "",
        crisis=answer_set.crisis or summary["crisis"]["active"],
        score_history=[visit.entry() for visit in answer_set.visits.completed()],
    )
