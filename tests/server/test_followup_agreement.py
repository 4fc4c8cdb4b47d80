"""The popup and the panel agree: every opener the popup suggests is text the user can
send as it is, and the panel (the analysis, fed by the same store and settings) does not
call it `wait` or `premature`, whatever the user's settings. And the store's prefilter
finds exactly what a full scan finds."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from askfirst.analysis import analyze
from askfirst.followups import KINDS, ContactSummary, due, everything
from askfirst.profiles import normalise
from askfirst.settings import Settings, merge
from askfirst.store import NewEvent, Store

TZ = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 3, 30)  # the day after the spring change in Berlin
INSTRUCTIONS = ("answer what", "before you", "bring up", "add something", "ask them", "say hello", "…", "...",
                "[", "{", "came across")


def people(store: Store) -> None:
    """One contact per rule, each due today or earlier."""
    noon = datetime.combine(TODAY, time(12), TZ)
    events = []
    for n, (kind, days) in enumerate([("message_received", 1), ("met", 1), ("connected", 3), ("message_sent", 12),
                                      ("message_sent", 100)]):
        who = normalise(f"https://www.linkedin.com/in/person-{n}/")
        events.append(NewEvent(f"e{n}", kind, noon - timedelta(days=days), who, name=f"Yara Person{n}",
                               place="Boston Tech Mixer" if kind == "met" else None))
    store.add_events(events)
    store.add_events([NewEvent("e5", "message_received", noon - timedelta(days=110),
                               normalise("https://www.linkedin.com/in/person-4/"))])
    store.set_keep_in_touch("linkedin:person-4", 90)


SETTINGS = [{}, {"max_nudges": 0}, {"max_nudges": 2}, {"max_nudges": 3}, {"nudge_days": 3, "followup_days": 9},
            {"followup_days": 0}, {"wait_days": 10}, {"say_hello_days": 0}, {"time_zone": "Asia/Kolkata"},
            {"time_zone": "America/New_York", "nudge_days": 1}]


@pytest.mark.parametrize("changes", SETTINGS, ids=[str(s) for s in SETTINGS])
def test_every_opener_is_sendable_and_the_panel_agrees(tmp_path, changes):
    store = Store(tmp_path / "askfirst.db")
    store.save_settings(merge(store.settings(), changes))
    people(store)
    tz = store.settings().zone()
    seen = set()
    for day in (TODAY + timedelta(days=n) for n in range(0, 12)):
        for f in store.due_followups(day, tz):
            seen.add(f.kind)
            lowered = f.suggestion.lower()
            assert not any(cue in lowered for cue in INSTRUCTIONS), f.suggestion
            assert f.suggestion.startswith("Hi Yara"), f.suggestion
            # The panel, at the first minute of the day the popup offers it, on that draft:
            now = datetime.combine(day, time(0, 1), tz)
            result = analyze(f.suggestion, "message", recipient={"name": f.contact.name},
                             timing=store.timing(f.contact.key, now=now))
            assert result.verdict == "ok", (f.kind, f.suggestion, result.headline, changes)
    assert {"reply", "met_follow_up"} <= seen
    # Catching up after your own unanswered message is one more message in the streak.
    assert ("keep_in_touch" in seen) == (changes.get("max_nudges", 1) > 0)


def test_more_nudges_allowed_in_settings_reach_the_panel(tmp_path):
    store = Store(tmp_path / "askfirst.db")
    anna = normalise("https://www.linkedin.com/in/anna/")
    start = datetime(2026, 1, 1, 9, tzinfo=timezone.utc)
    store.add_events([NewEvent(f"s{n}", "message_sent", start + timedelta(days=10 * n), anna, name="Anna")
                      for n in range(2)])
    later = datetime(2026, 1, 20, 9, tzinfo=timezone.utc)
    streak = analyze("Hi Anna, any news on this?", "message", timing=store.timing(anna.key, now=later))
    assert streak.verdict == "wait" and store.due_followups(later.date(), timezone.utc) == []
    store.save_settings(merge(store.settings(), {"max_nudges": 2}))
    [f] = store.due_followups(later.date(), timezone.utc)
    assert f.kind == "nudge"
    assert analyze(f.suggestion, "message", timing=store.timing(anna.key, now=later)).verdict == "ok"


# -- the prefilter equals a full scan ------------------------------------------------------

def random_store(rng: random.Random, path) -> Store:
    store = Store(path)
    base = datetime(2026, 3, 1, tzinfo=timezone.utc)
    events = []
    for n in range(rng.randint(1, 40)):
        who = normalise(f"https://www.linkedin.com/in/p{n}/")
        for k in range(rng.randint(0, 4)):
            kind = rng.choice(["connected", "met", "message_sent", "message_received", "note"])
            at = base - timedelta(days=rng.uniform(-1, 90), hours=rng.uniform(0, 24))
            if kind == "connected" and rng.random() < 0.5:
                events.append(NewEvent.on_day(f"{n}-{k}", kind, at.date(), who, name=f"P{n}"))
            else:
                events.append(NewEvent(f"{n}-{k}", kind, at, who, name=f"P{n}"))
        if rng.random() < 0.1:
            events.append(NewEvent(f"{n}-c", "note", base, who))
    store.add_events(events)
    for n in range(0, 40, 7):
        store.set_keep_in_touch(f"linkedin:p{n}", rng.choice([None, 7, 30, 90]))
    return store


@pytest.mark.parametrize("seed", range(40))
def test_the_prefilter_finds_what_a_full_scan_finds(tmp_path, seed):
    rng = random.Random(seed)
    store = random_store(rng, tmp_path / "askfirst.db")
    settings = Settings(say_hello_days=rng.choice([0, 1, 2, 5.5]), nudge_days=rng.choice([1, 7, 20]),
                        followup_days=rng.choice([0, 5, 12]), max_nudges=rng.choice([0, 1, 2, 3]))
    store.save_settings(settings)
    for f in store.all_followups(date(2026, 3, 1), timezone.utc):
        if rng.random() < 0.3:
            store.mark_followup(f, "done") if rng.random() < 0.5 else \
                store.mark_followup(f, "snoozed", date(2026, 3, 1) + timedelta(days=rng.randint(1, 40)))
    marks = store.marks()
    for _ in range(6):
        today = date(2026, 3, 1) + timedelta(days=rng.randint(-5, 80))
        tz = ZoneInfo(rng.choice(["Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Berlin", "UTC"]))
        narrowed = store.summaries(today, tz, settings)
        full = store.summaries(today, tz, settings, everyone=True)
        assert due(narrowed, settings, today, tz, marks) == due(full, settings, today, tz, marks)
        assert store.due_followups(today, tz) == due(full, settings, today, tz, marks)
        assert everything(narrowed, settings, today, tz, marks) == everything(full, settings, today, tz, marks)


def test_every_kind_is_covered_by_the_rules():
    c = ContactSummary(key="linkedin:a", profile_url="u", name="A")
    assert set(KINDS) == {"reply", "met_follow_up", "say_hello", "nudge", "keep_in_touch"} and c.first_name == "A"
