"""Every setting of the tracker, read from the environment in this one module.

Defaults are the embedded mode a newcomer gets from `make run`: SQLite under var/,
Celery tasks run in-process, mail written to files under var/mail/. Setting
DATABASE_URL and REDIS_URL switches to PostgreSQL and Redis; DJANGO_ENV=production
turns on the hardening that `check --deploy` asks for.
"""

from pathlib import Path
from urllib.parse import urlsplit

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DJANGO_ENV = env.str("DJANGO_ENV", default="development")
PRODUCTION = DJANGO_ENV == "production"

if PRODUCTION and not env.str("SECRET_KEY", default=""):
    raise ImproperlyConfigured("SECRET_KEY must be set when DJANGO_ENV=production.")
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-never-used-in-production")
DEBUG = env.bool("DEBUG", default=not PRODUCTION)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "axes",
    "tracker.scraping",
    "tracker.events",
    "tracker.corrections",
    "bills",
    "amendments",
    "tracker.hansard",
    "tracker.clauses",
    "tracker.alerts",
    "tracker.search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.gzip.GZipMiddleware",  # HTML, CSV and JSON (static files come compressed by WhiteNoise)
    "tracker.bad_input.RefuseNulBytesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Admin logins: django-axes locks an account and address out after repeated failures.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]  # a username from one address, not either alone
AXES_CLIENT_IP_CALLABLE = "tracker.client_address.client_ip"
# Reverse proxies in front of the app that append to X-Forwarded-For (docker-compose: 0;
# behind one load balancer: 1). The client address of rate limits and the admin lockout.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# The JSON API (/api/v1/): requests per client address per window; more are answered 429.
API_RATE_LIMIT = env.int("API_RATE_LIMIT", default=120)
API_RATE_WINDOW_SECONDS = env.int("API_RATE_WINDOW_SECONDS", default=60)
AXES_VERBOSE = False

ROOT_URLCONF = "tracker.urls"
WSGI_APPLICATION = "tracker.wsgi.application"

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
                "tracker.scraping.context_processors.reconstructed_records",
            ],
            "builtins": ["tracker.web_links", "bills.templatetags.house_words"],  # |web_url: only http(s) links
        },
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'tracker.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections in production (seconds; 0 closes each at the end of its request).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=600 if PRODUCTION else 0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the dev server read while an in-process scrape writes.
    # synchronous=NORMAL is safe with WAL against a crashed process (it risks only the last
    # commits on power loss) and halves the cost of each alert marked sent.
    # Writers queue instead of failing with "database is locked": every transaction takes the
    # write lock when it begins (IMMEDIATE, so none fails when upgrading a read lock) and a
    # writer waits up to SQLITE_BUSY_TIMEOUT seconds for it.
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": env.float("SQLITE_BUSY_TIMEOUT", default=30.0),
    })
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Celery: Redis when configured; otherwise tasks run in-process (eager), so the
# embedded default needs no broker.
# Locks (tracker/scraping/locks.py): a Redis key renewed while held, or a file lock without Redis.
LOCK_TTL_SECONDS = env.float("LOCK_TTL_SECONDS", default=60.0)
LOCK_DIR = env.str("LOCK_DIR", default=str(VAR_DIR / "locks"))
LOCK_KEY_PREFIX = ""
SCRAPE_STALE_SECONDS = env.int("SCRAPE_STALE_SECONDS", default=600)  # a running run silent this long has died
# The guard on large losses (tracker/scraping/loss_guard.py): a store step that would delete or
# blank more than this share of a bill's rows of one kind, and at least this many, waits for an editor.
TRACKER_LOSS_GUARD_SHARE = env.float("TRACKER_LOSS_GUARD_SHARE", default=0.5)
TRACKER_LOSS_GUARD_MIN_ROWS = env.int("TRACKER_LOSS_GUARD_MIN_ROWS", default=3)

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=30 * 60)
SCRAPE_SCHEDULE_MINUTE = env.str("SCRAPE_SCHEDULE_MINUTE", default="7")
# The hourly pass: "" scrapes the tracked bills; "current" or a session id, every bill of that
# session the source changed since it was scraped (and TRACKED_BILL_IDS).
SCRAPE_SESSION = env.str("SCRAPE_SESSION", default="")
SCRAPE_TASK_QUEUE = env.str("SCRAPE_TASK_QUEUE", default="")  # empty: Celery's default queue
_SCRAPE_QUEUE = {"queue": SCRAPE_TASK_QUEUE} if SCRAPE_TASK_QUEUE else {}
CELERY_BEAT_SCHEDULE = {
    "scrape-tracked-bills": {
        "task": "bills.tasks.scrape_tracked_bills",
        "schedule": crontab(minute=SCRAPE_SCHEDULE_MINUTE),
        "options": _SCRAPE_QUEUE,
    },
}
CELERY_TASK_ROUTES = {"bills.tasks.scrape_bill": _SCRAPE_QUEUE} if SCRAPE_TASK_QUEUE else {}

EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default=(
        "django.core.mail.backends.smtp.EmailBackend"
        if PRODUCTION
        else "django.core.mail.backends.filebased.EmailBackend"
    ),
)
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Clause tracker <alerts@localhost>")
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)  # seconds: one SMTP call

# Alerts (tracker/alerts): subscriptions, the delivery outbox, digests.
ALERTS_CONFIRM_MAX_AGE_HOURS = env.int("ALERTS_CONFIRM_MAX_AGE_HOURS", default=72)  # unconfirmed requests expire
ALERTS_CONFIRMATION_RESEND_SECONDS = env.int("ALERTS_CONFIRMATION_RESEND_SECONDS", default=60 * 60)
ALERTS_MANAGE_LINK_MAX_AGE_DAYS = env.int("ALERTS_MANAGE_LINK_MAX_AGE_DAYS", default=30)
ALERTS_SUBSCRIBE_LIMIT_PER_IP = env.int("ALERTS_SUBSCRIBE_LIMIT_PER_IP", default=20)  # attempts an hour
ALERTS_SUBSCRIBE_LIMIT_PER_ADDRESS = env.int("ALERTS_SUBSCRIBE_LIMIT_PER_ADDRESS", default=5)  # an hour
ALERTS_SEND_BATCH_SIZE = env.int("ALERTS_SEND_BATCH_SIZE", default=500)  # emails per claim and SMTP connection
# A batch's lease, renewed every quarter lease while it sends (however long an SMTP call takes):
# short, so a dead worker's rows come back within lease + sweep (20 + 15 s).
ALERTS_CLAIM_LEASE_SECONDS = env.int("ALERTS_CLAIM_LEASE_SECONDS", default=20)
ALERTS_SWEEP_SECONDS = env.int("ALERTS_SWEEP_SECONDS", default=15)  # beat claims what a dead worker left
ALERTS_MAX_ATTEMPTS = env.int("ALERTS_MAX_ATTEMPTS", default=10)  # claims of one email before it is left to an admin
ALERTS_TASK_QUEUE = env.str("ALERTS_TASK_QUEUE", default="")  # empty: Celery's default queue
ALERTS_MESSAGE_ID_DOMAIN = env.str("ALERTS_MESSAGE_ID_DOMAIN", default=urlsplit(SITE_URL).hostname or "localhost")
ALERTS_DIGEST_HOUR = env.int("ALERTS_DIGEST_HOUR", default=7)  # local time
if ALERTS_CLAIM_LEASE_SECONDS < 4:
    raise ImproperlyConfigured("ALERTS_CLAIM_LEASE_SECONDS must be at least 4 (it is renewed every quarter lease).")
