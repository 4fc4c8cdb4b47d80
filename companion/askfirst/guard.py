"""The companion's door checks. Every request is hostile until proven otherwise.

Order, cheapest and most fundamental first:
1. `HostGuard` (WSGI, before Flask routes anything): the Host header must be
   127.0.0.1:<port>, localhost:<port> or [::1]:<port>, else 403 (DNS rebinding). It
   also stamps the security headers on every response and strips CORS grants that
   were not meant for the paired extension, whatever produced the response.
2. `before_request`: a web or foreign Origin -> 403 (whatever the token); a token in
   the URL -> 401; no valid `Authorization: Bearer` -> 401; too large -> 413; a body
   that is not JSON -> 415. Refused requests never reach a view, so they change nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask, request
from flask_cors import CORS

from .api.errors import ApiError
from .pairing import EXTENSION_ORIGIN, Pairing, is_extension_origin

MAX_BODY_BYTES = 64 * 1024
PUBLIC_ENDPOINTS = {"health.health", "health.pair"}
PAIR_PATH = "/api/v1/pair"
SECURITY_HEADERS = [
    ("X-Content-Type-Options", "nosniff"),
    ("Cache-Control", "no-store"),
    ("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"),
    ("Referrer-Policy", "no-referrer"),
]
_NEVER = {"access-control-allow-credentials", "access-control-allow-private-network"}


def allowed_hosts(port: int) -> frozenset[str]:
    return frozenset({f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"})


class HostGuard:
    """WSGI middleware: Host allowlist, security headers, CORS hygiene."""

    def __init__(self, app: Callable, port: int, pairing: Pairing) -> None:
        self.app = app
        self.hosts = allowed_hosts(port)
        self.pairing = pairing

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        origin = environ.get("HTTP_ORIGIN")

        def respond(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            grant = origin is not None and (
                origin == self.pairing.origin
                or (environ.get("PATH_INFO") == PAIR_PATH and is_extension_origin(origin)))
            kept = [
                (k, v) for k, v in headers
                if k.lower() not in _NEVER and k.lower() not in {h.lower() for h, _ in SECURITY_HEADERS}
                and (grant or not k.lower().startswith("access-control-"))
            ]
            return start_response(status, kept + SECURITY_HEADERS, exc_info)

        if environ.get("HTTP_HOST", "").lower() not in self.hosts:
            body = json.dumps({"error": {
                "code": "forbidden_host",
                "message": "This companion only answers requests addressed to 127.0.0.1, localhost or [::1] "
                           "on its own port."}}).encode()
            respond("403 Forbidden", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        return self.app(environ, respond)


def install(app: Flask, pairing: Pairing, port: int) -> None:
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES

    @app.before_request
    def check_request() -> None:
        origin = request.headers.get("Origin")
        if origin is not None:
            allowed = is_extension_origin(origin) if request.endpoint == "health.pair" else origin == pairing.origin
            if not allowed:
                raise ApiError(403, "forbidden_origin",
                               "Requests from web pages and other extensions are refused. "
                               "Only the paired Ask First extension may call the companion.")
        if any(k.lower() in ("token", "access_token") for k in request.args):
            raise ApiError(401, "token_in_url",
                           "Never put the token in a URL; send it as `Authorization: Bearer <token>`.")
        if request.method == "OPTIONS":
            return None  # a preflight from the paired extension: flask-cors answers it
        if request.endpoint not in PUBLIC_ENDPOINTS:
            scheme, _, token = request.headers.get("Authorization", "").partition(" ")
            if scheme.lower() != "bearer" or not pairing.token_matches(token.strip()):
                raise ApiError(401, "unauthorized",
                               "Missing or invalid token: pair the extension (run `askfirst pair`) and send "
                               "`Authorization: Bearer <token>`.")
            if origin is not None:  # the paired extension itself (any other origin is refused above)
                pairing.heard_from_extension()
        if (request.content_length or 0) > MAX_BODY_BYTES:
            raise ApiError(413, "too_large", f"The request body is larger than {MAX_BODY_BYTES // 1024} KiB.")
        has_body = bool(request.content_length) or "chunked" in request.headers.get("Transfer-Encoding", "").lower()
        if request.method in ("POST", "PUT", "PATCH", "DELETE") and (has_body or request.content_type):
            if request.mimetype != "application/json":
                raise ApiError(415, "unsupported_media_type", "Send the body as JSON (Content-Type: application/json).")
        return None

    # CORS headers for the paired extension only: check_request has already refused every
    # other Origin, and HostGuard strips any grant not meant for the pinned origin.
    CORS(app, resources={r"/api/v1/*": {"origins": [EXTENSION_ORIGIN.pattern + r"\Z"]}},
         methods=["GET", "POST", "PUT", "OPTIONS"], allow_headers=["Authorization", "Content-Type"],
         supports_credentials=False, allow_private_network=False, max_age=600, vary_header=True)
    app.wsgi_app = HostGuard(app.wsgi_app, port, pairing)  # type: ignore[method-assign]
