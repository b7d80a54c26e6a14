"""A department site on WordPress (a Sở Thông tin và Truyền thông), for the offline portal.

Pages are WordPress 6.4 pages of an underscores-based theme with Yoast SEO
(its JSON-LD and ``article:published_time`` are in UTC, as Yoast writes
them), Jetpack sharing and related posts, and the usual widgets.

    /category/tin-tuc/                  listing, page 1
    /category/tin-tuc/page/2/           page 2
    /2024/01/10/{slug}/                 article
    /feed/, /category/tin-tuc/feed/     RSS
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from html import escape
from urllib.parse import quote

from .families import (
    PORTAL_TODAY, FamilyArticle, FamilyCategory, FamilySite, counter, in_category, latest, listing_slice,
    most_read, neighbours, related, shifted,
)
from .pages import VIETNAM_TZ, view_count

VERSION = "6.4.2"
_ARTICLE = re.compile(r"/\d{4}/\d{2}/\d{2}/[a-z0-9-]+/")
_LISTING = re.compile(r"/category/([a-z0-9-]+)/(?:page/(\d+)/)?")


def _iso(moment: datetime) -> str:
    return f"{moment:%Y-%m-%dT%H:%M:00}+07:00"


def _iso_utc(moment: datetime) -> str:
    return moment.replace(tzinfo=VIETNAM_TZ).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+00:00")


_MONTHS = ("Một", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Mười Một", "Mười Hai")


class WordPressSite(FamilySite):
    family = "wordpress"
    site_name = "Sở Thông tin và Truyền thông tỉnh Lâm Đồng"
    agency = "Sở Thông tin và Truyền thông tỉnh Lâm Đồng"
    province = "Lâm Đồng"
    canonical_base = "https://sotttt-demo.gov.vn"
    seed = 3303
    categories = (
        FamilyCategory("tin-tuc", "Tin tức", "tin-tuc-su-kien", "3"),
        FamilyCategory("thong-tin-co-so", "Thông tin cơ sở", "van-hoa-xa-hoi", "7"),
    )
    page_size = 5
    districts = {
        "Lạc Dương": ("Đạ Sar", "Đạ Nhim", "Đạ Chais", "Lát", "Đưng KNớ"),
        "Đức Trọng": ("Hiệp Thạnh", "Ninh Gia", "Tà Năng", "Phú Hội", "N'Thol Hạ"),
        "Lâm Hà": ("Mê Linh", "Đan Phượng", "Nam Hà", "Tân Hà", "Phúc Thọ"),
        "Di Linh": ("Gia Hiệp", "Tân Châu", "Đinh Trang Hòa", "Tam Bố", "Liên Đầm"),
        "Đơn Dương": ("Ka Đô", "Lạc Xuân", "Pró", "Quảng Lập", "Tu Tra"),
        "Đam Rông": ("Rô Men", "Liêng Srônh", "Đạ Rsal", "Phi Liêng"),
        "Bảo Lâm": ("Lộc An", "Lộc Bắc", "Lộc Lâm", "Lộc Thành", "B'Lá"),
    }
    source_marker = "STTTT"
    id_range = (2000, 40000)
    robots_disallow = ("/wp-admin/",)
    upload_prefixes = ("/wp-content/uploads/",)
    not_found_text = "Rất tiếc! Không thể tìm thấy trang này."

    # ------------------------------------------------------------ articles

    def updated_for(self, published, rng):
        return shifted(published, rng, 2, 72) if rng.random() < 0.4 else None

    # ------------------------------------------------------------ addresses

    def article_path(self, category, slug, number, published):
        return f"/{published:%Y/%m/%d}/{slug}/"

    def image_src(self, published, number, image):
        return f"/wp-content/uploads/{published:%Y/%m}/anh-{number}-{image}-1024x683.jpg"

    def attachment_href(self, published, number, filename):
        return f"/wp-content/uploads/{published:%Y/%m}/{filename}"

    def listing_path(self, category, page):
        return f"/category/{category.slug}/" if page == 1 else f"/category/{category.slug}/page/{page}/"

    def rss_path(self, category):
        return "/feed/" if category is None else f"/category/{category.slug}/feed/"

    def canonical(self, path, query):
        if path == "/" and not query:
            return "/"
        if _ARTICLE.fullmatch(path):
            return path  # WordPress ignores query variables it does not know (utm_..., share=...)
        match = _LISTING.fullmatch(path)
        if match and self.category(match[1]):
            page = int(match[2] or 1)
            return self.listing_path(self.category(match[1]), page) if page >= 1 else path
        return path + (f"?{query}" if query else "")

    def parse_listing(self, key):
        match = _LISTING.fullmatch(key)
        category = self.category(match[1]) if match else None
        return (category, int(match[2] or 1)) if category else None

    def feed_category(self, key):
        if key == "/feed/":
            return True, None
        for category in self.categories:
            if key == self.rss_path(category):
                return True, category
        return False, None

    def robots_txt(self, base_url):
        return (f"User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
                f"Sitemap: {base_url}/sitemap.xml\n")

    # ------------------------------------------------------------ pages

    def article_page(self, article: FamilyArticle, articles, base_url):
        category = self.category(article.category_slug)
        url = self.canonical_base + article.path
        marker = f"({escape(article.source_marker)}) - " if article.source_marker else ""
        times = f'<time class="entry-date published" datetime="{_iso(article.published)}">{article.published:%d/%m/%Y}</time>'
        if article.updated:
            times += f'<time class="updated" datetime="{_iso(article.updated)}">{article.updated:%d/%m/%Y}</time>'
        else:
            times = times.replace('entry-date published"', 'entry-date published updated"')
        author_slug = _author_slug(article.author)
        images = article.images
        thumbnail = ""
        if images:
            src = images[0][0]
            thumbnail = (f'<div class="post-thumbnail"><img width="1024" height="683" src="{escape(src)}" '
                         f'class="attachment-post-thumbnail size-post-thumbnail wp-post-image" alt="" decoding="async" fetchpriority="high" '
                         f'srcset="{escape(src)} 1024w, {escape(src.replace("-1024x683", "-300x200"))} 300w, {escape(src.replace("-1024x683", "-768x512"))} 768w" '
                         f'sizes="(max-width: 1024px) 100vw, 1024px" /></div>')
        siblings = in_category(articles, category)
        index = next(i for i, a in enumerate(siblings) if a.id == article.id)
        newer = siblings[index - 1] if index > 0 else None
        older = siblings[index + 1] if index + 1 < len(siblings) else None
        navigation = ""
        if older:
            navigation += (f'<div class="nav-previous"><a href="{escape(base_url + older.path)}" rel="prev"><span class="nav-subtitle">Bài trước:</span> '
                           f'<span class="nav-title">{escape(older.title)}</span></a></div>')
        if newer:
            navigation += (f'<div class="nav-next"><a href="{escape(base_url + newer.path)}" rel="next"><span class="nav-subtitle">Bài sau:</span> '
                           f'<span class="nav-title">{escape(newer.title)}</span></a></div>')
        share = quote(url, safe="")
        main = f"""<article id="post-{article.id}" class="post-{article.id} post type-post status-publish format-standard{" has-post-thumbnail" if images else ""} hentry category-{category.slug}">
	<header class="entry-header">
		<h1 class="entry-title">{escape(article.title)}</h1>
		<div class="entry-meta">
			<span class="posted-on">Đăng ngày <a href="{escape(base_url + article.path)}" rel="bookmark">{times}</a></span><span class="byline"> bởi <span class="author vcard"><a class="url fn n" href="{base_url}/author/{author_slug}/">{escape(article.author_line)}</a></span></span>
		</div><!-- .entry-meta -->
	</header><!-- .entry-header -->
	{thumbnail}
	<div class="entry-content">
