from http import HTTPStatus
from typing import Final

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.hardware import Hardware
from ...types import RequestArgs, Response

#: The HTTP method of this operation.
METHOD: Final = "get"
#: The path of this operation, as the spec writes it (path parameters in braces).
PATH: Final = "/hardware"


def request_args() -> RequestArgs:
    """The keyword arguments of ``httpx.Client.request`` for GET /hardware.

    ``url`` is relative to the client's base URL; path parameters are quoted.
    ``sync_detailed`` and the other functions here send exactly this request.
    """

    _kwargs: RequestArgs = {
        "method": METHOD,
        "url": PATH,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> list[Hardware] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Hardware.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[list[Hardware]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[list[Hardware]]:
    """List hardware options

     Return every hardware type models and deployments can run on, each with a display name and the SKU
    to use in requests.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[Hardware]]
    """

    kwargs = request_args()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> list[Hardware] | None:
    """List hardware options

     Return every hardware type models and deployments can run on, each with a display name and the SKU
    to use in requests.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[Hardware]
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[list[Hardware]]:
    """List hardware options

     Return every hardware type models and deployments can run on, each with a display name and the SKU
    to use in requests.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[Hardware]]
    """

    kwargs = request_args()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> list[Hardware] | None:
    """List hardware options

     Return every hardware type models and deployments can run on, each with a display name and the SKU
    to use in requests.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[Hardware]
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
