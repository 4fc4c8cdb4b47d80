"""The learned pitch signal: a logistic regression over words, word pairs and the lexicon's cues.

A phrase list only knows the phrasings its authors thought of; weights fitted on labelled
real messages find the rest. The model is linear, so its score is a sum of per-feature
contributions, and the words that pushed it most are the spans a finding quotes.

`scripts/train_model.py` fits it (scikit-learn, at training time only) and writes
`pitch_model.json`: feature -> weight. Reading it needs only the standard library, and it
is read once, on first use, so start-up stays fast.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import mul
from pathlib import Path

MODEL_FILE = Path(__file__).with_name("pitch_model.json")
FORMAT = 1

_DIGIT = re.compile(r"\d")
_HAS_DIGIT = _DIGIT.search

Span = tuple[int, int]


def token(word: str) -> str:
    """The form a word takes in a feature name: digits folded, so '15' and '30' are one token."""
    return _DIGIT.sub("0", word)


def ngrams(words: Sequence[str]) -> list[str]:
    """Word and word-pair features of a draft, in order (repeats included).

    The model reads presence, not counts: repeating a phrase does not make a draft more
    of a pitch.
    """
    # Most words are all letters: one quick test spares them the digit search.
    toks = [w if w.isalpha() or not _HAS_DIGIT(w) else _DIGIT.sub("0", w) for w in words]
    return ["w:" + t for t in toks] + [f"b:{a} {b}" for a, b in zip(toks, toks[1:])]


def feature_values(grams: Iterable[str], cues: Mapping[str, float], kind: str) -> dict[str, float]:
    """Every feature of a draft with its value: n-grams are 1, cues carry their rule points."""
    values = dict.fromkeys(grams, 1.0)
    for name, points in cues.items():
        if points:
            values["cue:" + name] = float(points)
    values["kind:" + kind] = 1.0
    return values


@dataclass(frozen=True)
class PitchModel:
    bias: float
    weights: Mapping[str, float]
    pitch_heavy_at: float  # probability from which a draft is a pitch
    pitches_at: float  # probability from which a draft pitches at all (for a connection note)

    def logit(self, values: Mapping[str, float]) -> float:
        w = self.weights
        return self.bias + sum(map(mul, map(w.get, values.keys(), repeat(0.0)), values.values()))

    def probability(self, values: Mapping[str, float]) -> float:
        return self.probability_of(self.logit(values))

    def probability_of(self, z: float) -> float:
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0

    def score(self, z: float, kind: str) -> int:
        """0–100 from the logit `z`: how far the evidence moved it above an empty draft's.

        Monotone in the logit; 0 for a draft with nothing pitchy, 50 exactly at the
        pitch_heavy threshold, and it approaches 100 without reaching it.
        """
        base = self.bias + self.weights.get("kind:" + kind, 0.0)
        d = z - base
        if d <= 0:
            return 0
        half = max(0.1, math.log(self.pitch_heavy_at / (1 - self.pitch_heavy_at)) - base)
        return min(99, round(100 * d / (d + half)))

    def contributions(self, values: Mapping[str, float]) -> dict[str, float]:
        w = self.weights
        return {f: w[f] * v for f, v in values.items() if f in w}

    def to_json(self, meta: Mapping[str, object]) -> str:
        """The model file, byte for byte the same for the same weights (the training test relies on it)."""
        data = {
            "format": FORMAT,
            "meta": dict(meta),
            "bias": self.bias,
            "pitch_heavy_at": self.pitch_heavy_at,
            "pitches_at": self.pitches_at,
            "weights": dict(sorted(self.weights.items())),
        }
        return json.dumps(data, ensure_ascii=False, indent=0, separators=(",", ":")) + "\n"


def from_json(text: str) -> PitchModel:
    data = json.loads(text)
    if data.get("format") != FORMAT:
        raise ValueError(f"pitch model format {data.get('format')!r}, expected {FORMAT}")
    return PitchModel(
        bias=float(data["bias"]),
        weights=data["weights"],
        pitch_heavy_at=float(data["pitch_heavy_at"]),
        pitches_at=float(data["pitches_at"]),
    )


@lru_cache(maxsize=1)
def load() -> PitchModel:
    """The shipped model, read on first use."""
    return from_json(MODEL_FILE.read_text(encoding="utf-8"))


def phrases(
    text: str,
    words: Sequence[str],
    word_spans: Sequence[Span],
    contributions: Mapping[str, float],
    cue_spans: Mapping[str, Iterable[Span]],
    limit: int = 3,
    longest: int = 6,
    grams: Sequence[str] | None = None,
) -> list[Span]:
    """The stretches of the draft that pushed the score up most, in reading order.

    Each n-gram's weight goes to the words it covers, each cue's to the words its hits
    cover; a run of words that push up, within one sentence, is a phrase. A long run is
    cut to its strongest `longest` words, so a quote stays short enough to read.
    `grams` is ngrams(words) when the caller has it already.
    """
    n = len(word_spans)
    push = [0.0] * n
    if grams is None:
        grams = ngrams(words)  # n words, then n - 1 pairs: pair k covers words k and k + 1
    get = contributions.get
    # A weight is shared among the repeats of its n-gram (the model reads presence).
    pushing = [(k, g, c) for k, g in enumerate(grams) if (c := get(g))]
    counts = Counter(g for _, g, _ in pushing)
    for k, g, c in pushing:
        if k < n:
            push[k] += c / counts[g]
        else:
            share = c / counts[g] / 2
            push[k - n] += share
            push[k - n + 1] += share
    ends = [e for _, e in word_spans]
    for name, spans in cue_spans.items():
        c = contributions.get("cue:" + name, 0.0)
        covered = []
        for s, e in spans:
            i = bisect_right(ends, s)
            while i < n and word_spans[i][0] < e:
                covered.append(i)
                i += 1
        for i in covered:
            push[i] += c / len(covered)
    breaks = [m.start() for m in _SENTENCE_BREAK.finditer(text)]
    sentence = [bisect_right(breaks, s) for s, _ in word_spans]
    runs: list[tuple[float, int, int]] = []
    i = 0
    while i < n:
        if push[i] <= 0:
            i += 1
            continue
        j = i + 1
        while j < n and push[j] > 0 and sentence[j] == sentence[i]:
            j += 1
        runs.append(_strongest(push, i, j, longest))
        i = j
    best = sorted(runs, key=lambda r: (-r[0], r[1]))[:limit]
    return [(word_spans[i][0], word_spans[j - 1][1]) for total, i, j in sorted(best, key=lambda r: r[1])
            if total >= MIN_PHRASE_PUSH]


MIN_PHRASE_PUSH = 0.25  # logit points: below this a phrase did not really push
_SENTENCE_BREAK = re.compile(r"[.!?;:\n]")


def _strongest(push: Sequence[float], i: int, j: int, longest: int) -> tuple[float, int, int]:
    """The window of at most `longest` words in push[i:j] with the largest sum."""
    if j - i <= longest:
        return sum(push[i:j]), i, j
    best = (sum(push[i:i + longest]), i, i + longest)
    total = best[0]
    for k in range(i + longest, j):
        total += push[k] - push[k - longest]
        if total > best[0]:
            best = (total, k - longest + 1, k + 1)
    return best
