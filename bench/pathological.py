"""Pathological article pages: one realistic news page each, with one part
grown far past what portals usually serve (thousands of attached documents
or paragraphs, 10,000 levels of nesting, a huge table, a 2 MB word, 20,000
images, hidden spans between words, a title of 1,600 parts...).

Each shape is a function of its size that returns the page's bytes; the
page's title, lead, date and category are the same for every shape, so
tests can check them alongside the grown part. Used by
bench/pathological_bench.py (speed) and tests/test_pathological.py (right
answers).
"""

from __future__ import annotations

URL = "https://sonla.gov.vn/tin-tuc/hoi-nghi-tong-ket-cong-tac-nam-2023.html"
TITLE = "Hội nghị tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024"
LEAD = ("Sáng ngày 10/01/2024, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác năm 2023 "
        "và triển khai nhiệm vụ trọng tâm năm 2024.")
PUBLISHED_AT = "2024-01-10T08:30:00+07:00"
CATEGORY = "Tin hoạt động"
INTRO = [
    f"Đoạn mở đầu số {n}: hội nghị đánh giá kết quả thực hiện các chỉ tiêu kinh tế, xã hội, quốc phòng, "
    "an ninh của tỉnh trong năm 2023, chỉ ra những tồn tại, hạn chế và nguyên nhân."
    for n in range(1, 4)
]
ROW_CELLS = 4


def _page(content: str) -> bytes:
    """A generic-layout news page around ``content`` (the article's own
    HTML after its lead): header, menu, breadcrumb, date line, sidebar."""
    intro = "".join(f"<p>{paragraph}</p>" for paragraph in INTRO)
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>{TITLE} - Cổng thông tin điện tử tỉnh Sơn La</title>
<meta property="og:title" content="{TITLE}">
<script>window.dataLayer = [];</script><style>.sapo {{ font-weight: bold }}</style>
</head><body>
<header class="site-header"><a class="logo" href="/">Cổng thông tin điện tử tỉnh Sơn La</a>
<nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li>
<li><a href="/van-ban">Văn bản</a></li></ul></nav></header>
<div class="container">
<div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/tin-tuc">Tin tức</a> ›
<a href="/tin-tuc/tin-hoat-dong">{CATEGORY}</a></div>
<div class="news-item">
<h1 class="title">{TITLE}</h1>
<div class="post-date">Thứ Tư, 10/01/2024 08:30</div>
<div class="sapo">{LEAD}</div>
<div class="article-content">{intro}{content}</div>
</div>
<aside class="sidebar"><h3>Tin khác</h3><ul>
<li><a href="/tin-tuc/bai-1.html">Tăng cường công tác phòng chống rét cho gia súc trên địa bàn tỉnh</a></li>
<li><a href="/tin-tuc/bai-2.html">Triển khai kế hoạch chuyển đổi số năm 2024 tại các sở, ngành</a></li>
</ul></aside>
</div>
<footer class="footer">Bản quyền thuộc Cổng thông tin điện tử tỉnh Sơn La</footer>
</body></html>""".encode()


def vnportal(page: bytes) -> bytes:
    """The same page in vnPortal's class names, so the vnportal profile takes it."""
    return (page.replace(b'class="news-item"', b'class="news-detail"')
            .replace(b'class="article-content"', b'class="news-content"')
            .replace(b'<h1 class="title"', b'<h1 class="news-title"'))


def paragraph(n: int) -> str:
    return f"Nội dung đoạn {n}: các sở, ngành, địa phương triển khai kế hoạch, bảo đảm tiến độ và chất lượng công việc."


def paragraphs(count: int) -> bytes:
    """An article of ``count`` paragraphs."""
    return _page("".join(f"<p>{paragraph(n)}</p>" for n in range(1, count + 1)))


def document_title(n: int) -> str:
    return f"Quyết định số {n}/QĐ-UBND về phê duyệt kế hoạch"


def document_url(n: int) -> str:
    return f"https://sonla.gov.vn/uploads/van-ban/quyet-dinh-{n:05d}.pdf"


def document_links(count: int) -> bytes:
    """The article's attachment list holds ``count`` documents."""
    items = "".join(f'<li><a href="/uploads/van-ban/quyet-dinh-{n:05d}.pdf">{document_title(n)}</a></li>'
                    for n in range(1, count + 1))
    return _page(f'<div class="file-dinh-kem"><p>Văn bản đính kèm:</p><ul>{items}</ul></div>')


def form_document_lines(count: int) -> bytes:
    """An ASP.NET page (one <form> around everything) whose article ends with
    ``count`` download lines, each its own paragraph with its own label."""
    lines = "".join(f'<p>Tải về: <a href="/uploads/van-ban/quyet-dinh-{n:05d}.pdf">{document_title(n)}</a></p>'
                    for n in range(1, count + 1))
    page = _page(lines).decode()
    return page.replace("<body>", '<body><form id="aspnetForm" method="post" action="./">', 1).replace(
        "</body>", "</form></body>", 1).encode()


def linked_title(n: int) -> str:
    return f"Quyết định số {n}/QĐ-UBND ngày 05/01/2024 của Ủy ban nhân dân tỉnh"


