"""Pages of paginated lists, and the rules for following their ``next`` links (no I/O).

A link is followed only to the API's own origin (``follow``), and only to a
page the iteration has not fetched yet (``Trail``): a ``next`` that points at
its own page, or back at any earlier one, would make iteration endless.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

import httpx

from replicate_typed._effects import Send
from replicate_typed._errors import InvalidResponseError
from replicate_typed._responses import FromDict, parse_model

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: its items and the links to the pages around it."""

    results: list[T]
    next: str | None
    previous: str | None


class GeneratedPage(Protocol[T_co]):
    """What every generated page model (PredictionPage, ModelPage, ...) has."""

    @property
    def results(self) -> Sequence[T_co] | None: ...

    @property
    def next_(self) -> str | None: ...

    @property
    def previous(self) -> str | None: ...


def parser(
    model: FromDict[GeneratedPage[T]], operation: str
) -> Callable[[httpx.Response], Page[T]]:
    """Parse responses of ``operation`` into ``Page``s through a generated page model."""

    def parse(response: httpx.Response) -> Page[T]:
        page = parse_model(response, model, operation)
        results = list(page.results or ())
        return Page(results, _link(page.next_), _link(page.previous))

    return parse


def follow(base_url: str, url: str, operation: str) -> Send:
    """The request for a page link; a link to another origin than the API's is refused.

    Links are absolute; a relative one is read against the API. Refusing other
    origins keeps the token from being led anywhere else.
    """
    base = httpx.URL(base_url)
    target = base.join(url)
    if (target.scheme, target.host, target.port) != (base.scheme, base.host, base.port):
        raise InvalidResponseError(
            f"{operation}: page link {url!r} is not on {base.host}; not followed",
            status=200,
            operation=operation,
            body=url,
        )
    return Send(operation, {"method": "get", "url": str(target)})


class Trail:
    """The pages one iteration has fetched; a ``next`` link back to any of them is refused."""

    def __init__(self, base_url: str, first: str, operation: str) -> None:
        self._base_url = base_url
        self._operation = operation
        self._fetched = {_canonical(httpx.URL(first))}

    def follow(self, link: str) -> Send:
        """The request for the page at ``link``; InvalidResponseError if it was fetched already."""
        request = follow(self._base_url, link, self._operation)
        page = _canonical(httpx.URL(request.kwargs["url"]))
        if page in self._fetched:
            raise InvalidResponseError(
                f"{self._operation}: page link {link!r} leads back to a page already fetched; "
                "not followed, since the list would never end",
                status=200,
                operation=self._operation,
                body=link,
            )
        self._fetched.add(page)
        return request


def _canonical(url: httpx.URL) -> str:
    """One spelling of a page URL: its query parameters sorted, a fragment dropped."""
    return str(url.copy_with(params=sorted(url.params.multi_items()), fragment=None))


def _link(value: str | None) -> str | None:
    return value or None
