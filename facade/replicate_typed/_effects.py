"""The I/O a flow asks its client to perform.

The logic of every operation (retries, polling, status handling, error
mapping) is written once, in ``_core``, as a generator that yields these
effects and receives their results. ``Replicate`` and ``AsyncReplicate`` only
perform them: the sync client with blocking calls, the async one with
``await``. An exception raised while performing an effect (a dropped
connection, a timeout, Ctrl-C, task cancellation) is thrown back into the flow,
so the decision about it is made in one place too.

What the performer sends back is typed: the result of a ``Send`` is an
``httpx.Response`` and the result of a ``Sleep`` is None, so a flow is a
``Generator[Effect, Received, T]`` with ``Received = httpx.Response | None``.
A Python generator has one send type, so the pairing of each effect with its
result cannot be said in the type itself; it is checked once, in
``response_to``, the only place a flow receives a response::

    response = yield from response_to(request)   # an httpx.Response
    yield Sleep(delay)                        # the None it gets back is ignored

so no flow narrows ``Received`` by hand, and a performer that sent back the
wrong thing fails there with a clear error instead of somewhere later.

Names: effects are verbs (``Send``, ``Sleep``); a ``Send`` held in a variable
is a ``request``, and its ``kwargs`` are what ``httpx.Client.build_request``
takes (``replicate_api.types.RequestArgs``, as the generated endpoints'
``request_args`` build them). ``Core.send`` performs a request with retries, ``Core.send_once``
exactly once; the generator's own ``.send`` appears only in the performers.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import TypeAlias, TypeVar

import httpx
from replicate_api.types import RequestArgs

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Send:
    """Send one HTTP request; the result is the ``httpx.Response``.

    With ``stream`` the body of a 2xx response is left unread for the caller
    to iterate and close; any other response arrives read and closed.
    """

    #: The API operation, e.g. "predictions.get", for logs and errors.
    operation: str
    #: Keyword arguments for ``httpx.Client.request``.
    kwargs: RequestArgs
    #: Overrides the client's timeout (a sync-mode create needs a longer read).
    timeout: httpx.Timeout | None = None
    #: Seconds left of the caller's time limit (``wait``, ``run``), from when it is
    #: sent: every timeout is cut to it and the whole exchange must end within it
    #: (see ``_time_limits``). None: no limit but the request's own.
    time_left: float | None = None
    #: Sent while the caller is being interrupted (cancel on Ctrl-C): shield it.
    cleanup: bool = False
    stream: bool = False
    #: None: the httpx client's own setting. Downloads follow redirects.
    follow_redirects: bool | None = None


@dataclass(frozen=True, slots=True)
class Sleep:
    """Pause for ``seconds`` (through the client's injectable sleeper)."""

    seconds: float


@dataclass(frozen=True, slots=True)
class ReadUntil:
    """Read a streamed response's body until ``enough(chunk)`` says so, or it ends; then close it.

    The result is None: what the chunks meant is ``enough``'s to record. A
    transport error while reading (a drop, a read timeout) is raised into the
    flow, the response closed all the same. ``deadline``: the clock reading
    after which a piece arriving raises ``httpx.ReadTimeout`` (None: only the
    request's own read timeout bounds each wait), so a stream that keeps
    trickling cannot outlast the caller's time limit.
    """

    response: httpx.Response
    enough: Callable[[bytes], bool]
    deadline: float | None = None


Effect: TypeAlias = Send | Sleep | ReadUntil
#: What the performer sends back into a flow: the response to a ``Send``, None otherwise.
Received: TypeAlias = httpx.Response | None
#: A generator that yields effects, receives their results and returns a ``T``.
Flow: TypeAlias = Generator[Effect, Received, T]


def response_to(request: Send) -> Flow[httpx.Response]:
    """Yield ``request`` and return the response the performer sends back.

    Raises TypeError if it sends back anything else (a performer's bug).
    """
    response = yield request
    if not isinstance(response, httpx.Response):
        raise TypeError(
            f"{request.operation}: the performer sent back {response!r}, not a response"
        )
    return response
