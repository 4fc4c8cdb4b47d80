"""The follow-up engine's rules, on plain contact summaries."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from askfirst.followups import ContactSummary, Mark, due, everything, followup_id, plan
from askfirst.settings import Settings

UTC = timezone.utc
TODAY = date(2026, 11, 25)
S = Settings()


def at(days_ago: float, hour: int = 10) -> datetime:
    return datetime(2026, 11, 25, hour, tzinfo=UTC) - timedelta(days=days_ago)


def anna(**facts) -> ContactSummary:
    return ContactSummary(key="linkedin:anna", profile_url="https://www.linkedin.com/in/anna/",
                          name="Anna Schmidt", **facts)


def one(c: ContactSummary, today: date = TODAY):
    found = due([c], S, today, UTC)
    return found[0] if found else None


def test_reply_is_due_the_day_they_wrote():
    f = one(anna(last_received_at=at(2)))
    assert (f.kind, f.due, f.overdue) == ("reply", date(2026, 11, 23), True)
    assert f.reason == "Anna wrote 2 days ago — reply today."
    assert one(anna(last_received_at=at(0))).reason == "Anna wrote today — reply today."
    assert one(anna(last_received_at=at(1))).reason == "Anna wrote yesterday — reply today."


def test_no_reply_followup_once_you_answered():
    assert one(anna(last_received_at=at(2), last_sent_at=at(1), unanswered_in_a_row=1)) is None


def test_say_hello_two_days_after_connecting():
    c = anna(connected_at=at(2))
    f = one(c)
    assert f.kind == "say_hello" and f.due == TODAY and not f.overdue
    assert f.reason == "Connected 2 days ago — say hello today and ask what they are working on. No pitch."
    assert one(c, today=TODAY - timedelta(days=1)) is None


def test_say_hello_not_once_you_wrote():
    assert one(anna(connected_at=at(5), last_sent_at=at(4), unanswered_in_a_row=1)) is None


def test_met_in_person_is_due_the_next_day_with_the_place():
    c = ContactSummary(key="linkedin:anna", profile_url="u", name="Anna", met_at=at(1), met_place="Boston Tech Mixer")
    f = one(c)
    assert f.kind == "met_follow_up" and f.due == TODAY
    assert f.reason == "You met at Boston Tech Mixer yesterday — follow up today."
    assert "Boston Tech Mixer" in f.suggestion


def test_nudge_a_week_after_your_unanswered_message():
    f = one(anna(last_sent_at=at(7), unanswered_in_a_row=1))
    assert f.kind == "nudge" and f.due == TODAY
    assert f.reason == "No reply for a week — nudge today with something useful, not a re-pitch. It is the last nudge."
    assert one(anna(last_sent_at=at(6), unanswered_in_a_row=1)) is None


def test_nudges_at_most_max_nudges_counting_your_own_follow_ups():
    two = Settings(max_nudges=2)
    first = due([anna(last_sent_at=at(8), unanswered_in_a_row=1)], two, TODAY, UTC)[0]
    assert first.kind == "nudge" and "last nudge" not in first.reason
    second = due([anna(last_sent_at=at(8), unanswered_in_a_row=2)], two, TODAY, UTC)[0]
    assert second.kind == "nudge" and "last nudge" in second.reason
    assert due([anna(last_sent_at=at(8), unanswered_in_a_row=3)], two, TODAY, UTC) == []
    assert one(anna(last_sent_at=at(8), unanswered_in_a_row=2)) is None  # one nudge by default


def test_keep_in_touch_since_the_last_exchange():
    c = anna(last_sent_at=at(95), last_received_at=at(90), keep_in_touch_days=90)
    f = one(c)
    assert f.kind == "keep_in_touch" and f.due == TODAY and f.reason == "You last talked 3 months ago — catch up today."
    assert one(anna(last_sent_at=at(95), last_received_at=at(90))) is None


def test_one_followup_per_contact_the_most_pressing():
    c = anna(connected_at=at(3), met_at=at(3), last_received_at=at(1))
    assert [f.kind for f in due([c], S, TODAY, UTC)] == ["reply"]


def test_overdue_first():
    older = ContactSummary(key="x:bob", profile_url="u", name="Bob", last_received_at=at(5))
    newer = anna(last_received_at=at(0))
    assert [f.contact.key for f in due([newer, older], S, TODAY, UTC)] == ["x:bob", "linkedin:anna"]


def test_ids_are_stable_and_change_with_the_anchor():
    a = one(anna(last_received_at=at(2)))
    b = one(anna(last_received_at=at(2)))
    c = one(anna(last_received_at=at(1)))
    assert a.id == b.id == followup_id("linkedin:anna", "reply", at(2)) and a.id != c.id


def test_done_and_snooze():
    c = anna(last_received_at=at(2))
    fid = one(c).id
    assert due([c], S, TODAY, UTC, {fid: Mark("done")}) == []
    snoozed = {fid: Mark("snoozed", TODAY + timedelta(days=2))}
    assert due([c], S, TODAY, UTC, snoozed) == []
    assert everything([c], S, TODAY, UTC, snoozed)[0].status == "snoozed"
    back = due([c], S, TODAY + timedelta(days=2), UTC, snoozed)
    assert back[0].id == fid and back[0].due == TODAY + timedelta(days=2)


def test_a_new_message_from_them_after_done_makes_a_new_followup():
    first = one(anna(last_received_at=at(3)))
    later = plan(anna(last_received_at=at(1)), S, TODAY, UTC, {first.id: Mark("done")})
    assert later is not None and later.id != first.id


def test_today_is_the_local_date():
    # 23:30 UTC on the 24th is already the 25th in Berlin.
    c = anna(last_received_at=datetime(2026, 11, 24, 23, 30, tzinfo=UTC))
    berlin = timezone(timedelta(hours=1))
    assert one(c).due == date(2026, 11, 24)
    assert due([c], S, TODAY, berlin)[0].due == date(2026, 11, 25)


def test_windows_come_from_the_settings():
    c = anna(connected_at=at(2))
    assert due([c], Settings(say_hello_days=5), TODAY, UTC) == []


def test_ancient_history_goes_stale_but_cadences_do_not():
    assert one(anna(connected_at=at(400))) is None
    assert one(anna(last_received_at=at(400))) is None
    assert one(anna(last_sent_at=at(400), unanswered_in_a_row=1, keep_in_touch_days=30)).kind == "keep_in_touch"


def test_no_name_still_reads_well():
    c = ContactSummary(key="linkedin:x", profile_url="u", last_received_at=at(1))
    f = one(c)
    assert f.reason == "They wrote yesterday — reply today." and f.suggestion.startswith("Hi there")
