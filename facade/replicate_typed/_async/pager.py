"""AsyncPager: every item of a paginated list, fetched a page at a time.

scripts/unasync writes ``_sync/pager.py`` (``Pager``) from this file; edit this one.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Generic, TypeVar

import httpx

from replicate_typed._async.runner import AsyncRunner
from replicate_typed._effects import Send
from replicate_typed._pagination import Page, Trail

T = TypeVar("T")


class AsyncPager(Generic[T]):
    """Iterate to get every item (pages are fetched lazily, following ``next``).

    ``page()`` fetches the first page, ``page(url)`` the one at a ``next`` or
    ``previous`` link, and ``pages()`` iterates page by page.
    """

    def __init__(
        self,
        runner: AsyncRunner,
        first: Send,
        parse: Callable[[httpx.Response], Page[T]],
    ) -> None:
        self._runner = runner
        self._first = first
        self._parse = parse

    def __aiter__(self) -> AsyncIterator[T]:
        return self._items()

    async def _items(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in page.results:
                yield item

    async def pages(self) -> AsyncIterator[Page[T]]:
        """Every page, from the first.

        Raises InvalidResponseError when a ``next`` link leads back to a page
        already fetched (after yielding the pages before it).
        """
        core = self._runner.core
        trail = Trail(
            core.settings.base_url, core.absolute(self._first.kwargs), self._first.operation
        )
        page = await self._fetch(self._first)
        yield page
        while page.next is not None:
            page = await self._fetch(trail.follow(page.next))
            yield page

    async def page(self, url: str | None = None) -> Page[T]:
        """One page: the first, or the one at a ``next``/``previous`` link."""
        core = self._runner.core
        return await self._fetch(
            self._first if url is None else core.follow(url, self._first.operation)
        )

    async def _fetch(self, request: Send) -> Page[T]:
        return await self._runner.perform(self._runner.core.fetch(request, self._parse))
