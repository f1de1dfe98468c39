"""Sources on the results page as people cite them ("Kroenke 2001", "NICE NG222"). The first
view has one "Sources" link for each block rather than a link for each citation; a part
fetched on demand names its sources in plain words, with one link to its block's list; each
list gives every source the block cites once, in full."""

import re

import pytest
from django.utils.html import escape

from decisionaid.content.models import Source
from decisionaid.summary import build_summary
from decisionaid.summary.grid import SOURCE_BLOCKS, block_sources
from tests.factories import maximal_answers, mild_answers
from tests.questionnaire_helpers import with_answers

pytestmark = pytest.mark.django_db


def fragment(client, path: str) -> str:
    return client.get(path, headers={"HX-Request": "true"}).content.decode()


def test_citations_read_as_people_cite_them_never_as_keys(client):
    with_answers(client, maximal_answers())
    labels = dict(Source.objects.values_list("key", "label"))
    cited = []
    for option in build_summary(maximal_answers())["options"]:
        detail = fragment(client, f"/results/options/{option['slug']}/")
        for names in re.findall(r'<span class="cite-label">From:</span> (.*?)</p>', detail):
            cited += names.split("; ")
    assert cited
    for text in cited:
        assert text in labels.values() and text not in labels, f"{text!r} is not a label people cite"


def test_each_block_lists_every_source_it_cites_once_in_full(client):
    answers = maximal_answers()
    with_answers(client, answers)
    summary = build_summary(answers)
    for block in [*SOURCE_BLOCKS, *(option["slug"] for option in summary["options"])]:
        html = fragment(client, f"/results/sources/{block}/")
        listed = re.findall(r'<li id="source-([^"]+)">', html)
        expected = [source["key"] for source in block_sources(summary, block)]
        assert listed == expected and len(listed) == len(set(listed)) and listed, block
        assert summary["content_version"] in html
        for key in listed:
            row = Source.objects.get(key=key)
            assert f'<li id="source-{key}"><strong class="source-label">{escape(row.label)}.</strong>' in html
            assert escape(row.citation) in html


def test_an_option_lists_the_sources_of_every_citation_in_its_details(client):
    with_answers(client, mild_answers())
    labels = dict(Source.objects.values_list("label", "key"))
    detail = fragment(client, "/results/options/medication/")
    cited = {labels[name] for names in re.findall(r"From:</span> (.*?)</p>", detail) for name in names.split("; ")}
    listed = set(re.findall(r'<li id="source-([^"]+)">', fragment(client, "/results/sources/medication/")))
    assert cited and cited <= listed


def test_every_source_has_a_label_a_reader_would_cite():
    for key, label in Source.objects.values_list("key", "label"):
        assert label and label != key and not re.fullmatch(r"[a-z0-9-]+", label), key


def test_the_scores_sources_say_where_their_bands_come_from(client):
    with_answers(client, mild_answers())
    html = fragment(client, "/results/sources/scores/")
    for key in ("kroenke-2001", "spitzer-2006", "kroenke-2007"):
        assert f'<li id="source-{key}">' in html
