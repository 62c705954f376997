from http import HTTPStatus
from typing import Any, Final

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.search_bad_request_problem import SearchBadRequestProblem
from ...models.search_results import SearchResults
from ...models.search_server_error_problem import SearchServerErrorProblem
from ...types import UNSET, RequestArgs, Response, Unset

#: The HTTP method of this operation.
METHOD: Final = "get"
#: The path of this operation, as the spec writes it (path parameters in braces).
PATH: Final = "/search"


def request_args(
    *,
    query: str,
    limit: int | Unset = 20,
) -> RequestArgs:
    """The keyword arguments of ``httpx.Client.request`` for GET /search.

    ``url`` is relative to the client's base URL; path parameters are quoted.
    ``sync_detailed`` and the other functions here send exactly this request.
    """

    params: dict[str, Any] = {}

    params["query"] = query

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: RequestArgs = {
        "method": METHOD,
        "url": PATH,
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> SearchBadRequestProblem | SearchResults | SearchServerErrorProblem | None:
    if response.status_code == 200:
        response_200 = SearchResults.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = SearchBadRequestProblem.from_dict(response.json())

        return response_400

    if response.status_code == 500:
        response_500 = SearchServerErrorProblem.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[SearchBadRequestProblem | SearchResults | SearchServerErrorProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    query: str,
    limit: int | Unset = 20,
) -> Response[SearchBadRequestProblem | SearchResults | SearchServerErrorProblem]:
    """Search models, collections and docs

     Beta: look up public models, collections and documentation pages by text. Matching models include
    extra metadata (generated summary, tags, relevance score); the format may still change.

    Args:
        query (str):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SearchBadRequestProblem | SearchResults | SearchServerErrorProblem]
    """

    kwargs = request_args(
        query=query,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    query: str,
    limit: int | Unset = 20,
) -> SearchBadRequestProblem | SearchResults | SearchServerErrorProblem | None:
    """Search models, collections and docs

     Beta: look up public models, collections and documentation pages by text. Matching models include
    extra metadata (generated summary, tags, relevance score); the format may still change.

    Args:
        query (str):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SearchBadRequestProblem | SearchResults | SearchServerErrorProblem
    """

    return sync_detailed(
        client=client,
        query=query,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    query: str,
    limit: int | Unset = 20,
) -> Response[SearchBadRequestProblem | SearchResults | SearchServerErrorProblem]:
    """Search models, collections and docs

     Beta: look up public models, collections and documentation pages by text. Matching models include
    extra metadata (generated summary, tags, relevance score); the format may still change.

    Args:
        query (str):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SearchBadRequestProblem | SearchResults | SearchServerErrorProblem]
    """

    kwargs = request_args(
        query=query,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    query: str,
    limit: int | Unset = 20,
) -> SearchBadRequestProblem | SearchResults | SearchServerErrorProblem | None:
    """Search models, collections and docs

     Beta: look up public models, collections and documentation pages by text. Matching models include
    extra metadata (generated summary, tags, relevance score); the format may still change.

    Args:
        query (str):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SearchBadRequestProblem | SearchResults | SearchServerErrorProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            query=query,
            limit=limit,
        )
    ).parsed
