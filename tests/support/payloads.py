"""Realistic API payloads, shaped like what api.replicate.com sends.

Timestamps carry 8-digit fractional seconds, running predictions have null
``started_at``/``completed_at``, fresh predictions have empty logs: the details
a hand-made fixture tends to smooth over and a parser must not.
"""

from __future__ import annotations

from typing import Any

API = "https://api.replicate.com/v1"
TOKEN = "r8_contract_test_token_0000000000000000"
VERSION_ID = "5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa"
PREDICTION_ID = "gm3qorzdhgbfurvjtvhg6dckhu"
TRAINING_ID = "zz4ibbonubfz7carwiefibzgga"
FILE_ID = "cneqzikepnug6xezperrr4z55o"

CREATED_AT = "2026-11-22T10:15:02.12345678Z"
STARTED_AT = "2026-11-22T10:15:03.50170921Z"
COMPLETED_AT = "2026-11-22T10:15:04.98114576Z"

Payload = dict[str, Any]

#: The stream URL of a prediction whose model streams (``prediction(streams=True)``).
STREAM_URL = f"https://stream.replicate.com/v1/files/{PREDICTION_ID}"


def prediction(status: str = "succeeded", *, streams: bool = False, **overrides: Any) -> Payload:
    """A prediction as GET /predictions/{id} returns it in ``status``.

    ``streams``: its model streams output, so it carries ``urls.stream`` (which
    ``wait`` then reads for the ``done`` event; see ``_done_shortcut``).
    """
    started = status not in ("starting", "aborted")
    finished = status in ("succeeded", "failed", "canceled", "aborted")
    return {
        "id": PREDICTION_ID,
        "model": "replicate/hello-world",
        "version": VERSION_ID,
        "input": {"text": "Alice"},
        "logs": "" if status == "starting" else "Generating...\n",
        "output": "hello Alice" if status == "succeeded" else None,
        "data_removed": False,
        "error": "CUDA out of memory" if status == "failed" else None,
        "source": "api",
        "status": status,
        "created_at": CREATED_AT,
        "started_at": STARTED_AT if started else None,
        "completed_at": COMPLETED_AT if finished else None,
        "urls": {
            "cancel": f"{API}/predictions/{PREDICTION_ID}/cancel",
            "get": f"{API}/predictions/{PREDICTION_ID}",
            **({"stream": STREAM_URL} if streams else {}),
            "web": f"https://replicate.com/p/{PREDICTION_ID}",
        },
        "metrics": {"predict_time": 1.47943655, "total_time": 2.85768898} if finished else {},
        **overrides,
    }


def training(status: str = "succeeded", **overrides: Any) -> Payload:
    """A training as GET /trainings/{id} returns it in ``status``."""
    started = status not in ("starting", "aborted")
    return {
        "id": TRAINING_ID,
        "model": "stability-ai/sdxl",
        "version": VERSION_ID,
        "input": {"input_images": "https://example.com/images.zip", "max_train_steps": 1000},
        "logs": "" if status == "starting" else "step 10/1000\n",
        "output": (
            {
                "version": f"acme/sdxl-tuned:{'a' * 64}",
                "weights": "https://replicate.delivery/xyz/weights.tar",
            }
            if status == "succeeded"
            else None
        ),
        "error": None,
        "source": "api",
        "status": status,
        "created_at": CREATED_AT,
        "started_at": STARTED_AT if started else None,
        "completed_at": COMPLETED_AT if status == "succeeded" else None,
        "urls": {
            "cancel": f"{API}/trainings/{TRAINING_ID}/cancel",
            "get": f"{API}/trainings/{TRAINING_ID}",
        },
        "metrics": {"predict_time": 812.29771, "total_time": 830.11284}
        if status == "succeeded"
        else {},
        **overrides,
    }


def version(**overrides: Any) -> Payload:
    """A model version with a (trimmed) Cog OpenAPI schema."""
    return {
        "id": VERSION_ID,
        "created_at": "2022-04-26T19:29:04.41862000Z",
        "cog_version": "0.3.0",
        "openapi_schema": {"openapi": "3.0.2", "info": {"title": "Cog", "version": "0.1.0"}},
        **overrides,
    }


def model(owner: str = "replicate", name: str = "hello-world", **overrides: Any) -> Payload:
    """A public model with its latest version embedded."""
    return {
        "url": f"https://replicate.com/{owner}/{name}",
        "owner": owner,
        "name": name,
        "description": "A tiny model that says hello",
        "visibility": "public",
        "github_url": "https://github.com/replicate/cog-examples",
        "paper_url": None,
        "license_url": None,
        "run_count": 5681081,
        "cover_image_url": "https://tjzk.replicate.delivery/models_models_cover_image/hello.png",
        "default_example": None,
        "latest_version": version(),
        "is_official": False,
        **overrides,
    }


def deployment(**overrides: Any) -> Payload:
    """A deployment with its current release."""
    return {
        "owner": "acme",
        "name": "my-app-image-generator",
        "current_release": {
            "number": 1,
            "model": "stability-ai/sdxl",
            "version": VERSION_ID,
            "created_at": CREATED_AT,
            "created_by": {
                "type": "organization",
                "username": "acme",
                "name": "Acme Corp, Inc.",
                "avatar_url": "https://cdn.replicate.com/avatars/acme.png",
                "github_url": "https://github.com/acme",
            },
            "configuration": {"hardware": "gpu-t4", "min_instances": 1, "max_instances": 5},
        },
        **overrides,
    }


def file_resource(**overrides: Any) -> Payload:
    """An uploaded file's record."""
    return {
        "id": FILE_ID,
        "name": "photo.png",
        "content_type": "image/png",
        "size": 69420,
        "etag": '"f047f8e745f9996c6e386064e06cb200"',
        "checksums": {"sha256": "f047f8e745f9996c6e386064e06cb2007b8e6bc0a968a334fc0d2b2d64012066"},
        "metadata": {"customer_reference_id": 123},
        "created_at": CREATED_AT,
        "expires_at": "2026-11-23T10:15:02.12345678Z",
        "urls": {"get": f"{API}/files/{FILE_ID}"},
        **overrides,
    }


def collection(**overrides: Any) -> Payload:
    """A collection with its models."""
    return {
        "name": "Super resolution",
        "slug": "super-resolution",
        "description": "Upscaling models that create high-quality images from low-quality images.",
        "full_description": None,
        "models": [model()],
        **overrides,
    }


def page(
    results: list[Any], *, next_url: str | None = None, previous: str | None = None
) -> Payload:
    """One page of a paginated list."""
    return {"next": next_url, "previous": previous, "results": results}


def problem(status: int, title: str, detail: str) -> Payload:
    """An application/problem+json error body."""
    return {"type": "about:blank", "title": title, "status": status, "detail": detail}
