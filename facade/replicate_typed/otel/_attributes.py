"""What a span may say about a request or a prediction, and in what form.

URLs lose their query and any user info (``url.full`` may carry only what is
safe to store); inputs and outputs, recorded only on request, become JSON
strings cut to ``IO_ATTRIBUTE_LIMIT`` characters, as span attributes are meant
to be small and an output can be megabytes.
"""

from __future__ import annotations

import json
import re

import httpx

#: The most characters of an input's or output's JSON a span keeps (``record_io=True``).
IO_ATTRIBUTE_LIMIT = 4096

#: The port a URL without one uses (``server.port`` is given either way).
_DEFAULT_PORTS = {"https": 443, "http": 80}
#: A call about one prediction or training (get, cancel), and a create naming its model.
_JOB_PATH = re.compile(r"/(predictions|trainings)/([^/]+)(?:/cancel)?$")
_MODEL_PATH = re.compile(r"/models/([^/]+/[^/]+)(?:/versions/[^/]+)?/(?:predictions|trainings)$")


def url_attributes(url: str) -> dict[str, str | int]:
    """``url.full`` without query or user info, and the server's address and port."""
    parsed = httpx.URL(url)
    bare = parsed.copy_with(query=None, fragment=None, username=None, password=None)
    port = parsed.port if parsed.port is not None else _DEFAULT_PORTS.get(parsed.scheme)
    attributes: dict[str, str | int] = {"url.full": str(bare), "server.address": parsed.host}
    if port is not None:
        attributes["server.port"] = port
    if job := _JOB_PATH.search(parsed.path):
        noun = "prediction" if job.group(1) == "predictions" else "training"
        attributes[f"replicate.{noun}.id"] = job.group(2)
    elif model := _MODEL_PATH.search(parsed.path):
        attributes["replicate.model"] = model.group(1)
    return attributes


def json_attribute(value: object) -> str:
    """``value`` as JSON (anything JSON cannot hold as its ``str``), cut to the limit."""
    return json.dumps(value, default=str, ensure_ascii=False)[:IO_ATTRIBUTE_LIMIT]
