"""Taking a token out of text and out of errors with their causes (pure, no HTTP)."""

from __future__ import annotations

import json
import traceback
from urllib.parse import quote

from replicate_typed import APIError
from replicate_typed._redaction import redact_error, redact_headers, redact_text

TOKEN = "r8_redaction_test_token"
ODD = 'r8_"odd"/token+1'


def test_every_copy_of_the_token_is_replaced() -> None:
    text = f"Bearer {TOKEN}, again {TOKEN}"

    assert redact_text(text, TOKEN) == "Bearer [redacted], again [redacted]"


def test_json_escaped_and_percent_encoded_copies_are_replaced_too() -> None:
    text = json.dumps({"authorization": f"Bearer {ODD}"}) + f" ?token={quote(ODD, safe='')}"

    redacted = redact_text(text, ODD)

    assert redacted == '{"authorization": "Bearer [redacted]"} ?token=[redacted]'


def test_no_secret_leaves_the_text_alone() -> None:
    assert redact_text("Bearer ", "") == "Bearer "


def test_headers_lose_the_token_in_names_and_values() -> None:
    headers = {"x-echo": f"Bearer {TOKEN}", f"x-{TOKEN}": "1"}

    assert redact_headers(headers, TOKEN) == {"x-echo": "Bearer [redacted]", "x-[redacted]": "1"}


def test_an_error_loses_the_token_in_its_message_attributes_notes_and_causes() -> None:
    error = APIError(
        f"failed: {TOKEN}",
        status=502,
        operation="predictions.get",
        body=f"<p>{TOKEN}</p>",
        headers={"x-echo": TOKEN},
    )
    error.add_note(f"note {TOKEN}")
    error.counts = {"attempts": 1}  # type: ignore[attr-defined]  # not text: left alone
    error.__cause__ = ValueError(f"upstream echoed {TOKEN}")
    error.__cause__.__context__ = KeyError(TOKEN)

    redact_error(error, TOKEN)

    text = "".join(traceback.format_exception(error)) + repr(vars(error))
    assert TOKEN not in text
    assert str(error) == "failed: [redacted]"
    assert error.body == "<p>[redacted]</p>"
    assert error.headers == {"x-echo": "[redacted]"}
    assert error.status == 502
    assert error.counts == {"attempts": 1}  # type: ignore[attr-defined]


def test_a_cycle_of_causes_ends() -> None:
    first, second = RuntimeError(TOKEN), RuntimeError(TOKEN)
    first.__context__, second.__context__ = second, first

    redact_error(first, TOKEN)

    assert first.args == second.args == ("[redacted]",)
