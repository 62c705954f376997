"""Exit codes, and the one-line message and code for every way a command can end badly."""

from __future__ import annotations

from enum import IntEnum

from replicate_typed import (
    APIConnectionError,
    APIError,
    MissingTokenError,
    ModelError,
    PredictionCanceledError,
    PredictionTimeoutError,
    StreamUnavailableError,
    UnknownStatusError,
)
from replicate_typed._config import TOKEN_VARIABLE
from replicate_typed._options import deadline_seconds


class ExitCode(IntEnum):
    """What the process exit status tells a script."""

    SUCCEEDED = 0
    #: The model failed, or finished with a status this client does not know.
    FAILED = 1
    #: Bad arguments, a missing token or input file: nothing was run.
    USAGE = 2
    #: Canceled or aborted: by Ctrl-C, by --timeout, by a deadline or by someone else.
    CANCELED = 3
    #: The API answered with an error, or could not be reached.
    API = 4


class CommandError(Exception):
    """A failure the command itself detected, with its exit code.

    ``bare`` messages are printed as they are; others get the usual
    "replicate-typed: error:" prefix.
    """

    def __init__(self, message: str, code: ExitCode, *, bare: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.bare = bare


class UsageError(CommandError):
    """The command line is wrong; nothing was sent."""

    def __init__(self, message: str) -> None:
        super().__init__(message, ExitCode.USAGE)


def check_deadline_option(value: str | None) -> None:
    """Refuse a bad ``--deadline`` (``run``, ``batch``) as a usage error, before any request."""
    if value is None:
        return
    try:
        deadline_seconds(value)
    except ValueError as exc:
        raise UsageError(f"--deadline: {exc}") from None


MISSING_TOKEN = (
    f"no API token: set {TOKEN_VARIABLE} "
    "(create one at https://replicate.com/account/api-tokens), or use --fake"
)


def classify(error: BaseException) -> tuple[ExitCode, str]:
    """The exit code for an error and the message to print (without the prefix)."""
    if isinstance(error, CommandError):
        return error.code, str(error)
    if isinstance(error, MissingTokenError):
        return ExitCode.USAGE, MISSING_TOKEN
    if isinstance(error, ModelError | UnknownStatusError):
        return ExitCode.FAILED, str(error)
    if isinstance(error, PredictionCanceledError | PredictionTimeoutError):
        return ExitCode.CANCELED, str(error)
    if isinstance(error, APIError | APIConnectionError | StreamUnavailableError):
        return ExitCode.API, str(error)
    if isinstance(error, ValueError):
        # The SDK checks every argument before sending anything and names the bad value.
        return ExitCode.USAGE, str(error)
    if isinstance(error, KeyboardInterrupt):
        return ExitCode.CANCELED, "interrupted"
    # A bug, or the local machine (a full disk): not the model, not the API.
    return ExitCode.FAILED, f"{type(error).__name__}: {error} (rerun with --debug for details)"
