"""A province portal on SharePoint (Quảng Ninh style), for the offline portal.

Pages are SharePoint 2013 publishing pages of the Vietnamese "Trang" library:
one ASP.NET form around everything (``__VIEWSTATE``, ``__REQUESTDIGEST``),
``<meta name="GENERATOR" content="Microsoft SharePoint">``, the ``s4-workspace``
shell, web part zones (``div.ms-webpart-zone``) and the news body in a rich
text field (``div.ms-rtestate-field``).

    /Trang/TrangChu.aspx                      home
    /Trang/TinTuc.aspx?dm=2                   listing of category 2, page 1
    /Trang/TinTuc.aspx?dm=2&page=3            page 3
    /Trang/ChiTietTin.aspx?id=1234&dm=2       article
    /Trang/RSS.aspx?dm=2                      RSS
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import quote

from .families import (
    PORTAL_TODAY, FamilyArticle, FamilyCategory, FamilySite, counter, day_first, in_category, latest, listing_slice,
    most_read, neighbours, opaque_state, positive_int, query_params, related, short_hash, weekday,
)
from .pages import view_count

_ICONS = {"pdf": "icpdf.png", "docx": "icdocx.png", "xlsx": "icxlsx.png"}


class SharePointSite(FamilySite):
    family = "sharepoint"
    site_name = "Cổng thông tin điện tử tỉnh Quảng Ninh"
    agency = "Ủy ban nhân dân tỉnh Quảng Ninh"
    province = "Quảng Ninh"
    canonical_base = "https://quangninh-demo.gov.vn"
    seed = 3202
    categories = (
        FamilyCategory("tin-hoat-dong", "Tin hoạt động", "tin-tuc-su-kien", "1"),
        FamilyCategory("chinh-tri-xa-hoi", "Chính trị - Xã hội", "chinh-tri", "2"),
    )
    page_size = 5
    districts = {
        "Vân Đồn": ("Đoàn Kết", "Hạ Long", "Bản Sen", "Quan Lạn", "Minh Châu"),
        "Tiên Yên": ("Đông Ngũ", "Hải Lạng", "Phong Dụ", "Yên Than", "Đại Dực"),
        "Bình Liêu": ("Húc Động", "Đồng Văn", "Hoành Mô", "Lục Hồn", "Vô Ngại"),
        "Ba Chẽ": ("Thanh Sơn", "Đạp Thanh", "Nam Sơn", "Lương Mông", "Đồn Đạc"),
        "Đầm Hà": ("Quảng Tân", "Đại Bình", "Tân Bình", "Quảng Lâm"),
        "Hải Hà": ("Quảng Đức", "Quảng Sơn", "Đường Hoa", "Quảng Phong", "Quảng Thành"),
        "Cô Tô": ("Đồng Tiến", "Thanh Lân"),
    }
    source_marker = "QNP"
    id_range = (1000, 10000)
    home_paths = ("/Trang/TrangChu.aspx",)
    robots_disallow = ("/_layouts/", "/_vti_bin/", "/_catalogs/", "/Trang/TimKiem.aspx")
    upload_prefixes = ("/PublishingImages/", "/Documents/")
    not_found_text = "Không tìm thấy trang bạn yêu cầu"

    # ------------------------------------------------------------ addresses

    def article_path(self, category, slug, number, published):
        return f"/Trang/ChiTietTin.aspx?id={number}&dm={category.code}"

    def image_src(self, published, number, image):
        return f"/PublishingImages/TinTuc/{published:%Y/%m}/anh-{number}-{image}.jpg"

    def attachment_href(self, published, number, filename):
        return f"/Documents/VanBan/{published:%Y}/{filename}"

    def listing_path(self, category, page):
        base = f"/Trang/TinTuc.aspx?dm={category.code}"
        return base if page == 1 else f"{base}&page={page}"

    def rss_path(self, category):
        return "/Trang/RSS.aspx" if category is None else f"/Trang/RSS.aspx?dm={category.code}"

    def by_code(self, code: str | None) -> FamilyCategory | None:
        return next((c for c in self.categories if c.code == code), None)

    def canonical(self, path, query):
        lower = path.lower()
        params = {name.lower(): value for name, value in query_params(query).items()}
        raw = path + (f"?{query}" if query else "")
        if lower in ("", "/", "/trang", "/trang/", "/trang/trangchu.aspx", "/default.aspx"):
            return self.home_paths[0]
        if lower == "/trang/chitiettin.aspx":
            number, code = positive_int(params.get("id")), params.get("dm")
            return f"/Trang/ChiTietTin.aspx?id={number}&dm={code}" if number and code else raw
        if lower == "/trang/tintuc.aspx":
            category, page = self.by_code(params.get("dm")), positive_int(params.get("page", "1"))
            return self.listing_path(category, page) if category and page else raw
        if lower == "/trang/rss.aspx":
            if "dm" not in params:
                return self.rss_path(None)
            category = self.by_code(params["dm"])
            return self.rss_path(category) if category else raw
        return raw

    def parse_listing(self, key):
        match = re.fullmatch(r"/Trang/TinTuc\.aspx\?dm=(\d+)(?:&page=(\d+))?", key)
        category = self.by_code(match[1]) if match else None
        return (category, int(match[2] or 1)) if category else None

    def feed_category(self, key):
        if key == self.rss_path(None):
            return True, None
        for category in self.categories:
            if key == self.rss_path(category):
                return True, category
        return False, None

    # ------------------------------------------------------------ pages

    def article_page(self, article: FamilyArticle, articles, base_url):
        category = self.category(article.category_slug)
        marker = f"<strong>({escape(article.source_marker)}) - </strong>" if article.source_marker else ""
        attachments = ""
        if article.attachments:
            links = "\n".join(
                f'<li><img src="/_layouts/15/images/{_ICONS[href.rsplit(".", 1)[1]]}" alt="" /> '
                f'<a href="{escape(href)}" target="_blank">{escape(title)}</a></li>'
                for href, title in article.attachments
            )
            attachments = f'<div class="news-attachments"><span class="attachment-label">File đính kèm:</span><ul>\n{links}\n</ul></div>'
        share = quote(self.canonical_base + article.path, safe="")
        main = f"""{_zone("WPQ2", f'''<div class="news-detail">
<h2 class="news-title">{escape(article.title)}</h2>
<div class="news-date"><span class="date">{day_first(article.published)}</span> | <span class="views">Lượt xem: {view_count(article)}</span></div>
<div class="news-summary">{marker}{escape(article.lead)}</div>
<div id="ctl00_PlaceHolderMain_ctl02__ControlWrapper_RichHtmlField" class="ms-rtestate-field" style="display:inline" aria-labelledby="ctl00_PlaceHolderMain_ctl02_label">
<div class="ExternalClass{short_hash(str(article.id), 32).upper()}">
{_rich_text(article)}
</div>
</div>
<div class="news-author" style="text-align: right;"><strong>{escape(article.author_line)}</strong></div>
{attachments}
<div class="news-tools"><a href="javascript:window.print();"><img src="/_layouts/15/images/print.gif" alt="" /> In trang</a> | <a href="mailto:?subject={quote(article.title, safe='')}&amp;body={share}">Gửi email</a> | <a href="https://www.facebook.com/sharer/sharer.php?u={share}" target="_blank">Chia sẻ Facebook</a> | <a href="javascript:history.back();">Quay lại</a></div>
</div>''')}
{_zone("WPQ3", f'''<div class="related-news"><h3 class="ms-webpart-titleText">Tin liên quan</h3><ul>
{_dated_items(related(article, articles))}
</ul></div>''')}
{_zone("WPQ4", f'''<div class="other-news"><h3 class="ms-webpart-titleText">Các tin khác</h3><ul>
{_dated_items(neighbours(article, articles))}
</ul></div>''')}"""
        images = article.images
        return self._layout(base_url, articles, key=article.path, title=article.title, description=article.lead,
                            breadcrumb=_breadcrumb(category, self), main=main,
                            og_image=images[0][0] if images else _LOGO, og_type="article")

    def listing_page(self, category, page, articles, base_url):
        shown = listing_slice(articles, category, page, self.page_size)
        if shown is None:
            return None
        items, pages = shown
        rows = "\n".join(_listing_item(a) for a in items)
        main = _zone("WPQ2", f"""<div class="news-list">
