"""A province portal on Liferay (Thừa Thiên Huế style), for the offline portal.

Pages are Liferay 7 pages of a "2 columns 70/30" layout: every box is a
portlet (``section.portlet#portlet_<portlet id>`` > ``div.portlet-content`` >
``div.portlet-body``); the article is an Asset Publisher's full view with the
web content in ``div.journal-content-article``. No generator meta: Liferay
does not send one.

    /web/guest/tin-tuc                                               listing, page 1
    /web/guest/tin-tuc?p_p_id=..._INSTANCE_ZhKbWHtJgoXV&...&_..._cur=2   listing, page 2
    /web/guest/tin-tuc/-/asset_publisher/ZhKbWHtJgoXV/content/{slug}  article
    /web/guest/tin-tuc/-/asset_publisher/ZhKbWHtJgoXV/rss             RSS
"""

from __future__ import annotations

import re
from datetime import datetime
from html import escape
from urllib.parse import quote

from .families import (
    PORTAL_TODAY, FamilyArticle, FamilyCategory, FamilySite, counter, day_first, in_category, latest, listing_slice,
    most_read, neighbours, positive_int, query_params, related, short_hash, weekday,
)
from .pages import VIETNAM_TZ, view_count

AP = "com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet"
GROUP_ID = 20181
PLID = {"tin-tuc": 34, "kinh-te-xa-hoi": 36}


def _pid(code: str) -> str:
    return f"{AP}_INSTANCE_{code}"


