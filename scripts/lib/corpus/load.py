"""Read the corpus (or a sample written from it) into plain JSON objects.

Both files are a JSON array of model objects, so one loader serves the full
corpus and the test data cut from it. Anything else is refused here, so the
checks can assume a list of objects.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import cast

JSONObject = dict[str, object]


def load_models(path: Path) -> list[JSONObject]:
    """Return the model objects in ``path``.

    Raises ValueError if the file is not a JSON array of objects.
    """
    with path.open(encoding="utf-8") as stream:
        data: object = json.load(stream)
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON array, found {type(data).__name__}")
    models: list[JSONObject] = []
    for index, item in enumerate(cast(list[object], data)):
        if not isinstance(item, dict):
            raise ValueError(f"{path}: item {index} is {type(item).__name__}, not an object")
        models.append(cast(JSONObject, item))
    return models


def model_name(model: JSONObject) -> str:
    """``owner/name``, as Replicate spells a model; ``?`` for a part that is missing."""
    return f"{model.get('owner', '?')}/{model.get('name', '?')}"