<h2 class="category-title">{escape(category.name)}</h2>
{rows}
{self._paging(category, page, pages)}
</div>""")
        title = category.name if page == 1 else f"{category.name} - Trang {page}"
        return self._layout(base_url, articles, key=self.listing_path(category, page), title=title,
                            description=f"{category.name} - {self.site_name}", breadcrumb=_breadcrumb(category, self),
                            main=main, og_image=_LOGO, og_type="website", rss=self.rss_path(category))

    def home_page(self, articles, base_url):
        zones = []
        for number, category in enumerate(self.categories, start=2):
            shown = in_category(articles, category)[:5]
            if shown:
                zones.append(_zone(f"WPQ{number}", f"""<div class="home-news"><h2 class="ms-webpart-titleText"><a href="{escape(self.listing_path(category, 1))}">{escape(category.name)}</a></h2>
{_listing_item(shown[0])}
<ul>
{_dated_items(shown[1:])}
</ul></div>"""))
        return self._layout(base_url, articles, key=self.home_paths[0], title="Trang chủ",
                            description=f"{self.site_name}: tin tức, sự kiện, chỉ đạo điều hành",
                            breadcrumb="", main="\n".join(zones), og_image=_LOGO, og_type="website")

    def not_found_page(self, articles, base_url):
        main = _zone("WPQ2", f"""<div class="page-not-found"><h2>{self.not_found_text}</h2>
