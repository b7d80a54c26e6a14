"""Page-level details the fixtures do not all show: JSON-LD dates,
lazy-loaded and AMP images, breadcrumbs ending with the title and site
names in <h1>, as themes write them."""

from __future__ import annotations

import pytest

from scraper.extract import extract

PARAGRAPH = ("Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai nhiệm vụ chuyển đổi số năm 2024, "
             "với sự tham dự của lãnh đạo các sở, ngành, địa phương trên địa bàn tỉnh. ")


def page(head: str = "", image: str = "", crumbs: str = "") -> bytes:
    return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Hội nghị triển khai chuyển đổi số năm 2024 - Cổng thông tin điện tử tỉnh</title>{head}</head>
<body><nav><a href="/">Trang chủ</a></nav><main>{crumbs}<article>
<h1>Hội nghị triển khai chuyển đổi số năm 2024</h1>
<div class="content">{image}<p>{PARAGRAPH * 3}</p><p>{PARAGRAPH * 2}</p></div>
</article></main></body></html>""".encode()


def test_json_ld_date_published_when_the_page_prints_no_date():
    ld = """<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "Cổng thông tin"},
      {"@type": "NewsArticle", "datePublished": "2024-01-10T08:30:00Z", "dateModified": "2024-02-01T00:00:00Z"}]}
    </script><script type="application/ld+json">{not json</script>"""
    article = extract(page(head=ld), "https://tinh.gov.vn/tin/hoi-nghi.html")
    assert article.is_article
    assert article.published_at == "2024-01-10T15:30:00+07:00"


def test_no_date_anywhere_gives_none():
    article = extract(page(), "https://tinh.gov.vn/tin/hoi-nghi.html")
    assert article.is_article and article.published_at is None


def test_day_in_the_address_when_the_page_gives_none():
    article = extract(page(), "https://tinh.gov.vn/2024/01/10/hoi-nghi/")
    assert article.published_at == "2024-01-10T00:00:00+07:00"


def test_lazy_loaded_image_keeps_its_real_address():
    image = ('<img src="/images/loading.gif" data-src="/uploads/2024/01/hoi-nghi.jpg" width="800" height="500" '
             'alt="anh tin bai">')
    article = extract(page(image=image), "https://tinh.gov.vn/tin/hoi-nghi.html", with_html=True)
    assert [i.src for i in article.images] == ["https://tinh.gov.vn/uploads/2024/01/hoi-nghi.jpg"]
    assert 'src="https://tinh.gov.vn/uploads/2024/01/hoi-nghi.jpg"' in article.body_html
    assert "loading.gif" not in article.body_html


def test_breadcrumb_ending_with_the_article_title_gives_the_category_before_it():
    crumbs = ('<ol class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li>'
              '<li><a href="/tin-tuc/chuyen-doi-so">Chuyển đổi số</a></li>'
              '<li><a href="/tin/hoi-nghi.html">Hội nghị triển khai chuyển đổi số...</a></li></ol>')
    article = extract(page(crumbs=crumbs), "https://tinh.gov.vn/tin/hoi-nghi.html")
    assert article.title == "Hội nghị triển khai chuyển đổi số năm 2024"
    assert article.category == "Chuyển đổi số"


@pytest.mark.parametrize("logo, title_tag, logo_class", [
    ("Cổng thông tin điện tử tỉnh Sơn La", "Hội nghị chuyển đổi số năm 2024 - Cổng thông tin điện tử tỉnh Sơn La", "logo"),
    ("Cổng thông tin điện tử tỉnh Sơn La", "Cổng thông tin điện tử tỉnh Sơn La", "site"),
    ("UBND tỉnh Sơn La", "UBND tỉnh Sơn La | Hội nghị chuyển đổi số năm 2024", "site"),
])
def test_site_name_in_an_h1_is_not_the_title(logo, title_tag, logo_class):
    html = f"""<html><head><meta charset="utf-8"><title>{title_tag}</title></head><body>
<div class="top"><h1 class="{logo_class}"><a href="/">{logo}</a></h1></div>
<div class="main"><h2 class="news-title">Hội nghị chuyển đổi số năm 2024</h2>
<div class="news-content"><p>{PARAGRAPH * 3}</p><p>{PARAGRAPH * 2}</p></div></div></body></html>"""
    assert extract(html.encode(), "https://sonla.gov.vn/tin/1.html").title == "Hội nghị chuyển đổi số năm 2024"


def test_amp_images_are_images():
    image = ('<figure><amp-img src="/uploads/2024/01/hoi-nghi.jpg" width="800" height="500" layout="responsive">'
             '<noscript><img src="/uploads/2024/01/hoi-nghi.jpg"></noscript></amp-img>'
             '<figcaption>Quang cảnh hội nghị.</figcaption></figure>')
    article = extract(page(image=image), "https://tinh.gov.vn/tin/hoi-nghi.html", with_html=True)
    assert [(i.src, i.caption) for i in article.images] == [("https://tinh.gov.vn/uploads/2024/01/hoi-nghi.jpg", "Quang cảnh hội nghị.")]
    assert 'src="https://tinh.gov.vn/uploads/2024/01/hoi-nghi.jpg"' in article.body_html


@pytest.mark.parametrize("canonical, expected", [
    ('<link rel="canonical" href="https://tinh.gov.vn/">', "https://tinh.gov.vn/tin/hoi-nghi.html?id=7"),
    ('<link rel="canonical" href="/"><meta property="og:url" content="/tin/hoi-nghi.html">',
     "https://tinh.gov.vn/tin/hoi-nghi.html"),
    ('<link rel="canonical" href="javascript:void(0)">', "https://tinh.gov.vn/tin/hoi-nghi.html?id=7"),
    ('<link rel="canonical" href="https://tinh.gov.vn/?p=123">', "https://tinh.gov.vn/?p=123"),
    ('<link rel="canonical" href="https://tinh.gov.vn/tin/hoi-nghi.html">', "https://tinh.gov.vn/tin/hoi-nghi.html"),
])
def test_a_canonical_link_naming_the_home_page_is_not_the_article_s_address(canonical, expected):
    article = extract(page(head=canonical), "https://tinh.gov.vn/tin/hoi-nghi.html?id=7")
    assert article.canonical_url == expected
