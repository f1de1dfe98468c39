import logging

from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "decisionaid.sharing"
    verbose_name = "Sharing"

    def ready(self) -> None:
        from .redact import RedactTokens

        # gunicorn sets up its access log before Django starts, so settings.LOGGING cannot
        # reach it without replacing its handlers; a filter on the logger is enough.
        access_log = logging.getLogger("gunicorn.access")
        if not any(isinstance(existing, RedactTokens) for existing in access_log.filters):
            access_log.addFilter(RedactTokens())