<p>Trang bạn truy cập không tồn tại hoặc đã bị xóa. Vui lòng quay lại <a href="/Trang/TrangChu.aspx">Trang chủ</a>.</p></div>""")
        return self._layout(base_url, articles, key=None, title="Lỗi", description=self.not_found_text,
                            breadcrumb="", main=main, og_image=_LOGO, og_type="website")

    def _paging(self, category, page, pages):
        links = []
        if page > 1:
            links.append(f'<a class="first" href="{escape(self.listing_path(category, 1))}">Đầu</a>')
            links.append(f'<a class="prev" href="{escape(self.listing_path(category, page - 1))}">&lt;</a>')
        for number in range(1, pages + 1):
            if number == page:
                links.append(f'<span class="current">{number}</span>')
            else:
                links.append(f'<a href="{escape(self.listing_path(category, number))}">{number}</a>')
        if page < pages:
            links.append(f'<a class="next" href="{escape(self.listing_path(category, page + 1))}">&gt;</a>')
            links.append(f'<a class="last" href="{escape(self.listing_path(category, pages))}">Cuối</a>')
        return '<div class="paging">' + " ".join(links) + "</div>"

    def _layout(self, base_url, articles, *, key, title, description, breadcrumb, main, og_image, og_type, rss=None):
        current = key or "/Trang/Loi.aspx"
        canonical = "" if key is None else f'<link rel="canonical" href="{escape(self.canonical_base + key)}" />\n'
        form_action = "./" + current.rsplit("/", 1)[1]
        state = opaque_state(current, 5200)
        counts = counter(current)
        digest = short_hash("digest" + current, 40).upper()
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN">
<head><meta name="GENERATOR" content="Microsoft SharePoint" /><meta http-equiv="Content-type" content="text/html; charset=utf-8" /><meta http-equiv="X-UA-Compatible" content="IE=10" /><meta http-equiv="Expires" content="0" /><meta name="msapplication-TileImage" content="/_layouts/15/images/SharePointMetroAppTile.png" /><meta name="msapplication-TileColor" content="#0072C6" /><title>
	{escape(title)}
</title>
<meta name="description" content="{escape(description)}" />
<meta property="og:title" content="{escape(title)}" />
<meta property="og:type" content="{og_type}" />
<meta property="og:image" content="{escape(self.canonical_base + og_image)}" />
{canonical}<link rel="shortcut icon" href="/Style%20Library/QNP/images/favicon.ico" type="image/vnd.microsoft.icon" id="favicon" />
<link rel="alternate" type="application/rss+xml" title="RSS" href="{escape(rss or self.rss_path(None))}" />
<link rel="stylesheet" type="text/css" href="/_layouts/15/1066/styles/Themable/corev15.css?rev=2bpHeX9U8DH09TB5zpJcsQ%3D%3D"/>
<link rel="stylesheet" type="text/css" href="/Style%20Library/QNP/css/style.css"/>
<link rel="stylesheet" type="text/css" href="/Style%20Library/QNP/css/menu.css"/>
<script type="text/javascript" src="/_layouts/15/init.js?rev=ZYRf1fPJkQkSrvNyhkqnEw%3D%3D"></script>
<script type="text/javascript" src="/ScriptResource.axd?d=NJmAwtEo3Ipnlaxl6CMhvsjUeZ6oDDNNx62Z1g6a9OPHDkB9BVx0hc38MrQoxb2Or8A6hoZGGlcw-MEHvzB4bT3nrF5hyU5vTHkJf_vCpE6DvqhrTmnf4wQ&amp;t=ffffffffe6d5a9ac"></script>
<script type="text/javascript" src="/_layouts/15/blank.js?rev=ZaOXZEobVwykPO9g8hq%2F8A%3D%3D"></script>
<script type="text/javascript" src="/ScriptResource.axd?d=dwY9oWetJoJoVpgL6Zq8OOP1w5F3hKxlS9sNXnZQaFNdl8Hx6zHDbMUr1UZ-5D-6mAXx1B6QJqWL5X8Rkc0i4W4G7X5xMqm4HcUkZAJ2hRk1&amp;t=ffffffffe6d5a9ac"></script>
<script type="text/javascript">RegisterSod("require.js", "\\u002f_layouts\\u002f15\\u002frequire.js?rev=bv3fWJhk0uFGpVwBxnZKNQ\\u00253D\\u00253D");</script>
<script type="text/javascript">RegisterSod("strings.js", "\\u002f_layouts\\u002f15\\u002f1066\\u002fstrings.js?rev=CrkRAmFpqflfRhbYzOE6Ug\\u00253D\\u00253D");RegisterSodDep("strings.js", "initstrings.js");</script>
<script type="text/javascript">RegisterSod("sp.init.js", "\\u002f_layouts\\u002f15\\u002fsp.init.js?rev=jvJC3Kl5gbORaLtf7kxULQ\\u00253D\\u00253D");</script>
<script type="text/javascript">RegisterSod("sp.res.resx", "\\u002f_layouts\\u002f15\\u002fScriptResx.ashx?culture=vi\\u00252Dvn\\u0026name=SP\\u00252ERes\\u0026rev=yNk\\u00252FhRzgBn40LJVP\\u00252BqfgdQ\\u00253D\\u00253D");</script>
<script type="text/javascript">RegisterSod("sp.ui.dialog.js", "\\u002f_layouts\\u002f15\\u002fsp.ui.dialog.js?rev=3Oh2QbaaiXSb7ldu2zd6QQ\\u00253D\\u00253D");RegisterSodDep("sp.ui.dialog.js", "sp.init.js");RegisterSodDep("sp.ui.dialog.js", "sp.res.resx");</script>
<script type="text/javascript">RegisterSod("core.js", "\\u002f_layouts\\u002f15\\u002fcore.js?rev=GpU7vxyOqzS0F9OfEX3CCw\\u00253D\\u00253D");RegisterSodDep("core.js", "strings.js");</script>
<script type="text/javascript">RegisterSod("menu.js", "\\u002f_layouts\\u002f15\\u002fmenu.js?rev=cXv35JACAh0ZCqUwKU592w\\u00253D\\u00253D");</script>
<script type="text/javascript">RegisterSod("mQuery.js", "\\u002f_layouts\\u002f15\\u002fmquery.js?rev=VYAJYBo5H8I3gVSL3MzD6A\\u00253D\\u00253D");</script>
<script type="text/javascript">RegisterSod("callout.js", "\\u002f_layouts\\u002f15\\u002fcallout.js?rev=ryx2n4ePkYj1\\u00252FALmcsXZfA\\u00253D\\u00253D");RegisterSodDep("callout.js", "strings.js");RegisterSodDep("callout.js", "mQuery.js");RegisterSodDep("callout.js", "core.js");</script>
<script type="text/javascript">RegisterSod("clienttemplates.js", "\\u002f_layouts\\u002f15\\u002fclienttemplates.js?rev=NjHQZTfQs\\u00252BiDIjz4PK\\u00252FeWg\\u00253D\\u00253D");</script>
<script type="text/javascript">RegisterSod("sharing.js", "\\u002f_layouts\\u002f15\\u002fsharing.js?rev=XxxHIxIIc8BsW9ikVc6dgA\\u00253D\\u00253D");RegisterSodDep("sharing.js", "strings.js");RegisterSodDep("sharing.js", "mQuery.js");RegisterSodDep("sharing.js", "clienttemplates.js");RegisterSodDep("sharing.js", "core.js");</script>
<script type="text/javascript">RegisterSod("suitelinks.js", "\\u002f_layouts\\u002f15\\u002fsuitelinks.js?rev=REwVU5jSsadDdOZlCx4wpA\\u00253D\\u00253D");RegisterSodDep("suitelinks.js", "strings.js");RegisterSodDep("suitelinks.js", "core.js");</script>
<script type="text/javascript" src="/Style%20Library/QNP/js/jquery-1.11.1.min.js"></script>
<script type="text/javascript" src="/Style%20Library/QNP/js/menu.js"></script>
</head>
<body>
<div id="imgPrefetch" style="display:none">
<img src="/_layouts/15/images/favicon.ico?rev=23" />
<img src="/_layouts/15/images/spcommon.png?rev=23" />
<img src="/_layouts/15/images/spimn.png?rev=23" />
</div>
<form method="post" action="{escape(form_action)}" onsubmit="javascript:return WebForm_OnSubmit();" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="_wpcmWpid" id="_wpcmWpid" value="" />
<input type="hidden" name="wpcmVal" id="wpcmVal" value="" />
<input type="hidden" name="MSOWebPartPage_PostbackSource" id="MSOWebPartPage_PostbackSource" value="" />
<input type="hidden" name="MSOTlPn_SelectedWpId" id="MSOTlPn_SelectedWpId" value="" />
<input type="hidden" name="MSOTlPn_View" id="MSOTlPn_View" value="0" />
<input type="hidden" name="MSOTlPn_ShowSettings" id="MSOTlPn_ShowSettings" value="False" />
<input type="hidden" name="MSOGallery_SelectedLibrary" id="MSOGallery_SelectedLibrary" value="" />
<input type="hidden" name="MSOGallery_FilterString" id="MSOGallery_FilterString" value="" />
<input type="hidden" name="MSOTlPn_Button" id="MSOTlPn_Button" value="none" />
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__REQUESTDIGEST" id="__REQUESTDIGEST" value="0x{digest},01 Jul 2024 01:00:00 -0000" />
<input type="hidden" name="MSOSPWebPartManager_DisplayModeName" id="MSOSPWebPartManager_DisplayModeName" value="Browse" />
<input type="hidden" name="MSOSPWebPartManager_ExitingDesignMode" id="MSOSPWebPartManager_ExitingDesignMode" value="false" />
<input type="hidden" name="MSOWebPartPage_Shared" id="MSOWebPartPage_Shared" value="" />
<input type="hidden" name="MSOLayout_LayoutChanges" id="MSOLayout_LayoutChanges" value="" />
<input type="hidden" name="MSOLayout_InDesignMode" id="MSOLayout_InDesignMode" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUBMA9kFgJmD2QWAgIBD2QWBAIBD2QWAgINDxYCHhNQcmV2aW91c0NvbnRyb2xNb2RlCymIAU1pY3Jvc29mdC5TaGFyZVBvaW50{state}" />
</div>
<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['aspnetForm'];
if (!theForm) {{ theForm = document.aspnetForm; }}
function __doPostBack(eventTarget, eventArgument) {{
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {{
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }}
}}
//]]>
</script>
<script src="/WebResource.axd?d=pynGkmcFUV13He1Qd6_TZBQtOOA7Xpv6sYDXhG-GbyOfOi3EBKB3m3QmgvSn8ZRn6eZ5x6oXn8zQtXIjN8bD1w2&amp;t=637814689746327080" type="text/javascript"></script>
<script type="text/javascript">
//<![CDATA[
var MSOWebPartPageFormName = 'aspnetForm';
var g_presenceEnabled = true;
var g_wsaEnabled = false;
var g_correlationId = '{short_hash("corr" + current, 8)}-1e2f-50a0-{short_hash("c2" + current, 4)}-{short_hash("c3" + current, 12)}';
var g_wsaQoSEnabled = false;
var g_wsaQoSDataPoints = [];
var g_wsaRUMEnabled = false;
var g_wsaLCID = 1066;
var g_wsaListTemplateId = 850;
var _fV4UI=true;var _spPageContextInfo = {{webServerRelativeUrl: "\\u002f", webAbsoluteUrl: "{self.canonical_base}", siteAbsoluteUrl: "{self.canonical_base}", serverRequestPath: "{escape(current.split("?")[0])}", layoutsUrl: "_layouts\\u002f15", webTitle: "{self.site_name}", webTemplate: "53", tenantAppVersion: "0", isAppWeb: false, Has2019Era: true, webLogoUrl: "\\u002fStyle Library\\u002fQNP\\u002fimages\\u002flogo.png", webLanguage: 1066, currentLanguage: 1066, currentUICultureName: "vi-VN", currentCultureName: "vi-VN", clientServerTimeDelta: new Date("2024-07-01T01:00:00.0000000Z") - new Date(), siteClientTag: "0$$15.0.5337.1000", crossDomainPhotosEnabled:false, webUIVersion:15, webPermMasks:{{High:16,Low:200769}}, pageListId:"{{0c1f27cf-1b36-4f3b-9d4e-4a8c3ab1e2f1}}", pageItemId:{len(current)}, pagePersonalizationScope:1, alertsEnabled:false, siteServerRelativeUrl: "\\u002f", allowSilverlightPrompt:'True'}};
function _spNavigateHierarchy(nodeDiv, dataSourceId, dataPath, url, listInContext, type) {{ CoreInvoke('ProcessDefaultNavigateHierarchy', nodeDiv, dataSourceId, dataPath, url, listInContext, type, document.forms.aspnetForm, "", "{escape(current.split("?")[0])}"); }}
//]]>
</script>
<div id="ms-designer-ribbon">
<div id="s4-ribbonrow" style="display:none"><div id="globalNavBox" class="ms-noList"><div id="ribbonBox"><div id="s4-ribbonsubtabs"></div></div></div></div>
</div>
<div id="s4-workspace" class="ms-core-overlay">
<div id="s4-bodyContainer">
<div class="qnp-header">
<div class="top-bar"><span class="today">{weekday(PORTAL_TODAY)}, {PORTAL_TODAY:%d/%m/%Y}</span>
<a href="/Trang/SoDoCong.aspx">Sơ đồ cổng</a> | <a href="/Trang/LienHe.aspx">Liên hệ</a> | <a href="/en/Pages/default.aspx">English</a> | <a href="/_layouts/15/Authenticate.aspx?Source=%2FTrang%2FTrangChu%2Easpx">Đăng nhập</a></div>
<div class="banner"><a href="/Trang/TrangChu.aspx"><img src="/Style%20Library/QNP/images/banner.png" alt="{self.site_name}" /></a></div>
<div class="search-box"><input name="ctl00$PlaceHolderSearchArea$txtSearch" type="text" id="ctl00_PlaceHolderSearchArea_txtSearch" class="txtSearch" placeholder="Tìm kiếm..." /><input type="submit" name="ctl00$PlaceHolderSearchArea$btnSearch" value="Tìm" id="ctl00_PlaceHolderSearchArea_btnSearch" class="btnSearch" /></div>
</div>
{_MENU}
<div id="contentRow">
<div id="contentBox" aria-live="polite" aria-relevant="all">
{breadcrumb}
<table class="layout-table" width="100%" cellpadding="0" cellspacing="0"><tr>
<td class="col-main" valign="top">
<div class="ms-webpart-zone ms-fullWidth">
{main}
</div>
</td>
<td class="col-right" valign="top">
<div class="ms-webpart-zone ms-fullWidth">
{_zone("WPQ6", f'''<div class="latest-news"><h3 class="ms-webpart-titleText">Tin mới</h3><ul>
{_dated_items(latest(articles), with_time=True)}
</ul></div>''')}
{_zone("WPQ7", '''<div class="banner-ads">
<a href="https://dichvucong.quangninh-demo.gov.vn" target="_blank"><img src="/PublishingImages/QuangCao/banner-dvc.jpg" alt="image advertisement" /></a>
<a href="https://smartqn.quangninh-demo.gov.vn" target="_blank"><img src="/PublishingImages/QuangCao/banner-smart.jpg" alt="image advertisement" /></a>
<a href="/Trang/DuLich.aspx" target="_blank"><img src="/PublishingImages/QuangCao/banner-du-lich.jpg" alt="image advertisement" /></a>
</div>''')}
{_zone("WPQ8", f'''<div class="most-read"><h3 class="ms-webpart-titleText">Tin đọc nhiều</h3><ul>
{_dated_items(most_read(articles))}
</ul></div>''')}
{_LINKS_ZONE}
{_zone("WPQ10", f'''<div class="visitor-counter"><h3 class="ms-webpart-titleText">Thống kê truy cập</h3>
<table class="counter-table"><tr><td>Đang online:</td><td><b>{counts[0]}</b></td></tr><tr><td>Hôm nay:</td><td><b>{counts[1]}</b></td></tr><tr><td>Trong tuần:</td><td><b>{counts[2]}</b></td></tr><tr><td>Tất cả:</td><td><b>{counts[3]}</b></td></tr></table></div>''')}
</div>
</td>
</tr></table>
</div>
</div>
<div class="qnp-footer">
<p><b>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH QUẢNG NINH</b></p>
<p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh Quảng Ninh. Cơ quan thường trực: Trung tâm Truyền thông tỉnh</p>
<p>Địa chỉ: Tầng 3, Trụ sở Liên cơ quan số 3, phường Hồng Hà, thành phố Hạ Long, tỉnh Quảng Ninh</p>
<p>Điện thoại: 0203.3634.000 - Email: congthongtin@quangninh-demo.gov.vn</p>
<p>Bản quyền © 2024 Cổng thông tin điện tử tỉnh Quảng Ninh. Ghi rõ nguồn khi phát hành lại thông tin từ cổng này.</p>
</div>
</div>
</div>
<script type="text/javascript">
//<![CDATA[
var _spFormDigestRefreshInterval = 1440000;
window.SPThemeUtils && SPThemeUtils.RegisterCssReferences([{{"Url":"\\u002f_layouts\\u002f15\\u002f1066\\u002fstyles\\u002fThemable\\u002fcorev15.css?rev=2bpHeX9U8DH09TB5zpJcsQ\\u00253D\\u00253D","OriginalUrl":"\\u002f_layouts\\u002f15\\u002f1066\\u002fstyles\\u002fThemable\\u002fcorev15.css?rev=2bpHeX9U8DH09TB5zpJcsQ\\u00253D\\u00253D","Id":"CssLink-{short_hash("css" + current, 32)}","ConditionalExpression":"","After":"","RevealToNonIE":"false"}}]);
var g_clientIdDeltaPlaceHolderMain = "DeltaPlaceHolderMain";
var g_clientIdDeltaPlaceHolderPageTitleInTitleArea = "DeltaPlaceHolderPageTitleInTitleArea";
var g_clientIdDeltaPlaceHolderUtilityContent = "DeltaPlaceHolderUtilityContent";
function WebForm_OnSubmit() {{ UpdateFormDigest('\\u002f', 1440000); if (typeof(_spFormOnSubmitWrapper) != 'undefined') {{ return _spFormOnSubmitWrapper(); }} else {{ return true; }} }}
_spBodyOnLoadFunctionNames.push("_spFormOnSubmitWrapper");
//]]>
</script>
</form>
<span id="DeltaSPWebPartManager"></span>
</body>
</html>
"""


