"""Fixtures for facade tests: every test runs against both Replicate and AsyncReplicate."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from typing import Any, Literal, cast

import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import AsyncFileOutput, AsyncReplicate, FileOutput, Replicate
from replicate_typed._nested import map_leaves
from replicate_typed.testing import FakeReplicate

from tests.support.clock import FakeTime
from tests.support.payloads import API, TOKEN

Kind = Literal["sync", "async"]


class Blocking:
    """Present an async client (or one of its namespaces) with blocking methods.

    Lets one test body drive both clients; async iterators are collected.
    """

    def __init__(self, target: object, event_loop: asyncio.Runner) -> None:
        self._target = target
        self._event_loop = event_loop

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        if inspect.iscoroutinefunction(value):

            def run_coroutine(*args: Any, **kwargs: Any) -> Any:
                args, kwargs = _unwrap_arguments(args, kwargs)
                return self._wrap(self._event_loop.run(value(*args, **kwargs)))

            return run_coroutine
        if inspect.isasyncgenfunction(value):

            def collect(*args: Any, **kwargs: Any) -> Iterator[Any]:
                args, kwargs = _unwrap_arguments(args, kwargs)
                return iter(self._event_loop.run(_collect(value(*args, **kwargs))))

            return collect
        if inspect.ismethod(value):

            def call(*args: Any, **kwargs: Any) -> Any:
                args, kwargs = _unwrap_arguments(args, kwargs)
                return self._wrap(value(*args, **kwargs))

            return call
        return self._wrap(value)

    def __iter__(self) -> Iterator[Any]:
        return iter([self._wrap(item) for item in self._event_loop.run(_collect(self._target))])

    def __str__(self) -> str:
        return str(self._target)

    def __eq__(self, other: object) -> bool:
        return bool(self._target == other)

    def __hash__(self) -> int:
        return hash(self._target)

    def _wrap(self, value: Any) -> Any:
        # Results are models, lists and dicts of them, or untyped model output, which
        # may nest deeper than a recursive copy survives: map_leaves keeps its own stack.
        return map_leaves(value, lambda _, leaf: self._wrap_leaf(leaf))

    def _wrap_leaf(self, value: object) -> object:
        if type(value).__module__.startswith("replicate_typed."):
            return Blocking(value, self._event_loop)
        return value


def _unwrap_arguments(
    args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """Pass the async client its own objects: a result handed back (``wait(created)``) unwrapped."""

    def unwrap(value: Any) -> Any:
        return value._target if isinstance(value, Blocking) else value

    return tuple(unwrap(arg) for arg in args), {k: unwrap(v) for k, v in kwargs.items()}


async def _collect(items: Any) -> list[Any]:
    return [item async for item in items]


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> Kind:
    return cast(Kind, request.param)


@contextmanager
def _clients_of_kind(
    kind: Kind, sync: Callable[..., Replicate], async_: Callable[..., AsyncReplicate]
) -> Generator[Callable[..., Replicate]]:
    """Make clients of ``kind`` with ``sync`` or ``async_``; async ones wrapped to look blocking.

    An async client is built inside the runner's loop, as real async code would
    build it; every client made is closed at the end.
    """
    runner = asyncio.Runner()
    made: list[Replicate | AsyncReplicate] = []

    def make(**options: Any) -> Replicate:
        if kind == "sync":
            client = sync(**options)
            made.append(client)
            return client

        async def construct() -> AsyncReplicate:
            return async_(**options)

        async_client = runner.run(construct())
        made.append(async_client)
        return cast(Replicate, Blocking(async_client, runner))

    try:
        yield make
    finally:
        for client in made:
            if isinstance(client, AsyncReplicate):
                runner.run(client.aclose())
            else:
                client.close()
        runner.close()


@pytest.fixture
def make_client(
    kind: Kind, fake_time: FakeTime, httpx_mock: HTTPXMock
) -> Iterator[Callable[..., Replicate]]:
    """Build a client of this test's kind; the async one is wrapped to look blocking."""

    def defaults(options: dict[str, Any], sleep: object) -> dict[str, Any]:
        return {
            "api_token": TOKEN,
            "base_url": API,
            "clock": fake_time.clock,
            "sleep": sleep,
            **options,
        }

    def sync(**options: Any) -> Replicate:
        return Replicate(**defaults(options, fake_time.sleep))

    def async_(**options: Any) -> AsyncReplicate:
        return AsyncReplicate(**defaults(options, fake_time.async_sleep))

    with _clients_of_kind(kind, sync, async_) as make:
        yield make


@pytest.fixture
def replicate(make_client: Callable[..., Replicate]) -> Replicate:
    """A client of this test's kind with a fake clock and sleeper."""
    return make_client()


@pytest.fixture
def fake() -> FakeReplicate:
    """The FakeReplicate ``client`` talks to: its example models (a module may serve others)."""
    return FakeReplicate()


@pytest.fixture
def make_fake_client(kind: Kind, fake: FakeReplicate) -> Iterator[Callable[..., Replicate]]:
    """Build clients of this test's kind on ``fake`` (its clock, its token), options as given."""
    with _clients_of_kind(kind, fake.client, fake.async_client) as make:
        yield make


@pytest.fixture
def client(make_fake_client: Callable[..., Replicate]) -> Replicate:
    """A client of this test's kind on ``fake``; the async one is wrapped to look blocking."""
    return make_fake_client()


def file_class(kind: Kind) -> type[str]:
    """The file objects a client of ``kind`` returns (both are ``str`` subclasses: the URL)."""
    return FileOutput if kind == "sync" else AsyncFileOutput


def unwrap(value: object) -> object:
    """What a Blocking wrapper holds (the async client's own object), or the value itself."""
    target: object = value._target if isinstance(value, Blocking) else value  # pyright: ignore[reportPrivateUsage]
    return target
