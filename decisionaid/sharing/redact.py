"""A logging filter that takes secret tokens out of log lines.

Django logs the path of every 4xx response ("Not Found: /s/<token>/"), the development
server and gunicorn log every request line, and gunicorn's error log each request line it
refuses. A token in a log would open a person's summary
for anyone who reads the logs, so the filter rewrites the message before any handler sees it.
"""

import logging
import re

# /s/<token> (share links), /invite/<token> (invitations) and /back/<token> (return links),
# anywhere in a message.
TOKEN_PATH = re.compile(r"(/(?:s|invite|back)/)[^/\s?#\"']+")
REDACTED = r"\1[redacted]"


def redact(text: str) -> str:
    return TOKEN_PATH.sub(REDACTED, text)


class RedactTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        # Django attaches the request to records from django.request; drop the path there too.
        request = getattr(record, "request", None)
        if request is not None and TOKEN_PATH.search(getattr(request, "path", "") or ""):
            record.request = None
        return True


# gunicorn's own loggers: its error log carries refused request lines, its access log every path.
GUNICORN_LOGGERS = ("gunicorn.error", "gunicorn.access")


def install(names: tuple[str, ...] = GUNICORN_LOGGERS) -> None:
    """Put the filter on these loggers (once each). gunicorn sets its loggers up itself, before
    Django starts, so settings.LOGGING cannot reach them without replacing their handlers."""
    for name in names:
        logger = logging.getLogger(name)
        if not any(isinstance(existing, RedactTokens) for existing in logger.filters):
            logger.addFilter(RedactTokens())
