"""Closing lines of an article: which are its author, which its source, and
which are ordinary body text that must stay."""

from __future__ import annotations

import pytest

from scraper.extract.blocks import Block
from scraper.extract.cleaning import assemble

BODY = Block(kind="p", text="Hội nghị đã thống nhất các giải pháp trọng tâm cho năm 2024, giao các sở, ngành triển khai.")


@pytest.mark.parametrize("line, bold, right, author, source", [
    ("Quốc Tuấn", False, False, "Quốc Tuấn", ""),
    ("Tin, ảnh: Minh Anh", False, False, "Minh Anh", ""),
    ("Nguyễn Văn Hùng - Văn phòng HĐND-UBND huyện", False, True, "Nguyễn Văn Hùng - Văn phòng HĐND-UBND huyện", ""),
    ("Hồng Nhung (Trung tâm VH-TT)", False, True, "Hồng Nhung (Trung tâm VH-TT)", ""),
    ("PV", False, False, "PV", ""),
    ("Thu Hà.", True, False, "Thu Hà", ""),
    ("Theo baochinhphu.vn", False, False, "", "baochinhphu.vn"),
    ("Nguồn: TTXVN", False, False, "", "TTXVN"),
])
def test_closing_line(line, bold, right, author, source):
    parts = assemble([BODY, Block(kind="p", text=line, bold=bold, right=right)])
    assert (parts.author, parts.source) == (author, source)
    assert parts.paragraphs == [BODY.text]


@pytest.mark.parametrize("line", [
    "Hôm nay, tất cả các xã đã hoàn thành kế hoạch.",
    "Trong tuần, huyện sẽ tổ chức kiểm tra.",
    "Đề nghị các đơn vị thực hiện nghiêm túc.",
])
def test_body_sentences_are_not_authors(line):
    parts = assemble([BODY, Block(kind="p", text=line)])
    assert parts.author == "" and parts.paragraphs == [BODY.text, line]


def test_author_then_source_at_the_end():
    parts = assemble([BODY, Block(kind="p", text="PV", right=True), Block(kind="p", text="Theo baotinh.vn")])
    assert (parts.author, parts.source, parts.paragraphs) == ("PV", "baotinh.vn", [BODY.text])


@pytest.mark.parametrize("line, source", [
    ("Theo Báo Hà Tĩnh", "Báo Hà Tĩnh"),
    ("Theo Đài PT-TH tỉnh", "Đài PT-TH tỉnh"),
    ("(Theo Nhân Dân)", "Nhân Dân"),
])
def test_theo_lines_name_a_source_never_an_author(line, source):
    parts = assemble([BODY, Block(kind="p", text=line, bold=True, right=True)])
    assert (parts.author, parts.source, parts.paragraphs) == ("", source, [BODY.text])


def test_theo_sentence_stays_in_the_body():
    line = "Theo kế hoạch, các xã hoàn thành trước ngày 30/6."
    parts = assemble([BODY, Block(kind="p", text=line)])
    assert parts.source == "" and parts.paragraphs == [BODY.text, line]
