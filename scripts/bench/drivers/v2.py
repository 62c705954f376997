"""Benchmark driver: Replicate's official client, replicate==2.0.0b4, with its defaults."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from typing import Any

import replicate as untyped_replicate  # type: ignore[import-not-found]
import replicate.lib._files as untyped_files  # type: ignore[import-not-found]
from common import TOKEN, Official, main

# Installed only in this driver's own environment (scripts/bench/.venvs), so the
# project's type checkers never see it: say once that it is untyped here.
replicate: Any = untyped_replicate
files: Any = untyped_files


class V2(Official):
    file_output = files.FileOutput

    def connect(self) -> Any:
        return replicate.Replicate(bearer_token=TOKEN, base_url=self._url)

    def get(self, prediction_id: str) -> Any:
        return self._client.predictions.get(prediction_id=prediction_id)

    @asynccontextmanager
    async def connect_async(self) -> AsyncGenerator[Any, None]:
        async with replicate.AsyncReplicate(bearer_token=TOKEN, base_url=self._url) as client:
            yield client.run


if __name__ == "__main__":
    main(V2)
