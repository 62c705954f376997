"""Account: who the token belongs to.

Written by scripts/unasync from _async/account.py: edit that file.
"""

from __future__ import annotations

from replicate_api.api.account import account_get
from replicate_api.models.account import Account

from replicate_typed._effects import Send
from replicate_typed._sync.resource import Resource


class AccountInfo(Resource):
    """The account the API token belongs to."""

    def get(self) -> Account:
        """Who the token belongs to: a user or an organization."""
        return self._fetch(Send("account.get", account_get.request_args()), Account)
