"""Verify that a webhook request came from Replicate, then read its prediction or training.

Replicate signs webhooks the Standard Webhooks way: an HMAC-SHA256, keyed with
the account's webhook secret, over the ``webhook-id``, the ``webhook-timestamp``
and the raw body. A valid signature alone does not stop an attacker who
captured one request from sending it again later, so the timestamp must also
be recent: it is signed, so it cannot be refreshed without the secret. That
still leaves the tolerance window (5 minutes) for a replay; a store of the
``webhook-id``s already accepted (``seen=``, see ``_webhook_ids``) closes it.
Secrets are read as the Standard Webhooks libraries read them: base64, with
or without the ``whsec_`` prefix and the ``=`` padding.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, cast
from urllib.parse import urlsplit

from replicate_api.models.prediction import Prediction
from replicate_api.models.training import Training

from replicate_typed._errors import DuplicateWebhookError, WebhookVerificationError
from replicate_typed._webhook_ids import WebhookIdStore

_SECRET_PREFIX = "whsec_"
#: Whole Unix seconds; 15 digits reach far beyond any real clock and keep arithmetic exact.
_TIMESTAMP = re.compile(r"[0-9]{1,15}")
#: What a generated ``from_dict`` raises on JSON of the wrong shape.
_SHAPE_ERRORS = (LookupError, TypeError, ValueError, AttributeError, RecursionError)


def verify_webhook(
    headers: Mapping[str, str],
    body: bytes | str,
    secret: str,
    *,
    tolerance: timedelta | None = timedelta(minutes=5),
    now: Callable[[], datetime] | None = None,
    seen: WebhookIdStore | None = None,
) -> Prediction | Training:
    """Check a webhook request's signature and age; return the prediction or training it carries.

    Pass the body exactly as received: JSON parsed and serialized again does
    not match the signature. ``headers`` may be any mapping; names are matched
    case-insensitively. ``tolerance`` is how far ``webhook-timestamp`` may be
    from ``now`` (a timezone-aware clock, the UTC one by default) in either
    direction; None turns the check off. Every reason to refuse the request
    raises WebhookVerificationError.

    ``seen`` (an ``InMemoryWebhookIds``, or your own ``WebhookIdStore``)
    refuses a ``webhook-id`` accepted before with DuplicateWebhookError: a
    replay within the tolerance, or Replicate retrying a delivery you did get.
    An id is recorded only once everything else passed, so a forged request
    cannot use up a real one's id.
    """
    if tolerance is not None and tolerance < timedelta(0):
        raise ValueError(f"tolerance must not be negative, got {tolerance!r}")
    try:
        key = _key(secret)
        content = _body_bytes(body)
    except (TypeError, ValueError) as exc:
        raise WebhookVerificationError(str(exc)) from None
    webhook_id = _header(headers, "webhook-id")
    timestamp = _header(headers, "webhook-timestamp")
    signatures = _header(headers, "webhook-signature")
    _check_timestamp(timestamp)
    moment = (now or _utcnow)().timestamp() if tolerance is not None or seen is not None else 0.0
    _check_age(int(timestamp), tolerance, moment)
    _check_signature(_sign(key, webhook_id, timestamp, content), signatures)
    parsed = _parse(content)
    if seen is not None:
        expires_at = None if tolerance is None else int(timestamp) + tolerance.total_seconds()
        if not seen.add(webhook_id, now=moment, expires_at=expires_at):
            raise DuplicateWebhookError(webhook_id)
    return parsed


def sign_webhook(webhook_id: str, timestamp: int, body: bytes | str, secret: str) -> str:
    """Return the ``webhook-signature`` value Replicate would send, e.g. for a test request.

    ValueError if ``secret`` is not base64 (with or without "whsec_" and padding).
    """
    digest = _sign(_key(secret), webhook_id, str(timestamp), _body_bytes(body))
    return "v1," + base64.b64encode(digest).decode("ascii")


def _sign(key: bytes, webhook_id: str, timestamp: str, body: bytes) -> bytes:
    # "surrogatepass": a lone surrogate cannot arrive in an HTTP header, but encoding it
    # anyway means such input fails the signature check instead of raising.
    prefix = f"{webhook_id}.{timestamp}.".encode("utf-8", "surrogatepass")
    return hmac.new(key, prefix + body, hashlib.sha256).digest()


def _key(secret: str) -> bytes:
    malformed = (
        "webhook secret is malformed: expected base64, as GET /v1/webhooks/default/secret "
        "returns it after 'whsec_'"
    )
    if not isinstance(secret, str):
        raise ValueError(malformed)
    encoded = secret.removeprefix(_SECRET_PREFIX)
    try:
        # Padding is optional, as in the Standard Webhooks libraries.
        key = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
    except ValueError:
        raise ValueError(malformed) from None
    if not key:
        raise ValueError(malformed)
    return key


def _body_bytes(body: bytes | str) -> bytes:
    if isinstance(body, str):
        return body.encode("utf-8", "surrogatepass")
    if isinstance(body, bytes | bytearray | memoryview):
        return bytes(body)
    raise TypeError(f"webhook body must be bytes or str, got {type(body).__name__}")


def _header(headers: Mapping[str, str], name: str) -> str:
    for key, value in headers.items():
        if isinstance(key, str) and key.lower() == name:
            if not isinstance(value, str) or not value:
                raise WebhookVerificationError(f"{name} header is empty or not text")
            return value
    raise WebhookVerificationError(f"missing {name} header: not a request Replicate signed")


def _check_timestamp(timestamp: str) -> None:
    if not _TIMESTAMP.fullmatch(timestamp):
        raise WebhookVerificationError(
            f"webhook-timestamp must be whole Unix seconds, got {timestamp!r:.40}"
        )


def _check_age(timestamp: int, tolerance: timedelta | None, now: float) -> None:
    if tolerance is None:
        return
    age = now - timestamp
    limit = tolerance.total_seconds()
    if age > limit:
        raise WebhookVerificationError(
            f"webhook-timestamp is {age:.0f} s old, {age - limit:.0f} s beyond the "
            f"{limit:g} s tolerance: refusing it as a possible replay"
        )
    if -age > limit:
        raise WebhookVerificationError(
            f"webhook-timestamp is {-age:.0f} s in the future, {-age - limit:.0f} s beyond the "
            f"{limit:g} s tolerance: check this machine's clock"
        )


def _check_signature(expected: bytes, header: str) -> None:
    candidates = [
        signature
        for version, _, signature in (entry.partition(",") for entry in header.split())
        if version == "v1"
    ]
    if not candidates:
        raise WebhookVerificationError("webhook-signature holds no v1 signature")
    if not any(hmac.compare_digest(expected, _decode(signature)) for signature in candidates):
        raise WebhookVerificationError(
            "no v1 signature in webhook-signature matches: the secret is wrong or the body "
            "was changed (verify the raw body, not JSON parsed and serialized again)"
        )


def _decode(signature: str) -> bytes:
    try:
        return base64.b64decode(signature, validate=True)
    except ValueError:
        return b""


def _parse(content: bytes) -> Prediction | Training:
    try:
        payload = json.loads(content)
    except (ValueError, RecursionError):
        raise WebhookVerificationError("webhook body is not JSON") from None
    if not isinstance(payload, dict):
        raise WebhookVerificationError(
            "webhook body is JSON but not an object, so neither a prediction nor a training"
        )
    payload = cast(dict[str, Any], payload)
    training = _is_training(payload)
    try:
        return Training.from_dict(payload) if training else Prediction.from_dict(payload)
    except _SHAPE_ERRORS as exc:
        detail = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
        raise WebhookVerificationError(
            f"webhook body is not a valid {'training' if training else 'prediction'}: {detail:.200}"
        ) from exc


def _is_training(payload: dict[str, Any]) -> bool:
    urls = payload.get("urls")
    get: object = cast(dict[str, object], urls).get("get") if isinstance(urls, dict) else None
    if not isinstance(get, str):
        return False
    try:
        return "/trainings/" in urlsplit(get).path
    except ValueError:
        return False


def _utcnow() -> datetime:
    return datetime.now(UTC)
