"""Webhook signature verification (pure: a fixed clock, no HTTP)."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import random
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from replicate_api.models.prediction import Prediction
from replicate_api.models.training import Training
from replicate_typed import (
    DuplicateWebhookError,
    InMemoryWebhookIds,
    WebhookIdStore,
    WebhookVerificationError,
    sign_webhook,
    verify_webhook,
)
from replicate_typed._errors import ReplicateError

from tests.support import payloads

SECRET = "whsec_9V6J6ZtP8XgIZX7DBg6g0ZaLXAPmgDUN"
OTHER_SECRET = "whsec_QfTsu/jLz4pU6IRdnGlRyykO/HMf4SqP"
WEBHOOK_ID = "msg_2pXbQ7rTz9WkVn4cLmA8sYdEhJ1"
NOW = datetime(2026, 11, 22, 10, 15, 5, tzinfo=UTC)
TIMESTAMP = int(NOW.timestamp())
BODY = json.dumps(payloads.prediction("succeeded")).encode()


def fixed_now() -> datetime:
    return NOW


def signed(
    body: bytes | str = BODY, *, timestamp: int = TIMESTAMP, secret: str = SECRET
) -> dict[str, str]:
    """Headers as Replicate sends them for ``body``."""
    return {
        "webhook-id": WEBHOOK_ID,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign_webhook(WEBHOOK_ID, timestamp, body, secret),
    }


def verify(headers: Any, body: bytes | str = BODY, secret: str = SECRET) -> Prediction | Training:
    return verify_webhook(headers, body, secret, now=fixed_now)


def refused(headers: Any, body: bytes | str = BODY, secret: str = SECRET) -> str:
    """The message verify_webhook refuses the request with."""
    with pytest.raises(WebhookVerificationError) as caught:
        verify(headers, body, secret)
    return str(caught.value)


def test_sign_webhook_reproduces_the_standard_webhooks_test_vector() -> None:
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    body = '{"test": 2432232314}'

    signature = sign_webhook("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body, secret)

    assert signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_sign_webhook_is_hmac_sha256_of_id_timestamp_and_body() -> None:
    key = base64.b64decode(SECRET.removeprefix("whsec_"))
    content = f"{WEBHOOK_ID}.{TIMESTAMP}.".encode() + BODY
    digest = hmac.new(key, content, hashlib.sha256).digest()

    assert sign_webhook(WEBHOOK_ID, TIMESTAMP, BODY, SECRET) == (
        "v1," + base64.b64encode(digest).decode()
    )


def test_a_valid_signature_returns_the_prediction() -> None:
    prediction = verify(signed())

    assert isinstance(prediction, Prediction)
    assert prediction.id == payloads.PREDICTION_ID
    assert prediction.status == "succeeded"
    assert prediction.output == "hello Alice"


def test_a_training_payload_returns_a_training() -> None:
    body = json.dumps(payloads.training("succeeded"))

    training = verify(signed(body), body)

    assert isinstance(training, Training)
    assert training.id == payloads.TRAINING_ID


def test_any_matching_v1_signature_among_several_is_enough() -> None:
    headers = signed()
    wrong = sign_webhook(WEBHOOK_ID, TIMESTAMP, BODY, OTHER_SECRET)
    headers["webhook-signature"] = (
        f"v2,{headers['webhook-signature'][3:]} {wrong} v1,not*base64 "
        f"{headers['webhook-signature']}"
    )

    assert isinstance(verify(headers), Prediction)


def test_a_signature_from_another_secret_is_refused() -> None:
    assert "no v1 signature in webhook-signature matches" in refused(signed(secret=OTHER_SECRET))


def test_a_garbled_signature_is_refused() -> None:
    headers = signed()
    headers["webhook-signature"] = "v1," + base64.b64encode(b"\0" * 32).decode()

    assert "no v1 signature" in refused(headers)


def test_a_signature_header_without_v1_entries_is_refused() -> None:
    headers = signed()
    headers["webhook-signature"] = headers["webhook-signature"].replace("v1,", "v1a,")

    assert "holds no v1 signature" in refused(headers)


def test_a_tampered_body_is_refused() -> None:
    tampered = BODY.replace(b"hello Alice", b"hello Mallory")

    assert "the body was changed" in refused(signed(), tampered)


def test_a_reserialized_body_is_refused() -> None:
    reserialized = json.dumps(json.loads(BODY), separators=(",", ":"))

    assert "no v1 signature" in refused(signed(), reserialized)


def test_verifying_with_the_wrong_secret_is_refused() -> None:
    assert "no v1 signature" in refused(signed(), secret=OTHER_SECRET)


def test_a_signed_but_shifted_id_or_timestamp_is_refused() -> None:
    other_id = signed() | {"webhook-id": "msg_someone_else"}
    other_time = signed() | {"webhook-timestamp": str(TIMESTAMP - 1)}

    assert "no v1 signature" in refused(other_id)
    assert "no v1 signature" in refused(other_time)


def test_an_old_timestamp_is_refused_as_a_replay() -> None:
    an_hour_ago = TIMESTAMP - 3600

    message = refused(signed(timestamp=an_hour_ago))

    assert "3600 s old" in message
    assert "3300 s beyond the 300 s tolerance" in message
    assert "replay" in message


def test_a_future_timestamp_is_refused() -> None:
    message = refused(signed(timestamp=TIMESTAMP + 301))

    assert "301 s in the future" in message
    assert "1 s beyond the 300 s tolerance" in message


def test_timestamps_within_the_tolerance_are_accepted() -> None:
    assert verify(signed(timestamp=TIMESTAMP - 300))
    assert verify(signed(timestamp=TIMESTAMP + 300))


def test_the_tolerance_can_be_changed_or_turned_off() -> None:
    last_week = TIMESTAMP - 7 * 24 * 3600
    headers = signed(timestamp=last_week)

    accepted = verify_webhook(headers, BODY, SECRET, tolerance=None, now=fixed_now)
    wider = verify_webhook(headers, BODY, SECRET, tolerance=timedelta(days=8), now=fixed_now)

    assert isinstance(accepted, Prediction)
    assert isinstance(wider, Prediction)
    with pytest.raises(WebhookVerificationError, match="beyond the 1 s tolerance"):
        verify_webhook(
            signed(timestamp=TIMESTAMP - 2),
            BODY,
            SECRET,
            tolerance=timedelta(seconds=1),
            now=fixed_now,
        )


def test_a_negative_tolerance_is_a_bad_argument() -> None:
    with pytest.raises(ValueError, match="tolerance"):
        verify_webhook(signed(), BODY, SECRET, tolerance=timedelta(seconds=-1), now=fixed_now)


def test_the_default_clock_is_the_real_utc_time() -> None:
    now = int(datetime.now(UTC).timestamp())

    assert isinstance(verify_webhook(signed(timestamp=now), BODY, SECRET), Prediction)
    with pytest.raises(WebhookVerificationError, match="replay"):
        verify_webhook(signed(timestamp=now - 3600), BODY, SECRET)


def test_a_seen_store_refuses_a_replay_inside_the_window() -> None:
    seen = InMemoryWebhookIds()

    assert verify_webhook(signed(), BODY, SECRET, now=fixed_now, seen=seen)
    with pytest.raises(
        DuplicateWebhookError, match=f"webhook-id '{WEBHOOK_ID}' was already"
    ) as caught:
        verify_webhook(signed(), BODY, SECRET, now=fixed_now, seen=seen)

    assert caught.value.webhook_id == WEBHOOK_ID
    assert isinstance(caught.value, WebhookVerificationError)
    other = signed() | {"webhook-id": "msg_other"}
    other["webhook-signature"] = sign_webhook("msg_other", TIMESTAMP, BODY, SECRET)
    assert verify_webhook(other, BODY, SECRET, now=fixed_now, seen=seen)


class RecordingStore:
    """A WebhookIdStore that accepts everything and keeps what it was asked."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, float, float | None]] = []

    def add(self, webhook_id: str, *, now: float, expires_at: float | None) -> bool:
        self.calls.append((webhook_id, now, expires_at))
        return True


