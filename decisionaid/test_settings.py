"""Settings for the test suite (pyproject.toml names this module): the app's own settings as a
development machine has them, with a throwaway key, plain-http cookies and static files read
straight from the source folders."""

import os

# Read by decisionaid/settings.py below; only set when the person running the tests has not.
os.environ.setdefault("SECRET_KEY", "tests-only-key-" + "0123456789abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from decisionaid.settings import *  # noqa: F403
from decisionaid.settings import STORAGES

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = True
# Argon2 is slow on purpose (about 0.1 s a hash); the tests about hashing ask for production's
# hashers (tests/conftest.py: production_hashers).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
