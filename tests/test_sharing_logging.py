"""Tokens never reach a log: the filter rewrites /s/<token> and /invite/<token> paths in
every record, and settings.LOGGING puts it on Django's request, CSRF and server loggers."""

import io
import logging
import os
import subprocess
import sys

import pytest
from django.test import Client

from decisionaid.settings import BASE_DIR
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
    for name in ("gunicorn.access", "gunicorn.error"):
        assert any(isinstance(f, RedactTokens) for f in logging.getLogger(name).filters), name


@pytest.mark.server
def test_each_log_line_of_the_development_server_is_printed_once():
    code = (
        "import logging; "
        "logging.getLogger('django.request').warning('Not Found: /nope/'); "
        "logging.getLogger('django.server').info('GET /s/%s/ 404', 'tok3n-secret')"
    )
    env = {"PATH": os.environ.get("PATH", ""), "DEBUG": "1"}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", code],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    logged = result.stderr.splitlines()
    assert logged.count("Not Found: /nope/") == 1, result.stderr
    assert [line for line in logged if "GET /s/" in line] == [
        line for line in logged if "GET /s/[redacted]/ 404" in line
    ]
    assert len([line for line in logged if "GET /s/" in line]) == 1


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