def test_the_store_is_told_how_long_the_timestamp_check_would_accept_the_id() -> None:
    store = RecordingStore()
    checked: WebhookIdStore = store  # a plain class satisfies the protocol

    verify_webhook(signed(timestamp=TIMESTAMP - 10), BODY, SECRET, now=fixed_now, seen=checked)
    verify_webhook(signed(), BODY, SECRET, now=fixed_now, seen=checked, tolerance=None)

    assert store.calls == [
        (WEBHOOK_ID, NOW.timestamp(), TIMESTAMP - 10 + 300),
        (WEBHOOK_ID, NOW.timestamp(), None),  # no timestamp check: keep it as long as you can
    ]


def test_only_requests_that_pass_every_check_are_recorded() -> None:
    store = RecordingStore()
    forged = signed(secret=OTHER_SECRET)
    stale = signed(timestamp=TIMESTAMP - 3600)
    not_a_prediction = signed(b"[]")

    for headers, body in [(forged, BODY), (stale, BODY), (not_a_prediction, b"[]")]:
        with pytest.raises(WebhookVerificationError):
            verify_webhook(headers, body, SECRET, now=fixed_now, seen=store)

    assert store.calls == []


def test_the_in_memory_store_forgets_an_id_once_it_expires() -> None:
    store = InMemoryWebhookIds()

    assert store.add("msg_1", now=0, expires_at=10)
    assert not store.add("msg_1", now=9.9, expires_at=20)
    assert store.add("msg_1", now=10, expires_at=20)
    assert store.add("msg_forever", now=0, expires_at=None)
    assert not store.add("msg_forever", now=1e12, expires_at=None)


