"""The text a person sees on a page, block by block, for the plain-language checks."""

import re
from html.parser import HTMLParser

BLOCKS = {
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "legend",
    "label",
    "td",
    "th",
    "caption",
    "button",
    "dt",
    "dd",
    "summary",
    "figcaption",
    "title",
    "a",
    "div",
    "section",
    "aside",
}
SKIP = {"script", "style", "svg", "template", "head"}


class _Blocks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skipping = 0

    def _flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skipping += 1
        elif tag in BLOCKS or tag == "br":
            self._flush()

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skipping = max(self.skipping - 1, 0)
        elif tag in BLOCKS:
            self._flush()

    def handle_data(self, data):
        if not self.skipping:
            self.current.append(data)


def visible_blocks(html: str, exclude: list[str] = ()) -> list[str]:
    parser = _Blocks()
    parser.feed(html)
    parser._flush()
    return [block for block in parser.blocks if not any(text in block for text in exclude)]


# A web address on its own ("samaritans.org"): a name to tap, not prose to read, so reading
# formulas (which count its letters as syllables) leave it out.
WEB_ADDRESS = re.compile(r"^(https?://)?[\w-]+(\.[\w-]+)+(/\S*)?$")


def as_prose(blocks: list[str]) -> str:
    """Each block a sentence of its own: a heading or a button is not part of the next line."""
    return " ".join(
        block if block[-1] in ".?!:" else block + "." for block in blocks if not WEB_ADDRESS.match(block.strip())
    )
