"""Pages kept in memory (decisionaid/pagecache.py): a kept page must look, to each person, just
as a freshly drawn one would, and its forms must work."""

import gzip
import re
import zlib

import pytest
from django.test import Client

from decisionaid.pagecache import TOKEN_STAND_IN, KeptPage
from tests.factories import mild_answers, severe_answers
from tests.questionnaire_helpers import complete, form_data, with_answers

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def gzipped_page(client, path: str, **headers) -> str:
    response = client.get(path, headers={"Accept-Encoding": "gzip, deflate", **headers})
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    return gzip.decompress(response.content).decode()


@pytest.mark.parametrize("path", ["/questions/goals/", "/results/", "/results/print/"])
def test_a_kept_page_is_the_same_page_compressed_or_not_with_a_fresh_token_each_time(path):
    client = Client(enforce_csrf_checks=True)
    with_answers(client, mild_answers())
    plain = client.get(path).content.decode()
    first, second = gzipped_page(client, path), gzipped_page(client, path)
    tokens = TOKEN.findall(first) + TOKEN.findall(second)
    assert TOKEN_STAND_IN not in plain + first + second
    if path != "/results/print/":
        assert tokens and len(set(TOKEN.findall(first))) == 1
        assert TOKEN.findall(first)[0] != TOKEN.findall(second)[0], "masked afresh, as Django does"
    assert TOKEN.sub("", first) == TOKEN.sub("", second) == TOKEN.sub("", plain)


def test_a_form_on_a_kept_page_posts_with_its_token():
    client = Client(enforce_csrf_checks=True)
    with_answers(client, mild_answers())
    client.get("/questions/goals/")
    html = gzipped_page(client, "/questions/goals/")
    data = {**form_data("goals", mild_answers()), "csrfmiddlewaretoken": TOKEN.search(html).group(1)}
    assert client.post("/questions/goals/", data).status_code == 302


def test_a_kept_page_survives_a_strict_gzip_reader():
    # Every piece joined into one deflate stream; the trailer's checksum and size must match.
    page = KeptPage.of(f"<p>one {TOKEN_STAND_IN} two</p>" * 500 + TOKEN_STAND_IN)
    body = page.gzipped(b"the-token")
    assert zlib.decompress(body, wbits=31) == page.body(b"the-token")
    assert page.body(b"the-token").count(b"the-token") == 501


def test_kept_pages_never_show_one_person_another_persons_answers(client):
    other = Client()
    complete(client, mild_answers())
    complete(other, severe_answers())
    for _ in range(2):
        mine, theirs = client.get("/results/").content.decode(), other.get("/results/").content.decode()
        assert "6 out of 27" in mine and "6 out of 27" not in theirs
        assert "21 out of 27" in theirs and "21 out of 27" not in mine


def test_the_crisis_banner_shows_on_a_page_kept_for_someone_without_it(client):
    # Same answers on this step, but one person once gave a risk answer: the banner stays for them.
    other = Client()
    with_answers(client, mild_answers())
    with_answers(other, mild_answers(), crisis=True)
    assert "crisis-banner" not in client.get("/questions/goals/").content.decode()
    assert "crisis-banner" in other.get("/questions/goals/").content.decode()
    assert "crisis-banner" not in client.get("/questions/goals/").content.decode()


def test_a_step_swapped_in_by_htmx_and_the_full_page_are_kept_apart(client):
    with_answers(client, mild_answers())
    part = client.get("/questions/goals/", headers={"HX-Request": "true"}).content.decode()
    full = client.get("/questions/goals/").content.decode()
    assert "<html" not in part and "<html" in full
    assert "<html" not in client.get("/questions/goals/", headers={"HX-Request": "true"}).content.decode()


def test_a_changed_answer_shows_at_once_on_its_step(client):
    complete(client, mild_answers())
    assert mild_answers()["relief_timing"] == "months"
    before = client.get("/questions/time/").content.decode()
    client.post("/questions/time/", form_data("time", {**mild_answers(), "relief_timing": "weeks"}))
    after = client.get("/questions/time/").content.decode()
    checked = re.compile(r'<input[^>]*name="relief_timing"[^>]*value="(\w+)"[^>]*checked')
    assert checked.findall(before) == ["months"] and checked.findall(after) == ["weeks"]
