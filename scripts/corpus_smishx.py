"""Turn the promotional text messages of the SmishX data set into labelled corpus rows.

SmishX (Wang et al. 2025) re-labelled 1,200 SMS from public collections by hand as
smishing, spam or legitimate. Only "spam" is read: unsolicited promotions by text message
(casino bonuses, lotteries, property seminars, app and shop offers), the register the
mail-based pitch sources lack. Smishing is fraud rather than a pitch, and the legitimate
rows are automated notices (deliveries, one-time codes), not messages a person writes.

Rows of the SMS Spam Collection must stay out: that collection is kept for evaluation,
and SmishX drew part of its rows from it. --held-out names it (label<TAB>text a line);
every row equal to one of its texts, or sharing more than a fifth of its word trigrams
with one, is left out. Kept: English rows of 5-250 words, one of each template (the
same offer to other names or on other days); links are written "[link]", and a mangled pound sign is repaired.

Usage: python scripts/corpus_smishx.py --held-out SMSSpamCollection SMISHX_DATA_DIR OUT.jsonl
where SMISHX_DATA_DIR holds dataset.csv (github.com/yizhu-joy/SmishX, folder data/).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

from corpus_enron_spam import STOPWORDS, dedupe_key, message_row, run, words

SOURCE = "https://github.com/yizhu-joy/SmishX (commit 116a8c8) data/dataset.csv"
LICENCE = "SmishX (Wang et al. 2025), MIT licence; message texts copyright their senders"
FAMILY = "smishx:spam"
LINK = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|co|cc|td|vc|ly|uk|io)(?:/\S*)?",
                  re.I)
SIMILAR = 0.2  # share of word trigrams in common with a held-out message that counts as the same
TEMPLATE = 0.4  # ... with a row already kept that counts as the same template


def trigrams(text: str) -> set[tuple[str, ...]]:
    ws = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(ws[i:i + 3]) for i in range(len(ws) - 2)}


def held_out_texts(path: Path) -> tuple[set[str], list[set[tuple[str, ...]]]]:
    texts = [line.split("\t", 1)[1] for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
             if "\t" in line]
    return {letters(t) for t in texts}, [g for g in map(trigrams, texts) if g]


def letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


# Common words of the other languages in the set (Spanish, Italian, German, Finnish,
# Scandinavian), any one of which marks a row as not English.
OTHER_LANGUAGES = re.compile(
    r"\b(que|del|con|los|las|por|para|envia\w*|dinero|ahora|il|di|tuo|hai|ancora|non|und|der|die|mit|ihre?"
    r"|sie|ins|jopa|och|til|kr)\b", re.I)


def english(text: str) -> bool:
    """Plain English: ASCII letters, two or more English function words, no word that
    only another language uses."""
    english_words = sum(w.lower() in STOPWORDS for w in words(text))
    return english_words >= 2 and not re.search(r"[^\x00-\x7f£€]", text) and not OTHER_LANGUAGES.search(text)


def build(root: Path, seen: set[str], held_out: tuple[set[str], list[set[tuple[str, ...]]]]) -> list[dict[str, object]]:
    exact, held_grams = held_out
    rows: list[dict[str, object]] = []
    kept: list[set[tuple[str, ...]]] = []
    with (root / "dataset.csv").open(encoding="utf-8", newline="") as f:
        for n, record in enumerate(csv.DictReader(f), start=1):  # records span lines: counted, not lines
            if record["label"] != "spam":
                continue
            text = re.sub(r"\s+", " ", record["SMS"].replace("Â£", "£")).strip()
            if letters(text) in exact:
                continue
            grams = trigrams(text)
            if any(len(grams & g) > SIMILAR * len(grams | g) for g in held_grams):
                continue
            text = re.sub(r"(?:\[link\]\W*)+(?=\[link\]|$)", "[link]", LINK.sub("[link]", text)).strip()
            if not english(text) or not 5 <= len(words(text)) <= 250:
                continue
            key = dedupe_key(re.sub(r"\d+", "0", text))
            grams = trigrams(text)
            # One of each template: the same offer sent to many names, or on other days.
            if key in seen or any(len(grams & g) > TEMPLATE * len(grams | g) for g in kept):
                continue
            seen.add(key)
            kept.append(grams)
            rows.append(message_row(f"smishx-{n}", text, "pitch_heavy", f"{SOURCE} record {n}", LICENCE, FAMILY,
                                    "train"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--held-out", type=Path, required=True)
    known, rest = parser.parse_known_args()
    sys.argv[1:] = rest
    held_out = held_out_texts(known.held_out)
    run(__doc__, lambda root, seen: build(root, seen, held_out))


if __name__ == "__main__":
    main()
