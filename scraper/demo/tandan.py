"""A province portal on Tân Dân's SharePoint product (Điện Biên style), for the offline portal.

Public crawler code of dienbien.gov.vn and thanhhoa.gov.vn shows one
vendor's SharePoint portal under ``/portal/``: articles are publishing pages
(``/portal/Pages/<Slug>.aspx``; Thanh Hóa's newer form
``/portal/pages/<yyyy-mm-dd>/<slug>-<id>.aspx``), channels ("kênh tin")
page with ``?PageIndex=N``, and the article sits in the vendor's
``tandan-*`` classes: ``p.tandan-p-article-news-title``,
``p.tandan-p-article-news-summary``, ``span.tandan-span-date-publish``
("Đăng ngày 10/01/2024 08:15"), body in ``.tandan-p-article-main``. Around
them is SharePoint's chrome: one ASP.NET form (``__VIEWSTATE``), ``ctl00_…``
ids, web part zones. Photos live in ``/portal/Photos/<yyyy-mm>/``,
attachments in the list's ``Attachments`` folder. Only the class names are
evidenced; which element carries each is our guess.

This site switched to the dated form on 1 January 2024, so it has both:

    /portal/Pages/default.aspx                                home
    /portal/KenhTin/Tin-tuc-su-kien.aspx                      channel, page 1
    /portal/KenhTin/Tin-tuc-su-kien.aspx?PageIndex=2          page 2
    /portal/Pages/{Slug}.aspx                                 article published before 2024
    /portal/pages/{yyyy-mm-dd}/{slug}-{id}.aspx               article published since
    /portal/Pages/Gioi-thieu-chung.aspx, ...                  information pages: shaped like articles, not articles

SharePoint ignores the case of paths and parameter names; so does this site.
"""

from __future__ import annotations

import re
from datetime import datetime
from html import escape
from urllib.parse import quote

from .families import (
    HTML_UTF8, PORTAL_TODAY, FamilyArticle, FamilyCategory, FamilySite, counter, day_first, in_category, latest,
    listing_slice, most_read, neighbours, opaque_state, positive_int, query_params, related, short_hash, weekday,
)
from .pages import view_count

DATED_FORM_SINCE = datetime(2024, 1, 1)
# page name -> title of the information pages the menu links to
INFO_PAGES = {
    "Gioi-thieu-chung": "Giới thiệu chung",
    "So-do-cong": "Sơ đồ cổng thông tin",
    "Lich-cong-tac": "Lịch công tác",
    "Lien-he": "Liên hệ",
}
_PAGE = re.compile(r"/portal/pages/([a-z0-9-]+)\.aspx")
_DATED_PAGE = re.compile(r"/portal/pages/(\d{4}-\d\d-\d\d)/([a-z0-9-]+-\d+)\.aspx")
_CHANNEL = re.compile(r"/portal/kenhtin/([a-z0-9-]+)\.aspx")
_LISTING_KEY = re.compile(r"/portal/KenhTin/([A-Za-z0-9-]+)\.aspx(?:\?PageIndex=(\d+))?")


def page_name(name: str) -> str:
    """A publishing page's name as the site spells it: first letter capital ("Huyen-muong-ang-...")."""
    return name[:1].upper() + name[1:].lower()


