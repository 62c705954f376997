"""How predictions, trainings and models look on stdout: one line per item, or JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from enum import Enum
from typing import Any, Protocol, TypeVar

from replicate_typed import Model, Prediction, Training


class _ToDict(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


T = TypeVar("T", bound=_ToDict)


def show_many(items: Iterable[T], line: Callable[[T], str], *, as_json: bool, empty: str) -> None:
    """A list: one ``line`` per item, or a JSON array.

    An empty list as text says ``empty`` on stderr, not nothing: stdout stays
    one line per item for scripts (and ``[]`` with --json).
    """
    if as_json:
        print_json([item.to_dict() for item in items])
        return
    lines = [line(item) for item in items]
    if not lines:
        print(empty, file=sys.stderr)
    print_lines(lines)


def show_one(item: T, details: Callable[[T], list[str]], *, as_json: bool) -> None:
    """One item: its ``details``, or JSON."""
    if as_json:
        print_json(item.to_dict())
    else:
        print_lines(details(item))


def print_json(value: Any) -> None:
    """``value`` as indented JSON on stdout."""
    print(json.dumps(value, indent=2, ensure_ascii=False))


def print_lines(lines: list[str]) -> None:
    """Lines on stdout, one each."""
    for line in lines:
        print(line)


def job_line(job: Prediction | Training) -> str:
    """A prediction or training in a list: id, status, when it was created, model."""
    return f"{text(job.id)}  {text(job.status):<10}  {text(job.created_at)}  {text(job.model)}"


def model_line(model: Model) -> str:
    """A model in a list: owner/name and its description."""
    name = f"{text(model.owner)}/{text(model.name)}"
    description = text(model.description, missing="")
    return f"{name}  {description}" if description else name


def job_details(job: Prediction | Training, *, web_links: bool) -> list[str]:
    """A prediction or training, field by field; a prediction's page only with ``web_links``."""
    fields: dict[str, object] = {
        "id": job.id,
        "model": job.model,
        "version": job.version,
        "status": job.status,
        "created_at": job.created_at,
        "started_at": job.started_at,
        "completed_at": job.completed_at,
    }
    if job.error:
        fields["error"] = job.error
    fields["output"] = json.dumps(_output(job), ensure_ascii=False)
    if isinstance(job, Prediction) and web_links:
        fields["web"] = job.urls.web if job.urls else None
    return _aligned(fields)


def model_details(model: Model) -> list[str]:
    """A model, field by field."""
    latest = model.latest_version
    return _aligned(
        {
            "name": f"{text(model.owner)}/{text(model.name)}",
            "description": model.description,
            "visibility": model.visibility,
            "official": model.is_official,
            "runs": model.run_count,
            "latest_version": latest.id if latest else None,
            "url": model.url,
        }
    )


def text(value: object, *, missing: str = "-") -> str:
    """A field as text: ``missing`` when unset or null, times in UTC to the second."""
    if value is None:
        return missing
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


def _output(job: Prediction | Training) -> Any:
    output = job.output
    to_dict = getattr(output, "to_dict", None)
    return to_dict() if callable(to_dict) else output


def _aligned(fields: dict[str, object]) -> list[str]:
    width = max(len(name) for name in fields) + 1
    return [f"{name + ':':<{width}} {text(value)}" for name, value in fields.items()]
