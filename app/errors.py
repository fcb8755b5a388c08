"""The one owner of the error format: RFC 9457 `application/problem+json`.

Every error the service returns — our own, Starlette's HTTP errors, request
validation and unexpected failures — goes through the handlers installed by
`install_error_handlers`, so clients see one shape everywhere.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "/problems/"

log = logging.getLogger(__name__)


class ProblemError(StarletteHTTPException):
    """An error we raise on purpose. Subclassing Starlette's HTTPException keeps it
    intact when it is raised while FastAPI reads the request body."""

    status_code_default = 500
    slug = "internal-error"
    title = "Internal Server Error"

    def __init__(self, detail: str | None = None, *, headers: dict[str, str] | None = None):
        super().__init__(self.status_code_default, detail=detail or self.title, headers=headers)


class NotFoundError(ProblemError):
    status_code_default = 404
    slug = "not-found"
    title = "Not Found"


class InvalidCursorError(ProblemError):
    status_code_default = 400
    slug = "invalid-cursor"
    title = "Invalid cursor"


class UnauthorizedError(ProblemError):
    status_code_default = 401
    slug = "unauthorized"
    title = "Missing or invalid API key"


class PayloadTooLargeError(ProblemError):
    status_code_default = 413
    slug = "payload-too-large"
    title = "Request body too large"


class UnsupportedMediaTypeError(ProblemError):
    status_code_default = 415
    slug = "unsupported-media-type"
    title = "Unsupported Media Type"


class ServiceUnavailableError(ProblemError):
    status_code_default = 503
    slug = "service-unavailable"
    title = "Service Unavailable"


class InvalidInputError(ProblemError):
    """422 raised by our own checks (not Pydantic's), still naming the field."""

    status_code_default = 422
    slug = "validation-error"
    title = "Request validation failed"

    def __init__(self, field: Sequence[str | int], message: str):
        super().__init__(message)
        self.errors = [{"loc": list(field), "field": _dotted(field), "msg": message}]


def problem_body(
    status: int,
    *,
    slug: str | None = None,
    title: str | None = None,
    detail: str | None = None,
    instance: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": PROBLEM_BASE + slug if slug else "about:blank",
        "title": title or _status_phrase(status),
        "status": status,
        "detail": detail or _status_phrase(status),
    }
    if instance is not None:
        body["instance"] = instance
    body.update(extra)
    return body


def problem_response(
    status: int, *, headers: dict[str, str] | None = None, **fields: Any
) -> JSONResponse:
    return JSONResponse(
        problem_body(status, **fields),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


def _status_phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def _dotted(loc: Sequence[Any]) -> str:
    # ("body", "text") -> "text"; ("query", "limit") -> "limit"; keep list indexes.
    parts = [str(p) for p in loc]
    if parts and parts[0] in {"body", "query", "path", "header"}:
        parts = parts[1:]
    return ".".join(parts) or "body"


def _instance(request: Request) -> str:
    return request.url.path


async def _handle_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    undecodable = _undecodable_json(exc)
    if undecodable is not None:
        return _validation_problem(request, [undecodable])
    extra: dict[str, Any] = {}
    if isinstance(exc, InvalidInputError):
        extra["errors"] = exc.errors
    if isinstance(exc, ProblemError):
        slug, title = exc.slug, exc.title
    else:
        slug, title = None, None
    detail = exc.detail if isinstance(exc.detail, str) else None
    return problem_response(
        exc.status_code,
        headers=getattr(exc, "headers", None),
        slug=slug,
        title=title,
        detail=detail,
        instance=_instance(request),
        **extra,
    )


def validation_errors(raw: Sequence[Any]) -> list[dict[str, Any]]:
    """Pydantic's error list, reduced to what a client needs: which field, and why."""
    errors = []
    for err in raw:
        loc = list(err.get("loc", ()))
        if err.get("type") == "json_invalid":  # loc holds a character position, not a field
            loc = ["body"]
        errors.append(
            {"loc": loc, "field": _dotted(loc), "msg": err.get("msg", ""), "type": err.get("type")}
        )
    return errors


def _undecodable_json(exc: StarletteHTTPException) -> dict[str, Any] | None:
    """FastAPI answers a JSON body that fails to decode other than by its syntax
    (bytes that are not UTF-8, nesting deeper than the parser recurses) with a bare
    400; it is malformed JSON like any other: a 422 on the body."""
    if exc.status_code != 400 or isinstance(exc, ProblemError):
        return None
    cause = exc.__cause__
    if isinstance(cause, UnicodeDecodeError):
        msg = "JSON decode error: the body is not UTF-8"
    elif isinstance(cause, RecursionError):
        msg = "JSON decode error: nested too deeply"
    else:
        return None
    return {"loc": ["body"], "field": "body", "msg": msg, "type": "json_invalid"}


async def _handle_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return _validation_problem(request, validation_errors(exc.errors()))


def _validation_problem(request: Request, errors: list[dict[str, Any]]) -> JSONResponse:
    fields = ", ".join(dict.fromkeys(e["field"] for e in errors))
    return problem_response(
        422,
        slug="validation-error",
        title="Request validation failed",
        detail=f"Invalid value for: {fields}" if fields else "Invalid request",
        instance=_instance(request),
        errors=errors,
    )


async def _handle_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return problem_response(
        500,
        slug="internal-error",
        title="Internal Server Error",
        detail="An unexpected error occurred.",
        instance=_instance(request),
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _handle_http_error)
    app.add_exception_handler(RequestValidationError, _handle_validation_error)
    app.add_exception_handler(Exception, _handle_unexpected)