<p><strong>{marker}{escape(article.lead)}</strong></p>
{_entry_content(article)}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Chia sẻ:</h3><div class="sd-content"><ul>
<li class="share-facebook"><a rel="nofollow noopener noreferrer" data-shared="sharing-facebook-{article.id}" class="share-facebook sd-button share-icon" href="{escape(url)}?share=facebook" target="_blank" title="Nhấn vào đây để chia sẻ lên Facebook"><span>Facebook</span></a></li>
<li class="share-twitter"><a rel="nofollow noopener noreferrer" data-shared="sharing-twitter-{article.id}" class="share-twitter sd-button share-icon" href="{escape(url)}?share=twitter" target="_blank" title="Nhấn vào đây để chia sẻ lên Twitter"><span>X</span></a></li>
<li class="share-print"><a rel="nofollow noopener noreferrer" data-shared="" class="share-print sd-button share-icon" href="{escape(url)}#print?share=print" target="_blank" title="Nhấn vào đây để in"><span>In</span></a></li>
<li class="share-email"><a rel="nofollow noopener noreferrer" data-shared="" class="share-email sd-button share-icon" href="mailto:?subject=%5BB%C3%A0i%20vi%E1%BA%BFt%20%C4%91%C3%A3%20chia%20s%E1%BA%BB%5D%20{quote(article.title, safe='')}&amp;body={share}&amp;share=email" target="_blank" title="Nhấn vào đây để gửi email cho bạn bè"><span>Email</span></a></li>
<li class="share-end"></li></ul></div></div></div>
<div id='jp-relatedposts' class='jp-relatedposts' ><h3 class="jp-relatedposts-headline"><em>Tin liên quan</em></h3><div class="jp-relatedposts-items jp-relatedposts-items-visual">
{_related_items(related(article, articles, 3), base_url)}
</div></div>
	</div><!-- .entry-content -->
	<footer class="entry-footer">
		<span class="cat-links">Đăng trong <a href="{base_url}/category/{category.slug}/" rel="category tag">{escape(category.name)}</a></span><span class="tags-links">Thẻ <a href="{base_url}/tag/{category.slug}-{article.published.year}/" rel="tag">{escape(category.name.lower())} {article.published.year}</a>, <a href="{base_url}/tag/lam-dong/" rel="tag">Lâm Đồng</a></span>
	</footer><!-- .entry-footer -->
</article><!-- #post-{article.id} -->
<nav class="navigation post-navigation" aria-label="Bài viết">
	<h2 class="screen-reader-text">Điều hướng bài viết</h2>
	<div class="nav-links">{navigation}</div>
</nav>
<section class="other-posts"><h2 class="section-title">Các tin khác</h2><ul>
{_dated_items(neighbours(article, articles), base_url)}
</ul></section>"""
        jsonld = _schema(self, article, url)
        head = f"""<link rel="canonical" href="{escape(url)}" />
<meta property="og:locale" content="vi_VN" />
<meta property="og:type" content="article" />
<meta property="og:title" content="{escape(article.title)} - {self.site_name}" />
<meta property="og:description" content="{escape(article.lead)}" />
<meta property="og:url" content="{escape(url)}" />
<meta property="og:site_name" content="{self.site_name}" />
<meta property="article:published_time" content="{_iso_utc(article.published)}" />
{f'<meta property="article:modified_time" content="{_iso_utc(article.updated)}" />' if article.updated else ""}
<meta property="og:image" content="{escape(self.canonical_base + (images[0][0] if images else _LOGO))}" />
<meta property="og:image:width" content="1024" />
<meta property="og:image:height" content="683" />
<meta property="og:image:type" content="image/jpeg" />
<meta name="author" content="{escape(article.author)}" />
<meta name="twitter:card" content="summary_large_image" />
<meta name="twitter:label1" content="Được viết bởi" />
<meta name="twitter:data1" content="{escape(article.author)}" />
<meta name="twitter:label2" content="Ước tính thời gian đọc" />
<meta name="twitter:data2" content="{max(1, len(' '.join(article.paragraphs).split()) // 200)} phút" />
<script type="application/ld+json" class="yoast-schema-graph">{jsonld}</script>"""
        return self._layout(
            base_url, articles, body_class=f"post-template-default single single-post postid-{article.id} single-format-standard wp-embed-responsive",
            title=article.title, head=head, main=main, breadcrumb=_breadcrumb(category, article.title),
            rest=f'<link rel="alternate" type="application/json" href="{self.canonical_base}/wp-json/wp/v2/posts/{article.id}" />\n'
                 f"<link rel='shortlink' href='{self.canonical_base}/?p={article.id}' />",
        )

    def listing_page(self, category, page, articles, base_url):
        shown = listing_slice(articles, category, page, self.page_size)
        if shown is None:
            return None
        items, pages = shown
        url = self.canonical_base + self.listing_path(category, page)
        posts = "\n".join(self._excerpt(a, category, base_url) for a in items)
        main = f"""<header class="page-header">
	<h1 class="page-title">Chuyên mục: <span>{escape(category.name)}</span></h1>
