"""Collections: Replicate's curated lists of models."""

from __future__ import annotations

from replicate_api.api.collections import collections_get, collections_list
from replicate_api.models.collection import Collection
from replicate_api.models.collection_page import CollectionPage
from replicate_api.models.collection_summary import CollectionSummary

from replicate_typed._async.pager import AsyncPager
from replicate_typed._async.resource import AsyncResource
from replicate_typed._effects import Send
from replicate_typed._kinds import check_id


class AsyncCollections(AsyncResource):
    """Curated collections of models."""

    def list(self) -> AsyncPager[CollectionSummary]:
        """Every collection (name, slug, description)."""
        return self._pager(
            Send("collections.list", collections_list.request_args()), CollectionPage
        )

    async def get(self, slug: str) -> Collection:
        """A collection with its models, e.g. "text-to-image"."""
        request = Send("collections.get", collections_get.request_args(check_id(slug)))
        return await self._fetch(request, Collection)
