"""Test settings: base.py plus fast hashing and in-memory mail."""

import os
import tempfile

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
HTTP_RATE_LIMIT_PER_SECOND = 0  # replayed responses need no politeness delay
HTTP_BACKOFF_FACTOR = 0
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Code under test enqueues tasks; they run in-process unless a test starts a real
# worker and switches this off for itself (tests/tracker/test_celery_worker.py).
CELERY_TASK_ALWAYS_EAGER = True

# Tests on parallel workers share one Redis: give each process its own cache keys, so one
# worker's bill lock or rate-limit counter is never another's.
CACHES["default"]["KEY_PREFIX"] = f"test-{os.getpid()}"  # noqa: F405
LOCK_KEY_PREFIX = f"test-{os.getpid()}-"  # the same for bill locks, in Redis or as files
LOCK_DIR = os.path.join(tempfile.gettempdir(), "tracker-test-locks")
HTTP_RATE_LIMIT_NAMESPACE = f"test-{os.getpid()}-http"
# The synthetic debates sat in 2023: read them every pass, as if they sat yesterday, so tests
# see a debate's revised words (tests/hansard/test_debates_scrape.py has one that does not).
HANSARD_REREAD_DAYS = 100 * 365
API_RATE_LIMIT = 1_000_000  # schemathesis sends thousands; tests/api/test_rate_limit.py sets its own
