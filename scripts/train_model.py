#!/usr/bin/env python3
"""Fit the learned pitch signal and write companion/askfirst/analysis/pitch_model.json.

    pip install -e '.[train]'
    scripts/train_model.py              # rewrite the shipped model
    scripts/train_model.py --out PATH   # write it elsewhere (the reproducibility test does)

Training data: every labelled draft under tests/corpus/*.jsonl, plus the rows of
tests/corpus/real/*.jsonl marked split=train. Rows marked split=dev are never read here:
they are the development set scripts/evaluate.py scores. The SMS Spam Collection and the
SpamAssassin corpus are kept for evaluation only; a row that names them as its source stops
the run.

The same input gives the same file, byte for byte: fixed seed, a deterministic solver,
weights rounded to 4 decimals.
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "companion"))

from askfirst.analysis import KINDS  # noqa: E402
from askfirst.analysis import model as learned  # noqa: E402
from askfirst.analysis.engine import features  # noqa: E402

SEED = 20261201
C = 0.5  # inverse L2 strength: a small corpus needs weights that stay small
MIN_DF = 3  # an n-gram seen in one or two drafts only says nothing general
MIN_SOURCES = 1  # source families an n-gram must appear in
MIN_WEIGHT = 0.04  # smaller weights are left out of the file: they seldom move a verdict, and the file loads faster
REAL_WEIGHT = 3.0  # how much a real message counts against a team-written draft while fitting
CUE_SCALE = 1.0  # the cues' rule points are multiplied by this while fitting: L2 then finds them cheaper than n-grams
GENUINE_FALSE_ALARMS = 0.02  # the pitch threshold keeps out-of-fold genuine notes flagged below this
# ... and is never below this. When this floor was set, out-of-fold false alarms on genuine
# notes were almost the same at 0.5 and 0.55 (about 1.9%), while the real dev set, mail
# from mailboxes never trained on, was flagged 3.4% at 0.5 against 3.0% at 0.55. Chosen
# on the dev set: its figures do not measure this one choice blind.
MIN_PITCH_HEAVY_AT = 0.55
# ... and never above this. As quoted genuine notes (the hardest kind) were added, the rule
# climbed to 0.65; on the real dev set (scripts/evaluate.py --dev-only, model of commit 4527777)
# 0.65 against 0.6 spared 4 genuine notes and missed 4 more pitches at the same accuracy, and
# pitch recall is further from its aim than false alarms are. Chosen on the dev set, like the floor.
MAX_PITCH_HEAVY_AT = 0.6
FOLDS = 5
# Interest in the reader must always lower the score, whatever the data's accidents (spam
# asks "Are you tired of…?" too): each of these cues keeps at least this weight against
# its points, which are negative.
INTEREST_CUES = ("questions_about_them", "reference_to_them")
MIN_INTEREST_WEIGHT = 0.5
# The real corpora stand in placeholders for what they redacted. Left as they are, "[link]"
# would teach the word "link" that spam has links, and "[name]" (in chat logs) would look
# like a mail-merge slot; a neutral stand-in of the same kind reads as the original did.
# A name is dropped: any one name put there would become a sign of chat.
PLACEHOLDERS = {"[link]": "https://www.url.com", "[email]": "someone@url.com", "[phone]": "555 0100",
                "[name]": ""}
RESERVED = ("spamassassin", "smsspamcollection", "sms spam collection", "sms_spam")

PITCH_LABELS = {"pitch", "pitch_heavy"}
NOT_PITCH_LABELS = {"ok", "genuine", "request", "ask_first", "wait"}


def label(row: dict[str, Any]) -> int | None:
    """1 for a pitch, 0 for anything else, None when the row says too little to tell."""
    value = str(row.get("expected") or row.get("label") or "").lower()
    family = str(row.get("family") or "").lower()
    if value in PITCH_LABELS:
        return 1
    if value in NOT_PITCH_LABELS:
        return 0
    if value == "premature":  # a connection note that pitches, or one that only asks
        if family.startswith("pitch"):
            return 1
        if family.startswith(("request", "genuine")):
            return 0
    return None


def corpus_files(root: Path = ROOT) -> tuple[list[Path], list[Path]]:
    """(team drafts, real-world files)."""
    corpus = root / "tests" / "corpus"
    return sorted(corpus.glob("*.jsonl")), sorted((corpus / "real").glob("*.jsonl"))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def real_rows(root: Path = ROOT, split: str = "train") -> list[dict[str, Any]]:
    rows = []
    for path in corpus_files(root)[1]:
        for row in read_jsonl(path):
            if row.get("split") != split:
                continue
            source = str(row.get("source", "")).lower().replace("-", " ")
            if any(name in source.replace(" ", "") or name in source for name in RESERVED):
                raise SystemExit(f"{path.name}: row {row.get('id')} comes from an evaluation-only corpus ({source})")
            text = row.get("text")
            if isinstance(text, str):
                for placeholder, stand_in in PLACEHOLDERS.items():
                    text = text.replace(placeholder, stand_in)
            rows.append({**row, "text": text, "group": f"real:{row.get('family') or path.stem}"})
    return rows


def team_rows(root: Path = ROOT) -> list[dict[str, Any]]:
    rows = []
    for path in corpus_files(root)[0]:
        for row in read_jsonl(path):
            rows.append({**row, "group": f"team:{row.get('family') or path.stem}"})
    return rows


def training_rows(root: Path = ROOT) -> list[dict[str, Any]]:
    """Labelled, English rows with their features, in a fixed order."""
    out = []
    for row in team_rows(root) + real_rows(root, "train"):
        y = label(row)
        if y is None or not isinstance(row.get("text"), str):
            continue
        kind = str(row["kind"]) if row.get("kind") in KINDS else "message"
        values = features(row["text"][:20_000], kind)
        if values is None:
            continue
        out.append({**row, "kind": kind, "y": y, "values": values})
    return out


def fit(rows: Sequence[dict[str, Any]], thresholds: tuple[float, float] | None = None) -> learned.PitchModel:
    """A logistic regression on the rows' features; thresholds from grouped cross-validation unless given."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer  # type: ignore[import-untyped]
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    df = Counter(f for r in rows for f in r["values"] if f.startswith(("w:", "b:")))
    sources: dict[str, set[str]] = {}
    for r in rows:
        for f in r["values"]:
            if df[f] >= MIN_DF:
                sources.setdefault(f, set()).add(r["group"])
    keep = {f for f, g in sources.items() if len(g) >= MIN_SOURCES}

    def kept(values: dict[str, float]) -> dict[str, float]:
        return {f: (v * CUE_SCALE if f.startswith("cue:") else v) for f, v in values.items()
                if f in keep or not f.startswith(("w:", "b:"))}

    vec = DictVectorizer(sort=True)
    X = vec.fit_transform([kept(r["values"]) for r in rows])
    y = np.array([r["y"] for r in rows])
    clf = LogisticRegression(C=C, class_weight="balanced", solver="lbfgs", max_iter=5000, tol=1e-8,
                             random_state=SEED)
    weight = np.array([REAL_WEIGHT if r["group"].startswith("real:") else 1.0 for r in rows])
    clf.fit(X, y, sample_weight=weight)
    weights = {}
    for name, w in zip(vec.get_feature_names_out(), clf.coef_[0]):
        w = round(float(w) * (CUE_SCALE if name.startswith("cue:") else 1.0), 4)
        if abs(w) >= MIN_WEIGHT:
            weights[str(name)] = w
    for cue in INTEREST_CUES:
        weights["cue:" + cue] = max(weights.get("cue:" + cue, 0.0), MIN_INTEREST_WEIGHT)
    bias = round(float(clf.intercept_[0]), 4)
    if thresholds is None:
        thresholds = choose_thresholds(rows)
    return learned.PitchModel(bias=bias, weights=weights, pitch_heavy_at=thresholds[0], pitches_at=thresholds[1])


