"""Turn the Annotated Enron Subject Line Corpus (AESLC) into labelled corpus rows.

AESLC (Zhang & Tetreault, ACL 2019; CC BY-NC-SA 4.0) holds Enron emails already cut
down to the body: headers, quoted replies and forwarded text removed, one sentence a
line. Most are ordinary person-to-person work email, the genuine side of the corpus.
A few are unsolicited offers from outside the company; those are written to a review
file instead, so that a person labels each one by hand (see ``--review``).

Usage: python scripts/corpus_aeslc.py AESLC_DIR OUT_TRAIN OUT_DEV [--review FILE]
where AESLC_DIR is a checkout of github.com/ryanzhumich/AESLC.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path

from corpus_aeslc_labels import HAND_LABELS

SOURCE = "https://github.com/ryanzhumich/AESLC"
LICENCE = "CC BY-NC-SA 4.0 (AESLC); emails from the Enron corpus released by FERC"

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\b\d{3}[\s.-]\d{4}\b|x\d{4,5}\b")
# Bulk mail, forwarded threads and machine text are not one person writing to another.
NOT_PERSONAL = re.compile(
    r"unsubscribe|click here|forwarded by|original message|this e-?mail (and any|is confidential)"
    r"|privileged|distribution list|do not reply|automatically generated|\bhttp|www\.|\t|={3,}|-{4,}|\*{3,}",
    re.I,
)
# Offers from outside the company: these go to a person for labelling, never straight in.
OFFER = re.compile(
    r"\b(we offer|our (company|firm|services?|products?|solutions?|team|software|clients)|special offer"
    r"|free (trial|demo|consultation)|discount|register (now|today)|seminar|webcast|workshop"
    r"|we specialize|introduce (myself|our)|i represent|% off|limited time|subscribe|opportunity)\b",
    re.I,
)


# Introductions, job requests and meeting requests: also read by a person, never
# assumed to be ordinary correspondence.
INTRO = re.compile(
    r"\b(my name is|i am writing to|i'm writing to|allow me to|i would like to introduce|let me introduce"
    r"|we would like to|i represent|would you be (interested|available|open)|opportunity to (meet|present|discuss|speak)"
    r"|schedule a (call|meeting|time)|brief (call|meeting)|\d+ minutes|look forward to hearing from you|resume"
    r"|internship|recruit\w*|headhunt\w*|job opening|position (at|with))\b",
    re.I,
)

# Mail that the mailbox owner wrote to a colleague or acquaintance and that merely uses
# offer-like words ("opportunity", "we would like to", "seminar", "30 minutes") is kept
# whole as ok, so that such words also appear in genuine notes; anything about jobs,
# candidates or résumés stays out, since those are often a pitch for someone.
JOBS = re.compile(r"resume|recruit|intern|candidate|headhunt|position (at|with)|\bjobs?\b|\bhir(e|ing)\b", re.I)


def stable(key: str) -> int:
    return int(hashlib.sha256(key.encode()).hexdigest()[:12], 16)


VOCABULARY: set[str] = set()


def read_body(path: Path) -> str:
    raw = path.read_text(encoding="utf-8", errors="replace")
    body = raw.split("@subject", 1)[0]
    lines = [re.sub(r"\s+", " ", ln).strip() for ln in body.splitlines()]
    text = " ".join(ln for ln in lines if ln)
    # Undo quoted-printable debris left in some bodies: "=20", "=09", and "= " where a
    # long line was wrapped inside a word.
    text = re.sub(r"=(20|09)", " ", text)
    text = re.sub(r" {2,}", " ", text)
    text = re.sub(r"(\w+)= (\w+)", _join_wrapped, text)
    text = re.sub(r" = ", " ", text)
    text = re.sub(r"(?<=[^\w\s])= |= (?=[^\w\s])", "", text)
    return re.sub(r" {2,}", " ", text).strip()


def _join_wrapped(m: re.Match[str]) -> str:
    """Join "inve= sting" into one word, but keep "are= looking" as two words."""
    left, right = m.group(1), m.group(2)
    if (left + right).lower() in VOCABULARY and right.lower() not in VOCABULARY:
        return left + right
    return f"{left} {right}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("aeslc", type=Path)
    ap.add_argument("out_train", type=Path)
    ap.add_argument("out_dev", type=Path)
    ap.add_argument("--review", type=Path)
    ap.add_argument("--train-n", type=int, default=1000)
    ap.add_argument("--dev-n", type=int, default=260)
    args = ap.parse_args()

    root = args.aeslc / "enron_subject_line"
    files = sorted(root.glob("*/*.subject"))
    for f in files:
        VOCABULARY.update(re.findall(r"[a-z]+", f.read_text(encoding="utf-8", errors="replace").lower()))
    owners = sorted({f.name.split("_")[0] for f in files})
    # Whole mailboxes go to the development set, so no owner is on both sides.
    dev_owners = {o for o in owners if stable("dev:" + o) % 5 == 0}

    keep: dict[str, list[dict]] = {"train": [], "dev": []}
    labelled: dict[str, list[dict]] = {"train": [], "dev": []}
    review = []
    for f in files:
        text = read_body(f)
        hand = HAND_LABELS.get(f"{f.parent.name}/{f.name}")
        if hand:
            text = PHONE.sub("[phone]", EMAIL.sub("[email]", text))
        words = len(text.split())
        if words < 5 or words > 250:
            continue
        if not hand and (EMAIL.search(text) or PHONE.search(text) or NOT_PERSONAL.search(text)):
            continue
        owner = f.name.split("_")[0]
        split = "dev" if owner in dev_owners else "train"
        row = {
            "id": f"aeslc-{f.parent.name}-{f.stem}",
            "text": text,
            "kind": "message",
            "label": "ok",
            "pitch": False,
            "source": f"{SOURCE} enron_subject_line/{f.parent.name}/{f.name}",
            "licence": LICENCE,
            "family": "enron-aeslc-dev" if split == "dev" else "enron-aeslc",
            "split": split,
        }
        if hand:
            row["label"] = hand
            row["pitch"] = hand == "pitch_heavy" or (hand == "ask_first" and bool(OFFER.search(text)))
            labelled[split].append(row)
            continue
        if OFFER.search(text) or INTRO.search(text):
            if "_sent_" in f.name and not JOBS.search(text):
                labelled[split].append(row)
            else:
                review.append(row)
            continue
        keep[split].append(row)

    for split, out, n in (("train", args.out_train, args.train_n), ("dev", args.out_dev, args.dev_n)):
        rows = sorted(keep[split], key=lambda r: stable(r["id"]))[:n] + labelled[split]
        seen: set[str] = set()
        unique = []
        for r in rows:
            key = r["text"][:60].lower()
            if key not in seen:
                seen.add(key)
                unique.append(r)
        rows = unique
        rows.sort(key=lambda r: r["id"])
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(split, len(keep[split]), "eligible,", len(rows), "written to", out)
    if args.review:
        args.review.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in review), encoding="utf-8")
        print(len(review), "offer-like rows for review in", args.review)


if __name__ == "__main__":
    main()