def linked_paragraphs(count: int) -> bytes:
    """``count`` paragraphs each citing another page through a link in its text."""
    return _page("".join(
        f'<p>Thực hiện <a href="/van-ban/quyet-dinh-{n}.html">{linked_title(n)}</a>, {paragraph(n)}</p>'
        for n in range(1, count + 1)))


def nested_divs(depth: int) -> bytes:
    """A paragraph in each of ``depth`` nested divs (a template that opens a
    <div> per item and closes them all at the end)."""
    return _page("".join(f"<div><p>{paragraph(n)}</p>" for n in range(1, depth + 1)) + "</div>" * depth)


def nested_linked_divs(depth: int) -> bytes:
    """Text and a link in each of ``depth`` nested divs, no paragraph tags
    (the same unclosed-<div> template on an older theme)."""
    return _page("".join(f'<div>{paragraph(n)} Xem <a href="/tin-tuc/bai-{n}.html">chi tiết</a>.'
                         for n in range(1, depth + 1)) + "</div>" * depth)


def nested_quotes(depth: int) -> bytes:
    """A paragraph in each of ``depth`` nested, never closed <blockquote>s
    (quoted replies quoting replies)."""
    return _page("".join(f"<blockquote>{paragraph(n)}" for n in range(1, depth + 1)))


def table_row(n: int) -> list[str]:
    return [str(n), f"Dự án đường giao thông xã số {n}", "Huyện Mai Sơn", f"{n * 3 % 997},5"]


def table_rows(count: int) -> bytes:
    """A table of ``count`` rows after the introduction."""
    header = "<tr><th>STT</th><th>Tên dự án</th><th>Địa điểm</th><th>Vốn (tỷ đồng)</th></tr>"
    rows = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in table_row(n)) + "</tr>"
                   for n in range(1, count + 1))
    return _page(f"<table class='danh-sach'>{header}{rows}</table>")


def long_word(size: int) -> str:
    """``size`` characters without a space (a pasted base64 image, a mangled URL)."""
    unit = "QuyếtĐịnhSố1234/QĐ-UBND,"
    return (unit * (size // len(unit) + 1))[:size]


def long_paragraph(size: int) -> bytes:
    """One paragraph of ``size`` characters without a space."""
    return _page(f"<p>{long_word(size)}</p>")


def image_url(n: int) -> str:
    return f"https://sonla.gov.vn/uploads/anh/hoi-nghi-{n:05d}.jpg"


def image_caption(n: int) -> str:
    return f"Ảnh {n}: đại biểu dự hội nghị"


def images(count: int) -> bytes:
    """A photo report of ``count`` captioned images."""
    figures = "".join(f'<figure><img src="/uploads/anh/hoi-nghi-{n:05d}.jpg" alt="">'
                      f"<figcaption>{image_caption(n)}</figcaption></figure>" for n in range(1, count + 1))
    return _page(figures)


def hidden_word(n: int) -> str:
    return f"ẩn{n}"


def hidden_spans(count: int) -> bytes:
    """A paragraph of ``count`` words with a hidden span after each (the
    anti-copy trick some news sites play: invisible letters between words)."""
    words = "".join(f'từ{n} <span style="display:none">{hidden_word(n)}</span>' for n in range(1, count + 1))
    return _page(f"<p>{words}</p>")


def spaced_signature(breaks: int) -> bytes:
    """An article signed with a name split by ``breaks`` line breaks in the
    source (a signature pasted from a word processor)."""
    return _page(f"<p>{paragraph(1)}</p><p>Nguyễn Văn{chr(10) * breaks}An</p>")


def long_title(parts: int) -> bytes:
    """An old page without headings (its title in bold) whose <title> runs on
    for ``parts`` parts between separators (keywords stuffed in by a theme)."""
    keywords = " | ".join(f"Chuyên mục {n:05d}" for n in range(1, parts + 1))
    return _page("").decode().replace(
        f'<meta property="og:title" content="{TITLE}">', "").replace(
        f"<title>{TITLE} - ", f"<title>{TITLE} | {keywords} - ").replace(
        f'<h1 class="title">{TITLE}</h1>', f"<p><b>{TITLE}</b></p>").encode()


SHAPES = {
    "document links": (document_links, (1_000, 4_000, 16_000)),
    "paragraphs": (paragraphs, (1_000, 4_000, 16_000)),
    "nested divs": (nested_divs, (250, 2_500, 10_000)),
    "nested links": (nested_linked_divs, (250, 2_500, 10_000)),
    "nested quotes": (nested_quotes, (250, 2_500, 10_000)),
    "table rows": (table_rows, (1_250, 5_000, 20_000)),
    "2 MB word": (long_paragraph, (500_000, 1_000_000, 2_000_000)),
    "spaced signature": (spaced_signature, (1_000, 4_000, 16_000)),
    "long title": (long_title, (100, 400, 1_600)),
    "images": (images, (5_000, 10_000, 20_000)),
    "form, doc lines": (form_document_lines, (1_000, 4_000, 16_000)),
    "linked paras": (linked_paragraphs, (1_000, 4_000, 16_000)),
    "hidden spans": (hidden_spans, (4_000, 16_000, 64_000)),
}
