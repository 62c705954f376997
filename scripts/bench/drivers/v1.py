"""Benchmark driver: Replicate's official client, replicate==1.0.7, with its defaults."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import replicate  # type: ignore[import-not-found]
from common import TOKEN, main
from replicate.helpers import FileOutput  # type: ignore[import-not-found]


class V1:
    def __init__(self, url: str) -> None:
        self._url = url
        # replicate 1.x adds "/v1" itself: its base URL is the server's origin.
        self._client = replicate.Client(api_token=TOKEN, base_url=url.removesuffix("/v1"))

    def get(self, prediction_id: str) -> Any:
        return self._client.predictions.get(prediction_id)

    def run(self, model: str, input: dict[str, Any], wait: int | None) -> Any:
        if wait is None:
            return self._client.run(model, input=input)
        return self._client.run(model, input=input, wait=wait)

    async def async_runs(self, model: str, inputs: list[dict[str, Any]]) -> list[Any]:
        import asyncio

        # A fresh client per event loop: its async HTTP client is bound to the first loop.
        client = replicate.Client(api_token=TOKEN, base_url=self._url.removesuffix("/v1"))
        return list(await asyncio.gather(*(client.async_run(model, input=i) for i in inputs)))

    def list_page(self) -> int:
        return len(self._client.predictions.list().results)

    def _file(self, model: str) -> Any:
        output = self._client.run(model, input={})
        # It wraps only https:// URLs as FileOutput; the loopback server serves
        # http://, so wrap it the way it would, to measure its own download code.
        return output if not isinstance(output, str) else FileOutput(output, self._client)

    def save(self, model: str, path: Path) -> int:
        output = self._file(model)
        with path.open("wb") as out:
            for chunk in output:
                out.write(chunk)
        return path.stat().st_size

    def read(self, model: str) -> int:
        return len(self._file(model).read())


if __name__ == "__main__":
    main(V1)
