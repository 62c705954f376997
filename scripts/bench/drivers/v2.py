"""Benchmark driver: Replicate's official client, replicate==2.0.0b4, with its defaults."""

from __future__ import annotations

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

    def __init__(self, url: str) -> None:
        self._url = url
        self._client = replicate.Replicate(bearer_token=TOKEN, base_url=url)

    def get(self, prediction_id: str) -> Any:
        return self._client.predictions.get(prediction_id=prediction_id)

    async def async_runs(self, model: str, inputs: list[dict[str, Any]]) -> list[Any]:
        import asyncio

        async with replicate.AsyncReplicate(bearer_token=TOKEN, base_url=self._url) as client:
            return list(await asyncio.gather(*(client.run(model, input=i) for i in inputs)))


if __name__ == "__main__":
    main(V2)
