"""Contract test for /account."""

from __future__ import annotations

import pytest
from replicate_api.api.account import account_get
from replicate_api.models import Account, AccountType

from tests.support.contract import Contract


@pytest.mark.operation("account.get", 200)
def test_get(contract: Contract) -> None:
    exchange = contract("account.get")
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

    response = exchange.call(account_get)

    exchange.assert_request("/account")
    account = response.parsed
    assert isinstance(account, Account)
    assert account.type_ is AccountType.ORGANIZATION
    assert account.username == "acme"
