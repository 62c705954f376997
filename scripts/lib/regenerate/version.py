"""Which openapi-python-client is installed (package metadata only: no generator import).

scripts/retemplate needs this while the installed generator may not yet fit
regenerate.internals, so it must not import the generator.
"""

from __future__ import annotations

import importlib.metadata

GENERATOR = "openapi-python-client"


def installed_version() -> str:
    """The version of the installed generator."""
    return importlib.metadata.version(GENERATOR)