class LiferaySite(FamilySite):
    family = "liferay"
    site_name = "Cổng Thông tin điện tử tỉnh Thừa Thiên Huế"
    agency = "Ủy ban nhân dân tỉnh Thừa Thiên Huế"
    province = "Thừa Thiên Huế"
    canonical_base = "https://hue-demo.gov.vn"
    seed = 3101
    categories = (
        FamilyCategory("tin-tuc", "Tin tức - Sự kiện", "tin-tuc-su-kien", "ZhKbWHtJgoXV"),
        FamilyCategory("kinh-te-xa-hoi", "Kinh tế - Xã hội", "kinh-te", "pKsNlbdXbTQz"),
    )
    page_size = 5
    districts = {
        "Phong Điền": ("Phong Hiền", "Phong An", "Phong Sơn", "Phong Mỹ", "Điền Hương"),
        "Quảng Điền": ("Quảng Thái", "Quảng Lợi", "Quảng Phước", "Quảng An", "Quảng Vinh"),
        "Phú Vang": ("Phú Thuận", "Phú Diên", "Vinh Thanh", "Phú Mỹ", "Phú Hồ"),
        "Phú Lộc": ("Lộc Trì", "Vinh Hiền", "Lộc Bình", "Lộc Điền", "Lộc Sơn"),
        "A Lưới": ("Hồng Thượng", "A Ngo", "Hồng Kim", "Hương Phong", "Sơn Thủy"),
        "Nam Đông": ("Hương Lộc", "Thượng Quảng", "Thượng Long", "Hương Xuân"),
        "Hương Trà": ("Hương Toàn", "Hương Văn", "Bình Tiến", "Hương Vân"),
    }
    source_marker = "TTĐT"
    id_range = (1_200_000, 9_999_999)
    home_paths = ("/web/guest/trang-chu",)
    robots_disallow = ("/c/", "/group/", "/user/", "/web/guest/tim-kiem")
    upload_prefixes = ("/documents/",)
    not_found_text = "Không tìm thấy trang được yêu cầu."

    # ------------------------------------------------------------ addresses

    def article_path(self, category, slug, number, published):
        return f"/web/guest/{category.slug}/-/asset_publisher/{category.code}/content/{slug}"

    def image_src(self, published, number, image):
        uuid = _uuid(f"img-{number}-{image}")
        return f"/documents/{GROUP_ID}/{1_000_000 + number % 900_000}/anh-{number}-{image}.jpg/{uuid}?t={_epoch_ms(published)}"

    def attachment_href(self, published, number, filename):
        return f"/documents/{GROUP_ID}/0/{filename}/{_uuid(filename + str(number))}"

    def listing_path(self, category, page):
        if page == 1:
            return f"/web/guest/{category.slug}"
        pid = _pid(category.code)
        return (f"/web/guest/{category.slug}?p_p_id={pid}&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view"
                f"&_{pid}_delta={self.page_size}&p_r_p_resetCur=false&_{pid}_cur={page}")

    def rss_path(self, category):
        category = category or self.categories[0]
        return f"/web/guest/{category.slug}/-/asset_publisher/{category.code}/rss"

    def canonical(self, path, query):
        if path in ("", "/", "/web/guest", "/web/guest/"):
            return self.home_paths[0]
        match = re.fullmatch(r"/web/guest/([a-z0-9-]+)", path)
        if match and self.category(match[1]):
            category = self.category(match[1])
            params = query_params(query)
            current = [value for name, value in params.items() if name == "cur" or name.endswith("_cur")]
            if not current:
                return self.listing_path(category, 1)
            page = positive_int(current[0])
            return self.listing_path(category, page) if page else f"{path}?{query}"
        if "/-/asset_publisher/" in path:
            return path  # Liferay ignores the query of an asset URL (redirect=..., inheritRedirect=...)
        return path + (f"?{query}" if query else "")

    def parse_listing(self, key):
        path, _, query = key.partition("?")
        match = re.fullmatch(r"/web/guest/([a-z0-9-]+)", path)
        category = self.category(match[1]) if match else None
        if category is None:
            return None
        if not query:
            return category, 1
        current = re.search(r"_cur=(\d+)$", query)
        return (category, int(current[1])) if current else None

    def feed_category(self, key):
        for category in self.categories:
            if key == self.rss_path(category):
                return True, category
        return False, None

    # ------------------------------------------------------------ pages

    def article_page(self, article: FamilyArticle, articles, base_url):
        category = self.category(article.category_slug)
        pid = _pid(category.code)
        images = article.images
        body = _journal_content(article)
        share_url = quote(self.canonical_base + article.path, safe="")
        main = f"""{_breadcrumb(category, article.title)}
{_portlet_open(pid, "asset-publisher", category.name, decorate=True)}
<div class="asset-full-content clearfix default-asset-publisher show-asset-title" id="_{pid}_{article.id}">
<div class="asset-title-wrapper"><h3 class="header-title"><span>{escape(article.title)}</span></h3></div>
<div class="asset-metadata"><span class="metadata-entry metadata-publish-date"><span class="glyphicon glyphicon-time"></span> {day_first(article.published)}</span>
<span class="metadata-entry metadata-view-count">Lượt xem: {view_count(article)}</span></div>
<div class="asset-content" id="_{pid}_{article.id}_content">
<div class="journal-content-article " data-analytics-asset-id="{article.id}" data-analytics-asset-title="{escape(article.title)}" data-analytics-asset-type="web-content">
{body}
</div>
</div>
<div class="asset-links"><div class="social-bookmarks">
<span class="taglib-social-bookmarks-title">Chia sẻ:</span>
<a class="social-bookmark facebook" href="https://www.facebook.com/sharer/sharer.php?u={share_url}" target="_blank">Facebook</a>
<a class="social-bookmark twitter" href="https://twitter.com/intent/tweet?text={quote(article.title, safe='')}&amp;url={share_url}" target="_blank">Twitter</a>
<a class="social-bookmark zalo" href="https://sp.zalo.me/share_inline?d={share_url}" target="_blank">Zalo</a>
<a class="print-action" href="javascript:_{pid}_printPage_0();" title="In">In bài viết</a>
<a class="email-action" href="mailto:?subject={quote(article.title, safe='')}&amp;body={share_url}">Gửi email</a>
</div></div>
<div class="asset-ratings"><div class="taglib-ratings stars"><span class="rating-label">Đánh giá bài viết:</span> <span class="rating-element rating-off">★</span><span class="rating-element rating-off">★</span><span class="rating-element rating-off">★</span><span class="rating-element rating-off">★</span><span class="rating-element rating-off">★</span> (0 lượt)</div></div>
</div>
{_portlet_close()}
{_portlet_open(_pid("tinLienQuan1"), "asset-publisher", "Tin liên quan")}
<ul class="list-unstyled related-assets">
{_dated_items(related(article, articles))}
</ul>
{_portlet_close()}
{_portlet_open(_pid("cacTinKhac01"), "asset-publisher", "Các tin khác")}
<ul class="list-unstyled other-assets">
{_dated_items(neighbours(article, articles))}
</ul>
{_portlet_close()}"""
        return self._layout(
            base_url, articles,
            key=article.path,
            title=f"{article.title} - {category.name}",
            og_title=article.title,
            description=article.lead,
            og_type="article",
            og_image=images[0][0] if images else _LOGO,
            main=main,
            published=article.published,
        )

    def listing_page(self, category, page, articles, base_url):
        shown = listing_slice(articles, category, page, self.page_size)
        if shown is None:
            return None
        items, pages = shown
        total = len(in_category(articles, category))
        pid = _pid(category.code)
        abstracts = "\n".join(_abstract(a) for a in items)
        first = (page - 1) * self.page_size + 1
        main = f"""{_breadcrumb(category, None)}
{_portlet_open(pid, "asset-publisher", category.name, decorate=True)}
<div class="asset-abstracts">
{abstracts}
</div>
<div class="taglib-page-iterator" id="_{pid}_ocerSearchContainerPageIterator">
<div class="clearfix lfr-pagination">
<div class="lfr-pagination-config"><div class="lfr-pagination-page-selector"><div class="btn-group lfr-icon-menu"><a class="dropdown-toggle direction-down max-display-items-15 btn btn-default" href="javascript:;" title="Trang {page} của {pages}"><span class="lfr-icon-menu-text">Trang {page} của {pages}</span></a></div></div>
<div class="lfr-pagination-delta-selector"><div class="btn-group lfr-icon-menu"><a class="dropdown-toggle btn btn-default" href="javascript:;" title="{self.page_size} Mục mỗi Trang"><span class="lfr-icon-menu-text">{self.page_size} Mục mỗi Trang</span></a></div></div></div>
<small class="search-results">Hiển thị {first} - {first + len(items) - 1} của {total} kết quả.</small>
<ul class="pagination">
{self._pagination(category, page, pages)}
</ul>
</div></div>
{_portlet_close()}"""
        title = category.name if page == 1 else f"{category.name} - Trang {page}"
        return self._layout(
            base_url, articles, key=self.listing_path(category, page), title=title, og_title=category.name,
            description=f"{category.name} - {self.site_name}", og_type="website", og_image=_LOGO, main=main,
            rss=self.rss_path(category),
        )

    def home_page(self, articles, base_url):
        sections = []
        for category in self.categories:
            shown = in_category(articles, category)[:5]
            if not shown:
                continue
            items = "\n".join(_abstract(a) for a in shown[:1])
            sections.append(f"""{_portlet_open(_pid("home" + category.code[:8]), "asset-publisher", category.name)}
<div class="asset-abstracts">
{items}
</div>
<ul class="list-unstyled">
{_dated_items(shown[1:])}
</ul>
<div class="view-all"><a href="/web/guest/{category.slug}">Xem tất cả</a></div>
{_portlet_close()}""")
        return self._layout(base_url, articles, key=self.home_paths[0], title="Trang chủ", og_title=self.site_name,
                            description=f"{self.site_name}: tin tức, sự kiện, chỉ đạo điều hành",
                            og_type="website", og_image=_LOGO, main="\n".join(sections))

    def not_found_page(self, articles, base_url):
        main = f"""{_portlet_open("com_liferay_portal_kernel_servlet_taglib_ui_StatusPortlet", "status", "Lỗi")}
<div class="alert alert-danger"><h3>{self.not_found_text}</h3>
<p>Trang bạn yêu cầu không tồn tại hoặc đã được chuyển đi. <a href="/web/guest/trang-chu">Quay về Trang chủ</a></p></div>
{_portlet_close()}"""
        return self._layout(base_url, articles, key=None, title="Trang không tồn tại", og_title=self.site_name,
                            description=self.not_found_text, og_type="website", og_image=_LOGO, main=main)

    def _pagination(self, category, page, pages):
        items = []
        if page > 1:
            items.append(f'<li class="first"><a href="{escape(self.listing_path(category, 1))}">Đầu</a></li>')
            items.append(f'<li class="previous"><a href="{escape(self.listing_path(category, page - 1))}">Trước</a></li>')
        else:
            items.append('<li class="disabled first"><a href="javascript:;">Đầu</a></li>')
            items.append('<li class="disabled previous"><a href="javascript:;">Trước</a></li>')
        for number in range(1, pages + 1):
            active = ' class="active"' if number == page else ""
            items.append(f'<li{active}><a href="{escape(self.listing_path(category, number))}">{number}</a></li>')
        if page < pages:
            items.append(f'<li class="next"><a href="{escape(self.listing_path(category, page + 1))}">Tiếp</a></li>')
            items.append(f'<li class="last"><a href="{escape(self.listing_path(category, pages))}">Cuối</a></li>')
        else:
            items.append('<li class="disabled next"><a href="javascript:;">Tiếp</a></li>')
            items.append('<li class="disabled last"><a href="javascript:;">Cuối</a></li>')
        return "\n".join(items)

    def _layout(self, base_url, articles, *, key, title, og_title, description, og_type, og_image, main,
                rss=None, published: datetime | None = None):
        canonical = "" if key is None else self.canonical_base + key
        head_links = ""
        if canonical:
            head_links = (f'<link data-senna-track="temporary" href="{escape(canonical)}" rel="canonical" />\n'
                          f'<link data-senna-track="temporary" href="{escape(canonical)}" hreflang="vi-VN" rel="alternate" />\n'
                          f'<link data-senna-track="temporary" href="{escape(canonical)}" hreflang="x-default" rel="alternate" />\n'
                          f'<meta property="og:url" content="{escape(canonical)}">\n')
        current = key or "/web/guest/404"
        layout_id = 12 + len(current) % 20
        published_meta = ""
        if published is not None:
            published_meta = f'<meta property="article:published_time" content="{published:%Y-%m-%dT%H:%M:00}+07:00">\n'
        rss_link = rss or self.rss_path(None)
        most = most_read(articles)
        counts = counter(current)
        return f"""<!DOCTYPE html>
<html class="ltr" dir="ltr" lang="vi-VN">
<head>
<title>{escape(title)} - {self.site_name}</title>
<meta content="initial-scale=1.0, width=device-width" name="viewport" />
<meta content="text/html; charset=UTF-8" http-equiv="content-type" />
<meta content="{escape(description)}" lang="vi-VN" name="description" />
<meta content="Thừa Thiên Huế, Huế, cổng thông tin, tin tức" lang="vi-VN" name="keywords" />
<link href="/o/hue-theme/images/favicon.ico" rel="icon" />
{head_links}<meta property="og:locale" content="vi_VN">
<meta property="og:site_name" content="{self.site_name}">
<meta property="og:title" content="{escape(og_title)}">
<meta property="og:description" content="{escape(description)}">
<meta property="og:type" content="{og_type}">
<meta property="og:image" content="{escape(self.canonical_base + og_image)}">
{published_meta}<link href="{escape(rss_link)}" rel="alternate" title="RSS" type="application/rss+xml" />
<link class="lfr-css-file" data-senna-track="temporary" href="/o/hue-theme/css/clay.css?browserId=other&amp;themeId=huetheme_WAR_huetheme&amp;minifierType=css&amp;languageId=vi_VN&amp;b=7310&amp;t=1699948800000" id="liferayAUICSS" rel="stylesheet" type="text/css" />
<link data-senna-track="temporary" href="/o/frontend-css-web/main.css?browserId=other&amp;themeId=huetheme_WAR_huetheme&amp;minifierType=css&amp;languageId=vi_VN&amp;b=7310&amp;t=1699948800000" id="liferayPortalCSS" rel="stylesheet" type="text/css" />
<link data-senna-track="temporary" href="/combo?browserId=other&amp;minifierType=&amp;themeId=huetheme_WAR_huetheme&amp;languageId=vi_VN&amp;b=7310&amp;com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_ZhKbWHtJgoXV:%2Fcss%2Fmain.css&amp;com_liferay_journal_content_web_portlet_JournalContentPortlet:%2Fcss%2Fmain.css&amp;com_liferay_product_navigation_product_menu_web_portlet_ProductMenuPortlet:%2Fcss%2Fmain.css&amp;com_liferay_site_navigation_menu_web_portlet_SiteNavigationMenuPortlet:%2Fcss%2Fmain.css&amp;t=1699948800000" id="{short_hash(current)}" rel="stylesheet" type="text/css" />
<script data-senna-track="temporary" type="text/javascript">
// <![CDATA[
var Liferay = Liferay || {{}};
Liferay.Browser = {{acceptsGzip: function() {{return true;}}, getMajorVersion: function() {{return 0;}}, getRevision: function() {{return "";}}, getVersion: function() {{return "";}}, isAir: function() {{return false;}}, isChrome: function() {{return false;}}, isEdge: function() {{return false;}}, isFirefox: function() {{return false;}}, isGecko: function() {{return false;}}, isIe: function() {{return false;}}, isIphone: function() {{return false;}}, isLinux: function() {{return false;}}, isMac: function() {{return false;}}, isMobile: function() {{return false;}}, isMozilla: function() {{return false;}}, isOpera: function() {{return false;}}, isRtf: function() {{return true;}}, isSafari: function() {{return false;}}, isSun: function() {{return false;}}, isWebKit: function() {{return false;}}, isWindows: function() {{return false;}}}};
Liferay.Data = Liferay.Data || {{}};
Liferay.Data.ICONS_INLINE_SVG = true;
Liferay.Data.NAV_SELECTOR = '#navigation';
Liferay.Data.NAV_SELECTOR_MOBILE = '#navigationCollapse';
Liferay.Data.isCustomizationView = function() {{return false;}};
Liferay.Data.notices = [null];
Liferay.PortletKeys = {{DOCUMENT_LIBRARY: 'com_liferay_document_library_web_portlet_DLPortlet', DYNAMIC_DATA_MAPPING: 'com_liferay_dynamic_data_mapping_web_portlet_DDMPortlet', ITEM_SELECTOR: 'com_liferay_item_selector_web_portlet_ItemSelectorPortlet'}};
Liferay.PropsValues = {{JAVASCRIPT_SINGLE_PAGE_APPLICATION_TIMEOUT: 0, NTLM_AUTH_ENABLED: false, UPLOAD_SERVLET_REQUEST_IMPL_MAX_SIZE: 104857600}};
Liferay.ThemeDisplay = {{
getLayoutId: function() {{return "{layout_id}";}},
getLayoutRelativeControlPanelURL: function() {{return "/group/guest/~/control_panel/manage";}},
getLayoutRelativeURL: function() {{return "{escape(current.split("?")[0])}";}},
getLayoutURL: function() {{return "{self.canonical_base}{escape(current.split("?")[0])}";}},
getParentLayoutId: function() {{return "0";}},
isControlPanel: function() {{return false;}},
isPrivateLayout: function() {{return "false";}},
isVirtualLayout: function() {{return false;}},
getBCP47LanguageId: function() {{return "vi-VN";}},
getCanonicalURL: function() {{return "{escape(canonical)}";}},
getCDNBaseURL: function() {{return "{self.canonical_base}";}},
getCDNDynamicResourcesHost: function() {{return "";}},
getCDNHost: function() {{return "";}},
getCompanyGroupId: function() {{return "20195";}},
getCompanyId: function() {{return "20155";}},
getDefaultLanguageId: function() {{return "vi_VN";}},
getDoAsUserIdEncoded: function() {{return "";}},
getLanguageId: function() {{return "vi_VN";}},
getParentGroupId: function() {{return "{GROUP_ID}";}},
getPathContext: function() {{return "";}},
getPathImage: function() {{return "/image";}},
getPathJavaScript: function() {{return "/o/frontend-js-web";}},
getPathMain: function() {{return "/c";}},
getPathThemeImages: function() {{return "{self.canonical_base}/o/hue-theme/images";}},
getPathThemeRoot: function() {{return "/o/hue-theme";}},
getPlid: function() {{return "{layout_id + 20}";}},
getPortalURL: function() {{return "{self.canonical_base}";}},
getScopeGroupId: function() {{return "{GROUP_ID}";}},
getScopeGroupIdOrLiveGroupId: function() {{return "{GROUP_ID}";}},
getSessionId: function() {{return "";}},
getSiteAdminURL: function() {{return "{self.canonical_base}/group/guest/~/control_panel/manage?p_p_lifecycle=0&p_p_state=maximized&p_v_l_s_g_id={GROUP_ID}";}},
getSiteGroupId: function() {{return "{GROUP_ID}";}},
getURLControlPanel: function() {{return "/group/control_panel?refererPlid={layout_id + 20}";}},
getURLHome: function() {{return "{self.canonical_base}/web/guest";}},
getUserEmailAddress: function() {{return "";}},
getUserId: function() {{return "20159";}},
getUserName: function() {{return "";}},
isAddSessionIdToURL: function() {{return false;}},
isImpersonated: function() {{return false;}},
isSignedIn: function() {{return false;}},
isStateExclusive: function() {{return false;}},
isStateMaximized: function() {{return false;}},
isStatePopUp: function() {{return false;}}
}};
var themeDisplay = Liferay.ThemeDisplay;
Liferay.AUI = {{getAvailableLangPath: function() {{return 'available_languages.jsp?browserId=other&themeId=huetheme_WAR_huetheme&colorSchemeId=01&minifierType=js&languageId=vi_VN&b=7310&t=1699948800000';}}, getCombine: function() {{return true;}}, getComboPath: function() {{return '/combo/?browserId=other&minifierType=&languageId=vi_VN&b=7310&t=1699948800000&';}}, getDateFormat: function() {{return '%d/%m/%Y';}}, getEditorCKEditorPath: function() {{return '/o/frontend-editor-ckeditor-web';}}, getFilter: function() {{return 'min';}}, getFilterConfig: function() {{return null;}}, getJavaScriptRootPath: function() {{return '/o/frontend-js-web';}}, getPortletRootPath: function() {{return '/html/portlet';}}, getStaticResourceURLParams: function() {{return '?browserId=other&minifierType=&languageId=vi_VN&b=7310&t=1699948800000';}}}};
Liferay.authToken = '{short_hash("auth" + current)}';
Liferay.currentURL = '{_js_escape(current)}';
Liferay.currentURLEncoded = '{quote(current, safe="")}';
// ]]>
</script>
<script data-senna-track="permanent" src="/combo?browserId=other&amp;minifierType=js&amp;languageId=vi_VN&amp;b=7310&amp;t=1699948800000&amp;/o/frontend-js-jquery-web/jquery/jquery.min.js&amp;/o/frontend-js-jquery-web/jquery/bootstrap.bundle.min.js&amp;/o/frontend-js-jquery-web/jquery/collapsible_search.js&amp;/o/frontend-js-jquery-web/jquery/fm.js&amp;/o/frontend-js-jquery-web/jquery/form.js" type="text/javascript"></script>
<script data-senna-track="permanent" src="/o/frontend-js-aui-web/aui/aui/aui.js" type="text/javascript"></script>
<script data-senna-track="permanent" src="/o/frontend-js-web/liferay/global.bundle.js" type="text/javascript"></script>
<link class="lfr-css-file" data-senna-track="temporary" href="/o/hue-theme/css/main.css?browserId=other&amp;themeId=huetheme_WAR_huetheme&amp;minifierType=css&amp;languageId=vi_VN&amp;b=7310&amp;t=1699948800000" id="liferayThemeCSS" rel="stylesheet" type="text/css" />
<style data-senna-track="temporary" type="text/css">
.portlet-title-text{{font-size:15px;font-weight:bold;text-transform:uppercase;color:#7a1a1a}}
.journal-content-article p{{text-align:justify;line-height:1.6}}
.asset-abstract{{overflow:hidden;border-bottom:1px solid #eee;padding:10px 0}}
.asset-abstract .asset-image img{{float:left;width:190px;height:125px;object-fit:cover;margin-right:12px}}
.metadata-publish-date{{color:#888;font-size:12px}}
</style>
</head>
<body class="controls-visible chrome yui3-skin-sam guest-site signed-out public-page site portal-hue-theme">
<nav aria-label="Liên kết nhanh" class="quick-access-nav" id="xtvb_quickAccessNav"><h1 class="hide-accessible">Điều hướng</h1><ul><li><a href="#main-content">Nhảy đến nội dung</a></li></ul></nav>
<div class="container-fluid" id="wrapper">
<header id="banner" role="banner">
<div class="top-bar"><div class="container"><span class="today">{weekday(PORTAL_TODAY)}, ngày {PORTAL_TODAY:%d/%m/%Y}</span>
<ul class="top-links"><li><a href="/web/guest/so-do-cong">Sơ đồ cổng</a></li><li><a href="/web/guest/lien-he">Liên hệ</a></li><li><a href="/web/english">English</a></li><li><a data-redirect="false" href="/c/portal/login?p_l_id={layout_id + 20}" rel="nofollow">Đăng nhập</a></li></ul></div></div>
<div class="banner container"><a class="logo custom-logo" href="/web/guest/trang-chu" title="Đi đến {self.site_name}"><img alt="{self.site_name}" height="96" src="{_LOGO}" width="96" /></a>
<div class="site-title"><h2>CỔNG THÔNG TIN ĐIỆN TỬ</h2><h3>TỈNH THỪA THIÊN HUẾ</h3></div>
<form action="/web/guest/tim-kiem" class="search-form" method="get" name="_com_liferay_portal_search_web_portlet_SearchPortlet_fm"><input name="p_p_id" type="hidden" value="com_liferay_portal_search_web_portlet_SearchPortlet" /><input name="p_p_state" type="hidden" value="maximized" /><input class="form-control" name="_com_liferay_portal_search_web_portlet_SearchPortlet_keywords" placeholder="Tìm kiếm..." type="text" /><button class="btn" type="submit">Tìm</button></form>
</div>
{_NAVIGATION}
</header>
<section id="content">
<div class="columns-2-70-30" id="main-content" role="main">
<div class="portlet-layout row">
<div class="col-md-8 portlet-column portlet-column-first" id="column-1">
<div class="portlet-dropzone portlet-column-content portlet-column-content-first" id="layout-column_column-1">
{main}
</div>
</div>
<div class="col-md-4 portlet-column portlet-column-last" id="column-2">
<div class="portlet-dropzone portlet-column-content portlet-column-content-last" id="layout-column_column-2">
{_portlet_open(_pid("tinMoiA1b2C3"), "asset-publisher", "Tin mới")}
<ul class="list-unstyled latest-news">
{_dated_items(latest(articles), with_time=True)}
</ul>
{_portlet_close()}
{_portlet_open("com_liferay_journal_content_web_portlet_JournalContentPortlet_INSTANCE_bannerQC01", "journal-content", "Quảng cáo", barebone=True)}
<div class="journal-content-article banner-ads">
<p><a href="https://dichvucong.hue-demo.gov.vn" target="_blank"><img alt="image advertisement" src="/documents/{GROUP_ID}/0/banner-dich-vu-cong.jpg/{_uuid("ad1")}" /></a></p>
<p><a href="https://hueS.hue-demo.gov.vn" target="_blank"><img alt="image advertisement" src="/documents/{GROUP_ID}/0/banner-hue-s.jpg/{_uuid("ad2")}" /></a></p>
<p><a href="/web/guest/festival-hue" target="_blank"><img alt="image advertisement" src="/documents/{GROUP_ID}/0/banner-festival.jpg/{_uuid("ad3")}" /></a></p>
</div>
{_portlet_close()}
{_portlet_open(_pid("docNhieuX9y8"), "asset-publisher", "Tin đọc nhiều")}
<ul class="list-unstyled most-viewed">
{_dated_items(most)}
</ul>
{_portlet_close()}
{_DOCUMENTS_PORTLET}
{_LINKS_PORTLET}
{_portlet_open("visitorcounter_WAR_visitorcounterportlet", "visitor-counter", "Thống kê truy cập")}
<ul class="list-unstyled visitor-counter">
<li><span class="label-counter">Đang online:</span> <strong>{counts[0]}</strong></li>
<li><span class="label-counter">Hôm nay:</span> <strong>{counts[1]}</strong></li>
<li><span class="label-counter">Trong tuần:</span> <strong>{counts[2]}</strong></li>
<li><span class="label-counter">Tất cả:</span> <strong>{counts[3]}</strong></li>
</ul>
{_portlet_close()}
</div>
</div>
</div>
</div>
</section>
<footer id="footer" role="contentinfo">
<div class="container footer-content">
<p class="footer-title"><strong>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH THỪA THIÊN HUẾ</strong></p>
<p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh Thừa Thiên Huế</p>
<p>Đơn vị quản lý: Văn phòng UBND tỉnh. Chịu trách nhiệm chính: Chánh Văn phòng UBND tỉnh</p>
<p>Địa chỉ: Số 16 đường Lê Lợi, thành phố Huế, tỉnh Thừa Thiên Huế</p>
<p>Điện thoại: 0234.3822.000 - Email: banbientap@hue-demo.gov.vn</p>
<p>Giấy phép số 35/GP-TTĐT do Sở Thông tin và Truyền thông cấp ngày 12/05/2020</p>
<p>Bản quyền © 2024 Cổng Thông tin điện tử tỉnh Thừa Thiên Huế. Ghi rõ nguồn "hue-demo.gov.vn" khi phát hành lại thông tin từ cổng này.</p>
<p class="powered-by">Vận hành trên nền tảng <a href="https://www.liferay.com" rel="external">Liferay</a></p>
</div>
</footer>
</div>
<script type="text/javascript">
// <![CDATA[
Liferay.Util.addInputFocus();
Liferay.Portlet.register('{_pid(self.categories[0].code)}');
Liferay.Portlet.onLoad({{canEditTitle: false, columnPos: 0, isStatic: 'end', namespacedId: 'p_p_id_{_pid(self.categories[0].code)}_', portletId: '{_pid(self.categories[0].code)}', refreshURL: '\\x2fc\\x2fportal\\x2frender_portlet\\x3fp_l_id\\x3d{layout_id + 20}\\x26p_p_id\\x3d{_pid(self.categories[0].code)}\\x26p_p_lifecycle\\x3d0\\x26p_t_lifecycle\\x3d0\\x26p_p_state\\x3dnormal\\x26p_p_mode\\x3dview\\x26p_p_col_id\\x3dcolumn-1\\x26p_p_col_pos\\x3d0\\x26p_p_col_count\\x3d3', refreshURLData: {{}}}});
Liferay.Portlet.register('{_pid("tinMoiA1b2C3")}');
Liferay.Portlet.onLoad({{canEditTitle: false, columnPos: 0, isStatic: 'end', namespacedId: 'p_p_id_{_pid("tinMoiA1b2C3")}_', portletId: '{_pid("tinMoiA1b2C3")}', refreshURL: '\\x2fc\\x2fportal\\x2frender_portlet\\x3fp_l_id\\x3d{layout_id + 20}\\x26p_p_id\\x3d{_pid("tinMoiA1b2C3")}\\x26p_p_lifecycle\\x3d0\\x26p_t_lifecycle\\x3d0\\x26p_p_state\\x3dnormal\\x26p_p_mode\\x3dview\\x26p_p_col_id\\x3dcolumn-2\\x26p_p_col_pos\\x3d0\\x26p_p_col_count\\x3d6', refreshURLData: {{}}}});
Liferay.Portlet.register('{_pid("docNhieuX9y8")}');
Liferay.Portlet.onLoad({{canEditTitle: false, columnPos: 2, isStatic: 'end', namespacedId: 'p_p_id_{_pid("docNhieuX9y8")}_', portletId: '{_pid("docNhieuX9y8")}', refreshURL: '\\x2fc\\x2fportal\\x2frender_portlet\\x3fp_l_id\\x3d{layout_id + 20}\\x26p_p_id\\x3d{_pid("docNhieuX9y8")}\\x26p_p_lifecycle\\x3d0\\x26p_t_lifecycle\\x3d0\\x26p_p_state\\x3dnormal\\x26p_p_mode\\x3dview\\x26p_p_col_id\\x3dcolumn-2\\x26p_p_col_pos\\x3d2\\x26p_p_col_count\\x3d6', refreshURLData: {{}}}});
AUI().use('aui-base', 'liferay-menu', 'liferay-notice', 'liferay-poller', 'liferay-session', function(A) {{
(function() {{
var $ = AUI.$;
var _ = AUI._;
Liferay.Menu.register();
if (A.UA.mobile) {{ Liferay.Util.addInputCancel(); }}
}})();
(function() {{
Liferay.Session = new Liferay.SessionBase({{autoExtend: true, redirectOnExpire: false, redirectUrl: '{self.canonical_base}/web/guest', sessionLength: 1800, sessionTimeoutOffset: 70, warningLength: 0}});
}})();
}});
// ]]>
</script>
<script src="/o/hue-theme/js/main.js?browserId=other&amp;minifierType=js&amp;languageId=vi_VN&amp;b=7310&amp;t=1699948800000" type="text/javascript"></script>
<script type="text/javascript">
function _{_pid(self.categories[0].code)}_printPage_0() {{ window.open('{_js_escape(current.split("?")[0])}?p_p_state=pop_up&p_p_mode=print', '', 'directories=0,height=480,left=80,location=1,menubar=1,resizable=1,scrollbars=yes,status=0,toolbar=0,top=180,width=640'); }}
</script>
</body>
</html>
"""


