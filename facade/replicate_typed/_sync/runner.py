"""Runner: what a resource needs of its client, and nothing else.

Written by scripts/unasync from _async/runner.py: edit that file.
"""

from __future__ import annotations

from typing import TypeVar

from replicate_typed._core import Core
from replicate_typed._effects import Flow, Received
from replicate_typed._io import SyncIO
from replicate_typed._jobs import Jobs
from replicate_typed._redaction import redact_error

T = TypeVar("T")


class Runner:
    """Performs flows on one client's connection pool, with its settings."""

    def __init__(self, io: SyncIO, core: Core) -> None:
        self._io = io
        #: Sends requests (with retries) and parses responses, as flows.
        self.core = core
        #: The lifecycle flows of predictions and trainings.
        self.jobs: Jobs = Jobs(core)

    def perform(self, flow: Flow[T]) -> T:
        """Drive a flow: perform each effect it yields and send back the result or error."""
        value: Received = None
        error: BaseException | None = None
        while True:
            try:
                effect = flow.send(value) if error is None else flow.throw(error)
            except StopIteration as done:
                result: T = done.value
                return result
            except Exception as failed:
                redact_error(failed, self.core.settings.token.reveal())
                raise
            try:
                value, error = self._io.perform(effect), None
            except BaseException as exc:  # the flow decides: retry, cancel, or raise
                value, error = None, exc
