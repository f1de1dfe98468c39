"""Every word a person sees can be translated: template text sits inside {% translate %} or
{% blocktranslate %}, and a new language can be added with makemessages and compilemessages."""

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from django.utils.functional import Promise

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"

# Attributes whose values a person reads or hears; data-copy-* are the words static/js/sharing.js
# puts on its Copy button and status line, data-label a table cell's column name on a phone.
VISIBLE_ATTRIBUTES = {
    "alt",
    "title",
    "placeholder",
    "aria-label",
    "aria-description",
    "aria-placeholder",
    "aria-roledescription",
    "aria-valuetext",
    "data-copy-label",
    "data-copied",
    "data-copy-failed",
    "data-label",
}
# Words that are the same in every language, so need no translation.
SAME_IN_EVERY_LANGUAGE = {
    "doi",  # the prefix of a Digital Object Identifier, as in "doi:10.1000/182"
}

COMMENTS = re.compile(r"{%\s*comment\b.*?%}.*?{%\s*endcomment\s*%}|{#.*?#}", re.DOTALL)
BLOCK_TRANSLATIONS = re.compile(r"{%\s*blocktrans(?:late)?\b.*?%}.*?{%\s*endblocktrans(?:late)?\s*%}", re.DOTALL)
# A block that fills in a class attribute, such as {% block body_class %} print-view{% endblock %}.
CLASS_BLOCKS = re.compile(r"{%\s*block\s+\w*class\w*\s*%}.*?{%\s*endblock\b.*?%}", re.DOTALL)
TAGS = re.compile(r"{%.*?%}|{{.*?}}", re.DOTALL)
WORD = re.compile(r"[^\W\d_]{2,}")
# A string literal a tag or variable prints as it stands: {{ x|default:"None" }}, |yesno:"yes,no",
# {% firstof a "None" %}, and each value of {% include "x.html" with level=3 title="Hello" %} or
# {% with %} but an id (summary_id="login-errors-title"), which is markup. Format strings such as
# date:"j M Y" are not words a person reads, nor is the template {% extends %} names.
PRINTED_LITERALS = re.compile(
    r"""(?:\|\s*(?:default|default_if_none|yesno)\s*:\s*|{%\s*firstof\b[^%]*?)"([^"]*)\"""",
)
WITH_VALUES = re.compile(r"""\b(\w+)\s*=\s*"([^"]*)\"""")


def printed_literals(tag: str) -> list[str]:
    literals = PRINTED_LITERALS.findall(tag)
    _before, with_, values = tag.partition(" with ")
    if with_:
        literals += [value for name, value in WITH_VALUES.findall(values) if not name.endswith("id")]
    return literals


