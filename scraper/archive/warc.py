"""Export captures as standard WARC (ISO 28500) for other archiving tools."""

from __future__ import annotations

import io
import os
from http import HTTPStatus
from typing import BinaryIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .captures import all_captures
from .store import open_archive


def write_warc(db_path: str, stream: BinaryIO, site: str | None = None, gzip: bool = True) -> int:
    """Write every capture (every distinct content of every URL) to ``stream``, each record gzipped or not."""
    db = open_archive(db_path)
    count = 0
    name = getattr(stream, "name", None)
    try:
        writer = WARCWriter(stream, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(
            os.path.basename(name) if isinstance(name, str) and not name.startswith("<") else None,
            {"software": "govnews", "format": "WARC File Format 1.1", "description": "govnews captures"}
        ))
        for capture in all_captures(db, site=site):
            headers = [(field, value) for field, value in (
                ("Content-Type", capture.content_type),
                ("Last-Modified", capture.last_modified),
                ("ETag", capture.etag),
                ("Content-Length", str(len(capture.body))),
            ) if value]
            reason = HTTPStatus(capture.status).phrase if capture.status in HTTPStatus._value2member_map_ else ""
            record = writer.create_warc_record(
                capture.url, "response", payload=io.BytesIO(capture.body),
                http_headers=StatusAndHeaders(f"{capture.status} {reason}", headers, protocol="HTTP/1.1"),
                warc_headers_dict={"WARC-Date": capture.fetched_at.replace("+00:00", "Z")},
            )
            writer.write_record(record)
            count += 1
    finally:
        db.close()
    stream.flush()
    return count
