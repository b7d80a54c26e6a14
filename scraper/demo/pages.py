"""HTML, XML and text of the demo portal, imitating a vnPortal provincial portal.

Every function is pure: the same articles and ``base_url`` give the same
bytes. HTML pages carry the full chrome of the real site (menu, sidebar with
dated "most read" links, advertisements, visitor counter, footer) because
that chrome is exactly what extractors must learn to ignore.
"""

from __future__ import annotations

import base64
import hashlib
import zlib
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime
from html import escape
from urllib.parse import quote
from xml.sax.saxutils import escape as xml_escape

from .content import CATEGORIES, CATEGORY_NAMES, PAGE_SIZE, DemoArticle, articles_in_category, newest_first

SITE_NAME = "Cổng thông tin điện tử tỉnh Sơn La"
# Pages name the site's registry domain (demo-vnportal) as canonical: an
# article keeps one identity whichever address the offline copy is served
# from, and never passes for an article of the real sonla.gov.vn.
CANONICAL_BASE = "https://sonla-demo.gov.vn"
NOT_FOUND_TEXT = "Trang bạn tìm không tồn tại"
RSS_CATEGORY_ITEMS = 20
RSS_ALL_ITEMS = 30
TICKER_ITEMS = 6
VIEWSTATE_BYTES = 4500
HOME_ITEMS_PER_CATEGORY = 5
# A fixed "today" for the header, so pages never change between runs.
PORTAL_TODAY = date(2024, 7, 1)
VIETNAM_TZ = timezone(timedelta(hours=7))

# A 1x1 grey baseline JPEG, served for every /Uploads/ image.
PLACEHOLDER_JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300"
    + "01" * 64
    + "ffc0000b080001000101011100ffc400260001000000000000000000000000000000"
    "08100100000000000000000000000000000000ffda0008010100003f00403fffd9"
)

_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
_NO_IMAGE = "/Uploads/images/no-image.jpg"
_LOGO = "/Uploads/images/logo-sonla.jpg"

Articles = Sequence[DemoArticle]


# ---------------------------------------------------------------- pages


def article_page(article: DemoArticle, articles: Articles, base_url: str) -> str:
    """The detail page of ``article``."""
    siblings = articles_in_category(articles, article.category_slug)
    main = f"""<div class="col-main"><div class="news-detail" id="news-detail">
<h1 class="news-title">{escape(article.title)}</h1>
<div class="news-date"><span class="date">{_weekday(article.published)}, {article.published:%d/%m/%Y - %H:%M}</span></div>
<div class="news-sapo">{_sapo(article)}</div>
<div class="news-content" id="news-content">
{_article_body(article)}
</div>
{_news_tools(article, base_url)}
<div class="related-news"><h3 class="title-block">Tin liên quan</h3><ul>
{_dated_links(_related(article, siblings))}
</ul></div>
<div class="other-news"><h3 class="title-block">Các tin khác</h3><ul>
{_dated_links(_neighbours(article, siblings))}
</ul></div>
</div></div>"""
    images = article.images
    return _layout(
        base_url,
        articles,
        path=article.path,
        title=article.title,
        description=article.lead,
        og_type="article",
        og_image=images[0][0] if images else _LOGO,
        rss_path=f"/rss/{article.category_slug}.rss",
        breadcrumb=_breadcrumb(article.category_slug),
        main=main,
    )


