"""The chinhphu.vn family's real markup (baochinhphu.vn style), for the offline portal.

The ``national`` site is our early guess at the national portal; this one
follows what public crawler code of baochinhphu.vn, vpcp.chinhphu.vn and
xaydungchinhsach.chinhphu.vn relies on. Article ids are a 3-digit zone
prefix (102 for baochinhphu) and the creation time, ``yymmddHHMMSS`` plus
milliseconds. A zone's page 1 is ``/<zone>.htm``; its "Xem thêm" button runs
a script that appends ``/timelinelist/<zone id>/<page>.htm`` (the zone id is
in ``#hdZoneId``), an HTML fragment of ``.box-stream-item``s. Articles have
``h1.detail-title``, ``h2.detail-sapo`` starting "(Chinhphu.vn) - ", the
body in ``div.detail-content.afcbc-body`` where photos and related-news
boxes are ``.VCSortableInPreviewMode`` elements, ``div.publishDate``, the
zone in ``[data-role=cate-name]``, tags in ``.detail-tag-list`` and
``article:published_time`` in ISO +07:00.

    /dia-phuong.htm                      zone page 1
    /timelinelist/1021/2.htm             page 2, the fragment "Xem thêm" appends
    /{slug}-102{yymmddHHMMSS}{ms}.htm    article
    /rss/home.rss, /rss/dia-phuong.rss   RSS
"""

from __future__ import annotations

import json
import re
from html import escape
from urllib.parse import quote

from .families import (
    HTML_UTF8, PORTAL_TODAY, FamilyArticle, FamilyCategory, FamilySite, counter, day_first, in_category, latest,
    listing_slice, most_read, neighbours, related, weekday,
)

CDN = "https://bcp.cdnchinhphu-demo.vn/334894974524682240"
STATIC = "https://static.mediacdn-demo.vn/baochinhphu"
FILES = "https://datafiles.chinhphu-demo.vn/cpp/files/vbpq"
ZONE_PREFIX = "102"
_ARTICLE = re.compile(r"/[a-z0-9-]+-(102\d{15})\.htm")
_ZONE = re.compile(r"/([a-z0-9-]+)\.htm")
_TIMELINE = re.compile(r"/timelinelist/(\d+)/(\d+)\.htm")


