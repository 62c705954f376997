"""Client settings: token, base URL, timeouts, headers, and the auth that guards the token."""

from __future__ import annotations

import os
from collections.abc import Generator, Mapping
from dataclasses import dataclass, field
from typing import Any, NoReturn

import httpx

from replicate_typed._errors import MissingTokenError
from replicate_typed._headers import (
    ApiHeaders,
    HeaderPairs,
    check_headers,
    install,
    origin,
    user_agent,
)
from replicate_typed._plain_http import allowed_by_environment, check_plain_http

TOKEN_VARIABLE = "REPLICATE_API_TOKEN"
BASE_URL_VARIABLE = "REPLICATE_BASE_URL"
DEFAULT_BASE_URL = "https://api.replicate.com/v1"

#: Reads may take 30 s; a sync-mode create may be held for its whole window,
#: so its read timeout is stretched to the window plus SYNC_WINDOW_MARGIN.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0, pool=10.0)
SYNC_WINDOW_MARGIN = 10.0


class Secret:
    """A string that never shows itself in reprs, logs, tracebacks, copies or pickles."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The secret itself; only for the Authorization header and for redaction."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('********')"

    __str__ = __repr__

    def __copy__(self) -> Secret:
        return self  # immutable: a copy may as well be the same object

    def __deepcopy__(self, memo: dict[int, object]) -> Secret:
        return self

    def __reduce_ex__(self, protocol: object) -> NoReturn:
        # A pickle would hold the token in the clear, wherever the bytes end up.
        raise TypeError("a Secret (the API token) cannot be pickled")


def read_token(api_token: str | Secret | None) -> Secret:
    """Wrap the token given, or REPLICATE_API_TOKEN's; MissingTokenError if there is none.

    Called first thing, so that from then on only the Secret holds the token.
    """
    if isinstance(api_token, Secret):
        return api_token
    token = api_token if api_token is not None else os.environ.get(TOKEN_VARIABLE, "")
    if not isinstance(token, str):
        raise TypeError(f"api_token must be a str, got {type(token).__name__}")
    if not token.strip():
        raise MissingTokenError(
            f"no Replicate API token: pass api_token= or set {TOKEN_VARIABLE} "
            "(create one at https://replicate.com/account/api-tokens)"
        )
    return Secret(token.strip())


@dataclass(frozen=True)
class Settings:
    """What a client was configured with, resolved from arguments and the environment."""

    token: Secret
    base_url: str
    timeout: httpx.Timeout
    #: Plain http allowed to hosts other than loopback (base URL and webhooks).
    allow_insecure_http: bool = False
    #: Check each untyped call's input against the model's schema first (``_schema_checks``).
    check_inputs: bool = False
    #: The caller's ``headers=`` for API requests; kept out of reprs, as they may hold secrets.
    headers: HeaderPairs = field(default=(), repr=False)
    #: The caller's own User-Agent from ``headers=``, which ours is appended to.
    user_agent: str | None = None
    #: One timeout per sync window, made once: every create in sync mode needs one.
    _window_timeouts: dict[float, httpx.Timeout] = field(
        default_factory=dict[float, httpx.Timeout], init=False, repr=False, compare=False
    )

    @classmethod
    def resolve(
        cls,
        api_token: Secret | str | None,
        base_url: str | None,
        timeout: httpx.Timeout | float | None,
        *,
        allow_insecure_http: bool = False,
        headers: Mapping[str, str] | None = None,
        check_inputs: bool = False,
    ) -> Settings:
        """Fill in from REPLICATE_API_TOKEN / REPLICATE_BASE_URL / REPLICATE_ALLOW_INSECURE_HTTP.

        MissingTokenError if no token; ValueError for a plain http base URL to
        a host other than loopback without the opt-in, or a bad header.
        """
        token = read_token(api_token)
        del api_token  # only the Secret holds it now
        allow = allow_insecure_http or allowed_by_environment()
        url = base_url if base_url is not None else os.environ.get(BASE_URL_VARIABLE, "")
        normalized = normalize_base_url(url or DEFAULT_BASE_URL)
        check_api_url(normalized, allowed=allow)
        extra, agent = check_headers(headers)
        return cls(
            token=token,
            base_url=normalized,
            timeout=_timeout(timeout),
            allow_insecure_http=allow,
            check_inputs=check_inputs,
            headers=extra,
            user_agent=agent,
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


def check_api_url(url: str, *, allowed: bool) -> None:
    """Refuse a plain http API URL to a host other than loopback unless ``allowed``."""
    parsed = httpx.URL(url)
    check_plain_http(url, parsed.scheme, parsed.host, allowed=allowed, what="the API token")


class TokenAuth(httpx.Auth):
    """Add the Bearer token only to requests for the API's own origin.

    Output files, stream URLs and redirects to other hosts are fetched
    without it.
    """

    def __init__(self, token: Secret, base_url: str) -> None:
        self._token = token
        self._origin = origin(httpx.URL(base_url))

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if origin(request.url) == self._origin:
            request.headers["Authorization"] = f"Bearer {self._token.reveal()}"
        else:
            request.headers.pop("Authorization", None)
        yield request


def _timeout(timeout: httpx.Timeout | float | None) -> httpx.Timeout:
    if timeout is None:
        return DEFAULT_TIMEOUT
    if isinstance(timeout, httpx.Timeout):
        return timeout
    return httpx.Timeout(timeout)


def http_client_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for the httpx client a replicate-typed client creates (then adopts)."""
    return {"base_url": settings.base_url, "timeout": settings.timeout}


def adopt_http_client(http: httpx.Client | httpx.AsyncClient, settings: Settings) -> None:
    """Prepare an httpx client, ours or the caller's: token auth, User-Agent, ``headers=``.

    A caller's client keeps its own base URL (held to the plain-http rule too,
    since the token goes to it) and its own User-Agent, with ours appended.
    """
    if not str(http.base_url):
        http.base_url = httpx.URL(settings.base_url)
    else:
        check_api_url(str(http.base_url), allowed=settings.allow_insecure_http)
    http.auth = TokenAuth(settings.token, str(http.base_url))
    http.headers["User-Agent"] = user_agent(settings.user_agent or http.headers.get("User-Agent"))
    if settings.headers:
        install(http, ApiHeaders(settings.headers, str(http.base_url)))
