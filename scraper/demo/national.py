"""The national government portal (baochinhphu.vn / chinhphu.vn style), for the offline portal.

Pages follow the newspaper CMS of the national portal: ``h1.detail-title``,
``div.detail-time`` ("10/01/2024 15:30"), ``div.detail-sapo`` starting with
"(Chinhphu.vn) - ", ``div.detail-content`` with photos as
``figure.VCSortableInPreviewMode`` and sometimes a "Tin liên quan" box inside
the text; the author in ``div.detail-author`` or as a bold right-aligned last
paragraph; some articles end with "Theo baochinhphu.vn".

    /chinh-sach-moi.htm                 listing, page 1
    /chinh-sach-moi/trang-2.htm         page 2
    /{slug}-{18 digits}.htm             article (102 + yymmddHHMMSS + 3 digits)
    /rss/home.rss, /rss/chinh-sach-moi.rss
"""

from __future__ import annotations

import json
import re
from html import escape
from urllib.parse import quote

from .families import (
    PORTAL_TODAY, FamilyArticle, FamilyCategory, FamilySite, counter, day_first, in_category, latest, listing_slice,
    most_read, neighbours, related, weekday,
)

CDN = "https://bcp.cdnchinhphu-demo.vn/334894974524682240"
FILES = "https://datafiles.chinhphu-demo.vn/cpp/files/vbpq"
_ARTICLE = re.compile(r"/[a-z0-9-]+-(\d{18})\.htm")
_LISTING = re.compile(r"/([a-z0-9-]+?)(?:/trang-(\d+))?\.htm")


