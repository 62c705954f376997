"""``FileOutput.save``: safe names, never over an existing file, never through a planted link.

Every test runs through both clients (see conftest.py).
"""

from __future__ import annotations

import base64
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import Replicate

DELIVERY = "https://replicate.delivery/xezq"


def _served(httpx_mock: HTTPXMock, url: str, content: bytes) -> str:
    httpx_mock.add_response(url=url, content=content)
    return url


def _tree(directory: Path) -> list[str]:
    """Every entry under ``directory`` (hidden ones too), relative, sorted."""
    return sorted(str(path.relative_to(directory)) for path in directory.rglob("*"))


@pytest.mark.parametrize(
    ("segment", "name"),
    [
        ("..%5C..%5Cx.dll", "x.dll"),
        ("C:%5CWindows%5Cevil.dll", "evil.dll"),
        ("a.txt:stream", "a.txt_stream"),
        ("nul.txt", "_nul.txt"),
        (".bashrc", "bashrc"),
        ("%E2%80%AEgnp.exe", "_gnp.exe"),
    ],
)
def test_a_hostile_url_is_saved_inside_the_directory_under_a_safe_name(
    replicate: Replicate, httpx_mock: HTTPXMock, tmp_path: Path, segment: str, name: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    url = _served(httpx_mock, f"{DELIVERY}/{segment}", b"bytes")

    saved = replicate.files.output(url).save(out)

    assert saved == out / name
    assert saved.read_bytes() == b"bytes"
    assert _tree(tmp_path) == ["out", f"out/{name}"]


def test_saving_into_a_directory_never_overwrites_a_file(
    replicate: Replicate, httpx_mock: HTTPXMock, tmp_path: Path
) -> None:
    (tmp_path / "out-0.png").write_bytes(b"mine")
    first = _served(httpx_mock, f"{DELIVERY}/a/out-0.png", b"first")
    second = _served(httpx_mock, f"{DELIVERY}/b/out-0.png", b"second")
    text = "data:text/plain;base64," + base64.b64encode(b"hello").decode()
    uris = [text, "data:text/plain,again"]

    saved = [replicate.files.output(url).save(tmp_path) for url in (first, second, *uris)]

    assert [path.name for path in saved] == [
        "out-0-1.png",
        "out-0-2.png",
        "output.txt",
        "output-1.txt",
    ]
    assert [path.read_bytes() for path in saved] == [b"first", b"second", b"hello", b"again"]
    assert (tmp_path / "out-0.png").read_bytes() == b"mine"


def test_saving_over_an_existing_file_raises_before_any_request_unless_overwrite(
    replicate: Replicate, httpx_mock: HTTPXMock, tmp_path: Path
) -> None:
    target = tmp_path / "picture.png"
    target.write_bytes(b"mine")
    url = f"{DELIVERY}/out-0.png"

    with pytest.raises(FileExistsError, match="overwrite=True") as refused:
        replicate.files.output(url).save(target)
    assert refused.value.filename == str(target)
    assert httpx_mock.get_requests() == []
    assert target.read_bytes() == b"mine"

    _served(httpx_mock, url, b"new")
    assert replicate.files.output(url).save(target, overwrite=True) == target
    assert target.read_bytes() == b"new"
    assert _tree(tmp_path) == ["picture.png"]


class Racing(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body during which someone else writes ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __iter__(self) -> Iterator[bytes]:
        yield b"download, "
        self.path.write_bytes(b"theirs")
        yield b"done"

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self:
            yield chunk


def test_a_file_that_appears_at_the_target_during_the_download_is_kept(
    replicate: Replicate, httpx_mock: HTTPXMock, tmp_path: Path
) -> None:
    target = tmp_path / "picture.png"
    httpx_mock.add_response(url=f"{DELIVERY}/out.png", stream=Racing(target))

    with pytest.raises(FileExistsError, match="overwrite=True"):
        replicate.files.output(f"{DELIVERY}/out.png").save(target)

    assert target.read_bytes() == b"theirs"
    assert _tree(tmp_path) == ["picture.png"]


def test_overwrite_into_a_directory_replaces_the_file_of_that_name(
    replicate: Replicate, httpx_mock: HTTPXMock, tmp_path: Path
) -> None:
    (tmp_path / "out-0.png").write_bytes(b"old")
    url = _served(httpx_mock, f"{DELIVERY}/out-0.png", b"new")

    assert replicate.files.output(url).save(tmp_path, overwrite=True) == tmp_path / "out-0.png"
    assert (tmp_path / "out-0.png").read_bytes() == b"new"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_planted_link_at_the_temporary_name_is_never_followed(
    replicate: Replicate, httpx_mock: HTTPXMock, tmp_path: Path
) -> None:
    shared, elsewhere = tmp_path / "shared", tmp_path / "elsewhere"
    shared.mkdir()
    elsewhere.mkdir()
    victim = elsewhere / "victim"
    victim.write_bytes(b"precious")
    (shared / ".out.png.part").symlink_to(victim)
    (shared / ".out-1.png.part").symlink_to(elsewhere / "dangling")
    url = _served(httpx_mock, f"{DELIVERY}/out.png", b"download")

    saved = replicate.files.output(url).save(shared / "out.png")

    assert saved == shared / "out.png"
    assert saved.read_bytes() == b"download"
    assert not saved.is_symlink()
    assert victim.read_bytes() == b"precious"
    assert _tree(elsewhere) == ["victim"]
    # The planted links are left as they were: the save used the next free temporary name.
    assert _tree(shared) == [".out-1.png.part", ".out.png.part", "out.png"]


def test_a_name_of_250_characters_saves(
    replicate: Replicate, httpx_mock: HTTPXMock, tmp_path: Path
) -> None:
    name = "n" * 246 + ".bin"
    url = _served(httpx_mock, f"{DELIVERY}/{name}", b"long")

    saved = replicate.files.output(url).save(tmp_path)

    assert saved == tmp_path / name
    assert saved.read_bytes() == b"long"
    assert _tree(tmp_path) == [name]


def test_a_nul_in_the_path_is_refused_before_any_request(
    replicate: Replicate, httpx_mock: HTTPXMock, tmp_path: Path
) -> None:
    path = str(tmp_path / "a\x00b.png")

    with pytest.raises(ValueError, match=r"contains a NUL character") as refused:
        replicate.files.output(f"{DELIVERY}/out.png").save(path)

    assert repr(path) in str(refused.value)
    assert httpx_mock.get_requests() == []


def test_without_hard_links_a_save_still_never_overwrites(
    replicate: Replicate, httpx_mock: HTTPXMock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(source: object, target: object) -> None:
        raise PermissionError(1, "Operation not permitted")  # what FAT says

    monkeypatch.setattr(os, "link", no_links)
    (tmp_path / "out.png").write_bytes(b"mine")
    url = _served(httpx_mock, f"{DELIVERY}/out.png", b"download")

    saved = replicate.files.output(url).save(tmp_path)

    assert saved == tmp_path / "out-1.png"
    assert saved.read_bytes() == b"download"
    assert (tmp_path / "out.png").read_bytes() == b"mine"
    assert _tree(tmp_path) == ["out-1.png", "out.png"]
