"""Answering the questionnaire in a real browser, by clicking labels as a person would."""

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
