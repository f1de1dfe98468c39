"""Answering the questionnaire in a real browser, by clicking labels as a person would."""

from django.conf import settings

from tests.questionnaire_helpers import form_data


def choose(page, name: str, value) -> None:
    page.locator(f'input[name="{name}"][value="{value}"]').check()


def answer_step(page, answers: dict, slug: str) -> None:
    """Tick and type what a person with these answers would, on one step."""
    for name, value in form_data(slug, answers).items():
        if isinstance(value, list):
            for item in value:
                choose(page, name, item)
        elif name == "session_fee":
            page.fill('input[name="session_fee"]', str(value))
        else:
            choose(page, name, value)


def submit(page) -> None:
    page.locator("main form button[type=submit]").first.click()


def heading(page) -> str:
    return page.locator("main h1").first.inner_text()


def share_session(page, live_server, client) -> None:
    """Give the browser the session of a Django test client: signed in with force_login, or
    holding answers, without the slow password hash or the whole questionnaire."""
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
