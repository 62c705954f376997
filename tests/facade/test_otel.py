"""replicate_typed.otel: spans from the client's events, read back from the in-memory exporter."""

from __future__ import annotations

import asyncio
import itertools
import logging
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence

import pytest
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode
from replicate_typed import (
    Event,
    Replicate,
    RequestSent,
    ResponseReceived,
    RetryScheduled,
    combine_hooks,
)
from replicate_typed.otel import IO_ATTRIBUTE_LIMIT, OpenTelemetryHook
from replicate_typed.testing import FakeReplicate, Fault

TOKEN = "r8_OtEl_T0ken_must_never_show_1357924680"
MODEL = "acme/echoes"

MakeClient = Callable[..., Replicate]


@pytest.fixture
def fake() -> FakeReplicate:
    fake = FakeReplicate(token=TOKEN)
    fake.add_model(MODEL, lambda inputs: f"echo {inputs.get('text')}", queue_time=1, run_time=3)
    return fake


@pytest.fixture
def make_client(make_fake_client: MakeClient) -> MakeClient:
    return make_fake_client


@pytest.fixture
def exporter() -> InMemorySpanExporter:
    return InMemorySpanExporter()


@pytest.fixture
def provider(exporter: InMemorySpanExporter) -> Iterator[TracerProvider]:
    """A local provider (never the global one) that exports each span as it ends."""
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    yield provider
    provider.shutdown()


def _calls(spans: Sequence[ReadableSpan], operation: str) -> list[ReadableSpan]:
    return [
        s for s in spans if s.attributes and s.attributes.get("replicate.operation") == operation
    ]


def _lifecycles(spans: Sequence[ReadableSpan]) -> list[ReadableSpan]:
    return [s for s in spans if s.name == "replicate.prediction"]


