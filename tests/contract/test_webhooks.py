"""Contract test for the default webhook signing secret."""

from __future__ import annotations

import pytest
from replicate_api.api.webhooks import webhooks_default_secret_get
from replicate_api.models import WebhookSecret

from tests.support.contract import Contract


@pytest.mark.operation("webhooks.default.secret.get", 200)
def test_get_secret(contract: Contract) -> None:
    exchange = contract("webhooks.default.secret.get")
    exchange.respond(200, {"key": "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"})

    response = exchange.call(webhooks_default_secret_get)

    exchange.assert_request("/webhooks/default/secret")
    assert isinstance(response.parsed, WebhookSecret)
    assert response.parsed.key == "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"
