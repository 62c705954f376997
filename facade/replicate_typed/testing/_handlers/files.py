"""files.*: upload (multipart), get, list, delete, and download with a signed link.

An upload over ``FakeReplicate.max_upload`` bytes gets 413. A download needs
the signature ``FakeReplicate.download_signature`` computes.
"""

from __future__ import annotations

import hmac
import json
from typing import Any

from replicate_typed.testing import _shapes
from replicate_typed.testing._handlers._common import Call, Handler, page
from replicate_typed.testing._http import FakeResponse, json_response, parse_multipart, problem
from replicate_typed.testing._jobs import new_id
from replicate_typed.testing._records import StoredFile


def files_create(call: Call) -> FakeResponse:
    """Store the multipart body's "content", named by "filename", typed by "type"."""
    try:
        parts = parse_multipart(call.request.header("content-type") or "", call.request.body)
    except ValueError as exc:
        return problem(400, "Invalid upload", str(exc))
    if "content" not in parts:
        return problem(422, "Invalid upload", "the multipart body has no 'content' part")
    if len(parts["content"].content) > call.fake.max_upload:
        return problem(413, "Content Too Large", "Files must be less than 100MB in size")
    metadata: dict[str, Any] = {}
    if "metadata" in parts:
        try:
            metadata = json.loads(parts["metadata"].content)
        except ValueError:
            return problem(422, "Invalid upload", "metadata is not JSON")
    content = parts["content"]
    name_part = parts.get("filename")
    stored = StoredFile(
        id=new_id(),
        name=name_part.content.decode() if name_part else (content.filename or "file"),
        content_type=parts["type"].content.decode()
        if "type" in parts
        else "application/octet-stream",
        content=content.content,
        metadata=metadata,
        created=call.now,
    )
    call.fake.files[stored.id] = stored
    return json_response(201, _shapes.stored_file(stored, call.fake.clock, call.bases))


def files_get(call: Call) -> FakeResponse:
    stored = call.fake.files.get(call.params["file_id"])
    if stored is None:
        return problem(404, "Not found", "File not found")
    return json_response(200, _shapes.stored_file(stored, call.fake.clock, call.bases))


def files_list(call: Call) -> FakeResponse:
    shaped = [
        _shapes.stored_file(f, call.fake.clock, call.bases)
        for f in reversed(list(call.fake.files.values()))
    ]
    return page(call, shaped)


def files_delete(call: Call) -> FakeResponse:
    if call.fake.files.pop(call.params["file_id"], None) is None:
        return problem(404, "Not found", "File not found")
    return FakeResponse(204)


def files_download(call: Call) -> FakeResponse:
    """The file's content, if owner, expiry and signature match (404 otherwise)."""
    stored = call.fake.files.get(call.params["file_id"])
    owner, expiry, signature = call.query("owner"), call.query("expiry"), call.query("signature")
    expected = call.fake.download_signature(call.params["file_id"], owner or "", expiry or "")
    if stored is None or not hmac.compare_digest(signature or "", expected):
        return problem(404, "Not found", "File not found")
    return FakeResponse(200, {"Content-Type": "application/octet-stream"}, stored.content)


HANDLERS: dict[str, Handler] = {
    "files.create": files_create,
    "files.get": files_get,
    "files.list": files_list,
    "files.delete": files_delete,
    "files.download": files_download,
}
