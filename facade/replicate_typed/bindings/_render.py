"""Write one bindings module for read interfaces: the text ``models generate`` saves.

Per model: ``<Name>Input`` (a ``ModelInput``), the output types for both
clients (``<Name>Output`` with ``FileOutput``, ``Async<Name>Output`` with
``AsyncFileOutput``), a reader for each, and the ``TypedModel`` constant (plus
``TypedTraining`` for a trainable model). The text is deterministic (the same
sources give the same bytes) and already in ``ruff format``'s style, with
imports sorted and only the names used imported, so ``ruff check`` passes too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from replicate_typed.bindings import _literals
from replicate_typed.bindings._schema import (
    AnyShape,
    EnumShape,
    Field,
    FileShape,
    Interface,
    ListShape,
    ObjectShape,
    ScalarShape,
    SecretShape,
    Shape,
)

_INDENT = "    "
_WIDTH = _literals.WIDTH


@dataclass(frozen=True)
class Binding:
    """One interface to write: a model's prediction or training interface.

    Attributes:
        model: ``owner/name``.
        version: the version the constant pins; None for an official model,
            pinned by ``schema_hash`` instead.
        schema_hash: ``schema_sha256`` of the version's ``openapi_schema``.
        schema_constant: the module-level name holding the embedded schema.
        prefix: the class-name prefix (``FluxSchnell``); ``Training`` is appended
            for a training interface.
        constant: the reference constant's name (``FLUX_SCHNELL``).
        training: whether this is the training interface.
        interface: what was read from the schema.
    """

    model: str
    version: str | None
    schema_hash: str
    schema_constant: str
    prefix: str
    constant: str
    training: bool
    interface: Interface


class _Imports:
    """The names a module uses, so it imports exactly those."""

    def __init__(self) -> None:
        self.names: dict[str, set[str]] = {}

    def use(self, module: str, name: str) -> str:
        self.names.setdefault(module, set()).add(name)
        return name

    def lines(self) -> list[str]:
        standard = [module for module in ("collections.abc", "typing") if module in self.names]
        third = ("replicate_typed", "replicate_typed.bindings")
        out = [_from(module, self.names[module]) for module in standard]
        out.append("")
        out.append("import attrs")
        out.extend(_from(module, self.names[module]) for module in third if module in self.names)
        return out


def _from(module: str, names: set[str]) -> str:
    ordered = sorted(names, key=lambda name: (not name.isupper(), name[:1].islower(), name))
    line = f"from {module} import {', '.join(ordered)}"
    if len(line) <= _WIDTH:
        return line
    body = "".join(f"{_INDENT}{name},\n" for name in ordered)
    return f"from {module} import (\n{body})"


def render_module(bindings: Sequence[Binding], schemas: dict[str, object], header: str) -> str:
    """The module's text: ``header`` (a comment block), then each binding in order.

    ``schemas`` maps each ``schema_constant`` to the schema it embeds.
    """
    imports = _Imports()
    imports.use("collections.abc", "Mapping")
    imports.use("typing", "Any")
    body: list[str] = []
    for constant, schema in schemas.items():
        head = f"{constant}: Mapping[str, Any] = {{"
        if len(head) > _WIDTH:  # a long model name: ruff splits the annotation
            head = f"{constant}: Mapping[\n{_INDENT}str, Any\n] = {{"
        body.append(head + _literals.value(schema)[1:])
    for binding in bindings:
        body.extend(_ModelWriter(binding, imports).blocks())
    docstring = '"""Typed model bindings written by ``replicate-typed models generate``."""'
    # One blank line after the imports: what isort wants before an assignment.
    top = "\n\n".join([f"{header.rstrip()}\n{docstring}", "\n".join(imports.lines())])
    return f"{top}\n\n" + "\n\n\n".join(body) + "\n"


class _ModelWriter:
    """The blocks (classes, aliases, functions, constants) of one binding."""

    def __init__(self, binding: Binding, imports: _Imports) -> None:
        self.binding = binding
        self.imports = imports
        self.name = binding.prefix + ("Training" if binding.training else "")
        self._classes: dict[int, str] = {}
        self._names: set[str] = {f"{self.name}Input", f"{self.name}Output"}
        self._bases: dict[int, str] = {}
        self._blocks: list[str] = []

    def blocks(self) -> list[str]:
        self._input()
        self._output()
        self._reference()
        return self._blocks

    # Input

    def _input(self) -> None:
        use = self.imports.use
        fields = self.binding.interface.inputs
        lines = [
            "@attrs.frozen(kw_only=True)",
            f"class {self.name}Input({use('replicate_typed.bindings', 'ModelInput')}):",
            _literals.docstring(self._describe("The input of"), 4),
        ]
        for item in fields:
            lines.append("")
            lines.extend(self._input_field(item))
        lines.append("")
        lines.append(f"{_INDENT}def to_input(self) -> dict[str, Any]:")
        lines.append(f'{_INDENT * 2}"""The JSON ``input``: fields left at None are omitted."""')
        json_input = use("replicate_typed.bindings", "input_json")
        renamed = [item for item in fields if item.python_name != item.name]
        values = "attrs.asdict(self, recurse=False)"
        if renamed:
            lines.append(f"{_INDENT * 2}return {json_input}(")
            lines.append(f"{_INDENT * 3}{values},")
            lines.append(f"{_INDENT * 3}renamed={{")
            lines.extend(
                f"{_INDENT * 4}{_literals.string(item.python_name)}: {_literals.string(item.name)},"
                for item in renamed
            )
            lines.append(f"{_INDENT * 3}}},")
            lines.append(f"{_INDENT * 2})")
        else:
            lines.append(f"{_INDENT * 2}return {json_input}({values})")
        self._blocks.append("\n".join(lines))

    def _input_field(self, item: Field) -> list[str]:
        annotation = self._input_type(item)
        notes = [item.description] if item.description else []
        given = item.has_default and item.default is not None
        fits = given and _fits(item.shape, item.default)
        if given and not fits:
            shown = "" if isinstance(item.shape, SecretShape) else f": {item.default!r}"
            notes.append(f"Left unset, the model's default applies{shown}.")
        if item.constraints:
            shown = ", ".join(f"{key} {value!r}" for key, value in item.constraints)
            notes.append(f"Checked against the schema: {shown}.")
        if item.required and not (item.has_default and item.default is not None):
            line = f"{_INDENT}{item.python_name}: {annotation}"
        elif fits:
            optional = " | None" if item.nullable else ""
            head = f"{_INDENT}{item.python_name}: {annotation}{optional} = "
            text = item.default
            if isinstance(text, str) and 8 + len(_literals.string(text)) > _WIDTH:
                # Too long even in parentheses: in pieces, as a long line would fail E501.
                default = _literals.long_string(text, _WIDTH, 4)
            else:
                default = _literals.value(item.default)
            line = _assignment(head, default)
        else:
            line = f"{_INDENT}{item.python_name}: {annotation} | None = None"
        lines = [line]
        if notes:
            lines.append(_literals.docstring("\n\n".join(notes), 4))
        return lines

    def _input_type(self, item: Field) -> str:
        if isinstance(item.shape, EnumShape):
            alias = self._fresh(f"{self.name}{_camel(item.python_name)}")
            literal = self.imports.use("typing", "Literal")
            type_alias = self.imports.use("typing", "TypeAlias")
            values = [_literals.value(value, 4) for value in item.shape.values]
            if len(values) == 1:  # ruff joins a one-item subscript despite a trailing comma
                self._blocks.append(_alias(f"{alias}: {type_alias} = ", f"{literal}[{values[0]}]"))
            else:
                listed = "".join(f"{_INDENT}{value},\n" for value in values)
                self._blocks.append(f"{alias}: {type_alias} = {literal}[\n{listed}]")
            return alias
        return self._input_shape(item.shape)

    def _input_shape(self, shape: Shape) -> str:
        use = self.imports.use
        if isinstance(shape, ScalarShape):
            return shape.kind
        if isinstance(shape, FileShape):
            return use("replicate_typed.bindings", "FileInput")
        if isinstance(shape, SecretShape):
            return use("replicate_typed.bindings", "Secret")
        if isinstance(shape, ListShape):
            return f"list[{self._input_shape(shape.item)}]"
        if isinstance(shape, EnumShape):
            values = ", ".join(_literals.value(v) for v in shape.values)
            return f"{use('typing', 'Literal')}[{values}]"
        return "Any"

    # Output

    def _output(self) -> None:
        output = self.binding.interface.output
        alias = f"{self.name}Output"
        for asynchronous in (False, True):
            prefix = "Async" if asynchronous else ""
            if isinstance(output, ObjectShape):
                class_name = self._object(output, alias, asynchronous)
                if prefix and class_name == alias:
                    type_alias = self.imports.use("typing", "TypeAlias")
                    self._blocks.append(f"{prefix}{alias}: {type_alias} = {alias}")
            else:
                expression = self._output_type(output, asynchronous)
                type_alias = self.imports.use("typing", "TypeAlias")
                self._blocks.append(_alias(f"{prefix}{alias}: {type_alias} = ", expression))
        for asynchronous in (False, True):
            self._top_reader(output, asynchronous)

    def _files(self, asynchronous: bool) -> str:
        name = "AsyncFileOutput" if asynchronous else "FileOutput"
        return self.imports.use("replicate_typed", name)

    def _output_type(self, shape: Shape, asynchronous: bool) -> str:
        if isinstance(shape, ScalarShape):
            return shape.kind
        if isinstance(shape, FileShape):
            return self._files(asynchronous)
        if isinstance(shape, EnumShape):
            return _enum_base(shape)
        if isinstance(shape, ListShape):
            if shape.concatenate:
                return "str"
            return f"list[{self._output_type(shape.item, asynchronous)}]"
        if isinstance(shape, ObjectShape):
            return self._object(shape, None, asynchronous)
        return "Any"

    def _object(self, shape: ObjectShape, name: str | None, asynchronous: bool) -> str:
        """The class for an object output (written once per client when it holds files)."""
        key = id(shape) * 2 + asynchronous
        if key in self._classes:
            return self._classes[key]
        files = _has_files(shape)
        if asynchronous and not files:
            return self._object(shape, name, asynchronous=False)
        base = name or self._bases.get(id(shape)) or self._fresh(self._class_name(shape))
        self._bases[id(shape)] = base
        class_name = f"Async{base}" if asynchronous else base
        self._classes[key] = class_name
        lines = [
            "@attrs.frozen(kw_only=True)",
            f"class {class_name}:",
            _literals.docstring(f"{self._describe('An output object of')}", 4),
        ]
        for item in shape.fields:
            annotation = self._output_type(item.shape, asynchronous)
            lines.append("")
            if item.required:
                lines.append(f"{_INDENT}{item.python_name}: {annotation}")
            elif annotation == "Any":
                lines.append(f"{_INDENT}{item.python_name}: Any = None")
            else:
                lines.append(f"{_INDENT}{item.python_name}: {annotation} | None = None")
            if item.description:
                lines.append(_literals.docstring(item.description, 4))
        self._blocks.append("\n".join(lines))
        self._object_reader(shape, class_name, asynchronous)
        return class_name

    def _object_reader(self, shape: ObjectShape, class_name: str, asynchronous: bool) -> None:
        use = self.imports.use
        files = _has_files(shape)
        function = f"_read_{_snake(class_name)}"
        indent = _INDENT * 2 if files else _INDENT
        body = [f"{indent}fields = {use('replicate_typed.bindings', 'read_fields')}(raw, path)"]
        body.append(f"{indent}return {class_name}(")
        for item in shape.fields:
            which = "required" if item.required else "optional"
            reader = self._reader(item.shape, asynchronous)
            name = _literals.string(item.name)
            reader_function = use("replicate_typed.bindings", which)
            body.append(
                _call(
                    f"{indent}{_INDENT}{item.python_name}={reader_function}(",
                    f"fields, {name}, path, {reader}",
                    "),",
                )
            )
        body.append(f"{indent})")
        if not files:
            head = _call(f"def {function}(", "raw: object, path: str", f") -> {class_name}:")
            self._blocks.append("\n".join([head, *body]))
            return
        callable_ = use("collections.abc", "Callable")
        reader_type = use("replicate_typed.bindings", "Reader")
        lines = [
            f"def {function}(",
            f"{_INDENT}to_file: {callable_}[[str], {self._files(asynchronous)}],",
            f") -> {reader_type}[{class_name}]:",
            _literals.docstring(f"Reads a {class_name} with the client's file objects.", 4),
            "",
            _call(f"{_INDENT}def read(", "raw: object, path: str", f") -> {class_name}:"),
            *body,
            "",
            f"{_INDENT}return read",
        ]
        self._blocks.append("\n".join(lines))

    def _reader(self, shape: Shape, asynchronous: bool) -> str:
        use = self.imports.use
        if isinstance(shape, ScalarShape):
            return use("replicate_typed.bindings", f"read_{shape.kind}")
        if isinstance(shape, FileShape):
            return f"{use('replicate_typed.bindings', 'read_file')}(to_file)"
        if isinstance(shape, EnumShape):
            base = _enum_base(shape)
            return use("replicate_typed.bindings", "read_any" if base == "Any" else f"read_{base}")
        if isinstance(shape, ListShape):
            if shape.concatenate:
                return use("replicate_typed.bindings", "read_text")
            item = self._reader(shape.item, asynchronous)
            return f"{use('replicate_typed.bindings', 'read_list')}({item})"
        if isinstance(shape, ObjectShape):
            class_name = self._object(shape, None, asynchronous)
            function = f"_read_{_snake(class_name)}"
            return f"{function}(to_file)" if _has_files(shape) else function
        return use("replicate_typed.bindings", "read_any")

    def _top_reader(self, output: Shape, asynchronous: bool) -> None:
        prefix = "Async" if asynchronous else ""
        result = f"{prefix}{self.name}Output"
        callable_ = self.imports.use("collections.abc", "Callable")
        reader = self._reader(output, asynchronous)
        where = "training output" if self.binding.training else "output"
        lines = [
            f"def {self._top_reader_name(asynchronous)}(",
            f"{_INDENT}raw: object,",
            f"{_INDENT}to_file: {callable_}[[str], {self._files(asynchronous)}],",
            f") -> {result}:",
            _literals.docstring(f"The {where}, read for the {prefix.lower() or 'sync'} client.", 4),
            _nested_call(f"{_INDENT}read = ", reader),
            f'{_INDENT}return read(raw, "output")',
        ]
        self._blocks.append("\n".join(lines))

    # Reference

    def _reference(self) -> None:
        binding = self.binding
        kind = "TypedTraining" if binding.training else "TypedModel"
        self.imports.use("replicate_typed.bindings", kind)
        constant = f"{binding.constant}_TRAINING" if binding.training else binding.constant
        version = "None" if binding.version is None else _literals.string(binding.version)
        lines = [
            f"{constant}: {kind}[",
            f"{_INDENT}{self.name}Input,",
            f"{_INDENT}{self._result_name(False)},",
            f"{_INDENT}{self._result_name(True)},",
            f"] = {kind}(",
            f"{_INDENT}model={_literals.string(binding.model)},",
            f"{_INDENT}version={version},",
            f"{_INDENT}schema_sha256={_literals.string(binding.schema_hash)},",
            f"{_INDENT}openapi_schema={binding.schema_constant},",
            f"{_INDENT}input_type={self.name}Input,",
            f"{_INDENT}read_output={self._top_reader_name(False)},",
            f"{_INDENT}read_async_output={self._top_reader_name(True)},",
            ")",
        ]
        self._blocks.append("\n".join(lines))

    def _top_reader_name(self, asynchronous: bool) -> str:
        """``_read_output_<model>`` (``_read_async_output_<model>``): apart from class readers."""
        return f"_read_{'async_' if asynchronous else ''}output_{_snake(self.name)}"

    def _result_name(self, asynchronous: bool) -> str:
        return f"{'Async' if asynchronous else ''}{self.name}Output"

    def _class_name(self, shape: ObjectShape) -> str:
        """``<Model><Title>``; an untitled array item is ``<Model><Field>Item``."""
        title = _camel(shape.title)
        return f"{self.name}{title}Item" if title == "Output" else f"{self.name}{title}"

    def _fresh(self, name: str) -> str:
        """``name``, or ``name`` with a suffix if this model's classes already use it."""
        unique, counter = name, 2
        while unique in self._names:
            unique, counter = f"{name}{counter}", counter + 1
        self._names.add(unique)
        return unique

    def _describe(self, what: str) -> str:
        binding = self.binding
        interface = "training interface" if binding.training else "model"
        pinned = (
            f"version {binding.version}"
            if binding.version
            else f"the latest version, schema {binding.schema_hash[:12]}"
        )
        return f"{what} the {interface} {binding.model} ({pinned})."


