"""Contract test for /hardware."""

from __future__ import annotations

from typing import cast

import pytest
from replicate_api.models import Hardware

from tests.support.contract import Exchange


@pytest.mark.operation("hardware.list", 200)
def test_list(exchange: Exchange) -> None:
    exchange.respond(
        200, [{"name": "CPU", "sku": "cpu"}, {"name": "Nvidia T4 GPU", "sku": "gpu-t4"}]
    )

    response = exchange.call()

    exchange.assert_request("/hardware")
    hardware = response.parsed
    assert isinstance(hardware, list)
    # Called through a module object, the endpoint's result is untyped here.
    assert all(isinstance(h, Hardware) for h in cast("list[object]", hardware))
    assert [h.sku for h in cast("list[Hardware]", hardware)] == ["cpu", "gpu-t4"]