class NationalSite(FamilySite):
    family = "national"
    site_name = "Báo Điện tử Chính phủ"
    agency = "Văn phòng Chính phủ"
    province = ""
    text_province = "Việt Nam"
    canonical_base = "https://chinhphu-demo.vn"
    seed = 3505
    categories = (
        FamilyCategory("chinh-sach-moi", "Chính sách mới", "chinh-tri"),
        FamilyCategory("thoi-su", "Thời sự", "tin-tuc-su-kien"),
    )
    page_size = 6
    districts = {
        "Mường Nhé": ("Chung Chải", "Leng Su Sìn", "Sín Thầu", "Quảng Lâm", "Mường Toong"),
        "Kỳ Sơn": ("Mường Xén", "Na Loi", "Keng Đu", "Mỹ Lý", "Huồi Tụ"),
        "Bắc Hà": ("Bản Liền", "Tả Van Chư", "Lùng Phình", "Nậm Mòn", "Bảo Nhai"),
        "Tây Giang": ("A Tiêng", "Lăng", "Bhalêê", "Dang", "Ch'ơm"),
        "Krông Pa": ("Chư Gu", "Ia Rsai", "Phú Cần", "Ia Mláh", "Đất Bằng"),
        "Trần Đề": ("Lịch Hội Thượng", "Trung Bình", "Tài Văn", "Viên An", "Đại Ân 2"),
    }
    source_marker = "Chinhphu.vn"
    marker_always = True
    home_paths = ("/",)
    robots_disallow = ("/tim-kiem.htm", "/api/")
    upload_prefixes = ()
    not_found_text = "Trang bạn tìm kiếm không tồn tại"
    attachment_kinds = (
        ("Nghị định số {n}/{year}/NĐ-CP", "nd-{n}-{year}-nd-cp.signed", "pdf"),
        ("Quyết định số {n}/QĐ-TTg", "qd-{n}-qd-ttg.signed", "pdf"),
        ("Thông tư số {n}/{year}/TT-BTC", "tt-{n}-{year}-tt-btc", "pdf"),
        ("Phụ lục kèm theo", "phu-luc-{n}", "docx"),
        ("Biểu mẫu số liệu", "bieu-mau-{n}", "xlsx"),
    )

    # ------------------------------------------------------------ articles

    def article_number(self, base, published, rng):
        return int(f"102{published:%y%m%d%H%M}{rng.randrange(60):02d}{rng.randrange(1000):03d}")

    def credit_for(self, rng):
        return "baochinhphu.vn" if rng.random() < 0.35 else None

    # ------------------------------------------------------------ addresses

    def article_path(self, category, slug, number, published):
        return f"/{slug}-{number}.htm"

    def image_src(self, published, number, image):
        return f"{CDN}/{published.year}/{published.month}/{published.day}/anh-{number}-{image}-17{number % 10**11:011d}.jpg"

    def attachment_href(self, published, number, filename):
        return f"{FILES}/{published:%Y/%m}/{filename}"

    def listing_path(self, category, page):
        return f"/{category.slug}.htm" if page == 1 else f"/{category.slug}/trang-{page}.htm"

    def rss_path(self, category):
        return "/rss/home.rss" if category is None else f"/rss/{category.slug}.rss"

    def canonical(self, path, query):
        if _ARTICLE.fullmatch(path):
            return path  # tracking parameters (?utm_source=...) do not change the page
        match = _LISTING.fullmatch(path)
        if match and self.category(match[1]) and match[2] == "1":
            return self.listing_path(self.category(match[1]), 1)
        return path + (f"?{query}" if query else "")

    def parse_listing(self, key):
        match = _LISTING.fullmatch(key)
        category = self.category(match[1]) if match else None
        return (category, int(match[2] or 1)) if category else None

    def feed_category(self, key):
        if key == "/rss/home.rss":
            return True, None
        for category in self.categories:
            if key == self.rss_path(category):
                return True, category
        return False, None

    # ------------------------------------------------------------ pages

    def article_page(self, article: FamilyArticle, articles, base_url):
        category = self.category(article.category_slug)
        url = self.canonical_base + article.path
        in_box = article.id % 3 == 0
        author_block = ""
        if article.id % 2:
            author_block = f'<div class="detail-author" data-role="author"><div class="name">{escape(article.author_line)}</div></div>'
        attachments = ""
        if article.attachments:
            links = "\n".join(f'<li><a href="{escape(href)}" target="_blank" rel="nofollow">{escape(title)}</a></li>'
                              for href, title in article.attachments)
            attachments = f'<div class="detail-attachment"><span class="title">Tải về</span><ul>\n{links}\n</ul></div>'
        images = article.images
        share = quote(url, safe="")
        jsonld = json.dumps({
            "@context": "http://schema.org", "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "@id": url}, "headline": article.title,
            "description": f"(Chinhphu.vn) - {article.lead}",
            "image": {"@type": "ImageObject", "url": images[0][0] if images else _LOGO, "width": 1200, "height": 800},
            "datePublished": f"{article.published:%Y-%m-%dT%H:%M:00}+07:00",
            "dateModified": f"{article.published:%Y-%m-%dT%H:%M:00}+07:00",
            "author": {"@type": "Person", "name": article.author},
            "publisher": {"@type": "Organization", "name": self.site_name, "logo": {"@type": "ImageObject", "url": _LOGO}},
        }, ensure_ascii=False)
        main = f"""<div class="detail__container">
<div class="detail-left">
<div class="detail-cate"><a href="/{category.slug}.htm" title="{escape(category.name)}">{escape(category.name)}</a></div>
<div class="detail-time"><div data-role="publishdate">{day_first(article.published)}</div></div>
<h1 class="detail-title" data-role="title">{escape(article.title)}</h1>
<div class="detail-sharing">
<a href="https://www.facebook.com/sharer/sharer.php?u={share}" class="item fb" target="_blank" rel="nofollow" title="Chia sẻ Facebook">Facebook</a>
<a href="https://sp.zalo.me/share_inline?d={share}" class="item zalo" target="_blank" rel="nofollow" title="Chia sẻ Zalo">Zalo</a>
<a href="javascript:;" class="item print" onclick="window.print()" title="In bài">In bài</a>
<a href="javascript:;" class="item copy" data-url="{escape(url)}" title="Sao chép đường dẫn">Sao chép link</a>
</div>
<div class="detail-sapo" data-role="sapo">({escape(article.source_marker or "Chinhphu.vn")}) - {escape(article.lead)}</div>
<div class="detail-content afcbc-body" data-role="content" itemprop="articleBody">
{_content(article, related(article, articles, 3) if in_box else [], with_author=not article.id % 2)}
</div>
{author_block}
{attachments}
<div class="detail-tag"><span class="tag-title">Từ khóa:</span> <a href="/tags/{category.slug}.htm" title="{escape(category.name)}">{escape(category.name)}</a> <a href="/tags/dia-phuong.htm" title="Địa phương">Địa phương</a></div>
<div class="detail-related box-stream"><h3 class="box-title">Tin liên quan</h3>
{_stream(related(article, articles))}
</div>
<div class="detail-others box-stream"><h3 class="box-title">Các tin khác</h3>
{_stream(neighbours(article, articles))}
</div>
</div>
{self._right(articles, article.path)}
</div>"""
        head = f"""<meta property="og:type" content="article">
<meta property="og:title" content="{escape(article.title)}">
<meta property="og:description" content="(Chinhphu.vn) - {escape(article.lead)}">
<meta property="og:url" content="{escape(url)}">
<meta property="og:image" content="{escape(images[0][0] if images else _LOGO)}">
<meta property="article:published_time" content="{article.published:%Y-%m-%dT%H:%M:00}+07:00">
<meta property="article:section" content="{escape(category.name)}">
<link rel="canonical" href="{escape(url)}">
<link rel="amphtml" href="{escape(url[:-4])}.amp">
<script type="application/ld+json">{jsonld}</script>
<script type="text/javascript">var _ADM_Channel = '%2f{category.slug}%2fdetail%2f'; var newsId = '{article.id}'; var cateId = '{category.slug}';</script>"""
        return self._layout(title=article.title, description=f"(Chinhphu.vn) - {article.lead}", head=head,
                            breadcrumb=_breadcrumb(category), main=main, page_class="detail")

    def listing_page(self, category, page, articles, base_url):
        shown = listing_slice(articles, category, page, self.page_size)
        if shown is None:
            return None
        items, pages = shown
        links = []
        for number in range(1, pages + 1):
            if number == page:
                links.append(f'<span class="active">{number}</span>')
            else:
                links.append(f'<a href="{self.listing_path(category, number)}" title="Trang {number}">{number}</a>')
        if page < pages:
            links.append(f'<a href="{self.listing_path(category, page + 1)}" class="next" title="Trang sau">Trang sau</a>')
        main = f"""<div class="list__container">
<div class="list-left">
<h1 class="list-title"><a href="/{category.slug}.htm">{escape(category.name)}</a></h1>
<div class="box-stream">
{_stream(items, with_sapo=True)}
</div>
<div class="list__pagination">{" ".join(links)}</div>
</div>
{self._right(articles, self.listing_path(category, page))}
</div>"""
        url = self.canonical_base + self.listing_path(category, page)
        head = (f'<link rel="canonical" href="{escape(url)}">\n<meta property="og:title" content="{escape(category.name)}">\n'
                f'<meta property="og:url" content="{escape(url)}">\n<meta property="og:type" content="website">\n'
                f'<link rel="alternate" type="application/rss+xml" title="{escape(category.name)}" href="{self.rss_path(category)}">')
        title = category.name if page == 1 else f"{category.name} - Trang {page}"
        return self._layout(title=title, description=f"Tin tức {category.name.lower()} - {self.site_name}", head=head,
                            breadcrumb=_breadcrumb(category), main=main, page_class="list")

    def home_page(self, articles, base_url):
        sections = []
        for category in self.categories:
            shown = in_category(articles, category)[:5]
            if shown:
                sections.append(f"""<div class="home-cate"><h2 class="box-title"><a href="/{category.slug}.htm">{escape(category.name)}</a></h2>
{_stream(shown, with_sapo=True)}
</div>""")
        main = f"""<div class="home__container"><div class="home-left">
{"".join(sections)}
</div>
{self._right(articles, "/")}
</div>"""
        head = f'<link rel="canonical" href="{self.canonical_base}/">\n<meta property="og:type" content="website">'
        return self._layout(title=None, description="Báo Điện tử Chính phủ: thông tin chính sách, chỉ đạo điều hành của Chính phủ, Thủ tướng Chính phủ",
                            head=head, breadcrumb="", main=main, page_class="home")

    def not_found_page(self, articles, base_url):
        main = f"""<div class="page-404"><h1>{self.not_found_text}</h1>
<p>Đường dẫn không đúng hoặc bài viết đã được gỡ bỏ. <a href="/">Về trang chủ</a></p></div>"""
        return self._layout(title="404", description=self.not_found_text, head='<meta name="robots" content="noindex">',
                            breadcrumb="", main=main, page_class="error")

    def _right(self, articles, key):
        counts = counter(key)
        return f"""<div class="detail-right sidebar">
<div class="box-latest box-stream"><h3 class="box-title">Tin mới</h3>
{_stream(latest(articles, 6))}
</div>
<div class="box-ads"><a href="https://dichvucong.chinhphu-demo.vn" target="_blank" rel="nofollow"><img src="{CDN}/banner/dich-vu-cong-quoc-gia.jpg" alt="image advertisement" width="300"></a></div>
<div class="box-most-read box-stream"><h3 class="box-title">Tin đọc nhiều</h3>
{_stream(most_read(articles))}
</div>
<div class="box-ads"><a href="https://vanban.chinhphu-demo.vn" target="_blank" rel="nofollow"><img src="{CDN}/banner/he-thong-van-ban.jpg" alt="image advertisement" width="300"></a></div>
<div class="box-counter"><h3 class="box-title">Thống kê truy cập</h3><ul>
<li>Đang online: <b>{counts[0]}</b></li><li>Hôm nay: <b>{counts[1]}</b></li><li>Trong tuần: <b>{counts[2]}</b></li><li>Tất cả: <b>{counts[3]}</b></li></ul></div>
</div>"""

    def _layout(self, *, title, description, head, breadcrumb, main, page_class):
        page_title = self.site_name if title is None else title
        return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(page_title)}</title>
