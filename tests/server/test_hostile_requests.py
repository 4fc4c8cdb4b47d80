"""A battery of hostile requests: each is refused with the right status, gets no
CORS grant, changes nothing, and none of them ever produces a 500."""

from __future__ import annotations

import base64
import io
import json
import logging
import random
from datetime import datetime, timezone

import pytest

from askfirst import pairing as pairing_module
from askfirst.app import create_app
from askfirst.pairing import new_code

from conftest import EXTENSION, PORT, LocalClient

NOW = datetime.now(timezone.utc).isoformat()
EVENT = {"id": "x1", "type": "message_sent", "at": NOW,
         "recipient": {"profile_url": "https://www.linkedin.com/in/victim/"}}


def snapshot(store) -> tuple:
    return (store.count("contacts"), store.count("events"), store.count("followup_marks"),
            store.settings(), store.events())


def assert_refused(r, status: int, code: str | None = None) -> None:
    assert r.status_code == status, (r.status_code, r.get_data(as_text=True))
    assert r.is_json and "error" in r.json
    if code:
        assert r.json["error"]["code"] == code
    assert not [h for h in r.headers.keys() if h.lower().startswith("access-control-")]
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Cache-Control"] == "no-store"


WRITES = [
    ("POST", "/api/v1/events", EVENT),
    ("PUT", "/api/v1/settings", {"store_text": True, "wait_days": 0}),
    ("POST", "/api/v1/analyze", {"text": "hello", "kind": "message"}),
]
READS = ["/api/v1/contacts", "/api/v1/settings", "/api/v1/followups", "/api/v1/contacts/linkedin:victim"]


# -- DNS rebinding: the Host header -------------------------------------------------------------

FOREIGN_HOSTS = ["evil.com", f"evil.com:{PORT}", f"localhost.evil.com:{PORT}", f"127.0.0.1.nip.io:{PORT}",
                 f"0.0.0.0:{PORT}", f":{PORT}", f"127.0.0.1:{PORT + 1}", "127.0.0.1", "localhost",
                 f"192.168.1.10:{PORT}", f"[::ffff:127.0.0.1]:{PORT}", f"attacker.test:{PORT}"]


@pytest.mark.parametrize("host", FOREIGN_HOSTS)
def test_a_foreign_host_is_refused_before_any_route(client, auth, store, host):
    before = snapshot(store)
    for method, path, body in WRITES:
        assert_refused(client.open(path, method=method, json=body, headers=auth,
                                   environ_overrides={"HTTP_HOST": host}), 403, "forbidden_host")
    for path in READS + ["/api/v1/health", "/no/such/page"]:
        assert_refused(client.get(path, headers=auth, environ_overrides={"HTTP_HOST": host}), 403)
    assert_refused(client.options("/api/v1/events", headers={"Origin": EXTENSION},
                                  environ_overrides={"HTTP_HOST": host}), 403)
    assert snapshot(store) == before


def test_a_request_without_host_is_refused(client, auth):
    r = client.get("/api/v1/health", environ_overrides={"HTTP_HOST": ""})
    assert_refused(r, 403, "forbidden_host")


@pytest.mark.parametrize("host", [f"127.0.0.1:{PORT}", f"localhost:{PORT}", f"[::1]:{PORT}", f"LOCALHOST:{PORT}"])
def test_loopback_hosts_pass(client, auth, host):
    assert client.get("/api/v1/settings", headers=auth, environ_overrides={"HTTP_HOST": host}).status_code == 200


def test_a_rebinding_page_with_origin_equal_to_host_is_refused(client, token):
    headers = {"Origin": f"http://attacker.test:{PORT}", "Authorization": f"Bearer {token}"}
    r = client.get("/api/v1/contacts", headers=headers, environ_overrides={"HTTP_HOST": f"attacker.test:{PORT}"})
    assert_refused(r, 403)


# -- Origins -------------------------------------------------------------------------------------

HOSTILE_ORIGINS = [
    "https://evil.com", "http://evil.com", f"http://127.0.0.1:{PORT}", f"http://localhost:{PORT}", "null",
    "https://www.linkedin.com", "chrome-extension://bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
    "moz-extension://0b5e1f1c-2f5b-4a5e-9e1e-123456789abc", "file://", "",
    EXTENSION + ".evil.com", EXTENSION + "x", EXTENSION + "/path", EXTENSION + "/", EXTENSION + ":443",
    EXTENSION.upper(), "Chrome-Extension://abcdefghijklmnopabcdefghijklmnop", " " + EXTENSION,
]