def _alias(head: str, expression: str) -> str:
    """``head + expression``, its outer brackets split the way ruff splits a long line."""
    line = head + expression
    if len(line) <= _WIDTH:
        return line
    if not expression.endswith("]"):
        return _assignment(head, expression)
    outer, _, inner = expression[:-1].partition("[")
    return f"{head}{outer}[\n{_INDENT}{inner}\n]"


def _assignment(head: str, value: str) -> str:
    """``head + value``; too long, ``value`` in parentheses as ruff writes it (if it then fits)."""
    line = head + value
    indent = head[: len(head) - len(head.lstrip())] + _INDENT
    if len(line) <= _WIDTH or "\n" in value or len(head) + 1 > _WIDTH:
        return line
    if len(indent) + len(value) > _WIDTH:
        return line
    return f"{head}(\n{indent}{value}\n{indent[: -len(_INDENT)]})"


def _call(head: str, arguments: str, closing: str) -> str:
    """A call on one line, or as ruff splits it when that is too long.

    The arguments go on one indented line if they fit there, otherwise one a
    line with a trailing comma.
    """
    line = f"{head}{arguments}{closing}"
    if len(line) <= _WIDTH:
        return line
    indent = head[: len(head) - len(head.lstrip())]
    inner = indent + _INDENT
    if len(inner) + len(arguments) <= _WIDTH:
        return f"{head}\n{inner}{arguments}\n{indent}{closing}"
    listed = "".join(f"{inner}{part},\n" for part in _split_arguments(arguments))
    return f"{head}\n{listed}{indent}{closing}"


