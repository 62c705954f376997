"""Resource: how every API namespace (models, deployments, ...) calls the API.

Written by scripts/unasync from _async/resource.py: edit that file.
"""

from __future__ import annotations

from typing import TypeVar

from replicate_typed import _pagination
from replicate_typed._effects import Send
from replicate_typed._pagination import GeneratedPage
from replicate_typed._responses import FromDict
from replicate_typed._sync.pager import Pager
from replicate_typed._sync.runner import Runner

T = TypeVar("T")


class Resource:
    """A namespace of API operations, performed by one client's runner."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def _fetch(self, request: Send, model: FromDict[T]) -> T:
        """Send with retries and parse the response into a generated model."""
        core = self._runner.core
        parse = core.parser(model, request.operation)
        return self._runner.perform(core.fetch(request, parse))

    def _create(self, request: Send, model: FromDict[T]) -> T:
        """Send a create (never again once it may have arrived) and parse what it made."""
        return self._runner.perform(self._runner.core.create(request, model))

    def _delete(self, request: Send) -> None:
        """Send a delete with retries (a 404 after one may have arrived is success)."""
        self._runner.perform(self._runner.core.delete(request))

    def _pager(self, request: Send, page: FromDict[GeneratedPage[T]]) -> Pager[T]:
        """A lazy iterator over every item of a paginated list."""
        return Pager(self._runner, request, _pagination.parser(page, request.operation))
