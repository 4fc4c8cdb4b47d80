#!/usr/bin/env python3
"""How right is the analysis, on text the pitch model never trained on?

    scripts/evaluate.py                  # grouped cross-validation + the real-world dev set
    scripts/evaluate.py --cv-only        # only the cross-validation (needs the train extra)
    scripts/evaluate.py --dev-only       # only the dev set, with the shipped model
    scripts/evaluate.py --errors         # also list every wrong verdict
    scripts/evaluate.py FILE.jsonl ...   # score labelled files with the shipped model
    scripts/evaluate.py --sms PATH/SMSSpamCollection
    scripts/evaluate.py --spamassassin DIR   # DIR holds easy_ham/, hard_ham/, spam/, …

Cross-validation: the training rows (tests/corpus/*.jsonl and tests/corpus/real/* with
split=train) are cut into folds by source family, so every message of one page, dataset
or team-written family is on one side; each fold is judged by a model fitted on the
others, with the whole engine (asks, questions, timing rules) around it. It needs
scikit-learn (`pip install -e '.[train]'`).

The dev set (tests/corpus/real/*, split=dev) is never trained on and is judged by the
shipped model.

`--sms` reads the public SMS Spam Collection (label<TAB>text a line) from the path given
and reports how often real personal messages ("ham") are flagged and how many
promotions ("spam") are. It is for evaluation only: nothing here trains on it.

`--spamassassin` does the same for the SpamAssassin public corpus
(https://spamassassin.apache.org/old/publiccorpus/, one folder per tarball, one raw
message per file), also kept for evaluation only. Each message is judged on what its
sender wrote: the plain-text body (or the HTML one as text), without quoted lines, the
quoted message a reply ends with, the signature and the mailing list's footer.

Labels: a row's `expected` (or `label`) is a verdict (ok, pitch_heavy, ask_first,
premature) or a coarse class (pitch, genuine, request). A pitch is right when it is
called pitch_heavy (premature on a connection note); a genuine note when it is ok; a
request when it is ask_first (premature on a connection note) or ok once it shows
interest is not something a coarse label can tell, so only ask_first/premature count.
"Flagged" is any verdict but ok.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "companion"))
sys.path.insert(0, str(ROOT / "scripts"))

from askfirst.analysis import VERDICTS, analyze  # noqa: E402
from askfirst.analysis.model import PitchModel  # noqa: E402

CLASSES = ("pitch", "request", "genuine")
KINDS = ("message", "connection_note", "inmail", "comment", "post")


def expected_class(row: dict[str, Any]) -> str | None:
    """pitch, request or genuine (None: not labelled in a way we can score)."""
    value = str(row.get("expected") or row.get("label") or "").lower()
    family = str(row.get("family") or "").lower()
    if value in ("pitch", "pitch_heavy"):
        return "pitch"
    if value in ("ok", "genuine"):
        return "genuine"
    if value in ("request", "ask_first"):
        return "request"
    if value == "premature":
        return "pitch" if family.startswith("pitch") else "request"
    return None


def right(row: dict[str, Any], got: str) -> bool:
    value = str(row.get("expected") or row.get("label") or "").lower()
    if value in VERDICTS:
        return got == value
    cls = expected_class(row)
    note = row.get("kind") == "connection_note"
    if cls == "pitch":
        return got == ("premature" if note else "pitch_heavy")
    if cls == "request":
        return got == ("premature" if note else "ask_first")
    return got == "ok"


def judge(rows: Sequence[dict[str, Any]], model: PitchModel | None = None) -> list[tuple[dict[str, Any], str]]:
    out = []
    for row in rows:
        kind = str(row["kind"]) if row.get("kind") in KINDS else "message"
        result = analyze(str(row.get("text", ""))[:20_000], kind, recipient=row.get("recipient"), model=model)
        out.append((row, result.verdict))
    return out


def report(name: str, judged: list[tuple[dict[str, Any], str]], show_errors: bool = False,
           by_family: bool = False) -> dict[str, Any]:
    judged = [(r, g) for r, g in judged if expected_class(r)]
    total = len(judged)
    if not total:
        print(f"\n== {name}: nothing labelled to score")
        return {}
    matrix: dict[str, Counter[str]] = defaultdict(Counter)
    for row, got in judged:
        matrix[expected_class(row) or ""][got] += 1
    n_right = sum(right(r, g) for r, g in judged)
    pitches = sum(matrix["pitch"].values())
    genuine = sum(matrix["genuine"].values())
    pitch_flagged = pitches - matrix["pitch"]["ok"]
    genuine_flagged = genuine - matrix["genuine"]["ok"]
    print(f"\n== {name}: {total} messages")
    _matrix(matrix, "  ")
    print(f"  verdicts right:        {n_right}/{total} = {n_right / total:.1%}")
    if pitches:
        print(f"  pitches flagged:       {pitch_flagged}/{pitches} = {pitch_flagged / pitches:.1%}"
              f"  (called pitch_heavy/premature: {matrix['pitch']['pitch_heavy'] + matrix['pitch']['premature']})")
    if genuine:
        print(f"  genuine notes flagged: {genuine_flagged}/{genuine} = {genuine_flagged / genuine:.1%}")
    if by_family:
        families: dict[str, list[tuple[dict[str, Any], str]]] = defaultdict(list)
        for row, got in judged:
            families[str(row.get("group") or row.get("family") or "?")].append((row, got))
        print("  per source family (expected class: verdicts got):")
        for fam in sorted(families):
            rows = families[fam]
            fm: dict[str, Counter[str]] = defaultdict(Counter)
            for row, got in rows:
                fm[expected_class(row) or ""][got] += 1
            ok = sum(right(r, g) for r, g in rows)
            cells = "; ".join(f"{cls} " + ", ".join(f"{v} {fm[cls][v]}" for v in VERDICTS if fm[cls][v])
                              for cls in CLASSES if fm[cls])
            print(f"    {fam:<40} {ok:>4}/{len(rows):<4} right | {cells}")
    if show_errors:
        print("  errors:")
        for row, got in judged:
            if not right(row, got):
                text = str(row.get("text", ""))[:140]
                print(f"    [{row.get('id')}] expected {row.get('expected') or row.get('label')}, got {got}: {text!r}")
    return {"total": total, "right": n_right, "pitches": pitches, "pitch_flagged": pitch_flagged,
            "genuine": genuine, "genuine_flagged": genuine_flagged}


def _matrix(matrix: dict[str, Counter[str]], indent: str) -> None:
    cols = [v for v in VERDICTS if any(matrix[c][v] for c in CLASSES)]
    print(indent + "expected \\ got".ljust(16) + "".join(v.rjust(13) for v in cols))
    for cls in CLASSES:
        if matrix[cls]:
            print(indent + cls.ljust(16) + "".join(str(matrix[cls][v]).rjust(13) for v in cols))


def cross_validate(show_errors: bool, folds: int) -> None:
    import train_model as tm
    from sklearn.model_selection import GroupKFold  # type: ignore[import-untyped]

    rows = tm.training_rows()
    groups = [r["group"] for r in rows]
    thresholds = tm.choose_thresholds(rows)
    judged: list[tuple[dict[str, Any], str]] = []
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(rows, groups=groups):
        model = tm.fit([rows[i] for i in train_idx], thresholds=thresholds)
        judged += judge([rows[i] for i in test_idx], model)
    print(f"\nGrouped {folds}-fold cross-validation over {len(rows)} training rows, "
          f"{len(set(groups))} source families (thresholds {thresholds}).")
    report("cross-validation, team drafts (tests/corpus/*.jsonl)",
           [(r, g) for r, g in judged if r["group"].startswith("team:")], show_errors)
    real = [(r, g) for r, g in judged if r["group"].startswith("real:")]
    if real:
        report("cross-validation, real-world training rows (tests/corpus/real/, split=train)", real, show_errors,
               by_family=True)
    report("cross-validation, all", judged)


def dev_set(show_errors: bool) -> None:
    import train_model as tm

    rows = tm.real_rows(split="dev")
    if not rows:
        print("\n== real-world dev set: no rows yet (tests/corpus/real/*.jsonl with split=dev)")
        return
    # A dev message that repeats a training one (a forwarded or re-sent email) was, in
    # effect, trained on: it is left out, so the figures speak only of unseen text.
    seen = [_shingles(r["text"]) for r in tm.training_rows()]
    unseen = [r for r in rows if not _overlaps(_shingles(r["text"]), seen)]
    if len(unseen) < len(rows):
        print(f"\n({len(rows) - len(unseen)} dev messages left out: half or more of their 8-word runs are in training rows)")
    report("real-world dev set (never trained on), shipped model", judge(unseen), show_errors, by_family=True)


def _shingles(text: str, n: int = 8) -> frozenset[tuple[str, ...]]:
    words = text.lower().split()
    return frozenset(tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1)))


def _overlaps(runs: frozenset[tuple[str, ...]], seen: list[frozenset[tuple[str, ...]]]) -> bool:
    return any(len(runs & other) * 2 >= len(runs) for other in seen if other)


def sms(path: Path) -> None:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    with path.open(encoding="utf-8", errors="replace") as f:
        for line in f:
            label, _, text = line.rstrip("\n").partition("\t")
            if label not in ("ham", "spam"):
                continue
            counts[label][analyze(text[:20_000], "message").verdict] += 1
    print(f"\n== SMS Spam Collection ({path}), evaluation only")
    for label in ("ham", "spam"):
        c = counts[label]
        n = sum(c.values())
        flagged = n - c["ok"]
        pitchy = c["pitch_heavy"]
        print(f"  {label:5} {n:5} messages: flagged {flagged} ({flagged / n:.1%}), pitch_heavy {pitchy} "
              f"({pitchy / n:.1%}); " + ", ".join(f"{v} {c[v]}" for v in VERDICTS if c[v]))


def spamassassin(root: Path) -> None:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    folders = sorted(d for d in root.iterdir() if d.is_dir() and ("ham" in d.name or "spam" in d.name))
    for folder in folders:
        for path in sorted(folder.iterdir()):
            if path.name == "cmds" or path.suffix == ".json":
                continue
            raw = path.read_bytes()
            text = sender_text(raw)
            verdict = analyze(text[:20_000], "message").verdict if text.strip() else "empty"
            counts[folder.name][verdict] += 1
            if "ham" in folder.name and _list_post(raw, text):
                counts[folder.name + ": list posts"][verdict] += 1
    print(f"\n== SpamAssassin public corpus ({root}), evaluation only")
    print("  (list posts: ham sent to a mailing list, by a List-Id header; news-feed items left out)")
    for name in sorted(counts):
        c = counts[name]
        n = sum(c.values()) - c["empty"]
        flagged = n - c["ok"]
        print(f"  {name:24} {n:5} messages: flagged {flagged} ({flagged / max(n, 1):.1%}), pitch_heavy "
              f"{c['pitch_heavy']} ({c['pitch_heavy'] / max(n, 1):.1%}); "
              + ", ".join(f"{v} {c[v]}" for v in VERDICTS if c[v]) + (f"; no text {c['empty']}" if c["empty"] else ""))


def _list_post(raw: bytes, text: str) -> bool:
    """Sent to a mailing list (a List-Id header), and not an item a news-feed robot relays."""
    headers = email.message_from_bytes(raw.split(b"\n\n", 1)[0], policy=email.policy.compat32)
    return headers["List-Id"] is not None and not text.startswith("URL: ") and "rssfeeds@" not in str(headers["From"])


# Where what the sender wrote ends: the message a reply forwards, a signature, a list footer.
_WRITTEN_ENDS = re.compile(r"^(?:-{2,} ?(?:Original|Forwarded) Message ?-{2,}|-- ?$|_{20,}$|-{20,}$)", re.MULTILINE)
# Lines someone else wrote: quoted lines and the line that introduces them.
_QUOTED = re.compile(r"^(?:>.*|On .{0,120}wrote:|.{0,80} writes:|Quoting .{0,80}:)\n?", re.MULTILINE)


def sender_text(raw: bytes) -> str:
    """The text the sender wrote in one raw email: its body without what it quotes or appends."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    try:
        part = message.get_body(preferencelist=("plain", "html"))
        text = part.get_content() if part is not None else ""
    except (LookupError, UnicodeError, AssertionError, KeyError):  # unknown charsets, broken MIME
        part = None
        payload = message.get_payload(decode=True)
        text = payload.decode("latin-1") if isinstance(payload, bytes) else ""
    if not isinstance(text, str):
        return ""
    if part is not None and part.get_content_type() == "text/html":
        text = _html_text(text)
    end = _WRITTEN_ENDS.search(text)
    return _QUOTED.sub("", text[:end.start()] if end else text).strip()