def _split_arguments(arguments: str) -> list[str]:
    """``a, b(c, d), e`` -> ``["a", "b(c, d)", "e"]``: commas at the outer level only."""
    parts: list[str] = []
    depth = start = 0
    for index, char in enumerate(arguments):
        depth += char in "([{"
        depth -= char in ")]}"
        if char == "," and depth == 0:
            parts.append(arguments[start:index].strip())
            start = index + 1
    parts.append(arguments[start:].strip())
    return parts


def _nested_call(head: str, expression: str) -> str:
    """``head + expression``, a chain of one-argument calls split outermost first, as ruff does."""
    line = head + expression
    if len(line) <= _WIDTH or not expression.endswith(")") or "(" not in expression:
        return line
    outer, _, inner = expression[:-1].partition("(")
    indent = head[: len(head) - len(head.lstrip())]
    return f"{head}{outer}(\n{_nested_call(indent + _INDENT, inner)}\n{indent})"


def _fits(shape: Shape, default: object) -> bool:
    """Whether the schema's default is a value of the field's type."""
    if isinstance(shape, ScalarShape):
        kinds: dict[str, tuple[type, ...]] = {
            "str": (str,),
            "int": (int,),
            "float": (int, float),
            "bool": (bool,),
        }
        return isinstance(default, kinds[shape.kind]) and (
            shape.kind == "bool" or not isinstance(default, bool)
        )
    if isinstance(shape, EnumShape):
        return any(type(default) is type(value) and default == value for value in shape.values)
    if isinstance(shape, FileShape):
        return isinstance(default, str)
    # A list default would be one list shared by every instance: left to the model.
    return isinstance(shape, AnyShape) and not isinstance(default, list | dict)


