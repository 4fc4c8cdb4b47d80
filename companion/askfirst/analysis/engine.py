"""analyze(draft, kind, recipient, timing) -> Result: the verdict, score and findings.

Pure: no I/O, no clock (the caller's `timing.now` is "now"). The rules read the cues of
`lexicon`; the score adds up their points; the verdict is the first in the fixed order (premature, wait, pitch_heavy, ask_first, ok)
that applies. Every rule that fires leaves a finding, also when another one decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..timing import Timing
from . import lexicon as lx
from . import model as learned
from .greeting import wrong_name
from .matcher import PhraseSet, PhraseSets
from .phrasing import (
    ago,
    first_name,
    questions_about,
    quote_list,
    until_phrase,
    weekday_phrase,
)
from .readability import readability
from .result import DIRECT_KINDS, KINDS, MAX_DRAFT_CHARS, DraftError, Finding, Result, Span
from .text import Draft, detect_language

_PITCH = {cue.name: (cue, PhraseSet(cue.patterns)) for cue in lx.PITCH_CUES}
_FLATTERY = PhraseSet(lx.FLATTERY.patterns)
_REFERENCE = PhraseSet(lx.REFERENCE_TO_THEM.patterns)
_RELATIONSHIP = PhraseSet(lx.RELATIONSHIP.patterns)
_ASKS = PhraseSet([p for _, p in lx.ASKS], [label for label, _ in lx.ASKS])
_REQUEST_STATEMENTS = PhraseSet(lx.REQUEST_STATEMENTS)
_EVERY_CUE = PhraseSets([phrases for _, phrases in _PITCH.values()]
                        + [_FLATTERY, _REFERENCE, _RELATIONSHIP, _ASKS, _REQUEST_STATEMENTS])
_BOOKING = re.compile(lx.CALL_TO_ACTION.patterns[0])
_SALES_QUESTIONS = (lx.PAIN_QUESTION.name, lx.CALL_TO_ACTION.name)


@dataclass
class _Read:
    """Everything the rules saw in one draft."""

    draft: Draft
    hits: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    asks: list[tuple[str, int, int]] = field(default_factory=list)
    cold_introduction: bool = False  # the sender introduces themselves to a stranger
    vague_asks: list[int] = field(default_factory=list)  # where requests known only by their form ("can you…?") start
    stated_asks: list[int] = field(default_factory=list)  # where "I was wondering if you could…" requests start
    questions: int = 0
    questions_about_them: int = 0
    curious: list[tuple[int, int]] = field(default_factory=list)  # where the questions about them are
    references: list[tuple[int, int]] = field(default_factory=list)
    relationship: list[tuple[int, int]] = field(default_factory=list)
    flattery: list[tuple[int, int]] = field(default_factory=list)
    first_person: list[tuple[int, int]] = field(default_factory=list)
    second_person: int = 0
    corporate_we: int = 0

    commerce: set[str] = field(default_factory=set)

    def strong_hits(self) -> int:
        dense = 1 if len(self.commerce) >= lx.COMMERCE_STRONG_AT else 0
        return sum(len(self.hits.get(name, ())) for name in lx.STRONG_PITCH) + dense


@dataclass
class _Case:
    """One draft in its situation: what was read, to whom, when, and what that adds up to."""

    read: _Read
    kind: str
    timing: Timing | None
    recipient: dict[str, Any] | None
    questions: list[str]  # questions about the recipient, for suggestions
    words: int
    direct: bool  # written to one person (not a post or a comment)
    first_message: bool
    replying: bool  # the draft answers them: they wrote last, or it opens by saying so
    raw: float  # pitch points
    parts: dict[str, float]  # what each cue family added
    model_words: list[str]  # the words the learned model reads, with their spans
    model_spans: list[tuple[int, int]]
    grams: list[str]  # their n-gram features, in order
    values: dict[str, float]  # every feature the learned model reads
    logit: float  # the learned model's log-odds that this draft is a pitch
    model: learned.PitchModel
    pitches: bool
    pitch_heavy: bool

    @property
    def ask_spans(self) -> tuple[Span, ...]:
        return tuple(Span(s, e, self.read.draft.quote(s, e)) for _, s, e in self.read.asks)

    @property
    def pitch_spans(self) -> tuple[Span, ...]:
        return _spans(self.read, [s for name in lx.STRONG_PITCH for s in self.read.hits.get(name, ())])


Claim = tuple[str, str] | None  # (verdict, headline) a rule asks for, if any


def analyze(
    text: str,
    kind: str = "message",
    *,
    recipient: dict[str, Any] | None = None,
    timing: Timing | None = None,
    model: learned.PitchModel | None = None,
) -> Result:
    """Judge one draft. Raises DraftError for input the engine cannot judge.

    `model` replaces the shipped pitch model (cross-validation scores drafts with models
    that never saw them).
    """
    _validate(text, kind, recipient)
    draft = Draft(text)
    language = detect_language(draft)
    context = _context(timing)
    if language not in ("en", "und"):
        return _unsupported_language(draft, kind, language, context)

    read = _read(draft)
    metrics = _metrics(read)
    case = _case(read, kind, timing, recipient, metrics["words"], model or learned.load())
    verdict, headline = "ok", "Nothing to flag." if text.strip() else "Start typing: Ask First reads along."
    findings: list[Finding] = []
    # The first rule that claims a verdict decides; every rule still reports its findings.
    for rule in (_premature, _wait, _pitch_heavy, _ask_first):
        found, claim = rule(case)
        findings.extend(found)
        if claim and verdict == "ok":
            verdict, headline = claim
    findings.extend(wrong_name(text, kind, recipient))
    # Quiet tips: shown with any verdict, never the reason for one.
    findings.extend(_tips(read, metrics, case.first_message, case.pitches or bool(read.asks)))
    if verdict == "ok" and any(f.severity != "info" for f in findings):
        headline = "Fine to send, but look at the warnings below first."
    return Result(
        verdict=verdict,
        score=case.model.score(case.logit, kind),
        headline=headline,
        findings=tuple(findings),
        metrics=metrics,
        context=context,
        kind=kind,
        language="en",
    )


def _case(read: _Read, kind: str, timing: Timing | None, recipient: dict[str, Any] | None, words: int,
          model: learned.PitchModel) -> _Case:
    direct = kind in DIRECT_KINDS
    first_message = direct and (
        kind != "message" or timing is None or (timing.last_sent_at is None and timing.last_received_at is None)
    )
    replying = bool(
        timing is not None
        and timing.last_received_at is not None
        and (timing.last_sent_at is None or timing.last_received_at > timing.last_sent_at)
    ) or _answers(read)
    if kind == "connection_note":
        read.asks = [ask for ask in read.asks if not _asks_to_connect(read.draft.text, ask[1], ask[2])]
    raw, parts = _pitch_points(read, words, first_message)
    model_words, model_spans = _model_words(read)
    grams = learned.ngrams(model_words)
    values = learned.feature_values(grams, parts, kind)
    z = model.logit(values)
    p = model.probability_of(z)
    pitches = p >= model.pitches_at
    # An answer may talk business they asked about, and a public post may announce your own
    # news to whoever follows you: for those, only a blatant pitch is one.
    sure = replying or not direct
    pitch_heavy = p >= (max(model.pitch_heavy_at, SURE_PITCH_AT) if sure else model.pitch_heavy_at)
    return _Case(read, kind, timing, recipient, questions_about(recipient), words, direct, first_message,
                 replying, raw, parts, model_words, model_spans, grams, values, z, model, pitches, pitch_heavy)


def _asks_to_connect(text: str, start: int, end: int) -> bool:
    """The ask asks them to accept the connection (see `lexicon.CONNECTION_ASK`)."""
    return any(m.start() < end and start < m.end() for m in lx.CONNECTION_ASK.finditer(text))


def _answers(read: _Read) -> bool:
    """The draft says it answers their message (see `lexicon.ANSWERS`)."""
    opening = read.draft.sentences[:2]
    if not opening or "call_to_action" in read.hits or read.cold_introduction:
        return False
    text, end = read.draft.folded, opening[-1].end
    return (lx.ANSWER_WORDS.search(text, 0, end) is not None
            and re.compile(lx.ANSWERS, re.IGNORECASE).search(text, 0, end) is not None)


# How sure the model must be to call a reply or a public post a pitch.
SURE_PITCH_AT = 0.9


def features(text: str, kind: str = "message") -> dict[str, float] | None:
    """What the learned model reads in a draft (None: not English, so never judged)."""
    _validate(text, kind, None)
    draft = Draft(text)
    if detect_language(draft) not in ("en", "und"):
        return None
    read = _read(draft)
    direct = kind in DIRECT_KINDS
    _, parts = _pitch_points(read, len(draft.words), direct)
    return learned.feature_values(learned.ngrams(_model_words(read)[0]), parts, kind)


def _model_words(read: _Read) -> tuple[list[str], list[tuple[int, int]]]:
    """The words the model reads, with their spans. A question about the reader counts once,
    as interest (its cue), whatever its words: so asking about them never raises the score."""
    draft = read.draft
    if not read.curious:
        return draft.words, draft.word_spans
    words, spans = [], []
    for w, span in zip(draft.words, draft.word_spans):
        if not any(s <= span[0] < e for s, e in read.curious):
            words.append(w)
            spans.append(span)
    return words, spans


# --- the rules, in the verdicts' order -----------------------------------------------------


def _premature(case: _Case) -> tuple[list[Finding], Claim]:
    """Asking or pitching in a connection note, or too soon after connecting or meeting."""
    found: list[Finding] = []
    claim: Claim = None
    # A note whose whole purpose is to connect says "connect" and "network" a lot: only a
    # draft that reads as a pitch outright counts as pitching, as it would anywhere else.
    taking = bool(case.read.asks) or case.pitch_heavy
    if not taking:
        return found, claim
    spans = case.ask_spans + case.pitch_spans
    if case.kind == "connection_note":
        what = _what_is_asked(case.read) if case.read.asks else "a pitch"
        claim = ("premature", "Don't ask in the invitation. Connect first, wait a few days, "
                              "and open with a question about them.")
        found.append(Finding(
            "premature.connection_note", "stop",
            f"This connection note asks for {what}; people accept notes that are about them, not about you.",
            f"Keep the note to why you'd like to connect and save the ask for later, e.g. “{case.questions[0]}”",
            spans,
        ))
    timing = case.timing
    until = timing.pitch_wait_until() if (timing is not None and case.direct) else None
    if timing is not None and until is not None:
        start = timing.acquainted_at
        assert start is not None  # a waiting window implies a start
        how = "met" if timing.met_at is not None and timing.met_at == start else "connected"
        when = until_phrase(until, timing.now)
        message = f"You {how} {ago(start, timing.now)}. Wait until {when}, and open with a question about them."
        claim = claim or ("premature", message)
        found.append(Finding(
            "premature.too_soon", "stop", message,
            f"Save this for {when}. For now, ask about them: “{case.questions[0]}”",
            spans,
        ))
    return found, claim


def _wait(case: _Case) -> tuple[list[Finding], Claim]:
    """Following up on your own unanswered message too soon, or one nudge too many."""
    timing = case.timing
    if timing is None or not case.direct or not case.words:
        return [], None
    until = timing.followup_wait_until()
    streak = timing.too_many_unanswered
    if until is None and not streak:
        return [], None
    if streak:
        message = (f"You've sent {timing.unanswered_in_a_row} messages in a row with no reply. "
                   "Wait for an answer instead of adding another.")
        suggestion = ("Give them room. If you must write, bring something useful for them "
                      "(an article, an intro, an answer to something they asked), not another ask.")
    else:
        assert until is not None and timing.last_sent_at is not None
        sent = weekday_phrase(timing.last_sent_at, timing.now).removeprefix("on ")
        when = until_phrase(until, timing.now)
        message = (f"Your message from {sent} has no reply yet. Wait until {when}, "
                   "or add something of value instead of repeating.")
        suggestion = (f"Wait until {when}. If you write before then, share something useful for them "
                      "instead of repeating your message.")
    finding = Finding("wait.streak" if streak else "wait.too_soon", "stop", message, suggestion)
    return [finding], ("wait", message)


def _pitch_heavy(case: _Case) -> tuple[list[Finding], Claim]:
    """The individual pitch cues, each explained; the verdict when the learned signal says pitch."""
    found = _pitch_findings(case.read, case.parts, case.questions)
    if not (case.pitch_heavy or case.pitches):
        return found, None
    found.insert(0, _learned_finding(case))
    if not case.pitch_heavy:
        return found, None
    read = case.read
    q = read.questions_about_them
    about = "no question about them" if q == 0 else f"{q} question{'s' if q > 1 else ''} about them"
    headline = (f"This reads like an elevator pitch: {len(read.first_person)} × I/we, "
                f"{read.second_person} × you, {about}.")
    return found, ("pitch_heavy", headline)


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widens a span to whole space-separated words, less the punctuation around them, so a
    quote never starts or stops inside a word ("calendly.com/joe/15min", "by 30%")."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    while end > start and text[end - 1] in ".,;:!?\"')”’":
        end -= 1
    while start < end and text[start] in "\"'(“‘":
        start += 1
    return start, end


def _learned_finding(case: _Case) -> Finding:
    """The phrases that pushed the learned score most, quoted."""
    model = case.model
    draft = case.read.draft
    cue_spans = dict(case.read.hits)
    pushed = learned.phrases(draft.folded, case.model_words, case.model_spans,
                             model.contributions(case.values), cue_spans, grams=case.grams)
    spans = _spans(case.read, [_whole_words(draft.folded, s, e) for s, e in pushed])
    quotes = quote_list([s.quote for s in spans])
    said = f": {quotes}" if quotes else ""
    return Finding(
        "pitch.learned", "warn" if case.pitch_heavy else "info",
        f"This reads like a sales pitch ({model.score(case.logit, case.kind)}/100){said}.",
        f"Cut the lines about your offer and start with them instead: “{case.questions[0]}”",
        spans,
    )


def _ask_first(case: _Case) -> tuple[list[Finding], Claim]:
    """A request with no interest shown in the reader (an answer to them is fine)."""
    read = case.read
    if not read.asks:
        return [], None
    what = _what_is_asked(read)
    interest = read.questions_about_them > 0 or bool(read.references)
    # Cheapest first: the later tests compile their patterns on first use.
    excused = interest or case.replying
    if not excused:
        routine = {label for label, _, _ in read.asks} <= lx.ROUTINE_ASKS
        warm = False
        if routine and read.relationship:
            # Warmth before the ask counts. Thanks after it is thanks in advance: the warmth of
            # colleagues ("can you send it? Thanks!"), but not after a sales call to action, from
            # a stranger, or for a stranger's object ("can you make your app free? thanks").
            text = read.draft.folded
            hollow = re.compile(lx.HOLLOW_THANKS, re.IGNORECASE)
            last_ask = max(end for _, _, end in read.asks)
            heartfelt = [start for start, _ in read.relationship if not hollow.match(text, start)]
            warm = bool(heartfelt) and (min(heartfelt) < last_ask or not (
                "call_to_action" in read.hits or read.cold_introduction or read.flattery
                or re.search(lx.STRANGER_GREETING, text, re.IGNORECASE)
                or re.search(lx.PAID_OR_PRIVATE, text, re.IGNORECASE)))
        stranger_writes_long = _stranger_writes_long(case)
        excused = bool((case.words > lx.ASK_FIRST_MAX_WORDS and not stranger_writes_long)
                       or (routine and warm) or lx.ONGOING.search(read.draft.folded)
                       or (not case.pitches and "sender_offer" not in read.hits
                           and re.search(lx.WORKING_CONTEXT, read.draft.text, re.IGNORECASE))
                       or _everyday(case, stranger_writes_long))
    if excused:
        return [Finding(
            "ask.request", "info", f"You ask for {what}.",
            "Keep the ask small and easy to decline, and after your question about them.",
            case.ask_spans,
        )], None
    name = first_name(case.recipient) or "them"
    message = f"You ask for {what} but haven't asked anything about {name} yet."
    return [Finding(
        "ask.no_interest", "warn", message,
        "Ask about them first and let the request wait: " + " ".join(f"“{q}”" for q in case.questions[:2]),
        case.ask_spans,
    )], ("ask_first", message)


def _stranger_writes_long(case: _Case) -> bool:
    """A long message that introduces its sender, flatters, or opens like a letter to a stranger."""
    read = case.read
    return (case.words > lx.ASK_FIRST_MAX_WORDS
            and (read.cold_introduction or bool(read.flattery)
                 or re.search(lx.STRANGER_LETTER, read.draft.folded, re.IGNORECASE) is not None))


def _everyday(case: _Case, stranger_writes_long: bool) -> bool:
    """Only small everyday asks ("can you pick up milk?"), between people who know each other."""
    read = case.read
    text = read.draft.folded
    # "I hope this email finds you well" is a templated opener in a pitch, politeness in a note.
    sells = any(name != "templated_opener" for name in read.hits)
    if (case.kind == "inmail" or case.pitches or sells or read.flattery or read.cold_introduction
            or stranger_writes_long or re.search(lx.STRANGER_GREETING, text, re.IGNORECASE)):
        return False
    # "It would be great if you could share the photos": asked this politely, a request is an
    # everyday one unless it is about money, work or a private channel (lexicon.STATED_COLD_OBJECTS).
    if all(start in read.stated_asks for _, start, _ in read.asks):
        return not re.search(lx.STATED_COLD_OBJECTS, text, re.IGNORECASE)
    if re.search(lx.COLD_ASK_OBJECTS, text, re.IGNORECASE):
        return False
    shared_task = re.compile(lx.SHARED_TASK, re.IGNORECASE)
    return all(start in read.vague_asks or shared_task.match(text, start) for _, start, _ in read.asks)


# --- reading --------------------------------------------------------------------------


_SYMBOL_START = re.compile(r"[$€£+{\[<]|https?://|www\.")


def _starts(draft: Draft) -> list[int]:
    """Where a phrase can begin: word starts, currency signs, links and placeholders.

    Every pattern begins at one of these, so matching only there (instead of at every
    character, as finditer does) gives the same hits several times faster.
    """
    starts = {s for s, _ in draft.word_spans}
    starts.update(m.start() for m in _SYMBOL_START.finditer(draft.folded))
    return sorted(starts)


def _read(draft: Draft) -> _Read:
    read = _Read(draft)
    text = draft.lower
    starts = _starts(draft)
    *pitch, flattery, references, relationship, asks, statements = _EVERY_CUE.scan(text, starts)
    read.hits = {name: [m.span() for _, m in found] for name, found in zip(_PITCH, pitch) if found}
    if "offer" in read.hits and "sender_offer" in read.hits:
        # "I work with clients who…" is both an offer and its sender: one phrase counts once.
        offers = read.hits["offer"]
        own = [(s, e) for s, e in read.hits["sender_offer"] if not any(s < oe and os < e for os, oe in offers)]
        if own:
            read.hits["sender_offer"] = own
        else:
            del read.hits["sender_offer"]
    read.flattery = [m.span() for _, m in flattery]
    read.references = [m.span() for _, m in references]
    read.relationship = [m.span() for _, m in relationship]
    read.cold_introduction = bool(lx.COLD_INTRODUCTION.search(draft.folded))

    for word, (start, end) in zip(draft.words, draft.word_spans):
        if word in lx.COMMERCE_WORDS:
            read.commerce.add(word)
        if word in lx.FIRST_PERSON and not (word == "us" and draft.text[start:end] == "US"):
            read.first_person.append((start, end))
            if word in lx.CORPORATE_WE:
                read.corporate_we += 1
        elif word in lx.SECOND_PERSON:
            read.second_person += 1

    for sentence in draft.sentences:
        # Requests are judged sentence by sentence; one that runs past its sentence is dropped.
        found = [(i, m) for i, m in asks if sentence.start <= m.start() and m.end() <= sentence.end]
        # An offer of help ("happy to intro you") in the same sentence makes it giving, not taking.
        if found and lx.OFFER_OF_HELP.search(sentence.text):
            found = []
        sentence_asks = [(_ASKS.labels[i], *PhraseSet.span_of(i, m)) for i, m in found]
        read.asks.extend(_non_overlapping(sentence_asks))
        if (not sentence_asks and any(sentence.start <= m.start() < sentence.end for _, m in statements)
                and not lx.OFFER_OF_HELP.search(sentence.text)):
            sentence_asks.append(("a favour", sentence.start, sentence.end))
            read.asks.append(sentence_asks[-1])
            read.vague_asks.append(sentence.start)
            read.stated_asks.append(sentence.start)
        if sentence.is_question:
            read.questions += 1
            # Once the sentence holds a known ask, neither curiosity nor a service question matters.
            service = not sentence_asks and bool(re.search(lx.SERVICE_QUESTION, sentence.text, re.IGNORECASE))
            curious = (bool(lx.CURIOUS_QUESTION.search(sentence.text)) and not lx.TIME_QUESTION.search(sentence.text)
                       and not service)
            if (not sentence_asks and not curious and (service or lx.REQUEST_QUESTION.search(sentence.text))
                    and not lx.OFFER_OF_HELP.search(sentence.text) and not lx.OFFER_QUESTION.search(sentence.text)):
                # "Would you be up for it?": a request even when the thing asked is vague.
                sentence_asks.append(("a favour", sentence.start, sentence.end))
                read.asks.append(sentence_asks[-1])
                read.vague_asks.append(sentence.start)
            # A scripted pain question or a sales call to action is a request, not curiosity;
            # the scan above already found where they are.
            is_request = bool(sentence_asks) or any(
                sentence.start <= s < sentence.end for name in _SALES_QUESTIONS for s, _ in read.hits.get(name, ()))
            if not is_request and curious and not lx.PHATIC_QUESTION.search(sentence.text):
                read.questions_about_them += 1
                read.curious.append((sentence.start, sentence.end))
    return read


def _non_overlapping(asks: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    for ask in sorted(asks, key=lambda a: (a[1], -a[2])):
        if out and ask[1] < out[-1][2]:
            continue
        out.append(ask)
    return out


def _metrics(read: _Read) -> dict[str, Any]:
    draft = read.draft
    return {
        "words": len(draft.words),
        "characters": len(draft.text),
        "sentences": len(draft.sentences),
        "questions": read.questions,
        "questions_about_them": read.questions_about_them,
        "first_person": len(read.first_person),
        "second_person": read.second_person,
        "links": len(draft.links),
        "asks": len(read.asks),
        **readability(draft.text),
    }


# --- scoring --------------------------------------------------------------------------


def _pitch_points(read: _Read, words: int, first_message: bool) -> tuple[float, dict[str, float]]:
    """Raw pitch points, and what each family contributed (for the findings)."""
    parts: dict[str, float] = {}
    for name, (cue, _) in _PITCH.items():
        n = len(read.hits.get(name, ()))
        if n:
            parts[name] = min(cue.cap, cue.weight * n)

    extra_words = len(read.commerce) - lx.COMMERCE_FREE_WORDS
    if extra_words > 0:
        parts["commerce"] = min(lx.COMMERCE_CAP, lx.COMMERCE_POINTS * extra_words)

    strong = read.strong_hits()
    if read.flattery and strong:
        first_flattery = min(s for s, _ in read.flattery)
        if any(s > first_flattery for name in lx.STRONG_PITCH for s, _ in read.hits.get(name, ())):
            parts["flattery_then_pitch"] = 1.5

    fp, sp = len(read.first_person), read.second_person
    if fp + sp >= 3:
        share = fp / (fp + sp)
        focus = 3.0 * max(0.0, share - 0.6) / 0.4 * min(1.0, (fp + sp) / 8)
        if focus > 0:
            parts["self_focus"] = round(focus, 2)
    if strong and read.corporate_we:
        parts["corporate_we"] = min(1.5, 0.3 * read.corporate_we)

    if first_message and words > lx.LONG_FIRST_MESSAGE_WORDS:
        parts["length"] = min(2.0, 0.5 + (words - lx.LONG_FIRST_MESSAGE_WORDS) / 80)
    plain_links = [s for s in read.draft.links if not _BOOKING.match(read.draft.lower, s[0])]
    if first_message and plain_links:
        parts["links"] = min(1.0, 0.5 * len(plain_links))
    labels = {label for label, _, _ in read.asks}
    if labels:
        parts["asks"] = min(1.5, 0.75 * len(labels))
        if read.questions_about_them == 0:
            parts["no_question"] = 0.5

    if read.relationship:
        # Pleasantries around a sales offer ("Thanks and regards") don't make it less of one.
        cap = lx.RELATIONSHIP.cap if strong < 1 else lx.RELATIONSHIP.weight / 3
        parts["relationship"] = max(cap, lx.RELATIONSHIP.weight * len(read.relationship))
    if read.references:
        parts["reference_to_them"] = max(lx.REFERENCE_TO_THEM.cap, lx.REFERENCE_TO_THEM.weight * len(read.references))
    if read.questions_about_them:
        parts["questions_about_them"] = -min(2.0, 1.0 * read.questions_about_them)
    return max(0.0, sum(parts.values())), parts


# --- findings -------------------------------------------------------------------------

_PITCH_TEXT = {
    "offer": ("pitch.offer", "warn", "Talks about your offer: {quotes}.",
              "Leave the offer out for now; ask about their work instead: “{q}”"),
    "credentials": ("pitch.credentials", "warn", "Lists your own credentials: {quotes}.",
                    "Cut the résumé lines; one sentence on why you're writing to them is enough."),
    "call_to_action": ("pitch.call_to_action", "warn", "A sales call to action: {quotes}.",
                       "Drop the booking link and the ask; end with a question about them instead."),
    "pain_question": ("pitch.pain_question", "warn", "A scripted pain-point question: {quotes}.",
                      "Ask what they are actually working on, not whether they are struggling: “{q}”"),
    "buzzwords": ("pitch.buzzwords", "info", "Brochure words: {quotes}.",
                  "Say it the way you would say it to a friend."),
    "templated_opener": ("pitch.templated_opener", "info", "A templated opener: {quotes}.",
                         "Open with something specific to them: their post, their work, where you met."),
    "price": ("pitch.price", "info", "Prices in the message: {quotes}.",
              "Unless they asked, leave prices for a later conversation."),
    "sender_offer": ("pitch.sender_offer", "warn", "You (or your company) are the subject of an offer: {quotes}.",
                     "Say nothing about what you sell yet; ask about their work instead: “{q}”"),
    "automated": ("pitch.automated", "stop", "Mail-merge placeholders left in: {quotes}.",
                  "Write this one to the person: use their name and something they did."),
}


def _pitch_findings(read: _Read, parts: dict[str, float], questions: list[str]) -> list[Finding]:
    out: list[Finding] = []
    for name, (rule, severity, message, suggestion) in _PITCH_TEXT.items():
        spans = read.hits.get(name)
        if not spans:
            continue
        quoted = _spans(read, spans)
        out.append(Finding(rule, severity,
                           message.format(quotes=quote_list([s.quote for s in quoted])),
                           suggestion.format(q=questions[0]), quoted))
    if "flattery_then_pitch" in parts:
        out.append(Finding(
            "pitch.flattery_then_pitch", "warn",
            "Praise that leads straight into a pitch reads as a tactic.",
            "Keep the compliment specific and sincere, and let it stand on its own.",
            _spans(read, read.flattery),
        ))
    if parts.get("self_focus", 0) >= 1.0:
        fp, sp = len(read.first_person), read.second_person
        out.append(Finding(
            "focus.self", "warn",
            f"Mostly about you: {fp} × I/we/my/our against {sp} × you/your.",
            "Turn one sentence about you into a question about them.",
            _spans(read, read.first_person[:12]),
        ))
    return out


def _tips(read: _Read, metrics: dict[str, Any], first_message: bool, taking: bool) -> list[Finding]:
    out: list[Finding] = []
    words = metrics["words"]
    if first_message and words > lx.LONG_FIRST_MESSAGE_WORDS:
        out.append(Finding(
            "length.long_first_message", "info",
            f"{words} words is a speech for a first message; about 50–120 get the most replies.",
            "Keep one idea and one question; cut the rest.",
        ))
    if first_message and read.draft.links:
        spans = _spans(read, read.draft.links)
        out.append(Finding(
            "links.first_message", "info",
            "A link in a first message looks like marketing and often goes unclicked.",
            "Leave the link out until they ask for it.",
            spans,
        ))
    if taking and words >= 25 and read.questions == 0:
        out.append(Finding(
            "questions.none", "info", "There is no question in this draft.",
            "One question about them makes a reply easy.",
        ))
    if words >= 30 and metrics["flesch_reading_ease"] < lx.HARD_TO_READ_FLESCH:
        out.append(Finding(
            "readability.hard", "info",
            f"Hard to read (Flesch reading ease {metrics['flesch_reading_ease']:.0f}, "
            f"grade {metrics['grade_level']:.0f}).",
            "Shorter sentences and plainer words; messages at a 5th–8th grade level get more replies.",
        ))
    return out


def _spans(read: _Read, spans: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> tuple[Span, ...]:
    return tuple(Span(s, e, read.draft.quote(s, e)) for s, e in sorted(set(spans)))


def _what_is_asked(read: _Read) -> str:
    labels: list[str] = []
    for label, s, e in read.asks:
        if label == "a call":
            quote = read.draft.quote(s, e).lower()
            m = re.search(r"(\d+|five|ten|fifteen|twenty|thirty|a few|few)[- ]?min", quote)
            if m:
                n = m.group(1)
                label = f"{'a few' if n == 'few' else n} minutes"
        if label not in labels:
            labels.append(label)
    if not labels:
        return "something"
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"


# --- edges ----------------------------------------------------------------------------


def _validate(text: Any, kind: Any, recipient: Any) -> None:
    if not isinstance(text, str):
        raise DraftError("The draft must be a string of text.", "text")
    if len(text) > MAX_DRAFT_CHARS:
        raise DraftError(
            f"The draft is {len(text):,} characters long; Ask First reads up to {MAX_DRAFT_CHARS:,}.", "text"
        )
    if kind not in KINDS:
        raise DraftError(f"kind must be one of {', '.join(KINDS)} (got {kind!r}).", "kind")
    if recipient is not None and not isinstance(recipient, dict):
        raise DraftError("recipient must be an object with profile_url, name and headline.", "recipient")


def _context(timing: Timing | None) -> dict[str, Any]:
    """The timing facts the verdict used, so the UI can say why."""
    if timing is None:
        return {"connected_at": None, "met_at": None, "last_sent_at": None, "last_received_at": None,
                "unanswered_in_a_row": 0, "wait_until": None, "now": None}
    return timing.to_dict()


def _unsupported_language(draft: Draft, kind: str, language: str, context: dict[str, Any]) -> Result:
    name = lx.LANGUAGE_NAMES.get(language, "another language")
    return Result(
        verdict="ok",
        score=0,
        headline=f"Ask First reads English only, so it did not judge this {name} draft.",
        findings=(Finding(
            "language.unsupported", "info",
            f"This draft looks like {name}; Ask First only judges English drafts for now.",
            "Check it yourself: is it about them, and does it ask a question before asking for anything?",
        ),),
        metrics={
            "words": len(draft.words), "characters": len(draft.text), "sentences": len(draft.sentences),
            "questions": sum(1 for s in draft.sentences if s.is_question), "questions_about_them": 0,
            "first_person": 0, "second_person": 0, "links": len(draft.links), "asks": 0,
            "reading_time_s": 0.0, "flesch_reading_ease": None, "grade_level": None,
        },
        context=context,
        kind=kind,
        language=language,
    )
