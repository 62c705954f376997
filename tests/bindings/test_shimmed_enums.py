"""Old cog's string enums on integer and boolean fields: what the bindings type, the checks take.

Cog 0.1.3 ("shimmed") wrote ``type: integer`` with ``enum: ["512", "256"]``
(gnobitab/fusedream's ``model_size``, meta/ic_gan's ``num_samples``) and
``type: boolean`` with ``enum: ["True", "False"]``
(mistake0316/style-transfer-clip's ``output_aug_flag``). The generated input
types such a field as the listed strings, and the default examples send
them (``"512"``), so ``check_input`` must take a value listed as it is;
found by ``scripts/corpus --bindings``, which refused all of those examples.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from replicate_typed.bindings import InputError, ModelSource, check_input, generate_module

from tests.bindings.samples import load

#: The fields as the corpus's schemas have them (other fields and docs cut).
SCHEMA: dict[str, Any] = {
    "components": {
        "schemas": {
            "Input": {
                "type": "object",
                "title": "Input",
                "properties": {
                    "model_size": {
                        "enum": ["512", "256"],
                        "type": "integer",
                        "default": 512,
                        "x-order": 0,
                        "description": "output image size",
                    },
                    "output_aug_flag": {
                        "enum": ["True", "False"],
                        "type": "boolean",
                        "default": True,
                        "x-order": 1,
                        "description": "augment before compute clip loss",
                    },
                },
            },
            "Output": {"type": "string", "format": "uri", "title": "Output"},
        }
    }
}


def test_the_listed_strings_the_bindings_offer_pass_the_check(tmp_path: Path) -> None:
    path = tmp_path / "shimmed_bindings.py"
    path.write_text(generate_module([ModelSource("gnobitab/fusedream", "v1", SCHEMA)]))
    module = load(path, "shimmed_bindings")

    built = module.FusedreamInput(model_size="256", output_aug_flag="False")

    assert built.to_input() == {"model_size": "256", "output_aug_flag": "False"}
    check_input(SCHEMA, built.to_input())
    check_input(SCHEMA, {"model_size": "512", "output_aug_flag": "True"})  # the real example's


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ({"model_size": "1024"}, "input.model_size: must be one of '512', '256' (enum)"),
        ({"output_aug_flag": "yes"}, "input.output_aug_flag: must be a boolean (type)"),
    ],
)
def test_a_value_not_listed_is_still_refused(value: dict[str, object], problem: str) -> None:
    with pytest.raises(InputError) as raised:
        check_input(SCHEMA, value)

    assert str(raised.value.problems[0]).startswith(problem)
