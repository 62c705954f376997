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

    async def _fetch(self, request: Send, model: FromDict[T]) -> T:
        """Send with retries and parse the response into a generated model."""
        core = self._runner.core
        parse = core.parser(model, request.operation)
        return await self._runner.perform(core.fetch(request, parse))

    async def _create(self, request: Send, model: FromDict[T]) -> T:
        """Send a create (never again once it may have arrived) and parse what it made."""
        return await self._runner.perform(self._runner.core.create(request, model))

    async def _delete(self, request: Send) -> None:
        """Send a delete with retries (a 404 after one may have arrived is success)."""
        await self._runner.perform(self._runner.core.delete(request))

    def _pager(self, request: Send, page: FromDict[GeneratedPage[T]]) -> AsyncPager[T]:
        """A lazy iterator over every item of a paginated list."""
        return AsyncPager(self._runner, request, _pagination.parser(page, request.operation))
