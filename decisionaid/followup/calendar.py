"""The calendar reminder to come back: one all-day event as an iCalendar file (RFC 5545),
holding the return link. Made on request from the token just shown, never stored."""

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

from django.utils.translation import gettext as _

WEEKS = (2, 4, 6, 8)
DEFAULT_WEEKS = 4


def _escape(text: str) -> str:
    """A TEXT value: backslashes, semicolons, commas and line breaks escaped (RFC 5545 3.3.11)."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    data = line.encode()
    parts = []
    # The first line holds 75 octets; each next one a space and 74.
    while len(data) > (75 if not parts else 74):
        cut = 75 if not parts else 74
        # Never split a UTF-8 character.
        while cut and (data[cut] & 0xC0) == 0x80:
            cut -= 1
        parts.append(data[:cut].decode())
        data = data[cut:]
    parts.append(data.decode())
    return "\r\n ".join(parts)


def reminder(url: str, weeks: int, today: date, host: str) -> bytes:
    """An all-day event `weeks` weeks from `today`, with the link in its description and URL."""
    if weeks not in WEEKS:
        raise ValueError(f"A reminder is {WEEKS} weeks away, not {weeks}.")
    day = today + timedelta(weeks=weeks)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    summary = _("Check in on how I feel")
    description = _(
        "Answer the mood and worry questions again, and see how your scores have changed. "
        "Open your private link: %(url)s"
    ) % {"url": url}
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//decisionaid//come back//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uuid4()}@{host}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(description)}",
        f"URL:{url}",
        "CLASS:PRIVATE",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_escape(summary)}",
        "TRIGGER:PT9H",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return ("\r\n".join(_fold(line) for line in lines) + "\r\n").encode()
