"""The two lookups read with plain SQL (decisionaid/fastread.py): sessions and answers read
back just as the ORM would read them, on SQLite and on PostgreSQL."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from decisionaid.fastread import column_value, update_columns
from decisionaid.questionnaire.models import AnswerSet
from decisionaid.sessions import SessionStore
from tests.factories import maximal_answers

pytestmark = pytest.mark.django_db


def test_answers_read_back_as_the_orm_reads_them():
    answer_set = AnswerSet.objects.create(answers=maximal_answers())
    fast = column_value(AnswerSet, "answers", public_id=answer_set.public_id)
    assert fast == AnswerSet.objects.get(pk=answer_set.pk).answers
    assert column_value(AnswerSet, "answers", public_id=str(answer_set.public_id)) == fast


def test_no_row_reads_as_none():
    assert column_value(AnswerSet, "answers", public_id="00000000-0000-0000-0000-000000000000") is None


def test_only_equal_and_greater_than_are_understood():
    with pytest.raises(ValueError):
        column_value(AnswerSet, "answers", public_id__startswith="0")


def test_a_session_reads_back_what_was_saved():
    store = SessionStore()
    store["answers_id"] = "x"
    store["fee"] = str(Decimal("12.50"))
    store.save()
    assert SessionStore(store.session_key).load() == {"answers_id": "x", "fee": "12.50"}


def test_an_expired_session_is_not_read_and_its_key_is_dropped():
    store = SessionStore()
    store["answers_id"] = "x"
    store.save()
    Session.objects.filter(session_key=store.session_key).update(expire_date=timezone.now() - timedelta(seconds=1))
    again = SessionStore(store.session_key)
    assert again.load() == {}
    assert again.session_key is None


def test_an_unknown_session_key_reads_as_an_empty_session(client):
    client.cookies["sessionid"] = "no-such-session-key-at-all"
    response = client.get("/questions/safety/")
    assert response.status_code == 200
    assert "Delete my answers" not in response.content.decode()


def test_answers_written_read_back_through_the_orm():
    answer_set = AnswerSet.objects.create(answers={"region": "UK"})
    later = timezone.now() + timedelta(minutes=5)
    answers = {**maximal_answers(), "note": "Zoë’s “quotes” — 😊"}
    assert update_columns(AnswerSet, {"answers": answers, "updated_at": later}, public_id=answer_set.public_id) == 1
    answer_set.refresh_from_db()
    assert answer_set.answers == answers
    assert answer_set.updated_at == later


def test_writing_to_no_row_says_so():
    missing = "00000000-0000-0000-0000-000000000000"
    assert update_columns(AnswerSet, {"answers": {}}, public_id=missing) == 0
