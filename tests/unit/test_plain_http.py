"""Which hosts plain http may reach without the opt-in, and how the opt-in is read (pure)."""

from __future__ import annotations

import re

import pytest
from replicate_typed._plain_http import (
    ALLOW_VARIABLE,
    allowed_by_environment,
    check_plain_http,
    is_loopback,
)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("LOCALHOST", True),
        ("127.0.0.1", True),
        ("127.255.0.9", True),
        ("::1", True),
        ("[::1]", True),
        ("::ffff:127.0.0.1", True),
        ("0.0.0.0", False),
        ("10.0.0.1", False),
        ("::ffff:10.0.0.1", False),
        ("128.0.0.1", False),
        ("localhost.example.com", False),
        ("api.replicate.com", False),
        ("", False),
    ],
)
def test_loopback_is_localhost_127_0_0_0_8_and_ipv6_1(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


@pytest.mark.parametrize(
    ("value", "allowed"),
    [("1", True), ("true", True), (" TRUE ", True), ("0", False), ("false", False), ("", False)],
)
def test_the_environment_opt_in(monkeypatch: pytest.MonkeyPatch, value: str, allowed: bool) -> None:
    monkeypatch.setenv(ALLOW_VARIABLE, value)

    assert allowed_by_environment() is allowed


def test_no_environment_variable_is_no_opt_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ALLOW_VARIABLE, raising=False)

    assert allowed_by_environment() is False


def test_https_and_the_opt_in_pass_and_the_message_says_what_would_leak() -> None:
    check_plain_http("https://x.example", "https", "x.example", allowed=False, what="it")
    check_plain_http("http://x.example", "HTTP", "x.example", allowed=True, what="it")

    leak = re.escape("'HTTP://x.example': the secret sauce would cross")
    with pytest.raises(ValueError, match=leak):
        check_plain_http(
            "HTTP://x.example", "HTTP", "x.example", allowed=False, what="the secret sauce"
        )
