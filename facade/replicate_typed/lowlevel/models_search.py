"""``models.search``: QUERY /models, written by hand in the generated endpoints' shape.

openapi-python-client skips operations whose HTTP method OpenAPI 3.1 does not
define, and QUERY is one (scripts/lib/regenerate/handwritten.toml lists it). The search
text travels as a ``text/plain`` body; the reply is a page of models, parsed
into the generated ``ModelPage``.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Final

import httpx
from replicate_api import errors
from replicate_api.client import AuthenticatedClient, Client
from replicate_api.models.model_page import ModelPage
from replicate_api.types import RequestArgs, Response

#: The HTTP method of this operation.
METHOD: Final = "QUERY"
#: The path of this operation.
PATH: Final = "/models"


def request_args(*, body: str) -> RequestArgs:
    """The keyword arguments of ``httpx.Client.request`` for QUERY /models.

    ``url`` is relative to the client's base URL.
    """
    return {
        "method": METHOD,
        "url": PATH,
        "content": body.encode("utf-8"),
        "headers": {"Content-Type": "text/plain"},
    }


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ModelPage | None:
    if response.status_code == 200:
        return ModelPage.from_dict(response.json())
    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ModelPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(*, client: AuthenticatedClient | Client, body: str) -> Response[ModelPage]:
    """Search public models by text.

    Args:
        body: The search text, sent as a ``text/plain`` body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code
            and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.
    """
    response = client.get_httpx_client().request(**request_args(body=body))
    return _build_response(client=client, response=response)


def sync(*, client: AuthenticatedClient | Client, body: str) -> ModelPage | None:
    """Search public models by text; the parsed page, or None on an undocumented status."""
    return sync_detailed(client=client, body=body).parsed


async def asyncio_detailed(
    *, client: AuthenticatedClient | Client, body: str
) -> Response[ModelPage]:
    """Search public models by text (async); see ``sync_detailed``."""
    response = await client.get_async_httpx_client().request(**request_args(body=body))
    return _build_response(client=client, response=response)


async def asyncio(*, client: AuthenticatedClient | Client, body: str) -> ModelPage | None:
    """Search public models by text (async); see ``sync``."""
    return (await asyncio_detailed(client=client, body=body)).parsed
