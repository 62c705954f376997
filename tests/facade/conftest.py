"""Fixtures for facade tests: every test runs against both Replicate and AsyncReplicate."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Iterator
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


@pytest.fixture
def make_client(
    kind: Kind, fake_time: FakeTime, httpx_mock: HTTPXMock
) -> Iterator[Callable[..., Replicate]]:
    """Build a client of this test's kind; the async one is wrapped to look blocking."""
    runner = asyncio.Runner()
    made: list[Replicate | AsyncReplicate] = []

    def make(**options: Any) -> Replicate:
        options.setdefault("api_token", TOKEN)
        options.setdefault("base_url", API)
        options.setdefault("clock", fake_time.clock)
        if kind == "sync":
            options.setdefault("sleep", fake_time.sleep)
            client = Replicate(**options)
            made.append(client)
            return client
        options.setdefault("sleep", fake_time.async_sleep)
        async_client = runner.run(_construct(options))
        made.append(async_client)
        return cast(Replicate, Blocking(async_client, runner))

    yield make
    for client in made:
        if isinstance(client, AsyncReplicate):
            runner.run(client.aclose())
        else:
            client.close()
    runner.close()


async def _construct(options: dict[str, Any]) -> AsyncReplicate:
    # Built inside the runner's loop, like real async code would.
    return AsyncReplicate(**options)


@pytest.fixture
def replicate(make_client: Callable[..., Replicate]) -> Replicate:
    """A client of this test's kind with a fake clock and sleeper."""
    return make_client()


@pytest.fixture
def fake() -> FakeReplicate:
    """The FakeReplicate ``client`` talks to: its example models (a module may serve others)."""
    return FakeReplicate()


@pytest.fixture
def client(kind: Kind, fake: FakeReplicate) -> Iterator[Replicate]:
    """A client of this test's kind on ``fake``; the async one is wrapped to look blocking."""
    if kind == "sync":
        with fake.client() as replicate:
            yield replicate
        return
    runner = asyncio.Runner()
    async_client = runner.run(_async_client(fake))
    yield cast(Replicate, Blocking(async_client, runner))
    runner.run(async_client.aclose())
    runner.close()


async def _async_client(fake: FakeReplicate) -> AsyncReplicate:
    return fake.async_client()


def file_class(kind: Kind) -> type[str]:
    """The file objects a client of ``kind`` returns (both are ``str`` subclasses: the URL)."""
    return FileOutput if kind == "sync" else AsyncFileOutput


def unwrap(value: object) -> object:
    """What a Blocking wrapper holds (the async client's own object), or the value itself."""
    target: object = value._target if isinstance(value, Blocking) else value  # pyright: ignore[reportPrivateUsage]
    return target
