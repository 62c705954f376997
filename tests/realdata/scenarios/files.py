"""Scenarios for ``files``: one upload read back, listed and deleted."""

from __future__ import annotations

from tests.realdata.calls import Call, Scenario

FILE_ID = "NGZiNmY2YzQtMThhZi00ZjcyLWFhZjktODg4NTY0NWNlMDEy"
LISTED_FILES = [
    "M2Q1N2Q1ZjQtYWY0Mi00NzhiLTk5YTktNzMzMTc2MzcyMTcy",
    "MDU5MTI1ZDItOGRjYi00ZThlLWIwYWMtNmU1MTIyZmJlYjM1",
    "MDUwMjlkYzAtM2IzMS00ZTBiLTg1ZjQtZjFmYmMwZWIxNDhk",
]

SCENARIOS: dict[str, Scenario] = {
    "rpy-files": Scenario(
        (
            Call(
                "files.create",
                (b"",),
                {"filename": "test_fileo20o3wth.txt", "content_type": "text/plain"},
                expect={
                    "id": FILE_ID,
                    "size": 0,
                    "content_type": "text/plain",
                    "urls.get": f"https://api.replicate.com/v1/files/{FILE_ID}",
                },
            ),
            Call("files.get", (FILE_ID,), expect={"id": FILE_ID, "size": 0}),
            Call("files.list", expect={"len": 3, "0.id": LISTED_FILES[0], "2.id": LISTED_FILES[2]}),
            Call("files.delete", (FILE_ID,), expect={"": None}),
            Call("files.list", expect={"len": 3, "1.id": LISTED_FILES[1]}),
        )
    ),
}
