"""The ASGI application: `create_app(settings)` and the module-level `app`.

Importing this module is cheap: the engine and the extractor (spaCy) are built
in the lifespan, once per worker process.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.routing import APIRoute

from app.api import actors, articles, events, health
from app.api.head import HeadAsGetMiddleware
from app.api.limits import BodySizeLimitMiddleware
from app.api.methods import MethodNotAllowedMiddleware
from app.api.metrics import Metrics, MetricsMiddleware
from app.config import Settings
from app.db.engine import make_engine, make_session_factory
from app.errors import install_error_handlers
from app.services.ingest import ExtractorLike

DESCRIPTION = """Chronicle turns news articles into a queryable timeline of dated events.

POST articles; read the timeline at `GET /events`. Errors are RFC 9457
`application/problem+json`. Writes need `X-API-Key` when keys are configured.
"""


def _build_extractor(settings: Settings) -> ExtractorLike:
    # Imported here so that importing app.main never loads spaCy.
    from app.extraction.pipeline import build_extractor

    extractor: ExtractorLike = build_extractor(settings.spacy_model, settings.gazetteer_paths)
    return extractor


def _lifespan(settings: Settings, extractor: ExtractorLike | None):  # type: ignore[no-untyped-def]
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.thread_limit
        engine = make_engine(
            settings.database_url, sqlite_busy_timeout_ms=settings.sqlite_busy_timeout_ms
        )
        app.state.engine = engine
        app.state.session_factory = make_session_factory(engine)
        app.state.extractor = extractor if extractor is not None else _build_extractor(settings)
        # Start-up objects (spaCy model, ORM mappers) live forever: keep them out of
        # the collector's generations so its pauses stay short.
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            engine.dispose()

    return lifespan


ROUTERS = (articles.router, events.router, actors.router, health.router)


def route_methods() -> list[tuple[str, set[str]]]:
    """(path, methods) of every API route, for the 405 answers (app/api/methods.py)."""
    routes = (r for router in ROUTERS for r in router.routes if isinstance(r, APIRoute))
    return [(r.path, r.methods or set()) for r in routes]


def create_app(settings: Settings | None = None, extractor: ExtractorLike | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(
        title="Chronicle",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=_lifespan(settings, extractor),
    )
    app.state.settings = settings
    app.state.metrics = Metrics()
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)  # no prefix: each route's own path is its URL
    # Added innermost first: CORS ends up outermost, so even 413s carry CORS headers.
    app.add_middleware(MethodNotAllowedMiddleware, routes=route_methods())
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(MetricsMiddleware, metrics=app.state.metrics)
    # Outside the metrics: a HEAD is counted as the GET it is served as, under its route.
    app.add_middleware(HeadAsGetMiddleware)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE", "OPTIONS"],
            allow_headers=["Content-Type", "X-API-Key", "Accept"],
            expose_headers=["X-Next-Cursor"],
        )
    return app


app = create_app()
