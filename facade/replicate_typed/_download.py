"""Downloading an output file across dropped connections, without losing, repeating or mixing bytes.

No I/O here: ``Download`` says which request to send, checks each response
against what came before, trims what a restarted response repeats, and asks
the request's ``Attempts`` whether to try again: a cut counts against the
same budget as the retries of each resumed GET, so a download is sent at
most ``1 + max_retries`` times (see ``_retry``).

When a connection dies mid-body (or a body ends short of the length its
headers declared) the next request asks for the rest with ``Range``, and with
``If-Range`` carrying the file's validator (its strong ETag, else its
Last-Modified; without either, ``Range`` alone), so a file that changed comes
back whole instead of as a piece of the new one. What comes back is checked:

- a 206 must be identity-encoded and its ``Content-Range`` must start at the
  first byte not delivered yet;
- a 200 is the whole file again (the server ignored ``Range``, or the file
  changed): the bytes already delivered are skipped, unless its ETag (or
  Last-Modified) differs from the first response's, which means the file
  changed and the bytes delivered so far belong to the old one;
- a ``Content-Encoding`` such as gzip makes ranges count encoded bytes while
  the download counts decoded ones, so such a body is never resumed: the next
  request asks for all of it, and the bytes already delivered are skipped;
- the length the server declared (``Content-Length`` of an identity body, the
  total of ``Content-Range``) must not change, and no body may run past it.

A failed check raises InvalidResponseError naming the header; it is not
retried, since the bytes already delivered cannot be taken back.
"""

from __future__ import annotations

import re

import httpx

from replicate_typed._core import connection_error
from replicate_typed._effects import Flow, Send, Sleep
from replicate_typed._errors import InvalidResponseError
from replicate_typed._retry import Attempts

OPERATION = "output.download"
_CONTENT_RANGE = re.compile(r"bytes ([0-9]+)-([0-9]+)/([0-9]+|\*)")
_LENGTH = re.compile(r"[0-9]+")


