"""Each recording, replayed through Replicate and AsyncReplicate as the SDK calls it maps to.

The transport (``replayer.Replayer``) serves the recorded responses in order
and refuses any request that is not the recorded one; ``scenarios.SCENARIOS``
says which SDK calls each recording is, and what their results must hold.
Sleeps go to a fake clock.
"""

from __future__ import annotations

import asyncio
from typing import Literal

import httpx
import pytest
from replicate_typed import AsyncReplicate, Replicate
from replicate_typed.testing import _spec

from tests.realdata.driver import play
from tests.realdata.recordings import API, fixture_files, recording
from tests.realdata.replayer import IGNORED_BODY_FIELDS, TOKEN, Replayer
from tests.realdata.scenarios import SCENARIOS
from tests.support.clock import FakeTime

RECORDING_IDS = [path.stem for path in fixture_files()]


def test_every_recording_has_a_scenario() -> None:
    assert sorted(SCENARIOS) == sorted(RECORDING_IDS)


@pytest.mark.parametrize("recording_id", RECORDING_IDS)
def test_scenario_uses_every_recorded_interaction(recording_id: str) -> None:
    scenario = SCENARIOS[recording_id]
    assert sum(call.uses for call in scenario.calls) == len(recording(recording_id).interactions)


def test_ignored_body_fields_are_the_ones_the_spec_calls_ignored() -> None:
    schemas = _spec.document()["components"]["schemas"]
    for name in IGNORED_BODY_FIELDS:
        described = {
            schema_name: schema["properties"][name].get("description", "")
            for schema_name, schema in schemas.items()
            if schema_name.endswith("_request") and name in schema.get("properties", {})
        }
        assert described, f"no request schema has {name!r}"
        assert all(text.startswith("Deprecated and ignored") for text in described.values())


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize("recording_id", RECORDING_IDS)
def test_replay(recording_id: str, kind: Literal["sync", "async"]) -> None:
    scenario = SCENARIOS[recording_id]
    replayer = Replayer(recording(recording_id), scenario.differences)
    time = FakeTime()
    transport = httpx.MockTransport(replayer.handle)
    if kind == "sync":
        with Replicate(
            api_token=TOKEN, base_url=API, transport=transport, sleep=time.sleep, clock=time.clock
        ) as client:
            asyncio.run(play(client, scenario, replayer))
    else:

        async def main() -> None:
            async with AsyncReplicate(
                api_token=TOKEN,
                base_url=API,
                transport=transport,
                sleep=time.async_sleep,
                clock=time.clock,
            ) as client:
                await play(client, scenario, replayer)

        asyncio.run(main())