SITE = SharePointSite()

_LOGO = "/Style%20Library/QNP/images/logo.png"


def _zone(number: str, content: str) -> str:
    """One web part in its zone cell and chrome, as SharePoint renders it."""
    return f"""<div id="MSOZoneCell_WebPart{number}" class="s4-wpcell-plain ms-webpartzone-cell ms-webpart-cell-vertical ms-fullWidth ">
<div class="ms-webpart-chrome ms-webpart-chrome-vertical ms-webpart-chrome-fullWidth ">
<div WebPartID="{short_hash(number, 8)}-{short_hash(number + 'a', 4)}-4c2e-{short_hash(number + 'b', 4)}-{short_hash(number + 'c', 12)}" HasPers="false" id="WebPart{number}" width="100%" class="ms-WPBody noindex " allowDelete="false" style="">
{content}
<div class="ms-clear"></div></div>
</div>
</div>"""


def _breadcrumb(category: FamilyCategory, site: SharePointSite) -> str:
    return (f'<div class="breadcrumb"><span id="ctl00_PlaceHolderMain_SiteMapPath1"><span><a href="/Trang/TrangChu.aspx">Trang chủ</a></span>'
            f'<span> &gt; </span><span><a href="{escape(site.listing_path(category, 1))}">{escape(category.name)}</a></span></span></div>')