class ChinhPhuSite(FamilySite):
    family = "chinhphu"
    site_name = "Báo Điện tử Chính phủ"
    agency = "Văn phòng Chính phủ"
    province = ""
    text_province = "Việt Nam"
    canonical_base = "https://baochinhphu-demo.vn"
    seed = 3707
    categories = (
        FamilyCategory("dia-phuong", "Địa phương", "chinh-tri", "1021"),
        FamilyCategory("xa-hoi", "Xã hội", "van-hoa-xa-hoi", "1034"),
    )
    page_size = 5
    districts = {
        "Mù Cang Chải": ("Chế Tạo", "Lao Chải", "Khao Mang", "Nậm Khắt", "Púng Luông"),
        "Đồng Văn": ("Lũng Cú", "Sảng Tủng", "Phố Bảng", "Lũng Phìn", "Sủng Là"),
        "Si Ma Cai": ("Sán Chải", "Nàn Sín", "Bản Mế", "Cán Cấu", "Lùng Thẩn"),
        "Nam Trà My": ("Trà Linh", "Trà Cang", "Trà Tập", "Trà Nam", "Trà Don"),
        "Kon Plông": ("Hiếu", "Măng Cành", "Đắk Long", "Pờ Ê", "Ngọk Tem"),
        "Bù Gia Mập": ("Đắk Ơ", "Phú Văn", "Đa Kia", "Phước Minh", "Bình Thắng"),
    }
    source_marker = "Chinhphu.vn"
    marker_always = True
    home_paths = ("/",)
    robots_disallow = ("/tim-kiem.htm", "/preview/", "/api/")
    not_found_text = "Không tìm thấy nội dung bạn yêu cầu"
    attachment_kinds = (
        ("Nghị định số {n}/{year}/NĐ-CP", "nd-{n}-{year}-nd-cp", "pdf"),
        ("Quyết định số {n}/QĐ-TTg", "qd-{n}-ttg", "pdf"),
        ("Công điện số {n}/CĐ-TTg", "cd-{n}-ttg", "pdf"),
        ("Phụ lục kèm theo Nghị định", "phu-luc-nd-{n}", "docx"),
        ("Biểu tổng hợp số liệu", "bieu-tong-hop-{n}", "xlsx"),
    )

    # ------------------------------------------------------------ articles

    def article_number(self, base, published, rng):
        """Zone prefix + yymmddHHMMSS + milliseconds: the time the story was created."""
        return int(f"{ZONE_PREFIX}{published:%y%m%d%H%M}{rng.randrange(60):02d}{rng.randrange(1000):03d}")

    # ------------------------------------------------------------ addresses

    def article_path(self, category, slug, number, published):
        return f"/{slug}-{number}.htm"

    def image_src(self, published, number, image):
        return f"{CDN}/{published.year}/{published.month}/{published.day}/{str(number)[3:11]}-{image}-17{number % 10**11:011d}.jpg"

    def attachment_href(self, published, number, filename):
        return f"{FILES}/{published:%Y/%m}/{filename}"

    def listing_path(self, category, page):
        return f"/{category.slug}.htm" if page == 1 else self.timeline_path(category, page)

    @staticmethod
    def timeline_path(category: FamilyCategory, page: int) -> str:
        """The fragment of page ``page`` that the zone page's "Xem thêm" button loads."""
        return f"/timelinelist/{category.code}/{page}.htm"

    def rss_path(self, category):
        return "/rss/home.rss" if category is None else f"/rss/{category.slug}.rss"

    def by_code(self, code: str) -> FamilyCategory | None:
        return next((c for c in self.categories if c.code == code), None)

    def canonical(self, path, query):
        if _ARTICLE.fullmatch(path):
            return path  # sharing parameters (?gidzl=..., ?utm_source=...) do not change the page
        return path + (f"?{query}" if query else "")

    def parse_listing(self, key):
        match = _ZONE.fullmatch(key)
        category = self.category(match[1]) if match else None
        return (category, 1) if category else None

    def feed_category(self, key):
        if key == self.rss_path(None):
            return True, None
        for category in self.categories:
            if key == self.rss_path(category):
                return True, category
        return False, None

    def render(self, key, articles, base_url):
        timeline = _TIMELINE.fullmatch(key)
        if timeline:
            category = self.by_code(timeline[1])
            html = self.timeline(category, int(timeline[2]), articles) if category else None
            return None if html is None else (HTML_UTF8, html.encode())
        return super().render(key, articles, base_url)

    # ------------------------------------------------------------ pages

    def article_page(self, article: FamilyArticle, articles, base_url):
        category = self.category(article.category_slug)
        url = self.canonical_base + article.path
        share = quote(url, safe="")
        published = f"{article.published:%Y-%m-%dT%H:%M:00}+07:00"
        images = article.images
        tags = _tags(article, category)
        attachments = ""
        if article.attachments:
            links = "\n".join(
                f'<li><span class="icon-file {href.rsplit(".", 1)[1]}"></span><a href="{escape(href)}" target="_blank" rel="nofollow" title="{escape(title)}">{escape(title)}</a></li>'
                for href, title in article.attachments)
            attachments = f'<div class="detail-file"><div class="detail-file-title">File đính kèm</div><ul class="detail-file-list">\n{links}\n</ul></div>'
        boxed = related(article, articles, 3) if article.id % 3 == 0 else []
        jsonld = json.dumps({
            "@context": "https://schema.org", "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "@id": url}, "headline": article.title,
            "description": f"(Chinhphu.vn) - {article.lead}",
            "image": [images[0][0] if images else _LOGO],
            "datePublished": published, "dateModified": published,
            "author": {"@type": "Person", "name": article.author},
            "publisher": {"@type": "Organization", "name": self.site_name, "logo": {"@type": "ImageObject", "url": _LOGO}},
        }, ensure_ascii=False)
        main = f"""<div class="detail__main">
<div class="detail__top">
<div class="detail-cate"><a href="/{category.slug}.htm" data-role="cate-name" title="{escape(category.name)}">{escape(category.name)}</a></div>
<div class="detail-time"><div class="publishDate" data-role="publishdate">{day_first(article.published)}</div></div>
</div>
<h1 class="detail-title" data-role="title">{escape(article.title)}</h1>
<div class="detail-sharing">
<a href="https://www.facebook.com/sharer/sharer.php?u={share}" class="share-item facebook" rel="nofollow" target="_blank" title="Chia sẻ Facebook">Facebook</a>
<a href="https://sp.zalo.me/share_inline?d={share}" class="share-item zalo" rel="nofollow" target="_blank" title="Chia sẻ Zalo">Zalo</a>
<a href="javascript:;" class="share-item print" onclick="window.print();" title="In bài viết">In</a>
<a href="javascript:;" class="share-item copy-link" data-href="{escape(url)}" title="Sao chép liên kết">Sao chép liên kết</a>
</div>
<h2 class="detail-sapo" data-role="sapo">(Chinhphu.vn) - {escape(article.lead)}</h2>
<div class="detail-content afcbc-body clearfix" data-role="content" itemprop="articleBody">
{_content(article, boxed)}
</div>
{attachments}
<div class="detail-tag"><span class="detail-tag-title">Từ khóa:</span><ul class="detail-tag-list">
{tags}
</ul></div>
<div class="detail-bottom-related box-related"><h3 class="box-title"><span>Tin liên quan</span></h3>
{_category_items(related(article, articles))}
</div>
<div class="detail-bottom-other box-other"><h3 class="box-title"><span>Các tin khác</span></h3>
{_category_items(neighbours(article, articles))}
</div>
</div>"""
        head = f"""<meta property="og:type" content="article">
<meta property="og:title" content="{escape(article.title)}">
<meta property="og:description" content="(Chinhphu.vn) - {escape(article.lead)}">
<meta property="og:url" content="{escape(url)}">
<meta property="og:image" content="{escape(images[0][0] if images else _LOGO)}">
<meta property="article:published_time" content="{published}">
<meta property="article:modified_time" content="{published}">
<meta property="article:section" content="{escape(category.name)}">
<link rel="canonical" href="{escape(url)}">
<script type="application/ld+json">{jsonld}</script>
<script type="text/javascript">var _ADM_Channel = '%2f{category.slug}%2fdetail%2f'; var pageSettings = {{ newsId: '{article.id}', zoneId: '{category.code}', zoneUrl: '{category.slug}', pageType: 'detail' }};</script>"""
        return self._layout(articles, key=article.path, title=article.title, description=f"(Chinhphu.vn) - {article.lead}",
                            head=head, main=main, page_class="detail")

    def listing_page(self, category, page, articles, base_url):
        items = self.timeline(category, 1, articles)
        if items is None:
            return None
        main = f"""<input type="hidden" id="hdZoneId" value="{category.code}">
<input type="hidden" id="hdZoneUrl" value="{category.slug}">
<input type="hidden" id="hdPageIndex" value="1">
<div class="list__main">
<h1 class="list-title"><a href="/{category.slug}.htm" title="{escape(category.name)}">{escape(category.name)}</a></h1>
<div class="box-stream" id="timeline-list" data-zone="{category.code}">
{items}
</div>
<div class="list__viewmore"><a href="javascript:;" class="btn-viewmore" data-page="2" title="Xem thêm">Xem thêm</a></div>
</div>
<script type="text/javascript">
(function () {{
    var zoneId = document.getElementById('hdZoneId').value, page = 2, loading = false;
    $('.btn-viewmore').on('click', function () {{
        if (loading) return; loading = true;
        $.get('/timelinelist/' + zoneId + '/' + page + '.htm', function (html) {{
            if ($.trim(html) === '') {{ $('.list__viewmore').hide(); return; }}
            $('#timeline-list').append(html); page++; loading = false;
        }}).fail(function () {{ $('.list__viewmore').hide(); }});
    }});
}})();
</script>"""
        url = self.canonical_base + self.listing_path(category, 1)
        head = (f'<link rel="canonical" href="{escape(url)}">\n<meta property="og:type" content="website">\n'
                f'<meta property="og:title" content="{escape(category.name)}">\n<meta property="og:url" content="{escape(url)}">\n'
                f'<link rel="alternate" type="application/rss+xml" title="{escape(category.name)}" href="{self.rss_path(category)}">')
        return self._layout(articles, key=self.listing_path(category, 1), title=category.name,
                            description=f"Tin tức {category.name.lower()} - {self.site_name}", head=head, main=main, page_class="list")

    def timeline(self, category: FamilyCategory, page: int, articles) -> str | None:
        """The ``.box-stream-item``s of one page: the fragment ``/timelinelist/`` answers."""
        shown = listing_slice(articles, category, page, self.page_size)
        if shown is None:
            return None
        return "\n".join(_stream_item(a, category) for a in shown[0])

    def home_page(self, articles, base_url):
        focus, *others = latest(articles, 5)
        focus_image = focus.images[0][0] if focus.images else _LOGO
        sections = []
        for category in self.categories:
            shown = in_category(articles, category)[:4]
            if shown:
                sections.append(f"""<div class="box-home-zone" data-zone="{category.code}"><h2 class="box-title"><a href="/{category.slug}.htm" title="{escape(category.name)}">{escape(category.name)}</a></h2>
<div class="box-stream">
{"".join(_stream_item(a, category) for a in shown)}
</div></div>""")
        main = f"""<div class="home__focus">
<div class="box-focus"><a class="box-focus-link-with-avatar" data-linktype="newsdetail" data-id="{focus.id}" href="{escape(focus.path)}" title="{escape(focus.title)}"><img class="box-focus-avatar" src="{escape(focus_image)}" alt="{escape(focus.title)}"></a>
<h2><a class="box-focus-link-title" data-linktype="newsdetail" data-id="{focus.id}" href="{escape(focus.path)}" title="{escape(focus.title)}">{escape(focus.title)}</a></h2>
<p class="box-focus-sapo">(Chinhphu.vn) - {escape(focus.lead)}</p></div>
<div class="box-focus-sub">
{_category_items(others)}
</div>
</div>
{"".join(sections)}"""
        head = f'<link rel="canonical" href="{self.canonical_base}/">\n<meta property="og:type" content="website">'
        return self._layout(articles, key="/", title=None, description="Báo Điện tử Chính phủ: thông tin chính sách, chỉ đạo điều hành",
                            head=head, main=main, page_class="home")

    def not_found_page(self, articles, base_url):
        main = f"""<div class="page-notfound"><h1 class="notfound-title">404</h1><p class="notfound-text">{self.not_found_text}</p>
<p>Bài viết có thể đã bị gỡ bỏ hoặc đường dẫn không chính xác. <a href="/">Quay lại trang chủ</a></p></div>"""
        return self._layout(articles, key=None, title="Không tìm thấy trang", description=self.not_found_text,
                            head='<meta name="robots" content="noindex, nofollow">', main=main, page_class="notfound")

    def _sidebar(self, articles, key):
        counts = counter(key)
        return f"""<aside class="sidebar">
<div class="box-latest"><h3 class="box-title"><span>Tin mới</span></h3>
{_category_items(latest(articles, 6))}
</div>
<div class="box-banner"><a href="https://dichvucong.chinhphu-demo.vn" target="_blank" rel="nofollow"><img src="{STATIC}/web/images/banner-dvc-quoc-gia.jpg" alt="image advertisement" width="300"></a></div>
<div class="box-most-viewed"><h3 class="box-title"><span>Tin đọc nhiều</span></h3>
{_category_items(most_read(articles))}
</div>
<div class="box-banner"><a href="https://vanban.chinhphu-demo.vn" target="_blank" rel="nofollow"><img src="{STATIC}/web/images/banner-he-thong-van-ban.jpg" alt="image advertisement" width="300"></a></div>
<div class="box-banner"><a href="https://xaydungchinhsach.chinhphu-demo.vn" target="_blank" rel="nofollow"><img src="{STATIC}/web/images/banner-xay-dung-chinh-sach.jpg" alt="image advertisement" width="300"></a></div>
<div class="box-statistic"><h3 class="box-title"><span>Thống kê truy cập</span></h3>
<ul><li>Đang online: <b>{counts[0]}</b></li><li>Hôm nay: <b>{counts[1]}</b></li><li>Trong tuần: <b>{counts[2]}</b></li><li>Tất cả: <b>{counts[3]}</b></li></ul></div>
</aside>"""

    def _layout(self, articles, *, key, title, description, head, main, page_class):
        page_title = self.site_name if title is None else f"{title} | {self.site_name}"
        return f"""<!DOCTYPE html>
<html lang="vi" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(page_title)}</title>
<meta name="description" content="{escape(description)}">
<meta name="keywords" content="báo chính phủ, chính sách, chỉ đạo điều hành, thời sự">
<meta property="og:site_name" content="{self.site_name}">
<meta property="fb:app_id" content="1234567890000001">
{head}
<link rel="shortcut icon" href="{STATIC}/web/images/favicon.ico">
<link rel="stylesheet" href="{STATIC}/web/css/main.min.css?v=2.6.14">
<link rel="stylesheet" href="{STATIC}/web/css/page-{page_class}.min.css?v=2.6.14">
<script type="text/javascript">
var domain = "{self.canonical_base}", staticDomain = "{STATIC}", imageDomain = "{CDN}", apiDomain = "https://api.baochinhphu-demo.vn";
var pageType = "{page_class}", isMobile = false, allowAds = false;
(function (w) {{ w.runinit = w.runinit || []; w.loadJsAsync = function (src, cb) {{ var s = document.createElement("script"); s.async = true; s.src = src; s.onload = cb; document.head.appendChild(s); }}; }})(window);
</script>
<style>
.detail-title{{font-size:30px;line-height:1.33;font-weight:700;color:#1a1a1a;margin:10px 0 14px}}
h2.detail-sapo{{font-size:18px;line-height:1.55;font-weight:700;color:#333;margin:0 0 18px}}
.detail-content{{font-size:18px;line-height:1.65;color:#222}}
.detail-content figure{{margin:18px 0;text-align:center}} .detail-content figcaption{{font-size:15px;color:#666;padding:6px 10px}}
.kbwscwl-relatedbox{{float:right;width:260px;margin:0 0 12px 18px;border-top:3px solid #b60b0b;padding-top:6px}}
.publishDate{{color:#888;font-size:14px}}
.box-stream-item{{overflow:hidden;padding:14px 0;border-bottom:1px solid #eee}}
.box-stream-avatar{{float:left;width:250px;height:166px;object-fit:cover;margin-right:16px}}
.box-stream-time,.box-stream-category{{color:#999;font-size:13px}}
.sidebar{{float:right;width:300px}} .detail__main,.list__main,.home__main{{float:left;width:840px}}
</style>
</head>
<body class="page-{page_class}">
<header class="header">
<div class="header__top"><div class="container">
<span class="header__date">{weekday(PORTAL_TODAY)}, {PORTAL_TODAY:%d/%m/%Y}</span>
<ul class="header__links"><li><a href="https://chinhphu-demo.vn" target="_blank">Cổng TTĐT Chính phủ</a></li><li><a href="https://en.baochinhphu-demo.vn" target="_blank">English</a></li><li><a href="https://cn.baochinhphu-demo.vn" target="_blank">中文</a></li><li><a href="/rss.htm">RSS</a></li></ul>
</div></div>
<div class="header__middle container"><a href="/" class="header__logo" title="{self.site_name}"><img src="{_LOGO}" alt="{self.site_name}" width="440"></a>
<form class="header__search" action="/tim-kiem.htm" method="get"><input type="text" name="keywords" placeholder="Nhập từ khóa..."><button type="submit">Tìm kiếm</button></form></div>
<nav class="header__menu"><div class="container"><ul class="menu">
{_MENU}
</ul></div></nav>
</header>
<main class="main main-{page_class}"><div class="container">
{main}
{self._sidebar(articles, key or "/404")}
<div class="clearfix"></div>
</div></main>
<footer class="footer"><div class="container">
<ul class="footer__menu">{_FOOTER_MENU}</ul>
<div class="footer__info">
<p><b>BÁO ĐIỆN TỬ CHÍNH PHỦ</b> - Cơ quan chủ quản: Văn phòng Chính phủ</p>
<p>Giấy phép số 25/GP-BTTTT ngày 12/01/2022 của Bộ Thông tin và Truyền thông</p>
<p>Địa chỉ: Số 1 phố Hoàng Hoa Thám, quận Ba Đình, Hà Nội. Điện thoại: 080.43000 - Email: toasoan@baochinhphu-demo.vn</p>
<p>Bản quyền © 2024 Báo Điện tử Chính phủ. Ghi rõ nguồn "Báo Điện tử Chính phủ" khi phát hành lại thông tin từ các nguồn này.</p>
</div></div></footer>
<script src="{STATIC}/web/js/main.min.js?v=2.6.14" async></script>
<script src="{STATIC}/web/js/page-{page_class}.min.js?v=2.6.14" async></script>
</body>
</html>
"""


