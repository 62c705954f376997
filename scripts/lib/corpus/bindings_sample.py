"""Choose the real model schemas the typed-bindings work is tested against.

``replicate-typed models generate`` and ``models check`` read a version's
``openapi_schema``, so this sample is varied in what those read, not in what
the API's parsers read (``sample.py``): iterator and concatenated outputs,
file (``format: uri``) and secret (``x-cog-secret``) inputs, enums reached by
``allOf: [$ref]`` (cog's style), nested object outputs, ``$ref``-heavy
interfaces, trainable models (``TrainingInput``), old cog versions (before
0.3.9, or none), each cog release series, each input and output type, and
default examples that succeeded and failed. Each becomes a tag (``tags``), and
the same greedy cover as ``sample.py`` picks the models.

The models are kept whole, as the corpus has them (the corpus's builder
already strips ``logs``, ``urls`` and ``webhook_completed`` from each
``default_example``), so the file is a JSON array like ``models.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any, cast

from replicate_typed._schema_diff.shapes import SCHEMAS, flatten

from corpus.load import JSONObject
from corpus.sample import Sample, cover

DEFAULT_COUNT = 36
MAX_BYTES = 900_000
#: Cog releases before this one wrote schemas differently (no ``x-cog-array-type``).
OLD_COG = (0, 3, 9)
#: An interface with at least this many ``$ref`` counts as ``$ref``-heavy.
MANY_REFS = 5
INPUTS = ("Input", "TrainingInput")
INTERFACES = ("Input", "Output", "TrainingInput", "TrainingOutput")


def choose(
    models: Iterable[JSONObject], count: int = DEFAULT_COUNT, max_bytes: int = MAX_BYTES
) -> Sample:
    """Up to ``count`` models covering the most tags, their JSON within ``max_bytes``."""
    return cover(models, tags, count, max_bytes)


def tags(model: JSONObject) -> Iterator[str]:
    """What the bindings work would see in this model: a tag per shape."""
    example = model.get("default_example")
    if isinstance(example, dict):
        yield f"example:{cast(JSONObject, example).get('status')}"
    version = model.get("latest_version")
    if not isinstance(version, dict):
        yield "latest_version:none"
        return
    version = cast(JSONObject, version)
    yield from _cog(version.get("cog_version"))
    schema = version.get("openapi_schema")
    if not isinstance(schema, dict):
        yield "openapi_schema:none"
        return
    document = cast(dict[str, Any], schema)
    components: dict[str, Any] = document.get("components", {}).get("schemas", {})
    if "TrainingInput" in components:
        yield "trainable"
    if any(json.dumps(components.get(name)).count("$ref") >= MANY_REFS for name in INTERFACES):
        yield "schema:$ref-heavy"
    for name in INPUTS:
        yield from _inputs(components.get(name))
    if "Output" in components:
        yield from _output(document, components["Output"])


def _cog(version: object) -> Iterator[str]:
    if not isinstance(version, str) or not version:
        yield "cog:missing"
        return
    found = re.match(r"v?(\d+)\.(\d+)\.(\d+)", version)
    if found is None:
        yield "cog:unnumbered"  # "dev"
        return
    numbers = tuple(int(part) for part in found.groups())
    yield f"cog:{numbers[0]}.{numbers[1]}"
    if numbers < OLD_COG:
        yield "cog:before 0.3.9"


def _inputs(interface: object) -> Iterator[str]:
    if not isinstance(interface, dict):
        return
    properties: dict[str, Any] = cast(dict[str, Any], interface).get("properties", {})
    for field in properties.values():
        if not isinstance(field, dict):
            continue
        field = cast(dict[str, Any], field)
        text = json.dumps(field)
        if any("$ref" in member for member in field.get("allOf", [])):
            yield "input:enum by $ref"
        if field.get("x-cog-secret"):
            yield "input:secret"
        if '"format": "uri"' in text:
            yield "input:file list" if field.get("type") == "array" else "input:file"
        if "type" in field:
            yield f"input type:{field['type']}"


def _output(document: dict[str, Any], output: dict[str, Any]) -> Iterator[str]:
    if output.get("x-cog-array-type") == "iterator":
        yield "output:iterator"
    if output.get("x-cog-array-display") == "concatenate":
        yield "output:concatenate"
    fields = flatten(document, "output", {"$ref": f"{SCHEMAS}Output"}, True).fields
    root = fields[("output", "")]
    items = fields.get(("output", "[]"))
    yield f"output:{root.type}" + (f"[{items.type}]" if items is not None else "")
    # An object below the output: a field holding one, or the items of a list.
    if any(path and facts.type == "object" for (_, path), facts in fields.items()):
        yield "output:nested object"
