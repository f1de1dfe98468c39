from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.core.management import call_command
from django.utils import timezone

from decisionaid.questionnaire.models import AnswerSet
from decisionaid.retention.purge import purge_expired

pytestmark = pytest.mark.django_db


def answer_set(days_old: int) -> AnswerSet:
    row = AnswerSet.objects.create(answers={"region": "UK"})
    AnswerSet.objects.filter(pk=row.pk).update(updated_at=timezone.now() - timedelta(days=days_old))
    return row


def test_answers_older_than_the_retention_period_are_deleted(settings):
    settings.ANSWER_RETENTION_DAYS = 30
    old, recent = answer_set(31), answer_set(29)
    assert purge_expired().answer_sets == 1
    assert not AnswerSet.objects.filter(pk=old.pk).exists()
    assert AnswerSet.objects.filter(pk=recent.pk).exists()


def test_the_retention_period_comes_from_settings(settings):
    settings.ANSWER_RETENTION_DAYS = 7
    answer_set(8)
    assert purge_expired().answer_sets == 1


def test_purge_is_safe_to_run_twice(capsys):
    answer_set(90)
    call_command("purge_expired")
    call_command("purge_expired")
    first, second = capsys.readouterr().out.splitlines()
    assert "1 answer sets" in first and "0 answer sets" in second


def test_the_report_names_every_kind_of_row_it_deletes(settings):
    from decisionaid.sharing import links
    from decisionaid.sharing.models import ShareLink, SummaryOpening

    settings.ANSWER_RETENTION_DAYS = 30
    gone = answer_set(60)
    link, _token = links.create(gone, 1)
    SummaryOpening.objects.create(share_link=link)
    ShareLink.objects.filter(pk=link.pk).update(
        created_at=timezone.now() - timedelta(days=41), expires_at=timezone.now() - timedelta(days=40)
    )
    AccessAttempt.objects.create(username="dr_a", ip_address="203.0.113.5", failures_since_start=1)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(days=settings.SIGN_IN_RECORD_DAYS + 1))
    report = purge_expired().report()
    for words in ("1 answer sets", "1 share links", "1 summary openings", "1 access attempts", "0 sessions"):
        assert words in report, report


def test_sign_in_records_go_after_the_stated_time(settings, client):
    settings.SIGN_IN_RECORD_DAYS = 10
    for days in (11, 9):
        AccessLog.objects.create(username="dr_a", ip_address="203.0.113.5", user_agent="a browser")
        AccessLog.objects.filter(attempt_time__gt=timezone.now() - timedelta(minutes=1)).update(
            attempt_time=timezone.now() - timedelta(days=days)
        )
    purge_expired()
    assert AccessLog.objects.count() == 1
    assert "for 10 days" in client.get("/privacy/").content.decode().split("sign in")[-1]


def test_the_privacy_page_states_the_retention_period_from_settings(client, settings):
    settings.ANSWER_RETENTION_DAYS = 45
    html = client.get("/privacy/").content.decode()
    assert "for 45 days" in html
    assert "We do not sell or give your answers to anyone." in html
