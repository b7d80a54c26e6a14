"""Sites of the other CMS platform families, for the offline portal.

Vietnamese government portals run on a handful of platforms. Besides the
vnPortal site of ``pages.py`` the offline portal serves one imitation site
per family, each on its own (fictional, non-existent) gov.vn domain:

==========  ===============================================  ===========================
family      imitates                                         canonical base
==========  ===============================================  ===========================
liferay     a province portal on Liferay (Thừa Thiên Huế)    https://hue-demo.gov.vn
sharepoint  a province portal on SharePoint (Quảng Ninh)     https://quangninh-demo.gov.vn
wordpress   a department site on WordPress (Sở TT&TT)        https://sotttt-demo.gov.vn
legacy      an old ASP table-layout district site, cp1258    https://dabac-demo.gov.vn
national    the national government portal (baochinhphu)     https://chinhphu-demo.vn
vnportal2   vnPortal's real skin (sonla, cantho): Ninh Bình  https://ninhbinh-demo.gov.vn
chinhphu    the chinhphu.vn family's real markup             https://baochinhphu-demo.vn
tandan      Tân Dân's SharePoint portals (Điện Biên)         https://dienbien-demo.gov.vn
==========  ===============================================  ===========================

The last three follow what public crawler code of the real portals relies
on; ``pages.py``'s vnPortal site and ``national`` are our earlier guesses.

A ``FamilySite`` builds its articles (``FamilyArticle``: the generator of
``content.py`` with the family's own seed and places, plus attachments, a
table, update times...) and renders every page of its site. Rendering is
pure: the same articles and base URL give the same bytes. The pages imitate
the real platforms, chrome included; nothing here is shaped after any
extractor.
"""

from __future__ import annotations

import base64
import hashlib
import importlib
import random
import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import parse_qsl
from xml.sax.saxutils import escape as xml_escape

from .content import DemoArticle, _generate_article, newest_first
from .pages import PLACEHOLDER_JPEG, PORTAL_TODAY, rfc822, view_count

FAMILIES = ("liferay", "sharepoint", "wordpress", "legacy", "national", "vnportal2", "chinhphu", "tandan")

HTML_UTF8 = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
TEXT = "text/plain; charset=utf-8"

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


@dataclass(frozen=True)
class FamilyArticle(DemoArticle):
    """An article of a family site: a ``DemoArticle`` with the family's URL and extras.

    ``path`` is the article's address relative to the base URL, query
    included (e.g. "/Trang/ChiTietTin.aspx?id=1234&dm=2"). Besides ``p`` and
    ``img`` blocks, ``blocks`` may hold one ``("table", rows)`` block, rows
    being tuples of cell texts (the first row is the header).
    """

    family: str = ""
    family_path: str = ""
    # (href as the page links it, link text); hrefs are relative to the base
    # URL unless absolute (the national portal keeps files on another host)
    attachments: tuple[tuple[str, str], ...] = ()
    # when the page says the article was last updated (legacy, some WordPress)
    updated: datetime | None = None
    # "Theo baochinhphu.vn" style credit line at the end (national portal)
    credit: str | None = None
    # the author as the page prints it, e.g. "Tin, ảnh: Minh Anh"
    author_line: str = ""

    @property
    def path(self) -> str:
        return self.family_path

    @property
    def tables(self) -> list[tuple[tuple[str, ...], ...]]:
        return [block[1] for block in self.blocks if block[0] == "table"]


@dataclass(frozen=True)
class FamilyCategory:
    slug: str
    name: str
    topic: str  # the content.py category its articles are generated from
    code: str = ""  # the platform's own id for it (SharePoint dm, legacy cat, Liferay instance)


Articles = Sequence[FamilyArticle]


def family_site(family: str) -> FamilySite:
    """The site of ``family`` (one of ``FAMILIES``)."""
    if family not in FAMILIES:
        raise ValueError(f"unknown family {family!r} (known: vnportal, {', '.join(FAMILIES)})")
    module = importlib.import_module(f".{family}", __package__)
    return module.SITE


def build_family_articles(family: str, per_category: int | None = None) -> list[FamilyArticle]:
    """The articles of ``family``'s site, newest first; the same on every call."""
    return family_site(family).build_articles(per_category)