SITE = ChinhPhuSite()

_LOGO = f"{STATIC}/web/images/logo-baochinhphu.png"


def _content(article: FamilyArticle, boxed: list[FamilyArticle]) -> str:
    """The body as the CMS stores it: photos and related boxes are ``VCSortableInPreviewMode`` elements."""
    parts = []
    paragraphs_seen = 0
    for block in article.blocks:
        if block[0] == "img":
            src, caption = escape(block[1]), escape(block[2])
            photo_id = escape(block[1].rsplit("/", 1)[1])
            parts.append(
                f'<figure class="VCSortableInPreviewMode" type="Photo" style=""><div><a href="{src}" data-fancybox="img-lightbox" '
                f'title="{caption}" target="_blank" class="detail-img-lightbox"><img src="{src}" id="img-{photo_id}" w="1600" h="1066" '
                f'alt="{caption}" title="{caption}" rel="lightbox" photoid="{photo_id}" data-original="{src}" type="photo" '
                f'style="max-width:100%;" width="" height="" class="lightbox-content"></a></div>'
                f'<figcaption class="PhotoCMS_Caption"><p data-placeholder="[nhập chú thích]">{caption}</p></figcaption></figure>')
        elif block[0] == "table":
            rows = block[1]
            head = "".join(f"<td><p><b>{escape(cell)}</b></p></td>" for cell in rows[0])
            body = "".join("<tr>" + "".join(f"<td><p>{escape(cell)}</p></td>" for cell in row) + "</tr>" for row in rows[1:])
            parts.append(f'<table border="1" cellpadding="0" cellspacing="0" width="100%"><tbody><tr>{head}</tr>{body}</tbody></table>')
        else:
            parts.append(f"<p>{escape(block[1])}</p>")
            paragraphs_seen += 1
            if boxed and paragraphs_seen == 1:
                links = "".join(
                    f'<li><a class="kbwscwlrl" data-url="{escape(a.path)}" href="{escape(a.path)}" title="{escape(a.title)}">{escape(a.title)}</a></li>'
                    for a in boxed)
                parts.append(f'<div class="VCSortableInPreviewMode alignRight" type="RelatedNewsBox"><div class="kbwscwl-relatedbox type-4">'
                             f'<strong class="kbwscwlrl-title">Tin liên quan</strong><ul class="kbwscwl-list">{links}</ul></div></div>')
    parts.append(f'<p style="text-align: right;"><b>{escape(article.author_line)}</b></p>')
    return "\n".join(parts)