_ALERTS_QUEUE = {"queue": ALERTS_TASK_QUEUE} if ALERTS_TASK_QUEUE else {}
CELERY_BEAT_SCHEDULE.update({
    # Also re-sends what a dead worker's lease gave back.
    "alerts-send-pending": {"task": "alerts.deliveries_send", "schedule": float(ALERTS_SWEEP_SECONDS),
                            "options": _ALERTS_QUEUE},
    "alerts-daily-digest": {"task": "alerts.digests_send", "schedule": crontab(hour=ALERTS_DIGEST_HOUR, minute=0),
                            "options": _ALERTS_QUEUE},
    "alerts-expire-requests": {"task": "alerts.subscriptions_expire", "schedule": crontab(hour=3, minute=17),
                               "options": _ALERTS_QUEUE},
})

# Parliament sources. Links a source hands back are followed as given.
BILLS_API_URL = env.str("BILLS_API_URL", default="https://bills-api.parliament.uk/api/v1")
MEMBERS_API_URL = env.str("MEMBERS_API_URL", default="https://members-api.parliament.uk/api")
COMMONS_VOTES_API_URL = env.str("COMMONS_VOTES_API_URL", default="https://commonsvotes-api.parliament.uk/data")
LORDS_VOTES_API_URL = env.str("LORDS_VOTES_API_URL", default="https://lordsvotes-api.parliament.uk/data")
HANSARD_API_URL = env.str("HANSARD_API_URL", default="https://hansard-api.parliament.uk")
HANSARD_URL = env.str("HANSARD_URL", default="https://hansard.parliament.uk")
# Debates of sittings this recent are fetched again every pass (their words may still be
# revised); older ones only when their search entry changes.
HANSARD_REREAD_DAYS = env.int("HANSARD_REREAD_DAYS", default=60)

HTTP_CONNECT_TIMEOUT = env.float("HTTP_CONNECT_TIMEOUT", default=5.0)
HTTP_READ_TIMEOUT = env.float("HTTP_READ_TIMEOUT", default=30.0)
HTTP_REQUEST_DEADLINE = env.float("HTTP_REQUEST_DEADLINE", default=120.0)  # a whole request, retries and body
HTTP_RETRIES = env.int("HTTP_RETRIES", default=4)
HTTP_BACKOFF_FACTOR = env.float("HTTP_BACKOFF_FACTOR", default=0.5)
HTTP_MAX_RETRY_AFTER = env.float("HTTP_MAX_RETRY_AFTER", default=60.0)
HTTP_RATE_LIMIT_PER_SECOND = env.float("HTTP_RATE_LIMIT_PER_SECOND", default=5.0)
# Where the per-host count lives: Redis shares it across every worker; memory:// is per process.
HTTP_RATE_LIMIT_STORAGE = env.str("HTTP_RATE_LIMIT_STORAGE", default=REDIS_URL or "memory://")
HTTP_RATE_LIMIT_NAMESPACE = env.str("HTTP_RATE_LIMIT_NAMESPACE", default="tracker-http")
HTTP_USER_AGENT = env.str(
    "HTTP_USER_AGENT",
    default="clause-tracker/0.1 (UK Parliament clause tracker; +https://github.com/)",
)
# Snapshot replay (a directory in docs/snapshot-format.md's layout) for `make run` and tests.
SCRAPE_SNAPSHOT_DIR = env.str("SCRAPE_SNAPSHOT_DIR", default="")
BUNDLED_SNAPSHOT_DIR = BASE_DIR / "data" / "snapshots" / "procurement-bill-2022-23"
TRACKED_BILL_IDS = env.list("TRACKED_BILL_IDS", cast=int, default=[3159])

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Production serves collected files (collectstatic into STATIC_ROOT); development serves
# straight from static/ through whitenoise's finders.
STATIC_ROOT = env.str("STATIC_ROOT", default=str(VAR_DIR / "staticfiles")) if PRODUCTION else None
WHITENOISE_USE_FINDERS = not PRODUCTION
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

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "font-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the container's healthcheck asks over plain http
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}
