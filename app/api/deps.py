"""Request-scoped dependencies: DB session, extractor, settings, API-key checks."""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader
from sqlalchemy.orm import Session

from app.config import Settings
from app.errors import UnauthorizedError, UnsupportedMediaTypeError
from app.services.ingest import ExtractorLike

_api_key_header = APIKeyHeader(
    name="X-API-Key",
    auto_error=False,
    description="Required for writes when CHRONICLE_API_KEYS is set; for reads too "
    "when CHRONICLE_READ_REQUIRES_KEY=true.",
)


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


# Dependencies that neither block nor compute are `async def`: FastAPI would run a
# sync one in the thread pool, a hop that costs more than the work.


def get_session(request: Request) -> Iterator[Session]:
    # Reads only: writes commit inside their service, before the response is sent.
    with request.app.state.session_factory() as session:
        yield session


async def get_extractor(request: Request) -> ExtractorLike:
    extractor: ExtractorLike = request.app.state.extractor
    return extractor


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session)]
ExtractorDep = Annotated[ExtractorLike, Depends(get_extractor)]
ApiKey = Annotated[str | None, Security(_api_key_header)]


def _key_is_valid(provided: str | None, keys: list[str]) -> bool:
    if provided is None:
        return False
    candidate = provided.encode()
    # compare against every key so timing says nothing about which one matched
    matches = [hmac.compare_digest(candidate, key.encode()) for key in keys]
    return any(matches)


async def require_write_key(settings: SettingsDep, api_key: ApiKey) -> None:
    if settings.api_keys and not _key_is_valid(api_key, settings.api_keys):
        raise UnauthorizedError("Send a valid X-API-Key header to write.")


async def require_read_key(settings: SettingsDep, api_key: ApiKey) -> None:
    if settings.read_requires_key and not _key_is_valid(api_key, settings.api_keys):
        raise UnauthorizedError("Send a valid X-API-Key header to read.")


def _is_json(content_type: str | None) -> bool:
    media = (content_type or "").partition(";")[0].strip().lower()
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


async def require_json_body(request: Request) -> None:
    """A body in another media type is a 415 (FastAPI would validate its raw bytes and
    answer that the body "should be a valid dictionary"). An empty body stays a 422."""
    if not _is_json(request.headers.get("content-type")) and await request.body():
        raise UnsupportedMediaTypeError("Send the body as JSON (Content-Type: application/json).")


WriteAccess = Depends(require_write_key)
ReadAccess = Depends(require_read_key)
JsonBody = Depends(require_json_body)
