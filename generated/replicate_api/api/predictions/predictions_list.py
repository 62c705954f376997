import datetime
from http import HTTPStatus
from typing import Any, Final

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.prediction_page import PredictionPage
from ...models.prediction_source_filter import PredictionSourceFilter
from ...types import UNSET, RequestArgs, Response, Unset

#: The HTTP method of this operation.
METHOD: Final = "get"
#: The path of this operation, as the spec writes it (path parameters in braces).
PATH: Final = "/predictions"


def request_args(
    *,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    source: PredictionSourceFilter | Unset = UNSET,
) -> RequestArgs:
    """The keyword arguments of ``httpx.Client.request`` for GET /predictions.

    ``url`` is relative to the client's base URL; path parameters are quoted.
    ``sync_detailed`` and the other functions here send exactly this request.
    """

    params: dict[str, Any] = {}

    json_created_after: str | Unset = UNSET
    if not isinstance(created_after, Unset):
        json_created_after = created_after.isoformat()
    params["created_after"] = json_created_after

    json_created_before: str | Unset = UNSET
    if not isinstance(created_before, Unset):
        json_created_before = created_before.isoformat()
    params["created_before"] = json_created_before

    json_source: str | Unset = UNSET
    if not isinstance(source, Unset):
        json_source = source.value

    params["source"] = json_source

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: RequestArgs = {
        "method": METHOD,
        "url": PATH,
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PredictionPage | None:
    if response.status_code == 200:
        response_200 = PredictionPage.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PredictionPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    source: PredictionSourceFilter | Unset = UNSET,
) -> Response[PredictionPage]:
    """List your predictions

     Page through predictions made by the token's account, from the API and the website alike, newest
    first and 100 per page. They can be filtered by creation time and source.

    Args:
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        source (PredictionSourceFilter | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PredictionPage]
    """

    kwargs = request_args(
        created_after=created_after,
        created_before=created_before,
        source=source,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    source: PredictionSourceFilter | Unset = UNSET,
) -> PredictionPage | None:
    """List your predictions

     Page through predictions made by the token's account, from the API and the website alike, newest
    first and 100 per page. They can be filtered by creation time and source.

    Args:
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        source (PredictionSourceFilter | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PredictionPage
    """

    return sync_detailed(
        client=client,
        created_after=created_after,
        created_before=created_before,
        source=source,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    source: PredictionSourceFilter | Unset = UNSET,
) -> Response[PredictionPage]:
    """List your predictions

     Page through predictions made by the token's account, from the API and the website alike, newest
    first and 100 per page. They can be filtered by creation time and source.

    Args:
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        source (PredictionSourceFilter | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PredictionPage]
    """

    kwargs = request_args(
        created_after=created_after,
        created_before=created_before,
        source=source,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    source: PredictionSourceFilter | Unset = UNSET,
) -> PredictionPage | None:
    """List your predictions

     Page through predictions made by the token's account, from the API and the website alike, newest
    first and 100 per page. They can be filtered by creation time and source.

    Args:
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        source (PredictionSourceFilter | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PredictionPage
    """

    return (
        await asyncio_detailed(
            client=client,
            created_after=created_after,
            created_before=created_before,
            source=source,
        )
    ).parsed