SITE = LiferaySite()

_LOGO = f"/documents/{GROUP_ID}/0/logo-hue.png/2c1f9a11-7b6d-4e33-9a1f-6c2b8d0e4f10"


def _uuid(seed: str) -> str:
    h = short_hash(seed, 32)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def _epoch_ms(moment: datetime) -> int:
    return int(moment.replace(tzinfo=VIETNAM_TZ).timestamp()) * 1000


def _js_escape(text: str) -> str:
    return text.replace("/", "\\x2f").replace("?", "\\x3f").replace("=", "\\x3d").replace("&", "\\x26").replace("-", "\\x2d")


def _portlet_open(portlet_id: str, kind: str, title: str, decorate: bool = False, barebone: bool = False) -> str:
    decoration = "portlet-decorate" if decorate else ("portlet-barebone" if barebone else "portlet-borderless")
    header = "" if barebone else (
        '<div class="autofit-float autofit-row portlet-header"><div class="autofit-col autofit-col-expand">'
        f'<h2 class="portlet-title-text">{escape(title)}</h2></div><div class="autofit-col autofit-col-end">'
        '<div class="autofit-section"></div></div></div>\n')
    return f"""<div class="portlet-boundary portlet-boundary_{portlet_id.split("_INSTANCE_")[0]}_ portlet-static portlet-static-end {decoration} portlet-{kind}" id="p_p_id_{portlet_id}_">
<span id="p_{portlet_id}"></span>
<section class="portlet" id="portlet_{portlet_id}">
<div class="portlet-content">
{header}<div class=" portlet-content-container">
<div class="portlet-body">"""


