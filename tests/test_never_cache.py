"""No page the app makes is stored by a browser or a proxy (decisionaid.middleware.never_cache):
answers, results, the print view, PDFs, share links, invitations, return links, the safety
plan, the clinician's pages, pages in a crisis state, and the public pages too, whose footer
says whether this browser holds answers. Only static files may be stored."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.factories import crisis_answers
from tests.sharing_people import give_answers, make_clinician, make_invitation, sent_summary

pytestmark = pytest.mark.django_db

NEVER_STORED = ("no-store", "no-cache", "private", "max-age=0")


@pytest.fixture(autouse=True)
def pdfs_without_typst(monkeypatch):
    """The PDF views answer as they do, without the slow work of typesetting."""
    import typst

    monkeypatch.setattr(typst, "compile", lambda *args, **kwargs: b"%PDF-1.7 stand-in")


def assert_never_stored(response, what: str) -> None:
    cache_control = response.get("Cache-Control", "")
    missing = [word for word in NEVER_STORED if word not in cache_control]
    assert not missing, f"{what} ({response.status_code}) may be stored: Cache-Control {cache_control!r}"


def url_names_without_arguments() -> list[str]:
    """Every address of the app that takes no argument (the admin's are Django's own)."""
    found = []

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if "admin" not in str(pattern.pattern):
                    walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern) and not pattern.pattern.converters and "<" not in str(pattern.pattern):
                found.append("/" + prefix + str(pattern.pattern))

    walk(get_resolver().url_patterns)
    return sorted(set(found))


def test_every_address_without_an_argument_is_found():
    urls = url_names_without_arguments()
    assert {"/", "/about/", "/results/", "/results/print/", "/results/summary.pdf", "/safety-plan/"} <= set(urls)


@pytest.mark.parametrize("crisis", [False, True], ids=["answers", "crisis"])
def test_no_page_of_a_person_with_answers_is_stored(crisis):
    client = Client()
    give_answers(client, crisis_answers(region="UK") if crisis else None, crisis=crisis)
    client.post("/safety-plan/part/1/", {"warning_signs": "I stop eating"})
    for url in url_names_without_arguments():
        assert_never_stored(client.get(url), url)
    for url in ("/questions/mood/", "/results/options/cbt/", "/safety-plan/part/2/", "/no-such-page/"):
        assert_never_stored(client.get(url), url)
    # An htmx swap, a form with an error, a POST that answers a page.
    assert_never_stored(client.get("/results/compare/", headers={"HX-Request": "true"}), "htmx fragment")
    assert_never_stored(client.post("/questions/mood/", {"phq9_1": "9"}), "a step with an error")
    assert_never_stored(client.post("/results/sure/", {}), "the SURE form with an error")


def test_public_pages_are_never_stored_either(client):
    """Their footer says whether this browser holds answers, so a stored copy could say so
    after "Delete my answers"."""
    for url in ("/", "/about/", "/privacy/", "/help-now/", "/healthz", "/no-such-page/"):
        assert_never_stored(client.get(url), url)


def test_share_links_and_their_pdfs_are_never_stored():
    person = Client()
    give_answers(person)
    made = person.post("/share/new-link/", {"days": 30})
    assert_never_stored(made, "a new share link")
    path = re.search(r'value="http://testserver(/s/[A-Za-z0-9_-]+/)"', made.content.decode()).group(1)
    anyone = Client()
    for url in (path, path + "print/", path + "summary.pdf", "/s/no-such-token/"):
        assert_never_stored(anyone.get(url), url)
    assert_never_stored(person.get("/my-links/"), "my links")


def test_invitations_and_return_links_are_never_stored():
    invitation = make_invitation(make_clinician())
    assert_never_stored(Client().get(f"/invite/{invitation.token}/"), "an invitation")
    person = Client()
    give_answers(person)
    made = person.post("/come-back/new/")
    assert_never_stored(made, "a new return link")
    path = re.search(r"http://testserver(/back/[A-Za-z0-9_-]+/)", made.content.decode()).group(1)
    fresh = Client()
    assert_never_stored(fresh.get(path), "a return link opened")
    assert_never_stored(fresh.get("/again/mood/"), "a re-take step")


def test_the_clinicians_pages_and_pdfs_are_never_stored():
    clinician = make_clinician()
    sent = sent_summary(make_invitation(clinician))
    client = Client()
    assert_never_stored(client.get("/accounts/login/"), "sign in")
    client.force_login(clinician)
    base = f"/clinic/summaries/{sent.public_id}/"
    urls = ["/clinic/", "/clinic/opened/", "/clinic/invitations/", "/accounts/password/", "/accounts/password/done/"]
    for url in [*urls, base, base + "print/", base + "fhir.json", base + "summary.pdf"]:
        assert_never_stored(client.get(url), url)


def test_a_refusal_by_a_limit_is_never_stored(settings):
    settings.PDF_LIMIT_PER_HOUR = 0
    client = Client()
    give_answers(client)
    response = client.get("/results/summary.pdf")
    assert response.status_code == 429
    assert_never_stored(response, "a 429")
