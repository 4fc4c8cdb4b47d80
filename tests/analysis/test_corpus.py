"""Accuracy on the team-written corpus (tests/corpus/). scripts/evaluate.py prints the matrix.

Every file here is training data for the pitch model now, so these are floors that catch
a broken engine, not honest accuracy: that comes from scripts/evaluate.py (cross-validation
grouped by family, and the real-world dev set).
"""

import json
from collections import Counter
from pathlib import Path

import pytest

from askfirst.analysis import analyze

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def judged(name):
    items = [json.loads(line) for line in (CORPUS / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(it, analyze(it["text"], it.get("kind", "message"), recipient=it.get("recipient")).verdict) for it in items]


@pytest.mark.parametrize("name, min_accuracy", [("drafts.jsonl", 0.92), ("more.jsonl", 0.85), ("extra.jsonl", 0.88), ("holdout.jsonl", 0.84)])
def test_verdict_accuracy(name, min_accuracy):
    results = judged(name)
    assert len(results) >= 100
    right = sum(got == it["expected"] for it, got in results)
    assert right / len(results) >= min_accuracy, f"{right}/{len(results)}"


@pytest.mark.parametrize("name", ["drafts.jsonl", "more.jsonl", "extra.jsonl", "holdout.jsonl"])
def test_genuine_notes_are_almost_never_flagged(name):
    genuine = [(it, got) for it, got in judged(name) if it["expected"] == "ok"]
    flagged = Counter(got for _, got in genuine if got != "ok")
    assert sum(flagged.values()) / len(genuine) <= 0.05, flagged


def test_every_verdict_family_is_represented():
    labels = Counter(it["expected"] for it, _ in judged("drafts.jsonl"))
    assert set(labels) == {"ok", "pitch_heavy", "ask_first", "premature"}
    assert sum(labels.values()) >= 200
