from http import HTTPStatus
from typing import Final
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.training import Training
from ...types import RequestArgs, Response

#: The HTTP method of this operation.
METHOD: Final = "get"
#: The path of this operation, as the spec writes it (path parameters in braces).
PATH: Final = "/trainings/{training_id}"


def request_args(
    training_id: str,
) -> RequestArgs:
    """The keyword arguments of ``httpx.Client.request`` for GET /trainings/{training_id}.

    ``url`` is relative to the client's base URL; path parameters are quoted.
    ``sync_detailed`` and the other functions here send exactly this request.
    """

    _kwargs: RequestArgs = {
        "method": METHOD,
        "url": PATH.format(
            training_id=quote(str(training_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Training | None:
    if response.status_code == 200:
        response_200 = Training.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Training]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    training_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Training]:
    """Fetch a training

     Return a training's current status, logs and, when done, the version it produced.

    Args:
        training_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Training]
    """

    kwargs = request_args(
        training_id=training_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    training_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Training | None:
    """Fetch a training

     Return a training's current status, logs and, when done, the version it produced.

    Args:
        training_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Training
    """

    return sync_detailed(
        training_id=training_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    training_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Training]:
    """Fetch a training

     Return a training's current status, logs and, when done, the version it produced.

    Args:
        training_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Training]
    """

    kwargs = request_args(
        training_id=training_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    training_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Training | None:
    """Fetch a training

     Return a training's current status, logs and, when done, the version it produced.

    Args:
        training_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Training
    """

    return (
        await asyncio_detailed(
            training_id=training_id,
            client=client,
        )
    ).parsed
