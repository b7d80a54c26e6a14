"""An old table-layout district site (classic ASP, windows-1258), for the offline portal.

Pages look like the district sites built in the 2000s and never rebuilt:
nested ``<table>`` layout, ``<font face="Arial" size="2">``, Dreamweaver
scripts, article text as ``text<br><br>text``, images in a little table with
the caption in the next row, the author as "Tin, ảnh: ..." at the end. They
are served in windows-1258 (``Content-Type: text/html; charset=windows-1258``
and a matching meta), Vietnamese letters written as cp1258 writes them: a
base letter plus a combining tone mark where cp1258 has no precomposed one.

The published date is a date only, next to the title ("(10/01/2024)") or
under it ("Ngày 3 tháng 2 năm 2024"); "Cập nhật lúc: 08:15 - 22/11/2023"
at the end is when the article was last edited.

    /default.asp                              home
    /default.asp?act=list&cat=2               listing, page 1
    /default.asp?act=list&cat=2&page=3        page 3
    /default.asp?act=detail&id=1234           article
"""

from __future__ import annotations

import re
from datetime import datetime
from html import escape

from .families import (
    PORTAL_TODAY, FamilyArticle, FamilyCategory, FamilySite, counter, in_category, latest, listing_slice,
    most_read, neighbours, positive_int, query_params, related, shifted, weekday,
)


def _font(text: str, size: int = 2, color: str | None = None, bold: bool = False) -> str:
    colour = f' color="{color}"' if color else ""
    inner = f"<b>{text}</b>" if bold else text
    return f'<font face="Arial" size="{size}"{colour}>{inner}</font>'


