"""Account: who the token belongs to."""

from __future__ import annotations

from replicate_api.api.account import account_get
from replicate_api.models.account import Account

from replicate_typed._async.resource import AsyncResource
from replicate_typed._effects import Send


class AsyncAccountInfo(AsyncResource):
    """The account the API token belongs to."""

    async def get(self) -> Account:
        """Who the token belongs to: a user or an organization."""
        return await self._fetch(Send("account.get", account_get.request_args()), Account)
