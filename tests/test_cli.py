"""The command line's rough edges: site names, WARC output, unknown platforms and archives, a busy port, the log on a terminal."""

from __future__ import annotations

import gzip
import io
import os
import pty
import socket
import subprocess
import time

from warcio.archiveiterator import ArchiveIterator

from .conftest import GOVNEWS, ROOT, copy_archive, govnews


def warc_uris(data: bytes) -> list[str]:
    return [record.rec_headers.get_header("WARC-Target-URI")
            for record in ArchiveIterator(io.BytesIO(data)) if record.rec_type == "response"]


def test_site_is_a_registry_key_or_a_domain_for_export_warc_and_reextract(archive, tmp_path):
    db = copy_archive(archive, tmp_path / "archive.db")
    for name in ("demo-vnportal", "sonla-demo.gov.vn"):
        result = govnews("export-warc", str(tmp_path / f"{name}.warc.gz"), "--db", str(db), "--site", name)
        assert result.returncode == 0, result.stderr
        result = govnews("reextract", "--db", str(db), "--site", name)
        assert result.returncode == 0, result.stderr
    assert (tmp_path / "demo-vnportal.warc.gz").read_bytes()[:2] == b"\x1f\x8b"
    assert len(warc_uris((tmp_path / "demo-vnportal.warc.gz").read_bytes())) == len(
        warc_uris((tmp_path / "sonla-demo.gov.vn.warc.gz").read_bytes())) > 0
    result = govnews("export-warc", str(tmp_path / "x.warc"), "--db", str(db), "--site", "nowhere.gov.vn")
    assert result.returncode == 1 and "unknown site 'nowhere.gov.vn'" in result.stderr


def test_export_warc_to_stdout_and_gzip_only_for_gz(archive, tmp_path):
    result = subprocess.run([*GOVNEWS, "export-warc", "-", "--db", str(archive)], cwd=tmp_path, capture_output=True,
                            timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "-").exists()
    assert result.stdout.startswith(b"WARC/1.") and warc_uris(result.stdout)
    for name in ("out.warc", "out.warc.gz"):
        assert govnews("export-warc", str(tmp_path / name), "--db", str(archive)).returncode == 0
    plain, packed = (tmp_path / "out.warc").read_bytes(), (tmp_path / "out.warc.gz").read_bytes()
    assert plain.startswith(b"WARC/1.") and gzip.decompress(packed).startswith(b"WARC/1.")
    assert warc_uris(plain) == warc_uris(packed) == warc_uris(result.stdout)


def test_unknown_platform_and_unknown_archive_are_errors(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><h1>Tin</h1><p>Nội dung.</p></body></html>", encoding="utf-8")
    result = govnews("extract", str(page), "--url", "https://sonla.gov.vn/a", "--platform", "foo")
    assert result.returncode == 2
    assert "unknown platform 'foo'" in result.stderr and "vnportal" in result.stderr
    result = govnews("sites", "--db", str(tmp_path / "typo.db"))
    assert result.returncode == 1 and f"no archive at {tmp_path / 'typo.db'}" in result.stderr
    assert not (tmp_path / "typo.db").exists()


def test_demo_with_its_port_busy_fails_before_crawling(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        started = time.monotonic()
        result = govnews("demo", "--db", str(tmp_path / "archive.db"), "--port", str(port))
    assert result.returncode == 1
    assert f"cannot serve on port {port}" in result.stderr and "--port" in result.stderr
    assert "http://127.0.0.1" not in result.stderr and not (tmp_path / "archive.db").exists()
    assert time.monotonic() - started < 30


def crawl_on_a_terminal(portal, db, *settings: str) -> str:
    """Stderr of a crawl whose stderr is a terminal."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([*GOVNEWS, "crawl", "demo-vnportal", "--base-url", portal.base_url, "--db", str(db),
                                *settings], cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the crawl closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    assert process.wait(timeout=300) == 0, output.decode(errors="replace")
    return output.decode("utf-8", errors="replace")


def test_on_a_terminal_the_crawl_shows_its_progress_not_scrapys_log(portal, tmp_path):
    quiet = crawl_on_a_terminal(portal, tmp_path / "archive.db")
    assert " INFO: " not in quiet
    assert "demo-vnportal: ok;" in quiet and quiet.count("\n") < 5  # the live line is rewritten with \r
    assert " INFO: " in crawl_on_a_terminal(portal, tmp_path / "archive.db", "-s", "LOG_LEVEL=INFO")