class _VisibleText(HTMLParser):
    """Collects text nodes and visible attribute values, skipping scripts and styles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []  # (what to report, the words in it)
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self.skipping += 1
        attributes = dict(attrs)
        for name, value in attrs:
            if name in VISIBLE_ATTRIBUTES and value:
                self.found.append((f'{name}="{value}"', value))
        if tag == "input" and attributes.get("type") in {"submit", "button", "reset"} and attributes.get("value"):
            self.found.append((f'value="{attributes["value"]}"', attributes["value"]))

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self.skipping = max(self.skipping - 1, 0)

    def handle_data(self, data):
        if not self.skipping and data.strip():
            text = " ".join(data.split())
            self.found.append((text, text))


def untranslated_text(source: str) -> list[str]:
    """Text in a template that a person would see but no translation tag holds.

    Comments and whole {% blocktranslate %} blocks go first; every other tag and variable is
    then blanked out ({% translate %} included, which prints a translated string), so what is
    left is markup and the template's own words.
    """
    source = COMMENTS.sub(" ", source)
    source = BLOCK_TRANSLATIONS.sub(" ", source)
    source = CLASS_BLOCKS.sub(" ", source)
    found = [
        f'"{literal}" in {tag.strip()}'
        for tag in re.findall(r"{%.*?%}|{{.*?}}", source, re.DOTALL)
        if not re.match(r"{%\s*(?:trans(?:late)?|extends)\b", tag)
        for literal in printed_literals(tag)
        if WORD.search(literal)
    ]
    parser = _VisibleText()
    parser.feed(TAGS.sub(" ", source))
    parser.close()
    for report, text in parser.found:
        words = {word.lower() for word in WORD.findall(text)} - SAME_IN_EVERY_LANGUAGE
        if words:
            found.append(report)
    return found


def all_templates():
    return sorted(TEMPLATES.rglob("*.html"))


@pytest.mark.parametrize("path", all_templates(), ids=lambda path: str(path.relative_to(TEMPLATES)))
def test_every_word_in_a_template_is_marked_for_translation(path):
    found = untranslated_text(path.read_text())
    assert not found, f"{path.relative_to(TEMPLATES)} has text outside {{% translate %}}:\n" + "\n".join(
        f"  {text}" for text in found
    )


@pytest.mark.parametrize(
    "source, expected",
    [
        ("<p>Hello there</p>", ["Hello there"]),
        ('<p>{% translate "Hello" %} world</p>', ["world"]),
        ('<a aria-label="Open it" href="{% url "x" %}">{% translate "Open" %}</a>', ['aria-label="Open it"']),
        ('<img alt="A chart" src="x.png">', ['alt="A chart"']),
        ('<td data-label="Made">{{ made }}</td>', ['data-label="Made"']),
        ('<input type="submit" value="Send">', ['value="Send"']),
        ('{{ label|default:"Not given" }}', ['"Not given" in {{ label|default:"Not given" }}']),
        (
            '{% include "partials/field.html" with unit="pounds" %}',
            ['"pounds" in {% include "partials/field.html" with unit="pounds" %}'],
        ),
        (
            '{% include "partials/error_summary.html" with level=3 title="Not saved" summary_id="form-errors" %}',
            [
                '"Not saved" in {% include "partials/error_summary.html" with level=3 title="Not saved" summary_id="form-errors" %}'
            ],
        ),
        ("{% comment %}Notes for developers{% endcomment %}<!-- x -->", []),
        ("{# a note #}{{ name }}: {{ value }} ({{ total }})", []),
        ("{% blocktranslate with n=name %}Hello {{ n }}{% endblocktranslate %}", []),
        ('<p title="{% translate \'Help\' %}">{{ sent_at|date:"j M Y" }} · {{ x|default:"—" }}</p>', []),
        ("<script>const word = 'not shown';</script><style>.a { color: red; }</style>", []),
        ("<span>doi:{{ source.doi }}</span>", []),
        ('{% extends base|default:"base.html" %}{% block body_class %} print-view{% endblock %}', []),
    ],
)
def test_the_check_finds_text_a_person_would_see(source, expected):
    assert untranslated_text(source) == expected


def form_classes():
    from decisionaid.clinicians.forms import InvitationForm
    from decisionaid.questionnaire import steps
    from decisionaid.sharing.forms import SendForm, ShareLinkForm

    return [step.form_class for step in steps.STEPS] + [InvitationForm, ShareLinkForm, SendForm]


@pytest.mark.parametrize("form_class", form_classes(), ids=lambda form_class: form_class.__name__)
def test_every_word_on_a_form_is_marked_for_translation(form_class):
    """Labels, help, choices and error messages are gettext_lazy strings, so they are read in the
    person's language when the page is rendered. The PHQ-9 and GAD-7 items and their answer scale
    are left as they are: a translation must paste in the instruments' official wording."""
    found = []
    for name, field in form_class.base_fields.items():
        if name.startswith(("phq9_", "gad7_")):
            continue
        texts = [("label", field.label), ("help text", field.help_text)]
        texts += [(f"error {key}", message) for key, message in field.error_messages.items()]
        texts += [(f"choice {value}", label) for value, label in getattr(field, "choices", None) or []]
        found += [f"{name} {what}: {text!r}" for what, text in texts if text and not isinstance(text, Promise)]
    assert not found, f"{form_class.__name__} has words not marked for translation:\n" + "\n".join(found)


def test_settings_let_a_language_be_added():
    middleware = settings.MIDDLEWARE
    assert settings.USE_I18N
    assert "django.middleware.locale.LocaleMiddleware" in middleware
    # LocaleMiddleware reads the session, so it must come after SessionMiddleware and before
    # CommonMiddleware, as Django's documentation asks.
    assert (
        middleware.index("django.contrib.sessions.middleware.SessionMiddleware")
        < middleware.index("django.middleware.locale.LocaleMiddleware")
        < middleware.index("django.middleware.common.CommonMiddleware")
    )
    assert Path(settings.BASE_DIR) / "locale" in [Path(path) for path in settings.LOCALE_PATHS]
    assert settings.LANGUAGE_CODE in dict(settings.LANGUAGES)


@pytest.mark.server
@pytest.mark.skipif(not shutil.which("xgettext") or not shutil.which("msgfmt"), reason="needs gettext")
def test_makemessages_and_compilemessages_make_a_working_translation(tmp_path, monkeypatch, settings):
    """The steps in README.md's "Adding a translation", on a copy of the code and templates:
    strings marked in templates and with gettext_lazy reach the .po file, and once translated
    and compiled they are used."""
    shutil.copytree(ROOT / "decisionaid", tmp_path / "decisionaid", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    (tmp_path / "locale").mkdir()
    # Changing LOCALE_PATHS empties Django's cache of loaded translations, now and afterwards.
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=["fr"], verbosity=0)
    po = tmp_path / "locale" / "fr" / "LC_MESSAGES" / "django.po"
    text = po.read_text()
    assert '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"' in text
    for marked in [
        "Skip to main content",  # {% translate %} in templates/base.html
        "Psychodynamic therapy",  # gettext_lazy in decisionaid/codes.py
    ]:
        assert f'msgid "{marked}"\nmsgstr ""' in text, marked
    text = text.replace(
        'msgid "Skip to main content"\nmsgstr ""', 'msgid "Skip to main content"\nmsgstr "Aller au contenu"'
    )
    po.write_text(text)
    call_command("compilemessages", locale=["fr"], verbosity=0)
    with translation.override("fr"):
        assert translation.gettext("Skip to main content") == "Aller au contenu"
