"""A province portal on VNPT vnPortal as it really looks (Ninh Bình), for the offline portal.

The default demo site (``pages.py``) is our early guess at vnPortal. This
one follows the markup that public crawler code for sonla.gov.vn and
cantho.gov.vn relies on: extension-less article addresses ending in the
numeric id, ``.ArticleList`` listings of ``.Title a`` items, the article in
``.ArticleHeader`` / ``.PostDate`` / ``.ArticleSummary`` / ``.ArticleContent``,
pictures and files on the shared ``storage-vnportal.vnpt.vn`` host under the
province's tenant, and Sơn La's AJAX pager: the pager's links go nowhere
(``javascript:void(0)``); its script fetches the next ``.ArticleList`` from
an endpoint it names, so the listing's address never changes.

    /tin-chinh-tri                                    listing, page 1
    /Ajax/Article/List?categoryId=1542&page=2         page 2: the HTML fragment the pager's script loads
    /tin-chinh-tri/{slug}-{6 digits}                  article (sidebars add "?pageindex=0")
    /?pageid=27160, /Default.aspx?pageid=27218&...    system pages (calendar, documents...): not articles
    /rss, /rss/tin-chinh-tri                          RSS
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import quote

from .families import (
    HTML_UTF8, PORTAL_TODAY, FamilyArticle, FamilyCategory, FamilySite, counter, day_first, in_category, latest,
    listing_slice, most_read, neighbours, opaque_state, positive_int, query_params, related, short_hash, weekday,
)
from .pages import view_count

TENANT = "nbh-ubnd"
SITE_ID = 3716
STORAGE = f"https://storage-vnportal.vnpt.vn/{TENANT}/{SITE_ID}"
AJAX_LIST = "/Ajax/Article/List"
# pageid -> title of the portal's system pages (the menu and top bar link to them)
SYSTEM_PAGES = {
    "27160": "Lịch công tác của lãnh đạo tỉnh",
    "27218": "Văn bản chỉ đạo điều hành",
    "27290": "Hỏi đáp trực tuyến",
    "27301": "Sơ đồ cổng",
}
_ARTICLE = re.compile(r"/([a-z0-9-]+)/[a-z0-9-]+-(\d+)")
_AJAX_KEY = re.compile(r"/Ajax/Article/List\?categoryId=(\d+)&page=(\d+)")
_SIDEBAR_SUFFIX = "?pageindex=0"


class VnPortalRealSite(FamilySite):
    family = "vnportal2"
    site_name = "Cổng thông tin điện tử tỉnh Ninh Bình"
    agency = "Ủy ban nhân dân tỉnh Ninh Bình"
    province = "Ninh Bình"
    canonical_base = "https://ninhbinh-demo.gov.vn"
    seed = 3606
    categories = (
        FamilyCategory("tin-chinh-tri", "Tin chính trị", "chinh-tri", "1542"),
        FamilyCategory("tin-van-hoa-xa-hoi", "Tin văn hóa - xã hội", "van-hoa-xa-hoi", "1546"),
    )
    page_size = 5
    districts = {
        "Nho Quan": ("Cúc Phương", "Phú Long", "Quỳnh Lưu", "Gia Sơn", "Thạch Bình"),
        "Gia Viễn": ("Gia Hòa", "Gia Vân", "Gia Thanh", "Gia Sinh", "Liên Sơn"),
        "Hoa Lư": ("Trường Yên", "Ninh Hải", "Ninh Xuân", "Ninh Giang", "Ninh Mỹ"),
        "Yên Khánh": ("Khánh Thiện", "Khánh An", "Khánh Cư", "Khánh Hồng", "Khánh Nhạc"),
        "Kim Sơn": ("Kim Đông", "Kim Trung", "Cồn Thoi", "Lai Thành", "Chất Bình"),
        "Yên Mô": ("Yên Thắng", "Yên Đồng", "Mai Sơn", "Khánh Thượng", "Yên Phong"),
    }
    source_marker = "ninhbinh-demo.gov.vn"
    id_range = (600000, 1000000)
    home_paths = ("/",)
    robots_disallow = ("/Admin/", "/tim-kiem", "/Ajax/Search/")
    upload_prefixes = ()
    not_found_text = "Trang thông tin không tồn tại"

    # ------------------------------------------------------------ articles

    def author_line(self, author, images, rng):
        return f"Tin, ảnh: {author}" if images and rng.random() < 0.5 else author

    # ------------------------------------------------------------ addresses

    def article_path(self, category, slug, number, published):
        return f"/{category.slug}/{slug}-{number}"

    def image_src(self, published, number, image):
        return f"{STORAGE}/quantritintuc/{published:%Y%m}/{published:%d%H%M}{image:02d}_anh-tin-{number}-{image}.jpg"

    def attachment_href(self, published, number, filename):
        return f"{STORAGE}/vanban/{published:%Y%m}/{filename}"

    def listing_path(self, category, page):
        return f"/{category.slug}" if page == 1 else self.ajax_path(category, page)

    @staticmethod
    def ajax_path(category: FamilyCategory, page: int) -> str:
        """The endpoint the pager's script fetches page ``page`` of a listing from."""
        return f"{AJAX_LIST}?categoryId={category.code}&page={page}"

    def rss_path(self, category):
        return "/rss" if category is None else f"/rss/{category.slug}"

    def by_code(self, code: str | None) -> FamilyCategory | None:
        return next((c for c in self.categories if c.code == code), None)

    def canonical(self, path, query):
        params = {name.lower(): value for name, value in query_params(query).items()}
        raw = path + (f"?{query}" if query else "")
        if path in ("/", "/Default.aspx", "/default.aspx"):
            if not query:
                return "/"
            page_id = params.get("pageid")
            return f"/?pageid={page_id}" if page_id in SYSTEM_PAGES else raw
        if _ARTICLE.fullmatch(path) and set(params) <= {"pageindex"}:
            return path  # "?pageindex=0" shows the same article
        if path.lower() == AJAX_LIST.lower():
            category, page = self.by_code(params.get("categoryid")), positive_int(params.get("page"))
            return self.ajax_path(category, page) if category and page else raw
        category = self.category(path[1:])
        if category is not None:
            return self.listing_path(category, 1)  # the listing ignores its query: no "?page=N" paging here
        return raw

    def parse_listing(self, key):
        category = self.category(key[1:]) if key.startswith("/") else None
        return (category, 1) if category else None

    def feed_category(self, key):
        if key == self.rss_path(None):
            return True, None
        for category in self.categories:
            if key == self.rss_path(category):
                return True, category
        return False, None

    def render(self, key, articles, base_url):
        fragment = _AJAX_KEY.fullmatch(key)
        if fragment:
            category = self.by_code(fragment[1])
            html = self.article_list(category, int(fragment[2]), articles) if category else None
            return None if html is None else (HTML_UTF8, html.encode())
        page_id = key.removeprefix("/?pageid=")
        if page_id in SYSTEM_PAGES:
            return HTML_UTF8, self.system_page(page_id, articles).encode()
        return super().render(key, articles, base_url)

    # ------------------------------------------------------------ pages

    def article_page(self, article: FamilyArticle, articles, base_url):
        category = self.category(article.category_slug)
        url = self.canonical_base + article.path
        share = quote(url, safe="")
        marker = f"({escape(article.source_marker)}) - " if article.source_marker else ""
        attachments = ""
        if article.attachments:
            links = "\n".join(
                f'<li><i class="fa fa-file-{_ICONS[href.rsplit(".", 1)[1]]}-o"></i> '
                f'<a href="{escape(href)}" target="_blank" title="{escape(title)}">{escape(title)}</a></li>'
                for href, title in article.attachments)
            attachments = f'<div class="ArticleAttachment"><div class="AttachmentTitle">File đính kèm:</div><ul>\n{links}\n</ul></div>'
        main = f"""<div class="ArticleDetail" id="ArticleDetail_{article.id}">
<h1 class="ArticleHeader">{escape(article.title)}</h1>
<div class="ArticleInfo clearfix">
<span class="PostDate">{day_first(article.published)}</span>
<span class="ArticleView"><i class="fa fa-eye"></i> Lượt xem: {view_count(article)}</span>
<div class="ArticleTool">
<a href="javascript:void(0)" class="FontSize" data-size="-1" title="Giảm cỡ chữ">A-</a>
<a href="javascript:void(0)" class="FontSize" data-size="1" title="Tăng cỡ chữ">A+</a>
<a href="javascript:void(0)" onclick="window.print()" class="Print" title="In bài viết"><i class="fa fa-print"></i> In bài viết</a>
<a href="mailto:?subject={quote(article.title, safe='')}&amp;body={share}" class="Email" title="Gửi email"><i class="fa fa-envelope"></i></a>
<a href="https://www.facebook.com/sharer/sharer.php?u={share}" target="_blank" class="Facebook" title="Chia sẻ Facebook"><i class="fa fa-facebook"></i></a>
<a href="https://sp.zalo.me/share_inline?d={share}" target="_blank" class="Zalo" title="Chia sẻ Zalo">Zalo</a>
</div>
</div>
<div class="ArticleSummary">{marker}{escape(article.lead)}</div>
<div class="ArticleContent">
{_content(article)}
</div>
{attachments}
<div class="ArticleRelated"><div class="TitleRelated"><span>Tin liên quan</span></div>
<div class="ArticleInMenu">
{_menu_items(related(article, articles), suffix=_SIDEBAR_SUFFIX)}
</div></div>
<div class="ArticleOther"><div class="TitleRelated"><span>Các tin khác</span></div>
<div class="ArticleInMenu">
{_menu_items(neighbours(article, articles), suffix=_SIDEBAR_SUFFIX)}
</div></div>
</div>"""
        images = article.images
        return self._layout(articles, key=article.path, title=article.title, description=article.lead,
                            breadcrumb=self._breadcrumb(category), main=main,
                            og_image=images[0][0] if images else _LOGO, og_type="article")

    def listing_page(self, category, page, articles, base_url):
        fragment = self.article_list(category, page, articles)
        if fragment is None:
            return None
        main = f"""<div class="CategoryPage">
<h1 class="CategoryTitle"><span>{escape(category.name)}</span></h1>
<div class="ArticleListWrap" id="ArticleListWrap_{category.code}">
{fragment}
</div>
</div>
<script type="text/javascript">
var ArticleListConfig = {{ categoryId: {category.code}, pageSize: {self.page_size}, url: '{AJAX_LIST}' }};
$(document).on('click', '#ArticleListWrap_{category.code} li.page-item a', function (e) {{
    e.preventDefault();
    var page = $(this).closest('li.page-item').data('page');
    $.get(ArticleListConfig.url + '?categoryId=' + ArticleListConfig.categoryId + '&page=' + page, function (html) {{
        $('#ArticleListWrap_{category.code}').html(html);
        $('html, body').animate({{ scrollTop: $('#ArticleListWrap_{category.code}').offset().top - 80 }}, 300);
    }});
}});
</script>"""
        return self._layout(articles, key=self.listing_path(category, 1), title=category.name,
                            description=f"{category.name} - {self.site_name}", breadcrumb=self._breadcrumb(category),
                            main=main, og_image=_LOGO, og_type="website", rss=self.rss_path(category))

    def article_list(self, category: FamilyCategory, page: int, articles) -> str | None:
        """The ``.ArticleList`` of one page and its pager: the fragment the AJAX endpoint answers."""
        shown = listing_slice(articles, category, page, self.page_size)
        if shown is None:
            return None
        items, pages = shown
        entries = "\n".join(_list_item(a) for a in items)
        pager = []
        if page > 1:
            pager.append(f'<li class="page-item" data-page="{page - 1}"><a class="page-link" href="javascript:void(0)" aria-label="Trang trước">«</a></li>')
        for number in range(1, pages + 1):
            active = " active" if number == page else ""
            pager.append(f'<li class="page-item{active}" data-page="{number}"><a class="page-link" href="javascript:void(0)">{number}</a></li>')
        if page < pages:
            pager.append(f'<li class="page-item" data-page="{page + 1}"><a class="page-link" href="javascript:void(0)" aria-label="Trang sau">»</a></li>')
        return f"""<div class="ArticleList" data-category="{category.code}" data-page="{page}">
{entries}
</div>
<nav class="ArticlePaging" aria-label="Phân trang"><ul class="pagination justify-content-center" data-total="{pages}">
{"".join(pager)}
</ul></nav>"""

    def home_page(self, articles, base_url):
        featured = latest(articles, 4)
        slider = "\n".join(
            f'<div class="carousel-item{" active" if n == 0 else ""}"><a href="{escape(a.path + _SIDEBAR_SUFFIX)}">'
            f'<img src="{escape(a.images[0][0] if a.images else _NO_IMAGE)}" alt="{escape(a.title)}"></a>'
            f'<div class="carousel-caption"><div class="Title"><a href="{escape(a.path + _SIDEBAR_SUFFIX)}">{escape(a.title)}</a></div></div></div>'
            for n, a in enumerate(featured))
        sections = []
        for category in self.categories:
            shown = in_category(articles, category)[:4]
            if shown:
                entries = "\n".join(_list_item(a) for a in shown)
                sections.append(f"""<div class="HomeCategory"><div class="HomeCategoryTitle"><a href="/{category.slug}">{escape(category.name)}</a></div>
<div class="ArticleList">
{entries}
</div>
<div class="ViewMore"><a href="/{category.slug}">Xem thêm</a></div></div>""")
        main = f"""<div id="HomeSlider" class="carousel slide" data-ride="carousel"><div class="carousel-inner">
{slider}
</div></div>
{"".join(sections)}"""
        return self._layout(articles, key="/", title="Trang chủ", description=f"{self.site_name}: tin tức, sự kiện, chỉ đạo điều hành",
                            breadcrumb="", main=main, og_image=_LOGO, og_type="website")

    def system_page(self, page_id: str, articles) -> str:
        """A system page (``?pageid=``): the portal's own modules, no article."""
        title = SYSTEM_PAGES[page_id]
        main = f"""<div class="ModuleContent" data-pageid="{page_id}">
<h1 class="CategoryTitle"><span>{escape(title)}</span></h1>
<div class="ModuleEmpty">Nội dung đang được cập nhật. Mời quý vị quay lại sau hoặc liên hệ Ban biên tập.</div>
</div>"""
        return self._layout(articles, key=f"/?pageid={page_id}", title=title, description=f"{title} - {self.site_name}",
                            breadcrumb="", main=main, og_image=_LOGO, og_type="website")

    def not_found_page(self, articles, base_url):
        main = f"""<div class="PageNotFound"><h1>{self.not_found_text}</h1>
<p>Đường dẫn bạn truy cập không đúng hoặc tin bài đã được gỡ bỏ. <a href="/">Quay về Trang chủ</a></p></div>"""
        return self._layout(articles, key=None, title="Lỗi 404", description=self.not_found_text, breadcrumb="",
                            main=main, og_image=_LOGO, og_type="website")

    def _breadcrumb(self, category: FamilyCategory) -> str:
        return (f'<ol class="breadcrumb"><li class="breadcrumb-item"><a href="/"><i class="fa fa-home"></i> Trang chủ</a></li>'
                f'<li class="breadcrumb-item"><a href="/{category.slug}">{escape(category.name)}</a></li></ol>')

    def _layout(self, articles, *, key, title, description, breadcrumb, main, og_image, og_type, rss=None):
        current = key or "/404"
        canonical = "" if key is None else f'<link rel="canonical" href="{escape(self.canonical_base + key)}" />\n'
        counts = counter(current)
        state = opaque_state("vnportal2" + current, 2400)
        return f"""<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8" /><meta http-equiv="X-UA-Compatible" content="IE=edge" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>
	{escape(title)}
</title>
<meta name="description" content="{escape(description)}" />
<meta name="keywords" content="Ninh Bình, cổng thông tin điện tử, tin tức, chính quyền" />
<meta property="og:site_name" content="{self.site_name}" />
<meta property="og:title" content="{escape(title)}" />
<meta property="og:type" content="{og_type}" />
<meta property="og:image" content="{escape(og_image)}" />
{canonical}<link rel="shortcut icon" href="/Portals/{SITE_ID}/Skins/ubnd/images/favicon.ico" />
<link rel="alternate" type="application/rss+xml" title="RSS" href="{escape(rss or self.rss_path(None))}" />
<link href="/Portals/_default/Skins/vnportal/css/bootstrap.min.css?v=4.6.2" rel="stylesheet" />
<link href="/Portals/_default/Skins/vnportal/css/font-awesome.min.css" rel="stylesheet" />
<link href="/Portals/{SITE_ID}/Skins/ubnd/css/style.css?v=20240520" rel="stylesheet" />
<link href="/Portals/{SITE_ID}/Skins/ubnd/css/responsive.css?v=20240520" rel="stylesheet" />
<script src="/Portals/_default/Skins/vnportal/js/jquery-3.6.0.min.js"></script>
<script src="/Portals/_default/Skins/vnportal/js/bootstrap.bundle.min.js"></script>
<script type="text/javascript">var vnportal = {{ siteId: {SITE_ID}, tenant: "{TENANT}", storage: "https://storage-vnportal.vnpt.vn", lang: "vi-VN" }};</script>
<style type="text/css">
.ArticleHeader{{font-size:26px;font-weight:700;color:#a4171c;line-height:1.35;margin:6px 0 10px}}
.ArticleInfo{{color:#777;font-size:13px;border-bottom:1px dotted #ccc;padding-bottom:6px;margin-bottom:10px}}
.ArticleInfo .PostDate{{margin-right:14px}} .ArticleTool{{float:right}} .ArticleTool a{{margin-left:8px;color:#555}}
.ArticleSummary{{font-weight:700;font-size:16px;line-height:1.5;margin-bottom:12px}}
.ArticleContent{{font-size:16px;line-height:1.6;text-align:justify}}
.ArticleContent table.image{{margin:10px auto}} .ArticleContent td.image_desc{{font-style:italic;text-align:center;color:#444}}
.ArticleList .ArticleItem{{overflow:hidden;padding:10px 0;border-bottom:1px solid #eee}}
.ArticleList .Image img{{width:100%;height:150px;object-fit:cover}} .ArticleList .Title a{{font-weight:700;color:#0b4f9c}}
.ArticleInMenu .Item{{padding:6px 0;border-bottom:1px dashed #ddd}} .TitleRelated span,.BlockTitle span{{color:#a4171c;font-weight:700;text-transform:uppercase}}
.pagination .page-item.active .page-link{{background:#a4171c;border-color:#a4171c}}
#Footer{{background:#a4171c;color:#fff;font-size:13px;padding:18px 0}}
</style>
</head>
<body class="vnportal-skin">
<form method="post" action="{escape(current)}" id="Form">
<div class="aspNetHidden">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIDD2QWAg{state}" />
</div>
<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="CA0B0334" /></div>
<div id="Wrapper">
<div id="TopBar"><div class="container clearfix">
<span class="Today">{weekday(PORTAL_TODAY)}, ngày {PORTAL_TODAY:%d/%m/%Y}</span>
<ul class="TopLinks"><li><a href="/Default.aspx?pageid=27301">Sơ đồ cổng</a></li><li><a href="/?pageid=27290">Hỏi đáp</a></li><li><a href="{escape(self.rss_path(None))}">RSS</a></li><li><a href="/en">English</a></li><li><a href="/Admin/Login">Đăng nhập</a></li></ul>
</div></div>
<div id="Header"><div class="container">
<a class="Logo" href="/"><img src="/Portals/{SITE_ID}/Skins/ubnd/images/banner-ninhbinh.png" alt="{self.site_name}" /></a>
<div class="SearchBox"><input type="text" name="txtSearch" placeholder="Nhập từ khóa tìm kiếm..." /><a href="/tim-kiem" class="btnSearch"><i class="fa fa-search"></i></a></div>
</div></div>
{_NAVBAR}
<div id="Ticker" class="container"><span class="TickerLabel">Tin mới:</span><marquee scrollamount="3" onmouseover="this.stop()" onmouseout="this.start()">{" &nbsp;|&nbsp; ".join(f'<a href="{escape(a.path + _SIDEBAR_SUFFIX)}">{escape(a.title)}</a>' for a in latest(articles, 5))}</marquee></div>
<div id="Content" class="container"><div class="row">
<div class="col-lg-8 col-md-12 MainColumn">
{breadcrumb}
{main}
</div>
<div class="col-lg-4 col-md-12 RightColumn">
<div class="Block BlockLatest"><div class="BlockTitle"><span>Tin mới</span></div>
<div class="ArticleInMenu">
{_menu_items(latest(articles), suffix=_SIDEBAR_SUFFIX, with_date=True)}
</div></div>
<div class="Block BlockBanner">
<a href="https://dichvucong.ninhbinh-demo.gov.vn" target="_blank"><img src="/Portals/{SITE_ID}/Banner/dich-vu-cong-truc-tuyen.png" alt="image advertisement" /></a>
<a href="https://vanban.ninhbinh-demo.gov.vn" target="_blank"><img src="/Portals/{SITE_ID}/Banner/he-thong-van-ban.png" alt="image advertisement" /></a>
<a href="https://dulich.ninhbinh-demo.gov.vn" target="_blank"><img src="/Portals/{SITE_ID}/Banner/du-lich-trang-an.png" alt="image advertisement" /></a>
</div>
<div class="Block BlockMostRead"><div class="BlockTitle"><span>Tin đọc nhiều</span></div>
<div class="ArticleInMenu">
{_menu_items(most_read(articles), suffix=_SIDEBAR_SUFFIX)}
</div></div>
<div class="Block BlockDocuments"><div class="BlockTitle"><span>Văn bản chỉ đạo điều hành</span></div>
<ul class="DocList">
<li><a href="/Default.aspx?pageid=27218&amp;p_steering=52041">Quyết định ban hành Kế hoạch cải cách hành chính năm 2024</a></li>
<li><a href="/Default.aspx?pageid=27218&amp;p_steering=52037">Chỉ thị về tăng cường công tác phòng cháy, chữa cháy</a></li>
<li><a href="/Default.aspx?pageid=27218&amp;p_steering=52012">Kế hoạch tổ chức các hoạt động hưởng ứng Tuần lễ Quốc gia</a></li>
</ul><div class="ViewMore"><a href="/Default.aspx?pageid=27218">Xem tất cả</a></div></div>
<div class="Block BlockLinks"><div class="BlockTitle"><span>Liên kết website</span></div>
<select class="form-control" onchange="if (this.value) window.open(this.value);">
<option value="">-- Sở, ban, ngành --</option>
<option value="https://sokhdt.ninhbinh-demo.gov.vn">Sở Kế hoạch và Đầu tư</option>
<option value="https://soyte.ninhbinh-demo.gov.vn">Sở Y tế</option>
<option value="https://sogddt.ninhbinh-demo.gov.vn">Sở Giáo dục và Đào tạo</option>
<option value="https://sodulich.ninhbinh-demo.gov.vn">Sở Du lịch</option>
</select></div>
<div class="Block BlockCounter"><div class="BlockTitle"><span>Thống kê truy cập</span></div>
<ul class="Counter"><li>Đang online: <b>{counts[0]}</b></li><li>Hôm nay: <b>{counts[1]}</b></li><li>Trong tuần: <b>{counts[2]}</b></li><li>Tất cả: <b>{counts[3]}</b></li></ul></div>
</div>
</div></div>
<div id="Footer"><div class="container">
<p><b>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH NINH BÌNH</b></p>
<p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh Ninh Bình. Cơ quan thường trực: Sở Thông tin và Truyền thông</p>
<p>Địa chỉ: Đường Lê Hồng Phong, phường Đông Thành, thành phố Ninh Bình, tỉnh Ninh Bình. Điện thoại: 0229.3871.000</p>
<p>Giấy phép số 12/GP-TTĐT do Sở Thông tin và Truyền thông cấp. Bản quyền © 2024 Cổng thông tin điện tử tỉnh Ninh Bình.</p>
<p class="Vendor">Phát triển bởi VNPT Ninh Bình - Nền tảng vnPortal</p>
</div></div>
</div>
<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['Form'];
function __doPostBack(eventTarget, eventArgument) {{ if (!theForm.onsubmit || (theForm.onsubmit() != false)) {{ theForm.__EVENTTARGET.value = eventTarget; theForm.__EVENTARGUMENT.value = eventArgument; theForm.submit(); }} }}
$('.FontSize').on('click', function () {{ var el = $('.ArticleContent'); el.css('font-size', parseInt(el.css('font-size')) + $(this).data('size') + 'px'); }});
//]]>
</script>
</form>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-NB{short_hash("ga", 8).upper()}"></script>
</body>
</html>
"""


