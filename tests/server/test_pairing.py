"""Pairing codes: 6 digits from `askfirst pair`, single use, 10 minutes, 5 tries."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from click.testing import CliRunner

from askfirst.cli import main
from askfirst.pairing import Pairing, PairingError, new_code
from askfirst.timing import utcnow
from askfirst.tokenstore import TokenStore

from conftest import EXTENSION, pair


def test_askfirst_pair_prints_a_code_the_server_accepts(client, data_dir, monkeypatch):
    monkeypatch.setenv("ASKFIRST_DATA_DIR", str(data_dir))
    out = CliRunner().invoke(main, ["pair", "--json"])
    assert out.exit_code == 0
    code = json.loads(out.output)
    assert len(code["code"]) == 6 and code["code"].isdigit()
    assert code["expires_at"]
    r = client.post("/api/v1/pair", json={"code": code["code"]}, headers={"Origin": EXTENSION})
    assert r.status_code == 200


def test_the_code_is_stored_only_as_a_hash(data_dir):
    code = new_code(data_dir)
    stored = (data_dir / "secrets" / "pairing-code.json").read_text()
    assert code.code not in stored


def test_a_code_works_once(client, app):
    code = new_code(app.extensions["askfirst"].root).code
    assert client.post("/api/v1/pair", json={"code": code}).status_code == 200
    r = client.post("/api/v1/pair", json={"code": code})
    assert r.status_code == 401 and r.json["error"]["code"] == "invalid_code"


def test_a_code_expires_after_ten_minutes(data_dir):
    pairing = Pairing(data_dir, TokenStore(data_dir))
    code = new_code(data_dir).code
    with pytest.raises(PairingError) as e:
        pairing.exchange(code, EXTENSION, now=utcnow() + timedelta(minutes=10, seconds=1))
    assert e.value.status == 401 and "expired" in e.value.message
    code = new_code(data_dir).code
    assert pairing.exchange(code, EXTENSION, now=utcnow() + timedelta(minutes=9, seconds=50))


def test_a_new_code_replaces_a_burned_one(client, app):
    root = app.extensions["askfirst"].root
    code = new_code(root).code
    for _ in range(5):
        client.post("/api/v1/pair", json={"code": "x" + code})
    assert client.post("/api/v1/pair", json={"code": code}).status_code == 429
    fresh = new_code(root).code
    assert client.post("/api/v1/pair", json={"code": fresh}).status_code == 200


def test_re_pairing_rotates_the_token(client, app):
    old = pair(client, app)
    new = pair(client, app)
    assert old != new
    assert client.get("/api/v1/settings", headers={"Authorization": f"Bearer {old}"}).status_code == 401
    assert client.get("/api/v1/settings", headers={"Authorization": f"Bearer {new}"}).status_code == 200


def test_re_pairing_from_another_extension_moves_the_pin(client, app):
    other = "moz-extension://0b5e1f1c-2f5b-4a5e-9e1e-123456789abc"
    pair(client, app, origin=EXTENSION)
    token = pair(client, app, origin=other)
    assert client.get("/api/v1/settings", headers={"Authorization": f"Bearer {token}", "Origin": other}).status_code == 200
    assert client.get("/api/v1/settings",
                      headers={"Authorization": f"Bearer {token}", "Origin": EXTENSION}).status_code == 403


def test_code_must_be_a_string(client, app):
    new_code(app.extensions["askfirst"].root)
    r = client.post("/api/v1/pair", json={"code": 123456})
    assert r.status_code == 422 and r.json["error"]["field"] == "code"