def _rich_text(article: FamilyArticle) -> str:
    parts = []
    for block in article.blocks:
        if block[0] == "img":
            parts.append(f'<div style="text-align: center;"><img alt="{escape(block[2])}" src="{escape(block[1])}" style="margin: 5px; width: 600px;" /><br /><em>{escape(block[2])}</em></div>')
        elif block[0] == "table":
            rows = block[1]
            head = "".join(f'<th class="ms-rteTableHeaderEvenCol-default" rowspan="1" colspan="1">{escape(cell)}</th>' for cell in rows[0])
            body = "\n".join(
                f'<tr class="{"ms-rteTableOddRow-default" if n % 2 else "ms-rteTableEvenRow-default"}">'
                + "".join(f'<td class="ms-rteTableEvenCol-default">{escape(cell)}</td>' for cell in row) + "</tr>"
                for n, row in enumerate(rows[1:], start=1)
            )
            parts.append(f'<table class="ms-rteTable-default" width="100%" cellspacing="0"><tbody><tr class="ms-rteTableHeaderRow-default">{head}</tr>\n{body}\n</tbody></table>')
        else:
            parts.append(f'<p style="text-align: justify;">{escape(block[1])}</p>')
    return "\n".join(parts)


def _listing_item(article: FamilyArticle) -> str:
    images = article.images
    thumbnail = images[0][0] if images else "/Style%20Library/QNP/images/no-image.jpg"
    href = escape(article.path)
    return (f'<div class="news-item"><div class="news-img"><a href="{href}"><img src="{escape(thumbnail)}" alt="" /></a></div>'
            f'<div class="news-info"><a class="news-title" href="{href}">{escape(article.title)}</a>'
            f'<span class="news-date">{day_first(article.published)}</span><p class="news-summary">{escape(article.lead)}</p></div></div>')


