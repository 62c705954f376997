"""Scenarios for ``hardware``: the SKUs a model can run on."""

from __future__ import annotations

from tests.realdata.calls import Call, Scenario

SCENARIOS: dict[str, Scenario] = {
    "rpy-hardware-list": Scenario(
        (
            Call(
                "hardware.list",
                expect={"len": 4, "0.sku": "cpu", "3.name": "Nvidia A40 (Large) GPU"},
            ),
        )
    ),
}
