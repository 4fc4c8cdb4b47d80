"""Timing scenarios over HTTP: the store's facts about the recipient reach the verdict."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

ANNA = "https://www.linkedin.com/in/anna-schmidt/"
PITCH = ("Hi Anna, thanks for connecting! I'm the founder of GrowthLoop, we help SaaS teams double their "
         "pipeline. Do you have 15 minutes for a quick call next week?")
NUDGE = "Hi Anna, just following up on my message below. Did you get a chance to look at it?"
REPLY = "Thanks so much for the kind words, Anna! The Berlin meetup was great. How did your talk go?"


def ago(**kw) -> str:
    return (datetime.now(timezone.utc) - timedelta(**kw)).isoformat()


@pytest.fixture
def history(client, auth):
    counter = iter(range(1000))

    def add(type: str, **when) -> None:
        r = client.post("/api/v1/events", headers=auth, json={
            "id": f"h{next(counter)}", "type": type, "at": ago(**when),
            "recipient": {"profile_url": ANNA, "name": "Anna Schmidt"}})
        assert r.status_code == 201

    return add


def verdict(client, auth, text: str, kind: str = "message") -> dict:
    r = client.post("/api/v1/analyze", headers=auth, json={
        "text": text, "kind": kind, "site": "linkedin",
        "recipient": {"profile_url": "https://linkedin.com/in/Anna-Schmidt", "name": "Anna Schmidt"}})
    assert r.status_code == 200, r.json
    return r.json


def test_pitching_minutes_after_connecting_is_premature(client, auth, history):
    history("connected", minutes=5)
    result = verdict(client, auth, PITCH)
    assert result["verdict"] == "premature"
    assert result["context"]["connected_at"] is not None and result["context"]["wait_until"] is not None


def test_pitching_days_after_meeting_in_person_is_premature(client, auth, history):
    history("met", days=1)
    assert verdict(client, auth, PITCH)["verdict"] == "premature"


def test_the_same_pitch_to_an_old_connection_is_not_premature(client, auth, history):
    history("connected", days=40)
    assert verdict(client, auth, PITCH)["verdict"] != "premature"


def test_nudging_a_day_after_your_unanswered_message_is_wait(client, auth, history):
    history("connected", days=30)
    history("message_sent", days=1)
    result = verdict(client, auth, NUDGE)
    assert result["verdict"] == "wait"
    assert result["context"]["last_sent_at"] is not None


def test_two_unanswered_messages_in_a_row_is_wait(client, auth, history):
    history("connected", days=60)
    history("message_sent", days=20)
    history("message_sent", days=10)
    result = verdict(client, auth, NUDGE)
    assert result["verdict"] == "wait" and result["context"]["unanswered_in_a_row"] == 2


def test_replying_to_someone_who_wrote_is_not_wait(client, auth, history):
    history("connected", days=30)
    history("message_sent", days=3)
    history("message_received", hours=2)
    result = verdict(client, auth, REPLY)
    assert result["verdict"] == "ok"
    assert result["context"]["unanswered_in_a_row"] == 0


def test_a_stranger_with_no_history_gets_no_timing_verdict(client, auth):
    assert verdict(client, auth, REPLY)["verdict"] == "ok"


def test_the_waiting_window_comes_from_the_settings(client, auth, history):
    history("connected", days=4)
    assert verdict(client, auth, PITCH)["verdict"] != "premature"
    client.put("/api/v1/settings", json={"wait_days": 7}, headers=auth)
    assert verdict(client, auth, PITCH)["verdict"] == "premature"