class TanDanSite(FamilySite):
    family = "tandan"
    site_name = "Cổng thông tin điện tử tỉnh Điện Biên"
    agency = "Ủy ban nhân dân tỉnh Điện Biên"
    province = "Điện Biên"
    canonical_base = "https://dienbien-demo.gov.vn"
    seed = 3808
    categories = (
        FamilyCategory("Tin-tuc-su-kien", "Tin tức - Sự kiện", "tin-tuc-su-kien", "1"),
        FamilyCategory("Van-hoa-Xa-hoi", "Văn hóa - Xã hội", "van-hoa-xa-hoi", "2"),
    )
    page_size = 5
    districts = {
        "Tuần Giáo": ("Quài Cang", "Quài Nưa", "Chiềng Sinh", "Mường Thín", "Pú Nhung"),
        "Mường Ảng": ("Ẳng Nưa", "Ẳng Cang", "Búng Lao", "Xuân Lao", "Ngối Cáy"),
        "Điện Biên Đông": ("Na Son", "Keo Lôm", "Phì Nhừ", "Pú Nhi", "Luân Giới"),
        "Tủa Chùa": ("Sính Phình", "Mường Báng", "Tả Phìn", "Huổi Só", "Xá Nhè"),
        "Mường Chà": ("Sa Lông", "Huổi Lèng", "Ma Thì Hồ", "Na Sang", "Mường Tùng"),
        "Nậm Pồ": ("Si Pa Phìn", "Chà Nưa", "Nà Hỳ", "Nà Khoa", "Phìn Hồ"),
    }
    source_marker = "ĐBP"
    id_range = (12000, 60000)
    home_paths = ("/portal/Pages/default.aspx",)
    robots_disallow = ("/portal/_layouts/", "/portal/_vti_bin/", "/portal/_catalogs/", "/portal/Pages/Tim-kiem.aspx")
    upload_prefixes = ("/portal/Photos/", "/portal/Lists/")
    not_found_text = "Trang bạn yêu cầu không tồn tại"

    # ------------------------------------------------------------ addresses

    def article_path(self, category, slug, number, published):
        if published >= DATED_FORM_SINCE:
            return f"/portal/pages/{published:%Y-%m-%d}/{slug}-{number}.aspx"
        return f"/portal/Pages/{page_name(slug)}.aspx"

    def image_src(self, published, number, image):
        return f"/portal/Photos/{published:%Y-%m}/{published:%d%m%Y}_{number}_{image}.jpg"

    def attachment_href(self, published, number, filename):
        return f"/portal/Lists/BaiViet/Attachments/{number}/{filename}"

    def listing_path(self, category, page):
        base = f"/portal/KenhTin/{category.slug}.aspx"
        return base if page == 1 else f"{base}?PageIndex={page}"

    def canonical(self, path, query):
        lower = path.lower()
        if lower in ("", "/", "/portal", "/portal/", "/portal/pages", "/portal/pages/default.aspx"):
            return self.home_paths[0]
        page = _PAGE.fullmatch(lower)
        if page:
            return f"/portal/Pages/{page_name(page[1])}.aspx"  # a publishing page ignores its query
        dated = _DATED_PAGE.fullmatch(lower)
        if dated:
            return f"/portal/pages/{dated[1]}/{dated[2]}.aspx"
        channel = _CHANNEL.fullmatch(lower)
        if channel:
            category = next((c for c in self.categories if c.slug.lower() == channel[1]), None)
            params = {name.lower(): value for name, value in query_params(query).items()}
            number = positive_int(params.get("pageindex", "1"))
            if category and number:
                return self.listing_path(category, number)
        return path + (f"?{query}" if query else "")

    def parse_listing(self, key):
        match = _LISTING_KEY.fullmatch(key)
        category = self.category(match[1]) if match else None
        return (category, int(match[2] or 1)) if category else None

    def render(self, key, articles, base_url):
        for name, title in INFO_PAGES.items():
            if key == f"/portal/Pages/{name}.aspx":
                return HTML_UTF8, self.info_page(key, title, articles).encode()
        return super().render(key, articles, base_url)

    # ------------------------------------------------------------ pages

    def article_page(self, article: FamilyArticle, articles, base_url):
        category = self.category(article.category_slug)
        marker = f"({escape(article.source_marker)}) - " if article.source_marker else ""
        share = quote(self.canonical_base + article.path, safe="")
        attachments = ""
        if article.attachments:
            links = "\n".join(
                f'<li><img src="/portal/_layouts/15/images/ic{href.rsplit(".", 1)[1]}.png" alt="" /> '
                f'<a href="{escape(href)}" target="_blank">{escape(title)}</a></li>'
                for href, title in article.attachments)
            attachments = (f'<div class="tandan-div-article-attach"><span class="tandan-span-attach-title">File đính kèm:</span>'
                           f'<ul class="tandan-ul-attach">\n{links}\n</ul></div>')
        detail = f"""<div class="tandan-div-article-detail">
<p class="tandan-p-article-news-title">{escape(article.title)}</p>
<div class="tandan-div-article-info"><span class="tandan-span-date-publish">Đăng ngày {day_first(article.published)}</span>
<span class="tandan-span-view-count">| Lượt xem: {view_count(article)}</span></div>
<p class="tandan-p-article-news-summary">{marker}{escape(article.lead)}</p>
<div class="tandan-p-article-main">
{_body(article)}
</div>
{attachments}
<div class="tandan-div-article-tools">
<a href="javascript:window.print();" class="tandan-a-print">In bài viết</a> |
<a href="mailto:?subject={quote(article.title, safe='')}&amp;body={share}" class="tandan-a-email">Gửi email</a> |
<a href="https://www.facebook.com/sharer/sharer.php?u={share}" target="_blank" class="tandan-a-share">Chia sẻ</a> |
<a href="javascript:history.back();" class="tandan-a-back">Quay lại</a>
</div>
</div>"""
        main = "\n".join((
            _web_part("g_article_detail", detail),
            _web_part("g_related_news", f"""<div class="tandan-div-related"><p class="tandan-p-block-title">Tin liên quan</p>
<ul class="tandan-ul-news">
{_dated_items(related(article, articles))}
</ul></div>"""),
            _web_part("g_other_news", f"""<div class="tandan-div-other-news"><p class="tandan-p-block-title">Các tin khác</p>
<ul class="tandan-ul-news">
{_dated_items(neighbours(article, articles))}
</ul></div>"""),
        ))
        images = article.images
        return self._layout(articles, key=article.path, title=article.title, description=article.lead,
                            breadcrumb=self._breadcrumb(category), main=main,
                            og_image=images[0][0] if images else _LOGO, og_type="article")

    def listing_page(self, category, page, articles, base_url):
        shown = listing_slice(articles, category, page, self.page_size)
        if shown is None:
            return None
        items, pages = shown
        channel = f"""<div class="tandan-div-channel">
<p class="tandan-p-channel-title">{escape(category.name)}</p>
{"".join(_channel_item(a) for a in items)}
{self._paging(category, page, pages)}
</div>"""
        title = category.name if page == 1 else f"{category.name} - Trang {page}"
        return self._layout(articles, key=self.listing_path(category, page), title=title,
                            description=f"{category.name} - {self.site_name}", breadcrumb=self._breadcrumb(category),
                            main=_web_part("g_channel_news", channel), og_image=_LOGO, og_type="website")

    def home_page(self, articles, base_url):
        parts = []
        for category in self.categories:
            shown = in_category(articles, category)[:5]
            if shown:
                parts.append(_web_part(f"g_home_{category.code}", f"""<div class="tandan-div-home-channel">
<p class="tandan-p-block-title"><a href="{escape(self.listing_path(category, 1))}">{escape(category.name)}</a></p>
{_channel_item(shown[0])}
<ul class="tandan-ul-news">
{_dated_items(shown[1:])}
</ul></div>"""))
        return self._layout(articles, key=self.home_paths[0], title="Trang chủ",
                            description=f"{self.site_name}: tin tức, sự kiện, chỉ đạo điều hành",
                            breadcrumb="", main="\n".join(parts), og_image=_LOGO, og_type="website")

    def info_page(self, key: str, title: str, articles) -> str:
        """One of the portal's information pages: a publishing page like an article, with no article in it."""
        content = f"""<div class="tandan-div-info-page"><p class="tandan-p-channel-title">{escape(title)}</p>
<div class="ms-rtestate-field"><p>Nội dung đang được Ban biên tập cập nhật.</p></div></div>"""
        return self._layout(articles, key=key, title=title, description=f"{title} - {self.site_name}", breadcrumb="",
                            main=_web_part("g_info_page", content), og_image=_LOGO, og_type="website")

    def not_found_page(self, articles, base_url):
        content = f"""<div class="tandan-div-error"><p class="tandan-p-channel-title">{self.not_found_text}</p>
<p>Đường dẫn không đúng hoặc nội dung đã được gỡ bỏ. Vui lòng quay lại <a href="/portal/Pages/default.aspx">Trang chủ</a>.</p></div>"""
        return self._layout(articles, key=None, title="Lỗi", description=self.not_found_text, breadcrumb="",
                            main=_web_part("g_error", content), og_image=_LOGO, og_type="website")

    def _breadcrumb(self, category: FamilyCategory) -> str:
        return (f'<div class="tandan-div-breadcrumb"><span id="ctl00_PlaceHolderMain_SiteMapPath1"><a href="/portal/Pages/default.aspx">Trang chủ</a>'
                f' &gt; <a href="{escape(self.listing_path(category, 1))}">{escape(category.name)}</a></span></div>')

    def _paging(self, category, page, pages):
        links = []
        if page > 1:
            links.append(f'<a class="tandan-a-page-first" href="{escape(self.listing_path(category, 1))}">Đầu</a>')
            links.append(f'<a class="tandan-a-page-prev" href="{escape(self.listing_path(category, page - 1))}">Trước</a>')
        for number in range(1, pages + 1):
            if number == page:
                links.append(f'<span class="tandan-span-page-current">{number}</span>')
            else:
                links.append(f'<a href="{escape(self.listing_path(category, number))}">{number}</a>')
        if page < pages:
            links.append(f'<a class="tandan-a-page-next" href="{escape(self.listing_path(category, page + 1))}">Sau</a>')
            links.append(f'<a class="tandan-a-page-last" href="{escape(self.listing_path(category, pages))}">Cuối</a>')
        return '<div class="tandan-div-paging">' + " ".join(links) + "</div>"

    def _layout(self, articles, *, key, title, description, breadcrumb, main, og_image, og_type):
        current = key or "/portal/Pages/Loi.aspx"
        canonical = "" if key is None else f'<link rel="canonical" href="{escape(self.canonical_base + key)}" />\n'
        form_action = "./" + current.split("?")[0].rsplit("/", 1)[1] + ("?" + current.split("?")[1] if "?" in current else "")
        counts = counter(current)
        state = opaque_state("tandan" + current, 4200)
        digest = short_hash("digest" + current, 40).upper()
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN">
<head><meta name="GENERATOR" content="Microsoft SharePoint" /><meta http-equiv="Content-type" content="text/html; charset=utf-8" /><meta http-equiv="X-UA-Compatible" content="IE=Edge" /><meta http-equiv="Expires" content="0" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>
	{escape(title)}
