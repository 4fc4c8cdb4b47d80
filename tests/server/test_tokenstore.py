"""The pairing token lives in the OS keyring, or in a 0600 file when no keyring works."""

from __future__ import annotations

import os
import stat

import keyring
import pytest
from keyring.backends import fail, null

from askfirst import tokenstore
from askfirst.tokenstore import SERVICE, TokenFileError, TokenStore

from conftest import MemoryKeyring, pair


@pytest.fixture
def memory_keyring():
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    return ring


@pytest.fixture(autouse=True)
def fresh_warning(monkeypatch):
    monkeypatch.setattr(tokenstore, "_warned", False)


def test_a_working_keyring_keeps_the_token_and_no_file_is_written(memory_keyring, tmp_path):
    tokens = TokenStore(tmp_path)
    assert tokens.save("t" * 64) == "keyring"
    assert memory_keyring.secrets == {(SERVICE, f"token:{tmp_path}"): "t" * 64}
    assert not tokens.file.exists()
    assert TokenStore(tmp_path).load() == "t" * 64


def test_pairing_stores_the_token_in_the_keyring_and_a_restart_finds_it(memory_keyring, app, client, data_dir):
    token = pair(client, app)
    assert list(memory_keyring.secrets.values()) == [token]
    from askfirst.app import create_app
    again = create_app(data_dir, port=8731)
    assert again.extensions["askfirst"].pairing.token_matches(token)


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_without_a_usable_keyring_the_token_goes_to_a_private_file(backend, tmp_path, capsys):
    keyring.set_keyring(backend)
    tokens = TokenStore(tmp_path)
    where = tokens.save("s" * 64)
    assert where == str(tokens.file)
    assert stat.S_IMODE(tokens.file.stat().st_mode) == 0o600
    assert stat.S_IMODE(tokens.file.parent.stat().st_mode) == 0o700
    assert TokenStore(tmp_path).load() == "s" * 64
    tokens.save("u" * 64)
    err = capsys.readouterr().err
    assert err.count("no usable OS keyring") == 1  # said once, not per save
    assert "s" * 64 not in err


def test_a_keyring_that_drops_writes_is_detected_by_reading_back(tmp_path):
    class Forgetful(MemoryKeyring):
        def set_password(self, service, username, password):
            pass  # like the null backend, but claiming a high priority

    keyring.set_keyring(Forgetful())
    tokens = TokenStore(tmp_path)
    assert tokens.save("v" * 64) == str(tokens.file)
    assert tokens.load() == "v" * 64


def test_a_non_recommended_keyring_is_not_trusted(tmp_path):
    class Plaintext(MemoryKeyring):
        priority = 0.5  # type: ignore[assignment]

    ring = Plaintext()
    keyring.set_keyring(ring)
    TokenStore(tmp_path).save("w" * 64)
    assert ring.secrets == {}


def test_a_keyring_that_hangs_gives_up_in_bounded_time(tmp_path, monkeypatch):
    import threading
    import time

    release = threading.Event()

    class Hanging(MemoryKeyring):
        def get_password(self, service, username):
            release.wait(10)

        set_password = get_password  # type: ignore[assignment]

    monkeypatch.setattr(tokenstore, "KEYRING_TIMEOUT_S", 0.2)
    keyring.set_keyring(Hanging())
    tokens = TokenStore(tmp_path)
    t0 = time.monotonic()
    tokens.save("h" * 64)
    assert tokens.load() == "h" * 64
    assert time.monotonic() - t0 < 2
    release.set()


def test_a_token_file_readable_by_others_is_refused(tmp_path):
    tokens = TokenStore(tmp_path)
    tokens.save("x" * 64)
    os.chmod(tokens.file, 0o644)
    with pytest.raises(TokenFileError):
        tokens.load()


def test_the_database_and_secrets_are_private(app, client, data_dir):
    pair(client, app)
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / "askfirst.db").stat().st_mode) == 0o600
    for f in (data_dir / "secrets").iterdir():
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