def _portlet_close() -> str:
    return "</div>\n</div>\n</div>\n</section>\n</div>"


def _breadcrumb(category: FamilyCategory, title: str | None) -> str:
    last = (f'<li class="active breadcrumb-item"><span class="active breadcrumb-text-truncate">{escape(title)}</span></li>'
            if title else "")
    category_item = (f'<li class="breadcrumb-item"><a class="breadcrumb-link" href="/web/guest/{category.slug}" title="{escape(category.name)}">'
                     f'<span class="breadcrumb-text-truncate">{escape(category.name)}</span></a></li>')
    return f"""{_portlet_open("com_liferay_site_navigation_breadcrumb_web_portlet_SiteNavigationBreadcrumbPortlet", "breadcrumb", "Breadcrumb", barebone=True)}
<nav aria-label="Breadcrumb" id="_com_liferay_site_navigation_breadcrumb_web_portlet_SiteNavigationBreadcrumbPortlet_breadcrumbs-defaultScreen">
<ol class="breadcrumb">
<li class="breadcrumb-item"><a class="breadcrumb-link" href="/web/guest/trang-chu" title="Trang chủ"><span class="breadcrumb-text-truncate">Trang chủ</span></a></li>
{category_item}
{last}
</ol>
</nav>
{_portlet_close()}"""


