"""Matching many alternative phrases fast, at word starts only.

Python's `re` tries every alternative of a big `a|b|c|…` pattern at every position. The
lexicon has a few hundred alternatives, so a 150-word draft would cost milliseconds. A
`PhraseSet` knows the few strings each alternative's matches can start with (read from the
pattern's parse tree: "we help", "calendly.", "$1"…) and keeps them in a character trie; at
each word start, one walk down the trie finds the alternatives that can match there, and
only those are tried, each on its own, in the original order. The first that matches is
what `re`'s leftmost-first alternation would have found.

Compiling a regex costs ~0.3 ms in Python, so an alternative is compiled only when a draft
first brings a word it could match: a process that checks one draft compiles a handful,
not a few hundred. Reading the start strings from the parse tree costs more than the rest
of such a process, so the lexicon's are read once, ahead of time, into prefixes.json
(scripts/gen_prefixes.py); a pattern the file lacks is read at start-up, so a stale file
is slow, never wrong.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from pathlib import Path

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_Match = Callable[..., "re.Match[str] | None"]
# (set index, that set's candidate matchers in pattern order): what one trie node resolves to.
_Todo = tuple[tuple[int, tuple[tuple[int, _Match], ...]], ...]


class PhraseSet:
    """Alternatives (regex strings, lower-case) with an optional label for each.

    A group named `q` in an alternative marks the part to highlight (see `span_of`).
    """

    def __init__(self, patterns: Sequence[str], labels: Sequence[str] | None = None) -> None:
        self.patterns = list(patterns)
        self.labels = list(labels) if labels is not None else [""] * len(patterns)
        # Each alternative in a group of its own, as it would be in one big alternation.
        self._sources = [f"(?P<b{i}>{p.replace('(?P<q>', f'(?P<q{i}>')})" for i, p in enumerate(patterns)]
        self._matchers: list[_Match | None] = [None] * len(patterns)
        self._starts = [_prefixes(p) for p in patterns]
        self._alone: PhraseSets | None = None

    def matcher(self, i: int) -> _Match:
        """Alternative `i`'s compiled `match`, compiled on first use."""
        match = self._matchers[i]
        if match is None:
            match = self._matchers[i] = re.compile(self._sources[i]).match
        return match

    def scan(self, text: str, starts: Sequence[int], lo: int = 0, hi: int | None = None) -> list[tuple[int, re.Match[str]]]:
        """Non-overlapping (alternative index, match) pairs starting at `starts` in [lo, hi)."""
        if self._alone is None:
            self._alone = PhraseSets([self])
        return self._alone.scan(text, starts, lo, hi)[0]

    def spans(self, text: str, starts: Sequence[int]) -> list[tuple[int, int]]:
        return [m.span() for _, m in self.scan(text, starts)]

    @staticmethod
    def span_of(i: int, m: re.Match[str]) -> tuple[int, int]:
        """The part of a match to highlight: its `q` group if it has one."""
        q = f"q{i}"
        return m.span(q) if q in m.re.groupindex and m.group(q) is not None else m.span()


class _Node:
    """A trie node, grown on first visit: a draft visits a few hundred of its thousands."""

    __slots__ = ("next", "here", "todo", "_below")

    def __init__(self, below: list[tuple[str, int, int]]) -> None:
        self._below = below  # (rest of a start string, set, alternative) for each one through here
        self.next: dict[str, _Node] | None = None
        self.here: list[tuple[int, int]] = []  # (set, alternative) whose start string ends here
        self.todo: _Todo | None = None  # the candidates on the path from the root, once resolved

    def grow(self) -> dict[str, _Node]:
        # Built aside and published last (`here`, then `next`): threads share the trie, and
        # one that grows the same node meanwhile builds the same children.
        by_char: dict[str, list[tuple[str, int, int]]] = {}
        here = []
        for rest, k, i in self._below:
            if rest:
                by_char.setdefault(rest[0], []).append((rest[1:], k, i))
            else:
                here.append((k, i))
        self.here = here
        below = self.next = {ch: _Node(items) for ch, items in by_char.items()}
        return below


