"""Old ASP.NET and PHP sites: table layouts, font tags, server-control ids."""

from __future__ import annotations

import re

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