</header><!-- .page-header -->
{posts}
{self._pagination(category, page, pages, base_url)}"""
        head = f"""<link rel="canonical" href="{escape(url)}" />
{f'<link rel="prev" href="{escape(self.canonical_base + self.listing_path(category, page - 1))}" />' if page > 1 else ""}
{f'<link rel="next" href="{escape(self.canonical_base + self.listing_path(category, page + 1))}" />' if page < pages else ""}
<meta property="og:locale" content="vi_VN" />
<meta property="og:type" content="article" />
<meta property="og:title" content="Lưu trữ {escape(category.name)} - {self.site_name}" />
<meta property="og:url" content="{escape(url)}" />
<meta property="og:site_name" content="{self.site_name}" />
<meta name="twitter:card" content="summary_large_image" />"""
        title = f"Lưu trữ {category.name}" + ("" if page == 1 else f" - Trang {page} trên {pages}")
        return self._layout(base_url, articles, body_class=f"archive category category-{category.slug} category-{category.code} wp-embed-responsive hfeed",
                            title=title, head=head, main=main, breadcrumb=_breadcrumb(category, None),
                            rest=f'<link rel="alternate" type="application/rss+xml" title="{self.site_name} &raquo; {escape(category.name)} Dòng chuyên mục" href="{self.canonical_base}{self.rss_path(category)}" />')

    def home_page(self, articles, base_url):
        sections = []
        for category in self.categories:
            shown = in_category(articles, category)[:4]
            if shown:
                sections.append(f"""<section class="home-category"><h2 class="section-title"><a href="{base_url}/category/{category.slug}/">{escape(category.name)}</a></h2>
{self._excerpt(shown[0], category, base_url)}
<ul>
{_dated_items(shown[1:], base_url)}
</ul></section>""")
        head = f"""<link rel="canonical" href="{self.canonical_base}/" />
<meta property="og:locale" content="vi_VN" />
<meta property="og:type" content="website" />
<meta property="og:title" content="{self.site_name}" />
<meta property="og:url" content="{self.canonical_base}/" />"""
        return self._layout(base_url, articles, body_class="home blog wp-embed-responsive hfeed", title=None, head=head,
                            main="\n".join(sections), breadcrumb="")

    def not_found_page(self, articles, base_url):
        main = f"""<section class="error-404 not-found">
	<header class="page-header"><h1 class="page-title">{self.not_found_text}</h1></header>
	<div class="page-content"><p>Có vẻ như không có gì được tìm thấy tại địa chỉ này. Hãy thử dùng chức năng tìm kiếm?</p>
	<form role="search" method="get" class="search-form" action="/"><label><span class="screen-reader-text">Tìm kiếm cho:</span><input type="search" class="search-field" placeholder="Tìm kiếm &hellip;" value="" name="s" /></label><input type="submit" class="search-submit" value="Tìm kiếm" /></form></div>
</section>"""
        return self._layout(base_url, articles, body_class="error404 wp-embed-responsive hfeed", title="Không tìm thấy trang",
                            head='<meta name="robots" content="noindex, follow" />', main=main, breadcrumb="")

    def _excerpt(self, article: FamilyArticle, category: FamilyCategory, base_url: str) -> str:
        images = article.images
        href = escape(base_url + article.path)
        thumb = ""
        if images:
            thumb = (f'<a class="post-thumbnail" href="{href}" aria-hidden="true" tabindex="-1">'
                     f'<img width="300" height="200" src="{escape(images[0][0].replace("-1024x683", "-300x200"))}" class="attachment-medium size-medium wp-post-image" alt="{escape(article.title)}" decoding="async" loading="lazy" /></a>')
        return f"""<article id="post-{article.id}" class="post-{article.id} post type-post status-publish format-standard{" has-post-thumbnail" if images else ""} hentry category-{category.slug}">
	<header class="entry-header">
		<h2 class="entry-title"><a href="{href}" rel="bookmark">{escape(article.title)}</a></h2>
		<div class="entry-meta"><span class="posted-on">Đăng ngày <a href="{href}" rel="bookmark"><time class="entry-date published" datetime="{_iso(article.published)}">{article.published:%d/%m/%Y}</time></a></span></div>
	</header>
	{thumb}
	<div class="entry-summary"><p>{escape(article.lead)} [&hellip;]</p></div>
	<footer class="entry-footer"><span class="cat-links">Đăng trong <a href="{base_url}/category/{category.slug}/" rel="category tag">{escape(category.name)}</a></span></footer>
