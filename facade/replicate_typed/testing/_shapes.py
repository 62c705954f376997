"""The JSON the fake sends for its objects, shaped like the live API's."""

from __future__ import annotations

import hashlib
from typing import Any, cast

from replicate_typed.testing._behavior import FakeFile
from replicate_typed.testing._clock import Clock
from replicate_typed.testing._http import Bases
from replicate_typed.testing._jobs import Job
from replicate_typed.testing._records import DeploymentEntry, ModelEntry, StoredFile


def iso(clock: Clock, moment: float | None) -> str | None:
    """A moment as the API writes times: ISO 8601 in UTC with a trailing Z."""
    if moment is None:
        return None
    return clock.wall(moment).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def prediction(job: Job, now: float, clock: Clock, bases: Bases) -> dict[str, Any]:
    """A prediction as GET /predictions/{id} returns it at ``now``."""
    payload = _job(job, now, clock, bases, collection="predictions", result=job.output(now))
    payload["data_removed"] = False
    payload["urls"]["web"] = f"https://replicate.com/p/{job.id}"
    if job.behavior.stream:
        payload["urls"]["stream"] = f"{bases.stream}/stream/{job.id}"
    if job.deadline is not None:
        payload["deadline"] = iso(clock, job.deadline)
    if job.deployment is not None:
        payload["deployment"] = job.deployment
    return payload


def training(job: Job, now: float, clock: Clock, bases: Bases) -> dict[str, Any]:
    """A training as GET /trainings/{id} returns it at ``now`` (output only once succeeded)."""
    result = job.output(now) if job.status(now) == "succeeded" else None
    return _job(job, now, clock, bases, collection="trainings", result=result)


def _job(
    job: Job, now: float, clock: Clock, bases: Bases, *, collection: str, result: Any
) -> dict[str, Any]:
    """The fields predictions and trainings share; ``collection`` is their URL path."""
    status = job.status(now)
    return {
        "id": job.id,
        "model": job.model,
        "version": job.version,
        "input": job.input,
        "logs": job.logs(now),
        "output": output(job, result, bases),
        "error": job.outcome().error if status == "failed" else None,
        "source": "api",
        "status": status,
        "created_at": iso(clock, job.created),
        "started_at": iso(clock, job.started_at(now)),
        "completed_at": iso(clock, job.completed_at(now)),
        "urls": {
            "get": f"{bases.api}/{collection}/{job.id}",
            "cancel": f"{bases.api}/{collection}/{job.id}/cancel",
        },
        "metrics": _metrics(job, now),
    }


def output(job: Job, value: Any, bases: Bases) -> Any:
    """An output value as JSON: each FakeFile becomes its download URL."""
    files = {id(file): index for index, file in enumerate(job.files())}

    def convert(item: Any) -> Any:
        if isinstance(item, FakeFile):
            return f"{bases.delivery}/delivery/{job.id}/{files[id(item)]}/{item.name}"
        # The model function's output is untyped: lists and dicts of anything.
        if isinstance(item, list):
            return [convert(element) for element in cast("list[object]", item)]
        if isinstance(item, dict):
            return {
                key: convert(element) for key, element in cast("dict[object, object]", item).items()
            }
        return item

    return convert(value)


def model(entry: ModelEntry, clock: Clock) -> dict[str, Any]:
    """A model with its latest version."""
    return {
        "url": f"https://replicate.com/{entry.full_name}",
        "owner": entry.owner,
        "name": entry.name,
        "description": entry.description,
        "visibility": entry.visibility,
        "github_url": None,
        "paper_url": None,
        "license_url": None,
        "run_count": entry.run_count,
        "cover_image_url": None,
        "default_example": None,
        "latest_version": version(entry.versions[0], clock, entry.openapi_schema),
        "is_official": entry.official,
    }


def version(
    version_id: str, clock: Clock, openapi_schema: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A model version, with its schema (by default a minimal Cog schema)."""
    minimal = {"openapi": "3.0.2", "info": {"title": "Cog", "version": "0.1.0"}}
    return {
        "id": version_id,
        "created_at": iso(clock, 0.0),
        "cog_version": "0.14.0",
        "openapi_schema": minimal if openapi_schema is None else openapi_schema,
    }


def stored_file(file: StoredFile, clock: Clock, bases: Bases) -> dict[str, Any]:
    """A file's record from the Files API."""
    digest = hashlib.sha256(file.content).hexdigest()
    return {
        "id": file.id,
        "name": file.name,
        "content_type": file.content_type,
        "size": len(file.content),
        "etag": f'"{hashlib.md5(file.content).hexdigest()}"',  # an etag, not security
        "checksums": {"sha256": digest},
        "metadata": file.metadata,
        "created_at": iso(clock, file.created),
        "expires_at": iso(clock, file.created + 86400),
        "urls": {"get": f"{bases.api}/files/{file.id}"},
    }


def deployment(entry: DeploymentEntry, clock: Clock) -> dict[str, Any]:
    """A deployment with its current release."""
    return {
        "owner": entry.owner,
        "name": entry.name,
        "current_release": {
            "number": entry.release,
            "model": entry.model,
            "version": entry.version,
            "created_at": iso(clock, entry.created),
            "created_by": {"type": "organization", "username": entry.owner, "name": "Fake"},
            "configuration": {
                "hardware": entry.hardware,
                "min_instances": entry.min_instances,
                "max_instances": entry.max_instances,
            },
        },
    }


def _metrics(job: Job, now: float) -> dict[str, float]:
    if job.status(now) != "succeeded":
        return {}
    return {"predict_time": job.run_time, "total_time": job.end - job.created}
