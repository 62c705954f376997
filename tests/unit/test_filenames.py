"""File names for output files, derived from hostile URLs (``_filenames``, ``_outputs``).

A name must stay one plain file inside the target directory under POSIX and
Windows rules alike. ``is_safe_everywhere`` states those rules independently
of the code under test, and every name here (and every fuzzed one) must pass.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from replicate_typed._filenames import NAME_MAX, numbered, partial_name
from replicate_typed._outputs import filename_of

#: Characters Windows refuses in a name (besides controls), ":" being drive and stream syntax.
WINDOWS_FORBIDDEN = set('<>:"/\\|?*')
#: Names Windows maps to devices, whatever the extension ("nul.txt" too).
DEVICES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{port}{digit}" for port in ("COM", "LPT") for digit in "0123456789\u00b9\u00b2\u00b3"
}


def is_safe_everywhere(name: str) -> bool:
    """Whether ``name`` names one visible plain file in its directory on POSIX and Windows."""
    invisible = {"Cc", "Cf", "Cs", "Zl", "Zp"}
    return (
        0 < len(name.encode()) <= NAME_MAX
        and not WINDOWS_FORBIDDEN & set(name)
        and not any(unicodedata.category(char) in invisible for char in name)
        and not name.startswith((".", " "))
        and not name.endswith((".", " "))
        and name.partition(".")[0].rstrip(" ").upper() not in DEVICES
    )


HOSTILE = {
    # Windows path syntax inside one URL segment: only the last piece is kept.
    "..%5C..%5Cx.dll": "x.dll",
    "C:%5CWindows%5Cevil.dll": "evil.dll",
    "%5C%5Cserver%5Cshare": "share",
    "..%2F..%2Fetc%2Fpasswd": "passwd",
    "C:evil.dll": "C_evil.dll",
    "a.txt:stream": "a.txt_stream",
    'a<b>c"d|e%3Ff*g.png': "a_b_c_d_e_f_g.png",
    # Invisible and line-breaking characters.
    "a%0Ab.png": "a_b.png",
    "a%00b.png": "a_b.png",
    "a%09b%7F.png": "a_b_.png",
    "%E2%80%AEgnp.exe": "_gnp.exe",  # right-to-left override: shows as "exe.png"
    "a%E2%80%8Bb%E2%80%A8.png": "a_b_.png",  # zero-width space, line separator
    # Devices, whatever the case or extension.
    "CON": "_CON",
    "nul.txt": "_nul.txt",
    "Com1.tar.gz": "_Com1.tar.gz",
    "LPT%C2%B9": "_LPT\u00b9",
    "NUL%20.txt": "_NUL .txt",
    "conin$": "_conin$",
    # Hidden, dot-only and trailing-dot names.
    ".bashrc": "bashrc",
    "..": "output",
    "%2E%2E": "output",
    "...": "output",
    "a.txt.": "a.txt",
    "a.txt%20%20": "a.txt",
    "%20": "output",
    # Ordinary names pass unchanged.
    "out-0.png": "out-0.png",
    "caf%C3%A9%20au%20lait.webp": "caf\u00e9 au lait.webp",
}


@pytest.mark.parametrize(("segment", "expected"), HOSTILE.items(), ids=list(HOSTILE))
def test_a_hostile_last_segment_becomes_a_safe_name(segment: str, expected: str) -> None:
    name = filename_of(f"https://replicate.delivery/xezq/{segment}?download=1")

    assert name == expected
    assert is_safe_everywhere(name)


def test_a_long_name_is_cut_to_255_bytes_keeping_its_extension() -> None:
    assert filename_of("https://h/" + "x" * 300 + ".png") == "x" * 251 + ".png"
    accented = filename_of("https://h/" + quote("\u00e9" * 200) + ".png")
    assert accented == "\u00e9" * 125 + ".png"  # a 250-byte stem: no character is split
    assert is_safe_everywhere(accented)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://replicate.delivery/xezq/", "output"),
        ("https://replicate.delivery", "output"),
        ("https://[not-a-host/x.png", "output"),
        ("data:image/png;base64,iVBORw0KGgo=", "output.png"),
        ("data:text/plain,hello", "output.txt"),
        ("data:;base64,aGk=", "output"),
        ("data:../../evil;base64,aGk=", "output"),
    ],
)
def test_urls_without_a_usable_segment_and_data_uris_are_named_output(
    url: str, expected: str
) -> None:
    assert filename_of(url) == expected


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=300))
def test_any_segment_gives_a_name_safe_everywhere(segment: str) -> None:
    assert is_safe_everywhere(filename_of("https://h/x/" + quote(segment, safe="")))


@pytest.mark.parametrize(
    ("name", "number", "expected"),
    [
        ("out.png", 1, "out-1.png"),
        ("out", 12, "out-12"),
        ("archive.tar.gz", 2, "archive.tar-2.gz"),
        ("x" * 251 + ".png", 3, "x" * 249 + "-3.png"),
    ],
)
def test_numbered_names_stay_within_255_bytes(name: str, number: int, expected: str) -> None:
    assert numbered(name, number) == expected


def test_the_partial_name_of_a_255_byte_name_fits_too() -> None:
    assert partial_name("out.png", 0) == ".out.png.part"
    assert partial_name("out.png", 2) == ".out-2.png.part"
    long = "a" * 250
    assert partial_name(long, 0) == "." + "a" * 249 + ".part"
    assert len(partial_name(long + ".json", 0).encode()) == NAME_MAX