def _stream_item(article: FamilyArticle, category: FamilyCategory) -> str:
    images = article.images
    thumb = images[0][0] if images else _LOGO
    href, title = escape(article.path), escape(article.title)
    return (f'<div class="box-stream-item" data-id="{article.id}">'
            f'<a class="box-stream-link-thumb" data-linktype="newsdetail" data-id="{article.id}" href="{href}" title="{title}">'
            f'<img class="box-stream-avatar" src="{escape(thumb)}" alt="{title}" loading="lazy"></a>'
            f'<div class="box-stream-content"><h3><a class="box-stream-link-title" data-linktype="newsdetail" data-id="{article.id}" href="{href}" title="{title}">{title}</a></h3>'
            f'<div class="box-stream-meta"><a class="box-stream-category" href="/{category.slug}.htm" title="{escape(category.name)}">{escape(category.name)}</a> '
            f'<span class="box-stream-time" data-time="{article.published:%Y-%m-%dT%H:%M:00}">{day_first(article.published)}</span></div>'
            f'<p class="box-stream-sapo">(Chinhphu.vn) - {escape(article.lead)}</p></div></div>')


def _category_items(articles) -> str:
    """The small link lists of sidebars and article footers."""
    return "\n".join(
        f'<div class="box-category-item"><a class="box-category-link-title" data-linktype="newsdetail" data-id="{a.id}" '
        f'href="{escape(a.path)}" title="{escape(a.title)}">{escape(a.title)}</a></div>'
        for a in articles)