</article>"""

    def _pagination(self, category, page, pages, base_url):
        links = []
        if page > 1:
            links.append(f'<a class="prev page-numbers" href="{base_url}{self.listing_path(category, page - 1)}">&laquo; Trước</a>')
        for number in range(1, pages + 1):
            if number == page:
                links.append(f'<span aria-current="page" class="page-numbers current">{number}</span>')
            else:
                links.append(f'<a class="page-numbers" href="{base_url}{self.listing_path(category, number)}">{number}</a>')
        if page < pages:
            links.append(f'<a class="next page-numbers" href="{base_url}{self.listing_path(category, page + 1)}">Sau &raquo;</a>')
        return ('<nav class="navigation pagination" aria-label="Các bài viết">\n<h2 class="screen-reader-text">Các bài viết</h2>\n'
                '<div class="nav-links">' + "\n".join(links) + "</div>\n</nav>")

    def _layout(self, base_url, articles, *, body_class, title, head, main, breadcrumb, rest=""):
        page_title = self.site_name if title is None else f"{title} - {self.site_name}"
        counts = counter(body_class + (title or ""))
        recent = "\n".join(f'<li><a href="{escape(base_url + a.path)}">{escape(a.title)}</a><span class="post-date">{a.published:%d/%m/%Y}</span></li>'
                           for a in latest(articles, 5))
        popular = "\n".join(
            f'<li><a href="{escape(base_url + a.path)}" class="wpp-post-title" target="_self">{escape(a.title)}</a> <span class="wpp-meta post-stats">'
            f'<span class="wpp-views">{_thousands(view_count(a))} lượt xem</span> | <span class="wpp-date">đăng ngày {a.published:%d/%m/%Y}</span></span></li>'
            for a in most_read(articles))
        categories = "\n".join(f'<li class="cat-item cat-item-{c.code}"><a href="{base_url}/category/{c.slug}/">{escape(c.name)}</a> ({len(in_category(articles, c))})</li>'
                               for c in self.categories)
        months = sorted({(a.published.year, a.published.month) for a in articles}, reverse=True)[:8]
        archives = "\n".join(f"<li><a href='{base_url}/{y}/{m:02d}/'>Tháng {_MONTHS[m - 1]} {y}</a></li>" for y, m in months)
        return f"""<!doctype html>
<html lang="vi">
<head>
	<meta charset="UTF-8">
	<meta name="viewport" content="width=device-width, initial-scale=1">
	<link rel="profile" href="https://gmpg.org/xfn/11">
	<meta name='robots' content='index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1' />

	<!-- This site is optimized with the Yoast SEO plugin v21.7 - https://yoast.com/wordpress/plugins/seo/ -->
	<title>{escape(page_title)}</title>
{head}
	<!-- / Yoast SEO plugin. -->

<link rel='dns-prefetch' href='//stats.wp.com' />
<link rel='dns-prefetch' href='//fonts.googleapis.com' />
<link rel="alternate" type="application/rss+xml" title="{self.site_name} &raquo; Dòng thông tin" href="{self.canonical_base}/feed/" />
<link rel="alternate" type="application/rss+xml" title="{self.site_name} &raquo; Dòng phản hồi" href="{self.canonical_base}/comments/feed/" />
<script>
window._wpemojiSettings = {{"baseUrl":"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/14.0.0\\/72x72\\/","ext":".png","svgUrl":"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/14.0.0\\/svg\\/","svgExt":".svg","source":{{"concatemoji":"https:\\/\\/sotttt-demo.gov.vn\\/wp-includes\\/js\\/wp-emoji-release.min.js?ver={VERSION}"}}}};
/*! This file is auto-generated */
!function(i,n){{var o,s,e;function c(e){{try{{var t={{supportTests:e,timestamp:(new Date).valueOf()}};sessionStorage.setItem(o,JSON.stringify(t))}}catch(e){{}}}}function p(e,t,n){{e.clearRect(0,0,e.canvas.width,e.canvas.height),e.fillText(t,0,0);var t=new Uint32Array(e.getImageData(0,0,e.canvas.width,e.canvas.height).data),r=(e.clearRect(0,0,e.canvas.width,e.canvas.height),e.fillText(n,0,0),new Uint32Array(e.getImageData(0,0,e.canvas.width,e.canvas.height).data));return t.every(function(e,t){{return e===r[t]}})}}function u(e,t,n){{switch(t){{case"flag":return n(e,"\\ud83c\\udff3\\ufe0f\\u200d\\u26a7\\ufe0f","\\ud83c\\udff3\\ufe0f\\u200b\\u26a7\\ufe0f")?!1:!n(e,"\\ud83c\\uddfa\\ud83c\\uddf3","\\ud83c\\uddfa\\u200b\\ud83c\\uddf3")&&!n(e,"\\ud83c\\udff4\\udb40\\udc67\\udb40\\udc62\\udb40\\udc65\\udb40\\udc6e\\udb40\\udc67\\udb40\\udc7f","\\ud83c\\udff4\\u200b\\udb40\\udc67\\u200b\\udb40\\udc62\\u200b\\udb40\\udc65\\u200b\\udb40\\udc6e\\u200b\\udb40\\udc67\\u200b\\udb40\\udc7f");case"emoji":return!n(e,"\\ud83e\\udef1\\ud83c\\udffb\\u200d\\ud83e\\udef2\\ud83c\\udfff","\\ud83e\\udef1\\ud83c\\udffb\\u200b\\ud83e\\udef2\\ud83c\\udfff")}}return!1}}function f(e,t,n){{var r="undefined"!=typeof WorkerGlobalScope&&self instanceof WorkerGlobalScope?new OffscreenCanvas(300,150):i.createElement("canvas"),a=r.getContext("2d",{{willReadFrequently:!0}}),o=(a.textBaseline="top",a.font="600 32px Arial",{{}});return e.forEach(function(e){{o[e]=t(a,e,n)}}),o}}function t(e){{var t=i.createElement("script");t.src=e,t.defer=!0,i.head.appendChild(t)}}"undefined"!=typeof Promise&&(o="wpEmojiSettingsSupports",s=["flag","emoji"],n.supports={{everything:!0,everythingExceptFlag:!0}},e=new Promise(function(e){{i.addEventListener("DOMContentLoaded",e,{{once:!0}})}}),new Promise(function(t){{var n=function(){{try{{var e=JSON.parse(sessionStorage.getItem(o));if("object"==typeof e&&"number"==typeof e.timestamp&&(new Date).valueOf()<e.timestamp+604800&&"object"==typeof e.supportTests)return e.supportTests}}catch(e){{}}return null}}();if(!n){{if("undefined"!=typeof Worker&&"undefined"!=typeof OffscreenCanvas&&"undefined"!=typeof URL&&URL.createObjectURL&&"undefined"!=typeof Blob)try{{var e="postMessage("+f.toString()+"("+[JSON.stringify(s),u.toString(),p.toString()].join(",")+"));",r=new Blob([e],{{type:"text/javascript"}}),a=new Worker(URL.createObjectURL(r),{{name:"wpTestEmojiSupports"}});return void(a.onmessage=function(e){{c(n=e.data),a.terminate(),t(n)}})}}catch(e){{}}c(n=f(s,u,p))}}t(n)}}).then(function(e){{for(var t in e)n.supports[t]=e[t],n.supports.everything=n.supports.everything&&n.supports[t],"flag"!==t&&(n.supports.everythingExceptFlag=n.supports.everythingExceptFlag&&n.supports[t]);n.supports.everythingExceptFlag=n.supports.everythingExceptFlag&&!n.supports.flag,n.DOMReady=!1,n.readyCallback=function(){{n.DOMReady=!0}}}}).then(function(){{return e}}).then(function(){{var e;n.supports.everything||(n.readyCallback(),(e=n.source||{{}}).concatemoji?t(e.concatemoji):e.wpemoji&&e.twemoji&&(t(e.twemoji),t(e.wpemoji)))}}))}}((window,document),window._wpemojiSettings);
</script>
<style id='wp-emoji-styles-inline-css'>
	img.wp-smiley, img.emoji {{ display: inline !important; border: none !important; box-shadow: none !important; height: 1em !important; width: 1em !important; margin: 0 0.07em !important; vertical-align: -0.1em !important; background: none !important; padding: 0 !important; }}
