"""Pairing: a human carries a 6-digit code from `askfirst pair` into the extension.

The code is created by one process (the CLI) and checked by another (the server), so it
lives in the data folder, as a salted hash only. It is single use, expires after 10
minutes, and 5 wrong tries burn it. A successful exchange creates a fresh 256-bit
token (so re-pairing rotates it and the old one stops working) and pins the
extension origin the request came from.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from .paths import secrets_dir, write_private
from .timing import utcnow
from .tokenstore import TokenStore

CODE_TTL = timedelta(minutes=10)
MAX_TRIES = 5
EXTENSION_ORIGIN = re.compile(r"(chrome-extension|moz-extension)://[A-Za-z0-9-]{1,64}")


def is_extension_origin(origin: str | None) -> bool:
    return origin is not None and EXTENSION_ORIGIN.fullmatch(origin) is not None


class PairingError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass(frozen=True)
class Code:
    code: str
    expires_at: datetime


def _hash(salt: str, code: str) -> str:
    return hashlib.sha256(f"{salt}:{code}".encode()).hexdigest()


def _code_file(root: Path) -> Path:
    return secrets_dir(root) / "pairing-code.json"


def _origin_file(root: Path) -> Path:
    return secrets_dir(root) / "paired-origin.json"


def _seen_file(root: Path) -> Path:
    return root / "extension-last-seen"


def extension_last_seen(root: Path) -> datetime | None:
    """When the paired extension last called the companion (to the minute), if ever."""
    try:
        return datetime.fromisoformat(_seen_file(root).read_text().strip())
    except (OSError, ValueError):
        return None


def new_code(root: Path, now: datetime | None = None) -> Code:
    """Create the one pairing code the server will accept (replacing any earlier one)."""
    now = now or utcnow()
    code = f"{secrets.randbelow(10**6):06d}"
    salt = secrets.token_hex(16)
    expires = now + CODE_TTL
    write_private(_code_file(root), json.dumps(
        {"salt": salt, "hash": _hash(salt, code), "expires_at": expires.isoformat(), "tries": 0, "burned": False}))
    return Code(code, expires)


class Pairing:
    """The server's side: who is paired (token, origin) and the code exchange."""

    def __init__(self, root: Path, tokens: TokenStore) -> None:
        self.root = root
        self.tokens = tokens
        self._lock = threading.Lock()
        self._heard_at = float("-inf")
        self._token = tokens.load()  # read once: no keyring call on the request path
        try:
            self._origin: str | None = json.loads(_origin_file(root).read_text())["origin"]
        except (FileNotFoundError, ValueError, KeyError, TypeError):
            self._origin = None

    @property
    def paired(self) -> bool:
        return self._token is not None

    def heard_from_extension(self) -> None:
        """The paired extension just called: noted, at most once a minute, so that
        `askfirst doctor` can tell a user whether the extension reaches this companion."""
        now = time.monotonic()
        if now - self._heard_at < 60:
            return
        self._heard_at = now
        try:
            write_private(_seen_file(self.root), utcnow().isoformat(timespec="seconds"))
        except OSError:
            pass  # a full disk must not fail the request

    @property
    def origin(self) -> str | None:
        return self._origin

    def token_matches(self, given: str) -> bool:
        token = self._token
        if token is None:
            return False
        return hmac.compare_digest(given.encode("utf-8", "surrogatepass"), token.encode())

    def exchange(self, code: str, origin: str | None, now: datetime | None = None) -> str:
        """A new token for a valid code, or PairingError (401 wrong/expired, 429 burned)."""
        now = now or utcnow()
        path = _code_file(self.root)
        with self._lock:
            try:
                state = json.loads(path.read_text())
            except (FileNotFoundError, ValueError):
                raise PairingError(401, "invalid_code",
                                   "No pairing code is waiting. Run `askfirst pair` and type the code it shows.") from None
            if state.get("burned"):
                raise PairingError(429, "too_many_attempts",
                                   "Too many wrong codes: this code is burned. Run `askfirst pair` for a new one.")
            if now >= datetime.fromisoformat(state["expires_at"]):
                path.unlink(missing_ok=True)
                raise PairingError(401, "invalid_code",
                                   "This pairing code has expired. Run `askfirst pair` for a new one.")
            if not hmac.compare_digest(_hash(state["salt"], code), state["hash"]):
                state["tries"] += 1
                state["burned"] = state["tries"] >= MAX_TRIES
                write_private(path, json.dumps(state))
                if state["burned"]:
                    raise PairingError(429, "too_many_attempts",
                                       "Too many wrong codes: this code is burned. Run `askfirst pair` for a new one.")
                raise PairingError(401, "invalid_code",
                                   f"Wrong pairing code ({MAX_TRIES - state['tries']} tries left). "
                                   "Check the code `askfirst pair` printed.")
            path.unlink(missing_ok=True)  # single use
            token = secrets.token_hex(32)
            self.tokens.save(token)
            pinned = origin if is_extension_origin(origin) else None
            write_private(_origin_file(self.root), json.dumps({"origin": pinned, "paired_at": now.isoformat()}))
            self._token, self._origin = token, pinned
            return token