class PhraseSets:
    """Several PhraseSets scanned in one pass over the word starts.

    Each set keeps its own non-overlapping matches, exactly as if scanned alone; one walk
    down a shared trie per position finds every set's candidate alternatives at once.
    """

    def __init__(self, sets: Sequence[PhraseSet]) -> None:
        self.sets = list(sets)
        below = [(start, k, i) for k, s in enumerate(self.sets) for i, starts in enumerate(s._starts)
                 for start in starts]
        self._root = _Node(below)
        self._depth = max((len(start) for start, _, _ in below), default=0)

    def _resolve(self, text: str, pos: int, stop: _Node) -> _Todo:
        """The candidates of every node from the root down to `stop`, set by set, in order."""
        node = self._root
        path = [node]
        for ch in text[pos:pos + self._depth]:
            if node is stop:
                break
            node = (node.grow() if node.next is None else node.next)[ch]
            path.append(node)
        found: dict[int, set[int]] = {}
        for node in path:
            if node.next is None:
                node.grow()
            for k, i in node.here:
                found.setdefault(k, set()).add(i)
        todo = stop.todo = tuple((k, tuple((i, self.sets[k].matcher(i)) for i in sorted(found[k])))
                                 for k in sorted(found))
        return todo

    def scan(self, text: str, starts: Sequence[int], lo: int = 0,
             hi: int | None = None) -> list[list[tuple[int, re.Match[str]]]]:
        """For each set, its non-overlapping (alternative index, match) pairs at `starts` in [lo, hi)."""
        found: list[list[tuple[int, re.Match[str]]]] = [[] for _ in self.sets]
        ends = [lo] * len(self.sets)
        root, depth = self._root, self._depth
        stop = len(text) if hi is None else hi
        for pos in starts[bisect_left(starts, lo):] if lo else starts:
            if pos >= stop:
                break
            node = root
            for ch in text[pos:pos + depth]:
                below = node.next
                if below is None:
                    below = node.grow()
                child = below.get(ch)
                if child is None:
                    break
                node = child
            todo = node.todo
            if todo is None:
                todo = self._resolve(text, pos, node)
            for k, candidates in todo:
                if pos < ends[k]:
                    continue
                for i, match in candidates:
                    m = match(text, pos, stop)
                    if m is not None:  # the first alternative that matches decides, as in `a|b`
                        if m.end() > pos:
                            found[k].append((i, m))
                            ends[k] = m.end()
                        break
        return found

    def spans(self, text: str, starts: Sequence[int]) -> list[list[tuple[int, int]]]:
        return [[m.span() for _, m in pairs] for pairs in self.scan(text, starts)]


# Start strings are read as long as they stay few: long ones make a word's candidates few.
_LONGEST = 10
_FEW = 32
_MAX_PREFIXES = 4000


PREFIX_TABLE = Path(__file__).with_name("prefixes.json")
_known: dict[str, list[str]] | None = None


def _prefixes(pattern: str) -> set[str]:
    """Strings one of which every match of `pattern` starts with; "" means "anything"."""
    global _known
    if _known is None:
        try:
            _known = json.loads(PREFIX_TABLE.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            _known = {}
    known = _known.get(pattern)  # type: ignore[union-attr]
    return set(known) if known is not None else read_prefixes(pattern)


def read_prefixes(pattern: str) -> set[str]:
    """`_prefixes`, read from the pattern's parse tree: 2 characters long (or shorter where
    the pattern allows anything next), longer while they stay few."""
    try:  # an internal API: if it changes, be correct and slower
        tree = list(_p.parse(pattern))
        found = _seq_prefixes(tree, 2, 0)
        for n in range(3, _LONGEST + 1):
            longer = _seq_prefixes(tree, n, 0)
            if len(longer) > _FEW:
                break
            found = longer
    except Exception:
        return {""}
    return found if len(found) <= _MAX_PREFIXES else {""}


def _seq_prefixes(items: list, n: int, depth: int) -> set[str]:
    if n == 0 or not items or depth > 40:
        return {""}
    (op, av), rest = items[0], items[1:]
    if op in (_c.AT, _c.ASSERT_NOT, _c.ASSERT):  # zero width
        return _seq_prefixes(rest, n, depth + 1)
    if op is _c.LITERAL:
        return {chr(av) + tail for tail in _seq_prefixes(rest, n - 1, depth + 1)}
    if op is _c.CATEGORY or op is _c.IN:
        chars = _in_chars(av if op is _c.IN else [(op, av)])
        if chars is None:
            return {""}
        tails = _seq_prefixes(rest, n - 1, depth + 1)
        return {c + t for c in chars for t in tails}
    if op is _c.SUBPATTERN:
        return _seq_prefixes(list(av[-1]) + rest, n, depth + 1)
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            out |= _seq_prefixes(list(branch) + rest, n, depth + 1)
        return out
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        lo, hi, body = av
        again = [] if hi == 1 else [(op, (max(lo - 1, 0), hi if hi is _c.MAXREPEAT else hi - 1, body))]
        out = _seq_prefixes(list(body) + again + rest, n, depth + 1)
        if lo == 0:
            out |= _seq_prefixes(rest, n, depth + 1)
        return out
    return {""}  # \w, ., anything else: no known prefix from here on


def _in_chars(av: list) -> set[str] | None:
    chars: set[str] = set()
    for op, val in av:
        if op is _c.LITERAL:
            chars.add(chr(val))
        elif op is _c.RANGE:
            lo, hi = val
            if hi - lo > 300:
                return None
            chars.update(chr(c) for c in range(lo, hi + 1))
        elif op is _c.CATEGORY and val in _CATEGORY_CHARS:
            chars.update(_CATEGORY_CHARS[val])
        else:  # \w, negation: anything
            return None
    return chars


_CATEGORY_CHARS = {
    _c.CATEGORY_DIGIT: "0123456789",
    _c.CATEGORY_SPACE: " \t\n\r\f\v",
}