class LegacySite(FamilySite):
    family = "legacy"
    site_name = "Trang thông tin điện tử huyện Đà Bắc"
    agency = "Ủy ban nhân dân huyện Đà Bắc"
    province = "Hòa Bình"
    canonical_base = "https://dabac-demo.gov.vn"
    seed = 3404
    categories = (
        FamilyCategory("tin-tuc-su-kien", "Tin tức - Sự kiện", "tin-tuc-su-kien", "1"),
        FamilyCategory("van-hoa-xa-hoi", "Văn hóa - Xã hội", "van-hoa-xa-hoi", "2"),
    )
    page_size = 5
    charset = "windows-1258"
    districts = {
        "Đà Bắc": ("Tu Lý", "Hào Lý", "Toàn Sơn", "Hiền Lương", "Tiền Phong", "Đồng Chum", "Giáp Đắt",
                   "Mường Chiềng", "Nánh Nghê", "Cao Sơn", "Tân Pheo", "Đoàn Kết"),
    }
    source_marker = "TTVH"
    id_range = (1000, 10000)
    home_paths = ("/default.asp",)
    robots_disallow = ("/quantri/", "/default.asp?act=search")
    upload_prefixes = ("/UserFiles/",)
    not_found_text = "Không tìm thấy tin bài yêu cầu"

    # ------------------------------------------------------------ articles

    def published_for(self, generated):
        return datetime(generated.year, generated.month, generated.day)  # the site keeps the date only

    def updated_for(self, published, rng):
        return shifted(published, rng, 7, 60)

    def author_line(self, author, images, rng):
        prefix = rng.choice(("Tin, ảnh: ", "Tin, ảnh: ", "Bài, ảnh: ")) if images else rng.choice(("Tin: ", "Bài: "))
        return prefix + author

    # ------------------------------------------------------------ addresses

    def article_path(self, category, slug, number, published):
        return f"/default.asp?act=detail&id={number}"

    def image_src(self, published, number, image):
        return f"/UserFiles/Image/{published:%Y/%m}/anh{number}_{image}.JPG"

    def attachment_href(self, published, number, filename):
        return f"/UserFiles/File/{published:%Y}/{filename}"

    def listing_path(self, category, page):
        base = f"/default.asp?act=list&cat={category.code}"
        return base if page == 1 else f"{base}&page={page}"

    def by_code(self, code: str | None) -> FamilyCategory | None:
        return next((c for c in self.categories if c.code == code), None)

    def canonical(self, path, query):
        raw = path + (f"?{query}" if query else "")
        if path.lower() not in ("/", "/default.asp", "/index.asp"):
            return raw
        params = {name.lower(): value for name, value in query_params(query).items()}
        act = params.get("act", "").lower()
        if not act:
            return self.home_paths[0]
        if act == "detail":
            number = positive_int(params.get("id"))
            return f"/default.asp?act=detail&id={number}" if number else raw
        if act == "list":
            category, page = self.by_code(params.get("cat")), positive_int(params.get("page", "1"))
            return self.listing_path(category, page) if category and page else raw
        return raw

    def parse_listing(self, key):
        match = re.fullmatch(r"/default\.asp\?act=list&cat=(\d+)(?:&page=(\d+))?", key)
        category = self.by_code(match[1]) if match else None
        return (category, int(match[2] or 1)) if category else None

    # ------------------------------------------------------------ pages

    def article_page(self, article: FamilyArticle, articles, base_url):
        category = self.category(article.category_slug)
        published = article.published
        if article.id % 2:
            heading = (f'<tr><td>{_font(escape(article.title), 3, "#CC0000", bold=True)}<br>'
                       f'{_font(f"<i>Ngày {published.day} tháng {published.month} năm {published.year}</i>", 1, "#666666")}</td></tr>')
        else:
            heading = (f'<tr><td>{_font(escape(article.title), 3, "#CC0000", bold=True)} '
                       f'{_font(f"({published:%d/%m/%Y})", 1, "#666666")}</td></tr>')
        marker = f"({escape(article.source_marker)}) - " if article.source_marker else ""
        attachments = ""
        if article.attachments:
            links = "<br>\n".join(
                f'<img src="/images/icon_{href.rsplit(".", 1)[1]}.gif" border="0" width="16" height="16"> '
                f'<a href="{escape(href)}" target="_blank">{escape(title)}</a>'
                for href, title in article.attachments)
            attachments = f'<tr><td>{_font("File đính kèm:", bold=True)}<br>\n{_font(links)}</td></tr>'
        updated = article.updated or published
        main = f"""<table width="100%" border="0" cellspacing="0" cellpadding="4">
<tr><td class="path">{_font(f'<a href="/default.asp">Trang chủ</a> &gt;&gt; <a href="{escape(self.listing_path(category, 1))}">{escape(category.name)}</a>', 1)}</td></tr>
{heading}
<tr><td>{_font(f"{marker}{escape(article.lead)}", bold=True)}</td></tr>
<tr><td style="text-align: justify; line-height: 150%">{_font(_body(article))}</td></tr>
{attachments}
<tr><td align="right">{_font(f"Cập nhật lúc: {updated:%H:%M - %d/%m/%Y}", 1, "#999999")} &nbsp; <a href="javascript:window.print()"><img src="/images/print.gif" border="0" alt="In trang"></a> {_font('<a href="javascript:window.print()">In trang</a>', 1)} &nbsp; <a href="javascript:history.back()">{_font("Quay lại", 1)}</a></td></tr>
<tr><td><img src="/images/line.gif" width="100%" height="1"></td></tr>
<tr><td>{_font("Tin liên quan:", 2, "#003399", bold=True)}<br>
{_dated_links(related(article, articles))}</td></tr>
<tr><td>{_font("Các tin khác:", 2, "#003399", bold=True)}<br>
{_dated_links(neighbours(article, articles))}</td></tr>
</table>"""
        return self._layout(articles, key=article.path, title=article.title, description=article.lead, main=main)

    def listing_page(self, category, page, articles, base_url):
        shown = listing_slice(articles, category, page, self.page_size)
        if shown is None:
            return None
        items, pages = shown
        rows = "\n".join(_listing_row(a) for a in items)
        numbers = " ".join(f"<b>[{n}]</b>" if n == page else f'<a href="{escape(self.listing_path(category, n))}">[{n}]</a>'
                           for n in range(1, pages + 1))
        if page > 1:
            numbers = f'<a href="{escape(self.listing_path(category, page - 1))}">&lt;&lt; Trước</a> ' + numbers
        if page < pages:
            numbers += f' <a href="{escape(self.listing_path(category, page + 1))}">Tiếp &gt;&gt;</a>'
        main = f"""<table width="100%" border="0" cellspacing="0" cellpadding="4">
<tr><td class="path">{_font(f'<a href="/default.asp">Trang chủ</a> &gt;&gt; {escape(category.name)}', 1)}</td></tr>
<tr><td bgcolor="#E8EEF7">{_font(escape(category.name.upper()), 2, "#CC0000", bold=True)}</td></tr>
{rows}
<tr><td align="center">{_font("Trang: " + numbers)}</td></tr>
</table>"""
        return self._layout(articles, key=self.listing_path(category, page), title=category.name,
                            description=category.name, main=main)

    def home_page(self, articles, base_url):
        blocks = []
        for category in self.categories:
            shown = in_category(articles, category)[:5]
            if shown:
                blocks.append(f"""<tr><td bgcolor="#E8EEF7">{_font(f'<a href="{escape(self.listing_path(category, 1))}">{escape(category.name.upper())}</a>', 2, "#CC0000", bold=True)}</td></tr>
{_listing_row(shown[0])}
<tr><td>{_dated_links(shown[1:])}</td></tr>""")
        main = '<table width="100%" border="0" cellspacing="0" cellpadding="4">\n' + "\n".join(blocks) + "\n</table>"
        return self._layout(articles, key=self.home_paths[0], title=None, description=self.site_name, main=main)

    def not_found_page(self, articles, base_url):
        main = f"""<table width="100%" border="0" cellspacing="0" cellpadding="20"><tr><td align="center">
{_font(self.not_found_text, 3, "#CC0000", bold=True)}<br><br>
{_font('Tin bài không tồn tại hoặc đã bị xóa. <a href="/default.asp">Quay về trang chủ</a>')}
</td></tr></table>"""
        return self._layout(articles, key=None, title="Lỗi", description=self.not_found_text, main=main)

    def _layout(self, articles, *, key, title, description, main):
        page_title = self.site_name.replace("Trang thông tin điện tử ", "UBND ") if title is None else f"UBND huyện Đà Bắc - {title}"
        counts = counter(key or "/404")
        categories = "\n".join(
            f'<tr><td height="24" background="/images/bg_menu_left.gif">&nbsp;<img src="/images/arrow.gif" width="7" height="7"> '
            f'<a href="{escape(self.listing_path(c, 1))}" class="menuleft">{_font(escape(c.name))}</a></td></tr>'
            for c in self.categories)
        canonical = "" if key is None else f'<link rel="canonical" href="{escape(self.canonical_base + key)}">\n'
        return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<title>{escape(page_title)}</title>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">
