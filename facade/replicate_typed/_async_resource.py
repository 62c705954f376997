"""AsyncResource: what every API namespace (models, deployments, ...) does to call the API.

scripts/unasync writes ``_resource.py`` (``Resource``) from this file; edit this one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from replicate_typed import _pages
from replicate_typed._async_pager import AsyncPager
from replicate_typed._effects import Send
from replicate_typed._pages import GeneratedPage
from replicate_typed._responses import FromDict

if TYPE_CHECKING:
    from replicate_typed._async_client import AsyncReplicate

T = TypeVar("T")


class AsyncResource:
    """A namespace of API operations on one client."""

    def __init__(self, client: AsyncReplicate) -> None:
        self._client = client

    async def _fetch(self, send: Send, model: FromDict[T], *, repeatable: bool = True) -> T:
        """Send with retries and parse the response into a generated model."""
        core = self._client._core
        parse = core.model(model, send.operation)
        return await self._client._perform(core.call(send, parse, repeatable=repeatable))

    async def _send(self, send: Send, *, repeatable: bool = True) -> None:
        """Send with retries; the (empty) response body is not needed."""
        core = self._client._core
        await self._client._perform(core.call(send, lambda response: None, repeatable=repeatable))

    def _pager(self, send: Send, page: FromDict[GeneratedPage[T]]) -> AsyncPager[T]:
        """A lazy iterator over every item of a paginated list."""
        return AsyncPager(self._client, send, _pages.parser(page, send.operation))