@pytest.mark.parametrize("origin", HOSTILE_ORIGINS)
def test_web_and_foreign_origins_are_refused_whatever_the_token(client, token, store, origin):
    headers = {"Origin": origin, "Authorization": f"Bearer {token}"}
    before = snapshot(store)
    for method, path, body in WRITES:
        assert_refused(client.open(path, method=method, json=body, headers=headers), 403, "forbidden_origin")
    for path in READS:
        assert_refused(client.get(path, headers=headers), 403, "forbidden_origin")
    preflight = client.options("/api/v1/events", headers={
        "Origin": origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization", "Access-Control-Request-Private-Network": "true"})
    assert_refused(preflight, 403)
    assert snapshot(store) == before


@pytest.mark.parametrize("origin", ["https://evil.com", "null", f"http://127.0.0.1:{PORT}"])
def test_a_web_page_cannot_even_try_a_pairing_code(client, app, origin):
    code = new_code(app.extensions["askfirst"].root).code
    assert_refused(client.post("/api/v1/pair", json={"code": code}, headers={"Origin": origin}), 403)
    assert client.get("/api/v1/health").json["paired"] is False


def test_pairing_without_origin_pins_no_extension(client, app):
    from conftest import pair
    token = pair(client, app, origin=None)
    r = client.get("/api/v1/settings", headers={"Authorization": f"Bearer {token}", "Origin": EXTENSION})
    assert_refused(r, 403)


# -- The token ------------------------------------------------------------------------------------

def test_the_token_in_the_query_string_is_refused(client, token, store):
    before = snapshot(store)
    assert_refused(client.get(f"/api/v1/contacts?token={token}"), 401, "token_in_url")
    assert_refused(client.get(f"/api/v1/contacts?access_token={token}"), 401)
    assert_refused(client.post(f"/api/v1/events?token={token}", json=EVENT,
                               headers={"Authorization": f"Bearer {token}"}), 401)
    assert snapshot(store) == before


@pytest.mark.parametrize("value", [None, "Bearer", "Bearer ", "Bearer wrong", "Token {t}", "Basic {b}",
                                   "Bearer {t}x", "Bearer {T}", "{t}", "Bearer \u00e9{t}"])
def test_anything_but_the_bearer_token_is_401(client, token, store, value):
    headers = {}
    if value is not None:
        b = base64.b64encode(f"user:{token}".encode()).decode()
        headers["Authorization"] = value.format(t=token, T=token.upper(), b=b)
    before = snapshot(store)
    assert_refused(client.post("/api/v1/events", json=EVENT, headers=headers), 401, "unauthorized")
    assert_refused(client.get("/api/v1/contacts", headers=headers), 401, "unauthorized")
    assert snapshot(store) == before


def test_unknown_paths_need_the_token_too(client, auth):
    assert_refused(client.get("/api/v1/nothing-here"), 401)
    assert client.get("/api/v1/nothing-here", headers=auth).status_code == 404


def test_tokens_are_compared_in_constant_time(client, token, monkeypatch):
    """Every presented token, right or wrong, of any length, goes whole through
    compare_digest against the real one: no `==` or early exit first."""
    compared: list[set[bytes]] = []
    real = pairing_module.hmac.compare_digest

    def spy(a, b):
        compared.append({bytes(a) if not isinstance(a, str) else a.encode(),
                         bytes(b) if not isinstance(b, str) else b.encode()})
        return real(a, b)

    monkeypatch.setattr(pairing_module.hmac, "compare_digest", spy)
    flipped = token[:-1] + ("0" if token[-1] != "0" else "1")
    for presented, status in [(token, 200), (flipped, 401), ("x" * 5, 401), ("x" + token, 401)]:
        compared.clear()
        r = client.get("/api/v1/settings", headers={"Authorization": f"Bearer {presented}"})
        assert r.status_code == status, presented
        assert {presented.encode(), token.encode()} in compared, f"{presented!r} was not compared in constant time"


def test_the_token_never_appears_in_a_response_or_a_log(client, app, auth, token, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    responses = [
        client.get("/api/v1/health"), client.get("/api/v1/settings", headers=auth),
        client.post("/api/v1/events", json=EVENT, headers=auth),
        client.get(f"/api/v1/contacts?token={token}"),
        client.get("/api/v1/contacts", headers={**auth, "Origin": "https://evil.com"}),
        client.post("/api/v1/analyze", data="{", content_type="application/json", headers=auth),
    ]
    for r in responses:
        assert token not in r.get_data(as_text=True)
        assert token not in str(r.headers)
    assert token not in caplog.text
    out = capsys.readouterr()
    assert token not in out.out + out.err


# -- Bodies ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x", "application/xml", "text/json"])
def test_form_shaped_bodies_are_415(client, auth, store, content_type):
    before = snapshot(store)
    for method, path, body in WRITES:
        r = client.open(path, method=method, data=json.dumps(body), content_type=content_type, headers=auth)
        assert_refused_same_origin(r, 415)
    assert snapshot(store) == before


def assert_refused_same_origin(r, status):
    assert r.status_code == status, r.get_data(as_text=True)
    assert r.is_json and r.headers["X-Content-Type-Options"] == "nosniff"


def test_a_pairing_form_post_is_415(client, app):
    code = new_code(app.extensions["askfirst"].root).code
    r = client.post("/api/v1/pair", data=f"code={code}", content_type="application/x-www-form-urlencoded")
    assert r.status_code == 415
    assert client.get("/api/v1/health").json["paired"] is False


def test_a_body_over_64_kib_is_413(client, auth, store):
    before = snapshot(store)
    big = json.dumps({**EVENT, "note": "x" * (64 * 1024)})
    r = client.post("/api/v1/events", data=big, content_type="application/json", headers=auth)
    assert_refused_same_origin(r, 413)
    exactly_over = b"{" + b" " * (64 * 1024 - 1) + b"}"
    assert client.post("/api/v1/analyze", data=exactly_over, content_type="application/json",
                       headers=auth).status_code == 413
    assert snapshot(store) == before


def test_a_body_without_content_length_is_capped(client, auth, store):
    # As a server that de-chunks a request presents it: a terminated stream of unknown length.
    big = b'{"text": "' + b"a" * (100 * 1024) + b'"}'
    r = client.post("/api/v1/analyze", input_stream=io.BytesIO(big), content_type="application/json",
                    headers={**auth, "Transfer-Encoding": "chunked"},
                    environ_overrides={"wsgi.input_terminated": True})
    assert r.status_code == 413


def test_a_draft_over_20000_characters_is_422(client, auth):
    body = json.dumps({"text": "é" * 20_001, "kind": "message"}, ensure_ascii=False).encode()
    r = client.post("/api/v1/analyze", data=body, content_type="application/json", headers=auth)
    assert r.status_code == 422 and r.json["error"]["field"] == "text"
    ok = client.post("/api/v1/analyze", json={"text": "Hi! " * 5000, "kind": "message"}, headers=auth)
    assert ok.status_code == 200


@pytest.mark.parametrize("raw", [b"{", b"{'a': 1}", b"[]", b'"text"', b"null", b"\xff\xfe", b"NaN",
                                 b'{"text": NaN}', b"[" * 5000 + b"]" * 5000])
def test_malformed_json_is_400(client, auth, store, raw):
    before = snapshot(store)
    for method, path, _ in WRITES:
        r = client.open(path, method=method, data=raw, content_type="application/json", headers=auth)
        assert r.status_code == 400 and r.json["error"]["code"] == "malformed_json", (path, raw)
    assert snapshot(store) == before


@pytest.mark.parametrize("change,field", [
    ({"id": 5}, "id"), ({"id": ""}, "id"), ({"id": "x" * 201}, "id"), ({"id": "a\nb"}, "id"),
    ({"type": "poke"}, "type"), ({"type": None}, "type"),
    ({"at": "2026-11-25T10:00:00"}, "at"), ({"at": "2026-11-25"}, "at"), ({"at": "yesterday"}, "at"),
    ({"at": 1764064800}, "at"), ({"at": "2026-13-45T10:00:00+00:00"}, "at"), ({"at": "2999-01-01T00:00:00Z"}, "at"),
    ({"recipient": None}, "recipient"), ({"recipient": "anna"}, "recipient"),
    ({"recipient": {}}, "recipient.profile_url"),
    ({"recipient": {"profile_url": "https://evil.com/in/anna"}}, "recipient.profile_url"),
    ({"recipient": {"profile_url": "javascript:alert(1)"}}, "recipient.profile_url"),
    ({"recipient": {"profile_url": "https://www.linkedin.com/feed/"}}, "recipient.profile_url"),
    ({"recipient": {"profile_url": "https://www.linkedin.com/in/a/", "name": 7}}, "recipient.name"),
    ({"verdict": "great"}, "verdict"), ({"score": "50"}, "score"), ({"score": 101}, "score"),
    ({"score": True}, "score"), ({"text": ["a"]}, "text"), ({"thread_url": "javascript:x"}, "thread_url"),
])
def test_invalid_event_fields_are_422_with_the_field(client, auth, store, change, field):
    r = client.post("/api/v1/events", json={**EVENT, **change}, headers=auth)
    assert r.status_code == 422, r.json
    assert r.json["error"]["code"] == "invalid_field" and r.json["error"]["field"] == field
    assert r.json["error"]["message"]
    assert store.count("events") == 0 and store.count("contacts") == 0


@pytest.mark.parametrize("body,field", [({"text": 5}, "text"), ({"kind": "message"}, "text"),
                                        ({"text": "hi", "kind": "tweet"}, "kind"),
                                        ({"text": "hi", "recipient": "anna"}, "recipient"),
                                        ({"text": "hi", "recipient": {"profile_url": "nope"}}, "recipient.profile_url")])
def test_invalid_analyze_fields_are_422(client, auth, body, field):
    r = client.post("/api/v1/analyze", json=body, headers=auth)
    assert r.status_code == 422 and r.json["error"]["field"] == field


# -- Pairing brute force -------------------------------------------------------------------------

def test_five_wrong_codes_burn_the_code(client, app):
    code = new_code(app.extensions["askfirst"].root).code
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    statuses = [client.post("/api/v1/pair", json={"code": wrong}).status_code for _ in range(5)]
    assert statuses == [401, 401, 401, 401, 429]
    r = client.post("/api/v1/pair", json={"code": code})
    assert r.status_code == 429 and "token" not in r.json
    assert client.get("/api/v1/health").json["paired"] is False


def test_brute_force_with_many_guesses_never_pairs(client, app):
    new_code(app.extensions["askfirst"].root)
    statuses = {client.post("/api/v1/pair", json={"code": f"{n:06d}"}).status_code for n in range(50)}
    assert 200 not in statuses and 429 in statuses


# -- Never a 500 ---------------------------------------------------------------------------------

def junk_values(rng: random.Random):
    return [None, True, 0, -1, 10**30, 1.5, "", "x" * 300, "\u0000", "\ud800", "2026-11-25T10:00:00Z",
            "https://www.linkedin.com/in/x/", [], [1, "a"], {}, {"profile_url": rng.choice([None, 5, "x", []])},
            {"a": {"b": {"c": []}}}, "linkedin:x", "../../etc/passwd", "%00", "<script>"]


FIELDS = ["id", "type", "at", "recipient", "text", "kind", "site", "verdict", "score", "thread_url", "place",
          "note", "code", "until", "wait_days", "sites", "store_text", "max_nudges", "keep_in_touch_days"]


def test_every_route_survives_junk_without_a_500(client, app, auth):
    rng = random.Random(20261125)
    paths = ["/api/v1/health", "/api/v1/pair", "/api/v1/analyze", "/api/v1/events", "/api/v1/followups",
             "/api/v1/followups/fu_x/done", "/api/v1/followups/fu_x/snooze", "/api/v1/contacts",
             "/api/v1/contacts/linkedin:x", "/api/v1/contacts/%00", "/api/v1/contacts/x:", "/api/v1/settings",
             "/api/v1/followups?date=2026-02-30", "/api/v1/followups?date=%ff", "/api/v1/contacts?limit=-1",
             "/api/v1/contacts?limit=99999999999999999999", "/", "/api/v1/"]
    seen = set()
    for _ in range(1500):
        path = rng.choice(paths)
        method = rng.choice(["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"])
        body = {f: rng.choice(junk_values(rng)) for f in rng.sample(FIELDS, rng.randint(0, 6))}
        raw = rng.choice([json.dumps(body), json.dumps(body)[: rng.randint(0, 40)], "", "[]",
                          bytes(rng.randrange(256) for _ in range(20)).decode("latin-1")])
        headers = dict(auth) if rng.random() < 0.8 else {}
        if rng.random() < 0.1:
            headers["Origin"] = rng.choice(["null", "https://evil.com", EXTENSION])
        r = client.open(path, method=method, data=raw.encode("utf-8", "surrogatepass"),
                        content_type=rng.choice(["application/json", "application/json; charset=utf-8",
                                                 "text/plain", None]), headers=headers)
        assert r.status_code < 500, (method, path, raw, r.get_data(as_text=True))
        assert r.headers["X-Content-Type-Options"] == "nosniff" and r.headers["Cache-Control"] == "no-store"
        seen.add(r.status_code)
    assert {200, 400, 401, 404, 415, 422} <= seen


def test_an_unexpected_error_is_a_json_500_that_reveals_nothing(data_dir, caplog):
    app = create_app(data_dir, port=PORT)

    @app.get("/api/v1/boom")
    def boom():
        raise RuntimeError("secret detail /home/user/.db")

    app.test_client_class = LocalClient
    r = app.test_client().get("/api/v1/boom", headers={"Authorization": "Bearer x"})
    assert r.status_code == 401  # unauthenticated requests never reach it
    from conftest import pair
    token = pair(app.test_client(), app)
    r = app.test_client().get("/api/v1/boom", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 500
    assert r.json["error"]["code"] == "internal_error"
    assert "secret" not in r.get_data(as_text=True) and "Traceback" not in r.get_data(as_text=True)
    assert r.headers["X-Content-Type-Options"] == "nosniff" and r.headers["Cache-Control"] == "no-store"
    app.extensions["askfirst"].store.close()


def test_the_app_is_never_in_debug_mode(app):
    assert app.debug is False and app.testing is False
    assert not app.config["PROPAGATE_EXCEPTIONS"]


def test_every_response_carries_the_security_headers(client, auth):
    responses = [client.get("/api/v1/health"), client.get("/api/v1/settings"),
                 client.get("/api/v1/settings", headers=auth), client.get("/x", headers=auth),
                 client.delete("/api/v1/settings", headers=auth),
                 client.get("/api/v1/health", environ_overrides={"HTTP_HOST": "evil.com"})]
    assert {r.status_code for r in responses} == {200, 401, 404, 405, 403}
    for r in responses:
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert r.headers["Cache-Control"] == "no-store"
        assert r.headers["Content-Type"] == "application/json"


@pytest.mark.parametrize("field, value", [
    ("thread_url", "https://www.linkedin.com/messaging/thread/1/\r\nATTENDEE:mailto:evil@example.com"),
    ("thread_url", "https://evil.example/linkedin.com/messaging/"),
    ("thread_url", "https://user@www.linkedin.com/messaging/thread/1/"),
    ("thread_url", "https://www.linkedin.com:abc/messaging/"),
    ("thread_url", "https://www.linkedin.com/messaging/thread/1 2/"),
    ("place", "Boston\r\nEND:VEVENT"),
    ("id", "e1\u2028"),
])
def test_event_fields_are_validated_for_what_they_are(client, auth, store, field, value):
    body = {"id": "e1", "type": "met", "at": "2026-03-01T10:00:00Z",
            "recipient": {"profile_url": "https://www.linkedin.com/in/anna/"}, field: value}
    r = client.post("/api/v1/events", json=body, headers=auth)
    assert r.status_code == 422 and r.json["error"]["field"] == field
    assert store.count("events") == 0


def test_a_recipient_name_with_a_line_break_is_refused(client, auth, store):
    body = {"id": "e1", "type": "met", "at": "2026-03-01T10:00:00Z",
            "recipient": {"profile_url": "https://www.linkedin.com/in/anna/", "name": "Anna\nBEGIN:VEVENT"}}
    r = client.post("/api/v1/events", json=body, headers=auth)
    assert r.status_code == 422 and r.json["error"]["field"] == "recipient.name"


def test_a_multiline_note_is_fine(client, auth):
    body = {"id": "e1", "type": "note", "at": "2026-03-01T10:00:00Z", "note": "likes sailing\nand tea\ttoo",
            "recipient": {"profile_url": "https://www.linkedin.com/in/anna/"}}
    assert client.post("/api/v1/events", json=body, headers=auth).status_code == 201
