"""The I/O a flow asks its client to perform.

The logic of every operation (retries, polling, status handling, error
mapping) is written once, in ``_core``, as a generator that yields these
effects and receives their results. ``Replicate`` and ``AsyncReplicate`` only
perform them: the sync client with blocking calls, the async one with
``await``. An exception raised while performing an effect (a dropped
connection, a timeout, Ctrl-C, task cancellation) is thrown back into the flow,
so the decision about it is made in one place too.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import Any, TypeAlias, TypeVar

import httpx

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
    request: dict[str, Any]
    #: Overrides the client's timeout (a sync-mode create needs a longer read).
    timeout: httpx.Timeout | None = None
    #: Sent while the caller is being interrupted (cancel on Ctrl-C): shield it.
    cleanup: bool = False
    stream: bool = False
    #: None: the httpx client's own setting. Downloads follow redirects.
    follow_redirects: bool | None = None


@dataclass(frozen=True, slots=True)
class Sleep:
    """Pause for ``seconds`` (through the client's injectable sleeper)."""

    seconds: float


Effect: TypeAlias = Send | Sleep
#: A generator that yields effects and returns a ``T``.
Flow: TypeAlias = Generator[Effect, Any, T]
