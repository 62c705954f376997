"""Contract test for the default webhook signing secret."""

from __future__ import annotations

import pytest
from replicate_api.models import WebhookSecret

from tests.support.contract import Exchange


@pytest.mark.operation("webhooks.default.secret.get", 200)
def test_get_secret(exchange: Exchange) -> None:
    exchange.respond(200, {"key": "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"})

    secret = exchange.parsed(WebhookSecret)

    exchange.assert_request("/webhooks/default/secret")
    assert secret.key == "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"
