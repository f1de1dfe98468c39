"""Return links: made on request from a person's results, listed on their links page, opened
on any device by whoever holds the token, until revoked or unused for FOLLOWUP_RETENTION_DAYS."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from decisionaid.questionnaire.models import AnswerSet
from decisionaid.sharing.links import live_by_token
from decisionaid.sharing.tokens import hash_token, is_share_token, new_share_token

from .models import ReturnLink


def lifetime() -> timedelta:
    return timedelta(days=settings.FOLLOWUP_RETENTION_DAYS)


@transaction.atomic
def create(answer_set: AnswerSet) -> tuple[ReturnLink, str]:
    """A new link and its token; the token is not stored, so it is shown now or never. A person
    has one working return link: a new one (the old one lost, say) turns the old one off."""
    now = timezone.now()
    answer_set.return_links.live(now).update(revoked_at=now)
    token = new_share_token()
    link = ReturnLink.objects.create(
        answer_set=answer_set, token_hash=hash_token(token), created_at=now, expires_at=now + lifetime()
    )
    return link, token


def find(token: str) -> ReturnLink | None:
    """The live link for this token with complete answers, or None, as a share link is found."""
    return live_by_token(ReturnLink.objects.all(), token)


def find_own(answer_set: AnswerSet, token: str) -> ReturnLink | None:
    """This person's own live link for a token they were just shown (to make its reminder)."""
    if not is_share_token(token):
        return None
    return answer_set.return_links.live().filter(token_hash=hash_token(token)).first()


def used(link: ReturnLink) -> None:
    """Opened now: it works for another FOLLOWUP_RETENTION_DAYS from today."""
    now = timezone.now()
    ReturnLink.objects.filter(pk=link.pk).update(last_opened_at=now, expires_at=now + lifetime())
