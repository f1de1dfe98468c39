"""Answering the questionnaire in a real browser, by clicking labels as a person would."""

from decisionaid.codes import FREQUENCY


def choose(page, name: str, value) -> None:
    page.locator(f'input[name="{name}"][value="{value}"]').check()


def answer_step(page, answers: dict, slug: str) -> None:
    from decisionaid.questionnaire import steps

    for name in steps.BY_SLUG[slug].form_class.base_fields:
        value = answers
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value is None:
            continue
        if isinstance(value, bool):
            choose(page, name, "true" if value else "false")
        elif isinstance(value, list):
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


FREQUENCY_LABELS = dict(FREQUENCY)
