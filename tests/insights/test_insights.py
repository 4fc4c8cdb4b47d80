"""insights.compute over hand-made histories: which messages count, the 7-day window, the
weekly rows, follow-ups on time and holds; and the API's hold/asked fields on events."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from askfirst import insights
from askfirst.app import create_app
from askfirst.settings import Settings

UTC = timezone.utc
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # a Monday


def ev(kind: str, who: str, at: datetime, **extra) -> dict:
    return {"type": kind, "at": at.isoformat(), "recipient": {"key": f"linkedin:{who}"}, **extra}


def report(events: list[dict]) -> dict:
    return insights.compute(insights.rows_from_events(events), Settings(), now=NOW, tz=UTC)


def rate(r: dict, group: str, key: str) -> tuple:
    row = next(x for x in r["reply_rates"][group] if x["key"] == key)
    return row["messages"], row["replied"], row["percent"], row["few"]


def test_openers_and_follow_ups_count_answers_to_them_do_not():
    t = NOW - timedelta(days=30)
    r = report([
        ev("message_sent", "a", t, verdict="pitch_heavy", asked=False),              # opener, no reply
        ev("message_sent", "a", t + timedelta(days=8), verdict="ok", asked=True),    # follow-up, replied
        ev("message_received", "a", t + timedelta(days=9)),
        ev("message_sent", "a", t + timedelta(days=9, hours=1), verdict="ok", asked=True),  # an answer: not counted
        ev("message_sent", "b", t, verdict="ok", asked=True),                         # reply after 8 days: too late
        ev("message_received", "b", t + timedelta(days=8)),
        ev("message_sent", "c", NOW - timedelta(days=2), verdict="ok"),               # younger than 7 days
    ])
    assert r["reply_rates"]["overall"]["messages"] == 3
    assert r["reply_rates"]["overall"]["replied"] == 1
    assert rate(r, "by_verdict", "ok") == (2, 1, 50, True)
    assert rate(r, "by_verdict", "pitch_heavy") == (1, 0, 0, True)
    assert rate(r, "by_asked", "true") == (2, 1, 50, True)
    assert rate(r, "by_asked", "false") == (1, 0, 0, True)
    assert r["reply_rates"]["still_open"] == 1


def test_twenty_messages_are_enough_to_drop_the_warning():
    events = [ev("message_sent", f"p{i}", NOW - timedelta(days=10), verdict="ok", asked=True) for i in range(20)]
    assert rate(report(events), "by_asked", "true")[3] is False


def test_weeks_carry_sent_median_score_asked_replies_and_holds():
    monday = date(2026, 11, 23)
    t = datetime(2026, 11, 24, 10, tzinfo=UTC)
    r = report([
        ev("message_sent", "a", t, score=10, asked=True, hold="edited"),
        ev("message_sent", "b", t, score=30, asked=False, hold="sent_anyway"),
        ev("message_sent", "c", t, score=80),
        ev("message_received", "a", t + timedelta(hours=3)),
    ])
    assert len(r["weeks"]) == 26 and r["weeks"][-1]["start"] == "2026-11-30"
    week = next(w for w in r["weeks"] if w["start"] == monday.isoformat())
    assert (week["sent"], week["median_score"], week["asked"], week["asked_known"]) == (3, 30, 1, 2)
    assert (week["replies"], week["holds"], week["sent_anyway"], week["edited"]) == (1, 2, 1, 1)


def test_follow_ups_done_on_time_are_replayed_from_the_history():
    c1 = datetime(2026, 11, 2, 9, tzinfo=UTC)  # say hello due Nov 4
    r = report([
        ev("connected", "early", c1),
        ev("message_sent", "early", c1 + timedelta(days=1)),     # on time
        ev("connected", "late", c1),
        ev("message_sent", "late", c1 + timedelta(days=5)),      # late
        ev("connected", "never", c1),                             # never: due and missed
    ])
    week = next(w for w in r["weeks"] if w["start"] == "2026-11-02")
    assert (week["followups_due"], week["followups_on_time"]) == (3, 1)


def test_events_api_takes_hold_and_asked_on_sent_messages(tmp_path):
    app = create_app(tmp_path, port=8731)
    store = app.extensions["askfirst"].store
    from askfirst.api import payload

    with app.test_request_context(json={}):
        base = {"id": "h1", "type": "message_sent", "at": NOW.isoformat(),
                "recipient": {"profile_url": "https://www.linkedin.com/in/hold-api/"}}
        e = payload.event({**base, "hold": "sent_anyway", "asked": True})
        store.add_event(e)
        stored = store.event("h1")
        assert stored is not None and (stored["hold"], stored["asked"]) == ("sent_anyway", True)
        for bad in ({"hold": "maybe"}, {"asked": "yes"}, {"type": "message_received", "hold": "edited"}):
            try:
                payload.event({**base, **bad})
            except payload.ApiError as err:
                assert err.status == 422
            else:
                raise AssertionError(f"accepted {bad}")


def test_imported_messages_are_judged_with_the_timing_of_their_day():
    t = datetime(2026, 10, 1, 9, tzinfo=UTC)
    history = {("linkedin:a", "message_sent"): [t, t + timedelta(days=1)],
               ("linkedin:a", "message_received"): [t - timedelta(days=10)]}
    follow_up = insights.Unscored("f", "linkedin:a", "Just checking in on my note from yesterday, any thoughts?",
                                  t + timedelta(days=1), None)
    timing = insights.timing_at(follow_up, history, Settings())
    assert (timing.last_sent_at, timing.unanswered_in_a_row) == (t, 1)
    pitch = insights.Unscored("p", "linkedin:b", "We help companies like yours cut hiring costs by 40%. "
                              "Can we book a 15-minute demo call this week?", t, t - timedelta(days=1))
    scored = {i: (v, asked) for i, v, _, asked in insights.score([follow_up, pitch], Settings(), history)}
    assert scored["f"][0] == "wait"
    assert scored["p"] == ("premature", False)


def test_the_insights_route_counts_again_once_the_data_changes(tmp_path):
    from askfirst.pairing import new_code

    app = create_app(tmp_path, port=8731, tz=UTC)
    client = app.test_client()
    base = "http://127.0.0.1:8731"
    code = new_code(app.extensions["askfirst"].root).code
    token = client.post(f"{base}/api/v1/pair", json={"code": code}).get_json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    first = client.get(f"{base}/api/v1/insights", headers=headers).get_json()
    assert first["reply_rates"]["overall"]["messages"] == 0 and first["scoring"] is None
    at = (datetime.now(UTC) - timedelta(days=10)).isoformat()
    r = client.post(f"{base}/api/v1/events", headers=headers, json={
        "id": "route-1", "type": "message_sent", "at": at, "verdict": "ok", "asked": True,
        "recipient": {"profile_url": "https://www.linkedin.com/in/route-test/"}})
    assert r.status_code == 201, r.get_json()
    again = client.get(f"{base}/api/v1/insights", headers=headers).get_json()
    assert again["reply_rates"]["overall"]["messages"] == 1
    assert client.get(f"{base}/api/v1/insights").status_code == 401
    app.extensions["askfirst"].store.close()


def test_the_insights_command_counts_weeks_in_the_zone_from_settings(tmp_path, monkeypatch):
    import json
    import time
    from zoneinfo import ZoneInfo

    from click.testing import CliRunner

    from askfirst.cli import main
    from askfirst.profiles import normalise
    from askfirst.settings import merge
    from askfirst.store import NewEvent, Store

    # The computer is a day behind the zone chosen in settings (UTC-11 against UTC+14).
    monkeypatch.setenv("TZ", "Pacific/Pago_Pago")
    time.tzset()
    monkeypatch.setenv("ASKFIRST_DATA_DIR", str(tmp_path))
    try:
        zone = ZoneInfo("Pacific/Kiritimati")
        store = Store(tmp_path / "askfirst.db")
        store.save_settings(merge(store.settings(), {"time_zone": "Pacific/Kiritimati"}))
        today = datetime.now(zone).date()
        monday = today - timedelta(days=today.weekday() + 7)
        # Monday 00:30 in the chosen zone is still Saturday on the computer's clock.
        at = datetime.combine(monday, datetime.min.time(), zone) + timedelta(minutes=30)
        store.add_events([NewEvent("s1", "message_sent", at.astimezone(UTC),
                                   normalise("https://www.linkedin.com/in/zone-test/"))])
        store.close()
        out = CliRunner().invoke(main, ["insights", "--json"])
        assert out.exit_code == 0, out.output
        weeks = {w["start"]: w["sent"] for w in json.loads(out.output)["weeks"]}
        assert weeks[monday.isoformat()] == 1
    finally:
        monkeypatch.undo()
        time.tzset()


def test_imported_messages_are_judged_with_the_users_nudge_limit():
    from dataclasses import replace

    t = datetime(2026, 10, 1, 9, tzinfo=UTC)
    history = {("linkedin:a", "message_sent"): [t, t + timedelta(days=7), t + timedelta(days=14)]}
    third = insights.Unscored("n", "linkedin:a", "Hi Anna, I know things get busy. How are things going on your side?",
                              t + timedelta(days=14), None)
    two_nudges = replace(Settings(), max_nudges=2)
    assert insights.timing_at(third, history, two_nudges).max_nudges == 2
    verdicts = {n: next(insights.score([third], replace(Settings(), max_nudges=n), history))[1] for n in (1, 2)}
    assert verdicts[1] == "wait" and verdicts[2] != "wait"


def test_the_insights_route_needs_no_command_line_module():
    import subprocess
    import sys

    # The route reads the scoring progress from insights itself, never through the click CLI.
    probe = ("import sys, askfirst.api.insights, askfirst.api.payload, askfirst.insights as i; "
             "assert 'askfirst.cli.insights' not in sys.modules, 'cli loaded'; "
             "assert askfirst.api.payload.HOLD_OUTCOMES is i.HOLD_OUTCOMES, 'two lists'")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_scoring_progress_is_reported_until_all_is_counted(tmp_path):
    import os

    insights.write_progress(tmp_path, 10, 4)
    assert insights.scoring_status(tmp_path) == {"total": 10, "done": 4, "running": True}
    insights.write_progress(tmp_path, 10, 10, os.getpid())
    assert insights.scoring_status(tmp_path) is None


def test_the_analysis_keeps_one_list_of_kinds_written_to_one_person():
    from askfirst.analysis import engine, greeting, result

    assert engine.DIRECT_KINDS is greeting.DIRECT_KINDS is result.DIRECT_KINDS
    assert result.DIRECT_KINDS < set(result.KINDS)


def test_a_nudge_is_on_time_by_the_same_day_the_popup_gave_it():
    from dataclasses import replace

    # Nudge after 3 days, but the analysis calls a follow-up too soon for 5: the popup
    # shows the nudge from day 5, so a nudge on day 4 is not late.
    settings = replace(Settings(), nudge_days=3, followup_days=5)
    sent = datetime(2026, 11, 2, 9, tzinfo=UTC)
    events = [ev("message_sent", "a", sent), ev("message_sent", "a", sent + timedelta(days=4))]
    r = insights.compute(insights.rows_from_events(events), settings, now=NOW, tz=UTC)
    week = next(w for w in r["weeks"] if w["start"] == "2026-11-02")
    assert (week["followups_due"], week["followups_on_time"]) == (1, 1)


def test_a_connection_known_by_day_falls_due_from_that_day_in_the_users_zone():
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("Pacific/Kiritimati")  # UTC+14: the stored noon UTC is already the next day
    # An export says "connected on 2 Nov"; say hello is due 2 days later, on 4 Nov, as in the popup.
    connected = {**ev("connected", "a", datetime(2026, 11, 2, 12, tzinfo=UTC)), "day": "2026-11-02"}
    hello = ev("message_sent", "a", datetime(2026, 11, 5, 9, tzinfo=zone))
    r = insights.compute(insights.rows_from_events([connected, hello]), Settings(), now=NOW, tz=zone)
    week = next(w for w in r["weeks"] if w["start"] == "2026-11-02")
    assert (week["followups_due"], week["followups_on_time"]) == (1, 0)


def test_the_store_hands_insights_the_day_of_a_connection(tmp_path):
    from datetime import date

    from askfirst.profiles import normalise
    from askfirst.store import NewEvent, Store

    s = Store(tmp_path / "askfirst.db")
    try:
        s.add_event(NewEvent.on_day("c1", "connected", date(2026, 11, 2),
                                    normalise("https://www.linkedin.com/in/day-only/")))
        [row] = list(s.insight_rows())
        assert insights.Row(*row).day == "2026-11-02"
    finally:
        s.close()
