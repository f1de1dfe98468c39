"""Crisis, emergency and youth numbers are one tap away: a `tel:` link to call, an `sms:` link
with the keyword to text, on every page a person in crisis sees, and on the pages that show
their summary to others."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from decisionaid.content.models import Region, Resource
from decisionaid.questionnaire import steps
from decisionaid.summary import build_summary
from tests.factories import crisis_answers, minimal_answers
from tests.sharing_people import give_answers, make_clinician, make_invitation, sent_summary

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
# Regions whose emergency number is a number (OTHER names none: "your local emergency number").
NUMBERED = ["US", "UK", "IE", "CA", "AU", "NZ"]


class _Links(HTMLParser):
    """Every link on a page: its address, its label for screen readers, its text (what a
    screen reader says) and its visible text (without the visually hidden extras)."""

    def __init__(self):
        super().__init__()
        self.links: list[dict] = []
        self.open: dict | None = None
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.open = {**dict(attrs), "text": "", "visible": ""}
            self.links.append(self.open)
        elif tag == "span" and self.open is not None:
            self.hidden += 1 if self.hidden or "visually-hidden" in (dict(attrs).get("class") or "") else 0

    def handle_endtag(self, tag):
        if tag == "a":
            self.open = None
            self.hidden = 0
        elif tag == "span" and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if self.open is not None:
            self.open["text"] += data
            if not self.hidden:
                self.open["visible"] += data


def links(html: str, scheme: str) -> list[dict]:
    parser = _Links()
    parser.feed(html)
    return [link for link in parser.links if (link.get("href") or "").startswith(scheme)]


def dialled(href: str) -> str:
    return href.split(":", 1)[1].split("?", 1)[0]


def emergency_numbers(code: str) -> set[str]:
    return set(re.findall(r"\d+", Region.objects.get(code=code).emergency_number))


def crisis_phones(code: str) -> set[str]:
    return set(
        Resource.objects.filter(region__code=code, kind="crisis").exclude(phone="").values_list("phone", flat=True)
    )


def section(html: str, start: str, end: str) -> str:
    return html[html.index(start) : html.index(end, html.index(start))]


def in_crisis(region: str) -> Client:
    """A person whose answers are all given, with a risky one among them."""
    client = Client()
    give_answers(client, crisis_answers(region=region), crisis=True)
    return client


def test_help_now_has_a_call_link_for_every_emergency_number_and_crisis_phone_line(client):
    calls = {dialled(link["href"]) for link in links(client.get("/help-now/").content.decode(), "tel:")}
    for code in NUMBERED:
        assert emergency_numbers(code) <= calls, code
        assert crisis_phones(code) <= calls, code


@pytest.mark.parametrize("code", NUMBERED)
def test_the_crisis_page_has_call_links_for_the_persons_region(client, code):
    client.post("/questions/place/", {"region": code, "age_band": "25_64"})
    assert client.post("/questions/safety/", {"in_danger_now": "true"})["Location"] == "/crisis/"
    main = client.get("/crisis/").content.decode().split("<main", 1)[1]
    calls = {dialled(link["href"]) for link in links(main, "tel:")}
    assert emergency_numbers(code) <= calls
    assert crisis_phones(code) <= calls


def test_the_link_text_is_the_number_as_printed_and_is_read_digit_by_digit(client):
    client.post("/questions/place/", {"region": "UK", "age_band": "25_64"})
    client.post("/questions/safety/", {"in_danger_now": "true"})
    samaritans = [
        link for link in links(client.get("/crisis/").content.decode(), "tel:") if link["href"] == "tel:116123"
    ]
    assert samaritans
    # The spoken name is the words shown (on the button, then the digits one by one, a
    # visually hidden extra): never an aria-label that says other words (axe
    # label-content-name-mismatch).
    assert {link["text"] for link in samaritans} == {"116 123", "Call 116 123 (1 1 6, 1 2 3) Samaritans"}
    assert not [link for link in samaritans if "aria-label" in link]


def test_no_phone_link_anywhere_has_a_label_that_hides_its_words(client):
    client.post("/questions/place/", {"region": "IE", "age_band": "25_64"})
    client.post("/questions/safety/", {"in_danger_now": "true"})
    for url in ("/crisis/", "/help-now/", "/", "/about/"):
        html = client.get(url).content.decode()
        assert not [link for link in links(html, "tel:") + links(html, "sms:") if "aria-label" in link], url


def test_both_irish_emergency_numbers_can_be_called(client):
    client.post("/questions/place/", {"region": "IE", "age_band": "25_64"})
    client.post("/questions/safety/", {"in_danger_now": "true"})
    emergency = section(client.get("/crisis/").content.decode(), "<main", 'class="resource-list"')
    assert {(link["href"], link["visible"]) for link in links(emergency, "tel:")} >= {
        ("tel:112", "112"),
        ("tel:999", "999"),
        ("tel:112", "Call 112 Emergency"),
        ("tel:999", "Call 999 Emergency"),
    }


@pytest.mark.parametrize(
    ("code", "href", "text", "words"),
    [
        ("US", "sms:741741?&body=HOME", "741741", "Text HOME to 741741"),
        ("CA", "sms:686868?&body=CONNECT", "686868", "text CONNECT to 686868"),
        ("UK", "sms:85258", "85258", "Text 85258"),
        ("AU", "sms:0477131114", "0477 13 11 14", "text 0477 13 11 14"),
    ],
)
def test_text_lines_are_sms_links_with_their_keyword(client, code, href, text, words):
    html = client.get("/help-now/").content.decode()
    texts = [link for link in links(html, "sms:") if link["href"] == href and not link["visible"].startswith("Text")]
    assert texts, href
    assert {link["visible"] for link in texts} == {text}
    visible = re.sub(r"<[^>]+>", "", html)
    assert words in visible


def test_a_line_you_can_call_or_text_on_one_number_gets_both_links(client):
    html = client.get("/help-now/").content.decode()
    assert "tel:988" in {link["href"] for link in links(html, "tel:")}
    assert "sms:988" in {link["href"] for link in links(html, "sms:")}


@pytest.mark.parametrize("code", ["US", "IE", "AU"])
def test_every_page_after_a_risky_answer_has_a_call_link_for_the_region(code):
    client = in_crisis(code)
    pages = [f"/questions/{step.slug}/" for step in steps.STEPS]
    pages += ["/", "/about/", "/privacy/", "/help-now/", "/crisis/", "/results/", "/my-links/", "/delete/"]
    wanted = emergency_numbers(code)
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        calls = {dialled(link["href"]) for link in links(response.content.decode(), "tel:")}
        assert wanted <= calls, url


def test_the_results_crisis_section_itself_has_call_and_text_links():
    html = in_crisis("US").get("/results/").content.decode()
    crisis = section(html, 'id="crisis-now"', "</section>")
    assert "911" in {dialled(link["href"]) for link in links(crisis, "tel:")}
    assert "sms:741741?&body=HOME" in {link["href"] for link in links(crisis, "sms:")}


def test_a_share_link_of_a_crisis_summary_has_call_links():
    client = in_crisis("UK")
    made = client.post("/share/new-link/", {"days": 30})
    assert made.status_code == 200
    path = re.search(r'value="http://testserver(/s/[A-Za-z0-9_-]+/)"', made.content.decode())
    assert path
    html = Client().get(path.group(1)).content.decode()
    calls = {dialled(link["href"]) for link in links(html, "tel:")}
    assert {"999", "116123"} <= calls


def test_the_clinicians_view_of_a_crisis_summary_has_call_links():
    clinician = make_clinician()
    sent = sent_summary(make_invitation(clinician), crisis_answers(region="AU"))
    client = Client()
    client.force_login(clinician)
    html = client.get(f"/clinic/summaries/{sent.public_id}/").content.decode()
    calls = {dialled(link["href"]) for link in links(html, "tel:")}
    assert {"000", "131114"} <= calls


@pytest.mark.parametrize(("code", "youth_line"), [("IE", "1800666666"), ("AU", "1800551800"), ("NZ", "0800376633")])
def test_the_youth_page_lists_a_youth_service_with_a_call_link(client, code, youth_line):
    assert client.post("/questions/place/", {"region": code, "age_band": "under_18"})["Location"] == "/young-people/"
    html = client.get("/young-people/").content.decode()
    youth = section(html, "Help for young people", "Help for people of any age")
    for resource in Resource.objects.filter(region__code=code, kind="youth"):
        assert resource.name in youth
    assert youth_line in {dialled(link["href"]) for link in links(youth, "tel:")}
    # Lines for adults are listed apart, as lines for any age.
    for resource in Resource.objects.filter(region__code=code, kind="crisis"):
        assert resource.name not in youth


def test_youthline_can_be_texted_on_234(client):
    client.post("/questions/place/", {"region": "NZ", "age_band": "under_18"})
    html = client.get("/young-people/").content.decode()
    assert "sms:234" in {link["href"] for link in links(html, "sms:")}


def test_the_youth_page_has_the_emergency_number_to_call(client):
    client.post("/questions/place/", {"region": "AU", "age_band": "under_18"})
    calls = {dialled(link["href"]) for link in links(client.get("/young-people/").content.decode(), "tel:")}
    assert "000" in calls


def test_somewhere_else_names_no_number_it_cannot_vouch_for(client):
    client.post("/questions/place/", {"region": "OTHER", "age_band": "25_64"})
    client.post("/questions/safety/", {"in_danger_now": "true"})
    html = client.get("/crisis/").content.decode()
    assert "your local emergency number" in html
    assert links(html, "tel:") == []


def test_every_number_in_a_crisis_or_youth_line_can_be_dialled_or_texted():
    # A number of three or more digits in the words ("Call 988 and press 1": not the 1) is one
    # a person may tap, so it must be the line's phone or text number.
    for resource in Resource.objects.filter(kind__in=["crisis", "youth"]):
        printed = {
            re.sub(r"\D", "", number) for number in re.findall(r"(?<![\w.])\d[\d -]*\d(?![\w])", resource.contact)
        }
        assert printed <= {resource.phone, resource.text_number}, str(resource)


def test_every_line_passes_the_admins_checks():
    for resource in Resource.objects.all():
        resource.full_clean()


def test_a_number_must_be_in_the_contact_words_so_paper_shows_it():
    resource = Resource.objects.get(region__code="UK", name="Shout")
    resource.phone = "0800123456"
    with pytest.raises(ValidationError, match="phone"):
        resource.full_clean()


def test_a_text_keyword_needs_a_number_to_send_it_to():
    resource = Resource.objects.get(region__code="UK", name="Samaritans")
    resource.text_keyword = "HELLO"
    with pytest.raises(ValidationError, match="text_keyword"):
        resource.full_clean()


def test_the_summary_carries_the_numbers_to_dial_and_text():
    summary = build_summary(crisis_answers(region="US"))
    text_line = next(resource for resource in summary["crisis"]["resources"] if resource["name"] == "Crisis Text Line")
    assert (text_line["text_number"], text_line["text_keyword"]) == ("741741", "HOME")
    youth = build_summary(minimal_answers(region="NZ", age_band="under_18"))["notices"][0]["resources"]
    assert [(resource["phone"], resource["text_number"]) for resource in youth] == [("0800376633", "234")]


def test_paper_prints_the_number_not_the_link_address():
    assert "attr(href)" not in (ROOT / "static" / "css" / "print.css").read_text()


def test_a_line_you_can_call_or_text_on_one_number_says_text_once(client):
    # "Call or text 988, or chat at 988lifeline.org." and no second "Text 988." after it.
    html = client.get("/help-now/").content.decode()
    us = section(html, 'id="crisis-lines-US"', "</section>")
    items = re.sub(r"<[^>]+>", "", section(us, 'class="resource-list"', "</ul>"))
    assert "Call or text 988" in items
    assert "Text 988" not in items
    # The text button is the way to text it.
    assert "sms:988" in {link["href"] for link in links(us, "sms:")}
