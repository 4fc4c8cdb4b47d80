"""The greeting names the wrong person: "Hi Dana," in a conversation with Jane Okafor.

Copy-pasted messages are the usual cause, and the reader notices at once. The rule looks
at the first line only, at a greeting word followed by a capitalised name, and compares
that name with the recipient's name as the site shows it. A nickname of the recipient's
name, a shortened form of it ("Alex" for Alexandra) or any part of it ("Dear Ms.
Okafor") is fine. Group conversations are left alone: any name may be right there.

Pure: plain strings in, a Finding or nothing out. Offsets are code points (Python's own
`str` indices), like every span the engine returns.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from .result import DIRECT_KINDS, Finding, Span

# "Hi", "Hello there", "Good morning", "Dear" … then an optional title, then the name.
GREETINGS = ("hi", "hii", "hiya", "hey", "heya", "hello", "hallo", "dear", "greetings", "howdy", "yo",
             "good morning", "good afternoon", "good evening", "morning", "afternoon", "evening")
TITLES = ("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "madam")
_NAME = r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*"
GREETING = re.compile(
    r"^\W{0,3}(?:" + "|".join(sorted(GREETINGS, key=len, reverse=True)) + r")\b[ \t,]*"
    r"(?:there[ \t,]+)?"
    r"(?:(?P<title>" + "|".join(TITLES) + r")\.?[ \t]+)?"
    r"(?P<name>" + _NAME + r")",
    re.IGNORECASE,
)

# Capitalised words that follow a greeting but are not anybody's name.
NOT_NAMES = frozenset([
    "all", "everyone", "everybody", "team", "folks", "friends", "friend", "guys", "gals", "people",
    "both", "there", "again", "sir", "madam", "maam", "ma'am", "colleague", "colleagues", "hiring",
    "recruiter", "recruiters", "manager", "future", "neighbor", "neighbour", "stranger", "sunshine",
    "mate", "buddy", "pal", "boss", "partner", "partners", "world", "linkedin", "network",
    "connection", "connections", "community", "group", "crew", "fam", "i", "i'm", "im", "it",
    "it's", "its", "this", "that", "thanks", "thank", "just", "quick", "hope", "how", "what", "when"
])

# Names that stand for each other (a nickname and its full name, or two nicknames of the
# same name). Shortened forms that are a prefix of the name ("Alex", "Chris", "Sam")
# need no entry: a greeting that starts the recipient's name (3 letters or more) is fine.
NICKNAMES: dict[str, tuple[str, ...]] = {
    "james": ("jim", "jimmy", "jamie"),
    "william": ("bill", "billy", "will", "willy", "liam"),
    "robert": ("bob", "bobby", "rob", "robbie", "bert"),
    "richard": ("dick", "rick", "ricky", "rich", "richie"),
    "elizabeth": ("liz", "lizzie", "beth", "betty", "betsy", "eliza", "lisa", "libby"),
    "margaret": ("maggie", "meg", "peggy", "marge", "greta", "rita"),
    "katherine": ("kate", "katie", "kathy", "kat", "kay", "kit"),
    "catherine": ("kate", "katie", "cathy", "cat"),
    "edward": ("ed", "eddie", "ted", "teddy", "ned"),
    "john": ("jack", "johnny", "jon"),
    "jonathan": ("jon", "jonny", "nate"),
    "charles": ("charlie", "chuck", "chas"),
    "henry": ("hank", "harry", "hal"),
    "harold": ("harry", "hal"),
    "anthony": ("tony", "ant"),
    "antonio": ("tony", "toni"),
    "michael": ("mike", "mikey", "mick", "micky"),
    "margarita": ("rita", "marga"),
    "patricia": ("pat", "patty", "trish", "tricia"),
    "patrick": ("pat", "paddy", "rick"),
    "rebecca": ("becky", "becca", "bex"),
    "susan": ("sue", "suzy", "susie"),
    "suzanne": ("sue", "suzy"),
    "jennifer": ("jen", "jenny", "jenn"),
    "alexander": ("alex", "sasha", "xander", "sandy", "lex"),
    "alexandra": ("alex", "sasha", "sandra", "sandy", "lexi", "lexie"),
    "andrew": ("andy", "drew"),
    "nicholas": ("nick", "nicky", "nico"),
    "thomas": ("tom", "tommy"),
    "joseph": ("joe", "joey", "jo"),
    "josephine": ("jo", "josie"),
    "daniel": ("dan", "danny"),
    "benjamin": ("ben", "benny", "benji"),
    "matthew": ("matt", "matty"),
    "christopher": ("chris", "kit", "topher"),
    "christine": ("chris", "chrissy", "tina"),
    "christina": ("chris", "tina"),
    "theodore": ("theo", "ted", "teddy"),
    "abigail": ("abby", "abbie", "gail"),
    "deborah": ("deb", "debbie", "debby"),
    "dorothy": ("dot", "dottie", "dolly"),
    "frances": ("fran", "frankie"),
    "francis": ("frank", "frankie"),
    "gregory": ("greg",),
    "jacob": ("jake", "jack"),
    "lawrence": ("larry",),
    "leonard": ("leo", "len", "lenny"),
    "mary": ("molly", "polly", "mae"),
    "samuel": ("sam", "sammy"),
    "samantha": ("sam", "sammy"),
    "steven": ("steve", "stevie"),
    "stephen": ("steve", "stevie"),
    "victoria": ("vicky", "tori"),
    "zachary": ("zach", "zack"),
    "eleanor": ("ellie", "nell", "nora"),
    "isabel": ("bella", "izzy"),
    "isabella": ("bella", "izzy"),
    "gabriel": ("gabe",),
    "raymond": ("ray",),
    "ronald": ("ron", "ronnie"),
    "donald": ("don", "donnie"),
    "timothy": ("tim", "timmy"),
    "peter": ("pete",),
    "joshua": ("josh",),
    "nathaniel": ("nate", "nat"),
    "nathan": ("nate",),
    "jessica": ("jess", "jessie"),
    "kimberly": ("kim",),
    "pamela": ("pam",),
    "cynthia": ("cindy",),
    "alfred": ("alf", "fred", "freddie"),
    "frederick": ("fred", "freddie", "fritz"),
    "wilhelm": ("willi", "willy"),
    "johannes": ("hans", "jo"),
    "giuseppe": ("beppe", "pino"),
    "francesco": ("franco", "cesco"),
    "dmitry": ("dima",),
    "aleksandr": ("sasha",),
    "ekaterina": ("katya",),
}

# Both directions, and nicknames of one name stand for each other ("Jim" / "Jamie").
_SAME: dict[str, set[str]] = {}
for _full, _nicks in NICKNAMES.items():
    _group = {_full, *_nicks}
    for _n in _group:
        _SAME.setdefault(_n, set()).update(_group)

# A header that names several people ("Jane Okafor, Sam Lee", "Jane, Sam and 3 others").
_GROUP_NAME = re.compile(r",|;|&|\+\s*\d|\band\b|\bothers?\b|\bparticipants\b|\bmembers\b", re.IGNORECASE)
# "Jane Okafor, PhD" or "Sam Lee, CPA, PMP" is one person with letters after the name.
_CREDENTIAL = re.compile(r"^(?:[A-Z][A-Za-z.\-]*[A-Z][A-Za-z.\-]*|Jr\.?|Sr\.?|II|III|IV)$")
# "Hi, Dana here" introduces the sender, not the reader.
_SELF_INTRO = re.compile(r"[ \t,]+(?:here|from|again)\b", re.IGNORECASE)


def _fold(name: str) -> str:
    """Lower case without accents or apostrophes: "Zoë" and "Zoe", "O'Neil" and "ONeil" agree."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if c.isalpha())


