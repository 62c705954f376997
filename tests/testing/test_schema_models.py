"""FakeReplicate.add_model_from_schema, and the clients' check_inputs=True against it."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from replicate_typed import FileOutput, OutputEvent, UnprocessableEntityError
from replicate_typed.bindings._checks import InputError, check_output
from replicate_typed.testing import FakeReplicate

from tests.realdata.by_schema import PUBLIC_MODELS_SAMPLE
from tests.unit.test_input_checks import INVALID_EXAMPLES

SAMPLE: list[dict[str, Any]] = json.loads(PUBLIC_MODELS_SAMPLE.read_text())
CREATES = ("predictions.create", "models.predictions.create")

SCHEMA: dict[str, Any] = {
    "components": {
        "schemas": {
            "Input": {
                "type": "object",
                "required": ["prompt"],
                "properties": {
                    "prompt": {"type": "string"},
                    "steps": {"type": "integer", "minimum": 1, "maximum": 4},
                },
            },
            "Output": {"type": "array", "items": {"type": "string", "format": "uri"}},
        }
    }
}


def _creates(fake: FakeReplicate) -> int:
    return sum(len(fake.requests.to(operation)) for operation in CREATES)


@pytest.mark.parametrize(
    "model",
    [m for m in SAMPLE if f"{m['owner']}/{m['name']}" not in INVALID_EXAMPLES],
    ids=lambda m: f"{m['owner']}/{m['name']}",
)
def test_every_sampled_model_runs_its_example_and_returns_a_conforming_output(
    model: dict[str, Any],
) -> None:
    fake = FakeReplicate(examples=False)
    name = f"{model['owner']}/{model['name']}"
    schema = model["latest_version"]["openapi_schema"]
    fake.add_model_from_schema(name, schema)
    with fake.client() as replicate:
        output = replicate.run(name, model["default_example"]["input"], file_output=False)
    check_output(schema, output)


def test_a_file_output_is_served_from_the_fake_file_host() -> None:
    fake = FakeReplicate(examples=False)
    fake.add_model_from_schema("acme/paint", SCHEMA)
    with fake.client() as replicate:
        output = replicate.run("acme/paint", {"prompt": "a fox"})
        assert isinstance(output, list)
        [file] = output
        assert isinstance(file, FileOutput)
        assert file.read() == b"fake output file"


def test_a_string_iterator_output_streams() -> None:
    schema: dict[str, Any] = {
        "components": {
            "schemas": {
                "Input": {"type": "object", "properties": {}},
                "Output": {
                    "type": "array",
                    "items": {"type": "string"},
                    "x-cog-array-type": "iterator",
                },
            }
        }
    }
    fake = FakeReplicate(examples=False)
    fake.add_model_from_schema("acme/chat", schema)
    with fake.client() as replicate:
        events = list(replicate.stream("acme/chat", {}))
    assert [event.data for event in events if isinstance(event, OutputEvent)] == ["fake output"]


def test_a_bad_input_gets_the_api_422_naming_the_field() -> None:
    fake = FakeReplicate(examples=False)
    fake.add_model_from_schema("acme/paint", SCHEMA)
    with fake.client() as replicate, pytest.raises(UnprocessableEntityError) as caught:
        replicate.create("acme/paint", {"prompt": "a fox", "steps": 9})
    assert "input.steps" in str(caught.value)
    assert "maximum" in str(caught.value)
    assert fake.predictions() == []


def test_versions_show_the_schema() -> None:
    fake = FakeReplicate(examples=False)
    entry = fake.add_model_from_schema("acme/paint", SCHEMA)
    with fake.client() as replicate:
        version = replicate.models.versions.get("acme/paint", entry.version_id)
    assert version.openapi_schema == SCHEMA


@pytest.mark.parametrize("ref", ["acme/paint", "acme/paint:{version}"])
def test_check_inputs_refuses_a_bad_input_before_any_create(ref: str) -> None:
    fake = FakeReplicate(examples=False)
    entry = fake.add_model_from_schema("acme/paint", SCHEMA)
    with fake.client(check_inputs=True) as replicate, pytest.raises(InputError) as caught:
        replicate.run(ref.format(version=entry.version_id), {"prompt": "a fox", "stpes": 2})
    assert "input.stpes" in str(caught.value)
    assert _creates(fake) == 0


def test_check_inputs_covers_stream() -> None:
    fake = FakeReplicate(examples=False)
    fake.add_model_from_schema("acme/paint", SCHEMA)
    with fake.client(check_inputs=True) as replicate:
        stream = replicate.stream("acme/paint", {"prompt": 3})
        with pytest.raises(InputError, match=r"input\.prompt: must be a string"):
            list(stream)
    assert _creates(fake) == 0


def test_check_inputs_on_the_sync_client_shares_one_fetch_across_threads() -> None:
    fake = FakeReplicate(examples=False)
    fake.add_model_from_schema("acme/paint", SCHEMA)
    with fake.client(check_inputs=True) as replicate:
        replicate.run("acme/paint", {"prompt": "warm up"})
        with ThreadPoolExecutor(4) as pool:
            runs = [
                pool.submit(replicate.run, "acme/paint", {"prompt": "x", "steps": n})
                for n in (1, 2, 3, 9)
            ]
            outcomes = [run.exception() for run in runs]
    assert [type(outcome) for outcome in outcomes] == [type(None)] * 3 + [InputError]
    assert len(fake.requests.to("models.get")) == 1
    assert _creates(fake) == 4


def test_check_inputs_fetches_each_schema_once() -> None:
    fake = FakeReplicate(examples=False)
    fake.add_model_from_schema("acme/paint", SCHEMA)
    with fake.client(check_inputs=True) as replicate:
        for steps in (1, 2, 3):
            replicate.run("acme/paint", {"prompt": "a fox", "steps": steps})
        with pytest.raises(InputError):
            replicate.create("acme/paint", {"prompt": "a fox", "steps": 5})
    assert len(fake.requests.to("models.get")) == 1
    assert _creates(fake) == 3


def test_check_inputs_on_the_async_client_shares_one_fetch_across_tasks() -> None:
    fake = FakeReplicate(examples=False)
    fake.add_model_from_schema("acme/paint", SCHEMA)

    async def main() -> None:
        async with fake.async_client(check_inputs=True) as replicate:
            await replicate.run("acme/paint", {"prompt": "warm up"})
            await asyncio.gather(
                *(replicate.run("acme/paint", {"prompt": f"fox {n}"}) for n in range(3))
            )
            with pytest.raises(InputError):
                await replicate.run("acme/paint", {})

    asyncio.run(main())
    assert len(fake.requests.to("models.get")) == 1
    assert _creates(fake) == 4


def test_check_inputs_uses_a_version_object_without_fetching() -> None:
    fake = FakeReplicate(examples=False)
    entry = fake.add_model_from_schema("acme/paint", SCHEMA)
    with fake.client(check_inputs=True) as replicate:
        version = replicate.models.versions.get("acme/paint", entry.version_id)
        with pytest.raises(InputError):
            replicate.run(version, {"prompt": 3})
    assert len(fake.requests.to("models.versions.get")) == 1
    assert _creates(fake) == 0


def test_check_inputs_refuses_a_bare_version_id_it_cannot_look_up() -> None:
    fake = FakeReplicate(examples=False)
    entry = fake.add_model_from_schema("acme/paint", SCHEMA)
    with fake.client(check_inputs=True) as replicate, pytest.raises(ValueError, match="bare"):
        replicate.run(entry.version_id, {"prompt": "a fox"})
    assert len(fake.requests) == 0


def test_without_check_inputs_the_api_is_what_refuses() -> None:
    fake = FakeReplicate(examples=False)
    fake.add_model_from_schema("acme/paint", SCHEMA)
    with fake.client() as replicate, pytest.raises(UnprocessableEntityError):
        replicate.run("acme/paint", {"prompt": "a fox", "stpes": 2})
    assert len(fake.requests.to("models.get")) == 0
    assert _creates(fake) == 1


def test_deployments_are_not_checked() -> None:
    fake = FakeReplicate(examples=False)
    fake.add_model_from_schema("acme/paint", SCHEMA)
    fake.add_deployment("acme/paint-prod", "acme/paint")
    with fake.client(check_inputs=True) as replicate, pytest.raises(UnprocessableEntityError):
        replicate.run(deployment="acme/paint-prod", input={"prompt": 3})
    assert len(fake.requests.to("models.get")) == 0
