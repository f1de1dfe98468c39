"""Retention with sharing: answers behind a live share link are kept, answers sent to a
clinician are not (the clinician has a copy of their own); share links dead (expired or
revoked) for longer than the retention period are deleted."""

from datetime import timedelta

import pytest
from django.utils import timezone

from decisionaid.questionnaire.models import AnswerSet
from decisionaid.retention.purge import purge_expired
from decisionaid.sharing import links
from decisionaid.sharing.models import SentSummary, ShareLink
from tests.factories import mild_answers
from tests.sharing_people import make_clinician, make_invitation, sent_summary

pytestmark = pytest.mark.django_db


def old(answer_set: AnswerSet, days: int = 60) -> AnswerSet:
    AnswerSet.objects.filter(pk=answer_set.pk).update(updated_at=timezone.now() - timedelta(days=days))
    return answer_set


def test_answers_behind_a_live_link_are_kept(settings):
    settings.ANSWER_RETENTION_DAYS = 30
    answer_set = old(AnswerSet.objects.create(answers=mild_answers()))
    links.create(answer_set, 90)
    assert purge_expired().answer_sets == 0
    assert AnswerSet.objects.filter(pk=answer_set.pk).exists()


def test_answers_behind_only_dead_links_are_deleted_with_them(settings):
    settings.ANSWER_RETENTION_DAYS = 30
    answer_set = old(AnswerSet.objects.create(answers=mild_answers()))
    link, _token = links.create(answer_set, 90)
    link.revoke()
    purged = purge_expired()
    assert purged.answer_sets == 1
    assert not ShareLink.objects.exists()


def test_answers_sent_to_a_clinician_go_after_the_retention_period_and_the_copy_stays(settings, client):
    # As the privacy page says: unchanged for 30 days, deleted, though sent 10 days ago.
    settings.ANSWER_RETENTION_DAYS = 30
    sent = sent_summary(make_invitation(make_clinician()), sent_at=timezone.now() - timedelta(days=10))
    answer_set_id = sent.answer_set_id
    old(sent.answer_set, days=31)
    purged = purge_expired()
    assert purged.answer_sets == 1 and purged.sent_summaries == 0
    assert not AnswerSet.objects.filter(pk=answer_set_id).exists()
    sent.refresh_from_db()
    assert sent.answer_set_id is None and sent.answers
    assert "If you do not change your answers for 30 days, we delete them." in client.get("/privacy/").content.decode()


def test_links_dead_for_longer_than_the_retention_period_are_deleted(settings):
    settings.ANSWER_RETENTION_DAYS = 30
    answer_set = AnswerSet.objects.create(answers=mild_answers())
    now = timezone.now()
    long_dead = ShareLink.objects.create(
        answer_set=answer_set,
        token_hash="a" * 64,
        created_at=now - timedelta(days=50),
        expires_at=now - timedelta(days=40),
    )
    recently_dead = ShareLink.objects.create(
        answer_set=answer_set,
        token_hash="b" * 64,
        created_at=now - timedelta(days=20),
        expires_at=now - timedelta(days=10),
    )
    revoked_long_ago, _token = links.create(answer_set, 90)
    ShareLink.objects.filter(pk=revoked_long_ago.pk).update(revoked_at=now - timedelta(days=31))
    live, _token = links.create(answer_set, 90)
    purged = purge_expired()
    assert purged.share_links == 2
    assert set(ShareLink.objects.values_list("pk", flat=True)) == {recently_dead.pk, live.pk}
    assert not ShareLink.objects.filter(pk=long_dead.pk).exists()


def test_the_clinicians_copy_of_a_sent_summary_goes_after_its_own_retention_period(settings):
    settings.ANSWER_RETENTION_DAYS = 30
    settings.SENT_SUMMARY_RETENTION_DAYS = 180
    invitation = make_invitation(make_clinician())
    expired = sent_summary(invitation, sent_at=timezone.now() - timedelta(days=181))
    recent = sent_summary(invitation, sent_at=timezone.now() - timedelta(days=179))
    old(expired.answer_set)
    purged = purge_expired()
    assert purged.sent_summaries == 1
    assert list(SentSummary.objects.all()) == [recent]
    # The answers only that copy held on to go in the same run.
    assert not AnswerSet.objects.filter(pk=expired.answer_set_id).exists()


def test_the_privacy_page_says_how_long_a_clinician_holds_a_sent_summary(client, settings):
    settings.SENT_SUMMARY_RETENTION_DAYS = 120
    html = client.get("/privacy/").content.decode()
    assert "120 days" in html
