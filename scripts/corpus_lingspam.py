"""Turn the spam half of the Ling-Spam corpus into labelled corpus rows.

Ling-Spam (Androutsopoulos et al., ECML 2000 workshop) holds 481 unsolicited mails
that reached a linguist's mailbox in 1998-2000, beside messages of the Linguist List.
Only the spam is read: the list's messages are posts to a mailing list, not mail from
one person to another. The "bare" version (no lemmatiser, no stop list) is used; it is
lower-cased and tokenised, so the rows are joined back into written English the same
way as the Enron-Spam rows (see corpus_enron_spam.detokenise).

Usage: python scripts/corpus_lingspam.py LINGSPAM_PUBLIC_DIR OUT.jsonl
where LINGSPAM_PUBLIC_DIR is the unpacked lingspam_public/ folder (with bare/part1..10).
"""

from __future__ import annotations

from pathlib import Path

from corpus_enron_spam import (
    SELLS,
    SPAM_SKIP,
    dedupe_key,
    detokenise,
    looks_like_prose,
    message_row,
    read_mail,
    run,
    words,
)

SOURCE = "https://www2.aueb.gr/users/ion/data/lingspam_public.tar.gz"
LICENCE = (
    "Ling-Spam (Androutsopoulos et al. 2000), free for research on the condition that"
    " published work acknowledges the corpus and notifies its author; spam copyright its senders"
)
FAMILY = "ling-spam:spam"


def build(root: Path, seen: set[str]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for path in sorted((root / "bare").glob("part*/spmsg*.txt")):
        body = read_mail(path)
        if SPAM_SKIP.search(body):
            continue
        text = detokenise(body)
        if not 5 <= len(words(text)) <= 250 or not looks_like_prose(text):
            continue
        if len(SELLS.findall(text)) < 2:
            continue
        key = dedupe_key(text)
        if key in seen:
            continue
        seen.add(key)
        rows.append(message_row(f"lingspam-{path.parent.name}-{path.stem}", text, "pitch_heavy",
                                f"{SOURCE} bare/{path.parent.name}/{path.name}", LICENCE, FAMILY, "train"))
    return rows


def main() -> None:
    run(__doc__, build)


if __name__ == "__main__":
    main()