# ---------------------------------------------------------------- the base of every family site


class FamilySite:
    """One platform family's site: its articles, addresses and pages.

    Subclasses set the class attributes and write the page functions; the
    request routing (``canonical``, ``render``) works on "keys": a request
    target brought to the one form the site itself links to.
    """

    family = ""
    site_name = ""
    agency = ""
    province = ""
    text_province = ""  # the province as article text names it
    canonical_base = ""
    seed = 0
    categories: tuple[FamilyCategory, ...] = ()
    per_category = 12
    page_size = 5
    charset = "utf-8"
    districts: dict[str, tuple[str, ...]] | None = None
    source_marker = ""
    marker_always = False
    id_range = (100100, 1000000)
    home_paths: tuple[str, ...] = ("/",)
    robots_disallow: tuple[str, ...] = ()
    upload_prefixes: tuple[str, ...] = ()
    not_found_text = "Không tìm thấy trang"
    attachment_kinds = (
        ("Quyết định số {n}/QĐ-UBND", "quyet-dinh-so-{n}-qd-ubnd", "pdf"),
        ("Kế hoạch số {n}/KH-UBND", "ke-hoach-so-{n}-kh-ubnd", "pdf"),
        ("Dự thảo Tờ trình", "du-thao-to-trinh-{n}", "docx"),
        ("Phụ lục số liệu kèm theo", "phu-luc-so-lieu-{n}", "xlsx"),
        ("Công văn số {n}/UBND-VX", "cong-van-so-{n}-ubnd-vx", "pdf"),
    )

    # ------------------------------------------------------------ articles

    def build_articles(self, per_category: int | None = None) -> list[FamilyArticle]:
        count = self.per_category if per_category is None else per_category
        rng = random.Random(self.seed)
        extras = random.Random(self.seed * 7 + 1)
        titles: set[str] = set()
        moments: set[datetime] = set()
        ids = iter(rng.sample(range(*self.id_range), count * len(self.categories)))
        articles = []
        for category_index, category in enumerate(self.categories):
            for index in range(count):
                article_id = next(ids)
                base = _generate_article(
                    rng, article_id, category.topic, category.name, titles, moments,
                    with_boilerplate_words=article_id % 4 == 0,
                    districts=self.districts, province=self.text_province or self.province,
                )
                with_table = category_index == 0 and index == min(2, count - 1)
                with_attachments = index == min(1, count - 1) or extras.random() < 0.25
                articles.append(self._family_article(base, category, extras, with_table, with_attachments))
        return newest_first(articles)

    def _family_article(self, base: DemoArticle, category: FamilyCategory, rng: random.Random,
                        with_table: bool, with_attachments: bool) -> FamilyArticle:
        published = self.published_for(base.published)
        number = self.article_number(base, published, rng)
        blocks = []
        images = 0
        for block in base.blocks:
            if block[0] == "img":
                images += 1
                blocks.append(("img", self.image_src(published, number, images), block[2]))
            else:
                blocks.append(block)
        if with_table:
            position = next(i for i, block in enumerate(blocks) if block[0] == "p") + 1
            blocks.insert(position, ("table", _table_rows(rng, published.year)))
        attachments = self._attachments(rng, published, number) if with_attachments else ()
        marker = self.source_marker if (self.marker_always or base.source_marker) else None
        return FamilyArticle(
            id=number,
            category_slug=category.slug,
            category_name=category.name,
            slug=base.slug,
            title=base.title,
            published=published,
            lead=base.lead,
            source_marker=marker,
            blocks=tuple(blocks),
            author=base.author,
            family=self.family,
            family_path=self.article_path(category, base.slug, number, published),
            attachments=attachments,
            updated=self.updated_for(published, rng),
            credit=self.credit_for(rng),
            author_line=self.author_line(base.author, images, rng),
        )

    def _attachments(self, rng: random.Random, published: datetime, number: int) -> tuple[tuple[str, str], ...]:
        kinds = rng.sample(self.attachment_kinds, rng.randint(1, 3))
        files = []
        for title, name, extension in kinds:
            n = str(rng.randint(100, 2500))
            filename = f"{name.format(n=n, year=published.year)}.{extension}"
            files.append((self.attachment_href(published, number, filename),
                          title.format(n=n, year=published.year)))
        return tuple(files)

    # hooks of the article build

    def published_for(self, generated: datetime) -> datetime:
        return generated

    def article_number(self, base: DemoArticle, published: datetime, rng: random.Random) -> int:
        return base.id

    def updated_for(self, published: datetime, rng: random.Random) -> datetime | None:
        return None

    def credit_for(self, rng: random.Random) -> str | None:
        return None

    def author_line(self, author: str, images: int, rng: random.Random) -> str:
        return author

    def article_path(self, category: FamilyCategory, slug: str, number: int, published: datetime) -> str:
        raise NotImplementedError

    def image_src(self, published: datetime, number: int, image: int) -> str:
        raise NotImplementedError

    def attachment_href(self, published: datetime, number: int, filename: str) -> str:
        raise NotImplementedError

    # ------------------------------------------------------------ addresses

    def category(self, slug: str) -> FamilyCategory | None:
        return next((c for c in self.categories if c.slug == slug), None)

    def listing_path(self, category: FamilyCategory, page: int) -> str:
        raise NotImplementedError

    def canonical(self, path: str, query: str) -> str:
        """The key of a request target: the form of it the site links to."""
        return path + (f"?{query}" if query else "")

    def parse_listing(self, key: str) -> tuple[FamilyCategory, int] | None:
        """(category, page) of a listing key, else None."""
        raise NotImplementedError

    def feed_category(self, key: str) -> tuple[bool, FamilyCategory | None]:
        """(is a feed, its category or None for the whole site)."""
        return False, None

    def rss_path(self, category: FamilyCategory | None) -> str | None:
        return None

    # ------------------------------------------------------------ responses

    @property
    def html_type(self) -> str:
        return HTML_UTF8 if self.charset == "utf-8" else f"text/html; charset={self.charset}"

    def encode(self, text: str) -> bytes:
        if self.charset == "windows-1258":
            return cp1258_bytes(text)
        return text.encode(self.charset)

    def render(self, key: str, articles: Articles, base_url: str) -> tuple[str, bytes] | None:
        """(content type, body) of a non-article key; None when there is no such page."""
        if key == "/robots.txt":
            return TEXT, self.robots_txt(base_url).encode()
        if key == "/sitemap.xml":
            return XML, self.sitemap_xml(articles, base_url).encode()
        is_feed, category = self.feed_category(key)
        if is_feed:
            return RSS, self.rss_xml(articles, base_url, category).encode()
        if key in self.home_paths:
            return self.html_type, self.encode(self.home_page(articles, base_url))
        listing = self.parse_listing(key)
        if listing is not None:
            html = self.listing_page(listing[0], listing[1], articles, base_url)
            if html is not None:
                return self.html_type, self.encode(html)
        return None

    def static(self, path: str) -> tuple[str, bytes] | None:
        """An uploaded image or attached file, by its path."""
        if not path.startswith(self.upload_prefixes):
            return None
        match = _FILE_EXTENSION.search(path)
        if not match:
            return None
        return _FILES[match[1].lower()]

    def robots_txt(self, base_url: str) -> str:
        rules = "".join(f"Disallow: {rule}\n" for rule in self.robots_disallow)
        return f"User-agent: *\n{rules}Sitemap: {base_url}/sitemap.xml\n"

    def sitemap_xml(self, articles: Articles, base_url: str) -> str:
        """Sitemap of the home page, the first page of each listing and every article."""
        entries = [f"<url><loc>{xml_escape(base_url + self.home_paths[0])}</loc><changefreq>hourly</changefreq></url>"]
        for category in self.categories:
            latest = in_category(articles, category)[:1]
            if latest:
                entries.append(
                    f"<url><loc>{xml_escape(base_url + self.listing_path(category, 1))}</loc>"
                    f"<lastmod>{latest[0].published:%Y-%m-%d}</lastmod><changefreq>daily</changefreq></url>"
                )
        for article in newest_first(articles):
            entries.append(f"<url><loc>{xml_escape(base_url + article.path)}</loc>"
                           f"<lastmod>{article.published:%Y-%m-%d}</lastmod></url>")
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + "\n".join(entries) + "\n</urlset>\n")

    def rss_xml(self, articles: Articles, base_url: str, category: FamilyCategory | None) -> str:
        items = newest_first(articles) if category is None else in_category(articles, category)
        items = items[:20]
        title = self.site_name if category is None else f"{category.name} - {self.site_name}"
        link = base_url + (self.home_paths[0] if category is None else self.listing_path(category, 1))
        entries = "\n".join(
            f"""<item><title>{xml_escape(a.title)}</title><link>{xml_escape(base_url + a.path)}</link>
<description>{xml_escape(a.lead)}</description><category>{xml_escape(a.category_name)}</category>
<pubDate>{rfc822(a.published)}</pubDate><guid isPermaLink="true">{xml_escape(base_url + a.path)}</guid></item>"""
            for a in items
        )
        build_date = f"<lastBuildDate>{rfc822(items[0].published)}</lastBuildDate>" if items else ""
        return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>{xml_escape(title)}</title><link>{xml_escape(link)}</link>
