"""Share links: made from a person's results, listed on their private page, opened by anyone
who holds the token until it expires or is revoked."""

from datetime import timedelta

from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from decisionaid.questionnaire import steps
from decisionaid.questionnaire.models import AnswerSet

from .models import ShareLink
from .tokens import hash_token, is_share_token, new_share_token

EXPIRY_DAYS = (1, 7, 30, 90)
DEFAULT_EXPIRY_DAYS = 30


def create(answer_set: AnswerSet, days: int) -> tuple[ShareLink, str]:
    """A new link and its token. The token is not stored: show it now or never."""
    if days not in EXPIRY_DAYS:
        raise ValueError(f"Share links last one of {EXPIRY_DAYS} days, not {days}.")
    token = new_share_token()
    now = timezone.now()
    link = ShareLink.objects.create(
        answer_set=answer_set, token_hash=hash_token(token), created_at=now, expires_at=now + timedelta(days=days)
    )
    return link, token


def live_by_token(links: QuerySet, token: str):
    """The live link among `links` (share links, or the follow-up's return links) for this
    token with complete answers, or None, whatever the reason: unknown, tampered, expired and
    revoked links all look the same from outside."""
    if not is_share_token(token):
        return None
    link = links.live().select_related("answer_set").filter(token_hash=hash_token(token)).first()
    if link is None or steps.first_missing_required(link.answer_set.answers) is not None:
        return None
    return link


def open_link(token: str) -> ShareLink | None:
    return live_by_token(ShareLink.objects.all(), token)


def links_of(answer_set: AnswerSet) -> QuerySet[ShareLink]:
    """A person's links with how often and when last each was opened, in one query."""
    return answer_set.share_links.annotate(open_count=Count("openings"), last_opened_at=Max("openings__opened_at"))
