"""What a person downloads stays small, for slow and metered phone connections: the first visit
(the home page and every stylesheet, script and font it makes a browser fetch) is at most 60 KB,
an htmx step swap at most 8 KB, and the results page's first response at most 14 KB (one
round trip), all gzip-compressed as production serves them.

Pages are compressed by Django's GZipMiddleware here as in production. Static files are not:
under the tests whitenoise serves the source files as they are, while in production it serves
the gzip copies `collectstatic` makes, so this test gzips them the same way (level 9, used only
when smaller). Sizes are of bodies; headers are left out."""

import gzip
import re
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
from django.conf import settings
from django.test import Client

from decisionaid.questionnaire import steps
from tests.factories import crisis_answers, maximal_answers, mild_answers
from tests.questionnaire_helpers import complete, with_answers

pytestmark = pytest.mark.django_db

KB = 1000
FIRST_VISIT_BUDGET = 60 * KB
HTMX_SWAP_BUDGET = 8 * KB
# The results page's first response fits one network round trip: TCP's first window is ten
# segments of about 1,460 bytes, so a larger page waits a whole round trip more on a phone.
RESULTS_FIRST_RESPONSE_BUDGET = 14 * KB

CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+?)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


class Assets(HTMLParser):
    """The static files a page makes the browser fetch, each with the media it applies to."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        url = attributes.get("src") if tag in ("script", "img") else attributes.get("href") if tag == "link" else None
        if url and url.startswith(settings.STATIC_URL):
            self.found.append((url, attributes.get("media") or "all"))


def as_served(response) -> bytes:
    """The body's bytes on the wire: gzip if the server compressed it, else gzip as
    whitenoise's collectstatic would (keeping the original when that is smaller)."""
    assert response.status_code == 200, response
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Encoding") == "gzip":
        return body
    return min(body, gzip.compress(body, compresslevel=9), key=len)


def decoded(response) -> str:
    body = response.content
    return (gzip.decompress(body) if response.get("Content-Encoding") == "gzip" else body).decode()


def fetched(client: Client, html: str) -> dict[str, int]:
    """Compressed bytes of every static file this HTML makes a browser fetch on screen. A
    stylesheet linked with media="print" is fetched too, but the fonts it declares are only
    fetched when printing, so they are not followed."""
    parser = Assets()
    parser.feed(html)
    queue, sizes = list(parser.found), {}
    while queue:
        url, media = queue.pop(0)
        if url in sizes:
            continue
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        body = as_served(response)
        sizes[url] = len(body)
        if url.endswith(".css") and media != "print":
            text = (gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body).decode()
            for match in CSS_URL.finditer(text):
                found = match.group(1) or match.group(2)
                if not found.startswith("data:"):
                    queue.append((urljoin(url, found), media))
    return sizes


def test_the_first_visit_is_at_most_60_kb_compressed(client):
    home = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    sizes = {"/": len(as_served(home)), **fetched(client, decoded(home))}
    assert any(url.endswith(".css") for url in sizes) and any(url.endswith(".js") for url in sizes), sizes
    assert sum(sizes.values()) <= FIRST_VISIT_BUDGET, sizes


def test_fonts_count_when_a_screen_stylesheet_declares_them_and_not_a_print_one(client, tmp_path, settings):
    (tmp_path / "budget-test" / "fonts").mkdir(parents=True)
    for name in ("Screen.woff2", "Paper.woff2"):
        (tmp_path / "budget-test" / "fonts" / name).write_bytes(bytes(range(256)) * 8)
    (tmp_path / "budget-test" / "screen.css").write_text(
        '@font-face { font-family: S; src: url("fonts/Screen.woff2"); }'
    )
    (tmp_path / "budget-test" / "paper.css").write_text("@font-face { font-family: P; src: url(fonts/Paper.woff2); }")
    settings.STATICFILES_DIRS = [*settings.STATICFILES_DIRS, tmp_path]
    html = (
        '<link rel="stylesheet" href="/static/budget-test/screen.css">'
        '<link rel="stylesheet" href="/static/budget-test/paper.css" media="print">'
    )
    assert set(fetched(client, html)) == {
        "/static/budget-test/screen.css",
        "/static/budget-test/fonts/Screen.woff2",
        "/static/budget-test/paper.css",
    }


@pytest.mark.parametrize("slug", [step.slug for step in steps.STEPS])
def test_an_htmx_step_swap_is_at_most_8_kb_compressed_and_smaller_than_the_page(client, slug):
    complete(client, mild_answers())
    swap = client.get(f"/questions/{slug}/", HTTP_ACCEPT_ENCODING="gzip", HTTP_HX_REQUEST="true")
    page = client.get(f"/questions/{slug}/", HTTP_ACCEPT_ENCODING="gzip")
    assert "<html" not in decoded(swap) and "<html" in decoded(page)
    assert len(as_served(swap)) <= HTMX_SWAP_BUDGET
    assert len(as_served(page)) > len(as_served(swap))


def test_the_print_view_downloads_no_font_files(client):
    complete(client, mild_answers())
    html = decoded(client.get("/results/print/", HTTP_ACCEPT_ENCODING="gzip"))
    fetched_urls = set(fetched(client, html))
    assert any(url.endswith("print.css") for url in fetched_urls)
    assert not [url for url in fetched_urls if url.endswith((".ttf", ".otf", ".woff", ".woff2"))]


@pytest.mark.parametrize(
    ("answers", "crisis"),
    [(mild_answers(), False), (crisis_answers(), True), (maximal_answers(), False)],
    ids=["typical", "in-crisis", "every-concern"],
)
def test_the_results_pages_first_response_fits_one_round_trip(client, answers, crisis):
    with_answers(client, answers, crisis=crisis)
    response = client.get("/results/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.get("Content-Encoding") == "gzip"
    assert len(as_served(response)) <= RESULTS_FIRST_RESPONSE_BUDGET
