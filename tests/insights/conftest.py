"""The insights tests never touch the user's real keyring: the `fail` backend, as on a
headless machine (the token then lives in the test's own data folder)."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail


@pytest.fixture(autouse=True)
def no_real_keyring():
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)
