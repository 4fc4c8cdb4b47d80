"""JSON errors: `{"error": {"code", "message", "field"?}}`, and never a traceback."""

from __future__ import annotations

import logging

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException

log = logging.getLogger("askfirst.api")

_HTTP_CODES = {
    400: ("malformed", "The request is malformed."),
    404: ("not_found", "There is nothing at this address. The API lives under /api/v1."),
    405: ("method_not_allowed", "This address does not accept that method."),
    413: ("too_large", "The request body is larger than 64 KiB."),
    415: ("unsupported_media_type", "Send the body as JSON (Content-Type: application/json)."),
}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field


def error_body(code: str, message: str, field: str | None = None) -> dict:
    err = {"code": code, "message": message}
    if field is not None:
        err["field"] = field
    return {"error": err}


def register(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def api_error(e: ApiError):
        return jsonify(error_body(e.code, e.message, e.field)), e.status

    @app.errorhandler(HTTPException)
    def http_error(e: HTTPException):
        status = e.code or 500
        code, message = _HTTP_CODES.get(status, ("http_error", e.name))
        return jsonify(error_body(code, message)), status

    @app.errorhandler(Exception)
    def unexpected(e: Exception):
        # Log the type only: the exception text could quote request data.
        log.error("unexpected %s while serving a request", type(e).__name__)
        return jsonify(error_body("internal_error", "Something went wrong inside the companion. "
                                  "Nothing was changed; try again.")), 500
