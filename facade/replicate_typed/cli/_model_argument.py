"""The MODEL argument checked in the CLI's words, before a client exists.

The SDK's own message lists what Python accepts ("a Model or a Version"),
which a shell user cannot pass.
"""

from __future__ import annotations

from replicate_typed._refs import parse
from replicate_typed.cli._exit import UsageError

#: The forms MODEL takes on the command line.
MODEL_FORMS = "owner/name, owner/name:VERSION (a 64-hex id) or a version id alone"


def check_model_argument(model: str) -> None:
    """UsageError naming ``model`` if it is none of MODEL_FORMS."""
    try:
        parse(model)
    except ValueError:
        raise UsageError(f"MODEL {model!r} is not a model name: expected {MODEL_FORMS}") from None
