"""Contract tests for /search (beta)."""

from __future__ import annotations

import pytest
from replicate_api.api.search import search
from replicate_api.models import (
    SearchBadRequestProblem,
    SearchModelMetadata,
    SearchResults,
    SearchServerErrorProblem,
)

from tests.support import payloads
from tests.support.contract import Contract


@pytest.mark.operation("search", 200)
def test_search(contract: Contract) -> None:
    exchange = contract("search")
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

    response = exchange.call(search, query="upscale photos", limit=5)

    exchange.assert_request("/search?query=upscale+photos&limit=5")
    results = response.parsed
    assert isinstance(results, SearchResults)
    assert results.models[0].model.name == "real-esrgan"
    assert isinstance(results.models[0].metadata, SearchModelMetadata)
    assert results.models[0].metadata.tags == ["super-resolution", "image-to-image"]
    assert results.pages[0].href == "/docs/guides/upscaling"


@pytest.mark.operation("search", 400)
def test_search_bad_request(contract: Contract) -> None:
    exchange = contract("search")
    exchange.respond(400, {"detail": 'Query parameter "query" is required'})

    response = exchange.call(search, query="")

    exchange.assert_request("/search?query=&limit=20")
    assert isinstance(response.parsed, SearchBadRequestProblem)
    assert response.parsed.detail == 'Query parameter "query" is required'


@pytest.mark.operation("search", 500)
def test_search_server_error(contract: Contract) -> None:
    exchange = contract("search")
    exchange.respond(500, {"detail": "Search service error"})

    response = exchange.call(search, query="anything")

    exchange.assert_request("/search?query=anything&limit=20")
    assert isinstance(response.parsed, SearchServerErrorProblem)