def threshold_groups(rows: Sequence[dict[str, Any]], folds: int = FOLDS) -> list[str]:
    """Groups for choosing thresholds: source families, but a family too big for one fold
    (one dataset of thousands of emails) is dealt across the folds by row id, so every
    fold's model has seen that kind of text, as the shipped model has."""
    sizes = Counter(r["group"] for r in rows)
    out = []
    for r in rows:
        g = r["group"]
        if sizes[g] * folds > len(rows):
            g += f"#{zlib.crc32(str(r.get('id')).encode()) % folds}"
        out.append(g)
    return out


def out_of_fold(rows: Sequence[dict[str, Any]], folds: int = FOLDS, groups: Sequence[str] | None = None) -> list[float]:
    """Each row's probability from a model that never saw its group."""
    from sklearn.model_selection import GroupKFold  # type: ignore[import-untyped]

    groups = list(groups) if groups is not None else [r["group"] for r in rows]
    probs = [0.0] * len(rows)
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(rows, groups=groups):
        m = fit([rows[i] for i in train_idx], thresholds=(0.5, 0.5))
        for i in test_idx:
            probs[i] = m.probability(rows[i]["values"])
    return probs


def choose_thresholds(rows: Sequence[dict[str, Any]]) -> tuple[float, float]:
    """pitch_heavy_at: the lowest of 0.30, 0.35, … that keeps genuine notes' false alarms
    (out of fold) at most GENUINE_FALSE_ALARMS, within MIN_PITCH_HEAVY_AT..MAX_PITCH_HEAVY_AT; pitches_at a little lower (a connection note
    that merely leans toward a pitch is already too much)."""
    probs = out_of_fold(rows, groups=threshold_groups(rows))
    genuine = [p for p, r in zip(probs, rows) if r["y"] == 0 and _is_genuine(r)]
    heavy = 0.95
    for step in range(6, 20):
        t = step / 20
        if not genuine or sum(p >= t for p in genuine) / len(genuine) <= GENUINE_FALSE_ALARMS:
            heavy = t
            break
    heavy = min(max(heavy, MIN_PITCH_HEAVY_AT), MAX_PITCH_HEAVY_AT)
    return heavy, round(max(0.3, heavy - 0.15), 2)


def _is_genuine(row: dict[str, Any]) -> bool:
    value = str(row.get("expected") or row.get("label") or "").lower()
    return value in ("ok", "genuine")


def meta(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    rows = list(rows)
    return {
        "trained_on": {"team_drafts": sum(r["group"].startswith("team:") for r in rows),
                       "real_messages": sum(r["group"].startswith("real:") for r in rows),
                       "pitches": sum(r["y"] for r in rows)},
        "seed": SEED, "C": C, "min_df": MIN_DF, "min_interest_weight": MIN_INTEREST_WEIGHT, "min_sources": MIN_SOURCES, "cue_scale": CUE_SCALE, "real_weight": REAL_WEIGHT,
        "how": "scripts/train_model.py",
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=learned.MODEL_FILE)
    args = parser.parse_args(argv)
    rows = training_rows()
    model = fit(rows)
    args.out.write_text(model.to_json(meta(rows)), encoding="utf-8")
    print(f"{args.out}: {len(model.weights)} weights from {len(rows)} rows "
          f"({sum(r['y'] for r in rows)} pitches); pitch_heavy at p >= {model.pitch_heavy_at}, "
          f"pitches at p >= {model.pitches_at}; {args.out.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
