"""Safety outranks everything: a risk answer interrupts at once, and help stays on screen."""

import pytest

from decisionaid.questionnaire.models import AnswerSet
from tests.factories import mild_answers, phq9
from tests.questionnaire_helpers import form_data
from tests.questionnaire_helpers import page_text as text

pytestmark = pytest.mark.django_db


def start(client, region="UK"):
    client.post("/questions/place/", {"region": region, "age_band": "25_64"})


def test_danger_now_interrupts_with_the_crisis_page_at_once(client):
    start(client)
    response = client.post("/questions/safety/", {"in_danger_now": "true"})
    assert response["Location"] == "/crisis/"
    html = client.get("/crisis/").content.decode()
    assert "call 999" in text(html)
    assert "116 123" in text(html)  # Samaritans
    assert 'href="/questions/mood/"' in html  # a gentle way to continue


def test_item_9_answer_interrupts_with_crisis_lines(client):
    start(client, region="US")
    client.post("/questions/safety/", {"in_danger_now": "false"})
    data = form_data("mood", mild_answers(**phq9(0, 0, 0, 0, 0, 0, 0, 0, 1)))
    response = client.post("/questions/mood/", data)
    assert response["Location"] == "/crisis/"
    html = client.get("/crisis/").content.decode()
    assert "call 911" in text(html)
    assert "988" in text(html)
    assert 'href="/questions/worry/"' in html


def test_emergency_number_comes_before_the_crisis_lines(client):
    start(client, region="AU")
    client.post("/questions/safety/", {"in_danger_now": "true"})
    page = client.get("/crisis/").content.decode()
    main = text(page[page.index("<main") :])
    assert main.index("call 000") < main.index("13 11 14")
    # One crisis block: the page's own, and no banner besides it.
    assert page.count("data-crisis-block") == 1
    assert "crisis-banner" not in page


def test_someone_elsewhere_gets_the_international_fallback(client):
    start(client, region="OTHER")
    client.post("/questions/safety/", {"in_danger_now": "true"})
    html = client.get("/crisis/").content.decode()
    assert "your local emergency number" in html
    assert "findahelpline.com" in html.lower()


def test_item_9_of_zero_and_no_danger_do_not_interrupt(client):
    start(client)
    assert client.post("/questions/safety/", {"in_danger_now": "false"})["Location"] == "/questions/mood/"
    data = form_data("mood", mild_answers(**phq9(3, 3, 3, 3, 3, 3, 3, 3, 0)))
    assert client.post("/questions/mood/", data)["Location"] == "/questions/worry/"
    assert "crisis-banner" not in client.get("/questions/worry/").content.decode()


def test_the_crisis_banner_stays_on_every_page_after_a_risk_answer(client):
    start(client, region="IE")
    client.post("/questions/safety/", {"in_danger_now": "true"})
    for url in ["/questions/mood/", "/questions/values/", "/", "/about/"]:
        html = client.get(url).content.decode()
        assert "crisis-banner" in html, url
        assert "112 or 999" in text(html), url
    # Help now has every region's lines, the person's first: a banner would repeat them.
    html = client.get("/help-now/").content.decode()
    assert "crisis-banner" not in html
    assert 'href="tel:112"' in html


def test_the_crisis_banner_stays_even_if_the_answer_is_changed_later(client):
    start(client)
    client.post("/questions/safety/", {"in_danger_now": "true"})
    client.post("/questions/safety/", {"in_danger_now": "false"})
    assert "crisis-banner" in client.get("/questions/mood/").content.decode()
    assert AnswerSet.objects.get().crisis is True


def test_htmx_crisis_answer_reloads_the_whole_page_on_the_crisis_page(client):
    start(client)
    response = client.post("/questions/safety/", {"in_danger_now": "true"}, headers={"HX-Request": "true"})
    assert response["HX-Redirect"] == "/crisis/"


def test_every_page_footer_links_to_crisis_lines(client):
    for url in ["/", "/questions/place/", "/about/"]:
        assert 'href="/help-now/"' in client.get(url).content.decode()


def test_help_now_lists_every_region_with_the_persons_own_first(client):
    start(client, region="NZ")
    html = client.get("/help-now/").content.decode()
    assert "1737" in html and "988" in html and "116 123" in html
    assert html.index("1737") < html.index("988")