def listing_page(category_slug: str, page: int, articles: Articles, base_url: str) -> str | None:
    """Page ``page`` (from 1) of a category's listing; None if there is no such page."""
    if category_slug not in CATEGORY_NAMES:
        return None
    in_category = articles_in_category(articles, category_slug)
    page_count = max(1, -(-len(in_category) // PAGE_SIZE))
    if not 1 <= page <= page_count:
        return None
    shown = in_category[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    name = CATEGORY_NAMES[category_slug]
    items = "\n".join(listing_item(article) for article in shown)
    main = f"""<div class="col-main"><div class="category-page">
<h1 class="category-title">{escape(name)}</h1>
<div class="news-list">
{items}
</div>
{_pagination(category_slug, page, page_count)}
</div></div>"""
    return _layout(
        base_url,
        articles,
        path=_listing_path(category_slug, page),
        title=name if page == 1 else f"{name} - Trang {page}",
        description=f"Tin tức chuyên mục {name} của {SITE_NAME}",
        og_type="website",
        og_image=_LOGO,
        rss_path=f"/rss/{category_slug}.rss",
        breadcrumb=_breadcrumb(category_slug),
        main=main,
    )


def home_page(articles: Articles, base_url: str) -> str:
    """The front page: the latest articles of every category."""
    sections = []
    for slug, name in CATEGORIES:
        latest = articles_in_category(articles, slug)[:HOME_ITEMS_PER_CATEGORY]
        if not latest:
            continue
        lead_item = listing_item(latest[0])
        sections.append(
            f"""<div class="home-category"><h2 class="title-block"><a href="/{slug}">{escape(name)}</a></h2>
{lead_item}
<ul class="home-news">
{_dated_links(latest[1:])}
</ul>
<a class="view-more" href="/{slug}">Xem thêm</a></div>"""
        )
    main = '<div class="col-main"><div class="home-page">\n' + "\n".join(sections) + "\n</div></div>"
    return _layout(
        base_url,
        articles,
        path="/",
        title=None,
        description=f"{SITE_NAME}: tin tức, sự kiện, văn bản, thủ tục hành chính của tỉnh Sơn La",
        og_type="website",
        og_image=_LOGO,
        rss_path="/rss.xml",
        breadcrumb="",
        main=main,
    )


def not_found_page(articles: Articles, base_url: str) -> str:
    """The page served, with status 404, for any unknown address."""
    main = f"""<div class="col-main"><div class="not-found">
<h1>{NOT_FOUND_TEXT}</h1>
<p>Địa chỉ bạn truy cập không đúng hoặc bài viết đã được gỡ bỏ. Vui lòng quay lại <a href="/">Trang chủ</a> hoặc dùng chức năng tìm kiếm.</p>
</div></div>"""
    return _layout(
        base_url,
        articles,
        path=None,
        title=NOT_FOUND_TEXT,
        description=NOT_FOUND_TEXT,
        og_type="website",
        og_image=_LOGO,
        rss_path="/rss.xml",
        breadcrumb="",
        main=main,
    )


def plain_page(articles: Articles, base_url: str, *, path: str, title: str, main: str) -> str:
    """A page of the site that is neither article nor listing (an events
    calendar...), with the full chrome around ``main``."""
    return _layout(
        base_url,
        articles,
        path=path,
        title=title,
        description=f"{title} - {SITE_NAME}",
        og_type="website",
        og_image=_LOGO,
        rss_path="/rss.xml",
        breadcrumb=f'<div class="breadcrumb"><a href="/">Trang chủ</a> » {escape(title)}</div>',
        main=main,
    )


def robots_txt(base_url: str) -> str:
    return f"User-agent: *\nDisallow: /admin/\nDisallow: /tim-kiem\nSitemap: {base_url}/sitemap.xml\n"


def sitemap_xml(articles: Articles, base_url: str) -> str:
    """Sitemap of the home page, the category listings and every article."""
    entries = [f"<url><loc>{xml_escape(base_url)}/</loc><changefreq>hourly</changefreq></url>"]
    for slug, _ in CATEGORIES:
        latest = articles_in_category(articles, slug)[:1]
        if latest:
            entries.append(
                f"<url><loc>{xml_escape(base_url)}/{slug}</loc>"
                f"<lastmod>{latest[0].published:%Y-%m-%d}</lastmod><changefreq>daily</changefreq></url>"
            )
    for article in newest_first(articles):
        entries.append(
            f"<url><loc>{xml_escape(base_url + article.path)}</loc>"
            f"<lastmod>{article.published:%Y-%m-%d}</lastmod></url>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + "\n".join(entries) + "\n</urlset>\n"
    )


def rss_feed(articles: Articles, base_url: str, category_slug: str | None = None) -> str | None:
    """RSS 2.0 of a category's latest articles, or of the whole site when no category is given.

    None for an unknown category.
    """
    if category_slug is None:
        items = newest_first(articles)[:RSS_ALL_ITEMS]
        channel_title, channel_link = SITE_NAME, f"{base_url}/"
    elif category_slug in CATEGORY_NAMES:
        items = articles_in_category(articles, category_slug)[:RSS_CATEGORY_ITEMS]
        channel_title = f"{CATEGORY_NAMES[category_slug]} - {SITE_NAME}"
        channel_link = f"{base_url}/{category_slug}"
    else:
        return None
    entries = "\n".join(
        f"""<item><title>{xml_escape(a.title)}</title><link>{xml_escape(base_url + a.path)}</link>
<description>{xml_escape(a.lead)}</description><category>{xml_escape(a.category_name)}</category>
<pubDate>{rfc822(a.published)}</pubDate><guid isPermaLink="true">{xml_escape(base_url + a.path)}</guid></item>"""
        for a in items
    )
    build_date = f"<lastBuildDate>{rfc822(items[0].published)}</lastBuildDate>" if items else ""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>{xml_escape(channel_title)}</title><link>{xml_escape(channel_link)}</link>
<description>Tin tức mới nhất từ {SITE_NAME}</description><language>vi</language>{build_date}
{entries}
</channel></rss>
"""


def rfc822(moment: datetime) -> str:
    """RFC 822 date of a naive Vietnam-time moment, e.g. 'Wed, 10 Jan 2024 08:30:00 +0700'."""
    return format_datetime(moment.replace(tzinfo=VIETNAM_TZ))


def view_count(article: DemoArticle) -> int:
    """The article's (made-up, stable) number of views."""
    return 150 + zlib.crc32(str(article.id).encode()) % 4850


# ---------------------------------------------------------------- article parts


def _sapo(article: DemoArticle) -> str:
    if article.source_marker is None:
        return escape(article.lead)
    return f"<strong>({escape(article.source_marker)}) </strong>{escape(article.lead)}"


def _article_body(article: DemoArticle) -> str:
    parts = []
    for block in article.blocks:
        if block[0] == "img":
            _, src, caption = block
            parts.append(f'<p style="text-align: center;"><img src="{escape(src)}" alt="anh tin bai" width="600"></p>')
            parts.append(f'<p style="text-align: center;"><em>{escape(caption)}</em></p>')
        else:
            parts.append(f'<p style="text-align: justify;">{escape(block[1])}</p>')
    parts.append(f'<p style="text-align: right;"><strong>{escape(article.author)}</strong></p>')
    return "\n".join(parts)


def _news_tools(article: DemoArticle, base_url: str) -> str:
    url = quote(base_url + article.path, safe="")
    subject = quote(article.title, safe="")
    return (
        '<div class="news-tools"><a href="javascript:window.print()">In bài viết</a> '
        f'<a href="mailto:?subject={subject}&amp;body={url}">Gửi email</a> '
        f'<a href="https://www.facebook.com/sharer/sharer.php?u={url}">Chia sẻ</a> '
        f"<span>Lượt xem: {view_count(article)}</span></div>"
    )


def _related(article: DemoArticle, siblings: list[DemoArticle]) -> list[DemoArticle]:
    """Five other articles of the category, a stable pick per article."""
    others = [a for a in siblings if a.id != article.id]
    others.sort(key=lambda other: zlib.crc32(f"{article.id}-{other.id}".encode()))
    return newest_first(others[:5])


def _neighbours(article: DemoArticle, siblings: list[DemoArticle]) -> list[DemoArticle]:
    """The eight articles published nearest before and after ``article``."""
    index = siblings.index(article)
    start = max(0, min(index - 4, len(siblings) - 9))
    return [a for a in siblings[start : start + 9] if a.id != article.id][:8]


def _dated_links(articles: Articles) -> str:
    return "\n".join(
        f'<li><a href="{a.path}">{escape(a.title)}</a> <span>({a.published:%d/%m/%Y})</span></li>' for a in articles
    )


def _weekday(moment: datetime | date) -> str:
    return _WEEKDAYS[moment.weekday()]


# ---------------------------------------------------------------- listing parts


def _listing_path(category_slug: str, page: int) -> str:
    return f"/{category_slug}" if page == 1 else f"/{category_slug}?page={page}"


def listing_item(article: DemoArticle) -> str:
    """A listing's entry for ``article``: thumbnail, linked title, date and lead."""
    images = article.images
    thumbnail = images[0][0] if images else _NO_IMAGE
    return (
        f'<div class="news-item"><a href="{article.path}"><img alt="anh tin bai" src="{escape(thumbnail)}"></a>'
        f'<h3><a href="{article.path}">{escape(article.title)}</a></h3>'
        f'<span class="date">{article.published:%d/%m/%Y}</span>'
        f'<p class="sapo">{escape(article.lead)}</p></div>'
    )


def _pagination(category_slug: str, page: int, page_count: int) -> str:
    links = []
    if page > 1:
        links.append(f'<a class="prev" href="{_listing_path(category_slug, page - 1)}">Trang trước</a>')
    for number in range(1, page_count + 1):
        if number == page:
            links.append(f'<span class="current">{number}</span>')
        else:
            links.append(f'<a href="{_listing_path(category_slug, number)}">{number}</a>')
    if page < page_count:
        links.append(f'<a class="next" href="{_listing_path(category_slug, page + 1)}">Trang sau</a>')
    return '<div class="pagination">' + " ".join(links) + "</div>"


# ---------------------------------------------------------------- chrome


def _breadcrumb(category_slug: str) -> str:
    name = escape(CATEGORY_NAMES[category_slug])
    return f'<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/{category_slug}">{name}</a></div>'


def _layout(
    base_url: str,
    articles: Articles,
    *,
    path: str | None,
    title: str | None,
    description: str,
    og_type: str,
    og_image: str,
    rss_path: str,
    breadcrumb: str,
    main: str,
) -> str:
    """A whole HTML page: head, header, menu, ``main``, right column and footer.

    ``path`` None (the 404 page) leaves out the canonical link; ``title`` None
    (the front page) gives the bare site name.
    """
    page_title = SITE_NAME if title is None else f"{title} - {SITE_NAME}"
    canonical = "" if path is None else f'<link rel="canonical" href="{escape(CANONICAL_BASE + path)}">\n'
    og_url = "" if path is None else f'<meta property="og:url" content="{escape(CANONICAL_BASE + path)}">\n'
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{escape(page_title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="vnPortal">
<meta name="description" content="{escape(description)}">
<meta name="keywords" content="Sơn La, cổng thông tin điện tử, tin tức, sự kiện, chính quyền, văn bản">
{canonical}<meta property="og:site_name" content="{SITE_NAME}">
<meta property="og:title" content="{escape(title or SITE_NAME)}">
{og_url}<meta property="og:type" content="{og_type}">
<meta property="og:description" content="{escape(description)}">
<meta property="og:image" content="{escape(base_url + og_image)}">
<link rel="alternate" type="application/rss+xml" title="{SITE_NAME}" href="{rss_path}">
{_STYLE}
{_HEAD_SCRIPT}
</head>
<body>
<form method="post" action="{escape(path or "/")}" id="form1">
{_view_state(path or "/404")}
</form>
<div id="wrapper">
{_TOP_BAR}
<div id="header">
<a class="logo" href="/"><img src="{_LOGO}" alt="Logo {SITE_NAME}"></a>
<div class="site-name"><h2>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH SƠN LA</h2><p>SON LA PROVINCE PORTAL</p></div>
<form action="/tim-kiem" method="get" class="search-form"><input type="text" name="q" placeholder="Nhập từ khóa tìm kiếm..."><button type="submit">Tìm kiếm</button></form>
<div class="today">{_weekday(PORTAL_TODAY)}, ngày {PORTAL_TODAY:%d/%m/%Y}</div>
</div>
{_MAIN_MENU}
{_news_ticker(articles)}
<div id="content">
{breadcrumb}
{main}
{_right_column(articles, path or "/404")}
<div class="clear"></div>
</div>
{_FOOTER}
</div>
{_FOOT_SCRIPT}
</body>
</html>
"""


def _view_state(path: str) -> str:
    """ASP.NET's hidden form state: kilobytes of opaque base64 on every vnPortal page."""
    digest = hashlib.sha256(path.encode()).digest()
    chunks = []
    for _ in range(VIEWSTATE_BYTES // len(digest)):
        digest = hashlib.sha256(digest).digest()
        chunks.append(digest)
    state = base64.b64encode(b"".join(chunks)).decode()
    return (
        '<div class="aspNetHidden">'
        f'<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1Mg{state}">'
        '<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="CA0B0334">'
        "</div>"
    )


def _news_ticker(articles: Articles) -> str:
    links = " | ".join(
        f'<a href="{a.path}">{escape(a.title)}</a>' for a in newest_first(articles)[:TICKER_ITEMS]
    )
    return f'<div class="news-ticker"><span class="ticker-title">Tin mới:</span> <marquee scrollamount="3">{links}</marquee></div>'


def _right_column(articles: Articles, path: str) -> str:
    most_read = sorted(articles, key=lambda a: (-view_count(a), a.id))[:5]
    return f"""<div class="col-right">
<div class="block video"><h3 class="title-block">Video tuyên truyền nông thôn mới</h3>
<video controls preload="none" width="300" poster="/Uploads/video/poster-nong-thon-moi.jpg"><source src="/Uploads/video/nong-thon-moi-2024.mp4" type="video/mp4">Trình duyệt của bạn không hỗ trợ xem video.</video>
<a class="view-more" href="/video">Xem thêm video</a></div>
{_LOOKUP_BLOCK}
{_ADVERTISEMENTS}
<div class="block most-read"><h3 class="title-block">Tin đọc nhiều</h3><ul>
{_dated_links(most_read)}
</ul></div>
{_DOCUMENTS_BLOCK}
{_POLL_BLOCK}
{_WEBSITE_LINKS_BLOCK}
{_visitor_counter(path)}
</div>"""


def _visitor_counter(path: str) -> str:
    """The visitor counter, with made-up numbers that differ from page to page."""
    seed = zlib.crc32(path.encode())
    online = 3 + seed % 97
    today = 900 + seed % 4100
    week = today * 6 + seed % 900
    total = 14_000_000 + seed % 1_000_000
    numbers = [f"{n:,}".replace(",", ".") for n in (online, today, week, total)]
    return (
        '<div class="block counter"><h3 class="title-block">Thống kê truy cập</h3><ul>'
        f"<li>Đang online: <span>{numbers[0]}</span></li><li>Hôm nay: <span>{numbers[1]}</span></li>"
        f"<li>Trong tuần: <span>{numbers[2]}</span></li><li>Tất cả: <span>{numbers[3]}</span></li></ul></div>"
    )


def _menu() -> str:
    items = []
    for label, href, children in _MENU:
        sub = "\n".join(f'<li><a href="{child_href}">{escape(child)}</a></li>' for child, child_href in children)
        items.append(f'<li class="menu-item"><a href="{href}">{escape(label)}</a><ul class="sub-menu">\n{sub}\n</ul></li>')
    return '<ul class="main-menu">\n<li class="menu-item home"><a href="/">Trang chủ</a></li>\n' + "\n".join(items) + "\n</ul>"


_MENU = (
    ("Giới thiệu", "/gioi-thieu", (
        ("Tổng quan về Sơn La", "/gioi-thieu/tong-quan"),
        ("Lịch sử hình thành", "/gioi-thieu/lich-su"),
        ("Điều kiện tự nhiên", "/gioi-thieu/dieu-kien-tu-nhien"),
        ("Bản đồ hành chính", "/gioi-thieu/ban-do-hanh-chinh"),
        ("Tiềm năng du lịch", "/gioi-thieu/tiem-nang-du-lich"),
        ("Các dân tộc tỉnh Sơn La", "/gioi-thieu/cac-dan-toc"),
    )),
    ("Tin tức - Sự kiện", "/tin-tuc-su-kien", tuple((name, f"/{slug}") for slug, name in CATEGORIES)),
    ("Chính quyền", "/chinh-quyen", (
        ("Tỉnh ủy Sơn La", "/chinh-quyen/tinh-uy"),
        ("Hội đồng nhân dân tỉnh", "/chinh-quyen/hdnd-tinh"),
        ("Ủy ban nhân dân tỉnh", "/chinh-quyen/ubnd-tinh"),
        ("Đoàn đại biểu Quốc hội tỉnh", "/chinh-quyen/doan-dbqh"),
        ("Các sở, ban, ngành", "/chinh-quyen/so-ban-nganh"),
        ("UBND các huyện, thành phố", "/chinh-quyen/ubnd-huyen"),
        ("Lịch công tác", "/lich-cong-tac"),
    )),
    ("Công dân", "/cong-dan", (
        ("Hướng dẫn thủ tục", "/cong-dan/huong-dan-thu-tuc"),
        ("Dịch vụ công trực tuyến", "https://dichvucong.sonla.gov.vn"),
        ("Hỏi đáp trực tuyến", "/hoi-dap"),
        ("Phản ánh, kiến nghị", "/cong-dan/phan-anh-kien-nghi"),
        ("Thông tin việc làm", "/cong-dan/viec-lam"),
    )),
    ("Doanh nghiệp", "/doanh-nghiep", (
        ("Thông tin đầu tư", "/doanh-nghiep/thong-tin-dau-tu"),
        ("Danh mục dự án kêu gọi đầu tư", "/doanh-nghiep/du-an-keu-goi-dau-tu"),
        ("Chính sách ưu đãi", "/doanh-nghiep/chinh-sach-uu-dai"),
        ("Thông tin đấu thầu", "/doanh-nghiep/dau-thau"),
        ("Hỗ trợ doanh nghiệp", "/doanh-nghiep/ho-tro"),
    )),
    ("Văn bản", "/van-ban", (
        ("Văn bản quy phạm pháp luật", "/van-ban/quy-pham-phap-luat"),
        ("Văn bản chỉ đạo điều hành", "/van-ban/chi-dao-dieu-hanh"),
        ("Dự thảo văn bản lấy ý kiến", "/van-ban/du-thao"),
        ("Công báo tỉnh", "/van-ban/cong-bao"),
    )),
    ("Thủ tục hành chính", "/thu-tuc-hanh-chinh", (
        ("Tra cứu thủ tục hành chính", "/thu-tuc-hanh-chinh/tra-cuu"),
        ("Tra cứu hồ sơ", "/thu-tuc-hanh-chinh/tra-cuu-ho-so"),
        ("Thống kê giải quyết hồ sơ", "/thu-tuc-hanh-chinh/thong-ke"),
        ("Công khai kết quả giải quyết", "/thu-tuc-hanh-chinh/cong-khai"),
    )),
    ("Liên hệ", "/lien-he", (
        ("Đường dây nóng", "/lien-he/duong-day-nong"),
        ("Góp ý cho Cổng thông tin", "/lien-he/gop-y"),
        ("Danh bạ điện thoại", "/danh-ba"),
        ("Sơ đồ cổng", "/so-do-cong"),
    )),
)
_MAIN_MENU = _menu()

_STYLE = """<style type="text/css">
body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222;background:#f2f2f2}
a{color:#0b4f8a;text-decoration:none}a:hover{color:#c4161c;text-decoration:underline}
#wrapper{width:1200px;margin:0 auto;background:#fff}
#top-bar{background:#0b4f8a;color:#fff;font-size:12px;padding:4px 10px;text-align:right}
#top-bar a{color:#fff;margin-left:12px}
#header{height:150px;background:#fff url(/Uploads/images/header-bg.jpg) no-repeat right top;position:relative}
#header .logo img{position:absolute;left:20px;top:20px;height:110px}
#header .site-name{position:absolute;left:150px;top:40px}
#header .site-name h2{margin:0;font-size:28px;color:#c4161c;text-shadow:1px 1px #fff}
#header .site-name p{margin:4px 0 0;font-size:16px;color:#0b4f8a;font-weight:bold}
#header .search-form{position:absolute;right:20px;top:20px}
#header .today{position:absolute;right:20px;bottom:10px;font-style:italic;color:#555}
.main-menu{list-style:none;margin:0;padding:0;background:#c4161c;height:40px}
.main-menu>li{float:left;position:relative}
.main-menu>li>a{display:block;padding:0 16px;line-height:40px;color:#fff;font-weight:bold;text-transform:uppercase}
.main-menu .sub-menu{display:none;position:absolute;top:40px;left:0;z-index:99;list-style:none;margin:0;padding:0;background:#fff;min-width:240px;box-shadow:0 2px 6px rgba(0,0,0,.3)}
.main-menu li:hover .sub-menu{display:block}
.main-menu .sub-menu a{display:block;padding:8px 12px;border-bottom:1px solid #eee}
.news-ticker{background:#fdf5e6;border-bottom:1px solid #e5d3b3;padding:6px 10px;font-size:13px}
.news-ticker .ticker-title{float:left;font-weight:bold;color:#c4161c;margin-right:8px}
.breadcrumb{padding:10px;font-size:13px;color:#666}
#content{padding:0 10px}
.col-main{float:left;width:830px}
.col-right{float:right;width:330px}
.clear{clear:both}
.news-title{font-size:24px;color:#0b4f8a;line-height:1.3}
.news-date{color:#888;font-size:12px;margin-bottom:10px}
.news-sapo{font-weight:bold;margin-bottom:12px;line-height:1.5}
.news-content{line-height:1.6;text-align:justify}
.news-content img{max-width:100%;height:auto}
.news-tools{border-top:1px dotted #ccc;margin-top:12px;padding-top:8px;font-size:12px}
.news-tools a{margin-right:12px}
.title-block{background:#0b4f8a;color:#fff;font-size:14px;margin:12px 0 6px;padding:8px 10px;text-transform:uppercase}
.related-news ul,.other-news ul,.most-read ul,.home-news{margin:0;padding-left:18px}
.related-news li span,.other-news li span,.most-read li span{color:#999;font-size:12px}
.news-item{overflow:hidden;border-bottom:1px solid #eee;padding:10px 0}
.news-item img{float:left;width:200px;height:130px;margin-right:12px;object-fit:cover}
.news-item h3{margin:0 0 6px;font-size:16px}
.news-item .date{color:#999;font-size:12px}
.pagination{margin:16px 0;text-align:center}
.pagination a,.pagination span{display:inline-block;padding:4px 10px;border:1px solid #ddd;margin:0 2px}
.pagination .current{background:#0b4f8a;color:#fff}
.block{margin-bottom:14px}.block ul{margin:0;padding-left:18px}
.adv img{width:100%;display:block;margin-bottom:6px}
.counter ul{list-style:none;padding:0}.counter span{font-weight:bold;color:#c4161c}
#footer{background:#0b4f8a;color:#fff;padding:16px 20px;font-size:13px;line-height:1.6}
#footer a{color:#fff}
@media (max-width:1200px){#wrapper{width:100%}.col-main,.col-right{float:none;width:auto}}
</style>"""

_HEAD_SCRIPT = """<script type="text/javascript">
var vnPortal = vnPortal || {};
vnPortal.config = {siteId: 1, language: "vi-VN", rootUrl: "/", searchUrl: "/tim-kiem", emptySearchMessage: "Vui lòng nhập từ khóa cần tìm kiếm!"};
function checkSearch(form) {
    if (!form.q.value.replace(/\\s+/g, "")) { alert(vnPortal.config.emptySearchMessage); return false; }
    return true;
}
</script>"""

_FOOT_SCRIPT = """<script type="text/javascript">
(function () {
    var items = document.querySelectorAll(".main-menu > li");
    for (var i = 0; i < items.length; i++) {
        items[i].addEventListener("mouseenter", function () { this.className += " hover"; });
        items[i].addEventListener("mouseleave", function () { this.className = this.className.replace(" hover", ""); });
    }
    var form = document.querySelector(".search-form");
    if (form) { form.onsubmit = function () { return checkSearch(form); }; }
    window.vnPortalStats = {page: location.pathname, referrer: document.referrer, title: "Thống kê lượt truy cập"};
})();
</script>"""

_TOP_BAR = """<div id="top-bar"><a href="/so-do-cong">Sơ đồ cổng</a><a href="/lien-he">Liên hệ</a><a href="/rss.xml">RSS</a><a href="/en">English</a><a href="/admin/login">Đăng nhập</a></div>"""

_LOOKUP_BLOCK = """<div class="block lookup"><h3 class="title-block">THÔNG TIN TRA CỨU</h3><ul>
<li><a href="/van-ban">Tra cứu văn bản</a></li>
<li><a href="/thu-tuc-hanh-chinh/tra-cuu">Tra cứu thủ tục hành chính</a></li>
<li><a href="https://dichvucong.sonla.gov.vn">Dịch vụ công trực tuyến</a></li>
<li><a href="/danh-ba">Danh bạ điện thoại</a></li>
<li><a href="/lich-cong-tac">Lịch công tác</a></li>
<li><a href="/hoi-dap">Hỏi đáp trực tuyến</a></li>
</ul></div>"""

_ADVERTISEMENTS = "\n".join(
    f'<div class="block adv"><a href="#"><img src="/Uploads/adv/banner{n}.jpg" alt="image advertisement"></a></div>'
    for n in (1, 2, 3)
)

_DOCUMENTS_BLOCK = """<div class="block documents"><h3 class="title-block">Văn bản mới</h3><ul>
<li><a href="/van-ban/chi-dao-dieu-hanh">Quyết định số 1125/QĐ-UBND ngày 14/06/2024 ban hành Kế hoạch chuyển đổi số tỉnh Sơn La năm 2024</a></li>
<li><a href="/van-ban/chi-dao-dieu-hanh">Kế hoạch số 215/KH-UBND ngày 05/06/2024 về phòng, chống thiên tai mùa mưa lũ</a></li>
<li><a href="/van-ban/quy-pham-phap-luat">Nghị quyết số 18/2024/NQ-HĐND ngày 11/04/2024 của HĐND tỉnh</a></li>
<li><a href="/van-ban/chi-dao-dieu-hanh">Chỉ thị số 03/CT-UBND ngày 02/03/2024 về tăng cường công tác bảo vệ rừng</a></li>
</ul></div>"""

_POLL_BLOCK = """<div class="block poll"><h3 class="title-block">Thăm dò ý kiến</h3>
<p>Bạn đánh giá thế nào về chất lượng thông tin trên Cổng thông tin điện tử tỉnh?</p>
<ul>
<li><label><input type="radio" name="poll" value="1"> Rất hữu ích</label></li>
<li><label><input type="radio" name="poll" value="2"> Hữu ích</label></li>
<li><label><input type="radio" name="poll" value="3"> Bình thường</label></li>
<li><label><input type="radio" name="poll" value="4"> Cần cải thiện</label></li>
</ul>
<button type="button" onclick="alert('Cảm ơn bạn đã tham gia bình chọn!');">Bình chọn</button> <a href="/tham-do-y-kien">Xem kết quả</a></div>"""

_WEBSITE_LINKS_BLOCK = """<div class="block website-links"><h3 class="title-block">Liên kết website</h3>
<select onchange="if (this.value) window.open(this.value);">
<option value="">-- Các sở, ban, ngành --</option>
<option value="https://snnptnt.sonla.gov.vn">Sở Nông nghiệp và Phát triển nông thôn</option>
<option value="https://skhdt.sonla.gov.vn">Sở Kế hoạch và Đầu tư</option>
<option value="https://sct.sonla.gov.vn">Sở Công Thương</option>
<option value="https://syt.sonla.gov.vn">Sở Y tế</option>
<option value="https://sgddt.sonla.gov.vn">Sở Giáo dục và Đào tạo</option>
<option value="https://svhttdl.sonla.gov.vn">Sở Văn hóa, Thể thao và Du lịch</option>
<option value="https://stttt.sonla.gov.vn">Sở Thông tin và Truyền thông</option>
</select>
<select onchange="if (this.value) window.open(this.value);">
<option value="">-- UBND các huyện, thành phố --</option>
<option value="https://thanhpho.sonla.gov.vn">Thành phố Sơn La</option>
<option value="https://mocchau.sonla.gov.vn">Huyện Mộc Châu</option>
<option value="https://vanho.sonla.gov.vn">Huyện Vân Hồ</option>
<option value="https://maison.sonla.gov.vn">Huyện Mai Sơn</option>
<option value="https://yenchau.sonla.gov.vn">Huyện Yên Châu</option>
<option value="https://thuanchau.sonla.gov.vn">Huyện Thuận Châu</option>
<option value="https://songma.sonla.gov.vn">Huyện Sông Mã</option>
</select></div>"""

_FOOTER = """<div id="footer">
<div class="footer-links"><a href="/gioi-thieu">Giới thiệu</a> | <a href="/lien-he">Liên hệ</a> | <a href="/so-do-cong">Sơ đồ cổng</a> | <a href="/rss.xml">RSS</a></div>
<div class="footer-info">
<p><strong>Cơ quan chủ quản: Ủy ban nhân dân tỉnh Sơn La</strong></p>
<p>Cơ quan thường trực: Văn phòng UBND tỉnh Sơn La. Chịu trách nhiệm chính: Chánh Văn phòng UBND tỉnh</p>
<p>Địa chỉ: Tầng 5, Tòa nhà 7 tầng, Trung tâm Hành chính tỉnh, Tp. Sơn La</p>
<p>Điện thoại: 0212.3856.688 - Fax: 0212.3852.110 - Email: congthongtin@sonla.gov.vn</p>
<p>Giấy phép thiết lập trang thông tin điện tử số 12/GP-TTĐT cấp ngày 15/03/2019</p>
<p>Bản quyền © 2024 Cổng thông tin điện tử tỉnh Sơn La</p>
<p>Ghi rõ nguồn “Cổng thông tin điện tử tỉnh Sơn La” hoặc “sonla.gov.vn” khi phát hành lại thông tin từ website này.</p>
</div>
</div>"""
