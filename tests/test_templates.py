"""Markup rules that keep the strict Content-Security-Policy and the error pages honest."""

import re
from pathlib import Path

import pytest
from django.test import Client

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def all_templates():
    return sorted(TEMPLATES.rglob("*.html"))


@pytest.mark.parametrize("path", all_templates(), ids=lambda path: str(path.relative_to(TEMPLATES)))
def test_no_template_has_inline_scripts_or_styles(path):
    html = path.read_text()
    assert not re.search(r"\sstyle=", html), "inline style attribute"
    assert "<style" not in html, "inline <style> element"
    assert not re.search(r"<script(?![^>]*\ssrc=)", html), "inline <script> without src"
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"


@pytest.mark.django_db
@pytest.mark.urls("tests.urls_failing")
def test_a_server_error_shows_a_kind_page_not_a_trace():
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, something went wrong" in html
    assert "Traceback" not in html
    assert "/help-now/" in html