<meta name="description" content="{escape(description)}">
<meta name="keywords" content="Chính phủ, Thủ tướng, chính sách, chỉ đạo điều hành">
<meta name="news_keywords" content="Chính phủ, Thủ tướng, chính sách">
<meta property="og:site_name" content="{self.site_name}">
<meta property="fb:app_id" content="1234567890123456">
{head}
<link rel="shortcut icon" href="https://static.chinhphu-demo.vn/web/images/favicon.ico">
<link rel="stylesheet" href="https://static.chinhphu-demo.vn/web/css/common.min.css?v=2024.06.20.1">
<link rel="stylesheet" href="https://static.chinhphu-demo.vn/web/css/{page_class}.min.css?v=2024.06.20.1">
<script type="text/javascript">
var appSettings = {{domain: "{self.canonical_base}", staticDomain: "https://static.chinhphu-demo.vn", imageDomain: "{CDN}", ajaxDomain: "https://s1.chinhphu-demo.vn", pageType: "{page_class}", videoDomain: "https://video.chinhphu-demo.vn", sharefbApiDomain: "https://sharefb.cnnd.vn", allowAds: false}};
(function (w, d) {{ w.admicroQueue = w.admicroQueue || []; w.loadJsAsync = function (src, cb) {{ var s = d.createElement("script"); s.async = true; s.src = src; if (cb) {{ s.onload = cb; }} d.head.appendChild(s); }}; }})(window, document);
</script>
<style>
.detail-title{{font-size:32px;line-height:1.3;font-weight:700;color:#222;margin:8px 0 12px}}
.detail-sapo{{font-size:18px;line-height:1.5;font-weight:700;color:#333;margin-bottom:16px}}
.detail-content{{font-size:18px;line-height:1.6}}
.detail-content figure{{margin:16px 0;text-align:center}}
.detail-content figcaption{{font-size:15px;color:#555;font-style:italic;padding:6px 0}}
.detail-time{{color:#888;font-size:14px}}
.detail-author{{text-align:right;font-weight:700;margin:12px 0}}
.box-stream-item{{overflow:hidden;padding:12px 0;border-bottom:1px solid #eee}}
.box-stream-avatar{{float:left;width:260px;height:173px;object-fit:cover;margin-right:16px}}
.box-stream-time{{color:#999;font-size:13px}}
.sidebar{{float:right;width:300px}}
.detail-left,.list-left,.home-left{{float:left;width:860px}}
</style>
</head>
<body class="page-{page_class}">
<div id="admWrapsite">
<header class="header">
<div class="header__top"><div class="container">
<span class="header__date">{weekday(PORTAL_TODAY)}, {PORTAL_TODAY:%d/%m/%Y}</span>
<div class="header__links"><a href="https://chinhphu-demo.vn/portal" target="_blank">Cổng TTĐT Chính phủ</a><a href="https://en.chinhphu-demo.vn" target="_blank">English</a><a href="https://cn.chinhphu-demo.vn" target="_blank">中文</a><a href="/rss.htm">RSS</a></div>
</div></div>
<div class="header__logo container"><a href="/" class="logo" title="{self.site_name}"><img src="{_LOGO}" alt="{self.site_name}" width="420"></a>
<form class="header__search" action="/tim-kiem.htm" method="get"><input type="text" name="keywords" placeholder="Tìm kiếm"><button type="submit">Tìm</button></form></div>
<nav class="header__nav"><div class="container"><ul class="menu-nav">
{_MENU}
</ul></div></nav>
</header>
<main class="main {page_class}"><div class="container">
{breadcrumb}
{main}
<div class="clearfix"></div>
</div></main>
<footer class="footer"><div class="container">
<div class="footer__menu">{_FOOTER_MENU}</div>
<div class="footer__info">
<p><b>BÁO ĐIỆN TỬ CHÍNH PHỦ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p>
<p>Cơ quan chủ quản: Văn phòng Chính phủ. Tổng Biên tập: Nguyễn Văn Minh</p>
<p>Giấy phép số 250/GP-BTTTT cấp ngày 10/6/2022 của Bộ Thông tin và Truyền thông</p>
<p>Địa chỉ: Số 16 phố Lê Hồng Phong, quận Ba Đình, Hà Nội. Điện thoại: 080.43162 - Email: thongtinchinhphu@chinhphu-demo.vn</p>
<p>Bản quyền © 2024 Báo Điện tử Chính phủ. Ghi rõ nguồn "Báo Điện tử Chính phủ" hoặc "chinhphu-demo.vn" khi phát hành lại thông tin từ các nguồn này.</p>
</div></div></footer>
</div>
<script src="https://static.chinhphu-demo.vn/web/js/common.min.js?v=2024.06.20.1" async></script>
<script src="https://static.chinhphu-demo.vn/web/js/{page_class}.min.js?v=2024.06.20.1" async></script>
</body>
</html>
"""


SITE = NationalSite()

_LOGO = "https://static.chinhphu-demo.vn/web/images/logo-bao-dien-tu-chinh-phu.png"


def _content(article: FamilyArticle, boxed: list[FamilyArticle], with_author: bool) -> str:
    parts = []
    paragraphs_seen = 0
    for block in article.blocks:
        if block[0] == "img":
            src, caption = block[1], block[2]
            photo_id = src.rsplit("/", 1)[1]
            parts.append(
                f'<figure class="VCSortableInPreviewMode" type="Photo" style=""><div><a href="{escape(src)}" data-fancybox-group="img-lightbox" '
                f'title="{escape(caption)}" target="_blank" class="detail-img-lightbox"><img src="{escape(src)}" id="img-{escape(photo_id)}" w="1200" h="800" '
                f'alt="{escape(caption)}" title="{escape(caption)}" rel="lightbox" photoid="{escape(photo_id)}" type="photo" style="max-width:100%;" '
                f'data-original="{escape(src)}" width="" height="" class="lightbox-content"></a></div>'
                f'<figcaption class="PhotoCMS_Caption"><p data-placeholder="[nhập chú thích]" class="NLPlaceholderShow">{escape(caption)}</p></figcaption></figure>')
        elif block[0] == "table":
            rows = block[1]
            head = "".join(f'<td style="text-align:center;"><strong>{escape(c)}</strong></td>' for c in rows[0])
            body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows[1:])
            parts.append(f'<div class="VCSortableInPreviewMode" type="content"><table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" '
                         f'style="width:100%;border-collapse:collapse;"><tbody><tr>{head}</tr>{body}</tbody></table></div>')
        else:
            parts.append(f"<p>{escape(block[1])}</p>")
            paragraphs_seen += 1
            if boxed and paragraphs_seen == 2:
                links = "".join(f'<li><a href="{escape(a.path)}" title="{escape(a.title)}">{escape(a.title)}</a></li>' for a in boxed)
                parts.append(f'<div class="VCSortableInPreviewMode alignRight" type="RelatedNewsBox"><div class="kbwscwl-relatedbox type-1">'
                             f'<strong class="kbwscwlrl-title">Tin liên quan</strong><ul class="kbwscwl-list">{links}</ul></div></div>')
    if with_author:
        parts.append(f'<p style="text-align: right;"><strong>{escape(article.author_line)}</strong></p>')
    if article.credit:
        parts.append(f'<p style="text-align: right;"><em>Theo {escape(article.credit)}</em></p>')
    return "\n".join(parts)


def _stream(articles, with_sapo: bool = False) -> str:
    items = []
    for a in articles:
        images = a.images
        avatar = ""
        if with_sapo:
            thumb = images[0][0] if images else _LOGO
            avatar = (f'<a class="box-stream-link-with-avatar" href="{escape(a.path)}" title="{escape(a.title)}">'
                      f'<img class="box-stream-avatar" src="{escape(thumb)}" alt="{escape(a.title)}"></a>')
        sapo = f'<p class="box-stream-sapo">(Chinhphu.vn) - {escape(a.lead)}</p>' if with_sapo else ""
        items.append(f'<div class="box-stream-item">{avatar}<div class="box-stream-content">'
                     f'<h2><a class="box-stream-link-title" href="{escape(a.path)}" title="{escape(a.title)}">{escape(a.title)}</a></h2>'
                     f'{sapo}<span class="box-stream-time">{day_first(a.published)}</span></div></div>')
    return "\n".join(items)


def _breadcrumb(category: FamilyCategory) -> str:
    return (f'<ul class="breadcrumb"><li><a href="/" title="Trang chủ">Trang chủ</a></li>'
            f'<li><a href="/{category.slug}.htm" title="{escape(category.name)}">{escape(category.name)}</a></li></ul>')


_MENU = "\n".join(
    f'<li class="menu-nav-item"><a href="{href}" title="{escape(label)}">{escape(label)}</a></li>'
    for label, href in (
        ("Trang chủ", "/"), ("Thời sự", "/thoi-su.htm"), ("Chính sách mới", "/chinh-sach-moi.htm"),
        ("Chỉ đạo, quyết định của Chính phủ, Thủ tướng", "/chi-dao-quyet-dinh-cua-chinh-phu-thu-tuong.htm"),
        ("Kinh tế", "/kinh-te.htm"), ("Văn hóa", "/van-hoa.htm"), ("Xã hội", "/xa-hoi.htm"),
        ("Quốc tế", "/quoc-te.htm"), ("Multimedia", "/multimedia.htm"), ("Phổ biến chính sách", "/pho-bien-chinh-sach.htm"),
    )
)

_FOOTER_MENU = " | ".join(
    f'<a href="{href}">{escape(label)}</a>'
    for label, href in (("Thời sự", "/thoi-su.htm"), ("Chính sách mới", "/chinh-sach-moi.htm"), ("Kinh tế", "/kinh-te.htm"),
                        ("Văn hóa", "/van-hoa.htm"), ("Xã hội", "/xa-hoi.htm"), ("Liên hệ", "/lien-he.htm"))
)
