"""The one line for a 404: what the user typed that the API does not know, in their words.

"models.predictions.create failed with 404 Not found" names an endpoint; the
user typed a model name or an id, so that is what the message names. For a
model it adds close names the API knows, found with one search request; a
failed search leaves the suggestion out, never the message.
"""

from __future__ import annotations

import difflib

from replicate_typed import APIConnectionError, APIError, Replicate
from replicate_typed.cli._exit import CommandError, ExitCode

#: How many close names a message suggests at most.
SUGGESTIONS = 3
#: How alike (difflib's ratio) a name must be to be suggested; higher than difflib's
#: 0.6, as names that share their owner ("acme/") are already that alike.
CLOSENESS = 0.8

#: Why ``--fake predictions get ID`` cannot find an earlier ``--fake`` run, and what can.
FRESH_EMULATOR_HINT = (
    "each --fake command starts a fresh emulator; to keep predictions between commands, "
    "serve one with 'python -m replicate_typed.testing' and set REPLICATE_BASE_URL to its URL"
)


def model_not_found(replicate: Replicate, model: str) -> CommandError:
    """The error for a model name the API does not know, with close names if it has some."""
    close = close_model_names(replicate, model)
    hint = f"; did you mean {' or '.join(close)}?" if close else ""
    return CommandError(f"no model named {model!r}{hint}", ExitCode.API)


def job_not_found(noun: str, job_id: str, *, fake: bool) -> CommandError:
    """The error for a prediction or training id the API does not know."""
    hint = f" ({FRESH_EMULATOR_HINT})" if fake else ""
    return CommandError(f"no {noun} with id {job_id!r}{hint}", ExitCode.API)


def close_model_names(replicate: Replicate, model: str) -> list[str]:
    """Public models named like ``model`` ("owner/name"), closest first; [] if none or unknown.

    Searches for the owner (or the name, without one): a typo is more
    likely in the name, and the owner's models are the likely candidates.
    Only the first page of results is read, so this is one request.
    """
    owner, _, name = model.partition("/")
    query = owner or name
    if not query.strip():
        return []
    try:
        first = next(iter(replicate.models.search(query).pages()), None)
    except (APIError, APIConnectionError, ValueError):
        return []
    if first is None:
        return []
    known = [f"{found.owner}/{found.name}" for found in first.results]
    return difflib.get_close_matches(
        model, [name for name in known if name != model], SUGGESTIONS, CLOSENESS
    )
