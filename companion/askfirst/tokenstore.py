"""Where the pairing token lives: the OS keyring, or a private file when there is none.

The keyring is used only if it really keeps secrets: the `fail` backend (headless Linux:
NoKeyringError), the `null` backend (accepts writes and silently drops them) and
non-recommended backends (priority < 1, e.g. keyrings.alt's plaintext file) do not
count, and a write is trusted only after reading it back. Otherwise the token goes to
`<data>/secrets/token`, mode 0600 in a 0700 folder, and we say so once on stderr.
Keyring calls can block on an unlock prompt, so each one is given a bounded time.
"""

from __future__ import annotations

import os
import stat
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
from keyring.backends import fail, null

from .paths import secrets_dir, write_private

SERVICE = "askfirst"
KEYRING_TIMEOUT_S = 5.0

_warned = False


class TokenFileError(RuntimeError):
    """The fallback token file is readable by others; we refuse to use it."""


def _bounded(call: Callable[[], Any]) -> tuple[bool, Any]:
    """(finished without error, value) of a keyring call, giving up after KEYRING_TIMEOUT_S."""
    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["value"] = call()
        except Exception as e:  # any backend failure means "no usable keyring"
            out["error"] = e

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(KEYRING_TIMEOUT_S)
    if worker.is_alive() or "error" in out:
        return False, None
    return True, out.get("value")


def keyring_is_trusted(backend: keyring.backend.KeyringBackend) -> bool:
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return False
    try:
        return float(backend.priority) >= 1
    except Exception:
        return False


class TokenStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        # One entry per data folder, so two installs (or a test run) never share a token.
        self.username = f"token:{root}"

    @property
    def file(self) -> Path:
        return secrets_dir(self.root) / "token"

    def load(self) -> str | None:
        backend = keyring.get_keyring()
        if keyring_is_trusted(backend):
            ok, value = _bounded(lambda: backend.get_password(SERVICE, self.username))
            if ok and value:
                return value
        return self._read_file()

    def save(self, token: str) -> str:
        """Keep the token; returns where: "keyring" or the fallback file's path."""
        backend = keyring.get_keyring()
        if keyring_is_trusted(backend):
            wrote, _ = _bounded(lambda: backend.set_password(SERVICE, self.username, token))
            ok, back = _bounded(lambda: backend.get_password(SERVICE, self.username)) if wrote else (False, None)
            if ok and back == token:
                self.file.unlink(missing_ok=True)
                return "keyring"
        write_private(self.file, token + "\n")
        _warn_once(f"askfirst: no usable OS keyring ({type(backend).__module__}.{type(backend).__name__}); "
                   f"the pairing token is kept in {self.file} (readable by you only).")
        return str(self.file)

    def clear(self) -> None:
        backend = keyring.get_keyring()
        if keyring_is_trusted(backend):
            _bounded(lambda: backend.delete_password(SERVICE, self.username))
        self.file.unlink(missing_ok=True)

    def _read_file(self) -> str | None:
        path = self.file
        try:
            st = path.stat()
        except FileNotFoundError:
            return None
        if st.st_mode & 0o077 or st.st_uid != os.getuid() or not stat.S_ISREG(st.st_mode):
            raise TokenFileError(f"{path} is readable by other users; delete it and pair again")
        return path.read_text(encoding="utf-8").strip() or None


def _warn_once(message: str) -> None:
    global _warned
    if not _warned:
        _warned = True
        print(message, file=sys.stderr, flush=True)
