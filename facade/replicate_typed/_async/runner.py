"""AsyncRunner: what a resource needs of its client, and nothing else.

A resource, a pager, a stream or a file output gets a runner, never the
client: it builds a flow from the sans-IO parts (``core`` sends, ``jobs``
drives predictions and trainings) and asks the runner to perform it. Only
``AsyncReplicate`` makes runners; the sync twin is ``Runner``. Every error
that leaves a flow passes here, so this is where the client's own token is
taken out of it (see ``_redaction``).
"""

from __future__ import annotations

from inspect import GEN_SUSPENDED, getgeneratorstate
from typing import TypeVar

from replicate_typed._async_io import AsyncIO
from replicate_typed._core import Core
from replicate_typed._effects import Flow, Received
from replicate_typed._jobs import Jobs
from replicate_typed._redaction import redact_error

T = TypeVar("T")


class AsyncRunner:
    """Performs flows on one client's connection pool, with its settings."""

    def __init__(self, io: AsyncIO, core: Core) -> None:
        self._io = io
        #: Sends requests (with retries) and parses responses, as flows.
        self.core = core
        #: The lifecycle flows of predictions and trainings.
        self.jobs: Jobs = Jobs(core)

    async def perform(self, flow: Flow[T]) -> T:
        """Drive a flow: perform each effect it yields and send back the result or error.

        An error while an effect is performed goes into the flow, which decides:
        retry, cancel, or raise. So does a Ctrl-C that lands here, between the
        flow's steps (just after it yielded, say), while it waits at a ``yield``:
        else a wait would end without canceling its prediction. An exception
        the flow raises has ended it, and goes on to the caller.
        """
        value: Received = None
        error: BaseException | None = None
        while True:
            try:
                while True:  # inside the try, this loop's every turn is covered too
                    try:
                        effect = flow.send(value) if error is None else flow.throw(error)
                    except StopIteration as done:
                        result: T = done.value
                        return result
                    except Exception as failed:
                        redact_error(failed, self.core.settings.token.reveal())
                        raise
                    value, error = await self._io.perform(effect), None
            except BaseException as exc:
                if getgeneratorstate(flow) != GEN_SUSPENDED:
                    raise  # the flow's own error (or one before it started)
                value, error = None, exc
