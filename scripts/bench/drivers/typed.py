"""Benchmark driver: replicate-typed, with its defaults."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from common import LIMIT_TIME_SCALE, TOKEN, main
from replicate_typed import AsyncReplicate, FileOutput, RateLimits, Replicate


class Typed:
    def __init__(self, url: str) -> None:
        self._url = url
        self._client = Replicate(TOKEN, base_url=url)

    def get(self, prediction_id: str) -> Any:
        return self._client.predictions.get(prediction_id)

    def run(self, model: str, input: dict[str, Any], wait: int | None) -> Any:
        if wait is None:
            return self._client.run(model, input)
        return self._client.run(model, input, wait=wait)

    async def async_runs(self, model: str, inputs: list[dict[str, Any]]) -> list[Any]:
        import asyncio

        async with AsyncReplicate(TOKEN, base_url=self._url) as client:
            return list(await asyncio.gather(*(client.run(model, i) for i in inputs)))

    async def async_runs_under_limits(self, model: str, inputs: list[dict[str, Any]]) -> list[Any]:
        import asyncio

        # The client's budget, told the limits the B7 server enforces, keeps the runs inside them.
        limits = RateLimits.documented(time_scale=LIMIT_TIME_SCALE)
        async with AsyncReplicate(TOKEN, base_url=self._url, rate_limits=limits) as client:
            runs = (client.run(model, i) for i in inputs)
            return list(await asyncio.gather(*runs, return_exceptions=True))

    def list_page(self) -> int:
        return len(self._client.predictions.list().page().results)

    def save(self, model: str, path: Path) -> int:
        return _one_file(self._client.run(model, {})).save(path).stat().st_size

    def read(self, model: str) -> int:
        return len(_one_file(self._client.run(model, {})).read())


def _one_file(output: object) -> FileOutput:
    assert isinstance(output, FileOutput), output
    return output


if __name__ == "__main__":
    main(Typed)
