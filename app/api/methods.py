"""405 answers that name every method a path supports.

Starlette answers a method mismatch from the first route whose path matches, so
`PUT /articles` said `Allow: POST` although `GET /articles` exists, and it lets a
parameter route take a literal path: `GET /articles/batch` reached
`GET /articles/{article_id}` and was a 422 on the id "batch". Here, before routing,
the methods of every route path matching the request are collected, literal
paths taking precedence over templated ones (as most routers do), and a method
outside them is a 405 whose `Allow` lists them all (RFC 9110 §15.5.6).

The table is built once from the routers' (path, methods) pairs; building it from
the OpenAPI document instead cost 0.2 s per application on its first request.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from starlette.routing import compile_path
from starlette.types import ASGIApp, Receive, Scope, Send

from app.errors import problem_response


@dataclass(frozen=True, slots=True)
class PathMethods:
    path: str  # the route's template, "/articles/{article_id}"
    regex: re.Pattern[str]
    literal: bool
    methods: frozenset[str]


def path_methods(routes: Iterable[tuple[str, Iterable[str]]]) -> list[PathMethods]:
    """One entry per route: its path template compiled as Starlette compiles it."""
    table = []
    for template, methods in routes:
        regex, _, convertors = compile_path(template)
        methods_upper = frozenset(m.upper() for m in methods)
        table.append(PathMethods(template, regex, not convertors, methods_upper))
    return table


def matching_routes(table: list[PathMethods], path: str) -> list[PathMethods]:
    """The entries answering at `path`: the literal ones if any ("/articles/batch"
    before "/articles/{article_id}"), else every template that matches."""
    matching = [entry for entry in table if entry.regex.match(path)]
    return [entry for entry in matching if entry.literal] or matching


def allowed_methods(table: list[PathMethods], path: str) -> set[str]:
    """The methods answered at `path`; empty when no route path matches it."""
    methods = {m for entry in matching_routes(table, path) for m in entry.methods}
    if "GET" in methods:
        methods.add("HEAD")  # served as GET by HeadAsGetMiddleware
    return methods


def route_path(scope: Scope) -> str:
    """The path the routes see: without the `root_path` a proxy mounts the app under
    (uvicorn --root-path puts it in front of `path`), as Starlette's router does."""
    path, root = scope["path"], scope.get("root_path", "")
    return path[len(root) :] if root and path.startswith(root) else path


class MethodNotAllowedMiddleware:
    """Innermost: by then a HEAD has become the GET it is served as."""

    def __init__(self, app: ASGIApp, routes: Iterable[tuple[str, Iterable[str]]]) -> None:
        self.app = app
        self.table = path_methods(routes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path = route_path(scope)
            methods = allowed_methods(self.table, path)
            if methods and scope["method"] not in methods:
                # the label /metrics gives the request (it reads the route's `path`)
                scope["route"] = matching_routes(self.table, path)[0]
                headers = {"Allow": ", ".join(sorted(methods))}
                response = problem_response(405, instance=scope["path"], headers=headers)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