</title>
<meta name="description" content="{escape(description)}" />
<meta property="og:title" content="{escape(title)}" />
<meta property="og:type" content="{og_type}" />
<meta property="og:image" content="{escape(self.canonical_base + og_image)}" />
{canonical}<link rel="shortcut icon" href="/portal/Style%20Library/TanDan/images/favicon.ico" type="image/vnd.microsoft.icon" id="favicon" />
<link rel="stylesheet" type="text/css" href="/portal/_layouts/15/1066/styles/Themable/corev15.css?rev=OqAycmyMLoQIDkAlzHdMhQ%3D%3D"/>
<link rel="stylesheet" type="text/css" href="/portal/Style%20Library/TanDan/css/tandan.portal.css?v=3.2"/>
<link rel="stylesheet" type="text/css" href="/portal/Style%20Library/TanDan/css/dienbien.skin.css?v=3.2"/>
<script type="text/javascript" src="/portal/_layouts/15/init.js?rev=ZYRf1fPJkQkSrvNyhkqnEw%3D%3D"></script>
<script type="text/javascript" src="/portal/ScriptResource.axd?d=NJmAwtEo3Ipnlaxl6CMhvgMhVqGbGPp0eSEvQqJ1dlEpXqjGRbjP2nGpvaYOnwG1&amp;t=ffffffffe6d5a9ac"></script>
<script type="text/javascript" src="/portal/_layouts/15/blank.js?rev=ZaOXZEobVwykPO9g8hq%2F8A%3D%3D"></script>
<script type="text/javascript">RegisterSod("require.js", "\\u002fportal\\u002f_layouts\\u002f15\\u002frequire.js?rev=bv3fWJhk0uFGpVwBxnZKNQ\\u00253D\\u00253D");</script>
<script type="text/javascript">RegisterSod("strings.js", "\\u002fportal\\u002f_layouts\\u002f15\\u002f1066\\u002fstrings.js?rev=CrkRAmFpqflfRhbYzOE6Ug\\u00253D\\u00253D");RegisterSodDep("strings.js", "initstrings.js");</script>
<script type="text/javascript">RegisterSod("sp.init.js", "\\u002fportal\\u002f_layouts\\u002f15\\u002fsp.init.js?rev=jvJC3Kl5gbORaLtf7kxULQ\\u00253D\\u00253D");</script>
<script type="text/javascript">RegisterSod("core.js", "\\u002fportal\\u002f_layouts\\u002f15\\u002fcore.js?rev=GpU7vxyOqzS0F9OfEX3CCw\\u00253D\\u00253D");RegisterSodDep("core.js", "strings.js");</script>
<script type="text/javascript" src="/portal/Style%20Library/TanDan/js/jquery-1.11.3.min.js"></script>
<script type="text/javascript" src="/portal/Style%20Library/TanDan/js/tandan.portal.js?v=3.2"></script>
</head>
<body>
<form method="post" action="{escape(form_action)}" onsubmit="javascript:return WebForm_OnSubmit();" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="_wpcmWpid" id="_wpcmWpid" value="" />
<input type="hidden" name="wpcmVal" id="wpcmVal" value="" />
<input type="hidden" name="MSOWebPartPage_PostbackSource" id="MSOWebPartPage_PostbackSource" value="" />
<input type="hidden" name="MSOTlPn_SelectedWpId" id="MSOTlPn_SelectedWpId" value="" />
<input type="hidden" name="MSOTlPn_View" id="MSOTlPn_View" value="0" />
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__REQUESTDIGEST" id="__REQUESTDIGEST" value="0x{digest},01 Jul 2024 02:00:00 -0000" />
<input type="hidden" name="MSOSPWebPartManager_DisplayModeName" id="MSOSPWebPartManager_DisplayModeName" value="Browse" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUBMA9kFgJmD2QWAgIBD2QWBAIBD2QWAgIJDxYCHhNQcmV2aW91c0NvbnRyb2xNb2RlCymIAU1p{state}" />
</div>
<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['aspnetForm'];
if (!theForm) {{ theForm = document.aspnetForm; }}
function __doPostBack(eventTarget, eventArgument) {{ if (!theForm.onsubmit || (theForm.onsubmit() != false)) {{ theForm.__EVENTTARGET.value = eventTarget; theForm.__EVENTARGUMENT.value = eventArgument; theForm.submit(); }} }}
var _spPageContextInfo = {{webServerRelativeUrl: "\\u002fportal", webAbsoluteUrl: "{self.canonical_base}\\u002fportal", siteAbsoluteUrl: "{self.canonical_base}", serverRequestPath: "{escape(current.split("?")[0])}", layoutsUrl: "_layouts\\u002f15", webTitle: "{self.site_name}", webTemplate: "53", webLanguage: 1066, currentLanguage: 1066, currentUICultureName: "vi-VN", currentCultureName: "vi-VN", siteClientTag: "0$$15.0.4797.1000", webUIVersion:15, pageListId:"{{5b1c2e7a-8d4f-4b1e-9a2c-0e7f3d6a1b94}}", pageItemId:{len(current)}}};
//]]>
</script>
<div id="s4-workspace"><div id="s4-bodyContainer">
<div class="tandan-div-topbar"><span class="tandan-span-today">{weekday(PORTAL_TODAY)}, ngày {PORTAL_TODAY:%d/%m/%Y}</span>
<a href="/portal/Pages/So-do-cong.aspx">Sơ đồ cổng</a> | <a href="/portal/Pages/Lien-he.aspx">Liên hệ</a> | <a href="/portal/_layouts/15/Authenticate.aspx?Source=%2Fportal">Đăng nhập</a></div>
<div class="tandan-div-header"><a href="/portal/Pages/default.aspx"><img src="/portal/Style%20Library/TanDan/images/banner-dienbien.png" alt="{self.site_name}" /></a>
<div class="tandan-div-search"><input name="ctl00$ctl32$txtKeyword" type="text" id="ctl00_ctl32_txtKeyword" class="tandan-input-search" placeholder="Tìm kiếm..." /><input type="submit" name="ctl00$ctl32$btnSearch" value="Tìm" id="ctl00_ctl32_btnSearch" /></div></div>
{_MENU}
<div id="contentRow"><div id="contentBox">
{breadcrumb}
<table class="tandan-table-layout" width="100%" cellpadding="0" cellspacing="0"><tr>
<td class="tandan-td-main" valign="top">
<div class="ms-webpart-zone ms-fullWidth">
{main}
</div>
</td>
<td class="tandan-td-right" valign="top">
<div class="ms-webpart-zone ms-fullWidth">
{_web_part("g_latest_news", f'''<div class="tandan-div-latest"><p class="tandan-p-block-title">Tin mới</p><ul class="tandan-ul-news">
{_dated_items(latest(articles), with_time=True)}
</ul></div>''')}
{_BANNERS}
{_web_part("g_most_read", f'''<div class="tandan-div-most-read"><p class="tandan-p-block-title">Tin đọc nhiều</p><ul class="tandan-ul-news">
{_dated_items(most_read(articles))}
</ul></div>''')}
{_web_part("g_counter", f'''<div class="tandan-div-counter"><p class="tandan-p-block-title">Thống kê truy cập</p>
<ul><li>Đang online: <span>{counts[0]}</span></li><li>Hôm nay: <span>{counts[1]}</span></li><li>Trong tuần: <span>{counts[2]}</span></li><li>Tất cả: <span>{counts[3]}</span></li></ul></div>''')}
</div>
</td>
</tr></table>
</div></div>
<div class="tandan-div-footer">
<p><b>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ĐIỆN BIÊN</b></p>
<p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh Điện Biên. Cơ quan thường trực: Sở Thông tin và Truyền thông tỉnh Điện Biên</p>
<p>Địa chỉ: Số 886, đường Võ Nguyên Giáp, phường Mường Thanh, thành phố Điện Biên Phủ, tỉnh Điện Biên</p>
<p>Điện thoại: 0215.3825.000 - Email: banbientap@dienbien-demo.gov.vn</p>
<p>Bản quyền © 2024 Cổng thông tin điện tử tỉnh Điện Biên. Ghi rõ nguồn khi phát hành lại thông tin từ cổng này.</p>
<p class="tandan-p-vendor">Thiết kế và phát triển bởi Công ty Tân Dân</p>
</div>
</div></div>
<script type="text/javascript">
//<![CDATA[
var _spFormDigestRefreshInterval = 1440000;
function WebForm_OnSubmit() {{ UpdateFormDigest('\\u002fportal', 1440000); return true; }}
//]]>
</script>
</form>
</body>
</html>
"""


SITE = TanDanSite()

_LOGO = "/portal/Style%20Library/TanDan/images/logo-dienbien.png"


def _web_part(name: str, content: str) -> str:
    """One web part in SharePoint's chrome, its ids derived from ``name``."""
    guid = f"{short_hash(name, 8)}_{short_hash(name + 'a', 4)}_4b1e_{short_hash(name + 'b', 4)}_{short_hash(name + 'c', 12)}"
    return f"""<div class="ms-webpart-chrome ms-webpart-chrome-vertical ms-webpart-chrome-fullWidth">
<div WebPartID="{guid.replace("_", "-")}" HasPers="false" id="WebPartctl00_ctl39_g_{guid}" width="100%" class="ms-WPBody noindex" allowDelete="false" style="">
<div id="ctl00_ctl39_g_{guid}">
{content}
</div><div class="ms-clear"></div></div>
</div>"""


