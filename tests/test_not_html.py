"""Binary garbage served as text/html is not a page; every real page is one,
whatever its charset (windows-1258, UTF-8 with or without a BOM, UTF-16)."""

from __future__ import annotations

import codecs
import os
import random
from pathlib import Path

import pytest

from scraper.extract import extract, looks_like_html
from scraper.extract.decoding import decode_html

PAGES = sorted((Path(__file__).parent / "fixtures").glob("*/*.html"))
URL = "https://sonla.gov.vn/tin-tuc/bai-viet.html"
UTF16 = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}


def garbage(seed: int, size: int = 300_000) -> bytes:
    return random.Random(seed).randbytes(size)


def with_markup(data: bytes, markup: bytes, at: float) -> bytes:
    """``markup`` put inside ``data`` at fraction ``at`` of its length."""
    cut = int(len(data) * at)
    return data[:cut] + markup + data[cut:]


def test_random_bytes_are_not_html():
    assert not looks_like_html(os.urandom(300_000))
    for seed in range(20):
        assert not looks_like_html(garbage(seed)), seed


@pytest.mark.parametrize("markup", [b"<p", b"<p>", b"<html><body><p>Tin t\xe1\xbb\xa9c</p>", b"<!DOCTYPE html><html><head>"])
@pytest.mark.parametrize("at", [0.0, 0.001, 0.5])
def test_random_bytes_with_stray_markup_are_not_html(markup, at):
    for seed in range(10):
        assert not looks_like_html(with_markup(garbage(seed, 20_000), markup, at)), seed


def test_random_bytes_behind_a_utf16_mark_are_not_html():
    for seed in range(10):
        for encoding, bom in UTF16.items():
            data = with_markup(garbage(seed, 20_000), "<html><body><p>".encode(encoding), 0.001)
            assert not looks_like_html(bom + data), (seed, encoding)


def test_random_text_is_not_html():
    """Bytes someone decoded already (as latin-1, or UTF-8 with replacements)."""
    for seed in range(10):
        data = with_markup(garbage(seed, 20_000), b"<p>", 0.01)
        assert not looks_like_html(data.decode("latin-1"))
        assert not looks_like_html(data.decode("utf-8", errors="replace"))


def test_garbage_extracts_to_nothing():
    article = extract(with_markup(garbage(1), b"<html><body><h1>Tin</h1><p>", 0.0), URL)
    assert not article.is_article and article.extractor == "not-html"
    assert not article.title and not article.body


@pytest.mark.parametrize("page", PAGES, ids=[f"{p.parent.name}/{p.stem}" for p in PAGES])
def test_every_fixture_page_is_html_in_any_encoding(page):
    data = page.read_bytes()
    text = decode_html(data)
    assert looks_like_html(data)
    assert looks_like_html(text)
    assert looks_like_html(codecs.BOM_UTF8 + text.encode("utf-8"))
    original = extract(data, URL).to_dict()
    for encoding, bom in UTF16.items():
        assert looks_like_html(bom + text.encode(encoding)), encoding
        assert extract(bom + text.encode(encoding), URL).to_dict() == original, encoding


def test_a_few_control_characters_do_not_make_a_page_binary():
    """Word pastes vertical tabs, old editors leave a NUL or a ^Z."""
    page = PAGES[0].read_bytes()
    assert looks_like_html(page.replace(b"</p>", b"\x0b</p>", 20) + b"\x1a\x00")


ARTICLE = ("<h1>Hội nghị chuyển đổi số năm 2024</h1><div class='content'>"
           + "<p>Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai nhiệm vụ chuyển đổi số năm 2024, với sự tham dự "
             "của lãnh đạo các sở, ngành, địa phương trên địa bàn tỉnh.</p>" * 4 + "</div>")


@pytest.mark.parametrize("as_text", [False, True])
def test_an_xhtml_page_with_an_xml_declaration_is_a_page(as_text):
    """lxml refuses decoded text that declares its encoding: the declaration goes, the page stays."""
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml" lang="vi">'
            f'<head><title>Hội nghị chuyển đổi số năm 2024</title></head><body>{ARTICLE}</body></html>')
    article = extract(page if as_text else page.encode(), URL)
    assert article.is_article and article.title == "Hội nghị chuyển đổi số năm 2024"


@pytest.mark.parametrize("opening", [
    "<style>\n" + ".grid-item { opacity: 1; transition-duration: 0.4s; }\n" * 120 + "</style>\n",
    '<br />\n<b>Deprecated</b>:  Assigning the return value of new by reference is deprecated in '
    '<b>/www/htdocs/wp-settings.php</b> on line <b>520</b><br />\n' * 40,
])
def test_a_page_opening_with_more_than_4_kb_of_something_else_is_a_page(opening):
    """A long inline stylesheet, or a PHP warning per line, before the document's first tag."""
    page = (opening + f"<!DOCTYPE html><html lang='vi'><head><title>Hội nghị chuyển đổi số năm 2024</title></head>"
            f"<body>{ARTICLE}</body></html>").encode()
    assert len(opening) > 4096
    assert looks_like_html(page)
    assert extract(page, URL).is_article
