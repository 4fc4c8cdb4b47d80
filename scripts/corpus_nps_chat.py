"""Turn posts of the NPS Chat Corpus into labelled corpus rows (genuine, casual text).

The NPS Chat Corpus, Release 1.0 (Forsyth, Lin & Martell 2007/2008) holds 10,567 posts
from age-specific online chat rooms in 2006, privacy-masked by hand (user names became
"UserN"). It is casual, short, person-to-person text, the register of personal text
messages that the rest of the corpus lacks; every row kept is labelled ``ok``.

Kept: posts of 5 words or more, from the 20s, 30s, 40s and adults rooms (never the teens
room). Left out: sexual talk and solicitations to chat or "pm me" (their verdict would
be a guess), system messages, and posts that are mostly a user name.
Masked user names are written as "[name]".

Usage: python scripts/corpus_nps_chat.py NPS_CHAT_DIR OUT.jsonl
where NPS_CHAT_DIR is the unpacked nps_chat/ folder (NLTK data package "nps_chat").
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from corpus_enron_spam import dedupe_key, message_row, run, stable

SOURCE = "NPS Chat Corpus Release 1.0 (http://faculty.nps.edu/cmartell/NPSChat.htm), NLTK data package nps_chat"
LICENCE = (
    "NPS Chat Corpus: non-commercial, non-profit educational and research use only; a"
    " compilation of posts whose copyrights are held by their authors (Forsyth, Lin & Martell)"
)
ROOMS = {"20s": "train", "adults": "train", "40s": "train", "30s": "dev"}
CAP = 350
USER = re.compile(r"\b\d{2}-\d{2}-(?:20s|30s|40s|adults|teens)User\d+\b")
SKIP = re.compile(
    r"\b(sex\w*|cyber\w*|cams?|webcam|horny|naked|nude|boobs?|breasts?|dick|cock|pussy|penis|porn\w*"
    r"|nakie|nekkid|fuck\w*|suck\w*|bitch\w*|slut|whore|gay|lesbian|bi|kiss\w*|lick\w*|hot|sexy|spank\w*|orgasm"
    r"|legs spread|pm me|pm|im me|wanna chat|want to chat|chat with me|any (girls|guys|ladies|women|men)"
    r"|asl|\d+\s*/?\s*[mf]\b|sleep with|in bed|on heat|kne+s|elbows|bra|hott|teen\w*|underage"
    r"|girls (per|here)|any \w+ girls|\w+ girls in here)\b",
    re.I,
)


def build(root: Path, seen: set[str]) -> list[dict[str, object]]:
    by_room: dict[str, list[dict[str, object]]] = {}
    for path in sorted(root.glob("*.xml")):
        room = path.stem.split("_")[0].split("-")[2]
        if room not in ROOMS:
            continue
        for n, post in enumerate(ET.parse(path).getroot().iter("Post")):
            raw = (post.text or "").strip()
            # "/away ..." and similar commands are the chat client talking, not a person.
            if post.get("class") == "System" or raw.startswith("/") or SKIP.search(raw):
                continue
            text = re.sub(r"\s+", " ", USER.sub("[name]", raw)).strip()
            text = re.sub(r"\S+@\S+\.\w+", "[email]", text)
            words = [w for w in text.split() if w != "[name]"]
            if len(words) < 5 or len(words) > 250:
                continue
            key = dedupe_key(text)
            if key in seen:
                continue
            seen.add(key)
            by_room.setdefault(room, []).append(message_row(
                f"nps-chat-{path.stem}-{n}", text, "ok", f"{SOURCE} {path.name} post {n}", LICENCE,
                f"nps-chat:{room}", ROOMS[room]))
    rows: list[dict[str, object]] = []
    for _room, posts in sorted(by_room.items()):
        posts.sort(key=lambda r: stable(str(r["id"])))
        rows += sorted(posts[:CAP], key=lambda r: str(r["id"]))
    return rows


def main() -> None:
    run(__doc__, build)


if __name__ == "__main__":
    main()
