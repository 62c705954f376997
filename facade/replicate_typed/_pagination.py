"""Pages of paginated lists, and the rule for following their ``next`` links (no I/O)."""

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


def _link(value: str | None) -> str | None:
    return value or None
