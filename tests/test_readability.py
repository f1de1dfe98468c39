from decisionaid.readability import grade, hardest_sentences


def test_a_simple_sentence_reads_at_a_low_grade():
    assert grade("The cat sat on the mat. We went out to play.") < 3


def test_a_dense_sentence_reads_at_a_high_grade():
    text = (
        "Psychodynamic psychotherapy demonstrates comparable effectiveness relative to "
        "established pharmacological interventions across heterogeneous populations."
    )
    assert grade(text) > 14


def test_hardest_sentences_come_first():
    ranked = hardest_sentences("We sat. Heterogeneous populations demonstrate considerable variability.", 2)
    assert ranked[0][1].startswith("Heterogeneous")
