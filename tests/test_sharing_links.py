"""Share links: made from the results, shown once, stored only as a hash, opened read-only
by anyone holding them until they expire or are revoked, and listed on the person's own page."""

import re
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.utils import timezone

from decisionaid.questionnaire.models import AnswerSet
from decisionaid.sharing import links
from decisionaid.sharing.models import ShareLink, SummaryOpening
from decisionaid.sharing.tokens import hash_token
from tests.factories import crisis_answers
from tests.sharing_people import give_answers

pytestmark = pytest.mark.django_db

DEAD_WORDS = "This link does not work"


def make_link(client: Client, days: int = 30) -> str:
    """Make a link as the person does, and read it off the page that answers (shown once)."""
    response = client.post("/share/new-link/", {"days": days})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and response["Referrer-Policy"] == "strict-origin"
    html = response.content.decode()
    match = re.search(r'value="(http://testserver/s/[A-Za-z0-9_-]+/)"', html)
    assert match, html
    return match.group(1).removeprefix("http://testserver")


def test_making_a_link_shows_the_token_once_and_stores_only_its_hash(client):
    give_answers(client)
    path = make_link(client)
    token = path.split("/")[2]
    assert len(token) >= 43  # 32 random bytes, 256 bits
    link = ShareLink.objects.get()
    assert link.token_hash == hash_token(token)
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (table names from the schema)
            assert token not in repr(cursor.fetchall()), f"raw token stored in {table}"
    # Not in the session either, where it would be encoded and signed but readable.
    for stored in Session.objects.all():
        assert token not in repr(stored.get_decoded()), "token kept in the session"
    again = client.get("/my-links/").content.decode()
    assert token not in again


def test_the_link_lasts_as_long_as_the_person_chose(client):
    give_answers(client)
    make_link(client, days=7)
    link = ShareLink.objects.get()
    assert abs((link.expires_at - link.created_at) - timedelta(days=7)) < timedelta(seconds=1)


def test_thirty_days_is_chosen_unless_the_person_picks_another(client):
    give_answers(client)
    html = client.get("/results/").content.decode()
    if 'id="share"' not in html:
        pytest.skip("results page does not include the sharing partial yet")
    assert re.search(r'<input type="radio" name="days" value="30"[^>]* checked', html)


@pytest.mark.parametrize("days", ["2", "-1", "", "99999999999999999999", "thirty", "<script>"])
def test_a_forged_expiry_is_a_kind_error_and_makes_no_link(client, days):
    give_answers(client)
    response = client.post("/share/new-link/", {"days": days})
    assert response.status_code == 422
    assert "No link was made" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not ShareLink.objects.exists()


def test_without_complete_answers_no_link_is_made(client):
    give_answers(client, {"region": "UK"})
    response = client.post("/share/new-link/", {"days": 30})
    assert response.status_code == 302
    assert not ShareLink.objects.exists()


def test_the_shared_page_shows_the_summary_and_records_the_opening(client):
    answer_set = give_answers(client)
    path = make_link(client)
    stranger = Client()
    response = stranger.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert "A shared summary" in html
    assert "Low mood (PHQ-9)" in html
    assert "Little interest or pleasure in doing things" in html
    opening = SummaryOpening.objects.get()
    assert opening.share_link.answer_set == answer_set
    assert opening.clinician is None and opening.view == "page"
    stranger.get(path + "print/")
    assert SummaryOpening.objects.filter(view="print").count() == 1


def test_the_shared_page_leads_nowhere_but_its_print_view_and_pdf(client):
    give_answers(client)
    path = make_link(client)
    html = Client().get(path).content.decode()
    hrefs = set(re.findall(r'href="([^"]+)"', html))
    internal = {href for href in hrefs if href.startswith("/") and not href.startswith("/static/")}
    assert internal == {path + "print/", path + "summary.pdf"}
    for forbidden in ("/questions/", "/my-links/", "/delete/", "/results/", "Delete my answers"):
        assert forbidden not in html
    assert "<form" not in html


def test_a_share_link_reaches_nothing_else(client):
    give_answers(client)
    make_link(client)
    stranger = Client()
    # The token opens its page; it gives no session, so the person's own pages stay closed.
    assert "no links to show" in stranger.get("/my-links/").content.decode()
    assert stranger.get("/results/").status_code == 302


def test_token_pages_are_not_cached_indexed_or_referred(client):
    give_answers(client)
    path = make_link(client)
    for response in (Client().get(path), Client().get(path + "print/"), Client().get("/s/" + "x" * 43 + "/")):
        assert response["Referrer-Policy"] == "no-referrer"
        assert "noindex" in response["X-Robots-Tag"]
        assert "no-store" in response["Cache-Control"]


def _dead_page(response) -> str:
    assert response.status_code == 404
    html = response.content.decode()
    assert DEAD_WORDS in html
    # Nothing that differs by reason: strip the CSRF-free page down to its main text.
    return re.sub(r"\s+", " ", html.split('<main id="main" tabindex="-1">')[1].split("</main>")[0])