def _dated_items(articles, with_time: bool = False) -> str:
    return "\n".join(
        f'<li><a href="{escape(a.path)}">{escape(a.title)}</a> '
        f'<span class="date">({day_first(a.published) if with_time else f"{a.published:%d/%m/%Y}"})</span></li>'
        for a in articles
    )


def _menu() -> str:
    menu = (
        ("Trang chủ", "/Trang/TrangChu.aspx", ()),
        ("Giới thiệu", "/Trang/GioiThieu.aspx", (("Tổng quan", "/Trang/TongQuan.aspx"), ("Lịch sử", "/Trang/LichSu.aspx"),
                                                  ("Di sản - Danh thắng", "/Trang/DiSan.aspx"))),
        ("Tin tức", "/Trang/TinTuc.aspx?dm=1", (("Tin hoạt động", "/Trang/TinTuc.aspx?dm=1"),
                                                ("Chính trị - Xã hội", "/Trang/TinTuc.aspx?dm=2"),
                                                ("Thông cáo báo chí", "/Trang/ThongCao.aspx"))),
        ("Chính quyền", "/Trang/ChinhQuyen.aspx", (("Tỉnh ủy", "/Trang/TinhUy.aspx"), ("HĐND tỉnh", "/Trang/HDND.aspx"),
                                                   ("UBND tỉnh", "/Trang/UBND.aspx"), ("Sở, ban, ngành", "/Trang/SoNganh.aspx"))),
        ("Văn bản", "/Trang/VanBan.aspx", (("Văn bản quy phạm pháp luật", "/Trang/VanBanQPPL.aspx"),
                                           ("Văn bản chỉ đạo điều hành", "/Trang/VanBanChiDao.aspx"))),
        ("Thủ tục hành chính", "https://dichvucong.quangninh-demo.gov.vn", ()),
        ("Hỏi đáp", "/Trang/HoiDap.aspx", ()),
        ("Liên hệ", "/Trang/LienHe.aspx", ()),
    )
    items = []
    for label, href, children in menu:
        sub = ""
        if children:
            sub = ('<ul class="dynamic">' + "".join(
                f'<li class="dynamic"><a class="dynamic menu-item ms-core-listMenu-item" href="{escape(c_href)}"><span class="additional-background ms-navedit-flyoutArrow"><span class="menu-item-text">{escape(c)}</span></span></a></li>'
                for c, c_href in children) + "</ul>")
        items.append(f'<li class="static{" dynamic-children" if children else ""}"><a class="static menu-item ms-core-listMenu-item ms-displayInline ms-navedit-linkNode" href="{escape(href)}">'
                     f'<span class="additional-background ms-navedit-flyoutArrow"><span class="menu-item-text">{escape(label)}</span></span></a>{sub}</li>')
    return ('<div class="ms-core-navigation" role="navigation"><div id="zz1_TopNavigationMenu" class="noindex ms-core-listMenu-horizontalBox">'
            '<ul id="zz2_RootAspMenu" class="root ms-core-listMenu-root static">\n' + "\n".join(items) + "\n</ul></div></div>")


