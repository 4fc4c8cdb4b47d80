"""The companion's HTTP API, as the extension uses it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import askfirst

from conftest import EXTENSION


def ago(**kw) -> str:
    return (datetime.now(timezone.utc) - timedelta(**kw)).isoformat()


def event(id, type, at, url="https://www.linkedin.com/in/anna-schmidt/", **extra):
    return {"id": id, "type": type, "at": at,
            "recipient": {"profile_url": url, "name": "Anna Schmidt", "headline": "CTO at Example"}, **extra}


def test_health_answers_without_a_token_and_says_whether_paired(client, app):
    r = client.get("/api/v1/health")
    assert r.status_code == 200
    assert r.json == {"status": "ok", "version": askfirst.__version__, "paired": False}


def test_pairing_exchanges_the_code_for_a_token_and_pins_the_origin(client, app, token):
    assert len(token) == 64 and int(token, 16) >= 0  # 256 bits, hex
    assert client.get("/api/v1/health").json["paired"] is True
    assert app.extensions["askfirst"].pairing.origin == EXTENSION


def test_a_data_endpoint_needs_the_token(client, auth):
    assert client.get("/api/v1/settings").status_code == 401
    assert client.get("/api/v1/settings", headers=auth).status_code == 200


def test_requests_without_origin_and_with_the_token_are_allowed(client, token):
    r = client.get("/api/v1/contacts", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200 and r.json == {"contacts": []}


def test_the_paired_extension_gets_its_exact_origin_back(client, auth):
    r = client.get("/api/v1/settings", headers=auth)
    assert r.headers["Access-Control-Allow-Origin"] == EXTENSION
    assert "Origin" in r.headers["Vary"]
    assert "Access-Control-Allow-Credentials" not in r.headers


def test_a_preflight_from_the_paired_extension_is_answered(client, token):
    r = client.options("/api/v1/events", headers={
        "Origin": EXTENSION, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type",
        "Access-Control-Request-Private-Network": "true"})
    assert r.status_code in (200, 204)
    assert r.headers["Access-Control-Allow-Origin"] == EXTENSION
    assert "POST" in r.headers["Access-Control-Allow-Methods"]
    assert "authorization" in r.headers["Access-Control-Allow-Headers"].lower()
    assert "Access-Control-Allow-Private-Network" not in r.headers
    assert "Access-Control-Allow-Credentials" not in r.headers


def test_an_event_is_stored_once_by_its_id(client, auth, store):
    first = client.post("/api/v1/events", json=event("e1", "connected", ago(days=1)), headers=auth)
    assert first.status_code == 201 and first.json["created"] is True
    assert first.json["event"]["recipient"]["key"] == "linkedin:anna-schmidt"
    again = client.post("/api/v1/events", json=event("e1", "connected", ago(days=1)), headers=auth)
    assert again.status_code == 200 and again.json == {"created": False, "event": first.json["event"]}
    assert store.count("events") == 1


def test_message_text_is_not_stored_unless_the_user_opts_in(client, auth, store):
    client.post("/api/v1/events", json=event("s1", "message_sent", ago(hours=1), text="Hello Anna"), headers=auth)
    assert "text" not in store.event("s1")
    client.put("/api/v1/settings", json={"store_text": True}, headers=auth)
    client.post("/api/v1/events", json=event("s2", "message_sent", ago(hours=1), text="Hello again"), headers=auth)
    assert store.event("s2")["text"] == "Hello again"


def test_contacts_are_keyed_by_the_normalised_profile_url(client, auth):
    client.post("/api/v1/events", headers=auth,
                json=event("e1", "connected", ago(days=1), url="http://linkedin.com/in/Anna-Schmidt?trk=abc"))
    client.post("/api/v1/events", headers=auth,
                json=event("e2", "message_received", ago(hours=2), url="https://de.linkedin.com/in/anna-schmidt"))
    contacts = client.get("/api/v1/contacts", headers=auth).json["contacts"]
    assert [c["key"] for c in contacts] == ["linkedin:anna-schmidt"]
    assert contacts[0]["profile_url"] == "https://www.linkedin.com/in/anna-schmidt/"
    one = client.get("/api/v1/contacts/linkedin:anna-schmidt", headers=auth).json
    assert [e["id"] for e in one["events"]] == ["e1", "e2"]
    assert one["contact"]["name"] == "Anna Schmidt"
    assert [f["kind"] for f in one["followups"]] == ["reply"]


def test_an_unknown_contact_is_404(client, auth):
    r = client.get("/api/v1/contacts/linkedin:nobody", headers=auth)
    assert r.status_code == 404 and r.json["error"]["code"] == "unknown_contact"


def test_followups_list_who_wrote_to_you(client, auth):
    client.post("/api/v1/events", json=event("r1", "message_received", ago(days=2)), headers=auth)
    r = client.get("/api/v1/followups", headers=auth).json
    assert r["count"] == 1
    f = r["followups"][0]
    assert f["kind"] == "reply" and f["overdue"] is True
    assert f["reason"] == "Anna wrote 2 days ago — reply today."
    assert f["contact"] == {"key": "linkedin:anna-schmidt", "profile_url": "https://www.linkedin.com/in/anna-schmidt/",
                            "name": "Anna Schmidt", "headline": "CTO at Example"}
    assert f["suggestion"].startswith("Hi Anna")
    assert f["open_url"] == "https://www.linkedin.com/in/anna-schmidt/"


def test_replying_closes_the_reply_followup_by_itself(client, auth):
    client.post("/api/v1/events", json=event("r1", "message_received", ago(days=2)), headers=auth)
    client.post("/api/v1/events", json=event("s1", "message_sent", ago(minutes=1)), headers=auth)
    assert client.get("/api/v1/followups", headers=auth).json["count"] == 0


def test_followups_on_a_given_date(client, auth):
    client.post("/api/v1/events", json=event("c1", "connected", "2026-01-10T09:00:00+00:00"), headers=auth)
    before = client.get("/api/v1/followups?date=2026-01-11", headers=auth).json
    due = client.get("/api/v1/followups?date=2026-01-12", headers=auth).json
    assert before == {"date": "2026-01-11", "count": 0, "state": "all_done", "contacts": 1, "followups": []}
    assert [f["kind"] for f in due["followups"]] == ["say_hello"]
    assert due["followups"][0]["due"] == "2026-01-12" and due["followups"][0]["overdue"] is False


@pytest.mark.parametrize("day", ["0001-01-01", "1969-12-31", "9999-12-31"])
def test_followups_on_a_day_outside_the_calendar_are_422(client, auth, day):
    client.post("/api/v1/events", json=event("c1", "connected", "2026-01-10T09:00:00+00:00"), headers=auth)
    r = client.get(f"/api/v1/followups?date={day}", headers=auth)
    assert r.status_code == 422, r.get_data(as_text=True)
    assert r.json["error"]["field"] == "date"
    assert "between 1970-01-01 and 9998-12-31" in r.json["error"]["message"]


def test_the_horizon_holds_at_the_first_day_of_the_calendar():
    from datetime import date

    from askfirst.followups import horizon
    from askfirst.settings import Settings

    assert horizon(Settings(), date.min) == date.min + timedelta(days=1)
    assert horizon(Settings(), date(2026, 1, 10)) < date(2026, 1, 10)


def test_done_hides_a_followup_for_good(client, auth):
    client.post("/api/v1/events", json=event("r1", "message_received", ago(days=1)), headers=auth)
    fid = client.get("/api/v1/followups", headers=auth).json["followups"][0]["id"]
    r = client.post(f"/api/v1/followups/{fid}/done", headers=auth)
    assert r.status_code == 200 and r.json["followup"]["status"] == "done"
    assert client.get("/api/v1/followups", headers=auth).json["count"] == 0


def test_snooze_defaults_to_tomorrow(client, auth):
    client.post("/api/v1/events", json=event("r1", "message_received", ago(days=1)), headers=auth)
    fid = client.get("/api/v1/followups", headers=auth).json["followups"][0]["id"]
    r = client.post(f"/api/v1/followups/{fid}/snooze", headers=auth)
    tomorrow = (datetime.now(timezone.utc).date() + timedelta(days=1)).isoformat()
    assert r.json["followup"]["due"] == tomorrow and r.json["followup"]["status"] == "snoozed"
    assert client.get("/api/v1/followups", headers=auth).json["count"] == 0
    back = client.get(f"/api/v1/followups?date={tomorrow}", headers=auth).json["followups"]
    assert [f["id"] for f in back] == [fid]


def test_snooze_until_a_date(client, auth):
    client.post("/api/v1/events", json=event("r1", "message_received", ago(days=1)), headers=auth)
    fid = client.get("/api/v1/followups", headers=auth).json["followups"][0]["id"]
    until = (datetime.now(timezone.utc).date() + timedelta(days=5)).isoformat()
    r = client.post(f"/api/v1/followups/{fid}/snooze", json={"until": until}, headers=auth)
    assert r.json["followup"]["due"] == until
    bad = client.post(f"/api/v1/followups/{fid}/snooze", json={"until": "2001-01-01"}, headers=auth)
    assert bad.status_code == 422 and bad.json["error"]["field"] == "until"


def test_an_unknown_followup_is_404(client, auth):
    r = client.post("/api/v1/followups/fu_nope/done", headers=auth)
    assert r.status_code == 404


def test_settings_update_partially_and_return_everything(client, auth):
    defaults = client.get("/api/v1/settings", headers=auth).json
    assert defaults == {"wait_days": 3, "followup_days": 5, "say_hello_days": 2, "nudge_days": 7,
                        "max_nudges": 1, "store_text": False, "time_zone": None,
                        "sites": {"linkedin": True, "x": True, "messenger": True}}
    r = client.put("/api/v1/settings", json={"wait_days": 5, "sites": {"x": False}}, headers=auth)
    assert r.json == {**defaults, "wait_days": 5, "sites": {"linkedin": True, "x": False, "messenger": True}}
    assert client.get("/api/v1/settings", headers=auth).json == r.json


def test_bad_settings_name_the_field(client, auth):
    for body, field in [({"wait_days": "3"}, "wait_days"), ({"max_nudges": 2.5}, "max_nudges"),
                        ({"store_text": 1}, "store_text"), ({"sites": {"myspace": True}}, "sites.myspace"),
                        ({"colour": "red"}, "colour"), ({"wait_days": -1}, "wait_days"),
                        ({"time_zone": "Mars/Olympus"}, "time_zone"), ({"time_zone": "../../etc/passwd"}, "time_zone"),
                        ({"time_zone": 1}, "time_zone")]:
        r = client.put("/api/v1/settings", json=body, headers=auth)
        assert r.status_code == 422 and r.json["error"]["field"] == field, body


def test_keep_in_touch_cadence_per_contact(client, auth):
    client.post("/api/v1/events", json=event("s1", "message_sent", ago(days=100)), headers=auth)
    client.post("/api/v1/events", json=event("r1", "message_received", ago(days=95)), headers=auth)
    client.post("/api/v1/events", json=event("s2", "message_sent", ago(days=91)), headers=auth)
    assert client.get("/api/v1/followups", headers=auth).json["count"] == 0
    r = client.put("/api/v1/contacts/linkedin:anna-schmidt", json={"keep_in_touch_days": 90}, headers=auth)
    assert r.json["contact"]["keep_in_touch_days"] == 90
    [f] = client.get("/api/v1/followups", headers=auth).json["followups"]
    assert f["kind"] == "keep_in_touch" and f["reason"] == "You last talked 3 months ago — catch up today."


def test_analyze_returns_the_result_of_the_engine(client, auth):
    r = client.post("/api/v1/analyze", headers=auth, json={
        "text": "Congratulations on the new role, Anna! How are you finding it so far?",
        "kind": "message", "site": "linkedin",
        "recipient": {"profile_url": "https://www.linkedin.com/in/anna-schmidt/", "name": "Anna Schmidt",
                      "headline": "CTO"}})
    assert r.status_code == 200
    assert r.json["verdict"] == "ok"
    assert {"verdict", "score", "headline", "findings", "metrics", "context"} <= set(r.json)


def test_the_empty_popup_knows_nothing_was_imported_from_all_done(client, auth):
    empty = client.get("/api/v1/followups", headers=auth).json
    assert (empty["state"], empty["contacts"], empty["count"]) == ("no_contacts", 0, 0)
    client.post("/api/v1/events", json=event("r1", "message_received", ago(days=2)), headers=auth)
    assert client.get("/api/v1/followups", headers=auth).json["state"] == "due"
    client.post("/api/v1/events", json=event("s1", "message_sent", ago(minutes=1)), headers=auth)
    done = client.get("/api/v1/followups", headers=auth).json
    assert (done["state"], done["contacts"], done["count"]) == ("all_done", 1, 0)


def test_a_time_zone_setting_moves_today(client, auth):
    r = client.put("/api/v1/settings", json={"time_zone": "Pacific/Kiritimati"}, headers=auth)
    assert r.status_code == 200 and r.json["time_zone"] == "Pacific/Kiritimati"
    assert client.put("/api/v1/settings", json={"time_zone": None}, headers=auth).json["time_zone"] is None


def test_an_unchanged_followups_list_answers_304(client, auth):
    first = client.get("/api/v1/followups", headers=auth)
    tag = first.headers["ETag"]
    again = client.get("/api/v1/followups", headers={**auth, "If-None-Match": tag})
    assert again.status_code == 304 and again.data == b""
    client.post("/api/v1/events", json=event("r1", "message_received", ago(days=1)), headers=auth)
    changed = client.get("/api/v1/followups", headers={**auth, "If-None-Match": tag})
    assert changed.status_code == 200 and changed.json["count"] == 1 and changed.headers["ETag"] != tag


@pytest.mark.parametrize("settings", [{}, {"max_nudges": 0}, {"max_nudges": 2}, {"followup_days": 9},
                                      {"nudge_days": 2, "followup_days": 4}, {"wait_days": 20}])
def test_over_http_the_popup_never_offers_what_the_panel_calls_wait(client, auth, settings):
    assert client.put("/api/v1/settings", json=settings, headers=auth).status_code == 200
    for n, days in enumerate((30, 20, 12)):  # three messages of yours, none answered
        client.post("/api/v1/events", json=event(f"s{n}", "message_sent", ago(days=days, hours=1)), headers=auth)
    client.post("/api/v1/events", json=event("c1", "connected", ago(days=40)), headers=auth)
    offered: list[bool] = []
    for unanswered in (3, 2, 1):
        due = client.get("/api/v1/followups", headers=auth).json["followups"]
        panel = client.post("/api/v1/analyze", headers=auth, json={
            "text": due[0]["suggestion"] if due else "Hi Anna, how are things going on your side?",
            "kind": "message", "recipient": {"profile_url": "https://www.linkedin.com/in/anna-schmidt/",
                                             "name": "Anna Schmidt"}}).json
        assert panel["context"]["unanswered_in_a_row"] == unanswered
        if due:
            assert panel["verdict"] == "ok", (settings, unanswered, due[0], panel["headline"])
        offered.append(bool(due))
        # Anna answers the oldest unanswered message: one fewer in the streak.
        client.post("/api/v1/events", json=event(f"r{unanswered}", "message_received",
                                                 ago(days=(30, 20, 12)[3 - unanswered], hours=0)), headers=auth)
    assert any(offered) == (settings.get("max_nudges", 1) > 0)  # the check above did run
