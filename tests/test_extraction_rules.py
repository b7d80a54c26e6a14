"""One small hand-written page per rule of extraction on real pages:
never lose a real article, metadata as the page gives it, listings stay
listings."""

from __future__ import annotations

import json

from scraper.extract import extract

PARAGRAPH = ("Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai nhiệm vụ chuyển đổi số năm 2024, với sự tham dự "
             "của lãnh đạo các sở, ngành, địa phương trên địa bàn tỉnh, thống nhất các giải pháp trọng tâm. ")
ENGLISH = ("The provincial government held a conference on digital transformation on Wednesday, bringing together "
           "leaders of departments and districts to agree on the year's priorities and the budget behind them. ")


def page(body: str = "", head: str = "", lang: str = "vi", title: str = "Hội nghị chuyển đổi số năm 2024") -> bytes:
    return f"""<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body><nav><a href="/">Trang chủ</a> <a href="/tin-tuc">Tin tức</a></nav>{body}
<footer>Cổng thông tin điện tử tỉnh</footer></body></html>""".encode()


def test_an_article_whose_text_is_only_in_json_ld():
    """A page that renders its text with script: the JSON-LD article is the record."""
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Hội nghị chuyển đổi số năm 2024",
          "articleBody": f"{PARAGRAPH * 2}\n{PARAGRAPH}", "datePublished": "2024-01-10T08:30:00+07:00",
          "author": {"@type": "Person", "name": "Minh Anh"}}
    html = page(body='<div id="app"></div><script src="/app.js"></script>',
                head=f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>')
    article = extract(html, "https://tinh.gov.vn/tin/hoi-nghi-1.html")
    assert article.is_article, article.extractor
    assert article.extractor == "json-ld"
    assert article.title == "Hội nghị chuyển đổi số năm 2024"
    assert article.paragraphs == [(PARAGRAPH * 2).strip(), PARAGRAPH.strip()]
    assert article.published_at == "2024-01-10T08:30:00+07:00"
    assert article.author == "Minh Anh"


def test_a_profile_page_with_an_empty_body_is_saved_by_the_generic_path():
    """A WordPress theme whose .entry-content is empty (the text moved elsewhere in a redesign)."""
    html = page(head='<meta name="generator" content="WordPress 6.4">', body=f"""
<article class="post"><h1 class="entry-title">Hội nghị chuyển đổi số năm 2024</h1>
<div class="entry-content"></div>
<div class="story-text"><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div></article>""")
    article = extract(html, "https://sotttt.tinh.gov.vn/2024/01/10/hoi-nghi/")
    assert article.is_article, article.extractor
    assert article.extractor == "generic"
    assert len(article.paragraphs) == 3


def test_a_byline_only_in_meta_author():
    html = page(head='<meta name="author" content="By Nguyễn Văn An, Staff Writer">',
                body=f"<main><h1>Hội nghị chuyển đổi số năm 2024</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></main>")
    assert extract(html, "https://tinh.gov.vn/tin/hoi-nghi-2.html").author == "Nguyễn Văn An"


def test_json_ld_authors_and_cleaning():
    ld = {"@type": "NewsArticle", "headline": "Council approves budget",
          "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}]}
    html = page(lang="en", title="Council approves budget",
                head=f'<script type="application/ld+json">{json.dumps(ld)}</script>',
                body=f"<main><h1>Council approves budget</h1><p>{ENGLISH}</p><p>{ENGLISH}</p></main>")
    assert extract(html, "https://news.example.com/2019/11/19/budget").author == "Jane Doe, John Roe"


def test_an_instant_in_another_time_zone_stays_that_instant():
    """article:published_time with its own offset: the same instant, the page's own day."""
    html = page(lang="en", title="Council approves budget",
                head='<meta property="article:published_time" content="2019-11-19T22:15:00-05:00">',
                body=f"<main><h1>Council approves budget</h1><p>{ENGLISH}</p><p>{ENGLISH}</p></main>")
    assert extract(html, "https://news.example.com/budget").published_at == "2019-11-19T22:15:00-05:00"
    # on a Vietnamese page the same instant is written in Vietnam time
    vietnamese = page(head='<meta property="article:published_time" content="2024-01-09T18:30:00Z">',
                      body=f"<main><h1>Hội nghị chuyển đổi số năm 2024</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></main>")
    assert extract(vietnamese, "https://tinh.gov.vn/tin/hoi-nghi-3.html").published_at == "2024-01-10T01:30:00+07:00"


def test_a_listing_with_long_teasers_is_still_a_listing():
    """A category page whose teasers carry long standfirsts, and says it is an article."""
    teasers = "".join(
        f'<div class="item"><h3><a href="/tin/bai-{n}.html">Tỉnh triển khai kế hoạch số {n} về chuyển đổi số năm 2024</a>'
        f'</h3><p class="date">10/01/2024</p><p>{PARAGRAPH}</p><a href="/tin/bai-{n}.html">Xem tiếp</a></div>'
        for n in range(8))
    html = page(head='<meta property="og:type" content="article">',
                body=f'<main><h1>Tin tức</h1><div class="category-list">{teasers}</div></main>', title="Tin tức")
    article = extract(html, "https://tinh.gov.vn/tin-tuc")
    assert not article.is_article
    assert "(listing)" in article.extractor


def test_a_digest_of_linked_headlines_is_an_article():
    """"10 things you need to know": each item a linked headline and a paragraph of its own."""
    items = "".join(f'<p><a href="https://example.com/story-{n}">Company {n} announces a new product line today</a>. '
                    f"{ENGLISH}</p>" for n in range(10))
    html = page(lang="en", title="10 things in tech you need to know today",
                head='<meta property="og:type" content="article">',
                body=f"<article><h1>10 things in tech you need to know today</h1>{items}</article>")
    article = extract(html, "https://news.example.com/10-things")
    assert article.is_article, article.extractor
    assert len(article.paragraphs) == 10


def test_a_category_of_posts_each_its_own_article_element_is_a_listing():
    """WordPress's archive: one <article> per post, its heading a link to the post, then its excerpt."""
    posts = "".join(
        f'<article class="post-{n} post hentry"><header><h2 class="entry-title"><a href="/2024/01/{n:02d}/bai-{n}/">'
        f'Huyện triển khai kế hoạch số {n} về chuyển đổi số</a></h2><time>10/01/2024</time></header>'
        f'<div class="entry-summary"><p>{PARAGRAPH}[…]</p></div></article>'
        for n in range(1, 5))
    html = page(body=f'<main><header><h1>Chuyên mục: Tin tức</h1></header>{posts}</main>', title="Lưu trữ Tin tức")
    article = extract(html, "https://so-demo.gov.vn/category/tin-tuc/")
    assert not article.is_article
    assert "(listing)" in article.extractor


def test_headlines_over_their_date_and_standfirst_make_a_listing():
    """A SharePoint news list: each item a headline link, a date beside it, its standfirst below."""
    items = "".join(
        f'<div class="news-item"><div class="news-info"><a class="news-title" href="/Trang/ChiTiet.aspx?id={n}">'
        f'Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ {n} năm 2024</a><span class="news-date">22/05/2024 21:18</span>'
        f'<p class="news-summary">{PARAGRAPH}</p></div></div>'
        for n in range(1, 5))
    html = page(body=f'<div class="news-list"><h2>Chính trị - Xã hội</h2>{items}</div>', title="Chính trị - Xã hội")
    article = extract(html, "https://tinh.gov.vn/Trang/TinTuc.aspx?dm=2")
    assert not article.is_article, article.extractor
