"""Production settings: safe by default, refusing to start without real secrets."""

import os
import subprocess
import sys

import pytest

from decisionaid.settings import BASE_DIR

PRODUCTION_ENV = {
    "PATH": os.environ.get("PATH", ""),
    "SECRET_KEY": "a-real-secret-" + "x" * 50,
    "ALLOWED_HOSTS": "decisionaid.example.org",
    "DATABASE_URL": "sqlite:////tmp/decisionaid-settings-test.sqlite3",
}


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )


def test_check_deploy_under_production_settings_reports_no_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert missing in result.stderr


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
