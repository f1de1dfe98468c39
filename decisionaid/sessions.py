"""Django's database sessions (SESSION_ENGINE), refusing keys Django never makes.

Django makes session keys of lowercase letters and digits. A cookie holding anything else
(a NUL byte, which PostgreSQL cannot even compare, or a quote) is treated as no session at
all, before it reaches the database: the person simply starts a new one."""

import re

from django.contrib.sessions.backends import db

SESSION_KEY = re.compile(r"[a-z0-9]{8,40}")


class SessionStore(db.SessionStore):
    def _validate_session_key(self, key: str | None) -> bool:
        return bool(key) and SESSION_KEY.fullmatch(key) is not None

    def load(self) -> dict:
        # No key (none sent, or a refused one) is no session: nothing to ask the database.
        return super().load() if self.session_key else {}
