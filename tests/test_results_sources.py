"""Sources on the results page as people cite them ("Kroenke 2001", "NICE NG222"): link text
is the label, never a key; the first view links to few; the list gives each once, in full."""

import re

import pytest
from django.utils.html import escape

from decisionaid.content.models import Source
from decisionaid.summary import build_summary
from tests.factories import maximal_answers, mild_answers
from tests.test_results import outline, page

pytestmark = pytest.mark.django_db


def test_source_links_read_as_people_cite_them_never_as_keys(client):
    html = page(client, maximal_answers())
    labels = dict(Source.objects.values_list("key", "label"))
    links = [(href[len("#source-") :], text) for href, text, _ in outline(html).links if href.startswith("#source-")]
    assert links
    for key, text in links:
        assert text == labels[key], (key, text)
        assert text not in labels, f"link text {text!r} is a source key"


def test_the_first_view_links_to_few_sources_and_the_list_has_each_once(client):
    html = page(client, maximal_answers())
    first = [href for href, _text, in_details in outline(html).links if href.startswith("#source-") and not in_details]
    assert len(first) <= 4  # the scores' bands; every other source is in the details
    listed = re.findall(r'<li id="source-([^"]+)">', html)
    assert len(listed) == len(set(listed))


def test_every_cited_source_is_listed_in_full_with_its_label(client):
    html = page(client, maximal_answers())
    sources = html[html.index('id="sources"') :]
    summary = build_summary(maximal_answers())
    assert summary["content_version"] in sources
    for source in summary["sources"]:
        row = Source.objects.get(key=source["key"])
        assert f'<li id="source-{row.key}"><strong class="source-label">{escape(row.label)}.</strong>' in sources
        assert escape(row.citation) in sources


def test_every_source_link_on_the_page_has_a_target(client):
    html = page(client, maximal_answers())
    targets = set(re.findall(r'href="#source-([^"]+)"', html))
    assert targets and targets <= set(re.findall(r'id="source-([^"]+)"', html))


def test_every_source_has_a_label_a_reader_would_cite():
    for key, label in Source.objects.values_list("key", "label"):
        assert label and label != key and not re.fullmatch(r"[a-z0-9-]+", label), key


def test_each_score_cites_where_its_bands_come_from(client):
    html = page(client, mild_answers())
    scores = html[html.index('id="scores-title"') : html.index("</section>", html.index('id="scores-title"'))]
    assert '<a href="#source-kroenke-2001">Kroenke 2001</a>' in scores
    assert 'href="#source-spitzer-2006"' in scores and 'href="#source-kroenke-2007"' in scores
