"""Search: public models, collections and documentation pages (the beta /search endpoint).

Written by scripts/unasync from _async/search.py: edit that file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from replicate_api.types import UNSET

from replicate_typed._effects import Send
from replicate_typed._sync.resource import Resource

if TYPE_CHECKING:
    from replicate_api.models.search_results import SearchResults


class Search(Resource):
    """``client.search(query)``: one call, so the resource is callable."""

    def __call__(self, query: str, *, limit: int | None = None) -> SearchResults:
        """Search public models, collections and docs; ``limit`` from 1 to 50."""
        if not isinstance(query, str) or not query.strip():
            raise ValueError(f"query must be non-empty text, got {query!r}")
        if limit is not None and not (isinstance(limit, int) and 1 <= limit <= 50):
            raise ValueError(f"limit must be from 1 to 50, got {limit!r}")
        # Imported here: the endpoint and its models load only when a search is made.
        from replicate_api.api.search import search as endpoint
        from replicate_api.models.search_results import SearchResults

        kwargs = endpoint.request_args(query=query, limit=UNSET if limit is None else limit)
        return self._fetch(Send("search", kwargs), SearchResults)
