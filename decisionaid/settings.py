"""Settings for decisionaid, read from the environment with safe defaults.

DEBUG is off unless asked for. Outside DEBUG and the test runner, the app refuses to start
without a real SECRET_KEY and ALLOWED_HOSTS, so a forgotten variable cannot ship a known key.
"""

import os
import sys
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str = "False") -> bool:
    return os.environ.get(name, default).strip().lower() in ("1", "true", "yes", "on")


def envint(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def envsecret(name: str) -> str:
    """Read NAME, or the file named by NAME_FILE (for secrets mounted as files)."""
    value = os.environ.get(name, "")
    path = os.environ.get(f"{name}_FILE")
    if not value and path:
        value = Path(path).read_text().strip()
    return value


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG")
TESTING = "pytest" in sys.modules or sys.argv[1:2] == ["test"]

SECRET_KEY = envsecret("SECRET_KEY")
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured("Set SECRET_KEY (or SECRET_KEY_FILE) to a long random value.")
    SECRET_KEY = "insecure-key-for-development-and-tests-only"  # noqa: S105 (never used in production)

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured("Set ALLOWED_HOSTS to the host names this app serves.")
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "csp",
    "decisionaid.content",
    "decisionaid.questionnaire",
    "decisionaid.results",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "decisionaid.middleware.permissions_policy",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages are compressed as sent; Django masks the CSRF token and pads gzip against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "decisionaid.urls"
WSGI_APPLICATION = "decisionaid.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "decisionaid.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", 60),
    )
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several worker processes on one SQLite file: take the write lock at the start of a
    # transaction and wait for it, rather than fail with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sessions live in the database so any number of app servers see the same people.
# Django's database sessions, read with one plain SQL query (decisionaid/sessions.py).
SESSION_ENGINE = "decisionaid.sessions"
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 60 * 60 * 24 * 30)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not (DEBUG or TESTING)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Outside production, whitenoise serves straight from the source folders.
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = DEBUG or TESTING

# How long answers that nobody asked to keep are stored, in days.
ANSWER_RETENTION_DAYS = envint("ANSWER_RETENTION_DAYS", 30)

# Production is anything not DEBUG and not the test runner: secure by default there,
# each setting still overridable (e.g. SECURE_SSL_REDIRECT=0 behind a TLS-terminating proxy
# that sets X-Forwarded-Proto, or for a loopback benchmark).
PRODUCTION = not (DEBUG or TESTING)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", str(PRODUCTION))
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", str(PRODUCTION))
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", str(PRODUCTION))
if envbool("TRUST_X_FORWARDED_PROTO"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", str(PRODUCTION))
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", str(PRODUCTION))
CSRF_COOKIE_HTTPONLY = True
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

# A strict policy: our own origin only, no inline scripts or styles anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # WeasyPrint warns about every screen-only CSS rule it skips; only its errors matter.
    "loggers": {"weasyprint": {"level": "ERROR"}, "fontTools": {"level": "ERROR"}},
}
CSRF_FAILURE_VIEW = "decisionaid.pages.csrf_failure"
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Only the benchmark turns this on: it adds /bench/limit/, a constant response through the
# same middleware, to measure the limit of the stack.
BENCH_ENDPOINTS = envbool("BENCH_ENDPOINTS")

# ---------------------------------------------------------------------------------------
# Sharing and clinicians (issue 5).
from datetime import timedelta  # noqa: E402

INSTALLED_APPS += ["axes", "decisionaid.clinicians", "decisionaid.sharing"]
# django-axes asks to be last: it turns a locked-out sign-in into the lockout page.
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    # Older hashes still verify, and are upgraded to Argon2 at the next sign-in.
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "clinician_dashboard"
LOGOUT_REDIRECT_URL = "login"

# Failed sign-ins are counted in the database, so every app server sees the same counts.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 15))
# One user name from one address: a stranger elsewhere cannot lock a clinician out.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "decisionaid.clinicians.views.locked_out"
# Behind a proxy, the client's address is in X-Forwarded-For; say how many proxies to trust.
if envint("AXES_IPWARE_PROXY_COUNT", 0):
    AXES_IPWARE_PROXY_COUNT = envint("AXES_IPWARE_PROXY_COUNT", 0)
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# Rate limits count in the cache; with several app servers name a shared one (e.g. Django's
# database cache after `manage.py createcachetable`).
CACHES = {
    "default": {
        "BACKEND": os.environ.get("CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": os.environ.get("CACHE_LOCATION", ""),
    },
    # Whole pages as drawn (decisionaid/pagecache.py), keyed by a digest of all they show.
    # Always this process's own memory, never a shared or lasting store, and kept briefly:
    # they hold what a person answered, though nothing that says who they are.
    "kept_pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "kept-pages",
        "TIMEOUT": 300,
        "OPTIONS": {"MAX_ENTRIES": envint("KEPT_PAGES", 300)},
    },
}
KEPT_PAGES_CACHE = "kept_pages"
SHARE_LINK_LIMIT_PER_HOUR = envint("SHARE_LINK_LIMIT_PER_HOUR", 10)
SEND_SUMMARY_LIMIT_PER_HOUR = envint("SEND_SUMMARY_LIMIT_PER_HOUR", 5)
INVITATION_LIMIT_PER_HOUR = envint("INVITATION_LIMIT_PER_HOUR", 20)
PDF_LIMIT_PER_HOUR = envint("PDF_LIMIT_PER_HOUR", 30)
# How long a worker keeps the clinical content in memory before reading it again. A save
# in the admin shows at once in the worker that made it, and in the others within this time.
CONTENT_CACHE_SECONDS = envint("CONTENT_CACHE_SECONDS", 60)

# Share-link and invitation tokens never reach a log: the filter rewrites the paths in
# Django's request, CSRF and development-server lines (and gunicorn's, see sharing/apps.py).
LOGGING.setdefault("filters", {})["redact_tokens"] = {"()": "decisionaid.sharing.redact.RedactTokens"}
LOGGING.setdefault("formatters", {})["django.server"] = {
    "()": "django.utils.log.ServerFormatter",
    "format": "[{server_time}] {message}",
    "style": "{",
}
LOGGING["handlers"]["django.server"] = {
    "class": "logging.StreamHandler",
    "formatter": "django.server",
    "filters": ["redact_tokens"],
}
LOGGING["handlers"]["console"].setdefault("filters", []).append("redact_tokens")
LOGGING.setdefault("loggers", {}).update(
    {
        "django.request": {"filters": ["redact_tokens"]},
        "django.security": {"filters": ["redact_tokens"]},
        "django.security.csrf": {"filters": ["redact_tokens"]},
        "django.server": {
            "handlers": ["django.server"],
            "level": "INFO",
            "propagate": False,
            "filters": ["redact_tokens"],
        },
    }
)
