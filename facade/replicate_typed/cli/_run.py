"""``replicate-typed run``: create a prediction, follow it to the end, print what it made."""

from __future__ import annotations

import argparse
import contextlib
import sys
import threading
import time
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from replicate_typed import (
    APIConnectionError,
    APIError,
    LogsEvent,
    NotFoundError,
    OutputEvent,
    Prediction,
    PredictionTimeoutError,
    Replicate,
)
from replicate_typed._jobs import output_of
from replicate_typed._options import window_within
from replicate_typed.cli._exit import CommandError, ExitCode, UsageError, check_deadline_option
from replicate_typed.cli._inputs import parse_inputs
from replicate_typed.cli._model_argument import check_model_argument
from replicate_typed.cli._not_found import model_not_found
from replicate_typed.cli._output import prepare_output_dir, render, save_files
from replicate_typed.cli._show import print_json
from replicate_typed.cli._status import StatusView, open_status
from replicate_typed.cli._web_links import links_to_replicate_com


@dataclass(frozen=True)
class RunOptions:
    """The ``run`` command's arguments."""

    model: str | None
    deployment: str | None
    inputs: dict[str, Any]
    wait: int | None
    deadline: str | None
    timeout: float | None
    json: bool
    output_dir: str
    #: Whether the prediction's web page is worth showing (not for an emulator's).
    web_links: bool

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> RunOptions:
        """Read them from argparse's namespace, checking what argparse cannot (-i included)."""
        if (args.model is None) == (args.deployment is None):
            raise UsageError("run needs a MODEL or --deployment OWNER/NAME (one of them)")
        if args.model is not None:
            check_model_argument(args.model)
        check_deadline_option(args.deadline)
        return cls(
            model=args.model,
            deployment=args.deployment,
            inputs=parse_inputs(args.input),
            wait=args.wait,
            deadline=args.deadline,
            timeout=args.timeout,
            json=args.json,
            output_dir=args.output_dir,
            web_links=links_to_replicate_com(fake=args.fake),
        )


class _TimedOut(Exception):
    """--timeout passed before the prediction finished."""


def run(replicate: Replicate, options: RunOptions) -> ExitCode:
    """Run the model and print its output (or the prediction as JSON); the exit code.

    Raises the SDK's errors for a prediction that did not succeed, and
    CommandError when it was stopped by Ctrl-C or --timeout (after canceling it).
    """
    started = time.monotonic()
    give_up_at = None if options.timeout is None else started + options.timeout
    directory = None if options.json else prepare_output_dir(options.output_dir)
    view = open_status(sys.stderr, started, web_links=options.web_links)
    prediction: Prediction | None = None
    try:
        prediction = _create(replicate, options)
        view.update(prediction)
        streamed = _streams(prediction) and not options.json
        follow = _stream if streamed else _poll
        final = follow(replicate, prediction, view, give_up_at)
    except KeyboardInterrupt as interrupt:
        view.pause()
        _stop(replicate, prediction, options, view, interrupted=interrupt)
    except _TimedOut:
        view.pause()
        _stop(replicate, prediction, options, view, interrupted=None)
    finally:
        view.close()
    return _finish(replicate, final, options, None if streamed else directory)


def _create(replicate: Replicate, options: RunOptions) -> Prediction:
    """Create the prediction; a model the API does not know is named, with close names."""
    try:
        return replicate.create(
            options.model,
            options.inputs,
            deployment=options.deployment,
            wait=_window(options),
            deadline=options.deadline,
        )
    except NotFoundError as exc:
        if options.model is None:  # a deployment: its own message says which
            raise
        raise model_not_found(replicate, options.model) from exc


def _window(options: RunOptions) -> bool | int:
    """The sync window for the create; never longer than --timeout allows."""
    return False if options.wait is None else window_within(options.wait, options.timeout)


def _streams(prediction: Prediction) -> bool:
    return prediction.urls is not None and bool(prediction.urls.stream)


def _left(give_up_at: float | None) -> float | None:
    """Seconds left before --timeout (None without one); _TimedOut if none are."""
    if give_up_at is None:
        return None
    left = give_up_at - time.monotonic()
    if left <= 0:
        raise _TimedOut
    return left


def _poll(
    replicate: Replicate,
    prediction: Prediction | str,
    view: StatusView,
    give_up_at: float | None,
) -> Prediction:
    try:
        return replicate.wait(prediction, timeout=_left(give_up_at), on_update=view.update)
    except PredictionTimeoutError as exc:
        if exc.past_deadline:
            raise  # long past the prediction's own deadline: the SDK's error says so
        raise _TimedOut from None


