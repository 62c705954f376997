"""Argument checks the resources apply before sending: limits and allowed values (no I/O)."""

from __future__ import annotations

#: The API's limits on deployment scaling (see openapi.json).
MAX_MIN_INSTANCES = 5
MAX_MAX_INSTANCES = 20


def check_instances(min_instances: int | None, max_instances: int | None) -> None:
    """Refuse scaling bounds the API would reject, naming the bad value."""
    for name, value, top in (
        ("min_instances", min_instances, MAX_MIN_INSTANCES),
        ("max_instances", max_instances, MAX_MAX_INSTANCES),
    ):
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= top
        ):
            raise ValueError(f"{name} must be a whole number from 0 to {top}, got {value!r}")
    if min_instances is not None and max_instances is not None and min_instances > max_instances:
        raise ValueError(
            f"min_instances ({min_instances}) must not exceed max_instances ({max_instances})"
        )


def choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    """Refuse a value outside ``allowed``, naming it."""
    if value not in allowed:
        raise ValueError(f"{what} must be one of {allowed}, got {value!r}")
    return value
