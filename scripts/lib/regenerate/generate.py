"""Run the pinned openapi-python-client on a patched copy of the spec.

The generator's internals are used only through ``regenerate.internals``.
"""

from __future__ import annotations

import ast
import json
import os
import sys
import tempfile
from collections.abc import Generator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from regenerate import internals, patches, reader_shapes, readers, retemplate
from regenerate.errors import GenerationError
from regenerate.spec import Operation, Spec, dump, operations

__all__ = ["PACKAGE_NAME", "Generation", "GenerationError", "generate"]

CONFIG_PATH = Path(__file__).with_name("generator.yaml")
SHIPPED_SPEC = "openapi.json"
PACKAGE_NAME = "replicate_api"


@dataclass
class Generation:
    """What one run of the generator produced."""

    package_dir: Path
    not_generated: list[Operation] = field(default_factory=list[Operation])
    patches_applied: dict[str, list[str]] = field(default_factory=dict[str, list[str]])


def generate(spec: Spec, package_dir: Path) -> Generation:
    """Write the replicate_api package for ``spec`` into ``package_dir``, which must not exist."""
    installed = internals.installed_version()
    base = retemplate.base_version()
    if installed != base:
        raise GenerationError(
            f"openapi-python-client {installed} is installed but "
            f"scripts/lib/regenerate/templates/ was made from {base}'s templates: "
            "run scripts/retemplate, then update the pin"
        )
    patched, applied = patches.apply(spec)
    with tempfile.TemporaryDirectory(prefix="replicate-regen-") as tmp:
        spec_path = Path(tmp) / "openapi.patched.json"
        spec_path.write_text(json.dumps(patched, indent=2), encoding="utf-8")
        config = internals.load_config(
            CONFIG_PATH, document_source=spec_path, output_path=package_dir
        )
        with _pinned_tools_first_on_path():
            errors = _build(patched, config)
    produced = _generated_endpoints(package_dir)
    missing = [op for op in operations(spec) if (op.method, op.path) not in produced]
    problems = internals.problems(errors, skipped=len(missing))
    if problems:
        raise GenerationError("\n".join(problems))
    # --meta none leaves out the PEP 561 marker; the package is typed, so add it.
    (package_dir / "py.typed").write_text("", encoding="utf-8")
    # Ship the description the package follows, for tools that validate traffic
    # against it (replicate_typed.testing): the facts of openapi.json plus the
    # api-reality patches, i.e. what the live API really sends.
    reality, _ = patches.apply(spec, kinds=("api-reality",))
    (package_dir / SHIPPED_SPEC).write_text(dump(reality), encoding="utf-8")
    return Generation(package_dir=package_dir, not_generated=missing, patches_applied=applied)


def _build(patched: Spec, config: internals.Config) -> list[internals.GeneratorError]:
    """Generate with the reader models' globals added to the templates' environment.

    The templates need to know which models responses contain (those are
    written by ``readers.render``), which only the parsed spec tells.
    """
    try:
        return internals.build(patched, config, retemplate.TEMPLATES_PATH, readers.template_globals)
    except reader_shapes.ReaderError as exc:
        raise GenerationError(str(exc)) from exc


@contextmanager
def _pinned_tools_first_on_path() -> Generator[None]:
    """Make the post-hooks run the ruff pinned in this environment, not one on PATH."""
    saved = os.environ.get("PATH", "")
    os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), saved])
    try:
        yield
    finally:
        os.environ["PATH"] = saved


def _generated_endpoints(package_dir: Path) -> set[tuple[str, str]]:
    """(method, path) of every generated endpoint module, from its ``METHOD`` and ``PATH``."""
    found: set[tuple[str, str]] = set()
    for module in sorted((package_dir / "api").glob("*/*.py")):
        facts: dict[str, str] = {}
        for node in ast.parse(module.read_text(encoding="utf-8")).body:
            if (
                isinstance(node, ast.AnnAssign)
                and isinstance(node.target, ast.Name)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                facts[node.target.id] = node.value.value
        if "METHOD" in facts and "PATH" in facts:
            found.add((facts["METHOD"], facts["PATH"]))
    return found
