"""405 answers that name every method a path supports.

Starlette answers a method mismatch from the first route whose path matches, so
`PUT /articles` said `Allow: POST` although `GET /articles` exists, and it lets a
parameter route take a literal path: `GET /articles/batch` reached
`GET /articles/{article_id}` and was a 422 on the id "batch". Here, before routing,
the methods of every documented path matching the request are collected, literal
paths taking precedence over templated ones (as most routers do), and a method
outside them is a 405 whose `Allow` lists them all (RFC 9110 §15.5.6).

The table is read from the OpenAPI document: it is the public list of what the
service answers, the same whatever way FastAPI nests included routers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from starlette.routing import compile_path
from starlette.types import ASGIApp, Receive, Scope, Send

from app.errors import problem_response

_HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


@dataclass(frozen=True, slots=True)
class _PathMethods:
    regex: re.Pattern[str]
    literal: bool
    methods: frozenset[str]


def path_methods(openapi_paths: Mapping[str, Mapping[str, Any]]) -> list[_PathMethods]:
    table = []
    for template, operations in openapi_paths.items():
        regex, _, convertors = compile_path(template)
        methods = frozenset(m.upper() for m in operations if m in _HTTP_METHODS)
        table.append(_PathMethods(regex, not convertors, methods))
    return table


def allowed_methods(table: list[_PathMethods], path: str) -> set[str]:
    """The methods answered at `path`; empty when no documented path matches it."""
    matching = [entry for entry in table if entry.regex.match(path)]
    literal = [entry for entry in matching if entry.literal]
    methods = {m for entry in literal or matching for m in entry.methods}
    if "GET" in methods:
        methods.add("HEAD")  # served as GET by HeadAsGetMiddleware
    return methods


class MethodNotAllowedMiddleware:
    """Innermost: by then a HEAD has become the GET it is served as."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.table: list[_PathMethods] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            if self.table is None:  # the document exists once every router is included
                self.table = path_methods(scope["app"].openapi()["paths"])
            methods = allowed_methods(self.table, scope["path"])
            if methods and scope["method"] not in methods:
                headers = {"Allow": ", ".join(sorted(methods))}
                response = problem_response(405, instance=scope["path"], headers=headers)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
