"""AsyncResource: how every API namespace (models, deployments, ...) calls the API.

A resource holds its client's runner (``runner.py``), never the client.
"""

from __future__ import annotations

from typing import TypeVar

from replicate_typed import _pagination
from replicate_typed._async.pager import AsyncPager
from replicate_typed._async.runner import AsyncRunner
from replicate_typed._effects import Send
from replicate_typed._pagination import GeneratedPage
from replicate_typed._responses import FromDict

T = TypeVar("T")


class AsyncResource:
    """A namespace of API operations, performed by one client's runner."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    async def _fetch(self, request: Send, model: FromDict[T], *, repeatable: bool = True) -> T:
        """Send with retries and parse the response into a generated model."""
        core = self._runner.core
        parse = core.parser(model, request.operation)
        return await self._runner.perform(core.fetch(request, parse, repeatable=repeatable))

    async def _send(self, request: Send, *, repeatable: bool = True) -> None:
        """Send with retries; the (empty) response body is not needed."""
        core = self._runner.core
        await self._runner.perform(
            core.fetch(request, lambda response: None, repeatable=repeatable)
        )

    def _pager(self, request: Send, page: FromDict[GeneratedPage[T]]) -> AsyncPager[T]:
        """A lazy iterator over every item of a paginated list."""
        return AsyncPager(self._runner, request, _pagination.parser(page, request.operation))
