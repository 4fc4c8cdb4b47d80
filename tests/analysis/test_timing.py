"""premature and wait: the verdicts that depend on what happened before."""

from datetime import datetime, timedelta, timezone

from askfirst.analysis import analyze
from askfirst.timing import Timing

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=timezone.utc)  # a Wednesday
PITCH = "We help companies like yours cut cloud costs by 30%. Open to a quick demo on Friday?"
NUDGE = "Hi Sam, just following up on my note below. Any thoughts?"
GENUINE = "How did the launch go? I saw the write-up in TechCrunch."


def test_pitching_minutes_after_connecting_is_premature():
    timing = Timing(now=NOW, connected_at=NOW - timedelta(minutes=5))
    result = analyze(PITCH, "message", timing=timing)
    assert result.verdict == "premature"
    assert result.headline.startswith("You connected 5 minutes ago. Wait until Saturday")
    assert result.context["connected_at"] == (NOW - timedelta(minutes=5)).isoformat()
    assert result.context["wait_until"] == (NOW + timedelta(days=3) - timedelta(minutes=5)).isoformat()


def test_a_question_about_them_right_after_connecting_is_fine():
    timing = Timing(now=NOW, connected_at=NOW - timedelta(minutes=5))
    assert analyze(GENUINE, "message", timing=timing).verdict == "ok"


def test_pitching_after_the_waiting_window_is_only_pitch_heavy():
    timing = Timing(now=NOW, connected_at=NOW - timedelta(days=10))
    assert analyze(PITCH, "message", timing=timing).verdict == "pitch_heavy"


def test_meeting_in_person_starts_the_waiting_window_too():
    timing = Timing(now=NOW, met_at=NOW - timedelta(hours=20))
    result = analyze("Could you introduce me to your CFO?", "message", timing=timing)
    assert result.verdict == "premature"
    assert result.headline.startswith("You met 20 hours ago.")


def test_the_waiting_window_is_configurable():
    timing = Timing(now=NOW, connected_at=NOW - timedelta(days=2), wait_days=1)
    assert analyze(PITCH, "message", timing=timing).verdict == "pitch_heavy"


def test_following_up_a_day_after_your_unanswered_message_is_wait():
    timing = Timing(now=NOW, connected_at=NOW - timedelta(days=30), last_sent_at=NOW - timedelta(days=1),
                    unanswered_in_a_row=1)
    result = analyze(NUDGE, "message", timing=timing)
    assert result.verdict == "wait"
    assert result.headline == ("Your message from yesterday has no reply yet. Wait until Sunday, "
                               "or add something of value instead of repeating.")
    assert result.context["wait_until"] == (NOW + timedelta(days=4)).isoformat()


def test_a_third_message_without_reply_is_wait_even_after_the_interval():
    timing = Timing(now=NOW, last_sent_at=NOW - timedelta(days=12), unanswered_in_a_row=2)
    result = analyze(NUDGE, "message", timing=timing)
    assert result.verdict == "wait"
    assert any(f.rule == "wait.streak" for f in result.findings)


USEFUL_NUDGE = "Hi Sam, here is the fleet electrification report I mentioned: https://example.org/report. Hope it helps!"


def test_following_up_with_something_useful_after_the_interval_is_ok():
    timing = Timing(now=NOW, last_sent_at=NOW - timedelta(days=8), unanswered_in_a_row=1)
    assert analyze(USEFUL_NUDGE, "message", timing=timing).verdict == "ok"


def test_a_bare_nudge_after_the_interval_is_not_wait_but_asks_first():
    timing = Timing(now=NOW, last_sent_at=NOW - timedelta(days=8), unanswered_in_a_row=1)
    result = analyze(NUDGE, "message", timing=timing)
    assert result.verdict == "ask_first"
    assert result.headline.startswith("You ask for a reply")


def test_replying_to_someone_who_wrote_to_you_is_never_wait():
    timing = Timing(now=NOW, last_sent_at=NOW - timedelta(days=2), last_received_at=NOW - timedelta(hours=3))
    result = analyze("Thanks Sam! Happy to jump on a call Thursday.", "message", timing=timing)
    assert result.verdict == "ok"


def test_asking_in_a_reply_is_not_ask_first():
    timing = Timing(now=NOW, last_sent_at=NOW - timedelta(days=9), last_received_at=NOW - timedelta(hours=1))
    result = analyze("Could you send me 15 minutes of slots next week for a call?", "message", timing=timing)
    assert result.verdict == "ok"


def test_premature_comes_before_wait():
    timing = Timing(now=NOW, connected_at=NOW - timedelta(hours=1), last_sent_at=NOW - timedelta(minutes=30),
                    unanswered_in_a_row=1)
    assert analyze(PITCH, "message", timing=timing).verdict == "premature"


def test_posts_have_no_timing_verdicts():
    timing = Timing(now=NOW, connected_at=NOW - timedelta(minutes=5), last_sent_at=NOW - timedelta(hours=1),
                    unanswered_in_a_row=3)
    assert analyze("Thrilled to share our launch today!", "post", timing=timing).verdict == "ok"