<description>Tin tức mới nhất từ {xml_escape(self.site_name)}</description><language>vi</language>{build_date}
{entries}
</channel></rss>
"""

    # pages, written by each family
    def article_page(self, article: FamilyArticle, articles: Articles, base_url: str) -> str:
        raise NotImplementedError

    def listing_page(self, category: FamilyCategory, page: int, articles: Articles, base_url: str) -> str | None:
        raise NotImplementedError

    def home_page(self, articles: Articles, base_url: str) -> str:
        raise NotImplementedError

    def not_found_page(self, articles: Articles, base_url: str) -> str:
        raise NotImplementedError


# ---------------------------------------------------------------- helpers shared by the families


def in_category(articles: Articles, category: FamilyCategory | str) -> list[FamilyArticle]:
    slug = category if isinstance(category, str) else category.slug
    return newest_first(a for a in articles if a.category_slug == slug)


def listing_slice(articles: Articles, category: FamilyCategory, page: int, size: int
                  ) -> tuple[list[FamilyArticle], int] | None:
    """(articles shown on ``page``, page count), or None past the last page."""
    everything = in_category(articles, category)
    pages = max(1, -(-len(everything) // size))
    if not 1 <= page <= pages:
        return None
    return everything[(page - 1) * size : page * size], pages


def latest(articles: Articles, count: int = 6) -> list[FamilyArticle]:
    return newest_first(articles)[:count]


def most_read(articles: Articles, count: int = 5) -> list[FamilyArticle]:
    return sorted(articles, key=lambda a: (-view_count(a), a.id))[:count]


def related(article: FamilyArticle, articles: Articles, count: int = 5) -> list[FamilyArticle]:
    """Other articles of the category, a stable pick per article."""
    others = [a for a in in_category(articles, article.category_slug) if a.id != article.id]
    others.sort(key=lambda other: zlib.crc32(f"{article.id}-{other.id}".encode()))
    return newest_first(others[:count])


def neighbours(article: FamilyArticle, articles: Articles, count: int = 6) -> list[FamilyArticle]:
    """The articles of the category published nearest before and after ``article``."""
    siblings = in_category(articles, article.category_slug)
    index = next((i for i, a in enumerate(siblings) if a.id == article.id), 0)
    start = max(0, min(index - count // 2, len(siblings) - count - 1))
    return [a for a in siblings[start : start + count + 1] if a.id != article.id][:count]


def counter(key: str) -> tuple[str, str, str, str]:
    """Made-up visitor counter numbers (online, today, this week, all), stable per page."""
    seed = zlib.crc32(key.encode())
    online = 3 + seed % 97
    today = 700 + seed % 3900
    week = today * 6 + seed % 900
    total = 3_000_000 + seed % 9_000_000
    return tuple(f"{n:,}".replace(",", ".") for n in (online, today, week, total))


def day_first(moment: datetime) -> str:
    """"10/01/2024 08:15": how these portals print an article's time."""
    return f"{moment:%d/%m/%Y %H:%M}"