def test_the_in_memory_store_lets_go_of_expired_ids_as_new_ones_arrive() -> None:
    store = InMemoryWebhookIds()
    for name in ("a", "b"):
        store.add(name, now=0, expires_at=10)
    store.add("c", now=0, expires_at=100)

    store.add("d", now=20, expires_at=120)

    assert list(store._expiry) == ["c", "d"]  # memory held only for ids still live


def test_the_in_memory_store_is_bounded_and_drops_the_oldest() -> None:
    store = InMemoryWebhookIds(capacity=2)

    assert [store.add(name, now=0, expires_at=100) for name in ("a", "b", "c")] == [True] * 3

    assert not store.add("c", now=1, expires_at=100)
    assert not store.add("b", now=1, expires_at=100)
    assert store.add("a", now=1, expires_at=100)  # dropped to make room for "c"


def test_a_discarded_id_is_accepted_again() -> None:
    store = InMemoryWebhookIds()
    verify_webhook(signed(), BODY, SECRET, now=fixed_now, seen=store)

    store.discard(WEBHOOK_ID)  # handling it failed: let Replicate's retry through

    assert verify_webhook(signed(), BODY, SECRET, now=fixed_now, seen=store)


def test_concurrent_deliveries_of_one_id_are_accepted_once() -> None:
    store = InMemoryWebhookIds()
    start = threading.Barrier(8)
    accepted: list[bool] = []

    def deliver() -> None:
        start.wait()
        accepted.append(store.add("msg_1", now=0, expires_at=100))

    threads = [threading.Thread(target=deliver) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(accepted) == [False] * 7 + [True]


@pytest.mark.parametrize("capacity", [0, -1, 1.5, True])
def test_the_in_memory_store_needs_a_whole_positive_capacity(capacity: object) -> None:
    with pytest.raises(ValueError, match=f"capacity must be .*got {capacity!r}"):
        InMemoryWebhookIds(capacity)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["webhook-id", "webhook-timestamp", "webhook-signature"])
