"""Django's database sessions, read with one plain SQL query (decisionaid/fastread.py).

Set as SESSION_ENGINE. Everything else (saving, expiry, `clearsessions`) is Django's own."""

from django.contrib.sessions.backends import db
from django.utils import timezone

from decisionaid.fastread import column_value


class SessionStore(db.SessionStore):
    def load(self) -> dict:
        data = None
        if self.session_key:
            data = column_value(
                self.model, "session_data", session_key=self.session_key, expire_date__gt=timezone.now()
            )
        if data is None:
            # As Django's own: an unknown or expired key is dropped, and a new one made on save.
            self._session_key = None
            return {}
        return self.decode(data)
