"""The fast phrase matcher finds exactly what plain `re` alternation finds at word starts."""

import json
import re
from pathlib import Path

import pytest

from askfirst.analysis import lexicon as lx
from askfirst.analysis.engine import _starts
from askfirst.analysis.matcher import PREFIX_TABLE, PhraseSet, PhraseSets, read_prefixes
from askfirst.analysis.text import Draft

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus" / "drafts.jsonl"
TEXTS = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
CUES = list(lx.PITCH_CUES) + [lx.FLATTERY, lx.REFERENCE_TO_THEM, lx.RELATIONSHIP]


def reference_spans(pattern: re.Pattern, text: str, starts: list[int]) -> list[tuple[int, int]]:
    out, end = [], 0
    for pos in starts:
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m and m.end() > pos:
            out.append(m.span())
            end = m.end()
    return out


@pytest.mark.parametrize("cue", CUES, ids=lambda c: c.name)
def test_phrase_set_agrees_with_plain_alternation(cue):
    plain = cue.compile()
    fast = PhraseSet(cue.patterns)
    for text in TEXTS:
        draft = Draft(text)
        starts = _starts(draft)
        assert fast.spans(draft.lower, starts) == reference_spans(plain, draft.lower, starts), text


def test_phrase_sets_scan_each_set_as_if_alone():
    sets = [PhraseSet(c.patterns) for c in CUES]
    together = PhraseSets(sets)
    for text in TEXTS:
        draft = Draft(text)
        starts = _starts(draft)
        assert together.spans(draft.lower, starts) == [s.spans(draft.lower, starts) for s in sets]


def test_labels_and_highlight_groups():
    asks = PhraseSet([p for _, p in lx.ASKS], [label for label, _ in lx.ASKS])
    draft = Draft("Do you have 15 minutes for a quick call?")
    found = asks.scan(draft.lower, _starts(draft))
    labels = [asks.labels[i] for i, _ in found]
    quotes = [draft.text[slice(*PhraseSet.span_of(i, m))] for i, m in found]
    assert labels == ["a call", "a call"]
    assert quotes == ["15 minutes", "quick call"]


def test_shipped_prefix_table_is_current():
    """A stale table is never wrong (missing patterns are read at start-up), only slow."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen_prefixes", ROOT / "scripts" / "gen_prefixes.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert PREFIX_TABLE.read_text(encoding="utf-8") == gen.render(gen.table()), \
        "run scripts/gen_prefixes.py after editing the lexicon"


def test_prefix_table_agrees_with_the_parse_tree():
    shipped = json.loads(PREFIX_TABLE.read_text(encoding="utf-8"))
    for pattern, prefixes in shipped.items():
        assert set(prefixes) == read_prefixes(pattern), pattern
