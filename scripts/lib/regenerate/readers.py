"""Write the modules of response models ("readers"): what a user reads from the API.

openapi-python-client writes one kind of model for requests and responses alike:
a field the spec leaves optional is ``T | Unset``, a required one fails the
parse when the API leaves it out, ``Any`` stands for free-form JSON, and every
value but an enum is taken unchecked. That is right for what we send (not sent
differs from ``null``) and wrong for what we read. A reader model instead:

- types every field without ``Unset``: a required field is its plain type and
  an absent one fails the parse; an optional field is ``T | None``, where
  ``None`` means absent or ``null`` alike (the API sends both for "no value");
- checks each value's JSON type, so a body that is valid JSON of the wrong shape
  fails at once as ``TypeError`` (the facade's ``InvalidResponseError``);
- reads free-form JSON as ``JSON`` and free-form objects as ``dict[str, JSON]``;
- reads an enum open: a value this release does not know arrives as
  ``UnknownValue`` (a ``str``), so ``Enum | UnknownValue`` can be matched
  exhaustively and the parse survives values Replicate adds later;
- keeps unknown keys in ``additional_properties`` and offers no mapping
  dunders (``prediction["status"]`` would only have looked in those).

Which fields are required is the spec's ``required`` after the documented
patches in ``patches.py``: what real payloads always carry.

``model.py.jinja`` calls ``render`` for every model in ``reader_classes``; the
post-hooks format the result with the pinned ruff. ``reader_shapes`` says what
each field holds and ``reader_code`` writes the statements that read it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from regenerate.descriptions import EXTRA_SENT, Descriptions
from regenerate.internals import (
    GeneratorData,
    ListProperty,
    ModelProperty,
    UnionProperty,
    UntrustedString,
)
from regenerate.reader_code import dump, quote, read_into
from regenerate.reader_shapes import (
    Built,
    FreeJSON,
    ListOf,
    Nested,
    Nullable,
    OpenEnum,
    ReaderError,
    Shape,
    Timestamp,
    annotation,
    constant,
    shape_of,
)

# -- which models are readers ------------------------------------------------------------


def template_globals(openapi: GeneratorData, described: Descriptions) -> dict[str, Any]:
    """What the templates need: which models are readers, how to write one, and descriptions.

    Typed ``Any`` for jinja2's environment, whose globals the stubs type narrowly.
    """
    built = {str(model.class_info.name): model for model in openapi.models}

    def render_reader(model: ModelProperty) -> str:
        return render(model, built, described)

    return {
        "reader_classes": reader_classes(openapi),
        "render_reader": render_reader,
        "class_description": described.of_class,
        "field_description": described.of_field,
        "extra_fields_description": EXTRA_SENT,
    }


def reader_classes(openapi: GeneratorData) -> set[str]:
    """The class names of every model a response can contain.

    Raises ReaderError if a model is part of a request body too: a request
    model keeps ``Unset`` (not sent differs from ``null``), so one class cannot
    be both.
    """
    built = {str(model.class_info.name): model for model in openapi.models}
    read: set[str] = set()
    sent: set[str] = set()
    for collection in openapi.endpoint_collections_by_tag.values():
        for endpoint in collection.endpoints:
            for response in endpoint.responses:
                _collect(response.prop, built, read)
            for body in endpoint.bodies:
                _collect(body.prop, built, sent)
    both = read & sent
    if both:
        raise ReaderError(f"models in both requests and responses: {sorted(both)}")
    return read


def _collect(prop: Any, built: dict[str, ModelProperty], into: set[str]) -> None:
    if isinstance(prop, UnionProperty):
        for inner in prop.inner_properties:
            _collect(inner, built, into)
    elif isinstance(prop, ListProperty):
        _collect(prop.inner_property, built, into)
    elif isinstance(prop, ModelProperty):
        model = built.get(prop.class_info.name, prop)
        if model.class_info.name in into:
            return
        into.add(model.class_info.name)
        for field in _fields(model):
            _collect(field, built, into)
        if isinstance(model.additional_properties, ModelProperty | ListProperty | UnionProperty):
            _collect(model.additional_properties, built, into)


def _fields(model: ModelProperty) -> list[Any]:
    return [*(model.required_properties or []), *(model.optional_properties or [])]


# -- the module --------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One declared field of a reader model."""

    key: str  # the JSON key
    name: str  # the Python attribute
    shape: Shape
    required: bool
    description: str | None

    @property
    def python_type(self) -> str:
        if self.required:
            return annotation(self.shape)
        shape = self.shape.inner if isinstance(self.shape, Nullable) else self.shape
        if isinstance(shape, FreeJSON):  # JSON already includes None
            return "JSON"
        return f"{annotation(shape)} | None"

    @property
    def declared(self) -> str:
        default = "" if self.required else " = None"
        return f"{self.name}: {self.python_type}{default}"


