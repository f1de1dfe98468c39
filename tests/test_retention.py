from datetime import timedelta

import pytest
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
    out = capsys.readouterr().out
    assert "Deleted 1 rows of old answers" in out
    assert "Deleted 0 rows of old answers" in out


def test_the_privacy_page_states_the_retention_period_from_settings(client, settings):
    settings.ANSWER_RETENTION_DAYS = 45
    html = client.get("/privacy/").content.decode()
    assert "for 45 days" in html
    assert "We do not sell or give your answers to anyone." in html
