"""A ``next`` link back to a page already fetched ends iteration with an error, not a loop."""

from __future__ import annotations

import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import InvalidResponseError, Replicate

from tests.support import payloads
from tests.support.payloads import API

FIRST = f"{API}/predictions"
SECOND = f"{API}/predictions?cursor=p2"
THIRD = f"{API}/predictions?cursor=p3"


def _page(url: str, item_id: str, next_url: str | None) -> tuple[str, payloads.Payload]:
    return url, payloads.page([payloads.prediction(id=item_id)], next_url=next_url)


def test_a_first_page_that_links_to_itself_is_refused_naming_the_link(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    url, body = _page(FIRST, "a", next_url=FIRST)
    httpx_mock.add_response(url=url, json=body)

    with pytest.raises(InvalidResponseError, match=r"page link '.*/v1/predictions' leads back"):
        list(replicate.predictions.list())

    assert len(httpx_mock.get_requests()) == 1


@pytest.mark.parametrize(
    "back_to",
    [SECOND, FIRST, f"{API}/predictions?cursor=p2&"],
    ids=["an-earlier-page", "the-first-page", "the-same-page-spelled-differently"],
)
def test_a_cycle_through_later_pages_is_refused(
    replicate: Replicate, httpx_mock: HTTPXMock, back_to: str
) -> None:
    for url, body in (
        _page(FIRST, "a", next_url=SECOND),
        _page(SECOND, "b", next_url=THIRD),
        _page(THIRD, "c", next_url=back_to),
    ):
        httpx_mock.add_response(url=url, json=body)

    with pytest.raises(InvalidResponseError, match="leads back to a page already fetched"):
        list(replicate.predictions.list().pages())

    assert len(httpx_mock.get_requests()) == 3


def test_links_that_differ_only_in_the_order_of_their_parameters_are_the_same_page(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    ordered = f"{API}/predictions?a=1&b=2"
    for url, body in (
        _page(FIRST, "a", next_url=ordered),
        _page(ordered, "b", next_url=f"{API}/predictions?b=2&a=1"),
    ):
        httpx_mock.add_response(url=url, json=body)

    with pytest.raises(InvalidResponseError, match="leads back"):
        list(replicate.predictions.list())

    assert len(httpx_mock.get_requests()) == 2