SITE = VnPortalRealSite()

_LOGO = f"/Portals/{SITE_ID}/Skins/ubnd/images/logo.png"
_NO_IMAGE = f"/Portals/{SITE_ID}/Skins/ubnd/images/no-image.png"
_ICONS = {"pdf": "pdf", "docx": "word", "xlsx": "excel"}


def _content(article: FamilyArticle) -> str:
    """The article's body as the editor (CKEditor) stores it, the author line last.

    Editors place photos two ways: a centred paragraph with the caption in
    the next one, or CKEditor's image table with the caption in its own cell.
    """
    parts = []
    as_table = article.id % 2 == 1
    for block in article.blocks:
        if block[0] == "img":
            src, caption = escape(block[1]), escape(block[2])
            if as_table:
                parts.append(f'<table class="image" align="center" style="width:100%;"><tbody><tr><td><img alt="anh tin bai" src="{src}" style="width:100%;" /></td></tr>'
                             f'<tr><td class="image_desc">{caption}</td></tr></tbody></table>')
            else:
                parts.append(f'<p style="text-align: center;"><img alt="anh tin bai" src="{src}" style="width: 700px; height: 466px;" /></p>')
                parts.append(f'<p style="text-align: center;"><em>{caption}</em></p>')
        elif block[0] == "table":
            rows = block[1]
            head = "".join(f'<td style="text-align: center;"><strong>{escape(cell)}</strong></td>' for cell in rows[0])
            body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows[1:])
            parts.append(f'<table border="1" cellpadding="0" cellspacing="0" style="width:100%;"><tbody><tr>{head}</tr>{body}</tbody></table>')
        else:
            parts.append(f'<p style="text-align: justify;">{escape(block[1])}</p>')
    parts.append(f'<p style="text-align: right;"><strong>{escape(article.author_line)}</strong></p>')
    return "\n".join(parts)


