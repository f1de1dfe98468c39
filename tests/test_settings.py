"""Production settings: safe by default, refusing to start without real secrets."""

import json
import os
import shutil
import subprocess
import sys
from unittest import mock

import pytest

from decisionaid.settings import BASE_DIR
from tests.factories import mild_answers

PRODUCTION_ENV = {
    "PATH": os.environ.get("PATH", ""),
    "SECRET_KEY": "a-real-secret-" + "x" * 50,
    "ALLOWED_HOSTS": "decisionaid.example.org",
    "DATABASE_URL": "sqlite://:memory:",  # no file left behind
}


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.server
def test_check_deploy_under_production_settings_reports_no_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.server
@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert missing in result.stderr


@pytest.mark.server
def test_secret_key_can_come_from_a_file(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("from-a-file-" + "y" * 50)
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "SECRET_KEY"}
    env["SECRET_KEY_FILE"] = str(secret)
    assert manage("check", env=env).returncode == 0


@pytest.mark.django_db
def test_every_page_sends_strict_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_does(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_does_not(client):
    from django.db import OperationalError
    from django.db.backends.utils import CursorWrapper

    with mock.patch.object(CursorWrapper, "execute", side_effect=OperationalError("server closed the connection")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"database unavailable\n"


# Issue 14 and 15: strict yes/no values, a real secret, and the README's commands on a fresh clone.

BARE_ENV = {"PATH": os.environ.get("PATH", ""), "HOME": str(BASE_DIR)}


@pytest.mark.server
@pytest.mark.parametrize("value", ["flase", "2", "enabled"])
def test_a_mistyped_yes_or_no_stops_the_app_with_a_message(value):
    result = manage("check", env={**PRODUCTION_ENV, "DEBUG": value})
    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr


@pytest.mark.server
@pytest.mark.parametrize("secret", ["12345", "ab" * 40])
def test_production_refuses_a_short_or_repetitive_secret_key(secret):
    result = manage("check", env={**PRODUCTION_ENV, "SECRET_KEY": secret})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.server
def test_a_server_never_starts_with_the_development_key():
    # runserver without DEBUG, and gunicorn's entry point, on a machine with nothing set.
    assert manage("runserver", "--noreload", "127.0.0.1:0", env=BARE_ENV).returncode != 0
    wsgi = subprocess.run(
        [sys.executable, "-c", "import decisionaid.wsgi"],
        cwd=BASE_DIR,
        env=BARE_ENV,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert wsgi.returncode != 0
    assert "SECRET_KEY" in wsgi.stderr


@pytest.mark.server
def test_trusted_proxy_count_reads_the_address_the_balancer_appended():
    code = (
        "from django.conf import settings as s; print(s.AXES_IPWARE_PROXY_COUNT, s.AXES_IPWARE_META_PRECEDENCE_ORDER)"
    )
    behind = manage("shell", "-v", "0", "-c", code, env={**BARE_ENV, "TRUSTED_PROXY_COUNT": "1"})
    assert behind.stdout.strip() == "0 ['HTTP_X_FORWARDED_FOR']", behind.stderr
    direct = manage("shell", "-v", "0", "-c", code, env=BARE_ENV)
    assert direct.stdout.strip() == "None ['REMOTE_ADDR']", direct.stderr


@pytest.mark.server
def test_the_readmes_commands_work_as_written_on_a_fresh_clone(tmp_path):
    clone = tmp_path / "app"
    ignored = shutil.ignore_patterns(".venv", ".git", "db.sqlite3", "staticfiles", "test-output", "__pycache__", "*.po")
    shutil.copytree(BASE_DIR, clone, ignore=ignored)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(mild_answers()))
    python = sys.executable  # the venv's python, as the README's .venv/bin/python
    env = {**BARE_ENV, "DJANGO_SUPERUSER_PASSWORD": "a long and unusual pass 91"}
    commands = [
        ["migrate", "-v", "0"],
        ["load_content"],
        ["summarize", str(answers)],
        ["createsuperuser", "--noinput", "--username", "editor", "--email", "editor@example.org"],
        ["makemessages", "-l", "zz", "--ignore=.venv", "--ignore=bench", "--ignore=tests"],
    ]
    for command in commands:
        result = subprocess.run(
            [python, "manage.py", *command], cwd=clone, env=env, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, (command, result.stderr)
        assert "Traceback" not in result.stderr, command
    assert (
        '"phq9"'
        in subprocess.run(
            [python, "manage.py", "summarize", str(answers)], cwd=clone, env=env, capture_output=True, text=True
        ).stdout
    )
    catalogue = (clone / "locale" / "zz" / "LC_MESSAGES" / "django.po").read_text()
    assert 'msgid "Delete my answers"' in catalogue
