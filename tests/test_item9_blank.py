"""PHQ-9 item 9 left blank (issue 19, item 3): a kind note saying why the question matters,
with the help-now link and the region's crisis line inside it, not a red error quoting the
question back."""

import re

import pytest

from decisionaid.instruments import PHQ9

pytestmark = pytest.mark.django_db

ITEM_9 = PHQ9.items[8].text


def post_mood_without_item_9(client, region="UK", **more):
    client.post("/questions/place/", {"region": region, "age_band": "25_64"})
    client.post("/questions/safety/", {"in_danger_now": "false"})
    data = {f"phq9_{n}": "1" for n in range(1, 9)} | more
    return client.post("/questions/mood/", data)


def test_a_blank_item_9_gets_a_kind_note_with_help_in_it(client):
    response = post_mood_without_item_9(client, region="UK")
    assert response.status_code == 422
    html = response.content.decode()
    note = html[html.index('class="kind-note"') : html.index("</div>", html.index('class="crisis-buttons"'))]
    assert "Your answer helps us show you the right help" in note
    assert 'href="/help-now/"' in note
    assert 'href="tel:116123"' in note and 'href="tel:999"' in note
    # The field's description (aria-describedby) is the note, not a red error.
    assert 'id="id_phq9_9_error"' in note
    assert 'aria-describedby="id_phq9_9_error"' in html
    assert '<p class="error" id="id_phq9_9_error"' not in html


def test_the_summary_names_no_question_and_is_not_an_error_when_item_9_is_all_that_is_missing(client):
    html = post_mood_without_item_9(client).content.decode()
    summary = html[html.index('class="error-summary') : html.index("</div>", html.index('class="error-summary'))]
    assert "kind-summary" in summary
    assert "One question has no answer yet" in summary
    assert ITEM_9 not in summary
    assert re.search(r'href="#id_phq9_9_0">Question 9 has no answer yet', summary)


def test_other_blank_questions_still_get_the_usual_errors(client):
    client.post("/questions/place/", {"region": "US", "age_band": "25_64"})
    data = {f"phq9_{n}": "1" for n in range(2, 9)}
    html = client.post("/questions/mood/", data).content.decode()
    summary = html[html.index('class="error-summary') : html.index("</div>", html.index('class="error-summary'))]
    assert "kind-summary" not in summary
    assert "Please check your answers" in summary
    assert PHQ9.items[0].text in summary
    assert 'class="kind-note"' in html and 'href="tel:988"' in html
