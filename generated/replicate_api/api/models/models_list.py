from http import HTTPStatus
from typing import Any, Final

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.model_page import ModelPage
from ...models.model_sort_by import ModelSortBy
from ...models.sort_direction import SortDirection
from ...types import UNSET, RequestArgs, Response, Unset

#: The HTTP method of this operation.
METHOD: Final = "get"
#: The path of this operation, as the spec writes it (path parameters in braces).
PATH: Final = "/models"


def request_args(
    *,
    sort_by: ModelSortBy | Unset = ModelSortBy.LATEST_VERSION_CREATED_AT,
    sort_direction: SortDirection | Unset = SortDirection.DESC,
) -> RequestArgs:
    """The keyword arguments of ``httpx.Client.request`` for GET /models.

    ``url`` is relative to the client's base URL; path parameters are quoted.
    ``sync_detailed`` and the other functions here send exactly this request.
    """

    params: dict[str, Any] = {}

    json_sort_by: str | Unset = UNSET
    if not isinstance(sort_by, Unset):
        json_sort_by = sort_by.value

    params["sort_by"] = json_sort_by

    json_sort_direction: str | Unset = UNSET
    if not isinstance(sort_direction, Unset):
        json_sort_direction = sort_direction.value

    params["sort_direction"] = json_sort_direction

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: RequestArgs = {
        "method": METHOD,
        "url": PATH,
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ModelPage | None:
    if response.status_code == 200:
        response_200 = ModelPage.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
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


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    sort_by: ModelSortBy | Unset = ModelSortBy.LATEST_VERSION_CREATED_AT,
    sort_direction: SortDirection | Unset = SortDirection.DESC,
) -> Response[ModelPage]:
    """List public models

     Page through public models. Use sort_by and sort_direction to choose the ordering; by default the
    models with the newest versions come first.

    Args:
        sort_by (ModelSortBy | Unset):  Default: ModelSortBy.LATEST_VERSION_CREATED_AT.
        sort_direction (SortDirection | Unset):  Default: SortDirection.DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ModelPage]
    """

    kwargs = request_args(
        sort_by=sort_by,
        sort_direction=sort_direction,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    sort_by: ModelSortBy | Unset = ModelSortBy.LATEST_VERSION_CREATED_AT,
    sort_direction: SortDirection | Unset = SortDirection.DESC,
) -> ModelPage | None:
    """List public models

     Page through public models. Use sort_by and sort_direction to choose the ordering; by default the
    models with the newest versions come first.

    Args:
        sort_by (ModelSortBy | Unset):  Default: ModelSortBy.LATEST_VERSION_CREATED_AT.
        sort_direction (SortDirection | Unset):  Default: SortDirection.DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ModelPage
    """

    return sync_detailed(
        client=client,
        sort_by=sort_by,
        sort_direction=sort_direction,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    sort_by: ModelSortBy | Unset = ModelSortBy.LATEST_VERSION_CREATED_AT,
    sort_direction: SortDirection | Unset = SortDirection.DESC,
) -> Response[ModelPage]:
    """List public models

     Page through public models. Use sort_by and sort_direction to choose the ordering; by default the
    models with the newest versions come first.

    Args:
        sort_by (ModelSortBy | Unset):  Default: ModelSortBy.LATEST_VERSION_CREATED_AT.
        sort_direction (SortDirection | Unset):  Default: SortDirection.DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ModelPage]
    """

    kwargs = request_args(
        sort_by=sort_by,
        sort_direction=sort_direction,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    sort_by: ModelSortBy | Unset = ModelSortBy.LATEST_VERSION_CREATED_AT,
    sort_direction: SortDirection | Unset = SortDirection.DESC,
) -> ModelPage | None:
    """List public models

     Page through public models. Use sort_by and sort_direction to choose the ordering; by default the
    models with the newest versions come first.

    Args:
        sort_by (ModelSortBy | Unset):  Default: ModelSortBy.LATEST_VERSION_CREATED_AT.
        sort_direction (SortDirection | Unset):  Default: SortDirection.DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ModelPage
    """

    return (
        await asyncio_detailed(
            client=client,
            sort_by=sort_by,
            sort_direction=sort_direction,
        )
    ).parsed
