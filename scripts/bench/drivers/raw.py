"""Benchmark driver: raw httpx doing the least a client can (the floor).

One httpx.Client, "Prefer: wait" on create, then a tight poll; JSON left as dicts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
from common import TOKEN, main

TERMINAL = {"succeeded", "failed", "canceled", "aborted"}


class Raw:
    def __init__(self, url: str) -> None:
        self._url = url
        self._headers = {"Authorization": f"Bearer {TOKEN}"}
        self._client = httpx.Client(base_url=url, headers=self._headers, timeout=70)

    def get(self, prediction_id: str) -> Any:
        return self._client.get(f"/predictions/{prediction_id}").json()

    def run(self, model: str, input: dict[str, Any], wait: int | None) -> Any:
        prefer = "wait" if wait is None else f"wait={wait}"
        prediction = self._client.post(
            f"/models/{model}/predictions", json={"input": input}, headers={"Prefer": prefer}
        ).json()
        while prediction["status"] not in TERMINAL:
            prediction = self._client.get(f"/predictions/{prediction['id']}").json()
        return prediction["output"]

    async def async_runs(self, model: str, inputs: list[dict[str, Any]]) -> list[Any]:
        return await self._gather(model, inputs, return_exceptions=False)

    async def async_runs_under_limits(self, model: str, inputs: list[dict[str, Any]]) -> list[Any]:
        # Naive on purpose: a 429 is not retried, so the run fails (reading its "id").
        return await self._gather(model, inputs, return_exceptions=True)

    async def _gather(
        self, model: str, inputs: list[dict[str, Any]], *, return_exceptions: bool
    ) -> list[Any]:
        import asyncio

        async with httpx.AsyncClient(
            base_url=self._url, headers=self._headers, timeout=70
        ) as client:

            async def one(input: dict[str, Any]) -> Any:
                prediction = (
                    await client.post(
                        f"/models/{model}/predictions",
                        json={"input": input},
                        headers={"Prefer": "wait"},
                    )
                ).json()
                while prediction["status"] not in TERMINAL:
                    prediction = (await client.get(f"/predictions/{prediction['id']}")).json()
                return prediction["output"]

            runs = (one(i) for i in inputs)
            return list(await asyncio.gather(*runs, return_exceptions=return_exceptions))

    def list_page(self) -> int:
        return len(self._client.get("/predictions").json()["results"])

    def save(self, model: str, path: Path) -> int:
        url = self.run(model, {}, None)
        with httpx.stream("GET", url) as response, path.open("wb") as out:
            for chunk in response.iter_bytes(64 * 1024):
                out.write(chunk)
        return path.stat().st_size

    def read(self, model: str) -> int:
        return len(httpx.get(self.run(model, {}, None)).content)


if __name__ == "__main__":
    main(Raw)