class _HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("script", "style"):
            self._skipping += 1
        elif tag in ("p", "br", "div", "tr", "li", "h1", "h2", "h3"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skipping = max(0, self._skipping - 1)

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _html_text(html: str) -> str:
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    return re.sub(r"[ \t\r\f\v]+", " ", "".join(parser.parts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", nargs="*", type=Path, help="labelled JSONL files to score with the shipped model")
    parser.add_argument("--errors", action="store_true", help="list every wrong verdict")
    parser.add_argument("--sms", type=Path, metavar="SMSSpamCollection")
    parser.add_argument("--spamassassin", type=Path, metavar="DIR")
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--dev-only", action="store_true")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    if args.sms:
        sms(args.sms)
    if args.spamassassin:
        spamassassin(args.spamassassin)
    if args.corpora:
        for path in args.corpora:
            with path.open(encoding="utf-8") as f:
                rows = [json.loads(line) for line in f if line.strip()]
            report(f"{path} (shipped model)", judge(rows), args.errors, by_family=True)
        return
    if (args.sms or args.spamassassin) and not (args.cv_only or args.dev_only):
        return
    if not args.dev_only:
        cross_validate(args.errors, args.folds)
    if not args.cv_only:
        dev_set(args.errors)


if __name__ == "__main__":
    main()