def weekday(moment) -> str:
    return WEEKDAYS[moment.weekday()]


def opaque_state(seed: str, size: int) -> str:
    """Kilobytes of stable base64, like ASP.NET view state or SharePoint's digests."""
    digest = hashlib.sha256(seed.encode()).digest()
    chunks = []
    for _ in range(max(1, size // len(digest))):
        digest = hashlib.sha256(digest).digest()
        chunks.append(digest)
    return base64.b64encode(b"".join(chunks)).decode()


def short_hash(text: str, length: int = 8) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:length]


def query_params(query: str) -> dict[str, str]:
    """The first value of each query parameter (names as given)."""
    params: dict[str, str] = {}
    for name, value in parse_qsl(query, keep_blank_values=True):
        params.setdefault(name, value)
    return params


def positive_int(value: str | None) -> int | None:
    if value is None or not value.isdigit():
        return None
    number = int(value)
    return number if number > 0 else None


_TABLE_ITEMS = (
    ("Tổng thu ngân sách nhà nước trên địa bàn", "tỷ đồng", 800, 3000),
    ("Giá trị sản xuất nông, lâm, thủy sản", "tỷ đồng", 1200, 6000),
    ("Tổng vốn đầu tư toàn xã hội", "tỷ đồng", 2000, 9000),
    ("Số xã đạt chuẩn nông thôn mới", "xã", 20, 90),
    ("Số lao động được tạo việc làm mới", "người", 5000, 20000),
    ("Số hộ thoát nghèo", "hộ", 800, 5000),
)


def _table_rows(rng: random.Random, year: int) -> tuple[tuple[str, ...], ...]:
    """A small statistics table, as editors paste from a report."""
    rows = [("TT", "Chỉ tiêu", "Đơn vị", f"Kế hoạch năm {year}", "Thực hiện", "Tỷ lệ (%)")]
    for number, (name, unit, low, high) in enumerate(rng.sample(_TABLE_ITEMS, 4), start=1):
        plan = rng.randint(low, high)
        done = round(plan * rng.uniform(0.55, 1.08))
        ratio = f"{done / plan * 100:.1f}".replace(".", ",")
        rows.append((str(number), name, unit, f"{plan:,}".replace(",", "."), f"{done:,}".replace(",", "."), ratio))
    return tuple(rows)


_FILE_EXTENSION = re.compile(r"\.(jpe?g|pdf|docx|xlsx)(?=/|$)", re.I)
_EMPTY_ZIP = b"PK\x05\x06" + b"\x00" * 18
_FILES = {
    "jpg": ("image/jpeg", PLACEHOLDER_JPEG),
    "jpeg": ("image/jpeg", PLACEHOLDER_JPEG),
    "pdf": ("application/pdf", b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _EMPTY_ZIP),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _EMPTY_ZIP),
}


