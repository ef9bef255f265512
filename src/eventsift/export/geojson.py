"""GeoJSON shapes (RFC 7946), one definition for the export file and the API: an event is a
Feature with a Point (or no geometry when it has no coordinates) and its fields as properties.

The shapes are frozen dataclasses, so their keys come from their fields; ``plain`` turns one
into the JSON value written (the API also names them as response models, which documents them
in its OpenAPI description)."""
from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal

#: decimal places of a coordinate (about a metre)
COORDINATE_DIGITS = 5


@dataclass(frozen=True, slots=True)
class Point:
    type: Literal["Point"] = field(default="Point", init=False)
    coordinates: tuple[float, float]  # longitude, latitude

    @classmethod
    def of(cls, longitude: float | None, latitude: float | None) -> Point | None:
        """The point at these coordinates, rounded; None unless both are known."""
        if latitude is None or longitude is None:
            return None
        return cls((round(longitude, COORDINATE_DIGITS), round(latitude, COORDINATE_DIGITS)))


@dataclass(frozen=True, slots=True)
class Feature:
    type: Literal["Feature"] = field(default="Feature", init=False)
    id: str
    geometry: Point | None
    properties: dict[str, Any]


@dataclass(frozen=True, slots=True)
class FeatureCollection:
    type: Literal["FeatureCollection"] = field(default="FeatureCollection", init=False)
    features: list[Feature]


#: how a FeatureCollection file begins and ends around its features (written one by one)
COLLECTION_HEAD = '{"type": "FeatureCollection", "features": [\n'
COLLECTION_TAIL = "\n]}\n"


def plain(value: Any) -> Any:
    """A shape as the JSON value it stands for: dataclasses become objects in field order (keys are
    the field names), lists and tuples become lists; anything else (a dict of properties) is kept."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value
