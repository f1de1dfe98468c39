"""Tokens never reach a log: the filter rewrites /s/<token> and /invite/<token> paths in
every record, and settings.LOGGING puts it on Django's request, CSRF and server loggers."""

import io
import logging

import pytest
from django.test import Client

from decisionaid.sharing.redact import RedactTokens, redact

TOKEN = "q" * 43
INVITE = "w" * 32


def test_paths_with_tokens_are_redacted():
    assert redact(f"Not Found: /s/{TOKEN}/") == "Not Found: /s/[redacted]/"
    assert redact(f'"GET /s/{TOKEN}/print/ HTTP/1.1" 404') == '"GET /s/[redacted]/print/ HTTP/1.1" 404'
    assert redact(f"/invite/{INVITE}/") == "/invite/[redacted]/"
    assert (
        redact("/questions/place/ /static/css/app.css /my-links/") == "/questions/place/ /static/css/app.css /my-links/"
    )


def test_the_filter_rewrites_formatted_messages_and_their_args():
    record = logging.LogRecord(
        "django.server", logging.INFO, __file__, 1, '"%s" %s %s', (f"GET /s/{TOKEN}/ HTTP/1.1", 404, 10), None
    )
    assert RedactTokens().filter(record) is True
    assert TOKEN not in record.getMessage()
    access = logging.LogRecord(
        "gunicorn.access",
        logging.INFO,
        __file__,
        1,
        "%(r)s %(s)s",
        ({"r": f"GET /invite/{INVITE}/", "s": "200"},),
        None,
    )
    RedactTokens().filter(access)
    assert access.getMessage() == "GET /invite/[redacted]/ 200"


def test_the_settings_wire_the_filter_into_djangos_loggers(settings):
    assert settings.LOGGING["filters"]["redact_tokens"]["()"] == "decisionaid.sharing.redact.RedactTokens"
    for name in ("django.request", "django.security.csrf", "django.server"):
        assert "redact_tokens" in settings.LOGGING["loggers"][name]["filters"]
    assert "redact_tokens" in settings.LOGGING["handlers"]["console"]["filters"]
    assert any(isinstance(f, RedactTokens) for f in logging.getLogger("gunicorn.access").filters)


@pytest.mark.django_db
def test_a_dead_link_logs_its_404_without_the_token():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger = logging.getLogger("django")
    logger.addHandler(handler)
    try:
        assert Client().get(f"/s/{TOKEN}/").status_code == 404
        assert Client().get(f"/invite/{INVITE}/").status_code == 404
    finally:
        logger.removeHandler(handler)
    logged = stream.getvalue()
    assert "Not Found: /s/[redacted]/" in logged
    assert "Not Found: /invite/[redacted]/" in logged
    assert TOKEN not in logged and INVITE not in logged
