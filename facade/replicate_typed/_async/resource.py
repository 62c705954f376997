"""AsyncResource: how every API namespace (models, deployments, ...) calls the API.

A resource holds its client's runner (``runner.py``), never the client.
"""

from __future__ import annotations

from typing import TypeVar

from replicate_typed import _pages
from replicate_typed._async.pager import AsyncPager
from replicate_typed._async.runner import AsyncRunner
from replicate_typed._effects import Send
from replicate_typed._pages import GeneratedPage
from replicate_typed._responses import FromDict

T = TypeVar("T")


class AsyncResource:
    """A namespace of API operations, performed by one client's runner."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    async def _fetch(self, send: Send, model: FromDict[T], *, repeatable: bool = True) -> T:
        """Send with retries and parse the response into a generated model."""
        core = self._runner.core
        parse = core.parser(model, send.operation)
        return await self._runner.perform(core.fetch(send, parse, repeatable=repeatable))

    async def _send(self, send: Send, *, repeatable: bool = True) -> None:
        """Send with retries; the (empty) response body is not needed."""
        core = self._runner.core
        await self._runner.perform(core.fetch(send, lambda response: None, repeatable=repeatable))

    def _pager(self, send: Send, page: FromDict[GeneratedPage[T]]) -> AsyncPager[T]:
        """A lazy iterator over every item of a paginated list."""
        return AsyncPager(self._runner, send, _pages.parser(page, send.operation))
