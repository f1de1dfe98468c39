"""Crisis and emergency numbers as links a phone dials or texts at one tap.

The link text is the number as it is printed ("116 123"), so it looks the same on screen and
on paper, and its spoken name is exactly that: never an aria-label that says other words (a
link's spoken name must hold the words it shows, WCAG 2.5.3, axe label-content-name-mismatch,
or voice control cannot find it). On the buttons, where a person acts, a visually hidden extra
also spells the number one digit at a time ("Call 116 123 (1 1 6, 1 2 3)"), as a screen reader
would otherwise read "116" as "one hundred and sixteen". The inline numbers go without it, so
a page full of lines is not read twice over.

The region's main crisis line and its emergency number are also buttons (`crisis_buttons`):
"Call 988", "Text 988", "Call 911"."""

import re
from urllib.parse import quote, urlsplit

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

register = template.Library()

# A number as people print it: digits in groups split by spaces or hyphens ("116 123",
# "1-800-668-6868"), and not part of a word or a web address ("988lifeline.org").
PRINTED_NUMBER = re.compile(r"(?<![\w@.+-])\+?\d+(?:[ -]\d+)*(?![\w@-])")


def dialled(printed: str) -> str:
    """What a phone dials for a printed number: its digits, and a + in front if it has one."""
    return ("+" if printed.startswith("+") else "") + "".join(c for c in printed if c.isdigit())


def spoken(printed: str) -> str:
    """'116 123' as '1 1 6, 1 2 3': groups of three or more digits are read one digit at a time."""
    groups = re.findall(r"\+?\d+", printed)
    return ", ".join(" ".join(group) if len(group.lstrip("+")) >= 3 else group for group in groups)


def digits_extra(printed: str) -> SafeString:
    """The number read digit by digit, for screen readers only; nothing when it reads the same."""
    said = spoken(printed)
    if said == printed:
        return SafeString("")
    return format_html('<span class="visually-hidden"> ({})</span>', said)


def call_link(printed: str) -> SafeString:
    return format_html('<a class="phone-link" href="tel:{}">{}</a>', dialled(printed), printed)


def sms_href(printed: str, keyword: str = "") -> str:
    href = f"sms:{dialled(printed)}"
    if keyword:
        # "?&body=" is the form both Android and iOS fill the message from.
        href += "?&body=" + quote(keyword)
    return href


def text_link(printed: str, keyword: str = "") -> SafeString:
    return format_html('<a class="phone-link" href="{}">{}</a>', sms_href(printed, keyword), printed)


def _linked(text: str, link) -> SafeString:
    """`text`, escaped, with each printed number that `link(printed)` gives a link for linked."""
    parts, start = [], 0
    for match in PRINTED_NUMBER.finditer(text):
        made = link(match.group())
        if made:
            parts += [text[start : match.start()], made]
            start = match.end()
    parts.append(text[start:])
    # Each plain part is escaped; the links are already safe.
    return format_html_join("", "{}", ((part,) for part in parts))


@register.filter
def tel_links(text, only: str = "") -> SafeString:
    """Every number in `text` as a call link ("112 or 999", an emergency number), or, given
    `only`, just the numbers that are also in `only` (a sentence naming the emergency number)."""
    text = str(text or "")
    wanted = {dialled(number) for number in PRINTED_NUMBER.findall(str(only))}
    return _linked(text, lambda printed: call_link(printed) if not only or dialled(printed) in wanted else None)


@register.filter
def contact_links(resource: dict) -> SafeString:
    """A resource's contact words, as a sentence, with its phone number as a call link and its
    text number as a text link. A text line on the same number as the phone line ("Call or
    text 988") gets a text link of its own after the words, as does a number they leave out."""
    field = resource.get if isinstance(resource, dict) else lambda name, default: getattr(resource, name, default)
    contact = str(field("contact", ""))
    phone, text_number, keyword = field("phone", ""), field("text_number", ""), field("text_keyword", "")
    done = set()

    def link(printed: str):
        number = dialled(printed)
        if number == phone and "phone" not in done:
            done.add("phone")
            return call_link(printed)
        if number == text_number and "text" not in done:
            done.add("text")
            return text_link(printed, keyword)
        return None

    # A whole sentence, so the text links added after it read as sentences of their own.
    if contact and not contact.rstrip().endswith((".", "!", "?")):
        contact = contact.rstrip() + "."
    parts = [_linked(contact, link)]
    if phone and "phone" not in done:
        parts.append(format_html(_("Call {number}."), number=call_link(phone)))
    # "Call or text 988": the one number is a call link, and the words already say it can be
    # texted; the text button ("Text 988", crisis_buttons) is the way to text it.
    said_text = text_number == phone and "text" in contact.lower()
    if text_number and "text" not in done and not said_text:
        if keyword:
            parts.append(
                format_html(_("Text {keyword} to {number}."), keyword=keyword, number=text_link(text_number, keyword))
            )
        else:
            parts.append(format_html(_("Text {number}."), number=text_link(text_number)))
    return format_html_join(" ", "{}", ((part,) for part in parts))


def printed_numbers(text: str) -> list[str]:
    """The numbers in `text` as printed ("112 or 999": "112", "999")."""
    return PRINTED_NUMBER.findall(str(text or ""))


def button_list(region, line) -> list[dict]:
    """The buttons for a region's main crisis line and its emergency number, in the order a
    crisis worker would say them: call the line, text it, call the emergency number."""
    buttons = []
    if line:
        field = line.get if isinstance(line, dict) else lambda name, default="": getattr(line, name, default)
        phone, text_number, keyword = field("phone", ""), field("text_number", ""), field("text_keyword", "")
        shown = {dialled(number): number for number in printed_numbers(field("contact", ""))}
        if phone:
            printed = shown.get(phone, phone)
            buttons.append(
                {"href": f"tel:{phone}", "words": _("Call %(number)s") % {"number": printed}, "printed": printed}
            )
        if text_number:
            printed = shown.get(text_number, text_number)
            words = (
                _("Text %(keyword)s to %(number)s") % {"keyword": keyword, "number": printed}
                if keyword
                else _("Text %(number)s") % {"number": printed}
            )
            buttons.append({"href": sms_href(printed, keyword), "words": words, "printed": printed})
    emergency = (region or {}).get("emergency_number", "") if isinstance(region, dict) else ""
    for printed in printed_numbers(emergency):
        buttons.append(
            {
                "href": f"tel:{dialled(printed)}",
                "words": _("Call %(number)s") % {"number": printed},
                "printed": printed,
                "emergency": True,
            }
        )
    return buttons


@register.inclusion_tag("partials/crisis_buttons.html")
def crisis_buttons(region, lines=None) -> dict:
    """Big buttons for the region's main crisis line and emergency number. `lines` are the
    person's lines (lines.for_person); without them, the region's own resources."""
    from decisionaid.content import lines as person_lines

    main = person_lines.main_line(lines if lines is not None else (region or {}).get("resources", []))
    buttons = [{**button, "extra": digits_extra(button["printed"])} for button in button_list(region, main)]
    return {"buttons": buttons, "line_name": main.get("name", "") if main else ""}


@register.filter
def site(url: str) -> str:
    """A web address as a person reads it aloud: the site's name ("nhs.uk"), not its full path,
    which is long, hard to read and the same place a tap goes to anyway."""
    host = urlsplit(url).netloc or url
    return host.removeprefix("www.")
