"""The ``replicate-typed`` command: run models and look things up from a shell.

    replicate-typed run replicate/hello-world -i text=Alice
    replicate-typed run acme/upscaler -i image=@photo.png -i scale=4 --output-dir out
    replicate-typed predictions list --json
    replicate-typed --fake run acme/storyteller     # an in-process emulator: no token

``main`` never raises: every outcome is an exit code (0 succeeded, 1 the model
failed, 2 usage error, 3 canceled or aborted, 4 API or network error) and at
most one error line on stderr; ``--debug`` adds the traceback and a log of
requests. The token is never printed.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Sequence

from replicate_typed.cli._args import Handler, Offline
from replicate_typed.cli._client import open_client
from replicate_typed.cli._exit import CommandError, ExitCode, classify
from replicate_typed.cli._parser import parse
from replicate_typed.cli._rate_limit_options import chosen_rate_limits

__all__ = ["main"]

PROG = "replicate-typed"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in arguments  # known even when parsing fails
    try:
        args = parse(arguments)
        debug = bool(args.debug)
        _configure_logging(debug=debug)
        handler: Handler = args.handler  # each subcommand sets its own (see _commands)
        work = handler(args)
        if isinstance(work, Offline):
            code = work.run()
        else:
            with open_client(fake=args.fake, rate_limits=chosen_rate_limits(args)) as replicate:
                code = work(replicate)
        sys.stdout.flush()  # a closed pipe shows here, not as noise at exit
        return int(code)
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else int(done.code is not None)
    except BrokenPipeError:
        _discard_stdout()  # whoever read our output stopped reading: not worth an error line
        return int(ExitCode.FAILED)
    except BaseException as error:
        return int(_report(error, debug=debug))


def _report(error: BaseException, *, debug: bool) -> ExitCode:
    """Print the error (its traceback first with --debug) and return its exit code."""
    code, message = classify(error)
    if debug:
        traceback.print_exception(error, file=sys.stderr)
    bare = isinstance(error, CommandError) and error.bare
    print(message if bare else f"{PROG}: error: {message}", file=sys.stderr, flush=True)
    return code


def _configure_logging(*, debug: bool) -> None:
    """Log requests (never the token) with --debug; otherwise keep the SDK's warnings quiet.

    An error reaches the user as its one line; a warning logged on the way
    would be a second.
    """
    logger = logging.getLogger("replicate_typed")
    logger.propagate = False
    if debug:
        handler: logging.Handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(f"{PROG}: debug: %(message)s"))
        logger.setLevel(logging.DEBUG)
    else:
        handler = logging.NullHandler()
    logger.addHandler(handler)


def _discard_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
