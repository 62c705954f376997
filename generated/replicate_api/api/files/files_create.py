from http import HTTPStatus
from typing import Any, Final

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.file_create_request import FileCreateRequest
from ...models.file_resource import FileResource
from ...models.file_too_large_problem import FileTooLargeProblem
from ...types import UNSET, RequestArgs, Response, Unset

#: The HTTP method of this operation.
METHOD: Final = "post"
#: The path of this operation, as the spec writes it (path parameters in braces).
PATH: Final = "/files"


def request_args(
    *,
    body: FileCreateRequest | Unset = UNSET,
) -> RequestArgs:
    """The keyword arguments of ``httpx.Client.request`` for POST /files.

    ``url`` is relative to the client's base URL; path parameters are quoted.
    ``sync_detailed`` and the other functions here send exactly this request.
    """
    headers: dict[str, Any] = {}

    _kwargs: RequestArgs = {
        "method": METHOD,
        "url": PATH,
    }

    if not isinstance(body, Unset):
        _kwargs["files"] = body.to_multipart()

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FileResource | FileTooLargeProblem | None:
    if response.status_code == 201:
        response_201 = FileResource.from_dict(response.json())

        return response_201

    if response.status_code == 413:
        response_413 = FileTooLargeProblem.from_dict(response.json())

        return response_413

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[FileResource | FileTooLargeProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FileCreateRequest | Unset = UNSET,
) -> Response[FileResource | FileTooLargeProblem]:
    """Upload a file

     Send a file as multipart form data, with an optional filename, MIME type and JSON metadata.

    Args:
        body (FileCreateRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FileResource | FileTooLargeProblem]
    """

    kwargs = request_args(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: FileCreateRequest | Unset = UNSET,
) -> FileResource | FileTooLargeProblem | None:
    """Upload a file

     Send a file as multipart form data, with an optional filename, MIME type and JSON metadata.

    Args:
        body (FileCreateRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FileResource | FileTooLargeProblem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FileCreateRequest | Unset = UNSET,
) -> Response[FileResource | FileTooLargeProblem]:
    """Upload a file

     Send a file as multipart form data, with an optional filename, MIME type and JSON metadata.

    Args:
        body (FileCreateRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FileResource | FileTooLargeProblem]
    """

    kwargs = request_args(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: FileCreateRequest | Unset = UNSET,
) -> FileResource | FileTooLargeProblem | None:
    """Upload a file

     Send a file as multipart form data, with an optional filename, MIME type and JSON metadata.

    Args:
        body (FileCreateRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FileResource | FileTooLargeProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