def _body(article: FamilyArticle) -> str:
    parts = []
    for block in article.blocks:
        if block[0] == "img":
            parts.append(f'<p style="text-align: center;"><img alt="" src="{escape(block[1])}" style="width: 620px;" /></p>')
            parts.append(f'<p style="text-align: center;"><span style="font-size: 12px;"><em>{escape(block[2])}</em></span></p>')
        elif block[0] == "table":
            rows = block[1]
            head = "".join(f'<td style="text-align: center;"><strong>{escape(cell)}</strong></td>' for cell in rows[0])
            body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows[1:])
            parts.append(f'<table border="1" cellspacing="0" cellpadding="4" style="width: 100%; border-collapse: collapse;"><tbody><tr>{head}</tr>{body}</tbody></table>')
        else:
            parts.append(f'<p style="text-align: justify;">{escape(block[1])}</p>')
    parts.append(f'<p style="text-align: right;"><strong>{escape(article.author_line)}</strong></p>')
    return "\n".join(parts)


def _channel_item(article: FamilyArticle) -> str:
    images = article.images
    thumbnail = images[0][0] if images else "/portal/Style%20Library/TanDan/images/no-image.jpg"
    href = escape(article.path)
    return (f'<div class="tandan-div-news-item"><a class="tandan-a-news-image" href="{href}"><img src="{escape(thumbnail)}" alt="" /></a>'
            f'<a class="tandan-a-news-title" href="{href}">{escape(article.title)}</a>'
            f'<span class="tandan-span-news-date">({day_first(article.published)})</span>'
            f'<p class="tandan-p-news-summary">{escape(article.lead)}</p></div>')