_MENU = _menu()

_LINKS_ZONE = _zone("WPQ9", """<div class="website-links"><h3 class="ms-webpart-titleText">Liên kết website</h3>
<select onchange="if (this.value) window.open(this.value);">
<option value="">-- Sở, ban, ngành --</option>
<option value="https://skhdt.quangninh-demo.gov.vn">Sở Kế hoạch và Đầu tư</option>
<option value="https://sct.quangninh-demo.gov.vn">Sở Công Thương</option>
<option value="https://syt.quangninh-demo.gov.vn">Sở Y tế</option>
<option value="https://sgddt.quangninh-demo.gov.vn">Sở Giáo dục và Đào tạo</option>
<option value="https://sdl.quangninh-demo.gov.vn">Sở Du lịch</option>
</select>
<select onchange="if (this.value) window.open(this.value);">
<option value="">-- Địa phương --</option>
<option value="https://vandon.quangninh-demo.gov.vn">Huyện Vân Đồn</option>
<option value="https://tienyen.quangninh-demo.gov.vn">Huyện Tiên Yên</option>
<option value="https://binhlieu.quangninh-demo.gov.vn">Huyện Bình Liêu</option>
<option value="https://haiha.quangninh-demo.gov.vn">Huyện Hải Hà</option>
<option value="https://coto.quangninh-demo.gov.vn">Huyện Cô Tô</option>
</select></div>""")
