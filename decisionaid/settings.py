"""Settings for decisionaid, read from the environment with safe defaults.

DEBUG is off unless asked for. A server (gunicorn, or runserver without DEBUG) refuses to start
without a real SECRET_KEY and ALLOWED_HOSTS, so a forgotten variable cannot ship a known key.
A command typed on a development machine (see DEVELOPMENT_COMMAND) gets development's key and
hosts, so the README's commands work on a fresh clone. The tests use decisionaid/test_settings.py.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("0", "false", "no", "off")


def envbool(name: str, default: bool = False) -> bool:
    """1/0, true/false, yes/no, on/off (any case); anything else stops the app with a message,
    so a typo such as DEBUG=flase never silently means one or the other."""
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in TRUE_WORDS:
        return True
    if raw in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be one of {', '.join(TRUE_WORDS + FALSE_WORDS)}, not {raw!r}.")


def envint(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None


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

# manage.py names the command it runs. A command other than runserver, on a machine where none
# of production's own variables is set, is someone at a development machine: it may use the
# development key, which signs nothing that lasts. A server (gunicorn, runserver) never does.
PRODUCTION_VARIABLES = ("SECRET_KEY", "SECRET_KEY_FILE", "ALLOWED_HOSTS")
COMMAND = os.environ.get("DECISIONAID_COMMAND", "")
DEVELOPMENT_COMMAND = COMMAND not in ("", "runserver") and not any(os.environ.get(n) for n in PRODUCTION_VARIABLES)
DEVELOPMENT = DEBUG or DEVELOPMENT_COMMAND
# Production is everything else: secure by default, each setting still overridable (e.g.
# SECURE_SSL_REDIRECT=0 for a loopback benchmark).
PRODUCTION = not DEVELOPMENT

DEVELOPMENT_SECRET_KEY = "insecure-key-for-development-only-never-for-a-server-0123456789"  # noqa: S105
SECRET_KEY = envsecret("SECRET_KEY")
if not SECRET_KEY and DEVELOPMENT:
    SECRET_KEY = DEVELOPMENT_SECRET_KEY
if PRODUCTION and (len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5):
    raise ImproperlyConfigured(
        "Set SECRET_KEY (or SECRET_KEY_FILE) to a long random value: at least 50 characters, "
        'for example from `python3 -c "import secrets; print(secrets.token_urlsafe(50))"`.'
    )

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    if PRODUCTION:
        raise ImproperlyConfigured("Set ALLOWED_HOSTS to the host names this app serves.")
    ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "django_htmx",
    "template_partials",
    "csp",
    "axes",
    "decisionaid.content",
    "decisionaid.questionnaire",
    "decisionaid.results",
    "decisionaid.clinicians",
    "decisionaid.sharing",
    "decisionaid.ratelimit",
    "decisionaid.followup",
    "decisionaid.safetyplan",
    "decisionaid.retention",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "decisionaid.middleware.permissions_policy",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise, so static files keep their long cache life and every page is no-store.
    "decisionaid.middleware.never_cache",
    # Pages are compressed as sent; Django masks the CSRF token and pads gzip against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "decisionaid.middleware.signed_in_idle_timeout",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # django-axes asks to be last: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "decisionaid.urls"
# Django's own renderer, reading templates as pages do: templates/django/forms/ overrides its own.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
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
        # A connection held open between requests is tested before use, so the first request after
        # a database restart gets a fresh one instead of an error.
        conn_health_checks=True,
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

# Nothing uses Django's cache: rate limits and sign-in lockouts are counted in the database,
# so they hold across every worker and app server, and no page is cached. The content cache is
# the app's own (content/snapshot.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

# ---------------------------------------------------------------------------------------
# Clinicians: accounts, sign-in lockout, sessions.

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
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

# Failed sign-ins are counted in the database, per user name and address together: a stranger
# elsewhere cannot lock a clinician out.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
# Days a sign-in record (name tried, address, time) is kept: purge_expired deletes older ones.
SIGN_IN_RECORD_DAYS = envint("SIGN_IN_RECORD_DAYS", 30)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "decisionaid.clinicians.views.locked_out"
# The client's address, for lockouts and rate limits (django-ipware). With no proxy in front,
# the connection's own address. Behind TRUSTED_PROXY_COUNT proxies (load balancers) that each
# append the address they received from to TRUSTED_PROXY_HEADER, the entry that many places
# from the header's right end, which no client can forge. Never set it without such a proxy.
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0)
TRUSTED_PROXY_HEADER = os.environ.get("TRUSTED_PROXY_HEADER", "X-Forwarded-For")
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_" + TRUSTED_PROXY_HEADER.upper().replace("-", "_")] if TRUSTED_PROXY_COUNT else ["REMOTE_ADDR"]
)
# ipware counts the proxies named in the header: all but the last, which is the connection.
AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT - 1 if TRUSTED_PROXY_COUNT else None
AXES_IPWARE_PROXY_ORDER = "left-most"
IPWARE_STRICT = False

# Sessions live in the database so any number of app servers see the same people; keys that
# are not Django's own shape are refused as unknown (decisionaid/sessions.py).
SESSION_ENGINE = "decisionaid.sessions"
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 60 * 60 * 24 * 30)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# A signed-in clinician's session ends after this many minutes without a request (patients'
# sessions last SESSION_COOKIE_AGE, so their answers wait for them).
SIGNED_IN_IDLE_MINUTES = envint("SIGNED_IN_IDLE_MINUTES", 30)

# ---------------------------------------------------------------------------------------
# Language, static files.

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
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Outside production, whitenoise serves straight from the source folders.
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = DEVELOPMENT
FIXTURE_DIRS = [BASE_DIR / "fixtures"]
# The content cache (content/snapshot.py): a save shows in every worker at once; a change
# made without a save (a queryset update, a restored backup) within this many seconds. 0: no cache.
CONTENT_CACHE_SECONDS = envint("CONTENT_CACHE_SECONDS", 60)

# ---------------------------------------------------------------------------------------
# Retention and limits.

# Days before answers that nobody asked us to store are deleted (decisionaid/retention/purge.py).
ANSWER_RETENTION_DAYS = envint("ANSWER_RETENTION_DAYS", 30)
# Days the clinician's copy of a sent summary is stored; they copy it into their own records.
SENT_SUMMARY_RETENTION_DAYS = envint("SENT_SUMMARY_RETENTION_DAYS", 180)
# Days a return link (decisionaid/followup/) works after it was made or last opened; then it
# and the answers only it kept are deleted.
FOLLOWUP_RETENTION_DAYS = envint("FOLLOWUP_RETENTION_DAYS", 365)

# At most this many an hour, refilled evenly (decisionaid/ratelimit/).
SHARE_LINK_LIMIT_PER_HOUR = envint("SHARE_LINK_LIMIT_PER_HOUR", 10)
# Return links opened from one address (or session), whoever holds them.
FOLLOWUP_OPEN_LIMIT_PER_HOUR = envint("FOLLOWUP_OPEN_LIMIT_PER_HOUR", 30)
SEND_SUMMARY_LIMIT_PER_HOUR = envint("SEND_SUMMARY_LIMIT_PER_HOUR", 5)
# Summaries sent through one invitation link, by everyone who holds it.
INVITATION_SEND_LIMIT_PER_HOUR = envint("INVITATION_SEND_LIMIT_PER_HOUR", 30)
INVITATION_LIMIT_PER_HOUR = envint("INVITATION_LIMIT_PER_HOUR", 20)
PDF_LIMIT_PER_HOUR = envint("PDF_LIMIT_PER_HOUR", 30)
PASSWORD_CHANGE_LIMIT_PER_HOUR = envint("PASSWORD_CHANGE_LIMIT_PER_HOUR", 10)
# PDFs made at once by one worker process; one more waits a little, then gets a kind "busy" page.
PDF_CONCURRENCY = envint("PDF_CONCURRENCY", 2)

# ---------------------------------------------------------------------------------------
# Security headers. Secure by default in production; each one still overridable.

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", PRODUCTION)
# A load balancer's health check often comes over plain http.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", PRODUCTION)
if envbool("TRUST_X_FORWARDED_PROTO"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", PRODUCTION)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", PRODUCTION)
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "decisionaid.pages.csrf_failure"

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

# ---------------------------------------------------------------------------------------
# Logs. Share-link and invitation tokens never reach one: the filter rewrites /s/<token> and
# /invite/<token> in every line of Django's loggers and the development server's; gunicorn's
# own loggers get it from gunicorn.conf.py and decisionaid/sharing/apps.py.

LOG_LEVEL = os.environ.get("LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_tokens": {"()": "decisionaid.sharing.redact.RedactTokens"}},
    "formatters": {
        "django.server": {"()": "django.utils.log.ServerFormatter", "format": "[{server_time}] {message}", "style": "{"}
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_tokens"]},
        "django.server": {"class": "logging.StreamHandler", "formatter": "django.server", "filters": ["redact_tokens"]},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Django's own default handlers on "django" are dropped: its lines go to the root's
        # console once, through the filter.
        "django": {"handlers": [], "level": LOG_LEVEL, "filters": ["redact_tokens"]},
        "django.request": {"filters": ["redact_tokens"]},
        "django.security": {"filters": ["redact_tokens"]},
        "django.security.csrf": {"filters": ["redact_tokens"]},
        "django.server": {
            "handlers": ["django.server"],
            "level": "INFO",
            "propagate": False,
            "filters": ["redact_tokens"],
        },
    },
}