def _dated_items(articles, with_time: bool = False) -> str:
    return "\n".join(
        f'<li><a href="{escape(a.path)}">{escape(a.title)}</a> '
        f'<span class="tandan-span-item-date">({day_first(a.published) if with_time else f"{a.published:%d/%m/%Y}"})</span></li>'
        for a in articles)


def _menu() -> str:
    menu = (
        ("Trang chủ", "/portal/Pages/default.aspx", ()),
        ("Giới thiệu", "/portal/Pages/Gioi-thieu-chung.aspx", ()),
        ("Tin tức", "/portal/KenhTin/Tin-tuc-su-kien.aspx", (("Tin tức - Sự kiện", "/portal/KenhTin/Tin-tuc-su-kien.aspx"),
                                                             ("Văn hóa - Xã hội", "/portal/KenhTin/Van-hoa-Xa-hoi.aspx"),
                                                             ("Kinh tế", "/portal/KenhTin/Kinh-te.aspx"),
                                                             ("Quốc phòng - An ninh", "/portal/KenhTin/Quoc-phong-An-ninh.aspx"))),
        ("Chính quyền", "/portal/KenhTin/Chinh-quyen.aspx", ()),
        ("Lịch công tác", "/portal/Pages/Lich-cong-tac.aspx", ()),
        ("Văn bản", "https://vanban.dienbien-demo.gov.vn", ()),
        ("Dịch vụ công", "https://dichvucong.dienbien-demo.gov.vn", ()),
        ("Liên hệ", "/portal/Pages/Lien-he.aspx", ()),
    )
    items = []
    for label, href, children in menu:
        sub = ""
        if children:
            sub = '<ul class="tandan-ul-submenu">' + "".join(
                f'<li><a href="{escape(c_href)}">{escape(c)}</a></li>' for c, c_href in children) + "</ul>"
        items.append(f'<li class="tandan-li-menu"><a href="{escape(href)}">{escape(label)}</a>{sub}</li>')
    return ('<div class="tandan-div-menu" id="ctl00_ctl35_MenuTop"><ul class="tandan-ul-menu">\n'
            + "\n".join(items) + "\n</ul></div>")


_MENU = _menu()

_BANNERS = _web_part("g_banners", """<div class="tandan-div-banners">
<a href="https://dichvucong.dienbien-demo.gov.vn" target="_blank"><img src="/portal/Photos/QuangCao/dich-vu-cong.jpg" alt="image advertisement" /></a>
<a href="https://dulich.dienbien-demo.gov.vn" target="_blank"><img src="/portal/Photos/QuangCao/du-lich-dien-bien.jpg" alt="image advertisement" /></a>
<a href="https://hoidap.dienbien-demo.gov.vn" target="_blank"><img src="/portal/Photos/QuangCao/hoi-dap-truc-tuyen.jpg" alt="image advertisement" /></a>
</div>""")