def _enum_base(shape: EnumShape) -> str:
    if all(isinstance(value, str) for value in shape.values):
        return "str"
    if all(isinstance(value, int) for value in shape.values):
        return "int"
    return "Any"


def _has_files(shape: Shape) -> bool:
    if isinstance(shape, FileShape):
        return True
    if isinstance(shape, ListShape):
        return _has_files(shape.item)
    if isinstance(shape, ObjectShape):
        return any(_has_files(item.shape) for item in shape.fields)
    return False


def _words(text: str) -> Iterator[str]:
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", text)
    yield from (word for word in re.split(r"[^A-Za-z0-9]+", spaced) if word)


def _camel(text: str) -> str:
    return "".join(word[:1].upper() + word[1:] for word in _words(text)) or "Value"


def _snake(text: str) -> str:
    return "_".join(word.lower() for word in _words(text))


def names_for(model: str, taken: set[str]) -> tuple[str, str]:
    """A class prefix and a constant name for ``owner/name``, unused in ``taken``.

    The model's name alone (``FluxSchnell``, ``FLUX_SCHNELL``) unless another
    model in the module has it; then the owner's too.
    """
    owner, _, name = model.partition("/")
    for words in (name, f"{owner} {name}"):
        prefix = _camel(words)
        if prefix[0].isdigit():
            prefix = f"Model{prefix}"
        if prefix not in taken:
            taken.add(prefix)
            return prefix, _snake(prefix).upper()
    counter = 2
    while f"{prefix}{counter}" in taken:
        counter += 1
    taken.add(f"{prefix}{counter}")
    return f"{prefix}{counter}", f"{_snake(prefix).upper()}_{counter}"
