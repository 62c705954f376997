"""Client settings: token, base URL, timeouts, User-Agent, and the auth that guards the token."""

from __future__ import annotations

import os
from collections.abc import Generator
from dataclasses import dataclass, field
from typing import Any

import httpx

from replicate_typed._errors import MissingTokenError
from replicate_typed._version import __version__

TOKEN_VARIABLE = "REPLICATE_API_TOKEN"
BASE_URL_VARIABLE = "REPLICATE_BASE_URL"
DEFAULT_BASE_URL = "https://api.replicate.com/v1"
USER_AGENT = f"replicate-typed/{__version__}"

#: Reads may take 30 s; a sync-mode create may be held for its whole window,
#: so its read timeout is stretched to the window plus SYNC_WINDOW_MARGIN.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0, pool=10.0)
SYNC_WINDOW_MARGIN = 10.0


class Secret:
    """A string that never shows itself in reprs, logs or tracebacks."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The secret itself; only for the Authorization header."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('********')"

    __str__ = __repr__


@dataclass(frozen=True)
class Settings:
    """What a client was configured with, resolved from arguments and the environment."""

    token: Secret
    base_url: str
    timeout: httpx.Timeout
    #: One timeout per sync window, made once: every create in sync mode needs one.
    _window_timeouts: dict[float, httpx.Timeout] = field(
        default_factory=dict[float, httpx.Timeout], init=False, repr=False, compare=False
    )

    @classmethod
    def resolve(
        cls,
        api_token: str | None,
        base_url: str | None,
        timeout: httpx.Timeout | float | None,
    ) -> Settings:
        """Fill in from REPLICATE_API_TOKEN / REPLICATE_BASE_URL; MissingTokenError if no token."""
        token = api_token if api_token is not None else os.environ.get(TOKEN_VARIABLE, "")
        if not token.strip():
            raise MissingTokenError(
                f"no Replicate API token: pass api_token= or set {TOKEN_VARIABLE} "
                "(create one at https://replicate.com/account/api-tokens)"
            )
        url = base_url if base_url is not None else os.environ.get(BASE_URL_VARIABLE, "")
        return cls(
            token=Secret(token.strip()),
            base_url=normalize_base_url(url or DEFAULT_BASE_URL),
            timeout=_timeout(timeout),
        )

    def read_timeout_for_window(self, window: float | None) -> httpx.Timeout | None:
        """A timeout outlasting a request the API may hold ``window`` seconds; None: the default."""
        needed = None if window is None else window + SYNC_WINDOW_MARGIN
        if needed is None or self.timeout.read is None or self.timeout.read >= needed:
            return None
        timeout = self._window_timeouts.get(needed)
        if timeout is None:
            timeout = self._window_timeouts[needed] = httpx.Timeout(
                connect=self.timeout.connect,
                read=needed,
                write=self.timeout.write,
                pool=self.timeout.pool,
            )
        return timeout


def normalize_base_url(url: str) -> str:
    """Accept the API root with or without /v1 (and a trailing slash); return it with /v1."""
    parsed = httpx.URL(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ValueError(f"base URL must be an http(s) URL, got {url!r}")
    path = parsed.path.rstrip("/")
    if not path.endswith("/v1"):
        path += "/v1"
    return str(parsed.copy_with(path=path, query=None, fragment=None))


class TokenAuth(httpx.Auth):
    """Add the Bearer token only to requests for the API's own origin.

    Output files, stream URLs and redirects to other hosts are fetched
    without it.
    """

    def __init__(self, token: Secret, base_url: str) -> None:
        self._token = token
        self._origin = _origin(httpx.URL(base_url))

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if _origin(request.url) == self._origin:
            request.headers["Authorization"] = f"Bearer {self._token.reveal()}"
        else:
            request.headers.pop("Authorization", None)
        yield request


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    default_port = {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host, url.port or default_port


def _timeout(timeout: httpx.Timeout | float | None) -> httpx.Timeout:
    if timeout is None:
        return DEFAULT_TIMEOUT
    if isinstance(timeout, httpx.Timeout):
        return timeout
    return httpx.Timeout(timeout)


def http_client_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for the httpx client a replicate-typed client creates."""
    return {
        "base_url": settings.base_url,
        "auth": TokenAuth(settings.token, settings.base_url),
        "headers": {"User-Agent": USER_AGENT},
        "timeout": settings.timeout,
    }


def adopt_http_client(http: httpx.Client | httpx.AsyncClient, settings: Settings) -> None:
    """Prepare a caller's own httpx client: API base URL if unset, token auth, User-Agent."""
    if not str(http.base_url):
        http.base_url = httpx.URL(settings.base_url)
    http.auth = TokenAuth(settings.token, str(http.base_url))
    http.headers["User-Agent"] = USER_AGENT
