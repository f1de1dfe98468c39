"""Session cookies Django never made are no session at all: never a 500, on SQLite or
PostgreSQL (where a NUL byte cannot even be compared)."""

import pytest

from decisionaid.sessions import SessionStore

pytestmark = pytest.mark.django_db

FORGED = ["abc\x00defghijkl", "abcdefgh'; --", "ABCDEFGHIJKLMNOP", "é" * 20, "a" * 41]


@pytest.mark.parametrize("cookie", FORGED)
def test_a_forged_session_cookie_is_a_fresh_start_not_an_error(client, cookie):
    client.cookies["sessionid"] = cookie
    for path in ("/", "/questions/safety/", "/results/", "/my-links/", "/help-now/"):
        response = client.get(path)
        assert response.status_code in (200, 302), (path, response.status_code)


@pytest.mark.parametrize("cookie", FORGED)
def test_a_forged_key_is_dropped_before_the_database(cookie, django_assert_num_queries):
    with django_assert_num_queries(0):
        store = SessionStore(cookie)
        assert store.session_key is None
        assert store.load() == {}


def test_a_real_session_still_reads_back():
    store = SessionStore()
    store["answers_id"] = "x"
    store.save()
    assert SessionStore(store.session_key).load() == {"answers_id": "x"}
