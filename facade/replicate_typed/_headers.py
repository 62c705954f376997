"""The headers a client adds to requests: its User-Agent, and the caller's ``headers=``.

The caller's headers go to the API's own origin only, as the token does (see
``_config.TokenAuth``): they may carry secrets (a proxy's key), and output
files and streams are served by other hosts. The User-Agent goes everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NoReturn

import httpx

from replicate_typed._version import __version__

USER_AGENT = f"replicate-typed/{__version__}"
#: What httpx puts on a client made without a User-Agent of its own.
_HTTPX_USER_AGENT = f"python-httpx/{httpx.__version__}"
#: Names ``headers=`` may not set: the token has its own argument, and the
#: others frame the request, which the client and httpx do.
_RESERVED = ("authorization", "host", "content-length", "transfer-encoding")
_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")

#: Checked ``headers=``: name and value pairs, in the caller's order.
HeaderPairs = tuple[tuple[str, str], ...]


def origin(url: httpx.URL) -> tuple[str, str, int | None]:
    """Scheme, host and port (the default one filled in): what the token is bound to."""
    default_port = {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host, url.port or default_port


def check_headers(headers: Mapping[str, str] | None) -> tuple[HeaderPairs, str | None]:
    """Check ``headers=``; return the ones for API requests and the caller's User-Agent.

    ValueError names the bad header, never its value: headers may carry secrets.
    """
    if headers is None:
        return (), None
    if not isinstance(headers, Mapping):
        raise ValueError(
            f"headers must be a mapping of header names to values, got a {type(headers).__name__}"
        )
    pairs: list[tuple[str, str]] = []
    agent: str | None = None
    for name, value in headers.items():
        if not isinstance(name, str) or not _NAME.fullmatch(name):
            raise ValueError(f"headers has an invalid header name {name!r}")
        if name.lower() in _RESERVED:
            _reserved(name)
        if not isinstance(value, str):
            raise ValueError(f"headers[{name!r}] must be a str, got a {type(value).__name__}")
        if not value.isascii() or re.search(r"[\r\n\0]", value):
            raise ValueError(f"headers[{name!r}] must be ASCII text without line breaks or NUL")
        if name.lower() == "user-agent":
            agent = value
        else:
            pairs.append((name, value))
    return tuple(pairs), agent


def _reserved(name: str) -> NoReturn:
    if name.lower() == "authorization":
        raise ValueError("headers must not set Authorization: pass the token as api_token=")
    raise ValueError(f"headers must not set {name}: the client sets it for each request")


def user_agent(theirs: str | None) -> str:
    """The User-Agent to send: the caller's own (not httpx's default) with ours appended."""
    if not theirs or theirs == _HTTPX_USER_AGENT:
        return USER_AGENT
    if USER_AGENT in theirs.split():  # a client adopted twice
        return theirs
    return f"{theirs} {USER_AGENT}"


class ApiHeaders:
    """The caller's ``headers=``, set on requests to the API's own origin and removed elsewhere.

    An httpx request hook, so it sees every hop of a redirect: httpx copies a
    request's headers to the next hop (it drops only Authorization for another
    origin), and this takes them off again. A header the request sets itself
    (Prefer, Cancel-After, Content-Type) is left as it is.
    """

    def __init__(self, headers: HeaderPairs, base_url: str) -> None:
        self._headers = headers
        self._origin = origin(httpx.URL(base_url))

    def __call__(self, request: httpx.Request) -> None:
        if origin(request.url) == self._origin:
            for name, value in self._headers:
                request.headers.setdefault(name, value)
        else:
            for name, _ in self._headers:
                request.headers.pop(name, None)

    async def on_async_request(self, request: httpx.Request) -> None:
        """The same, as the coroutine an ``httpx.AsyncClient`` hook must be."""
        self(request)


def install(http: httpx.Client | httpx.AsyncClient, headers: ApiHeaders) -> None:
    """Add ``headers`` as a request hook, replacing one that an earlier client installed."""
    hooks = http.event_hooks
    hook = headers.on_async_request if isinstance(http, httpx.AsyncClient) else headers
    kept = [h for h in hooks.get("request", []) if not _is_api_headers(h)]
    hooks["request"] = [*kept, hook]
    http.event_hooks = hooks


def _is_api_headers(hook: object) -> bool:
    return isinstance(hook, ApiHeaders) or isinstance(getattr(hook, "__self__", None), ApiHeaders)
