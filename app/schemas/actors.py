"""Actor models."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from app.extraction.types import ActorKind


class ActorSummary(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"id": 3, "name": "Turkey", "kind": "place", "event_count": 17}]
        }
    )

    id: int
    name: str
    kind: ActorKind
    event_count: int = Field(description="Events this actor takes part in")


class ActorDetail(ActorSummary):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 3,
                    "name": "Turkey",
                    "kind": "place",
                    "event_count": 17,
                    "aliases": ["Turkey", "Turkish", "Turks", "Ankara"],
                }
            ]
        }
    )

    aliases: list[str]


class ActorList(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        {"id": 3, "name": "Turkey", "kind": "place", "event_count": 17},
                        {
                            "id": 9,
                            "name": "Turkish Airlines",
                            "kind": "organization",
                            "event_count": 2,
                        },
                    ]
                }
            ]
        }
    )

    items: list[ActorSummary]
