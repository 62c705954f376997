"""A transport that plays a recording back to the SDK and checks what the SDK sends.

``Replayer.handle`` is an ``httpx.MockTransport`` handler (the same one serves
``Replicate`` and ``AsyncReplicate``). It answers each request with the next
recorded response, in order, after checking that the request is the recorded
one in everything that matters:

- the method, and the URL's scheme, host, path and query;
- ``Prefer``: sync mode asked for, or not, with the same window (a bare
  ``wait`` means the longest window, 60 s, so ``wait`` and ``wait=60`` agree);
- a JSON body: every recorded field, with the same value, and no field the
  recording lacks;
- a multipart upload: every recorded part, with the same name, filename,
  content type and bytes;
- any other body (the text of a models.search): byte for byte;
- the API token goes to the API's host and nowhere else;
- an event stream is asked for as one (``Accept: text/event-stream``).

Three differences are accepted, each because the SDK does it on purpose:

- a query parameter the recording lacks, when the SDK sends the value the
  spec documents as that parameter's default (models.list spells out its
  ordering);
- a multipart part the recording lacks, when the spec documents it for the
  operation (files.create also sends ``filename`` and ``type``, which must
  agree with the file part);
- a recorded body field listed in ``IGNORED_BODY_FIELDS`` that the SDK leaves out.

Anything else a scenario must declare as a ``Difference`` with its reason.
An unexpected request (a mismatch, or one past the end of the recording)
raises AssertionError from the transport and is also kept in ``problems``, so
a caller that swallows the error still fails the test.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any, NoReturn, cast

import httpx
from replicate_typed._options import MAX_WAIT
from replicate_typed.testing import _spec

from tests.realdata.recordings import API_HOST, Interaction, Recording, operation_of

TOKEN = "r8_realdata_replay_token_00000000000000000"

#: Recorded request body fields the SDK never sends, and why that is right.
IGNORED_BODY_FIELDS = {
    "stream": (
        "openapi.json: 'Deprecated and ignored: urls.stream is returned anyway when the "
        "model can stream'"
    ),
}

_PREFER = re.compile(r"^wait(?:=(\d+))?$")


@dataclass(frozen=True)
class Difference:
    """How the SDK's request for one recorded interaction differs from the recorded one, and why.

    ``path``: the URL path the SDK sends instead (only for a reconstructed
    request: a recorded one is evidence of what the API accepts).
    ``body``: recorded JSON body fields the SDK sends with these values instead.
    """

    reason: str
    path: str | None = None
    body: Mapping[str, Any] = field(default_factory=dict[str, Any])


class Replayer:
    """Serve a recording's responses in order, checking each request against the recorded one."""

    def __init__(
        self, recording: Recording, differences: Mapping[int, Difference] | None = None
    ) -> None:
        self.recording = recording
        self.differences = dict(differences or {})
        self.used = 0
        self.problems: list[str] = []
        self._previous: tuple[str, str] | None = None
        unknown = sorted(set(self.differences) - set(range(len(recording.interactions))))
        if unknown:
            raise ValueError(f"{recording.id}: differences for interactions {unknown} it lacks")
        for index, difference in self.differences.items():
            if (
                difference.path is not None
                and not recording.interactions[index].request.reconstructed
            ):
                raise ValueError(
                    f"{recording.id}#{index}: a different path is only accepted for a "
                    "reconstructed request"
                )

    @property
    def left(self) -> int:
        """How many recorded interactions have not been served yet."""
        return len(self.recording.interactions) - self.used

    def handle(self, request: httpx.Request) -> httpx.Response:
        """The MockTransport handler."""
        if self.used >= len(self.recording.interactions):
            self._fail(
                request,
                f"all {len(self.recording.interactions)} recorded interactions were used",
            )
        interaction = self.recording.interactions[self.used]
        found = request_mismatches(request, interaction, self.differences.get(interaction.index))
        if found and request.headers.get("Accept") == "text/event-stream":
            # Recorded by an SDK that polled: ``wait``'s stream shortcut (``_done_shortcut``)
            # finds the stream host unreachable and polls, as recorded.
            raise httpx.ConnectError("the stream host was not recorded", request=request)
        self.used += 1
        if found:
            self._fail(request, f"for {interaction.key}: " + "; ".join(found))
        self._previous = (request.method, str(request.url))
        return interaction.response.to_httpx(request)

    def _fail(self, request: httpx.Request, why: str) -> NoReturn:
        problem = f"unexpected request {request.method} {request.url} {why}"
        if (request.method, str(request.url)) == self._previous:
            # Core.fetch sends a GET again when its 2xx body does not parse.
            problem += " (the same request again: did the previous response fail to parse?)"
        self.problems.append(problem)
        raise AssertionError(problem)


