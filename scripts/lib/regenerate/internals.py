"""Every use of openapi-python-client's internals, in one place.

The generator's public interface is its command line (``openapi-python-client
generate --path --config --custom-template-path --meta --output-path``) and
``openapi_python_client.generate(config=..., custom_template_path=...)``. Both
parse the spec and render the templates in one step, with no way to hand the
templates anything computed from the parsed spec. The response models need
that (``readers.py`` writes them from the parsed models), so this project
drives the steps itself. These are the coupling points, each with why:

1. ``config.Config.from_sources``, ``config.ConfigFile.load_from_path`` and
   ``config.MetaType``: build the configuration exactly as the command line
   does from generator.yaml, ``--meta none`` and ``--output-path``.
2. ``parser.GeneratorData.from_dict``: parse the (patched) spec once, so the
   reader models are computed from the same parse the templates render.
3. ``Project(openapi=, config=, custom_template_path=)``, ``Project.env`` and
   ``Project.build()``: what ``openapi_python_client.generate`` does after
   parsing, with the reader globals (``readers.template_globals``) added to the
   Jinja environment in between.
4. ``parser.errors.GeneratorError`` and ``ErrorLevel``: what ``build()``
   returns, classified by level.
5. The wording of the warning for an endpoint the generator skipped
   (``SKIPPED_ENDPOINT``). No field of the warning says that an endpoint was
   skipped (a warning about an endpoint that was generated has the same level
   and type), so only the text tells them apart. Which operations were skipped
   is found structurally instead (the METHOD and PATH each generated endpoint
   module states, against the spec's operations); ``problems`` lets through no
   more such warnings than operations are missing, and a change of wording
   turns every skip into a reported problem: it fails loudly, never silently.
6. The parsed property classes and their attributes (``ModelProperty``,
   ``ListProperty``, ``UnionProperty``, the scalar properties, ``EnumProperty``,
   ``AnyProperty``, ``NoneProperty``; ``schema.untrusted_string.UntrustedString``),
   which ``reader_shapes.py`` and ``readers.py`` read to write response models.
   They import these names from here.

A generator release that moves or renames one of these fails here with a
GenerationError naming the coupling point, not with a traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from regenerate.errors import GenerationError
from regenerate.version import GENERATOR, installed_version


class CouplingError(GenerationError):
    """An internal of the generator that this project uses is gone or changed."""

    def __init__(self, coupling: str, exc: BaseException) -> None:
        super().__init__(
            f"{GENERATOR} {installed_version()}: {coupling} does not work as "
            f"scripts/lib/regenerate/internals.py expects ({type(exc).__name__}: {exc}); "
            "see the coupling points listed there"
        )


try:
    from openapi_python_client import Project
    from openapi_python_client.config import Config, ConfigFile, MetaType
    from openapi_python_client.parser import GeneratorData
    from openapi_python_client.parser.errors import ErrorLevel, GeneratorError
    from openapi_python_client.parser.properties import AnyProperty, EnumProperty, ModelProperty
    from openapi_python_client.parser.properties.boolean import BooleanProperty
    from openapi_python_client.parser.properties.datetime import DateTimeProperty
    from openapi_python_client.parser.properties.float import FloatProperty
    from openapi_python_client.parser.properties.int import IntProperty
    from openapi_python_client.parser.properties.list_property import ListProperty
    from openapi_python_client.parser.properties.none import NoneProperty
    from openapi_python_client.parser.properties.string import StringProperty
    from openapi_python_client.parser.properties.union import UnionProperty
    from openapi_python_client.schema.untrusted_string import UntrustedString
except ImportError as exc:  # pragma: no cover - only after a generator bump
    raise CouplingError(f"the import {exc.name or exc}", exc) from exc

__all__ = [
    "GENERATOR",
    "AnyProperty",
    "BooleanProperty",
    "Config",
    "CouplingError",
    "DateTimeProperty",
    "EnumProperty",
    "ErrorLevel",
    "FloatProperty",
    "GeneratorData",
    "GeneratorError",
    "IntProperty",
    "ListProperty",
    "ModelProperty",
    "NoneProperty",
    "StringProperty",
    "UnionProperty",
    "UntrustedString",
    "build",
    "coupling",
    "installed_version",
    "load_config",
    "problems",
]

#: How 0.29.1 words the warning about an endpoint it did not generate (coupling point 5).
SKIPPED_ENDPOINT = "Endpoint will not be generated"


@contextmanager
def coupling(name: str) -> Generator[None]:
    """Turn an AttributeError or TypeError from the generator's API into a CouplingError."""
    try:
        yield
    except (AttributeError, TypeError) as exc:
        raise CouplingError(name, exc) from exc


def load_config(config_file: Path, *, document_source: Path, output_path: Path) -> Config:
    """The configuration the command line builds for ``--config --meta none --output-path``."""
    with coupling("Config.from_sources(ConfigFile.load_from_path(...), MetaType.NONE, ...)"):
        return Config.from_sources(
            ConfigFile.load_from_path(config_file),
            MetaType.NONE,
            document_source=document_source,
            file_encoding="utf-8",
            overwrite=False,
            output_path=output_path,
        )


def build(
    spec: dict[str, Any],
    config: Config,
    templates: Path,
    template_globals: Callable[[GeneratorData], dict[str, Any]],
) -> list[GeneratorError]:
    """What ``openapi_python_client.generate`` does, with ``template_globals(parsed)`` added.

    Exceptions raised by ``template_globals`` or while rendering pass through.
    """
    with coupling("GeneratorData.from_dict(spec, config=...)"):
        openapi = GeneratorData.from_dict(spec, config=config)
    if isinstance(openapi, GeneratorError):
        return [openapi]
    with coupling("Project(openapi=, config=, custom_template_path=).env.globals"):
        project = Project(openapi=openapi, config=config, custom_template_path=templates)
        env_globals = project.env.globals
    env_globals.update(template_globals(openapi))
    with coupling("Project.build()"):
        built = project.build
    return list(built())


def problems(errors: Sequence[GeneratorError], skipped: int) -> list[str]:
    """The errors and warnings that should stop generation.

    Every ERROR is one. A WARNING is one unless it says an endpoint was not
    generated; those must be exactly ``skipped`` (the operations missing from
    the output) at most: an operation with a method the generator does not know
    (QUERY) is left out without a warning. The same warning object is listed
    once per tag of its operation, so they are counted by identity.
    """
    found: list[str] = []
    skips: set[int] = set()
    with coupling("GeneratorError.level/.header/.detail and ErrorLevel"):
        for error in errors:
            if error.level == ErrorLevel.WARNING and SKIPPED_ENDPOINT in error.header:
                skips.add(id(error))
            else:
                found.append(f"{error.header}: {error.detail or ''}".strip())
    if len(skips) > skipped:
        found.append(
            f"{GENERATOR} warned about {len(skips)} skipped endpoints but only {skipped} "
            f"operations are missing from the output: does {SKIPPED_ENDPOINT!r} still mean "
            "that? (coupling point 5 in scripts/lib/regenerate/internals.py)"
        )
    return found
