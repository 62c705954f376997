"""Exceptions raised by replicate-typed.

    ReplicateError
    ├── MissingTokenError            no token given and REPLICATE_API_TOKEN unset
    ├── APIError                     the API answered with an error or an unreadable body
    │   ├── BadRequestError          400
    │   ├── AuthenticationError      401
    │   ├── PermissionDeniedError    403
    │   ├── NotFoundError            404
    │   ├── ConflictError            409
    │   ├── UnprocessableEntityError 422
    │   ├── RateLimitError           429, with retry_after
    │   ├── InternalServerError      5xx
    │   └── InvalidResponseError     a success status with a body that does not parse
    ├── APIConnectionError           no usable answer: connection failed or dropped
    │   └── APITimeoutError          the request timed out
    ├── ClientClosedError            a request on a client that was closed (also a RuntimeError)
    ├── EventLoopError               an AsyncReplicate used on a second event loop (a RuntimeError)
    ├── PredictionError              the prediction itself did not succeed
    │   ├── ModelError               it failed; carries its error and logs
    │   ├── PredictionCanceledError  it was canceled or aborted (says which)
    │   ├── PredictionTimeoutError   it did not finish within the timeout
    │   └── UnknownStatusError       it finished with a status this client does not know
    ├── TrainingTimeoutError         a training did not finish within the timeout
    ├── StreamUnavailableError       the prediction's model does not stream output
    ├── OutputMismatchError          a typed model's output does not fit its declared type
    └── WebhookVerificationError     a webhook request cannot be trusted
        └── DuplicateWebhookError    its webhook-id was accepted before (verify_webhook's seen=)

Bad arguments raise ``ValueError`` (or ``TypeError``) naming the value, before
any request is sent. ``APIError`` and ``APIConnectionError`` carry
``may_exist``: true when a create request (of a prediction, a training, a
deployment, a model, or a file upload) may have reached Replicate, so what it
creates may exist, and be billed, even though the call failed; the message
names what. ``prediction_may_exist``, the older name, is ``may_exist`` for the
creates of predictions and trainings only, as it always was.

Errors that can happen to a prediction that already exists carry it:
``prediction`` on ``APIError``, ``APIConnectionError``, ``ClientClosedError``
and ``StreamUnavailableError`` is the prediction's last known state when
``run``, ``wait`` or ``stream`` raised it after the prediction was created
(None otherwise), so its id is never lost; ``PredictionError`` always has one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    import httpx
    from replicate_api.models.prediction import Prediction
    from replicate_api.models.training import Training

#: What each create that is not a prediction's makes, by operation.
_CREATES = {
    "trainings.create": "training",
    "deployments.create": "deployment",
    "models.create": "model",
    "files.create": "file",
}


def _created_by(operation: str) -> str:
    """What a create ``operation`` makes: a prediction unless ``_CREATES`` says otherwise."""
    return _CREATES.get(operation, "prediction")


def _may_exist_note(operation: str) -> str:
    return (
        f" The request may have reached Replicate, so a {_created_by(operation)} may exist; "
        "look for it before creating another."
    )


class ReplicateError(Exception):
    """Base class of every error replicate-typed raises on purpose."""


class MissingTokenError(ReplicateError):
    """Raised by a client constructor when no API token is given or found."""


class APIError(ReplicateError):
    """Raised when the API answers with an error status or a body that cannot be read.

    ``title``, ``detail`` and ``instance`` come from the problem JSON body when
    there is one; ``body`` is always the raw text, so nothing is lost when the
    body is a proxy's HTML page. ``prediction``: the prediction it happened to,
    if one existed (e.g. while ``run`` polled it).
    """

    def __init__(
        self,
        message: str,
        *,
        status: int,
        operation: str,
        body: str = "",
        title: str | None = None,
        detail: str | None = None,
        instance: str | None = None,
        headers: dict[str, str] | None = None,
        may_exist: bool = False,
        prediction_may_exist: bool = False,
    ) -> None:
        may_exist = may_exist or prediction_may_exist  # the older keyword, kept
        super().__init__(message + (_may_exist_note(operation) if may_exist else ""))
        #: The prediction this happened to, when one existed (see the module docstring).
        self.prediction: Prediction | None = None
        self.status = status
        self.operation = operation
        self.body = body
        self.title = title
        self.detail = detail
        self.instance = instance
        self.headers: dict[str, str] = headers or {}
        #: The request was a create that may have reached Replicate: what it makes may exist.
        self.may_exist = may_exist

    @property
    def prediction_may_exist(self) -> bool:
        """``may_exist`` for a create of a prediction or training (the older name, kept)."""
        return self.may_exist and _created_by(self.operation) in ("prediction", "training")


class BadRequestError(APIError):
    """Raised on 400 Bad Request."""


class AuthenticationError(APIError):
    """Raised on 401 Unauthorized: the token is missing, wrong or revoked."""


class PermissionDeniedError(APIError):
    """Raised on 403 Forbidden."""


class NotFoundError(APIError):
    """Raised on 404 Not Found."""


class ConflictError(APIError):
    """Raised on 409 Conflict."""


class UnprocessableEntityError(APIError):
    """Raised on 422 Unprocessable Entity, e.g. input the model rejects."""


class RateLimitError(APIError):
    """Raised on 429 Too Many Requests once retries are used up.

    ``retry_after`` is the server's Retry-After in seconds, when it sent one.
    """

    def __init__(self, message: str, *, retry_after: float | None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class InternalServerError(APIError):
    """Raised on a 5xx status once retries are used up (creates are never retried)."""


class InvalidResponseError(APIError):
    """Raised when a success response's body is not the JSON the spec describes.

    ``unreadable`` is true when the body is not JSON at all (cut short, or a
    proxy's page): a repeatable request is sent again for those. A body that is
    JSON of the wrong shape (a prediction without an id, a string where an
    object belongs) is raised at once, since asking again would get the same.
    """

    def __init__(self, message: str, *, unreadable: bool = False, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.unreadable = unreadable


class APIConnectionError(ReplicateError):
    """Raised when no usable response arrived; chained from the httpx error.

    ``prediction``: the prediction it happened to, if one existed.
    """

    def __init__(
        self,
        message: str,
        *,
        operation: str,
        may_exist: bool = False,
        prediction_may_exist: bool = False,
    ) -> None:
        may_exist = may_exist or prediction_may_exist  # the older keyword, kept
        super().__init__(message + (_may_exist_note(operation) if may_exist else ""))
        self.operation = operation
        #: The prediction this happened to, when one existed (see the module docstring).
        self.prediction: Prediction | None = None
        #: The request was a create that may have reached Replicate: what it makes may exist.
        self.may_exist = may_exist

    @property
    def prediction_may_exist(self) -> bool:
        """``may_exist`` for a create of a prediction or training (the older name, kept)."""
        return self.may_exist and _created_by(self.operation) in ("prediction", "training")


class APITimeoutError(APIConnectionError):
    """Raised when a request timed out; chained from the httpx timeout."""


class PredictionError(ReplicateError):
    """Base class for a prediction that did not succeed; ``prediction`` is its last state."""

    def __init__(self, message: str, prediction: Prediction) -> None:
        super().__init__(message)
        self.prediction = prediction


class ModelError(PredictionError):
    """Raised by ``run`` when the prediction failed.

    ``error`` is the model's error message and ``logs`` its output.
    """

    def __init__(self, prediction: Prediction) -> None:
        self.error: str | None = prediction.error
        self.logs: str = prediction.logs or ""
        super().__init__(f"prediction {prediction.id} failed: {self.error}", prediction)


class PredictionCanceledError(PredictionError):
    """Raised by ``run`` when the prediction was canceled or aborted.

    ``aborted`` is true when it never started (a deadline passed while queued,
    not billed), false when it was canceled while running.
    """

    def __init__(self, prediction: Prediction) -> None:
        self.aborted: bool = prediction.status == "aborted"
        how = "aborted before it started" if self.aborted else "canceled"
        super().__init__(f"prediction {prediction.id} was {how}", prediction)


class PredictionTimeoutError(PredictionError):
    """Raised when a prediction did not finish within the timeout.

    ``run`` cancels the prediction first; ``wait`` leaves it running.
    ``past_deadline`` is true when the wait stopped not at the caller's
    timeout but because the prediction outlived its own deadline (plus a
    grace period) without the server ending it.
    """

    def __init__(
        self,
        prediction: Prediction,
        timeout: float,
        *,
        canceled: bool,
        past_deadline: bool = False,
    ) -> None:
        self.timeout = timeout
        self.canceled = canceled
        self.past_deadline = past_deadline
        then = "; it was canceled" if canceled else "; it is still running"
        within = "its deadline plus grace" if past_deadline else f"{timeout:g} s"
        super().__init__(
            f"prediction {prediction.id} did not finish within {within} "
            f"(last status: {prediction.status}){then}",
            prediction,
        )


class UnknownStatusError(PredictionError):
    """Raised by ``run`` when a prediction finished with a status this client does not know."""

    def __init__(self, prediction: Prediction) -> None:
        super().__init__(
            f"prediction {prediction.id} finished with status {prediction.status!r}, "
            "which this version of replicate-typed does not know; see .prediction",
            prediction,
        )


class TrainingTimeoutError(ReplicateError):
    """Raised by ``trainings.wait`` when a training did not finish within the timeout.

    The training is left running; ``training`` is its last state.
    """

    def __init__(self, training: Training, timeout: float) -> None:
        super().__init__(
            f"training {training.id} did not finish within {timeout:g} s "
            f"(last status: {training.status})"
        )
        self.training = training
        self.timeout = timeout


class WebhookVerificationError(ReplicateError):
    """Raised by verify_webhook when a request cannot be trusted; the message says why."""


class DuplicateWebhookError(WebhookVerificationError):
    """Raised by verify_webhook(seen=...) for a ``webhook-id`` it accepted before.

    Either a replay or Replicate delivering again a request you already
    received (it retries when it gets no 2xx in time): answer 2xx and do not
    handle it twice. ``webhook_id`` is the id.
    """

    def __init__(self, webhook_id: str) -> None:
        super().__init__(
            f"webhook-id {webhook_id!r:.80} was already accepted: a replay, or Replicate "
            "delivering it again"
        )
        self.webhook_id = webhook_id


class StreamUnavailableError(ReplicateError):
    """Raised by ``stream`` for a prediction without ``urls.stream``: its model does not stream.

    ``prediction`` is that prediction. One that ``stream`` created itself has
    been canceled (one cancel request, best effort; the message says whether
    it worked); a prediction you passed in is left as it is.
    """

    def __init__(self, message: str, *, prediction: Prediction | None = None) -> None:
        super().__init__(message)
        #: The prediction without a stream URL.
        self.prediction: Prediction | None = prediction


class OutputMismatchError(ReplicateError):
    """Raised when a typed model's output does not fit the output type its bindings declare.

    The model changed since its bindings were generated, or answers outside
    its schema: rather than hand back an ``Any`` posing as the declared type,
    the typed call stops here. ``prediction`` is the succeeded prediction (or
    training) whose output did not fit; ``reason`` is the reader's account of
    where and how (the path into the output and the type expected there).
    """

    def __init__(
        self, prediction: Prediction | Training, reason: str, *, noun: str = "prediction"
    ) -> None:
        super().__init__(
            f"the output of {noun} {prediction.id} does not fit its model's declared "
            f"output type: {reason}"
        )
        #: The prediction (or training) whose output did not fit, succeeded.
        self.prediction: Prediction | Training = prediction
        self.reason = reason


class ClientClosedError(ReplicateError, RuntimeError):
    """Raised when a request is made on a closed client, before anything is sent.

    A client is closed by ``close()``/``aclose()`` or at the end of its
    ``with`` block (or you closed the ``http_client`` you passed in).
    ``prediction``: the prediction ``run`` or ``wait`` was following, if any;
    ``run`` tried to cancel it, which a closed client cannot send either, so
    it may still be running.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        #: The prediction this happened to, when one existed (see the module docstring).
        self.prediction: Prediction | None = None


class EventLoopError(ReplicateError, RuntimeError):
    """Raised when an ``AsyncReplicate`` is used on an event loop other than its first one.

    Its connections belong to the event loop that sent its first request
    (httpx's pool cannot move between loops), so a call from another loop is
    refused before anything is sent. Create the client inside the loop that
    uses it, e.g. in the coroutine ``asyncio.run`` runs, or one per loop.
    """


#: The errors that have room for the prediction they happened to (``prediction``).
CarriesPrediction: TypeAlias = (
    APIError | APIConnectionError | ClientClosedError | StreamUnavailableError
)


def attach_prediction(error: BaseException, prediction: Prediction) -> None:
    """Record on ``error`` the prediction it happened to, unless it already names one."""
    if isinstance(error, CarriesPrediction) and error.prediction is None:
        error.prediction = prediction


def describe_transport_error(exc: httpx.HTTPError) -> str:
    """Say what went wrong in a transport error, without request headers."""
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