def test_each_missing_header_is_named(name: str) -> None:
    headers = signed()
    del headers[name]

    assert f"missing {name} header" in refused(headers)


@pytest.mark.parametrize("name", ["webhook-id", "webhook-timestamp", "webhook-signature"])
def test_an_empty_header_is_refused(name: str) -> None:
    assert f"{name} header is empty" in refused(signed() | {name: ""})


@pytest.mark.parametrize(
    "timestamp",
    [
        "1795342505.0",
        "-1795342505",
        "+1795342505",
        " 1795342505",
        "1_795_342_505",
        "soon",
        "Sun, 22 Nov 2026 10:15:05 GMT",
        "١٧٩٥٣٤٢٥٠٥",
        "9" * 40,
    ],
)
def test_a_malformed_timestamp_is_refused(timestamp: str) -> None:
    assert "whole Unix seconds" in refused(signed() | {"webhook-timestamp": timestamp})


def test_a_malformed_timestamp_is_refused_even_without_a_tolerance() -> None:
    headers = signed() | {"webhook-timestamp": "1795342505.5"}

    with pytest.raises(WebhookVerificationError, match="whole Unix seconds"):
        verify_webhook(headers, BODY, SECRET, tolerance=None, now=fixed_now)


@pytest.mark.parametrize(
    "secret",
    [
        "WHSEC_9V6J6ZtP8XgIZX7DBg6g0ZaLXAPmgDUN",
        "whsec_9V6J6ZtP8XgIZX7DBg6g0ZaLXAPmgDUN9",  # 33 characters: no base64 has that length
        "whsec_9V6J6ZtP8XgIZX7D!g6g0ZaLXAPmgDUN",
        "whsec_9V6J6ZtP8XgIZX7DBg6g0ZaLXAPmgDUN\n",
        "whsec_9V6J6ZtP8XgIZX7DBg6g0ZaLXAPmgDUé",
        "whsec_",
        "",
    ],
)
def test_a_malformed_secret_is_refused_without_revealing_it(secret: str) -> None:
    message = refused(signed(), secret=secret)

    assert "webhook secret is malformed" in message
    assert "9V6J6ZtP8XgIZX7" not in message
    with pytest.raises(ValueError, match="malformed") as caught:
        sign_webhook(WEBHOOK_ID, TIMESTAMP, BODY, secret)
    assert "9V6J6ZtP8XgIZX7" not in str(caught.value)


PADDED = "whsec_" + base64.b64encode(b"a key of twenty-three b").decode()


@pytest.mark.parametrize(
    "secret",
    [
        PADDED.removeprefix("whsec_"),
        PADDED.rstrip("="),
        PADDED.removeprefix("whsec_").rstrip("="),
    ],
    ids=["no prefix", "no padding", "neither"],
)
def test_secrets_are_read_as_the_standard_webhooks_libraries_read_them(secret: str) -> None:
    assert PADDED.endswith("=")
    headers = signed(secret=PADDED)

    assert verify(headers, secret=secret).id == payloads.PREDICTION_ID
    assert sign_webhook(WEBHOOK_ID, TIMESTAMP, BODY, secret) == headers["webhook-signature"]


def test_a_secret_that_is_not_text_is_malformed() -> None:
    assert "webhook secret is malformed" in refused(signed(), secret=b"whsec_x")  # type: ignore[arg-type]


def test_a_malformed_secret_is_reported_before_anything_about_the_request() -> None:
    assert "secret is malformed" in refused({}, b"", secret="whsec_?")


RECASINGS: list[Callable[[str], str]] = [
    str.title,
    str.upper,
    lambda name: name.replace("webhook-", "WebHook-"),
]


@pytest.mark.parametrize(
    "recase",
    RECASINGS,
    ids=["title", "upper", "mixed"],
)
def test_header_names_match_case_insensitively(recase: Callable[[str], str]) -> None:
    headers = {recase(name): value for name, value in signed().items()}
    headers["Content-Type"] = "application/json"

    assert isinstance(verify(headers), Prediction)
    assert isinstance(verify(httpx.Headers(headers)), Prediction)


