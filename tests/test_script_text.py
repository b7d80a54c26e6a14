"""Script, style, template and noscript text never reaches any field, on
whatever path the page takes, while the text around them stays."""

from __future__ import annotations

import json

import pytest

from scraper.extract import extract

HIDDEN = {
    "script": "<script>alert(28)</script>",
    "style": "<style>.tieu-de { color: red }</style>",
    "template": "<template><p>Mẫu hiển thị {{ten}}</p></template>",
    "noscript": "<noscript>Trình duyệt cần bật JavaScript</noscript>",
}
LEAKS = ("alert(", "color: red", "Mẫu hiển thị", "bật JavaScript")
PARAGRAPH = ("Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai nhiệm vụ chuyển đổi số năm 2024, "
             "với sự tham dự của lãnh đạo các sở, ngành, địa phương trên địa bàn tỉnh.")
URL = "https://sonla.gov.vn/tin-tuc/hoi-nghi-chuyen-doi-so.html"


def page() -> bytes:
    """A vnPortal article with hidden-text elements inside every field."""
    s, c, t, n = HIDDEN["script"], HIDDEN["style"], HIDDEN["template"], HIDDEN["noscript"]
    ld = json.dumps({"@type": "NewsArticle", "datePublished": "2024-01-10T08:30:00+07:00"})
    return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Tiêu đề hội nghị chuyển đổi số</title><script type="application/ld+json">{ld}</script></head>
<body><div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/tin-tuc">Tin {s}tức{n}</a></div>
<div class="news-detail">
<h1 class="news-title">Tiêu đề{s} hội nghị {c}chuyển đổi số</h1>
<div class="news-sapo">Sáng nay,{t} tỉnh tổ chức hội nghị {n}triển khai nhiệm vụ chuyển đổi số năm 2024 với các sở, ngành.</div>
<div class="news-content">
<p>{PARAGRAPH}{s} Hội nghị kéo dài{c} một buổi.</p>
<p><img src="/uploads/hoi-nghi.jpg" alt="Hội nghị"></p>
<p><em>Quang cảnh{s} hội nghị.{n}</em></p>
{t}<p>{PARAGRAPH}</p>{n}
<p><a href="/uploads/ke-hoach.pdf">Kế hoạch{s} số 12</a></p>
<p style="text-align:right"><strong>Minh{s} Anh</strong></p>
</div></div></body></html>""".encode()


def strings(value) -> list[str]:
    """Every string inside an article's dict."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return []


@pytest.mark.parametrize("platform", [None, "generic"])
def test_hidden_text_reaches_no_field(platform):
    article = extract(page(), URL, platform=platform)
    assert article.is_article
    assert article.title == "Tiêu đề hội nghị chuyển đổi số"
    assert article.lead == "Sáng nay, tỉnh tổ chức hội nghị triển khai nhiệm vụ chuyển đổi số năm 2024 với các sở, ngành."
    assert article.paragraphs == [f"{PARAGRAPH} Hội nghị kéo dài một buổi.", PARAGRAPH]
    assert article.author == "Minh Anh"
    assert [(image.src, image.caption) for image in article.images] == [
        ("https://sonla.gov.vn/uploads/hoi-nghi.jpg", "Quang cảnh hội nghị.")]
    assert [(a.title, a.type) for a in article.attachments] == [("Kế hoạch số 12", "pdf")]
    assert article.category == "Tin tức"
    assert article.published_at == "2024-01-10T08:30:00+07:00"  # JSON-LD is read before scripts go
    for text in strings(article.to_dict()):
        for leak in LEAKS:
            assert leak not in text