def request_mismatches(
    request: httpx.Request, interaction: Interaction, difference: Difference | None
) -> list[str]:
    """How ``request`` differs from the recorded request (beyond the accepted differences)."""
    recorded = interaction.request
    found: list[str] = []
    if request.method != recorded.method:
        found.append(f"method {request.method}, recorded {recorded.method}")
    want = httpx.URL(recorded.url)
    sent = request.url
    if (sent.scheme, sent.host) != (want.scheme, want.host):
        found.append(f"origin {sent.scheme}://{sent.host}, recorded {want.scheme}://{want.host}")
    want_path = difference.path if difference and difference.path else want.path
    if sent.path != want_path:
        found.append(f"path {sent.path}, recorded {want_path}")
    operation = operation_of(recorded.method, recorded.url)
    found.extend(_query_mismatches(sent, want, operation))
    sent_window = prefer_window(request.headers.get("prefer"))
    want_window = prefer_window(recorded.headers.get("prefer"))
    if sent_window != want_window:
        found.append(
            f"Prefer {request.headers.get('prefer')!r}, recorded {recorded.headers.get('prefer')!r}"
        )
    found.extend(_auth_mismatches(request))
    streams = interaction.response.headers.get("content-type", "").startswith("text/event-stream")
    if streams and "text/event-stream" not in request.headers.get("accept", ""):
        found.append(f"Accept {request.headers.get('accept')!r} for an event stream")
    if recorded.body_kind == "json":
        overrides = {} if difference is None else dict(difference.body)
        found.extend(_json_mismatches(request, {**recorded.body, **overrides}))
    elif recorded.body_kind == "text":
        content_type = recorded.headers.get("content-type", "")
        if content_type.startswith("multipart/form-data"):
            found.extend(_multipart_mismatches(request, recorded.body, content_type, operation))
        elif request.content.decode() != recorded.body:
            found.append(f"body {request.content!r}, recorded {recorded.body!r}")
    return found


def prefer_window(value: str | None) -> int | str | None:
    """The sync-mode window a Prefer header asks for, in seconds.

    None: no sync mode; a value that is not ``wait`` or ``wait=N`` comes back as it is.
    """
    if value is None:
        return None
    match = _PREFER.match(value.strip())
    if match is None:
        return value
    return MAX_WAIT if match.group(1) is None else int(match.group(1))


def _query_mismatches(sent: httpx.URL, want: httpx.URL, operation: str | None) -> list[str]:
    sent_items = sorted(sent.params.multi_items())
    want_items = sorted(want.params.multi_items())
    recorded_names = {name for name, _ in want_items}
    defaults = query_defaults(operation) if operation else {}
    found: list[str] = []
    for name, value in sent_items:
        if (name, value) in want_items:
            continue
        if name in recorded_names or defaults.get(name) != value:
            found.append(f"query {name}={value!r}, recorded {want.query.decode()!r}")
    for name, value in want_items:
        if (name, value) not in sent_items:
            found.append(f"query lacks {name}={value!r}")
    return found


