"""Scenarios for ``account``: who the API token belongs to."""

from __future__ import annotations

from tests.realdata.calls import Call, Scenario

SCENARIOS: dict[str, Scenario] = {
    "js-mock-account-get": Scenario(
        (
            Call(
                "account.get",
                expect={
                    "type_": "organization",
                    "username": "replicate",
                    "name": "Replicate",
                    "avatar_url": None,
                },
            ),
        )
    ),
}
