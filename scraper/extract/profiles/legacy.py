"""Old ASP.NET and PHP sites: table layouts, font tags, server-control ids."""

from __future__ import annotations

import re

from .. import generic
from ..locate import Located
from ..page import Page
from .base import Layout, Profile


class Legacy(Profile):
    name = "legacy"
    markers = ("span[id$='lblContent']", "span[id$='lblNoiDung']", "td.noidung", "div.noidung", "td.tieude")
    url_pattern = re.compile(r"\.(?:asp|php)\?.*(?:id|act|ID)=", re.I)
    layouts = (
        Layout(
            version="aspnet",
            title=("[id$='lblTitle']", "[id$='lblTieuDe']", "[id$='lblTieude']"),
            content=("[id$='lblContent']", "[id$='lblNoiDung']", "[id$='lblNoidung']"),
            lead=("[id$='lblSummary']", "[id$='lblTomTat']", "[id$='lblTrichYeu']"),
            date=("[id$='lblDate']", "[id$='lblNgay']", "[id$='lblNgayDang']"),
            author=("[id$='lblAuthor']", "[id$='lblTacGia']"),
        ),
        Layout(
            version="php",
            title=(".tieude", ".title_news", ".news_title", "td.title"),
            content=(".noidung", ".chitiet", ".news_content", "td.content"),
            lead=(".tomtat", ".trichyeu", ".news_summary"),
            date=(".ngaydang", ".ngay", ".news_date", ".date"),
        ),
    )

    def detect(self, page: Page) -> bool:
        return super().detect(page) or _table_laid_out(page)

    def locate(self, page: Page) -> Located | None:
        """The server-control layouts, else (on a table-laid-out page) the
        generic content finder, which reads <br><br> paragraphs and
        unmarked title, date and breadcrumb rows."""
        located = super().locate(page)
        if located is None and self.detect(page):
            located = generic.locate(page)
            if located is not None:
                located.extractor = f"{self.name}/tables"
        return located


def _table_laid_out(page: Page) -> bool:
    """Layout by nested tables and <font> tags, the mark of a 2000s site."""
    return len(page.root.xpath("(//font)[position() <= 5]")) == 5 and bool(page.root.xpath("//table//table"))
