"""Contract tests for /collections."""

from __future__ import annotations

import pytest
from replicate_api.api.collections import collections_get, collections_list
from replicate_api.models import Collection, CollectionPage

from tests.support import payloads
from tests.support.contract import Contract


@pytest.mark.operation("collections.list", 200)
def test_list(contract: Contract) -> None:
    exchange = contract("collections.list")
    summary = {
        "name": "Super resolution",
        "slug": "super-resolution",
        "description": "Upscaling models that create high-quality images from low-quality images.",
    }
    exchange.respond(200, payloads.page([summary]))

    response = exchange.call(collections_list)

    exchange.assert_request("/collections")
    page = response.parsed
    assert isinstance(page, CollectionPage)
    assert isinstance(page.results, list)
    assert page.results[0].slug == "super-resolution"


@pytest.mark.operation("collections.get", 200)
def test_get(contract: Contract) -> None:
    exchange = contract("collections.get")
    exchange.respond(200, payloads.collection())

    response = exchange.call(collections_get, "super-resolution")

    exchange.assert_request("/collections/super-resolution")
    collection = response.parsed
    assert isinstance(collection, Collection)
    assert collection.full_description is None
    assert [m.name for m in collection.models] == ["hello-world"]
