"""search: models and collections whose name or description contains the query.

Unlike the other operations it needs no token, as on the live API.
"""

from __future__ import annotations

from replicate_typed.testing import _shapes
from replicate_typed.testing._handlers._common import Call, Handler
from replicate_typed.testing._http import FakeResponse, json_response


def search(call: Call) -> FakeResponse:
    query = (call.query("query") or "").strip()
    if not query:
        return json_response(400, {"detail": 'Query parameter "query" is required'})
    limit = int(call.query("limit") or 20)
    if not 1 <= limit <= 50:
        return json_response(400, {"detail": "limit must be between 1 and 50"})
    text = query.lower()
    matches: list[dict[str, object]] = [
        {
            "model": _shapes.model(m, call.fake.clock),
            "metadata": {"generated_description": m.description, "score": 1.0, "tags": []},
        }
        for m in call.fake.models.values()
        if text in m.full_name.lower() or text in m.description.lower()
    ]
    models = matches[:limit]
    collections = [
        {"name": name, "slug": slug, "description": description, "models": members}
        for slug, (name, description, members) in call.fake.collections.items()
        if text in name.lower() or text in description.lower()
    ]
    return json_response(
        200, {"query": query, "models": models, "collections": collections, "pages": []}
    )


HANDLERS: dict[str, Handler] = {"search": search}
