"""Pager: every item of a paginated list, fetched a page at a time.

Written by scripts/unasync from _async/pager.py: edit that file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

import httpx

from replicate_typed._effects import Send
from replicate_typed._pagination import Page, Trail
from replicate_typed._sync.runner import Runner

T = TypeVar("T")


class Pager(Generic[T]):
    """Iterate to get every item (pages are fetched lazily, following ``next``).

    ``page()`` fetches the first page, ``page(url)`` the one at a ``next`` or
    ``previous`` link, and ``pages()`` iterates page by page.
    """

    def __init__(
        self,
        runner: Runner,
        first: Send,
        parse: Callable[[httpx.Response], Page[T]],
    ) -> None:
        self._runner = runner
        self._first = first
        self._parse = parse

    def __iter__(self) -> Iterator[T]:
        return self._items()

    def _items(self) -> Iterator[T]:
        for page in self.pages():
            for item in page.results:
                yield item

    def pages(self) -> Iterator[Page[T]]:
        """Every page, from the first.

        Raises InvalidResponseError when a ``next`` link leads back to a page
        already fetched (after yielding the pages before it).
        """
        core = self._runner.core
        trail = Trail(
            core.settings.base_url, core.absolute(self._first.kwargs), self._first.operation
        )
        page = self._fetch(self._first)
        yield page
        while page.next is not None:
            page = self._fetch(trail.follow(page.next))
            yield page

    def page(self, url: str | None = None) -> Page[T]:
        """One page: the first, or the one at a ``next``/``previous`` link."""
        core = self._runner.core
        return self._fetch(self._first if url is None else core.follow(url, self._first.operation))

    def _fetch(self, request: Send) -> Page[T]:
        return self._runner.perform(self._runner.core.fetch(request, self._parse))
