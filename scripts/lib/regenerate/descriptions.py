"""The description of every generated class and field: the spec's, else ours.

A generated class's docstring opens with its description. openapi.json leaves
many schemas undescribed, and a sentence made from the class name ("A
prediction, as the API sends it.") tells a reader nothing the name did not, so
the classes and fields the spec does not describe are described, in our own
words, in descriptions.toml. Generation fails loud rather than drift: on a class
with no description from either, and on an entry that names nothing generated
or something the spec now describes itself (the entry would be dead text).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from regenerate.errors import GenerationError
from regenerate.internals import GeneratorData, ModelProperty, UntrustedString

#: What a request model's additional_properties holds (model.py.jinja).
EXTRA_SENT = "Fields sent as given, besides the declared ones."

#: Where the table sits, relative to the repository root.
TABLE = Path("scripts/lib/regenerate/descriptions.toml")


def load_table(root: Path) -> dict[str, str] | None:
    """Read descriptions.toml under ``root`` (class or "Class.field" to text); None if absent.

    Without a table (a scratch repository trying some other spec) nothing is
    checked, and a class the spec does not describe gets no summary line.
    """
    path = root / TABLE
    if not path.is_file():
        return None
    with path.open("rb") as f:
        table = tomllib.load(f)["descriptions"]
    return {str(key): " ".join(str(value).split()) for key, value in table.items()}


@dataclass(frozen=True)
class Descriptions:
    """Every generated class's description, and ours for the fields the spec leaves bare."""

    classes: dict[str, str]
    fields: dict[str, str]

    def of_class(self, class_name: str) -> str | None:
        """The description of a generated class (always one, when checked against a table)."""
        return self.classes.get(class_name)

    def of_field(self, class_name: str, key: object, described: object) -> str | None:
        """The spec's description of a field (``described``), else ours, else None."""
        return text(described) or self.fields.get(f"{class_name}.{text(key)}")


def resolve(openapi: GeneratorData, table: dict[str, str] | None) -> Descriptions:
    """Pair every model and enum the generator will write with its description.

    With a table, raises GenerationError listing every class left undescribed
    and every entry of the table that is unused or shadows the spec's own words.
    """
    ours = table or {}
    spec_classes: dict[str, str | None] = {}
    spec_fields: dict[str, str | None] = {}
    for model in openapi.models:
        spec_classes[str(model.class_info.name)] = text(model.description)
        for prop in _properties(model):
            key = f"{model.class_info.name}.{text(prop.name)}"
            spec_fields[key] = text(prop.description)
    for enum in openapi.enums:
        spec_classes[str(enum.class_info.name)] = text(enum.description)
    known = spec_classes | spec_fields
    problems = [
        f"descriptions.toml: {key!r} is not a generated class or field"
        for key in ours
        if key not in known
    ]
    problems += [
        f"descriptions.toml: {key!r} is described by the spec now; remove the entry"
        for key in ours
        if known.get(key)
    ]
    classes = {name: described or ours.get(name) for name, described in spec_classes.items()}
    problems += [
        f"{name} has no description: describe it in openapi.json or descriptions.toml"
        for name, described in sorted(classes.items())
        if not described
    ]
    if problems and table is not None:
        raise GenerationError("\n".join(problems))
    fields = {key: ours[key] for key in spec_fields if key in ours}
    return Descriptions({n: d for n, d in classes.items() if d}, fields)


def _properties(model: ModelProperty) -> list[Any]:
    return [*(model.required_properties or []), *(model.optional_properties or [])]


def text(value: object) -> str | None:
    """A description or name from the spec as one line of plain text, or None if empty."""
    if value is None:
        return None
    raw = value.get_untrusted_value() if isinstance(value, UntrustedString) else value
    return " ".join(str(raw).split()) or None