def fields_of(model: ModelProperty, built: Built, described: Descriptions) -> list[Field]:
    """The model's fields, required ones first (attrs needs defaults last)."""
    where = model.class_info.name
    found = [
        Field(
            key=_raw(prop.name),
            name=str(prop.python_name),
            shape=shape_of(prop, f"{where}.{prop.name}", built),
            required=bool(prop.required),
            description=described.of_field(where, prop.name, prop.description),
        )
        for prop in _fields(model)
    ]
    return [f for f in found if f.required] + [f for f in found if not f.required]


def render(model: ModelProperty, built: Built, described: Descriptions) -> str:
    """The whole module for one reader model (ruff formats it afterwards)."""
    class_name = model.class_info.name
    fields = fields_of(model, built, described)
    nested = sorted({s for f in fields for s in _walk(f.shape) if isinstance(s, Nested)}, key=str)
    enums = sorted({s for f in fields for s in _walk(f.shape) if isinstance(s, OpenEnum)}, key=str)
    uses = {type(s) for f in fields for s in _walk(f.shape)}
    out: list[str] = [
        '"""' + _docstring(model) + '"""',
        "",
        "from __future__ import annotations",
        "",
    ]
    if Timestamp in uses:
        out.append("import datetime")
    out += ["from collections.abc import Mapping", "from typing import Any, Self", ""]
    out += ["from attrs import define as _attrs_define", "from attrs import field as _attrs_field"]
    out.append("")
    for enum in enums:
        out.append(f"from ..models.{enum.module_name} import {enum.class_name}")
    helpers = ["JSON", "UnknownValue", "mismatch as _mismatch"]
    if OpenEnum in uses:
        helpers.append("open_value as _open_value")
    if Timestamp in uses:  # the post-hook's ruff drops the one a model does not use
        helpers += ["bad_timestamp as _bad_timestamp", "timestamp as _timestamp"]
    out.append(f"from ..types import {', '.join(helpers)}")
    out.append("")
    for enum in enums:
        out.append(
            f"_{constant(enum.class_name)}: dict[str, {enum.class_name}] = "
            f"{{member.value: member for member in {enum.class_name}}}"
        )
    keys = ", ".join(quote(f.key) for f in fields)
    out.append(f"_FIELDS: frozenset[str] = frozenset(({keys}{',' if len(fields) == 1 else ''}))")
    out += ["", ""]
    out += ["@_attrs_define", f"class {class_name}:"]
    out += _class_docstring(described.of_class(class_name), fields)
    for field in fields:
        out.append(f"    {field.declared}")
        if field.description:
            out.append(f'    """ {_escape(field.description)} """')
    out.append(
        "    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)"
    )
    out.append(f'    """ {_EXTRA_READ} """')
    out.append("")
    out += _to_dict(fields)
    out += _from_dict(class_name, fields)
    if nested:
        out += ["", "", "# After the class: models that refer to each other find it defined."]
        for model_ref in nested:
            out.append(
                f"from ..models.{model_ref.module_name} import {model_ref.class_name}  # noqa: E402"
            )
    return "\n".join(out) + "\n"