def _list_item(article: FamilyArticle) -> str:
    images = article.images
    thumbnail = images[0][0] if images else _NO_IMAGE
    href = escape(article.path)
    return (f'<div class="ArticleItem row"><div class="Image col-md-4"><a href="{href}" title="{escape(article.title)}">'
            f'<img src="{escape(thumbnail)}" alt="{escape(article.title)}" /></a></div>'
            f'<div class="col-md-8"><h3 class="Title"><a href="{href}" title="{escape(article.title)}">{escape(article.title)}</a></h3>'
            f'<div class="PostDate">{day_first(article.published)}</div>'
            f'<div class="Summary">{escape(article.lead)}</div></div></div>')


def _menu_items(articles, suffix: str = "", with_date: bool = False) -> str:
    """Article links of the sidebars and related boxes (``.ArticleInMenu``)."""
    return "\n".join(
        f'<div class="Item"><div class="Title"><a href="{escape(a.path + suffix)}" title="{escape(a.title)}">{escape(a.title)}</a></div>'
        + (f'<span class="Date">({a.published:%d/%m/%Y})</span>' if with_date else "") + "</div>"
        for a in articles)


def _navbar() -> str:
    menu = (
        ("Trang chủ", "/", ()),
        ("Giới thiệu", "/gioi-thieu", (("Tổng quan", "/gioi-thieu/tong-quan"), ("Lịch sử - Văn hóa", "/gioi-thieu/lich-su-van-hoa"),
                                        ("Bản đồ hành chính", "/gioi-thieu/ban-do-hanh-chinh"))),
        ("Tin tức", "/tin-chinh-tri", (("Tin chính trị", "/tin-chinh-tri"), ("Tin kinh tế", "/tin-kinh-te"),
                                        ("Tin văn hóa - xã hội", "/tin-van-hoa-xa-hoi"), ("Tin quốc phòng - an ninh", "/tin-quoc-phong-an-ninh"))),
        ("Chính quyền", "/chinh-quyen", (("Tỉnh ủy", "/chinh-quyen/tinh-uy"), ("HĐND tỉnh", "/chinh-quyen/hdnd-tinh"),
                                          ("UBND tỉnh", "/chinh-quyen/ubnd-tinh"), ("Sở, ban, ngành", "/chinh-quyen/so-ban-nganh"))),
        ("Văn bản", "/Default.aspx?pageid=27218", ()),
        ("Lịch công tác", "/?pageid=27160", ()),
        ("Dịch vụ công", "https://dichvucong.ninhbinh-demo.gov.vn", ()),
        ("Hỏi đáp", "/?pageid=27290", ()),
    )
    items = []
    for label, href, children in menu:
        sub = ""
        if children:
            sub = '<div class="dropdown-menu">' + "".join(
                f'<a class="dropdown-item" href="{escape(c_href)}">{escape(c)}</a>' for c, c_href in children) + "</div>"
        items.append(f'<li class="nav-item{" dropdown" if children else ""}"><a class="nav-link" href="{escape(href)}">{escape(label)}</a>{sub}</li>')
    return ('<nav id="MainMenu" class="navbar navbar-expand-lg"><div class="container"><ul class="navbar-nav">\n'
            + "\n".join(items) + "\n</ul></div></nav>")


_NAVBAR = _navbar()