def _journal_content(article: FamilyArticle) -> str:
    """The web content, as the site's structure template renders it."""
    marker = f"({escape(article.source_marker)}) - " if article.source_marker else ""
    parts = [f'<div class="tin-tomtat"><p><strong>{marker}{escape(article.lead)}</strong></p></div>', '<div class="tin-noidung">']
    for block in article.blocks:
        if block[0] == "img":
            parts.append(f'<p style="text-align: center;"><img alt="" src="{escape(block[1])}" style="width: 680px; height: 453px;" /></p>')
            parts.append(f'<p style="text-align: center;"><span style="font-size:12px;"><em>{escape(block[2])}</em></span></p>')
        elif block[0] == "table":
            parts.append(_table(block[1]))
        else:
            parts.append(f'<p style="text-align: justify;">{escape(block[1])}</p>')
    parts.append(f'<p style="text-align: right;"><strong>{escape(article.author_line)}</strong></p>')
    if article.attachments:
        links = "".join(f'<li><a href="{escape(href)}" target="_blank">{escape(title)}</a></li>'
                        for href, title in article.attachments)
        parts.append(f'<p><strong>File đính kèm:</strong></p><ul class="file-dinh-kem">{links}</ul>')
    parts.append("</div>")
    return "\n".join(parts)


