"""Unauthenticated: whether the companion runs, and the pairing-code exchange."""

from __future__ import annotations

from flask import Blueprint, request

from .. import __version__
from ..pairing import PairingError
from . import companion
from .errors import ApiError
from .payload import json_body

bp = Blueprint("health", __name__)


@bp.get("/health")
def health():
    return {"status": "ok", "version": __version__, "paired": companion().pairing.paired}


@bp.post("/pair")
def pair():
    code = json_body().get("code")
    if not isinstance(code, str):
        raise ApiError(422, "invalid_field", 'code must be the 6-digit string from `askfirst pair`, e.g. "123456"',
                       "code")
    try:
        token = companion().pairing.exchange(code.strip(), request.headers.get("Origin"))
    except PairingError as e:
        raise ApiError(e.status, e.code, e.message, "code") from None
    return {"token": token}
