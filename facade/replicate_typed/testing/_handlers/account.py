"""account.get: the fake's own account, an organization named ``FakeReplicate.account``."""

from __future__ import annotations

from replicate_typed.testing._handlers._common import Call, Handler
from replicate_typed.testing._http import FakeResponse, json_response


def account_get(call: Call) -> FakeResponse:
    return json_response(
        200,
        {
            "type": "organization",
            "username": call.fake.account,
            "name": "Fake Replicate",
            "github_url": "https://github.com/replicate",
            "avatar_url": "https://replicate.com/favicon.png",
        },
    )


HANDLERS: dict[str, Handler] = {"account.get": account_get}