def test_expired_revoked_tampered_and_unknown_links_all_get_the_same_page(client):
    answer_set = give_answers(client)
    expired_path, revoked_path, live_path = make_link(client), make_link(client), make_link(client)
    ShareLink.objects.filter(token_hash=hash_token(expired_path.split("/")[2])).update(
        created_at=timezone.now() - timedelta(days=2), expires_at=timezone.now() - timedelta(seconds=1)
    )
    ShareLink.objects.get(token_hash=hash_token(revoked_path.split("/")[2])).revoke()
    token = live_path.split("/")[2]
    tampered = "/s/" + ("A" if token[0] != "A" else "B") + token[1:] + "/"
    pages = {
        "expired": _dead_page(Client().get(expired_path)),
        "revoked": _dead_page(Client().get(revoked_path)),
        "tampered": _dead_page(Client().get(tampered)),
        "unknown": _dead_page(Client().get("/s/" + "Z" * 43 + "/")),
        "malformed": _dead_page(Client().get("/s/not-a-token/")),
        "too long": _dead_page(Client().get("/s/" + "a" * 5000 + "/")),
        "null byte": _dead_page(Client().get("/s/%00/")),
        "emoji": _dead_page(Client().get("/s/%F0%9F%98%80" + "a" * 42 + "/")),
        "print of revoked": _dead_page(Client().get(revoked_path + "print/")),
    }
    assert len(set(pages.values())) == 1, pages
    assert not SummaryOpening.objects.exists()
    assert Client().get(live_path).status_code == 200
    assert answer_set.share_links.count() == 3


def test_my_links_lists_counts_and_last_opening(client):
    give_answers(client)
    path = make_link(client)
    Client().get(path)
    Client().get(path)
    html = client.get("/my-links/").content.decode()
    row = re.search(r"<tbody>(.*?)</tbody>", html, re.S).group(1)
    assert re.search(r"<td[^>]*>2</td>", row)
    assert "Never" not in row


def test_a_person_can_revoke_their_link_and_it_stops_at_once(client):
    give_answers(client)
    path = make_link(client)
    link = ShareLink.objects.get()
    response = client.post(f"/my-links/{link.public_id}/revoke/")
    assert response.status_code == 302
    assert Client().get(path).status_code == 404
    assert "Turned off" in client.get("/my-links/").content.decode()


def test_another_browser_cannot_see_or_revoke_someone_elses_links(client):
    give_answers(client)
    make_link(client)
    link = ShareLink.objects.get()
    other = Client()
    give_answers(other)
    assert str(link.public_id) not in other.get("/my-links/").content.decode()
    assert other.post(f"/my-links/{link.public_id}/revoke/").status_code == 404
    assert Client().post(f"/my-links/{link.public_id}/revoke/").status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None


def test_revoking_needs_a_post(client):
    give_answers(client)
    make_link(client)
    link = ShareLink.objects.get()
    assert client.get(f"/my-links/{link.public_id}/revoke/").status_code == 405
    link.refresh_from_db()
    assert link.revoked_at is None


def test_deleting_everything_deletes_answers_and_kills_every_link(client):
    answer_set = give_answers(client)
    paths = [make_link(client), make_link(client)]
    page = client.get("/my-links/delete-everything/").content.decode()
    assert "all 2 of your links" in page
    response = client.post("/my-links/delete-everything/")
    assert response.status_code == 302 and response["Location"] == "/deleted/"
    assert not AnswerSet.objects.filter(pk=answer_set.pk).exists()
    assert not ShareLink.objects.exists()
    for path in paths:
        assert Client().get(path).status_code == 404


def test_deleting_answers_the_usual_way_also_kills_the_links(client):
    give_answers(client)
    path = make_link(client)
    client.post("/delete/")
    assert Client().get(path).status_code == 404
    assert not ShareLink.objects.exists()


def test_making_links_is_rate_limited_with_a_kind_message(client, settings):
    settings.SHARE_LINK_LIMIT_PER_HOUR = 2
    give_answers(client)
    assert client.post("/share/new-link/", {"days": 1}).status_code == 200
    assert client.post("/share/new-link/", {"days": 1}).status_code == 200
    response = client.post("/share/new-link/", {"days": 1})
    assert response.status_code == 429
    assert "Please wait a while" in response.content.decode()
    assert ShareLink.objects.count() == 2


def test_a_link_follows_the_persons_latest_answers(client):
    answer_set = give_answers(client)
    path = make_link(client)
    answer_set.answers = crisis_answers()
    answer_set.save()
    assert '<strong class="flag-crisis">Several days</strong>' in Client().get(path).content.decode()


def test_links_cannot_be_made_with_an_unlisted_lifetime():
    answer_set = AnswerSet.objects.create(answers={})
    with pytest.raises(ValueError):
        links.create(answer_set, 365)
