"""Bad input: one clear line on stderr, a non-zero exit, the archive untouched."""

from __future__ import annotations

import hashlib

import pytest

from .conftest import copy_archive, free_port, govnews


@pytest.fixture
def existing_archive(archive, tmp_path):
    """A copy of a real archive, with its digest, to prove it stays intact."""
    copy = tmp_path / "archive.db"
    copy_archive(archive, copy)
    return copy, hashlib.sha256(copy.read_bytes()).hexdigest()


def assert_one_line_error(result, *fragments):
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("govnews: error: ")
    for fragment in fragments:
        assert fragment in lines[0]


def assert_intact(existing):
    path, digest = existing
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_unreachable_base_url(existing_archive):
    base_url = f"http://127.0.0.1:{free_port()}"
    result = govnews("crawl", "demo-vnportal", "--base-url", base_url, "--db", str(existing_archive[0]))
    assert_one_line_error(result, "cannot reach", base_url)
    assert_intact(existing_archive)


def test_unknown_site(existing_archive):
    result = govnews("crawl", "atlantis", "--db", str(existing_archive[0]))
    assert_one_line_error(result, "unknown site 'atlantis'", "sonla")
    assert_intact(existing_archive)


def test_missing_db_folder(tmp_path, portal):
    result = govnews("crawl", "demo-vnportal", "--base-url", portal.base_url, "--db", str(tmp_path / "nowhere" / "archive.db"))
    assert_one_line_error(result, "does not exist")
    assert not (tmp_path / "nowhere").exists()


def test_unwritable_db_folder(portal):
    result = govnews("crawl", "demo-vnportal", "--base-url", portal.base_url, "--db", "/sys/archive.db")
    assert_one_line_error(result, "not writable")


def test_extract_non_html_file(tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n")
    result = govnews("extract", str(pdf), "--url", "https://sonla.gov.vn/report.pdf")
    assert_one_line_error(result, "not an HTML page")


def test_extract_missing_file(tmp_path):
    result = govnews("extract", str(tmp_path / "missing.html"), "--url", "https://sonla.gov.vn/x")
    assert result.returncode != 0
    assert "missing.html" in result.stderr


def test_corrupt_archive_is_refused_and_kept(tmp_path, portal):
    db = tmp_path / "archive.db"
    db.write_bytes(b"this is not a database" * 100)
    before = db.read_bytes()
    result = govnews("crawl", "demo-vnportal", "--base-url", portal.base_url, "--db", str(db), "-s", "LOG_LEVEL=WARNING")
    assert_one_line_error(result, "not a usable archive")
    assert db.read_bytes() == before