def _name_parts(name: str) -> list[str]:
    return [_fold(w) for w in re.findall(_NAME, name) if _fold(w)]


def is_group(recipient: dict[str, Any], kind: str = "message") -> bool:
    if recipient.get("group"):
        return True
    # The adapters give a conversation's profile link only when it has one other person:
    # a message thread that names someone but links nobody is a group (X, Messenger).
    if kind == "message" and "profile_url" in recipient and not recipient.get("profile_url"):
        return True
    names = recipient.get("names")
    if isinstance(names, (list, tuple)) and len(names) > 1:
        return True
    name, *rest = str(recipient.get("name") or "").split(",")
    rest = [r for r in rest if not all(_CREDENTIAL.match(w) for w in r.split())]
    return bool(rest) or bool(_GROUP_NAME.search(name))


def same_person(greeted: str, recipient_name: str) -> bool:
    """Whether `greeted` can be what you call the person named `recipient_name`."""
    g = _fold(greeted)
    if not g:
        return True
    for part in _name_parts(recipient_name):
        if g == part or g in _SAME.get(part, ()):
            return True
        shorter, longer = (g, part) if len(g) <= len(part) else (part, g)
        if len(shorter) >= 3 and longer.startswith(shorter):
            return True  # Alex / Alexandra, Dan / Daniel, Chris / Christopher
        if _SAME.get(g, set()) & _SAME.get(part, set()):
            return True  # two nicknames of one name: Jim / Jamie
    return False


def wrong_name(text: str, kind: str, recipient: dict[str, Any] | None) -> list[Finding]:
    """A `warn` finding when the greeting names someone other than the recipient, else none."""
    if kind not in DIRECT_KINDS or not isinstance(recipient, dict):
        return []
    full = recipient.get("name")
    if not isinstance(full, str) or not _name_parts(full) or is_group(recipient, kind):
        return []
    full = full.split(",")[0]  # credentials after the name are not part of it
    first_line = text.split("\n", 1)[0]
    m = GREETING.match(first_line)
    if not m:
        return []
    name = m.group("name")
    if not name[0].isupper() or _fold(name) in NOT_NAMES or name.lower() in NOT_NAMES:
        return []
    if _SELF_INTRO.match(first_line, m.end()):
        return []
    if same_person(name, full):
        return []
    shown = " ".join(full.split())
    start, end = m.span("name")
    return [Finding(
        "greeting.wrong_name", "warn",
        f"The greeting says “{name}”, but this message goes to {shown}.",
        f"Check the name: greet {shown.split()[0]} by their own name.",
        (Span(start, end, text[start:end]),),
    )]