def _table(rows) -> str:
    head = "".join(f'<th scope="col">{escape(cell)}</th>' for cell in rows[0])
    body = "\n".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows[1:])
    return (f'<table border="1" cellpadding="4" cellspacing="0" style="width: 100%;"><thead><tr>{head}</tr></thead>'
            f"<tbody>\n{body}\n</tbody></table>")


def _abstract(article: FamilyArticle) -> str:
    images = article.images
    thumbnail = images[0][0] if images else "/o/hue-theme/images/no-image.png"
    href = escape(article.path)
    return f"""<div class="asset-abstract">
<div class="asset-image"><a href="{href}"><img alt="{escape(article.title)}" src="{escape(thumbnail)}" /></a></div>
<h3 class="asset-title"><a href="{href}">{escape(article.title)}</a></h3>
<div class="asset-metadata"><span class="metadata-entry metadata-publish-date">{day_first(article.published)}</span></div>
<div class="asset-summary">{escape(article.lead)}</div>
<div class="asset-more"><a href="{href}">Xem tiếp <span class="hide-accessible">về {escape(article.title)}</span> »</a></div>
</div>"""


def _dated_items(articles, with_time: bool = False) -> str:
    return "\n".join(
        f'<li><a href="{escape(a.path)}">{escape(a.title)}</a> '
        f'<span class="date">({day_first(a.published) if with_time else f"{a.published:%d/%m/%Y}"})</span></li>'
        for a in articles
    )