# ---------------------------------------------------------------- windows-1258


def cp1258_bytes(text: str) -> bytes:
    """``text`` in windows-1258, as Vietnamese Windows software wrote it.

    cp1258 has the letters â ê ô ơ ư ă đ (and capitals) and the vowels with
    one of the marks it has precomposed (à á è é ...), and five combining
    tone marks; every other Vietnamese letter is such a letter followed by a
    combining tone mark ("ế" is "ê" + U+0301). Decoding with cp1258 and
    normalising to NFC gives ``text`` back.
    """
    out = []
    decomposed = unicodedata.normalize("NFD", text)
    index = 0
    while index < len(decomposed):
        base = decomposed[index]
        index += 1
        marks = ""
        while index < len(decomposed) and unicodedata.combining(decomposed[index]):
            marks += decomposed[index]
            index += 1
        out.append(_cp1258_cluster(base, marks))
    return "".join(out).encode("cp1258")


def _encodable(text: str) -> bool:
    try:
        text.encode("cp1258")
    except UnicodeEncodeError:
        return False
    return True


def _cp1258_cluster(base: str, marks: str) -> str:
    if not marks:
        return base
    whole = unicodedata.normalize("NFC", base + marks)
    if _encodable(whole):
        return whole
    for i, mark in enumerate(marks):
        rest = unicodedata.normalize("NFC", base + marks[:i] + marks[i + 1 :])
        if len(rest) == 1 and _encodable(rest) and _encodable(mark):
            return rest + mark
    return base + marks


def shifted(moment: datetime, rng: random.Random, low_hours: int, high_hours: int) -> datetime:
    return moment + timedelta(hours=rng.randint(low_hours, high_hours), minutes=rng.randrange(60))