<meta name="keywords" content="Đà Bắc, Hòa Bình, tin tức, sự kiện, UBND huyện">
<meta name="description" content="{escape(description)}">
{canonical}<link href="/css/style.css" rel="stylesheet" type="text/css">
<script language="JavaScript" type="text/JavaScript">
<!--
function MM_swapImgRestore() {{ //v3.0
  var i,x,a=document.MM_sr; for(i=0;a&&i<a.length&&(x=a[i])&&x.oSrc;i++) x.src=x.oSrc;
}}
function MM_preloadImages() {{ //v3.0
  var d=document; if(d.images){{ if(!d.MM_p) d.MM_p=new Array();
    var i,j=d.MM_p.length,a=MM_preloadImages.arguments; for(i=0; i<a.length; i++)
    if (a[i].indexOf("#")!=0){{ d.MM_p[j]=new Image; d.MM_p[j++].src=a[i];}}}}
}}
function MM_findObj(n, d) {{ //v4.01
  var p,i,x;  if(!d) d=document; if((p=n.indexOf("?"))>0&&parent.frames.length) {{
    d=parent.frames[n.substring(p+1)].document; n=n.substring(0,p);}}
  if(!(x=d[n])&&d.all) x=d.all[n]; for (i=0;!x&&i<d.forms.length;i++) x=d.forms[i][n];
  for(i=0;!x&&d.layers&&i<d.layers.length;i++) x=MM_findObj(n,d.layers[i].document);
  if(!x && d.getElementById) x=d.getElementById(n); return x;
}}
function MM_swapImage() {{ //v3.0
  var i,j=0,x,a=MM_swapImage.arguments; document.MM_sr=new Array; for(i=0;i<(a.length-2);i+=3)
   if ((x=MM_findObj(a[i]))!=null){{document.MM_sr[j++]=x; if(!x.oSrc) x.oSrc=x.src; x.src=a[i+2];}}
}}
function checkSearch() {{
  if (document.frmSearch.keyword.value == "") {{ alert("Bạn chưa nhập từ khóa cần tìm!"); return false; }}
  return true;
}}
//-->
</script>
<style type="text/css">
<!--
body {{ margin-left: 0px; margin-top: 0px; margin-right: 0px; margin-bottom: 0px; background-image: url(/images/bg.gif); }}
.menuleft {{ font-family: Arial; font-size: 12px; color: #003399; text-decoration: none; }}
.menuleft:hover {{ color: #CC0000; text-decoration: underline; }}
.path {{ border-bottom: 1px dotted #CCCCCC; }}
.tieude {{ font-family: Arial; font-size: 12px; font-weight: bold; color: #FFFFFF; }}
a {{ color: #003399; text-decoration: none; }}
a:hover {{ color: #CC0000; }}
-->
</style>
</head>
<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0" marginwidth="0" marginheight="0" onLoad="MM_preloadImages('/images/menu_on.gif','/images/home_on.gif')">
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0" bgcolor="#FFFFFF">
  <tr>
    <td><img src="/images/banner.jpg" width="980" height="150" alt="Trang thông tin điện tử huyện Đà Bắc - tỉnh Hòa Bình"></td>
  </tr>
  <tr>
    <td bgcolor="#0066CC" height="28">
      <table border="0" cellspacing="0" cellpadding="0" align="center">
        <tr>
{_TOP_MENU}
        </tr>
      </table>
    </td>
  </tr>
  <tr>
    <td bgcolor="#FFFFCC" height="22">
      <table width="100%" border="0" cellspacing="0" cellpadding="0"><tr>
        <td width="200">&nbsp;{_font(f"{weekday(PORTAL_TODAY)}, {PORTAL_TODAY:%d/%m/%Y}", 1)}</td>
        <td><marquee scrollamount="3" onmouseover="this.stop()" onmouseout="this.start()">{_font("Chào mừng quý vị đến với Trang thông tin điện tử huyện Đà Bắc - tỉnh Hòa Bình", 1, "#CC0000", bold=True)}</marquee></td>
      </tr></table>
    </td>
  </tr>
  <tr>
    <td>
      <table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr>
          <td width="200" valign="top" bgcolor="#EEF3FA">
            <table width="100%" border="0" cellspacing="0" cellpadding="0">
              <tr><td height="26" background="/images/bg_title.gif" class="tieude">&nbsp;DANH MỤC TIN</td></tr>
{categories}
              <tr><td height="24" background="/images/bg_menu_left.gif">&nbsp;<img src="/images/arrow.gif" width="7" height="7"> <a href="/default.asp?act=vanban" class="menuleft">{_font("Văn bản chỉ đạo")}</a></td></tr>
              <tr><td height="24" background="/images/bg_menu_left.gif">&nbsp;<img src="/images/arrow.gif" width="7" height="7"> <a href="/default.asp?act=lichct" class="menuleft">{_font("Lịch công tác")}</a></td></tr>
              <tr><td height="24" background="/images/bg_menu_left.gif">&nbsp;<img src="/images/arrow.gif" width="7" height="7"> <a href="/default.asp?act=tthc" class="menuleft">{_font("Thủ tục hành chính")}</a></td></tr>
              <tr><td height="24" background="/images/bg_menu_left.gif">&nbsp;<img src="/images/arrow.gif" width="7" height="7"> <a href="/default.asp?act=hoidap" class="menuleft">{_font("Hỏi đáp")}</a></td></tr>
              <tr><td>&nbsp;</td></tr>
              <tr><td height="26" background="/images/bg_title.gif" class="tieude">&nbsp;VĂN BẢN MỚI</td></tr>
{_DOCUMENTS}
              <tr><td>&nbsp;</td></tr>
              <tr><td height="26" background="/images/bg_title.gif" class="tieude">&nbsp;TÌM KIẾM</td></tr>
              <tr><td align="center"><form name="frmSearch" method="get" action="/default.asp" onSubmit="return checkSearch();"><input type="hidden" name="act" value="search"><input type="text" name="keyword" size="18"><input type="submit" value="Tìm"></form></td></tr>
              <tr><td height="26" background="/images/bg_title.gif" class="tieude">&nbsp;LIÊN KẾT WEBSITE</td></tr>
              <tr><td align="center"><select name="lienket" onChange="if(this.value!='') window.open(this.value);" style="width:180px">
                <option value="">--- Liên kết ---</option>
                <option value="https://hoabinh-demo.gov.vn">Cổng TTĐT tỉnh Hòa Bình</option>
                <option value="https://chinhphu-demo.vn">Cổng TTĐT Chính phủ</option>
                <option value="https://dichvucong.hoabinh-demo.gov.vn">Dịch vụ công trực tuyến</option>
              </select></td></tr>
              <tr><td>&nbsp;</td></tr>
              <tr><td height="26" background="/images/bg_title.gif" class="tieude">&nbsp;THỐNG KÊ TRUY CẬP</td></tr>
              <tr><td>
                <table width="90%" border="0" align="center" cellpadding="2" cellspacing="0">
                  <tr><td>{_font("Thống kê truy cập", 1, bold=True)}</td><td></td></tr>
                  <tr><td>{_font("Đang online:", 1)}</td><td align="right">{_font(counts[0], 1, "#CC0000", bold=True)}</td></tr>
                  <tr><td>{_font("Hôm nay:", 1)}</td><td align="right">{_font(counts[1], 1, "#CC0000", bold=True)}</td></tr>
                  <tr><td>{_font("Trong tuần:", 1)}</td><td align="right">{_font(counts[2], 1, "#CC0000", bold=True)}</td></tr>
                  <tr><td>{_font("Tất cả:", 1)}</td><td align="right">{_font(counts[3], 1, "#CC0000", bold=True)}</td></tr>
                </table>
              </td></tr>
            </table>
          </td>
          <td width="580" valign="top" style="padding: 0px 8px 0px 8px">
{main}
          </td>
          <td width="200" valign="top" bgcolor="#EEF3FA">
            <table width="100%" border="0" cellspacing="0" cellpadding="3">
              <tr><td height="26" background="/images/bg_title.gif" class="tieude">&nbsp;TIN MỚI</td></tr>
              <tr><td>{_dated_links(latest(articles, 6))}</td></tr>
              <tr><td align="center"><a href="https://dichvucong.hoabinh-demo.gov.vn" target="_blank"><img src="/images/qc/banner_dvc.gif" width="185" border="0" alt="image advertisement"></a></td></tr>
              <tr><td align="center"><a href="/default.asp?act=tthc" target="_blank"><img src="/images/qc/banner_tthc.gif" width="185" border="0" alt="image advertisement"></a></td></tr>
              <tr><td height="26" background="/images/bg_title.gif" class="tieude">&nbsp;TIN ĐỌC NHIỀU</td></tr>
              <tr><td>{_dated_links(most_read(articles))}</td></tr>
              <tr><td height="26" background="/images/bg_title.gif" class="tieude">&nbsp;HÌNH ẢNH HOẠT ĐỘNG</td></tr>
              <tr><td align="center"><marquee direction="up" scrollamount="2" height="160" onmouseover="this.stop()" onmouseout="this.start()">
                <a href="/default.asp?act=album&amp;id=12"><img src="/images/album/hoat-dong-1.jpg" width="170" border="0" alt="Hình ảnh hoạt động"></a><br>{_font("Hội nghị tổng kết công tác năm", 1)}<br><br>
                <a href="/default.asp?act=album&amp;id=11"><img src="/images/album/hoat-dong-2.jpg" width="170" border="0" alt="Hình ảnh hoạt động"></a><br>{_font("Lễ hội Khai hạ của đồng bào Mường", 1)}<br><br>
                <a href="/default.asp?act=album&amp;id=10"><img src="/images/album/hoat-dong-3.jpg" width="170" border="0" alt="Hình ảnh hoạt động"></a><br>{_font("Ra quân Tết trồng cây", 1)}
              </marquee></td></tr>
              <tr><td align="center"><a href="https://hoabinh-demo.gov.vn/du-lich" target="_blank"><img src="/images/qc/banner_dulich.gif" width="185" border="0" alt="image advertisement"></a></td></tr>
            </table>
          </td>
        </tr>
      </table>
    </td>
  </tr>
  <tr>
    <td bgcolor="#0066CC" align="center" style="padding: 8px">
      <font face="Arial" size="1" color="#FFFFFF">
      <b>TRANG THÔNG TIN ĐIỆN TỬ HUYỆN ĐÀ BẮC - TỈNH HÒA BÌNH</b><br>
      Cơ quan chủ quản: Ủy ban nhân dân huyện Đà Bắc<br>
      Địa chỉ: Tiểu khu Thạch Lý, thị trấn Đà Bắc, huyện Đà Bắc, tỉnh Hòa Bình<br>
      Điện thoại: 0218.3827.000 - Fax: 0218.3827.001 - Email: ubnd@dabac-demo.gov.vn<br>
      Bản quyền © 2008 - 2024 UBND huyện Đà Bắc. Ghi rõ nguồn khi phát hành lại thông tin từ website này.
      </font>
    </td>
  </tr>
</table>
</body>
</html>
"""


SITE = LegacySite()


def _body(article: FamilyArticle) -> str:
    """The article text as the old editor stored it: text<br><br>text, images in tables."""
    parts = []
    for block in article.blocks:
        if block[0] == "img":
            parts.append(f'<table align="center" border="0" cellpadding="3" cellspacing="0" width="450">'
                         f'<tr><td align="center"><img src="{escape(block[1])}" width="450" border="0"></td></tr>'
                         f'<tr><td align="center">{_font(f"<i>{escape(block[2])}</i>", 1)}</td></tr></table>')
        elif block[0] == "table":
            rows = block[1]
            lines = []
            for number, row in enumerate(rows):
                cells = "".join(f'<td align="center">{_font(f"<b>{escape(c)}</b>" if number == 0 else escape(c))}</td>' for c in row)
                lines.append(f"<tr>{cells}</tr>")
            parts.append('<table border="1" cellpadding="3" cellspacing="0" width="100%" style="border-collapse: collapse" bordercolor="#999999">'
                         + "".join(lines) + "</table>")
        else:
            parts.append(escape(block[1]) + "<br><br>")
    parts.append(f'<div align="right"><b>{escape(article.author_line)}</b></div>')
    return "\n".join(parts)


def _listing_row(article: FamilyArticle) -> str:
    images = article.images
    thumbnail = images[0][0] if images else "/images/noimage.gif"
    href = escape(article.path)
    return (f'<tr><td><table width="100%" border="0" cellspacing="0" cellpadding="3"><tr>'
            f'<td width="110" valign="top"><a href="{href}"><img src="{escape(thumbnail)}" width="100" height="75" border="0"></a></td>'
            f'<td valign="top"><a href="{href}">{_font(escape(article.title), 2, "#003399", bold=True)}</a> '
            f'{_font(f"({article.published:%d/%m/%Y})", 1, "#999999")}<br>{_font(escape(article.lead))}</td>'
            f"</tr></table></td></tr>")


def _dated_links(articles) -> str:
    return "<br>\n".join(
        f'<img src="/images/bullet.gif" width="5" height="5"> <a href="{escape(a.path)}">{_font(escape(a.title))}</a> '
        f'{_font(f"({a.published:%d/%m/%Y})", 1, "#999999")}'
        for a in articles
    )


def _top_menu() -> str:
    menu = (("TRANG CHỦ", "/default.asp"), ("GIỚI THIỆU", "/default.asp?act=gioithieu"),
            ("TIN TỨC", "/default.asp?act=list&cat=1"), ("VĂN BẢN", "/default.asp?act=vanban"),
            ("THỦ TỤC HÀNH CHÍNH", "/default.asp?act=tthc"), ("HỎI ĐÁP", "/default.asp?act=hoidap"),
            ("LIÊN HỆ", "/default.asp?act=lienhe"))
    cells = []
    for number, (label, href) in enumerate(menu):
        if number:
            cells.append('          <td><img src="/images/menu_sep.gif" width="2" height="28"></td>')
        cells.append(f'          <td style="padding: 0px 10px"><a href="{escape(href)}" onMouseOut="MM_swapImgRestore()">'
                     f'<font face="Arial" size="2" color="#FFFFFF"><b>{escape(label)}</b></font></a></td>')
    return "\n".join(cells)


_TOP_MENU = _top_menu()

_DOCUMENTS = "\n".join(
    f'              <tr><td style="padding: 3px">&nbsp;<img src="/images/arrow.gif" width="7" height="7"> '
    f'<a href="/default.asp?act=vanban&amp;id={number}" class="menuleft">{_font(escape(title), 1)}</a></td></tr>'
    for number, title in (
        (512, "Kế hoạch số 86/KH-UBND về phát triển du lịch cộng đồng huyện Đà Bắc năm 2024"),
        (511, "Quyết định số 1203/QĐ-UBND phê duyệt danh sách hộ nghèo, hộ cận nghèo năm 2024"),
        (509, "Công văn số 455/UBND-VX về tăng cường công tác phòng, chống đuối nước cho trẻ em"),
        (507, "Thông báo lịch tiếp công dân của lãnh đạo UBND huyện tháng 7 năm 2024"),
        (505, "Chỉ thị số 02/CT-UBND về công tác phòng, chống thiên tai và tìm kiếm cứu nạn năm 2024"),
    )
)
