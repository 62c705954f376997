"""Scenarios for ``webhooks``: the secret that signs the account's webhooks."""

from __future__ import annotations

from tests.realdata.calls import Call, Scenario

SCENARIOS: dict[str, Scenario] = {
    "js-mock-webhooks-default-secret": Scenario(
        (Call("webhooks.default_secret", expect={"": "whsec_5WbX5kEWLlfzsGNjH64I8lOOqUB6e8FH"}),)
    ),
}
