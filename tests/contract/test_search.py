"""Contract tests for /search (beta)."""

from __future__ import annotations

import pytest
from replicate_api.models import (
    SearchBadRequestProblem,
    SearchModelMetadata,
    SearchResults,
    SearchServerErrorProblem,
)

from tests.support import payloads
from tests.support.contract import Exchange


@pytest.mark.operation("search", 200)
def test_search(exchange: Exchange) -> None:
    exchange.respond(
        200,
        {
            "query": "upscale photos",
            "models": [
                {
                    "model": payloads.model("nightmareai", "real-esrgan"),
                    "metadata": {
                        "generated_description": "Upscales images up to 4x.",
                        "score": 1.38473757,
                        "tags": ["super-resolution", "image-to-image"],
                    },
                }
            ],
            "collections": [
                {
                    "name": "Super resolution",
                    "slug": "super-resolution",
                    "description": "Upscaling models.",
                    "models": ["nightmareai/real-esrgan"],
                }
            ],
            "pages": [{"name": "Upscaling images", "href": "/docs/guides/upscaling"}],
        },
    )

    results = exchange.parsed(SearchResults, query="upscale photos", limit=5)

    exchange.assert_request("/search?query=upscale+photos&limit=5")
    assert results.models[0].model.name == "real-esrgan"
    assert isinstance(results.models[0].metadata, SearchModelMetadata)
    assert results.models[0].metadata.tags == ["super-resolution", "image-to-image"]
    assert results.pages[0].href == "/docs/guides/upscaling"


@pytest.mark.operation("search", 400)
def test_search_bad_request(exchange: Exchange) -> None:
    exchange.respond(400, {"detail": 'Query parameter "query" is required'})

    problem = exchange.parsed(SearchBadRequestProblem, query="")

    exchange.assert_request("/search?query=&limit=20")
    assert problem.detail == 'Query parameter "query" is required'


@pytest.mark.operation("search", 500)
def test_search_server_error(exchange: Exchange) -> None:
    exchange.respond(500, {"detail": "Search service error"})

    exchange.parsed(SearchServerErrorProblem, query="anything")

    exchange.assert_request("/search?query=anything&limit=20")
