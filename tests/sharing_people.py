"""The people of the sharing and clinician tests, built in code: clinicians with a practice,
their invitation links, and patients whose browser session holds their answers."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from decisionaid.clinicians.models import ClinicianProfile
from decisionaid.questionnaire.models import AnswerSet
from decisionaid.sharing import invitations
from decisionaid.sharing.models import Invitation, InvitedAnswers, SentSummary
from tests.factories import mild_answers
from tests.questionnaire_helpers import with_answers


def make_clinician(username: str = "dr_a", practice: str = "Riverside Practice", password: str | None = None):
    """A clinician; with no password (the usual case) no slow Argon2 hash is made."""
    user = get_user_model().objects.create(username=username)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    ClinicianProfile.objects.create(user=user, practice_name=practice, contact="020 7946 0000")
    return user


def make_invitation(clinician, **fields) -> Invitation:
    values = {
        "label": "New patients",
        "practice_name": clinician.clinician.practice_name,
        "contact": clinician.clinician.contact,
        "expires_on": timezone.localdate() + timedelta(days=30),
        **fields,
    }
    return Invitation.objects.create(clinician=clinician, **values)


def give_answers(client: Client, answers: dict | None = None, crisis: bool = False) -> AnswerSet:
    """Answers saved for this browser, as if the person had filled in every step."""
    return with_answers(client, mild_answers() if answers is None else answers, crisis=crisis)


def sent_summary(invitation: Invitation, answers: dict | None = None, **fields) -> SentSummary:
    answer_set = AnswerSet.objects.create(answers=mild_answers() if answers is None else answers)
    InvitedAnswers.objects.create(answer_set=answer_set, invitation=invitation)
    sent = invitations.send(answer_set, invitation)
    if fields:
        SentSummary.objects.filter(pk=sent.pk).update(**fields)
        sent.refresh_from_db()
    return sent


def copies_of(sent: SentSummary, variations) -> list[SentSummary]:
    """Many summaries like `sent`, made in one query; each differs by the fields it is given."""
    shared = (
        "clinician",
        "invitation",
        "answers",
        "content_version",
        "phq9_total",
        "phq9_band",
        "gad7_total",
        "gad7_band",
    )
    same = {name: getattr(sent, name) for name in shared}
    return SentSummary.objects.bulk_create(SentSummary(**{**same, **fields}) for fields in variations)