def _stream(
    replicate: Replicate, prediction: Prediction, view: StatusView, give_up_at: float | None
) -> Prediction:
    """Print the text as it arrives; at --timeout a timer thread cancels, which ends the stream."""
    left = _left(give_up_at)
    fired = threading.Event()

    def give_up() -> None:
        fired.set()
        # The main thread cancels again, and reports a failure to, once the stream ends.
        with contextlib.suppress(Exception):
            replicate.cancel(prediction.id)

    timer = threading.Timer(left, give_up) if left is not None else None
    if timer is not None:
        timer.daemon = True
        timer.start()
    chunks = _chunks(replicate, prediction, view)
    try:
        _print_text(chunks, view)
    finally:
        chunks.close()  # and with it the connection, also on Ctrl-C
        if timer is not None:
            timer.cancel()
    if fired.is_set():
        raise _TimedOut
    # The "done" event may come a moment before the API shows the final status.
    return _poll(replicate, prediction.id, view, give_up_at)


def _chunks(
    replicate: Replicate, prediction: Prediction, view: StatusView
) -> Generator[str, None, None]:
    for event in replicate.stream(prediction):
        if isinstance(event, OutputEvent):
            yield event.data
        elif isinstance(event, LogsEvent):
            view.add_logs(event.data)


def _print_text(chunks: Iterator[str], view: StatusView) -> None:
    """Print the chunks as they come; the text ends with a line break, also on Ctrl-C.

    Else the next line on the terminal (Ctrl-C's "canceled prediction ...")
    would continue the text's last line.
    """
    last = ""
    try:
        for chunk in chunks:
            if not last:
                view.pause()  # the live display and the text would share one screen
            if chunk:
                sys.stdout.write(chunk)
                sys.stdout.flush()
                last = chunk
    finally:
        if last and not last.endswith("\n"):
            sys.stdout.write("\n")
            sys.stdout.flush()


def _stop(
    replicate: Replicate,
    prediction: Prediction | None,
    options: RunOptions,
    view: StatusView,
    *,
    interrupted: KeyboardInterrupt | None,
) -> NoReturn:
    """Cancel the prediction the user gave up on, then raise the CommandError that says so.

    ``interrupted``: the Ctrl-C, if that (not --timeout) stopped it. One that
    interrupted the create carries the SDK's note on what became of the
    prediction the create may have made (found and canceled, or not found).
    """
    if prediction is None:
        notes: list[str] = getattr(interrupted, "__notes__", None) or []
        if notes:
            raise CommandError(notes[-1], ExitCode.CANCELED, bare=True)
        raise CommandError(
            "interrupted while creating the prediction; it may exist: "
            "see 'replicate-typed predictions list'",
            ExitCode.CANCELED,
        )
    try:
        final = replicate.cancel(prediction.id)
    except KeyboardInterrupt:  # pressed again: stop at once, as asked
        raise CommandError(
            f"interrupted again; prediction {prediction.id} may still be running",
            ExitCode.CANCELED,
        ) from None
    except (APIError, APIConnectionError) as exc:
        raise CommandError(
            f"could not cancel prediction {prediction.id}, it may still be running: {exc}",
            ExitCode.CANCELED,
        ) from exc
    view.update(final)
    if options.json:
        print_json(final.to_dict())
    status = str(final.status)
    if interrupted is not None:
        done = status not in ("canceled", "aborted") and final.completed_at
        message = (
            f"interrupted; prediction {final.id} had already {status}"
            if done
            else f"canceled prediction {final.id}"
        )
        raise CommandError(message, ExitCode.CANCELED, bare=True)
    raise CommandError(
        f"prediction {final.id} did not finish within {options.timeout:g} s "
        f"(--timeout); canceled it",
        ExitCode.CANCELED,
    )


def _finish(
    replicate: Replicate, final: Prediction, options: RunOptions, directory: Path | None
) -> ExitCode:
    """Print the result of a finished prediction; raise the SDK's error if it did not succeed.

    ``directory`` is None when there is nothing left to print: the text was
    streamed, or the prediction went out as JSON.
    """
    if options.json:
        print_json(final.to_dict())
    output_of(final)  # raises the SDK's error for anything but success
    if directory is not None:
        _print_output(replicate, final, directory)
    return ExitCode.SUCCEEDED


def _print_output(replicate: Replicate, final: Prediction, directory: Path) -> None:
    output = save_files(final.output, replicate, directory)
    text = render(output, concatenate=_streams(final))
    if text is not None:
        print(text)
