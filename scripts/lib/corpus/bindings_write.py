"""Generate one bindings module per corpus model and write it where the checkers read it.

One module per model (not a module of many) so that every later finding,
an import error, a mypy or pyright diagnostic, names its file and so its
model without any line bookkeeping; generating a model alone also gives
its refusal its own reason. The file name starts with the model's index in
the corpus, so two models that slug alike never share a file.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from replicate_typed.bindings import BindingsError, ModelSource, generate_module, source_from_json

from corpus.load import JSONObject, model_name


@dataclass(frozen=True)
class Generated:
    """One model's generation: its source and module file, or why it was refused."""

    name: str
    model: JSONObject
    source: ModelSource | None
    path: Path | None
    refusal: str | None


def module_file(index: int, name: str) -> str:
    """``m0042_owner_name.py``: an importable, unique file name for the model at ``index``."""
    slug = re.sub(r"\W", "_", name.lower())
    return f"m{index:04d}_{slug}.py"


def write_modules(models: Iterable[JSONObject], directory: Path) -> list[Generated]:
    """Write each model's module into ``directory`` (emptied first); refusals are kept."""
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    results: list[Generated] = []
    for index, model in enumerate(models):
        name = model_name(model)
        try:
            source = source_from_json(model, name)
            text = generate_module([source])
        except BindingsError as error:
            results.append(Generated(name, model, None, None, str(error)))
            continue
        path = directory / module_file(index, name)
        path.write_text(text, encoding="utf-8")
        results.append(Generated(name, model, source, path, None))
    return results
