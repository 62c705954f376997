"""Every public symbol of replicate_api says what it is, in words from the spec or ours.

The generator's fallbacks say nothing: a class with no docstring shows attrs'
or Enum's signature in ``help()``, and a sentence made from the class name
("A prediction, as the API sends it.") only repeats the name. Each class
docstring also lists the class's fields under ``Attributes:``, so ``help()``
shows what IDE hovers show from the attribute docstrings.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterator

import attrs
import pytest
import replicate_api.api
import replicate_api.models
from regenerate.handwritten import load_manifest
from regenerate.spec import operations

from tests.support import spec

ENDPOINT_FUNCTIONS = ("sync", "asyncio", "sync_detailed", "asyncio_detailed")

#: Summaries made from the class name alone, as the generator wrote them before the spec
#: (or regenerate/descriptions.toml) described every schema.
NAME_ONLY = (
    re.compile(r"An? [\w ]+, as the API sends it\."),
    re.compile(r"The values the API lists for \w+\."),
)


def _models() -> Iterator[tuple[str, object]]:
    for name in replicate_api.models.__all__:
        yield f"models.{name}", getattr(replicate_api.models, name)


def _endpoint_modules() -> list[str]:
    prefix = f"{replicate_api.api.__name__}."
    return sorted(
        info.name
        for info in pkgutil.walk_packages(replicate_api.api.__path__, prefix)
        if not info.ispkg
    )


def _endpoint_functions() -> Iterator[tuple[str, object]]:
    prefix = f"{replicate_api.api.__name__}."
    for module_name in _endpoint_modules():
        module = importlib.import_module(module_name)
        for function in ENDPOINT_FUNCTIONS:
            if hasattr(module, function):
                yield (
                    f"api.{module_name.removeprefix(prefix)}.{function}",
                    getattr(module, function),
                )


PUBLIC = dict([*_models(), *_endpoint_functions()])


def _words(identifier: str) -> str:
    """``PredictionUrls`` and ``predictions_get`` both become lower-case words."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", identifier).replace("_", " ")
    return spaced.lower()


def undocumented(name: str, symbol: object) -> str | None:
    """Why ``symbol``'s docstring says nothing, or None if it says something."""
    doc = inspect.cleandoc(getattr(symbol, "__doc__", None) or "")
    if not doc:
        return "no docstring"
    summary = doc.splitlines()[0].strip()
    short_name = name.rsplit(".", 1)[-1]
    if summary.startswith(f"{short_name}("):
        return f"only the default signature: {summary!r}"
    if any(pattern.fullmatch(summary) for pattern in NAME_ONLY):
        return f"only a sentence made from the name: {summary!r}"
    if summary.rstrip(".").lower() == _words(short_name):
        return f"only the name: {summary!r}"
    return None


def test_the_symbols_are_all_found() -> None:
    """Every model and every generated operation's functions are in PUBLIC (no silent skip)."""
    models = [name for name in PUBLIC if name.startswith("models.")]
    assert len(models) == len(replicate_api.models.__all__)
    generated = len(operations(spec.spec())) - len(load_manifest(spec.ROOT))
    assert len(_endpoint_modules()) == generated
    detailed = [name for name in PUBLIC if name.endswith("_detailed")]
    assert len(detailed) == 2 * generated  # sync_detailed and asyncio_detailed, always


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_public_symbol_has_a_docstring_that_says_something(name: str) -> None:
    assert undocumented(name, PUBLIC[name]) is None


CLASSES = {
    name: symbol
    for name, symbol in PUBLIC.items()
    if inspect.isclass(symbol) and attrs.has(symbol) and not issubclass(symbol, enum.Enum)
}


#: An entry under Attributes: a field name indented once, then ": description" or nothing.
ATTRIBUTE_ENTRY = re.compile(r"^ {4}(\w+)(?::|$)", re.MULTILINE)


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_model_docstring_lists_every_field(name: str) -> None:
    cls = CLASSES[name]
    doc = inspect.cleandoc(cls.__doc__ or "")
    _, heading, listed = doc.partition("\nAttributes:\n")
    assert heading, f"{name}: no Attributes section"
    names = set(ATTRIBUTE_ENTRY.findall(listed))
    fields = {field.name for field in attrs.fields(cls)}
    assert fields <= names, f"{name}: fields missing from Attributes: {sorted(fields - names)}"


@pytest.mark.parametrize(
    ("name", "symbol", "why"),
    [
        ("Bare", type("Bare", (), {}), "no docstring"),
        ("Sig", type("Sig", (), {"__doc__": "Sig(x: int)"}), "only the default signature"),
        ("Account", type("A", (), {"__doc__": "A account, as the API sends it."}), "only a sen"),
        (
            "Status",
            type("S", (), {"__doc__": "The values the API lists for Status."}),
            "only a sen",
        ),
        ("FilePage", type("F", (), {"__doc__": "File page."}), "only the name"),
    ],
)
def test_the_check_rejects_what_says_nothing(name: str, symbol: object, why: str) -> None:
    reason = undocumented(name, symbol)
    assert reason is not None
    assert reason.startswith(why)


def test_the_check_accepts_a_description() -> None:
    def sync() -> None:
        """Fetch one prediction by its id."""

    assert undocumented("predictions_get.sync", sync) is None