def _navigation() -> str:
    menu = (
        ("Trang chủ", "/web/guest/trang-chu", ()),
        ("Giới thiệu", "/web/guest/gioi-thieu", (("Tổng quan", "/web/guest/tong-quan"), ("Lịch sử", "/web/guest/lich-su"),
                                                ("Bản đồ hành chính", "/web/guest/ban-do"), ("Di sản Huế", "/web/guest/di-san"))),
        ("Tin tức - Sự kiện", "/web/guest/tin-tuc", (("Tin tức - Sự kiện", "/web/guest/tin-tuc"),
                                                      ("Kinh tế - Xã hội", "/web/guest/kinh-te-xa-hoi"),
                                                      ("Văn hóa - Du lịch", "/web/guest/van-hoa-du-lich"),
                                                      ("Thông cáo báo chí", "/web/guest/thong-cao-bao-chi"))),
        ("Chính quyền", "/web/guest/chinh-quyen", (("Tỉnh ủy", "/web/guest/tinh-uy"), ("HĐND tỉnh", "/web/guest/hdnd-tinh"),
                                                   ("UBND tỉnh", "/web/guest/ubnd-tinh"), ("Sở, ban, ngành", "/web/guest/so-ban-nganh"),
                                                   ("Huyện, thị xã, thành phố", "/web/guest/dia-phuong"))),
        ("Văn bản", "/web/guest/van-ban", (("Văn bản pháp quy", "/web/guest/van-ban-phap-quy"),
                                           ("Văn bản chỉ đạo điều hành", "/web/guest/van-ban-chi-dao"),
                                           ("Dự thảo văn bản", "/web/guest/du-thao"))),
        ("Dịch vụ công", "https://dichvucong.hue-demo.gov.vn", ()),
        ("Hỏi đáp", "/web/guest/hoi-dap", ()),
        ("Liên hệ", "/web/guest/lien-he", ()),
    )
    items = []
    for number, (label, href, children) in enumerate(menu, start=1):
        child = ""
        if children:
            child = ('<ul aria-expanded="false" class="child-menu dropdown-menu" role="menu">'
                     + "".join(f'<li class="lfr-nav-item" role="presentation"><a href="{c_href}" role="menuitem">{escape(c)}</a></li>'
                               for c, c_href in children) + "</ul>")
        items.append(f'<li class="lfr-nav-item{" dropdown" if children else ""}" id="layout_{number}" role="presentation">'
                     f'<a aria-labelledby="layout_{number}" href="{href}" role="menuitem"><span>{escape(label)}</span></a>{child}</li>')
    return ('<nav class="sort-pages modify-pages" id="navigation" role="navigation"><ul aria-label="Các trang trong site" role="menubar">\n'
            + "\n".join(items) + "\n</ul></nav>")