#: What every reader's additional_properties holds, besides the declared fields.
_EXTRA_READ = "Fields the API sent that this release does not declare."


def _class_docstring(summary: str | None, fields: Sequence[Field]) -> list[str]:
    """The description, then every field under Attributes.

    The fields also carry attribute docstrings, which IDE hovers show; the list
    here is what ``help()`` and ``__doc__`` show.
    """
    entries = [f"{f.name}: {f.description}" if f.description else f.name for f in fields]
    # Without a summary the section starts on the second line, as a section must.
    lines = [_escape(summary), ""] if summary else [""]
    lines.append("Attributes:")
    for entry in [*entries, f"additional_properties: {_EXTRA_READ}"]:
        lines += textwrap.wrap(
            _escape(entry), 92, initial_indent=" " * 4, subsequent_indent=" " * 8
        )
    body = "\n".join(f"    {line}" if line else "" for line in lines)
    return [f'    """{body.removeprefix("    ")}', '    """', ""]


def _to_dict(fields: Sequence[Field]) -> list[str]:
    out = ["    def to_dict(self) -> dict[str, JSON]:"]
    out.append(
        '        """This model as the JSON object the API sends (absent fields left out)."""'
    )
    out.append("        field_dict: dict[str, JSON] = dict(self.additional_properties)")
    for field in fields:
        value = f"self.{field.name}"
        if field.required:
            out.append(f"        field_dict[{quote(field.key)}] = {dump(field.shape, value)}")
        else:
            shape = field.shape.inner if isinstance(field.shape, Nullable) else field.shape
            out.append(f"        if {value} is not None:")
            out.append(f"            field_dict[{quote(field.key)}] = {dump(shape, value)}")
    out.append("        return field_dict")
    out.append("")
    return out


def _from_dict(class_name: str, fields: Sequence[Field]) -> list[str]:
    out = ["    @classmethod", "    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:"]
    out.append(
        '        """Read the JSON object; TypeError, ValueError or KeyError if it does not fit."""'
    )
    out.append("        _get = src_dict.get")
    for field in fields:
        out.append(f"        {field.name}: {field.python_type}")
        if field.required:
            out.append(f"        _value = src_dict[{quote(field.key)}]")
            out += read_into(field.shape, field.name, field.key, "        ")
        else:
            shape = field.shape.inner if isinstance(field.shape, Nullable) else field.shape
            out.append(f"        _value = _get({quote(field.key)})")
            if isinstance(shape, FreeJSON):
                out.append(f"        {field.name} = _value")
                continue
            out.append("        if _value is None:")
            out.append(f"            {field.name} = None")
            out.append("        else:")
            out += read_into(shape, field.name, field.key, "            ")
    # Positional, in declaration order: a keyword call costs more per field.
    arguments = ", ".join(f.name for f in fields)
    out.append(f"        _result = cls({arguments})")
    out.append("        if not _FIELDS.issuperset(src_dict):")
    out.append("            _result.additional_properties = {")
    out.append(
        "                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS"
    )
    out.append("            }")
    out.append("        return _result")
    return out


def _walk(shape: Shape) -> Iterator[Shape]:
    yield shape
    if isinstance(shape, ListOf):
        yield from _walk(shape.item)
    elif isinstance(shape, Nullable):
        yield from _walk(shape.inner)


def _docstring(model: ModelProperty) -> str:
    return (
        f"{model.class_info.name}: a response model, written by scripts/lib/regenerate/readers.py."
    )


def _raw(value: object) -> str:
    """The text of a name from the spec (the generator wraps them as untrusted strings)."""
    if isinstance(value, UntrustedString):
        return str(value.get_untrusted_value())
    return str(value)


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