class Download:
    """The bookkeeping of one download: bytes delivered, and what the server said about the file."""

    def __init__(self, url: str) -> None:
        self.url = url
        #: Bytes handed to the caller so far: the offset to resume from.
        self.delivered = 0
        #: The file's length, once a response declared it.
        self.total: int | None = None
        self._skip = 0
        #: Where the current body must end: its range's end, else the file's length.
        self._end: int | None = None
        #: Whether the last body was sent as it is (no Content-Encoding): only then is Range usable.
        self._identity = True
        self._etag: str | None = None
        self._last_modified: str | None = None
        self._status = 200

    def request(self) -> Send:
        """The GET for the bytes not delivered yet (all of them after an encoded body)."""
        headers: dict[str, str] = {}
        if self.delivered and self._identity:
            headers["Range"] = f"bytes={self.delivered}-"
            validator = self._etag if self._etag and not self._etag.startswith("W/") else None
            if validator := validator or self._last_modified:
                headers["If-Range"] = validator
        return Send(
            OPERATION,
            {"method": "GET", "url": self.url, "headers": headers},
            stream=True,
            follow_redirects=True,
        )

    def accept(self, response: httpx.Response) -> None:
        """Check a 2xx response against what came before; note where its body starts and ends.

        Raises InvalidResponseError when its bytes cannot continue the download.
        """
        self._status = response.status_code
        headers = response.headers
        identity = headers.get("Content-Encoding", "identity").strip().lower() in ("", "identity")
        self._same_file(headers.get("ETag"), headers.get("Last-Modified"))
        if response.status_code == 206:
            end, total = self._content_range(headers.get("Content-Range"), identity)
            self._skip, self._end = 0, end + 1
        else:  # the whole file, from its first byte
            length = headers.get("Content-Length", "").strip()
            total = int(length) if identity and _LENGTH.fullmatch(length) else None
            self._skip, self._end = self.delivered, total
        if total is not None:
            if self.total is not None and total != self.total:
                raise self._invalid(f"the file's length changed from {self.total} to {total} bytes")
            self.total = total
        self._identity = identity

    def take(self, chunk: bytes) -> bytes:
        """The part of ``chunk`` not delivered before (all of it, unless starting over).

        Raises InvalidResponseError when the body runs past its declared end.
        """
        if self._skip:
            dropped = min(self._skip, len(chunk))
            self._skip -= dropped
            chunk = chunk[dropped:]
        self.delivered += len(chunk)
        if self._end is not None and self.delivered > self._end:
            raise self._invalid(f"the body ran past the {self._end} bytes its headers declared")
        return chunk

    def ended(
        self, error: httpx.RequestError | None
    ) -> httpx.RequestError | InvalidResponseError | None:
        """Why the download is unfinished now that a body ended (``error``: it dropped), or None.

        Done means every declared byte arrived (a drop after the last one
        changes nothing), or the body ended cleanly with no length declared.
        A body that ended cleanly short of its declared length is unfinished
        like a dropped one, and is resumed the same way.
        """
        end = self.total if self.total is not None else self._end
        if end is not None and self.delivered == end:
            return None
        if error is not None or end is None:
            return error
        return self._invalid(
            f"the body ended after {self.delivered} of the {end} bytes its headers declared",
            unreadable=True,
        )

    def dropped(
        self, failure: httpx.RequestError | InvalidResponseError, attempts: Attempts
    ) -> Flow[None]:
        """Pause before resuming a body that dropped or ended short (``ended``'s answer).

        Raises APIConnectionError for a dropped connection, or the
        InvalidResponseError itself, when ``attempts`` (the download's, shared
        with ``Core.send``) allows no more sends.
        """
        delay = attempts.retry(failure)
        if delay is None:
            if isinstance(failure, InvalidResponseError):
                raise failure
            raise connection_error(self.request(), failure) from failure
        yield Sleep(delay)

    def _same_file(self, etag: str | None, last_modified: str | None) -> None:
        """Raise if a validator shows this is another file than the bytes delivered came from."""
        if self.delivered:
            if self._etag and etag and _weak(etag) != _weak(self._etag):
                raise self._invalid(
                    f"the file changed during the download (ETag {self._etag} became {etag})"
                )
            if (
                not self._etag
                and self._last_modified
                and last_modified
                and last_modified != self._last_modified
            ):
                raise self._invalid(
                    f"the file changed during the download "
                    f"(Last-Modified {self._last_modified} became {last_modified})"
                )
        self._etag = etag or self._etag
        self._last_modified = last_modified or self._last_modified

    def _content_range(self, header: str | None, identity: bool) -> tuple[int, int | None]:
        """(last byte, total or None) of a 206 that continues the download."""
        match = _CONTENT_RANGE.fullmatch((header or "").strip())
        if match is None:
            raise self._invalid(f"a 206 without a usable Content-Range ({header!r})")
        start, end = int(match[1]), int(match[2])
        total = None if match[3] == "*" else int(match[3])
        if end < start or (total is not None and end >= total):
            raise self._invalid(f"a 206 with an impossible Content-Range {header!r}")
        if not identity:
            raise self._invalid("a 206 with a Content-Encoding: its ranges cannot be resumed")
        if start != self.delivered:
            raise self._invalid(
                f"a 206 whose Content-Range {header!r} does not start at byte "
                f"{self.delivered}, where the download stopped"
            )
        return end, total

    def _invalid(self, problem: str, *, unreadable: bool = False) -> InvalidResponseError:
        return InvalidResponseError(
            f"{OPERATION}: {problem}",
            status=self._status,
            operation=OPERATION,
            unreadable=unreadable,
        )


def _weak(etag: str) -> str:
    """An ETag for the weak comparison: two that differ only in ``W/`` are the same file."""
    return etag.removeprefix("W/")
