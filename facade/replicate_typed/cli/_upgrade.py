"""``models generate --upgrade PATH.py``: regenerate a bindings module for the latest versions.

The module says what it pins (``_bindings_check.load``, as ``models check``
reads it): per model its name, and its version, or None for an official model
pinned by schema hash. Each model's latest version replaces the pin, pinned
the same way, and ``generate_module`` writes the module again, in the same
order, so its constants keep their names. The report is ``models check``'s,
printed before the module is rewritten.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from replicate_typed import Replicate
from replicate_typed.bindings import generate_module
from replicate_typed.bindings._generate import ModelSource, source_from_version
from replicate_typed.bindings._schema import BindingsError
from replicate_typed.cli._bindings_check import Pinned, latest_version, report
from replicate_typed.cli._exit import ExitCode

#: How the command names itself in its errors.
COMMAND = "models generate --upgrade"


def upgrade(replicate: Replicate, path: Path, pinned: Sequence[Pinned]) -> ExitCode:
    """Print each model's changes, then rewrite ``path`` for the latest versions.

    SUCCEEDED once the module is current, breaking changes or not: the user
    asked for them, and the report marks each BREAKING. A model whose latest
    version has no schema is a BindingsError (a usage error, as for ``models
    generate``) and the module is left as it was.
    """
    sources: list[ModelSource] = []
    for each in pinned:
        latest = latest_version(replicate, each, COMMAND)
        lines, _ = report(each, latest)
        print("\n".join(lines), flush=True)
        if latest is None:
            raise BindingsError(f"{each.model} has no versions to generate bindings from")
        sources.append(source_from_version(each.model, latest, official=each.version is None))
    models = ", ".join(source.model for source in sources)
    text = generate_module(sources)
    if path.read_text(encoding="utf-8") == text:
        print(f"{path} is already current ({models})", file=sys.stderr)
        return ExitCode.SUCCEEDED
    replace(path, text)
    print(f"rewrote {path} ({models})", file=sys.stderr)
    return ExitCode.SUCCEEDED


def replace(path: Path, text: str) -> None:
    """Write ``text`` to a file beside ``path``, then rename it over ``path``.

    So a reader (or an interrupted upgrade) sees the old module or the new one,
    never half of one. The new file keeps the old one's permissions.
    """
    mode = path.stat().st_mode
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