def _tags(article: FamilyArticle, category: FamilyCategory) -> str:
    words = ("chính sách", "địa phương", "an sinh xã hội", "nông thôn mới", "miền núi", "đồng bào dân tộc thiểu số")
    picked = [category.name.lower(), words[article.id % 3], words[3 + article.id % 3]]
    return "\n".join(f'<li><a href="/tag/{"-".join(word.split())}-{1000 + n}.htm" title="{escape(word)}">{escape(word)}</a></li>'
                     for n, word in enumerate(picked))


_MENU = "\n".join(
    f'<li class="menu-item"><a href="{href}" title="{escape(label)}">{escape(label)}</a></li>'
    for label, href in (
        ("Trang chủ", "/"), ("Thời sự", "/thoi-su.htm"), ("Chính sách mới", "/chinh-sach-moi.htm"),
        ("Chỉ đạo, quyết định của Chính phủ", "/chi-dao-quyet-dinh.htm"), ("Kinh tế", "/kinh-te.htm"),
        ("Xã hội", "/xa-hoi.htm"), ("Địa phương", "/dia-phuong.htm"), ("Quốc tế", "/quoc-te.htm"),
        ("Multimedia", "/multimedia.htm"), ("Chính sách và cuộc sống", "/chinh-sach-va-cuoc-song.htm"),
    )
)

_FOOTER_MENU = "".join(
    f'<li><a href="{href}">{escape(label)}</a></li>'
    for label, href in (("Thời sự", "/thoi-su.htm"), ("Địa phương", "/dia-phuong.htm"), ("Xã hội", "/xa-hoi.htm"),
                        ("Giới thiệu", "/gioi-thieu.htm"), ("Liên hệ", "/lien-he.htm"), ("Quảng cáo", "/quang-cao.htm"))
)