_NAVIGATION = _navigation()

_DOCUMENTS_PORTLET = f"""{_portlet_open("com_liferay_document_library_web_portlet_DLPortlet_INSTANCE_vanBanMoi01", "document-library", "Văn bản mới")}
<ul class="list-unstyled new-documents">
<li><a href="/web/guest/van-ban-chi-dao">Quyết định số 1520/QĐ-UBND về việc phê duyệt Kế hoạch chuyển đổi số năm 2024</a></li>
<li><a href="/web/guest/van-ban-chi-dao">Kế hoạch số 98/KH-UBND triển khai công tác phòng, chống thiên tai năm 2024</a></li>
<li><a href="/web/guest/van-ban-phap-quy">Nghị quyết số 12/2024/NQ-HĐND của Hội đồng nhân dân tỉnh</a></li>
<li><a href="/web/guest/van-ban-chi-dao">Chỉ thị số 05/CT-UBND về tăng cường quản lý trật tự đô thị</a></li>
</ul>
{_portlet_close()}"""

_LINKS_PORTLET = f"""{_portlet_open("com_liferay_journal_content_web_portlet_JournalContentPortlet_INSTANCE_lienKet0001", "journal-content", "Liên kết website")}
<select class="form-control" onchange="if (this.value) window.open(this.value);">
<option value="">-- Sở, ban, ngành --</option>
<option value="https://skhdt.hue-demo.gov.vn">Sở Kế hoạch và Đầu tư</option>
<option value="https://snnptnt.hue-demo.gov.vn">Sở Nông nghiệp và Phát triển nông thôn</option>
<option value="https://syt.hue-demo.gov.vn">Sở Y tế</option>
<option value="https://sgddt.hue-demo.gov.vn">Sở Giáo dục và Đào tạo</option>
<option value="https://svhtt.hue-demo.gov.vn">Sở Văn hóa và Thể thao</option>
</select>
<select class="form-control" onchange="if (this.value) window.open(this.value);">
<option value="">-- Huyện, thị xã, thành phố --</option>
<option value="https://phongdien.hue-demo.gov.vn">Huyện Phong Điền</option>
<option value="https://quangdien.hue-demo.gov.vn">Huyện Quảng Điền</option>
<option value="https://phuvang.hue-demo.gov.vn">Huyện Phú Vang</option>
<option value="https://phuloc.hue-demo.gov.vn">Huyện Phú Lộc</option>
<option value="https://aluoi.hue-demo.gov.vn">Huyện A Lưới</option>
</select>
{_portlet_close()}"""