</style>
<link rel='stylesheet' id='wp-block-library-css' href='{self.canonical_base}/wp-includes/css/dist/block-library/style.min.css?ver={VERSION}' media='all' />
<style id='classic-theme-styles-inline-css'>
/*! This file is auto-generated */
.wp-block-button__link{{color:#fff;background-color:#32373c;border-radius:9999px;box-shadow:none;text-decoration:none;padding:calc(.667em + 2px) calc(1.333em + 2px);font-size:1.125em}}.wp-block-file__button{{background:#32373c;color:#fff;text-decoration:none}}
</style>
{_GLOBAL_STYLES}
<link rel='stylesheet' id='jetpack_css-css' href='{self.canonical_base}/wp-content/plugins/jetpack/css/jetpack.css?ver=12.9.3' media='all' />
<link rel='stylesheet' id='wordpress-popular-posts-css-css' href='{self.canonical_base}/wp-content/plugins/wordpress-popular-posts/assets/css/wpp.css?ver=6.3.4' media='all' />
<link rel='stylesheet' id='sotttt-style-css' href='{self.canonical_base}/wp-content/themes/sotttt/style.css?ver=1.0.3' media='all' />
<script src="{self.canonical_base}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
<script src="{self.canonical_base}/wp-includes/js/jquery/jquery-migrate.min.js?ver=3.4.1" id="jquery-migrate-js"></script>
<link rel="https://api.w.org/" href="{self.canonical_base}/wp-json/" />
{rest}
<link rel="EditURI" type="application/rsd+xml" title="RSD" href="{self.canonical_base}/xmlrpc.php?rsd" />
<meta name="generator" content="WordPress {VERSION}" />
</head>

<body class="{body_class}">
<div id="page" class="site">
	<a class="skip-link screen-reader-text" href="#primary">Chuyển đến nội dung</a>
	<header id="masthead" class="site-header">
		<div class="top-bar"><span class="today">{PORTAL_TODAY:%d/%m/%Y}</span> <a href="/lien-he/">Liên hệ</a> | <a href="/so-do-site/">Sơ đồ site</a> | <a href="/wp-login.php" rel="nofollow">Đăng nhập</a></div>
		<div class="site-branding">
			<a href="/" class="custom-logo-link" rel="home"><img width="90" height="90" src="{_LOGO}" class="custom-logo" alt="{self.site_name}" decoding="async" /></a>
			<p class="site-title"><a href="/" rel="home">{self.site_name}</a></p>
			<p class="site-description">Trang thông tin điện tử</p>
		</div><!-- .site-branding -->
		<nav id="site-navigation" class="main-navigation">
			<button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">Menu</button>
			{_MENU}
		</nav><!-- #site-navigation -->
	</header><!-- #masthead -->
	<div id="content" class="site-content">
	{breadcrumb}
	<main id="primary" class="site-main">
{main}
	</main><!-- #main -->
<aside id="secondary" class="widget-area">
	<section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="/"><label><span class="screen-reader-text">Tìm kiếm cho:</span><input type="search" class="search-field" placeholder="Tìm kiếm &hellip;" value="" name="s" /></label><input type="submit" class="search-submit" value="Tìm kiếm" /></form></section>
	<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Tin mới</h2><ul>
{recent}
</ul></section>
	<section id="media_image-2" class="widget widget_media_image"><a href="https://dichvucong.lamdong-demo.gov.vn"><img width="300" height="120" src="/wp-content/uploads/2023/05/banner-dich-vu-cong.jpg" class="image wp-image-55 attachment-full size-full" alt="image advertisement" style="max-width: 100%; height: auto;" decoding="async" loading="lazy" /></a></section>
	<section id="media_image-3" class="widget widget_media_image"><a href="https://lamdong-demo.gov.vn/chuyen-doi-so"><img width="300" height="120" src="/wp-content/uploads/2023/05/banner-chuyen-doi-so.jpg" class="image wp-image-56 attachment-full size-full" alt="image advertisement" style="max-width: 100%; height: auto;" decoding="async" loading="lazy" /></a></section>
	<section id="wpp-2" class="widget popular-posts"><h2 class="widget-title">Tin đọc nhiều</h2><ul class="wpp-list">
{popular}
</ul></section>
	<section id="categories-2" class="widget widget_categories"><h2 class="widget-title">Chuyên mục</h2><ul>
{categories}
</ul></section>
	<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Lưu trữ</h2><ul>
{archives}
</ul></section>
	<section id="wp_statistics_widget-2" class="widget widget_wp_statistics_widget"><h2 class="widget-title">Thống kê truy cập</h2><ul>
<li><label>Đang online:&nbsp;</label>{counts[0]}</li>
<li><label>Hôm nay:&nbsp;</label>{counts[1]}</li>
<li><label>Trong tuần:&nbsp;</label>{counts[2]}</li>
<li><label>Tất cả:&nbsp;</label>{counts[3]}</li>
</ul></section>
</aside><!-- #secondary -->
	</div><!-- #content -->
	<footer id="colophon" class="site-footer">
		<div class="site-info">
			<p><strong>SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH LÂM ĐỒNG</strong></p>
			<p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh Lâm Đồng</p>
			<p>Địa chỉ: Số 36 Trần Phú, phường 4, thành phố Đà Lạt, tỉnh Lâm Đồng - Điện thoại: 0263.3822.000 - Email: stttt@lamdong-demo.gov.vn</p>
			<p>Chịu trách nhiệm chính: Giám đốc Sở Thông tin và Truyền thông</p>
			<p>Bản quyền © 2024 Sở Thông tin và Truyền thông tỉnh Lâm Đồng</p>
			<span class="sep"> | </span>Vận hành bởi <a href="https://wordpress.org/">WordPress</a>
		</div><!-- .site-info -->
	</footer><!-- #colophon -->
</div><!-- #page -->
<script src="{self.canonical_base}/wp-content/themes/sotttt/js/navigation.js?ver=1.0.3" id="sotttt-navigation-js"></script>
<script id="wpp-json" type="application/json">{{"sampling_active":0,"sampling_rate":100,"ajax_url":"https:\\/\\/sotttt-demo.gov.vn\\/wp-json\\/wordpress-popular-posts\\/v1\\/popular-posts","api_url":"https:\\/\\/sotttt-demo.gov.vn\\/wp-json\\/wordpress-popular-posts","ID":0,"token":"a1b2c3d4e5","lang":0,"debug":0}}</script>
<script src="{self.canonical_base}/wp-content/plugins/wordpress-popular-posts/assets/js/wpp.min.js?ver=6.3.4" id="wpp-js-js"></script>
<script defer src="https://stats.wp.com/e-202427.js" id="jetpack-stats-js"></script>
</body>
</html>
"""


SITE = WordPressSite()

_LOGO = "/wp-content/uploads/2022/03/logo-sotttt.png"


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _author_slug(author: str) -> str:
    from .content import slugify

    return slugify(author)


def _entry_content(article: FamilyArticle) -> str:
    parts = []
    for block in article.blocks:
        if block[0] == "img":
            src = block[1]
            number = int(src.rsplit("-", 2)[1]) if src.count("-") >= 2 else 1
            parts.append(
                f'<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="683" src="{escape(src)}" alt="" '
                f'class="wp-image-{article.id + number}" srcset="{escape(src)} 1024w, {escape(src.replace("-1024x683", "-300x200"))} 300w" '
                f'sizes="(max-width: 1024px) 100vw, 1024px" /><figcaption class="wp-element-caption">{escape(block[2])}</figcaption></figure>')
        elif block[0] == "table":
            rows = block[1]
            head = "".join(f"<th>{escape(cell)}</th>" for cell in rows[0])
            body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows[1:])
            parts.append(f'<figure class="wp-block-table"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></figure>')
        else:
            parts.append(f"<p>{escape(block[1])}</p>")
    for number, (href, title) in enumerate(article.attachments, start=1):
        block_id = f"wp-block-file--media-{article.id:x}{number:02d}"
        parts.append(f'<div class="wp-block-file"><a id="{block_id}" href="{escape(href)}">{escape(title)}</a>'
                     f'<a href="{escape(href)}" class="wp-block-file__button wp-element-button" download aria-describedby="{block_id}">Tải về</a></div>')
    return "\n".join(parts)


def _related_items(articles, base_url: str) -> str:
    return "\n".join(
        f'<div class="jp-relatedposts-post jp-relatedposts-post{n}" data-post-id="{a.id}" data-post-format="false">'
        f'<h4 class="jp-relatedposts-post-title"><a class="jp-relatedposts-post-a" href="{escape(base_url + a.path)}" title="{escape(a.title)}" rel="nofollow" data-origin="{a.id}" data-position="{n}">{escape(a.title)}</a></h4>'
        f'<p class="jp-relatedposts-post-date" style="display: block;">{a.published:%d/%m/%Y}</p>'
        f'<p class="jp-relatedposts-post-context">Trong &quot;{escape(a.category_name)}&quot;</p></div>'
        for n, a in enumerate(articles)
    )


def _dated_items(articles, base_url: str) -> str:
    return "\n".join(f'<li><a href="{escape(base_url + a.path)}">{escape(a.title)}</a> <span class="post-date">({a.published:%d/%m/%Y})</span></li>'
                     for a in articles)


def _breadcrumb(category: FamilyCategory, title: str | None) -> str:
    last = f' » <span class="breadcrumb_last" aria-current="page">{escape(title)}</span>' if title else ""
    return (f'<nav class="yoast-breadcrumbs"><span><span><a href="/">Trang chủ</a></span> » '
            f'<span><a href="/category/{category.slug}/">{escape(category.name)}</a></span>{last}</span></nav>')


def _schema(site: WordPressSite, article: FamilyArticle, url: str) -> str:
    base = site.canonical_base
    images = article.images
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Article", "@id": f"{url}#article", "isPartOf": {"@id": url},
             "author": {"name": article.author, "@id": f"{base}/#/schema/person/{_author_slug(article.author)}"},
             "headline": article.title, "datePublished": _iso_utc(article.published),
             "dateModified": _iso_utc(article.updated or article.published),
             "mainEntityOfPage": {"@id": url}, "wordCount": len(" ".join(article.paragraphs).split()),
             "publisher": {"@id": f"{base}/#organization"},
             "image": {"@id": f"{url}#primaryimage"} if images else None,
             "articleSection": [article.category_name], "inLanguage": "vi"},
            {"@type": "WebPage", "@id": url, "url": url, "name": f"{article.title} - {site.site_name}",
             "isPartOf": {"@id": f"{base}/#website"}, "datePublished": _iso_utc(article.published),
             "dateModified": _iso_utc(article.updated or article.published), "description": article.lead,
             "breadcrumb": {"@id": f"{url}#breadcrumb"}, "inLanguage": "vi"},
            {"@type": "BreadcrumbList", "@id": f"{url}#breadcrumb", "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Trang chủ", "item": f"{base}/"},
                {"@type": "ListItem", "position": 2, "name": article.category_name, "item": f"{base}/category/{article.category_slug}/"},
                {"@type": "ListItem", "position": 3, "name": article.title}]},
            {"@type": "WebSite", "@id": f"{base}/#website", "url": f"{base}/", "name": site.site_name,
             "publisher": {"@id": f"{base}/#organization"}, "inLanguage": "vi"},
            {"@type": "Organization", "@id": f"{base}/#organization", "name": site.site_name, "url": f"{base}/",
             "logo": {"@type": "ImageObject", "url": base + _LOGO}},
            {"@type": "Person", "@id": f"{base}/#/schema/person/{_author_slug(article.author)}", "name": article.author,
             "url": f"{base}/author/{_author_slug(article.author)}/"},
        ],
    }
    if not images:
        del graph["@graph"][0]["image"]
    return json.dumps(graph, ensure_ascii=False, separators=(",", ":")).replace("/", "\\/")


def _menu() -> str:
    menu = (
        ("Trang chủ", "/", ()),
        ("Giới thiệu", "/gioi-thieu/", (("Chức năng, nhiệm vụ", "/chuc-nang-nhiem-vu/"), ("Cơ cấu tổ chức", "/co-cau-to-chuc/"),
                                       ("Lãnh đạo Sở", "/lanh-dao-so/"))),
        ("Tin tức", "/category/tin-tuc/", (("Tin tức", "/category/tin-tuc/"), ("Thông tin cơ sở", "/category/thong-tin-co-so/"),
                                           ("Chuyển đổi số", "/category/chuyen-doi-so/"))),
        ("Văn bản", "/van-ban/", (("Văn bản của Sở", "/van-ban/van-ban-cua-so/"), ("Văn bản của tỉnh", "/van-ban/van-ban-cua-tinh/"))),
        ("Thủ tục hành chính", "/thu-tuc-hanh-chinh/", ()),
        ("Liên hệ", "/lien-he/", ()),
    )
    items = []
    for number, (label, href, children) in enumerate(menu, start=100):
        sub = ""
        if children:
            sub = '<ul class="sub-menu">' + "".join(
                f'<li class="menu-item menu-item-type-custom menu-item-object-custom"><a href="{c_href}">{escape(c)}</a></li>'
                for c, c_href in children) + "</ul>"
        classes = "menu-item menu-item-type-taxonomy menu-item-object-category" if "category" in href else "menu-item menu-item-type-post_type menu-item-object-page"
        if children:
            classes += " menu-item-has-children"
        items.append(f'<li id="menu-item-{number}" class="{classes} menu-item-{number}"><a href="{href}">{escape(label)}</a>{sub}</li>')
    return '<div class="menu-menu-chinh-container"><ul id="primary-menu" class="menu">' + "".join(items) + "</ul></div>"


_MENU = _menu()

_GLOBAL_STYLES = """<style id='global-styles-inline-css'>
body{--wp--preset--color--black: #000000;--wp--preset--color--cyan-bluish-gray: #abb8c3;--wp--preset--color--white: #ffffff;--wp--preset--color--pale-pink: #f78da7;--wp--preset--color--vivid-red: #cf2e2e;--wp--preset--color--luminous-vivid-orange: #ff6900;--wp--preset--color--luminous-vivid-amber: #fcb900;--wp--preset--color--light-green-cyan: #7bdcb5;--wp--preset--color--vivid-green-cyan: #00d084;--wp--preset--color--pale-cyan-blue: #8ed1fc;--wp--preset--color--vivid-cyan-blue: #0693e3;--wp--preset--color--vivid-purple: #9b51e0;--wp--preset--gradient--vivid-cyan-blue-to-vivid-purple: linear-gradient(135deg,rgba(6,147,227,1) 0%,rgb(155,81,224) 100%);--wp--preset--gradient--light-green-cyan-to-vivid-green-cyan: linear-gradient(135deg,rgb(122,220,180) 0%,rgb(0,208,130) 100%);--wp--preset--gradient--luminous-vivid-amber-to-luminous-vivid-orange: linear-gradient(135deg,rgba(252,185,0,1) 0%,rgba(255,105,0,1) 100%);--wp--preset--gradient--luminous-vivid-orange-to-vivid-red: linear-gradient(135deg,rgba(255,105,0,1) 0%,rgb(207,46,46) 100%);--wp--preset--gradient--very-light-gray-to-cyan-bluish-gray: linear-gradient(135deg,rgb(238,238,238) 0%,rgb(169,184,195) 100%);--wp--preset--gradient--cool-to-warm-spectrum: linear-gradient(135deg,rgb(74,234,220) 0%,rgb(151,120,209) 20%,rgb(207,42,186) 40%,rgb(238,44,130) 60%,rgb(251,105,98) 80%,rgb(254,248,76) 100%);--wp--preset--gradient--blush-light-purple: linear-gradient(135deg,rgb(255,206,236) 0%,rgb(152,150,240) 100%);--wp--preset--gradient--blush-bordeaux: linear-gradient(135deg,rgb(254,205,165) 0%,rgb(254,45,45) 50%,rgb(107,0,62) 100%);--wp--preset--gradient--luminous-dusk: linear-gradient(135deg,rgb(255,203,112) 0%,rgb(199,81,192) 50%,rgb(65,88,208) 100%);--wp--preset--gradient--pale-ocean: linear-gradient(135deg,rgb(255,245,203) 0%,rgb(182,227,212) 50%,rgb(51,167,181) 100%);--wp--preset--gradient--electric-grass: linear-gradient(135deg,rgb(202,248,128) 0%,rgb(113,206,126) 100%);--wp--preset--gradient--midnight: linear-gradient(135deg,rgb(2,3,129) 0%,rgb(40,116,252) 100%);--wp--preset--font-size--small: 13px;--wp--preset--font-size--medium: 20px;--wp--preset--font-size--large: 36px;--wp--preset--font-size--x-large: 42px;--wp--preset--spacing--20: 0.44rem;--wp--preset--spacing--30: 0.67rem;--wp--preset--spacing--40: 1rem;--wp--preset--spacing--50: 1.5rem;--wp--preset--spacing--60: 2.25rem;--wp--preset--spacing--70: 3.38rem;--wp--preset--spacing--80: 5.06rem;--wp--preset--shadow--natural: 6px 6px 9px rgba(0, 0, 0, 0.2);--wp--preset--shadow--deep: 12px 12px 50px rgba(0, 0, 0, 0.4);--wp--preset--shadow--sharp: 6px 6px 0px rgba(0, 0, 0, 0.2);--wp--preset--shadow--outlined: 6px 6px 0px -3px rgba(255, 255, 255, 1), 6px 6px rgba(0, 0, 0, 1);--wp--preset--shadow--crisp: 6px 6px 0px rgba(0, 0, 0, 1);}:where(.is-layout-flex){gap: 0.5em;}:where(.is-layout-grid){gap: 0.5em;}body .is-layout-flow > .alignleft{float: left;margin-inline-start: 0;margin-inline-end: 2em;}body .is-layout-flow > .alignright{float: right;margin-inline-start: 2em;margin-inline-end: 0;}body .is-layout-flow > .aligncenter{margin-left: auto !important;margin-right: auto !important;}body .is-layout-constrained > .alignleft{float: left;margin-inline-start: 0;margin-inline-end: 2em;}body .is-layout-constrained > .alignright{float: right;margin-inline-start: 2em;margin-inline-end: 0;}body .is-layout-constrained > .aligncenter{margin-left: auto !important;margin-right: auto !important;}body .is-layout-constrained > :where(:not(.alignleft):not(.alignright):not(.alignfull)){max-width: var(--wp--style--global--content-size);margin-left: auto !important;margin-right: auto !important;}body .is-layout-constrained > .alignwide{max-width: var(--wp--style--global--wide-size);}body .is-layout-flex{display: flex;}body .is-layout-flex{flex-wrap: wrap;align-items: center;}body .is-layout-flex > *{margin: 0;}body .is-layout-grid{display: grid;}body .is-layout-grid > *{margin: 0;}:where(.wp-block-columns.is-layout-flex){gap: 2em;}:where(.wp-block-columns.is-layout-grid){gap: 2em;}:where(.wp-block-post-template.is-layout-flex){gap: 1.25em;}:where(.wp-block-post-template.is-layout-grid){gap: 1.25em;}.has-black-color{color: var(--wp--preset--color--black) !important;}.has-cyan-bluish-gray-color{color: var(--wp--preset--color--cyan-bluish-gray) !important;}.has-white-color{color: var(--wp--preset--color--white) !important;}.has-pale-pink-color{color: var(--wp--preset--color--pale-pink) !important;}.has-vivid-red-color{color: var(--wp--preset--color--vivid-red) !important;}.has-luminous-vivid-orange-color{color: var(--wp--preset--color--luminous-vivid-orange) !important;}.has-luminous-vivid-amber-color{color: var(--wp--preset--color--luminous-vivid-amber) !important;}.has-light-green-cyan-color{color: var(--wp--preset--color--light-green-cyan) !important;}.has-vivid-green-cyan-color{color: var(--wp--preset--color--vivid-green-cyan) !important;}.has-pale-cyan-blue-color{color: var(--wp--preset--color--pale-cyan-blue) !important;}.has-vivid-cyan-blue-color{color: var(--wp--preset--color--vivid-cyan-blue) !important;}.has-vivid-purple-color{color: var(--wp--preset--color--vivid-purple) !important;}.has-black-background-color{background-color: var(--wp--preset--color--black) !important;}.has-cyan-bluish-gray-background-color{background-color: var(--wp--preset--color--cyan-bluish-gray) !important;}.has-white-background-color{background-color: var(--wp--preset--color--white) !important;}.has-small-font-size{font-size: var(--wp--preset--font-size--small) !important;}.has-medium-font-size{font-size: var(--wp--preset--font-size--medium) !important;}.has-large-font-size{font-size: var(--wp--preset--font-size--large) !important;}.has-x-large-font-size{font-size: var(--wp--preset--font-size--x-large) !important;}
.wp-block-navigation a:where(:not(.wp-element-button)){color: inherit;}
:where(.wp-block-post-template.is-layout-flex){gap: 1.25em;}:where(.wp-block-post-template.is-layout-grid){gap: 1.25em;}
:where(.wp-block-columns.is-layout-flex){gap: 2em;}:where(.wp-block-columns.is-layout-grid){gap: 2em;}
.wp-block-pullquote{font-size: 1.5em;line-height: 1.6;}
</style>"""
