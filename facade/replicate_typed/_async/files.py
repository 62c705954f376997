"""The Files API and output files (AsyncFiles, AsyncFileOutput).

scripts/unasync writes ``_sync/files.py`` (``Files``, ``FileOutput``) from this
file; edit this one.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import IO, Any

import httpx
from replicate_api.api.files import files_delete, files_download, files_get, files_list
from replicate_api.models.file_page import FilePage
from replicate_api.models.file_resource import FileResource

from replicate_typed._async.pager import AsyncPager
from replicate_typed._async.resource import AsyncResource
from replicate_typed._async.runner import AsyncRunner
from replicate_typed._download import Download
from replicate_typed._effects import Send
from replicate_typed._inputs import describe
from replicate_typed._kinds import check_id
from replicate_typed._outputs import decode_data_uri, filename_of
from replicate_typed._saving import saving

#: Bytes read per chunk when streaming a download.
CHUNK_SIZE = 64 * 1024


class AsyncFileOutput(str):
    """A file a model produced: the URL itself (it is a ``str``), plus ways to fetch it.

    Downloads stream, follow redirects, resume with ``Range`` (and
    ``If-Range``) when the connection drops, check what the server sends
    against what it sent before (see ``_download``), and never carry the API
    token to a host other than the API's. Output files on replicate.delivery
    are deleted an hour after the prediction finishes: fetch or save them soon.
    """

    _runner: AsyncRunner

    def __new__(cls, url: str, runner: AsyncRunner) -> AsyncFileOutput:
        output = super().__new__(cls, url)
        output._runner = runner
        return output

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"

    @property
    def url(self) -> str:
        """The URL, as a plain ``str``."""
        return str(self)

    @property
    def filename(self) -> str:
        """The name ``save`` gives the file in a directory: the URL's last segment, made safe.

        Safe under POSIX and Windows rules alike: no path separators, drive
        letters, streams, device names, control or bidi characters, no
        leading dot, at most 255 bytes. "output" when the URL has no usable
        segment; a data URI gets "output" and its type's extension ("output.png").
        """
        return filename_of(self)

    async def read(self) -> bytes:
        """The whole file in memory; for large files prefer ``save`` or ``iter_bytes``."""
        chunks: list[bytes] = []
        async for chunk in self.iter_bytes():
            chunks.append(chunk)
        return b"".join(chunks)

    async def iter_bytes(self, chunk_size: int = CHUNK_SIZE) -> AsyncIterator[bytes]:
        """The file's bytes as they arrive, ``chunk_size`` at a time."""
        if self.startswith("data:"):
            yield decode_data_uri(self)
            return
        runner, core = self._runner, self._runner.core
        download = Download(str(self))
        attempts = core.attempts(repeatable=True)
        while True:
            response = await runner.perform(core.send(download.request(), attempts))
            dropped: httpx.RequestError | None = None
            try:
                download.accept(response)
                async for chunk in response.aiter_bytes(chunk_size):
                    if fresh := download.take(chunk):
                        yield fresh
            except httpx.RequestError as exc:
                dropped = exc
            finally:
                await response.aclose()
            unfinished = download.ended(dropped)
            if unfinished is None:
                return
            await runner.perform(download.dropped(unfinished, attempts))

    async def save(self, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """Stream the file to ``path`` in constant memory; return the path it was saved to.

        Into a directory, the file gets ``filename``, or the next free name
        when that is taken ("out.png", then "out-1.png", ...): saving never
        replaces a file there. To a file path that exists it raises
        ``FileExistsError`` before downloading. ``overwrite=True`` replaces
        the file at the target instead. The bytes go to a temporary file
        beside the target, created exclusively (never through a link planted
        at its name) and given its name once complete, so a failed download
        never leaves a partial file. A path with a NUL character is a
        ValueError.
        """
        with saving(path, self.filename, overwrite=overwrite) as out:
            async for chunk in self.iter_bytes():
                out.write(chunk)
            return out.finish()


class AsyncFiles(AsyncResource):
    """The Files API: upload, look up, list, delete and download files."""

    async def create(
        self,
        file: Path | bytes | IO[bytes],
        *,
        filename: str | None = None,
        content_type: str | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> FileResource:
        """Upload a file (multipart); name and type default to the file's own.

        Never sent again once it may have arrived, so a file is never stored
        twice: the error then says ``may_exist``.
        """
        local = describe(file, filename=filename, content_type=content_type)
        return await self._runner.perform(self._runner.core.upload(local, metadata))

    async def get(self, file_id: str) -> FileResource:
        """A file's record by id."""
        return await self._fetch(
            Send("files.get", files_get.request_args(check_id(file_id))), FileResource
        )

    def list(self) -> AsyncPager[FileResource]:
        """Every file you uploaded, newest first."""
        return self._pager(Send("files.list", files_list.request_args()), FilePage)

    async def delete(self, file_id: str) -> None:
        """Delete a file."""
        await self._delete(Send("files.delete", files_delete.request_args(check_id(file_id))))

    def download(self, file_id: str, *, owner: str, expiry: int, signature: str) -> AsyncFileOutput:
        """A file's content through a signed download link, as an output file to read or save."""
        kwargs = files_download.request_args(
            check_id(file_id), owner=owner, expiry=expiry, signature=signature
        )
        return AsyncFileOutput(self._runner.core.absolute(kwargs), self._runner)

    def output(self, url: str) -> AsyncFileOutput:
        """A file URL a model returned, as an output file to read or save.

        ``run()`` already returns these; this is for URLs read from a
        prediction's ``output`` (``file_output=False``, ``predictions.get``).
        """
        if not isinstance(url, str) or not url:
            raise ValueError(f"url must be a non-empty string, got {url!r}")
        return AsyncFileOutput(url, self._runner)