def query_defaults(operation: str) -> dict[str, str]:
    """The query parameters the spec documents a default for, as they would be sent."""
    document = _spec.document()
    defaults: dict[str, str] = {}
    for listed in _spec.operation(operation).get("parameters", []):
        parameter = listed
        if "$ref" in listed:
            parameter = document["components"]["parameters"][listed["$ref"].rsplit("/", 1)[1]]
        default = parameter.get("schema", {}).get("default")
        if parameter.get("in") == "query" and default is not None:
            defaults[parameter["name"]] = (
                str(default).lower() if isinstance(default, bool) else str(default)
            )
    return defaults


def _auth_mismatches(request: httpx.Request) -> list[str]:
    authorization = request.headers.get("authorization")
    if request.url.host == API_HOST:
        if authorization != f"Bearer {TOKEN}":
            return [f"Authorization {authorization!r}, expected the client's token"]
        return []
    if authorization is not None:
        return [f"the API token was sent to {request.url.host}"]
    return []


def _json_mismatches(request: httpx.Request, recorded: Mapping[str, Any]) -> list[str]:
    content_type = request.headers.get("content-type", "")
    if not content_type.startswith("application/json"):
        return [f"content type {content_type!r}, recorded a JSON body"]
    loaded: object = json.loads(request.content)
    if not isinstance(loaded, dict):
        return [f"JSON body {loaded!r}, recorded an object"]
    sent = cast(dict[str, object], loaded)
    found: list[str] = []
    for name in sorted(set(sent) | set(recorded)):
        if name not in sent:
            if name not in IGNORED_BODY_FIELDS:
                found.append(f"body leaves out {name}={recorded[name]!r}")
        elif name not in recorded:
            found.append(f"body has {name}={sent[name]!r} that the recording lacks")
        elif sent[name] != recorded[name]:
            found.append(f"body {name}={sent[name]!r}, recorded {recorded[name]!r}")
    return found


def multipart_parts(content: bytes, content_type: str) -> dict[str, EmailMessage]:
    """The parts of a multipart/form-data body, by form field name."""
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode()
    message = BytesParser(policy=policy.HTTP).parsebytes(head + content)
    parts: dict[str, EmailMessage] = {}
    for part in message.iter_parts():
        assert isinstance(part, EmailMessage)
        name = part.get_param("name", header="content-disposition")
        parts[str(name)] = part
    return parts


def _multipart_mismatches(
    request: httpx.Request, recorded_body: str, recorded_type: str, operation: str | None
) -> list[str]:
    sent_type = request.headers.get("content-type", "")
    if not sent_type.startswith("multipart/form-data"):
        return [f"content type {sent_type!r}, recorded a multipart upload"]
    sent = multipart_parts(request.content, sent_type)
    want = multipart_parts(recorded_body.encode(), recorded_type)
    found: list[str] = []
    for name, part in want.items():
        if name not in sent:
            found.append(f"upload leaves out part {name!r}")
        elif _describe(sent[name]) != _describe(part):
            found.append(f"part {name!r} is {_describe(sent[name])}, recorded {_describe(part)}")
    documented: set[str] = set(multipart_fields(operation)) if operation else set()
    for name in sorted(set(sent) - set(want)):
        if name not in documented:
            found.append(f"upload has part {name!r} that neither the recording nor the spec has")
    # The SDK's extra fields must agree with the file part it sends.
    file_part = sent.get("content")
    if file_part is not None:
        for name, expected in (
            ("filename", file_part.get_filename()),
            ("type", file_part.get_content_type()),
        ):
            if (
                name in sent
                and name not in want
                and _payload(sent[name]) != (expected or "").encode()
            ):
                found.append(f"part {name!r} is {_payload(sent[name])!r}, the file is {expected!r}")
    return found


def multipart_fields(operation: str) -> list[str]:
    """The form fields the spec documents for an operation's multipart body."""
    body = _spec.operation(operation).get("requestBody", {}).get("content", {})
    schema = body.get("multipart/form-data", {}).get("schema", {})
    return list(schema.get("properties", {}))


def _describe(part: EmailMessage) -> tuple[str | None, str, bytes]:
    return part.get_filename(), part.get_content_type(), _payload(part)


def _payload(part: EmailMessage) -> bytes:
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""
