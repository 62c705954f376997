"""What generated classes do at run time: read real outputs, build inputs, keep secrets."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import attrs
import pytest
from replicate_typed.bindings import ModelSource, Secret, TypedModel, generate_module
from replicate_typed.bindings._schema import ListShape, read_interface

from tests.bindings.samples import Sample, load, references, samples

SUCCEEDED = [found for found in samples() if found.example.get("status") == "succeeded"]
#: Examples whose output no longer fits the latest version's schema (each was made
#: with an older version): the reader must say where, not pass them through.
DRIFTED = {
    "huan/ding-dong": r"^output: expected an array, got NoneType None$",
    "ninehills/bge-reranker-base": r"^output: missing the required field 'use_fp16'$",
    "zsxkib/flux-dev-inpainting": r"^output: expected an array, got str 'https://",
}


@pytest.fixture(scope="module")
def module(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("readers") / "reader_bindings.py"
    path.write_text(generate_module([found.source for found in samples()]))
    return load(path, "reader_bindings")


def _to_file(url: str) -> Any:
    """Stands in for the client's FileOutput: marks where the reader saw a file."""
    return ("file", url)


def _reference(module: Any, found: Sample) -> TypedModel[Any, Any, Any]:
    return next(
        reference for reference in references(module) if reference.model == found.source.model
    )


@pytest.mark.parametrize(
    "found",
    [found for found in SUCCEEDED if found.source.model not in DRIFTED],
    ids=lambda found: found.source.model,
)
def test_each_default_example_output_reads_back_to_what_was_sent(
    module: Any, found: Sample
) -> None:
    reference = _reference(module, found)
    raw = found.example["output"]
    output = read_interface(found.source.openapi_schema).output
    expected = "".join(raw) if isinstance(output, ListShape) and output.concatenate else raw

    assert _plain(reference.read_output(raw, _to_file)) == _without_nulls(expected)
    assert _plain(reference.read_async_output(raw, _to_file)) == _without_nulls(expected)


@pytest.mark.parametrize("model", sorted(DRIFTED))
def test_an_example_that_drifted_from_the_schema_is_reported_where(module: Any, model: str) -> None:
    found = next(found for found in SUCCEEDED if found.source.model == model)
    reference = _reference(module, found)
    with pytest.raises(ValueError, match=DRIFTED[model]):
        reference.read_output(found.example["output"], _to_file)
    with pytest.raises(ValueError, match=DRIFTED[model]):
        reference.read_async_output(found.example["output"], _to_file)


@pytest.mark.parametrize("found", samples(), ids=lambda found: found.source.model)
def test_each_default_example_input_goes_out_as_it_came(module: Any, found: Sample) -> None:
    reference = _reference(module, found)
    example = {name: value for name, value in found.example["input"].items() if value is not None}
    names = {field.name for field in attrs.fields(reference.input_type)}
    known = {name: value for name, value in example.items() if name in names}

    built = reference.input_type(**known)

    assert {name: built.to_input()[name] for name in known} == known


def test_files_in_an_output_become_the_clients_file_objects(module: Any) -> None:
    flux = next(found for found in samples() if found.source.model.endswith("/flux-schnell"))
    urls = ["https://replicate.delivery/a.webp", "https://replicate.delivery/b.webp"]

    read = module.FLUX_SCHNELL.read_output(urls, _to_file)

    assert read == [("file", url) for url in urls]
    assert flux.source.model == module.FLUX_SCHNELL.model


def test_an_output_that_does_not_fit_names_the_path_and_the_type(module: Any) -> None:
    with pytest.raises(ValueError, match=r"output\[1\]: expected a string, got int 7"):
        module.FLUX_SCHNELL.read_output(["https://x/a.webp", 7], _to_file)
    with pytest.raises(ValueError, match=r"output: expected an array, got str"):
        module.FLUX_SCHNELL.read_output("https://x/a.webp", _to_file)


def test_a_missing_required_field_is_named(module: Any) -> None:
    with pytest.raises(ValueError, match=r"output: missing the required field 'segments'"):
        module.SPEAKER_DIARIZATION3.read_output({"speakers": {}}, _to_file)
    with pytest.raises(ValueError, match=r"output\.segments\[0\]: expected an object"):
        module.SPEAKER_DIARIZATION3.read_output({"segments": [1], "speakers": {}}, _to_file)


def test_an_iterator_displayed_as_concatenate_reads_as_text(module: Any) -> None:
    assert module.META_LLAMA38B.read_output(["Once ", "upon"], _to_file) == "Once upon"


def test_an_iterator_of_files_reads_as_a_list_of_files(module: Any) -> None:
    read = module.FLUX_DEV_INPAINTING.read_output(["https://x/a.png"], _to_file)
    assert read == [("file", "https://x/a.png")]


def test_a_secret_input_never_shows_but_is_sent(module: Any) -> None:
    secret = "hf_superSecretValue123"
    built = module.MusubiTunerInput(input_videos="https://x/videos.zip", hf_token=Secret(secret))

    assert secret not in repr(built)
    assert secret not in str(built)
    assert secret not in repr(built.hf_token)
    assert secret not in f"{built.hf_token}"
    assert built.hf_token.get_secret_value() == secret
    assert built.to_input()["hf_token"] == secret


def test_unset_optional_inputs_are_left_out(module: Any) -> None:
    built = module.FluxSchnellInput(prompt="a fox")
    sent = built.to_input()
    assert "seed" not in sent
    assert sent["aspect_ratio"] == "1:1"


def test_a_field_named_as_a_keyword_is_renamed_and_sent_by_its_json_name(tmp_path: Path) -> None:
    schema = {
        "components": {
            "schemas": {
                "Input": {
                    "type": "object",
                    "properties": {"from": {"type": "string", "x-order": 0}},
                },
                "Output": {"type": "string"},
            }
        }
    }
    path = tmp_path / "keyword_bindings.py"
    path.write_text(generate_module([ModelSource("acme/kw", "v1", schema)]))
    generated = load(path, "keyword_bindings")

    assert generated.KwInput(from_="here").to_input() == {"from": "here"}


def _plain(value: object) -> object:
    """A read output as JSON again: classes as dicts, file objects as their URLs."""
    if attrs.has(type(value)):
        fields = attrs.asdict(cast("Any", value), recurse=False)
        return {name: _plain(item) for name, item in fields.items() if item is not None}
    if isinstance(value, list):
        return [_plain(item) for item in cast("list[object]", value)]
    if isinstance(value, tuple):
        marked = cast("tuple[str, str]", value)
        return marked[1]
    return value


def _without_nulls(value: object) -> object:
    if isinstance(value, dict):
        items = cast("dict[str, object]", value).items()
        return {name: _without_nulls(item) for name, item in items if item is not None}
    if isinstance(value, list):
        return [_without_nulls(item) for item in cast("list[object]", value)]
    return value
