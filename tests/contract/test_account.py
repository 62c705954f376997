"""Contract test for /account."""

from __future__ import annotations

import pytest
from replicate_api.models import Account, AccountType

from tests.support.contract import Exchange


@pytest.mark.operation("account.get", 200)
def test_get(exchange: Exchange) -> None:
    exchange.respond(
        200,
        {
            "type": "organization",
            "username": "acme",
            "name": "Acme Corp, Inc.",
            "github_url": "https://github.com/acme",
            "avatar_url": "https://cdn.replicate.com/avatars/acme.png",
        },
    )

    account = exchange.parsed(Account)

    exchange.assert_request("/account")
    assert account.type_ is AccountType.ORGANIZATION
    assert account.username == "acme"