def test_a_run_gives_a_span_per_call_and_one_for_the_lifecycle(
    make_client: MakeClient, provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    client = make_client(on_event=OpenTelemetryHook(provider))
    assert client.run(MODEL, {"text": "hi"}, wait=False) == "echo hi"
    spans = exporter.get_finished_spans()

    [create] = _calls(spans, "models.predictions.create")
    assert create.name == "models.predictions.create"
    assert create.kind is SpanKind.CLIENT
    attributes = dict(create.attributes or {})
    assert attributes["http.request.method"] == "POST"
    assert int(str(attributes["http.response.status_code"])) // 100 == 2
    assert attributes["replicate.attempt"] == 1
    assert str(attributes["url.full"]).endswith("/models/acme/echoes/predictions")
    assert attributes["server.address"]
    assert "http.request.resend_count" not in attributes
    assert attributes["replicate.model"] == MODEL  # read from the create's path
    assert create.status.status_code is StatusCode.UNSET
    polls = _calls(spans, "predictions.get")
    assert polls, "the wait polled"
    assert all((p.attributes or {})["http.request.method"] == "GET" for p in polls)
    polled = {str((p.attributes or {})["replicate.prediction.id"]) for p in polls}

    [lifecycle] = _lifecycles(spans)
    attributes = dict(lifecycle.attributes or {})
    assert attributes["replicate.model"] == MODEL
    assert attributes["replicate.prediction.status"] == "succeeded"
    assert polled == {str(attributes["replicate.prediction.id"])}
    changes = [dict(e.attributes or {}) for e in lifecycle.events]
    assert [c.get("replicate.status.old") for c in changes] == [None, "starting", "processing"]
    assert [c["replicate.status.new"] for c in changes] == ["starting", "processing", "succeeded"]
    # The lifecycle starts once the create's answer is read, and ends with the last poll.
    assert create.end_time is not None
    assert lifecycle.start_time is not None
    assert lifecycle.end_time is not None
    assert create.end_time <= lifecycle.start_time <= lifecycle.end_time
    assert max(p.end_time or 0 for p in polls) <= lifecycle.end_time


def test_a_429_retry_is_a_second_attempt_that_says_why(
    make_client: MakeClient,
    fake: FakeReplicate,
    provider: TracerProvider,
    exporter: InMemorySpanExporter,
) -> None:
    client = make_client(on_event=OpenTelemetryHook(provider))
    created = client.create(MODEL, {})
    exporter.clear()
    fake.inject(Fault.rate_limit(retry_after="2"), operation="predictions.get")
    client.predictions.get(created.id)

    first, second = _calls(exporter.get_finished_spans(), "predictions.get")
    assert (first.attributes or {})["http.response.status_code"] == 429
    assert (first.attributes or {})["error.type"] == "429"
    assert first.status.status_code is StatusCode.ERROR
    assert (second.attributes or {})["replicate.attempt"] == 2
    assert (second.attributes or {})["http.request.resend_count"] == 1
    assert (second.attributes or {})["http.response.status_code"] == 200
    assert [e.name for e in second.events] == ["replicate.throttled", "replicate.retry"]
    throttled, retry = (dict(e.attributes or {}) for e in second.events)
    assert throttled == {"replicate.attempt": 1, "replicate.retry_after": 2.0}
    assert retry == {
        "replicate.attempt": 1,
        "replicate.retry.reason": "HTTP 429",
        "replicate.retry.delay": 2.0,
    }


def test_a_503_and_a_dropped_connection_are_errors_then_retried(
    make_client: MakeClient,
    fake: FakeReplicate,
    provider: TracerProvider,
    exporter: InMemorySpanExporter,
) -> None:
    client = make_client(on_event=OpenTelemetryHook(provider))
    created = client.create(MODEL, {})
    exporter.clear()
    fake.inject(Fault.server_error(503), operation="predictions.get")
    fake.inject(Fault.drop(), operation="predictions.get")
    client.predictions.get(created.id)

    spans = _calls(exporter.get_finished_spans(), "predictions.get")
    assert [(s.attributes or {}).get("error.type") for s in spans] == [
        "503",
        "RemoteProtocolError",
        None,
    ]
    assert [s.status.status_code for s in spans] == [
        StatusCode.ERROR,
        StatusCode.ERROR,
        StatusCode.UNSET,
    ]
    assert "http.response.status_code" not in (spans[1].attributes or {})
    reasons = [(e.attributes or {}).get("replicate.retry.reason") for s in spans for e in s.events]
    assert reasons == ["HTTP 503", "RemoteProtocolError"]


def test_no_span_shows_the_token_even_with_io_recorded(
    make_client: MakeClient,
    fake: FakeReplicate,
    provider: TracerProvider,
    exporter: InMemorySpanExporter,
) -> None:
    client = make_client(on_event=OpenTelemetryHook(provider, record_io=True))
    fake.inject(Fault.rate_limit(retry_after="1"), operation="*")
    fake.inject(Fault.server_error(502), operation="predictions.get")
    client.run(MODEL, {"text": "hi"}, wait=False)
    spans = exporter.get_finished_spans()
    assert len(spans) > 3
    for span in spans:
        dumped = span.to_json()
        assert TOKEN not in dumped
        assert "authorization" not in dumped.lower()


def test_input_and_output_only_when_asked(
    make_client: MakeClient, provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    make_client(on_event=OpenTelemetryHook(provider)).run(MODEL, {"text": "private"}, wait=False)
    [quiet] = _lifecycles(exporter.get_finished_spans())
    assert "private" not in quiet.to_json()
    exporter.clear()

    client = make_client(on_event=OpenTelemetryHook(provider, record_io=True))
    client.run(MODEL, {"text": "x" * (2 * IO_ATTRIBUTE_LIMIT)}, wait=False)
    [loud] = _lifecycles(exporter.get_finished_spans())
    attributes = dict(loud.attributes or {})
    recorded_input = str(attributes["replicate.prediction.input"])
    assert recorded_input.startswith('{"text": "xxx')
    assert len(recorded_input) == IO_ATTRIBUTE_LIMIT
    assert str(attributes["replicate.prediction.output"]).startswith('"echo xxx')


def test_concurrent_calls_pair_each_answer_with_its_request(
    fake: FakeReplicate, provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    hook = OpenTelemetryHook(provider)
    fake.inject(Fault.server_error(503), operation="predictions.get", times=1)

    async def main() -> None:
        async with fake.async_client(on_event=hook) as client:
            created = [await client.create(MODEL, {"text": str(n)}) for n in range(3)]
            await asyncio.gather(*(client.predictions.get(p.id) for p in created))

    asyncio.run(main())
    gets = _calls(exporter.get_finished_spans(), "predictions.get")
    assert len(gets) == 4  # three gets, one of them retried
    by_id: dict[str, list[ReadableSpan]] = {}
    for span in gets:
        by_id.setdefault(str((span.attributes or {})["url.full"]), []).append(span)
    assert sorted(len(spans) for spans in by_id.values()) == [1, 1, 2]
    [retried] = [spans for spans in by_id.values() if len(spans) == 2]
    assert [(s.attributes or {})["http.response.status_code"] for s in retried] == [503, 200]


def test_span_times_are_the_hooks_clock_at_each_event(
    provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    ticks = itertools.count(1_000, 1_000)
    hook = OpenTelemetryHook(provider, clock_ns=lambda: next(ticks))
    url = "https://api.example/v1/predictions/p1?secret=1"
    hook(RequestSent("predictions.get", "GET", url, 1, call=7))
    hook(RequestSent("predictions.get", "GET", url, 1, call=8))
    hook(ResponseReceived("predictions.get", 500, 0.2, 1, call=8))
    hook(ResponseReceived("predictions.get", 200, 0.3, 1, call=7))
    first, second = exporter.get_finished_spans()  # in the order they ended
    assert (second.start_time, second.end_time) == (1_000, 4_000)
    assert (first.start_time, first.end_time) == (2_000, 3_000)
    assert (first.attributes or {})["http.response.status_code"] == 500
    assert (second.attributes or {})["url.full"] == "https://api.example/v1/predictions/p1"
    assert (second.attributes or {})["server.port"] == 443


def test_spans_never_answered_are_ended_once_too_many_are_open(
    provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    hook = OpenTelemetryHook(provider, max_open_spans=2)
    for call in (1, 2, 3):
        hook(RequestSent("predictions.get", "GET", "https://api.example/v1/x", 1, call=call))
    [abandoned] = exporter.get_finished_spans()
    assert (abandoned.attributes or {})["replicate.abandoned"] is True
    for call in (1, 2, 3):  # the abandoned one's late answer makes no second span
        hook(ResponseReceived("predictions.get", 200, 0.1, 1, call=call))
    assert len(exporter.get_finished_spans()) == 3
    with pytest.raises(ValueError, match="at least 1"):
        OpenTelemetryHook(provider, max_open_spans=0)


def test_combine_hooks_feeds_every_hook_even_past_a_broken_one(
    make_client: MakeClient,
    provider: TracerProvider,
    exporter: InMemorySpanExporter,
    caplog: pytest.LogCaptureFixture,
) -> None:
    seen: list[Event] = []

    def broken(event: Event) -> None:
        raise RuntimeError("meter down")

    client = make_client(on_event=combine_hooks(broken, OpenTelemetryHook(provider), seen.append))
    with caplog.at_level(logging.WARNING, logger="replicate_typed"):
        client.run(MODEL, {}, wait=False)
    assert _lifecycles(exporter.get_finished_spans())
    assert any(isinstance(e, RequestSent) for e in seen)
    assert not any(isinstance(e, RetryScheduled) for e in seen)
    assert "meter down" in caplog.text


def test_importing_the_client_does_not_import_opentelemetry() -> None:
    code = (
        "import sys, replicate_typed; from replicate_typed import Replicate, combine_hooks; "
        "print(sorted(m for m in sys.modules if m.startswith('opentelemetry')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "[]"


def test_without_the_extra_the_import_error_says_what_to_install() -> None:
    code = (
        "import sys; sys.modules['opentelemetry'] = None\n"
        "try:\n    import replicate_typed.otel\n"
        "except ImportError as exc:\n    print(exc)\n"
    )
    said = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "pip install 'replicate-typed[otel]'" in said