def test_the_body_may_be_str_or_bytes() -> None:
    text = json.dumps(payloads.prediction("processing", logs="Résumé… 45%\n"), ensure_ascii=False)

    from_str = verify(signed(text), text)
    from_bytes = verify(signed(text), text.encode())

    assert from_str == from_bytes
    assert from_str.status == "processing"
    assert from_str.logs == "Résumé… 45%\n"


def test_a_body_not_in_utf8_is_signed_as_the_bytes_it_is() -> None:
    body = json.dumps(payloads.prediction(), ensure_ascii=False).encode("utf-16")

    with pytest.raises(WebhookVerificationError, match="no v1 signature"):
        verify(signed(body), body.decode("utf-16"))
    assert isinstance(verify(signed(body), body), Prediction)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "not JSON"),
        (b"<html>Bad Gateway</html>", "not JSON"),
        (b'{"id": "gm3q', "not JSON"),
        (b"\xff\xfe\xfa", "not JSON"),
        (b"[" * 100_000, "not JSON"),
        (b'["not", "an", "object"]', "JSON but not an object"),
        (b"null", "JSON but not an object"),
        (b"{}", "not a valid prediction: missing field 'created_at'"),
        (
            json.dumps(payloads.prediction(created_at="yesterday")).encode(),
            "not a valid prediction: created_at: expected an ISO 8601 timestamp",
        ),
        (
            json.dumps(payloads.prediction(id=5)).encode(),
            "not a valid prediction: id: expected a string, got int 5",
        ),
        (
            json.dumps(payloads.training(input="x")).encode(),
            "not a valid training",
        ),
    ],
)
def test_a_signed_body_that_is_not_a_prediction_or_training_is_refused(
    body: bytes, reason: str
) -> None:
    assert reason in refused(signed(body), body)


def test_the_training_check_reads_the_path_of_urls_get() -> None:
    payload = payloads.prediction()
    payload["urls"]["get"] += "?from=/trainings/"
    body = json.dumps(payload)

    assert isinstance(verify(signed(body), body), Prediction)


def test_webhook_verification_error_is_a_replicate_error() -> None:
    assert issubclass(WebhookVerificationError, ReplicateError)


def test_mangled_requests_only_ever_raise_webhook_verification_error() -> None:
    """A seeded mutation fuzz: whatever arrives, callers have one exception to catch."""
    rng = random.Random(20261122)
    junk = [
        "",
        " ",
        "v1,",
        "v1,=",
        "v1,AAAA",
        "whsec_",
        "msg_",
        "\udc80",
        "é",
        "\x00",
        "\r\n",
        "%|",
        "{",
        '"',
        "1795342505",
        "9" * 30,
    ]
    for _ in range(2000):
        payload = rng.choice([payloads.prediction, payloads.training])()
        values: list[object] = [None, 1, [], {}, *junk]
        payload[rng.choice(list(payload))] = rng.choice(values)
        text = json.dumps(payload)
        cut = rng.randrange(len(text) + 1)
        body = text if rng.random() < 0.5 else text[:cut] + rng.choice(junk) + text[cut:]
        headers: dict[Any, Any] = dict(signed(body, timestamp=TIMESTAMP + rng.randint(-400, 400)))
        name = rng.choice([*headers, "WEBHOOK-ID", b"webhook-id", 7])
        action = rng.randrange(4)
        if action == 0:
            headers.pop(name, None)
        elif action == 1:
            headers[name] = rng.choice([*junk, None, b"x", 5])
        elif action == 2:
            headers[name] = f"{headers.get(name, '')}{rng.choice(junk)}"
        secret = SECRET if action != 3 else SECRET[: rng.randrange(len(SECRET))] + rng.choice(junk)
        raw = body.encode("utf-8", "surrogatepass") if rng.random() < 0.5 else body
        with contextlib.suppress(WebhookVerificationError):
            verify(headers, raw, secret)
