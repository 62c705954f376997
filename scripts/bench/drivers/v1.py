"""Benchmark driver: Replicate's official client, replicate==1.0.7, with its defaults."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from typing import Any

import replicate as untyped_replicate  # type: ignore[import-not-found]
import replicate.helpers as untyped_helpers  # type: ignore[import-not-found]
from common import TOKEN, Official, main

# Installed only in this driver's own environment (scripts/bench/.venvs), so the
# project's type checkers never see it: say once that it is untyped here.
replicate: Any = untyped_replicate
helpers: Any = untyped_helpers


class V1(Official):
    file_output = helpers.FileOutput

    def connect(self) -> Any:
        # replicate 1.x adds "/v1" itself: its base URL is the server's origin.
        return replicate.Client(api_token=TOKEN, base_url=self._url.removesuffix("/v1"))

    def get(self, prediction_id: str) -> Any:
        return self._client.predictions.get(prediction_id)

    @asynccontextmanager
    async def connect_async(self) -> AsyncGenerator[Any, None]:
        # A fresh client per event loop: its async HTTP client is bound to the first loop.
        yield self.connect().async_run


if __name__ == "__main__":
    main(V1)
