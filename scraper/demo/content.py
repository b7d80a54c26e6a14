"""The articles of the offline demo portal.

One article is the real seed article (``seed_article.txt``, copied from
sonla.gov.vn); the rest are generated deterministically from phrase templates
so that every run of the demo, the tests and the benchmarks sees the same site.
"""

from __future__ import annotations

import itertools
import random
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

CATEGORIES: tuple[tuple[str, str], ...] = (
    ("tin-tuc-su-kien", "Tin tức - Sự kiện"),
    ("chinh-tri", "Chính trị"),
    ("kinh-te", "Kinh tế"),
    ("van-hoa-xa-hoi", "Văn hóa - Xã hội"),
)
CATEGORY_NAMES = dict(CATEGORIES)
ARTICLES_PER_CATEGORY = 40
PAGE_SIZE = 10
SOURCE_MARKER = "sonla.gov.vn"

SEED_ARTICLE_ID = 100001
SEED_CATEGORY = "tin-tuc-su-kien"
SEED_PUBLISHED = datetime(2024, 1, 10, 8, 30)
SEED_FILE = Path(__file__).with_name("seed_article.txt")
_SEED_IMAGE_LINE = "anh tin bai"
_SEED_CHROME_START = "Video tuyên truyền nông thôn mới"

_FIRST_DAY = date(2023, 1, 1)
_LAST_DAY = date(2024, 6, 30)
# Titles drawn for an article before a taken one is numbered instead: the
# default portals need at most 3 draws, the crawl benchmark's (250 a
# category) 6; at about 1,300 a category the templates' titles are used up.
_TITLE_DRAWS = 8

Block = tuple[str, str] | tuple[str, str, str]


@dataclass(frozen=True)
class DemoArticle:
    """One news article of the demo portal, as its page shows it."""

    id: int
    category_slug: str
    category_name: str
    slug: str
    title: str
    published: datetime
    lead: str
    source_marker: str | None
    blocks: tuple[Block, ...]
    author: str

    @property
    def path(self) -> str:
        return f"/{self.category_slug}/{self.slug}-{self.id}.html"

    @property
    def paragraphs(self) -> list[str]:
        return [block[1] for block in self.blocks if block[0] == "p"]

    @property
    def images(self) -> list[tuple[str, str]]:
        """(src, caption) of every image, in page order."""
        return [(block[1], block[2]) for block in self.blocks if block[0] == "img"]


def slugify(text: str) -> str:
    """ASCII URL slug: diacritics stripped, đ -> d, words joined by hyphens."""
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def newest_first(articles: Iterable[DemoArticle]) -> list[DemoArticle]:
    """``articles`` sorted the way listings show them."""
    return sorted(articles, key=lambda article: (article.published, article.id), reverse=True)


def articles_in_category(articles: Iterable[DemoArticle], category_slug: str) -> list[DemoArticle]:
    """The category's articles, newest first."""
    return newest_first(a for a in articles if a.category_slug == category_slug)


def build_articles(per_category: int = ARTICLES_PER_CATEGORY) -> list[DemoArticle]:
    """All articles of the demo portal, newest first; the same on every call.

    ``per_category`` enlarges the portal for benchmarks; the default gives
    the 160-article portal that tests and the demo use. Any size works: once
    a category's templates run short of new titles, repeats are numbered.
    """
    rng = random.Random(2024)
    seed = load_seed_article()
    articles = [seed]
    titles = {seed.title}
    moments = {seed.published}
    total = per_category * len(CATEGORIES)
    ids = iter(rng.sample(range(100100, 1000000), total - 1))
    for category_slug, category_name in CATEGORIES:
        missing = per_category - sum(a.category_slug == category_slug for a in articles)
        for _ in range(missing):
            article_id = next(ids)
            articles.append(
                _generate_article(
                    rng, article_id, category_slug, category_name, titles, moments,
                    with_boilerplate_words=article_id % 4 == 0,
                )
            )
    return newest_first(articles)


def load_seed_article() -> DemoArticle:
    """The real sonla.gov.vn article of ``seed_article.txt``, without page chrome."""
    lines = [line.strip() for line in SEED_FILE.read_text(encoding="utf-8").splitlines()]
    title, marked_lead = lines[0], lines[1]
    body = lines[2 : lines.index(_SEED_CHROME_START)]
    content = [line for line in body if line]
    author = content.pop()
    marker, lead = re.fullmatch(r"\((.+?)\) (.*)", marked_lead).groups()
    blocks: list[Block] = []
    image_count = 0
    lines_left = iter(content)
    for line in lines_left:
        if line == _SEED_IMAGE_LINE:
            image_count += 1
            src = _image_src(SEED_PUBLISHED, SEED_ARTICLE_ID, image_count)
            blocks.append(("img", src, next(lines_left)))
        else:
            blocks.append(("p", line))
    return DemoArticle(
        id=SEED_ARTICLE_ID,
        category_slug=SEED_CATEGORY,
        category_name=CATEGORY_NAMES[SEED_CATEGORY],
        slug=slugify(title),
        title=title,
        published=SEED_PUBLISHED,
        lead=lead,
        source_marker=marker,
        blocks=tuple(blocks),
        author=author,
    )


def _image_src(published: datetime, article_id: int, number: int) -> str:
    return f"/Uploads/images/{published:%Y/%m/%d}/anh-{article_id}-{number}.jpg"


def _generate_article(
    rng: random.Random,
    article_id: int,
    category_slug: str,
    category_name: str,
    titles: set[str],
    moments: set[datetime],
    with_boilerplate_words: bool,
    districts: dict[str, tuple[str, ...]] | None = None,
    province: str = "Sơn La",
) -> DemoArticle:
    published = _unique_moment(rng, moments)
    topics = _TOPICS[category_slug]
    for _ in range(_TITLE_DRAWS):
        context = _context(rng, published, districts, province)
        title_template, lead_template = rng.choice(topics)
        title = _sentence_case(title_template.format_map(context))
        if title not in titles:
            break
    else:
        title = _next_in_series(title, titles)
    titles.add(title)
    paragraphs = _paragraphs(rng, category_slug, context)
    if with_boilerplate_words:
        position = rng.randrange(1, len(paragraphs))
        paragraphs[position] = rng.choice(_BOILERPLATE_LOOKALIKES).format_map(context) + " " + paragraphs[position]
    blocks: list[Block] = [("p", text) for text in paragraphs]
    image_count = rng.choice((0, 1, 1, 2, 2, 3))
    captions = rng.sample(_CAPTIONS, image_count)
    positions = sorted(rng.sample(range(len(paragraphs)), image_count))
    for number, (position, caption) in enumerate(zip(positions, captions), start=1):
        text = title if caption is None else caption.format_map(context)
        blocks.insert(position + number - 1, ("img", _image_src(published, article_id, number), text))
    return DemoArticle(
        id=article_id,
        category_slug=category_slug,
        category_name=category_name,
        slug=slugify(title),
        title=title,
        published=published,
        lead=lead_template.format_map(context),
        source_marker=SOURCE_MARKER if rng.random() < 0.6 else None,
        blocks=tuple(blocks),
        author=rng.choice(_AUTHORS),
    )


def _next_in_series(title: str, taken: set[str]) -> str:
    """``title`` numbered as the next article of a series: "... (bài 2)", "... (bài 3)"."""
    return next(numbered for number in itertools.count(2) if (numbered := f"{title} (bài {number})") not in taken)


def _unique_moment(rng: random.Random, taken: set[datetime]) -> datetime:
    span = (_LAST_DAY - _FIRST_DAY).days
    while True:
        day = _FIRST_DAY + timedelta(days=rng.randint(0, span))
        moment = datetime(day.year, day.month, day.day, rng.randint(6, 21), rng.randrange(60))
        if moment not in taken:
            taken.add(moment)
            return moment


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _paragraphs(rng: random.Random, category_slug: str, context: dict[str, str]) -> list[str]:
    sentences = rng.sample(_SENTENCES[category_slug] + _GENERIC_SENTENCES, k=21)
    paragraphs = []
    for _ in range(rng.randint(3, 7)):
        size = rng.randint(2, 3)
        chosen, sentences = sentences[:size], sentences[size:]
        paragraphs.append(" ".join(s.format_map(context) for s in chosen))
    return paragraphs


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _decimal(rng: random.Random, low: int, high: int) -> str:
    return f"{rng.randint(low, high)},{rng.randint(1, 9)}"


def _context(
    rng: random.Random,
    published: datetime,
    districts: dict[str, tuple[str, ...]] | None = None,
    province: str = "Sơn La",
) -> dict[str, str]:
    """Names and figures one article talks about, shared by its title and text.

    ``districts`` (district -> communes) and ``province`` let the sites of
    other platform families (``families.py``) talk about their own places.
    """
    districts = _DISTRICT_COMMUNES if districts is None else districts
    district = rng.choice(list(districts))
    commune, commune2 = rng.sample(districts[district], 2)
    official, position = rng.choice(_OFFICIALS)
    event_day = published - timedelta(days=rng.choice((0, 0, 0, 1)))
    year = published.year
    school_year = f"{year}-{year + 1}" if published.month >= 9 else f"{year - 1}-{year}"
    return {
        "province": province,
        "district": district,
        "commune": commune,
        "commune2": commune2,
        "village": rng.choice(_VILLAGES),
        "official": official,
        "position": position,
        "agency": rng.choice(_AGENCIES),
        "event_date": f"{event_day:%d/%m/%Y}",
        "day_part": "Sáng" if published.hour < 12 else "Chiều",
        "year": str(year),
        "next2": str(year + 2),
        "period": rng.choice(_PERIODS),
        "program": rng.choice(_PROGRAMS),
        "inspect_topic": rng.choice(_INSPECTION_TOPICS),
        "fair": rng.choice(_FAIRS),
        "training": rng.choice(_TRAININGS),
        "campaign": rng.choice(_CAMPAIGNS),
        "party_doc": rng.choice(_PARTY_DOCUMENTS),
        "supervision": rng.choice(_SUPERVISION_TOPICS),
        "crop": rng.choice(_CROPS),
        "market": rng.choice(_MARKETS),
        "sector": rng.choice(_SECTORS),
        "coop": rng.choice(_COOPERATIVES),
        "road": rng.choice(_ROADS),
        "festival": rng.choice(_FESTIVALS),
        "gift": rng.choice(_GIFTS),
        "health_campaign": rng.choice(_HEALTH_CAMPAIGNS),
        "craft": rng.choice(_CRAFTS),
        "ethnic": rng.choice(_ETHNIC_GROUPS),
        "sport": rng.choice(_SPORTS),
        "social_issue": rng.choice(_SOCIAL_ISSUES),
        "elder": rng.choice(_ARTISANS),
        "session": rng.choice(("bảy", "tám", "chín", "mười", "mười một", "mười hai")),
        "school_year": school_year,
        "n_small": str(rng.randint(3, 25)),
        "n_days": str(rng.randint(2, 3)),
        "n_people": str(rng.randint(150, 900)),
        "n_trainees": str(rng.randint(40, 120)),
        "n_households": str(rng.randint(40, 900)),
        "n_ha": _thousands(rng.randint(20, 1500)),
        "n_tons": _thousands(rng.randint(800, 45000)),
        "n_resolutions": str(rng.randint(8, 35)),
        "n_conference": str(rng.randint(12, 25)),
        "n_members": str(rng.randint(80, 400)),
        "n_businesses": str(rng.randint(30, 120)),
        "n_products": str(rng.randint(2, 5)),
        "n_gifts": str(rng.randint(30, 200)),
        "n_teams": str(rng.randint(8, 24)),
        "n_codes": str(rng.randint(150, 400)),
        "n_workers": str(rng.randint(15, 120)),
        "n_schools": str(rng.randint(40, 80)),
        "n_students": _thousands(rng.randint(12, 40) * 1000 + rng.randint(0, 999)),
        "percent": str(rng.randint(62, 99)),
        "billions": _thousands(rng.randint(12, 850)),
        "billions_small": str(rng.randint(1, 15)),
        "support": str(rng.randint(40, 60)),
        "growth": _decimal(rng, 5, 9),
        "poverty": _decimal(rng, 8, 35),
        "price": f"{_thousands(rng.randint(8, 20) * 1000)} - {_thousands(rng.randint(21, 45) * 1000)}",
    }


_DISTRICT_COMMUNES = {
    "Mộc Châu": ("Chiềng Sơn", "Đông Sang", "Phiêng Luông", "Tân Lập", "Chiềng Hắc"),
    "Vân Hồ": ("Vân Hồ", "Chiềng Khoa", "Lóng Luông", "Mường Men", "Tô Múa"),
    "Mai Sơn": ("Chiềng Mung", "Hát Lót", "Cò Nòi", "Chiềng Ban", "Mường Bằng"),
    "Yên Châu": ("Chiềng Hặc", "Sặp Vạt", "Chiềng Pằn", "Phiêng Khoài", "Lóng Phiêng"),
    "Thuận Châu": ("Tông Lạnh", "Phổng Lái", "Chiềng Pha", "Mường É", "Long Hẹ"),
    "Quỳnh Nhai": ("Mường Giôn", "Chiềng Ơn", "Mường Giàng", "Cà Nàng"),
    "Mường La": ("Ngọc Chiến", "Chiềng Lao", "Mường Bú", "Nậm Giôn"),
    "Bắc Yên": ("Tạ Khoa", "Phiêng Ban", "Hồng Ngài", "Tà Xùa"),
    "Phù Yên": ("Huy Thượng", "Tân Lang", "Mường Cơi", "Gia Phù"),
    "Sông Mã": ("Nà Nghịu", "Chiềng Khoong", "Mường Lầm", "Chiềng Sơ"),
    "Sốp Cộp": ("Mường Lạn", "Mường Và", "Dồm Cang", "Púng Bánh"),
}
_VILLAGES = ("Nà Bó", "Pá Phách", "Hua Tạt", "Co Chạy", "Bó Ẩn", "Nà Sành", "Phiêng Cằm", "Huổi Hẹ", "Tà Làng", "Bản Mòng")
_OFFICIALS = (
    ("Lường Văn Hòa", "Phó Chủ tịch UBND tỉnh"),
    ("Cầm Thị Thu", "Phó Chủ tịch HĐND tỉnh"),
    ("Vì Văn Sơn", "Phó Bí thư Tỉnh ủy"),
    ("Tòng Văn Lả", "Trưởng Ban Tuyên giáo Tỉnh ủy"),
    ("Nguyễn Văn Thắng", "Giám đốc Sở Nông nghiệp và Phát triển nông thôn"),
    ("Hà Trung Kiên", "Giám đốc Sở Kế hoạch và Đầu tư"),
    ("Quàng Thị Mai", "Trưởng Ban Dân tộc tỉnh"),
    ("Phạm Minh Đức", "Giám đốc Sở Y tế"),
    ("Lê Thị Hạnh", "Giám đốc Sở Giáo dục và Đào tạo"),
    ("Đinh Công Bằng", "Giám đốc Sở Văn hóa, Thể thao và Du lịch"),
)
_AGENCIES = (
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Kế hoạch và Đầu tư",
    "Sở Công Thương",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Tài nguyên và Môi trường",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Giao thông vận tải",
    "Sở Khoa học và Công nghệ",
    "Ban Dân tộc tỉnh",
    "Liên minh Hợp tác xã tỉnh",
)
_PERIODS = ("6 tháng đầu", "9 tháng", "quý I", "quý III")
_PROGRAMS = (
    "Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    "Chương trình mục tiêu quốc gia giảm nghèo bền vững",
    "Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi",
    "Đề án phát triển nông nghiệp hữu cơ",
    "Đề án 06 của Chính phủ",
)
_INSPECTION_TOPICS = (
    "phòng, chống cháy rừng",
    "thu hoạch và tiêu thụ nông sản",
    "xây dựng nông thôn mới",
    "giải ngân vốn đầu tư công",
    "chuẩn bị năm học mới",
    "phòng, chống thiên tai",
    "cải cách hành chính",
)
_FAIRS = (
    "Hội chợ thương mại",
    "Tuần văn hóa, du lịch",
    "Ngày hội Văn hóa các dân tộc",
    "Tuần lễ nông sản an toàn",
    "Liên hoan nghệ thuật quần chúng",
)
_TRAININGS = (
    "kỹ năng chuyển đổi số",
    "nghiệp vụ công tác dân tộc",
    "quản lý dự án đầu tư",
    "phòng cháy, chữa cháy rừng",
    "ứng dụng công nghệ cao trong sản xuất nông nghiệp",
)
_CAMPAIGNS = (
    "Tháng thanh niên",
    "Tết trồng cây",
    "tổng vệ sinh môi trường",
    "tiêm vắc xin phòng bệnh cho đàn gia súc",
    "kiểm tra an toàn thực phẩm",
    "cao điểm tấn công trấn áp tội phạm",
)
_PARTY_DOCUMENTS = (
    "Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII",
    "Chỉ thị số 05-CT/TW của Bộ Chính trị",
    "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV",
    "các văn bản mới của Trung ương và của Tỉnh ủy",
)
_SUPERVISION_TOPICS = (
    "việc thực hiện chính sách hỗ trợ đất sản xuất",
    "công tác quản lý, bảo vệ rừng",
    "việc triển khai các dự án giao thông",
    "chính sách đối với người có uy tín trong đồng bào dân tộc thiểu số",
)
_CROPS = ("xoài", "nhãn", "mận hậu", "chanh leo", "bơ sáp", "cà phê", "chè Shan tuyết", "na", "sơn tra", "mắc ca")
_MARKETS = ("Trung Quốc", "Hàn Quốc", "Nhật Bản", "Australia", "Hoa Kỳ", "Liên minh châu Âu", "Singapore")
_SECTORS = ("nông nghiệp công nghệ cao", "du lịch nghỉ dưỡng", "chế biến nông sản", "năng lượng tái tạo", "logistics")
_COOPERATIVES = (
    "Hợp tác xã Nông nghiệp Tiến Đạt",
    "Hợp tác xã Chè Tà Xùa",
    "Hợp tác xã Mận hậu Nà Ka",
    "Hợp tác xã Dịch vụ nông nghiệp Bình Minh",
    "Hợp tác xã Cà phê Chiềng Ban",
)
_ROADS = ("Quốc lộ 6", "Quốc lộ 4G", "Quốc lộ 279D", "Quốc lộ 37", "Quốc lộ 43", "đường tỉnh 110", "đường tỉnh 101")
_FESTIVALS = ("Hoa ban", "Xên bản, Xên mường", "Gầu Tào", "Xên Lẩu Nó", "Hết Chá", "Cầu mưa", "Mùa hoa mận", "Đua thuyền")
_GIFTS = ("xe đạp", "áo ấm", "sách vở và đồ dùng học tập", "học bổng", "chăn ấm")
_HEALTH_CAMPAIGNS = (
    "chiến dịch tiêm vắc xin sởi - rubella",
    "chiến dịch phòng, chống sốt xuất huyết",
    "đợt uống vắc xin bại liệt cho trẻ em",
    "chiến dịch tiêm vắc xin phòng bệnh bạch hầu",
)
_CRAFTS = ("dệt thổ cẩm", "đan lát mây tre", "nhuộm chàm", "làm giấy bản", "rèn nông cụ", "chạm bạc")
_ETHNIC_GROUPS = ("Thái", "Mông", "Mường", "Dao", "Khơ Mú", "Xinh Mun", "Kháng", "La Ha")
_SPORTS = ("bóng chuyền hơi", "kéo co", "đẩy gậy", "bắn nỏ", "tó má lẹ", "bóng đá thanh niên")
_SOCIAL_ISSUES = ("tảo hôn và hôn nhân cận huyết thống", "mua bán người", "ma túy", "di cư tự do", "lừa đảo qua mạng")
_ARTISANS = ("Lò Thị Xuân", "Vì Thị Ón", "Cầm Thị Nương", "Giàng Thị Dợ", "Hà Thị Lả")
_AUTHORS = (
    "Minh Anh", "Thu Hà", "Quốc Tuấn", "Lò Văn Tâm", "Thanh Huyền",
    "Ngọc Lan", "Hoàng Nam", "Cầm Thị Hương", "Văn Toản", "Mai Phương",
)

# (title, lead) per category; both are filled from the same _context.
_TOPICS: dict[str, tuple[tuple[str, str], ...]] = {
    "tin-tuc-su-kien": (
        ("Đồng chí {official} kiểm tra công tác {inspect_topic} tại huyện {district}",
         "{day_part} ngày {event_date}, đồng chí {official}, {position} đã dẫn đầu đoàn công tác của tỉnh kiểm tra công tác {inspect_topic} tại huyện {district}. Cùng đi có lãnh đạo {agency} và một số sở, ngành liên quan."),
        ("{agency} sơ kết công tác {period} năm {year}",
         "Ngày {event_date}, {agency} tổ chức hội nghị sơ kết công tác {period} năm {year}, triển khai nhiệm vụ trọng tâm thời gian tới. Dự hội nghị có đồng chí {official}, {position}."),
        ("Huyện {district} sơ kết {period} năm {year} thực hiện {program}",
         "Ngày {event_date}, UBND huyện {district} tổ chức hội nghị sơ kết {period} năm {year} thực hiện {program} trên địa bàn huyện."),
        ("Đoàn công tác của tỉnh thăm, làm việc tại xã {commune}, huyện {district}",
         "{day_part} ngày {event_date}, đoàn công tác của tỉnh do đồng chí {official}, {position} làm trưởng đoàn đã có buổi thăm, làm việc tại xã {commune}, huyện {district}."),
        ("Khai mạc {fair} huyện {district} năm {year}",
         "Tối ngày {event_date}, UBND huyện {district} tổ chức khai mạc {fair} năm {year}, thu hút đông đảo nhân dân và du khách tham dự."),
        ("Tập huấn {training} cho cán bộ cấp xã huyện {district}",
         "Từ ngày {event_date}, {agency} phối hợp với UBND huyện {district} tổ chức lớp tập huấn {training} cho {n_trainees} học viên là cán bộ, công chức cấp xã."),
        ("Huyện {district} ra quân {campaign} năm {year}",
         "{day_part} ngày {event_date}, huyện {district} tổ chức lễ ra quân {campaign} năm {year}, với sự tham gia của hơn {n_people} đoàn viên, thanh niên, cán bộ và nhân dân."),
        ("{agency} ký kết quy chế phối hợp với UBND huyện {district}",
         "Ngày {event_date}, {agency} và UBND huyện {district} đã tổ chức lễ ký kết quy chế phối hợp giai đoạn {year} - {next2}."),
    ),
    "chinh-tri": (
        ("Kỳ họp thứ {session} HĐND huyện {district} thông qua {n_resolutions} nghị quyết",
         "Sau {n_days} ngày làm việc khẩn trương, nghiêm túc, chiều ngày {event_date}, Kỳ họp thứ {session} HĐND huyện {district} khóa XXI, nhiệm kỳ 2021 - 2026 đã bế mạc."),
        ("Đoàn đại biểu Quốc hội tỉnh tiếp xúc cử tri xã {commune}, huyện {district}",
         "Ngày {event_date}, Đoàn đại biểu Quốc hội tỉnh đã tiếp xúc cử tri xã {commune}, huyện {district} trước kỳ họp của Quốc hội."),
        ("Hội nghị Ban Chấp hành Đảng bộ huyện {district} lần thứ {n_conference}",
         "Ngày {event_date}, Ban Chấp hành Đảng bộ huyện {district} tổ chức hội nghị lần thứ {n_conference}, nhiệm kỳ 2020 - 2025 để đánh giá kết quả thực hiện nhiệm vụ {period} năm {year}."),
        ("Ban Thường vụ Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy {district}",
         "{day_part} ngày {event_date}, đồng chí {official}, {position} chủ trì buổi làm việc của Ban Thường vụ Tỉnh ủy với Ban Thường vụ Huyện ủy {district}."),
        ("Đảng bộ xã {commune} kết nạp {n_small} đảng viên mới",
         "Ngày {event_date}, Đảng bộ xã {commune}, huyện {district} tổ chức lễ kết nạp {n_small} đảng viên mới, trong đó có nhiều đoàn viên là người dân tộc {ethnic}."),
        ("Huyện ủy {district} học tập, quán triệt {party_doc}",
         "Ngày {event_date}, Huyện ủy {district} tổ chức hội nghị học tập, quán triệt {party_doc} cho cán bộ chủ chốt của huyện."),
        ("Thường trực HĐND tỉnh giám sát {supervision} tại huyện {district}",
         "Từ ngày {event_date}, đoàn giám sát của Thường trực HĐND tỉnh do đồng chí {official}, {position} làm trưởng đoàn đã giám sát {supervision} tại huyện {district}."),
        ("Đồng chí {official} dự sinh hoạt chi bộ tại bản {village}, xã {commune}",
         "Ngày {event_date}, đồng chí {official}, {position} đã dự sinh hoạt chi bộ định kỳ tại bản {village}, xã {commune}, huyện {district}."),
    ),
    "kinh-te": (
        ("Nông dân huyện {district} thu hoạch {crop} vụ năm {year}",
         "Những ngày này, nông dân huyện {district} đang tất bật thu hoạch {crop}. Năm {year}, toàn huyện có trên {n_ha} ha {crop}, sản lượng ước đạt {n_tons} tấn."),
        ("Xuất khẩu lô {crop} {province} sang thị trường {market}",
         "Ngày {event_date}, {agency} phối hợp với UBND huyện {district} tổ chức lễ xuất khẩu lô {crop} đầu tiên của năm {year} sang thị trường {market}."),
        ("Huyện {district} phát triển vùng trồng {crop} đạt tiêu chuẩn VietGAP",
         "Thời gian qua, huyện {district} tập trung phát triển vùng trồng {crop} theo tiêu chuẩn VietGAP, từng bước nâng cao giá trị và thương hiệu nông sản địa phương."),
        ("Đẩy nhanh tiến độ giải ngân vốn đầu tư công tại huyện {district}",
         "Năm {year}, huyện {district} được giao tổng kế hoạch vốn đầu tư công trên {billions} tỷ đồng. Đến nay, huyện đã giải ngân đạt {percent}% kế hoạch."),
        ("Hội nghị xúc tiến đầu tư vào lĩnh vực {sector} năm {year}",
         "Ngày {event_date}, UBND tỉnh tổ chức hội nghị xúc tiến đầu tư vào lĩnh vực {sector} với sự tham dự của đại diện {n_businesses} doanh nghiệp, nhà đầu tư trong và ngoài nước."),
        ("{coop} nâng cao giá trị sản phẩm OCOP",
         "Với sự hỗ trợ của các cấp, các ngành, {coop} ở xã {commune}, huyện {district} đã có {n_products} sản phẩm được công nhận đạt chuẩn OCOP 3 sao, 4 sao."),
        ("Thi công nâng cấp {road} đoạn qua huyện {district}",
         "Dự án cải tạo, nâng cấp {road} đoạn qua huyện {district} có tổng mức đầu tư {billions} tỷ đồng, đến nay khối lượng thi công đạt khoảng {percent}%."),
        ("Thu ngân sách huyện {district} {period} năm {year} đạt {percent}% dự toán",
         "Theo báo cáo của UBND huyện {district}, tổng thu ngân sách nhà nước trên địa bàn {period} năm {year} ước đạt {billions} tỷ đồng, bằng {percent}% dự toán tỉnh giao."),
        ("Xã {commune} chuyển đổi {n_ha} ha đất trồng ngô sang cây ăn quả",
         "Những năm gần đây, xã {commune}, huyện {district} đã chuyển đổi {n_ha} ha đất trồng ngô trên đất dốc sang trồng cây ăn quả như {crop}, mang lại thu nhập ổn định cho người dân."),
    ),
    "van-hoa-xa-hoi": (
        ("Lễ hội {festival} huyện {district} năm {year}",
         "Tối ngày {event_date}, tại sân vận động trung tâm huyện {district}, UBND huyện tổ chức khai mạc Lễ hội {festival} năm {year}."),
        ("Trao tặng {gift} cho học sinh có hoàn cảnh khó khăn xã {commune}",
         "Ngày {event_date}, {agency} phối hợp với UBND xã {commune}, huyện {district} trao tặng {n_gifts} suất quà gồm {gift} cho học sinh có hoàn cảnh khó khăn."),
        ("Khám bệnh, cấp thuốc miễn phí cho người dân xã {commune}, huyện {district}",
         "Ngày {event_date}, Sở Y tế phối hợp với UBND huyện {district} tổ chức khám bệnh, cấp thuốc miễn phí cho {n_people} người dân xã {commune}."),
        ("Huyện {district} triển khai {health_campaign}",
         "Ngày {event_date}, Trung tâm Y tế huyện {district} đã triển khai {health_campaign} tại các xã trên địa bàn huyện."),
        ("Bàn giao nhà Đại đoàn kết cho hộ nghèo xã {commune}, huyện {district}",
         "Ngày {event_date}, Ủy ban MTTQ Việt Nam huyện {district} phối hợp với UBND xã {commune} tổ chức bàn giao {n_small} ngôi nhà Đại đoàn kết cho các hộ nghèo, hộ có hoàn cảnh khó khăn."),
        ("Bảo tồn nghề {craft} của đồng bào {ethnic} ở huyện {district}",
         "Nghề {craft} của đồng bào {ethnic} ở huyện {district} đang được các cấp, các ngành quan tâm bảo tồn, gắn với phát triển du lịch cộng đồng."),
        ("Giải {sport} các dân tộc huyện {district} năm {year}",
         "Ngày {event_date}, Trung tâm Văn hóa, Thể thao và Truyền thông huyện {district} tổ chức Giải {sport} các dân tộc huyện năm {year}, thu hút {n_teams} đội tham gia."),
        ("Tuyên truyền phòng, chống {social_issue} tại các bản vùng cao huyện {district}",
         "Thời gian qua, các cơ quan chức năng huyện {district} đã đẩy mạnh công tác tuyên truyền phòng, chống {social_issue} tới đồng bào các dân tộc ở các bản vùng cao."),
    ),
}

_GENERIC_SENTENCES = [
    "Thời gian qua, cấp ủy, chính quyền huyện {district} đã tập trung lãnh đạo, chỉ đạo các cơ quan, đơn vị triển khai đồng bộ các giải pháp.",
    "Công tác tuyên truyền được đẩy mạnh với nhiều hình thức phong phú, phù hợp với phong tục, tập quán của đồng bào các dân tộc.",
    "Lãnh đạo {agency} đề nghị các địa phương tiếp tục rà soát, đánh giá kết quả thực hiện, kịp thời tháo gỡ khó khăn, vướng mắc.",
    "Bên cạnh những kết quả đạt được, việc triển khai vẫn còn một số khó khăn do địa bàn rộng, giao thông đi lại chưa thuận lợi.",
    "Nguồn lực đầu tư còn hạn chế, trình độ của một bộ phận cán bộ cơ sở chưa đáp ứng yêu cầu nhiệm vụ.",
    "Các đại biểu đã tập trung thảo luận, đánh giá những kết quả đạt được, chỉ ra những tồn tại, hạn chế và nguyên nhân.",
    "Đồng chí {official}, {position} ghi nhận, biểu dương những kết quả mà huyện {district} đã đạt được trong thời gian qua.",
    "Trong thời gian tới, các cơ quan, đơn vị cần tiếp tục phối hợp chặt chẽ, phát huy tinh thần trách nhiệm, hoàn thành tốt các chỉ tiêu, nhiệm vụ năm {year}.",
    "Huyện {district} sẽ tiếp tục huy động các nguồn lực, lồng ghép các chương trình, dự án để đạt mục tiêu đề ra.",
    "Nhiều mô hình hay, cách làm sáng tạo đã được nhân rộng, tạo sức lan tỏa trong cộng đồng.",
    "Người dân xã {commune} phấn khởi, tin tưởng vào sự lãnh đạo của Đảng, sự quản lý, điều hành của chính quyền các cấp.",
    "Đến nay, toàn huyện có {n_small} xã đạt chuẩn nông thôn mới, tỷ lệ hộ nghèo giảm còn {poverty}%.",
    "Ban Chỉ đạo huyện {district} đã thành lập các tổ công tác, phân công cán bộ phụ trách từng xã, từng bản.",
    "Công tác kiểm tra, giám sát được tăng cường, bảo đảm việc triển khai đúng quy định, hiệu quả, công khai, minh bạch.",
]

_SENTENCES: dict[str, list[str]] = {
    "tin-tuc-su-kien": [
        "Tại buổi làm việc, lãnh đạo huyện {district} đã báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh {period} năm {year}.",
        "Đoàn công tác đã đi kiểm tra thực tế tại xã {commune} và xã {commune2}, trực tiếp trao đổi với cán bộ và người dân.",
        "Kết thúc đợt kiểm tra, đồng chí {official} yêu cầu huyện {district} khẩn trương khắc phục những tồn tại, hạn chế được chỉ ra.",
        "Hội nghị đã thông qua kế hoạch triển khai nhiệm vụ trọng tâm, phân công cụ thể cho từng cơ quan, đơn vị.",
        "Dịp này, {n_small} tập thể và cá nhân có thành tích xuất sắc đã được khen thưởng.",
        "Các hoạt động diễn ra sôi nổi, thu hút đông đảo cán bộ, chiến sĩ và nhân dân các dân tộc trên địa bàn tham gia.",
        "Ban Tổ chức đã bố trí lực lượng bảo đảm an ninh trật tự, an toàn giao thông và vệ sinh môi trường trong suốt thời gian diễn ra sự kiện.",
        "Lớp tập huấn giúp học viên nắm vững kiến thức, kỹ năng, vận dụng vào thực tiễn công tác tại cơ sở.",
        "Theo quy chế phối hợp, hai bên sẽ thường xuyên trao đổi thông tin, phối hợp xây dựng kế hoạch và tổ chức sơ kết hằng năm.",
        "Theo báo cáo, {period} năm {year}, tốc độ tăng trưởng kinh tế của huyện {district} ước đạt {growth}%.",
        "Lãnh đạo {agency} cho biết sẽ tiếp tục đồng hành, hỗ trợ huyện {district} trong triển khai các nhiệm vụ chuyên môn.",
        "Ngay sau lễ ra quân, các lực lượng đã tỏa về các xã, bản để dọn vệ sinh, trồng cây xanh, sửa chữa đường giao thông nông thôn.",
    ],
    "chinh-tri": [
        "Kỳ họp đã xem xét, thảo luận và thông qua các nghị quyết quan trọng về phát triển kinh tế - xã hội, dự toán ngân sách và kế hoạch đầu tư công.",
        "Cử tri huyện {district} đã nêu nhiều ý kiến, kiến nghị liên quan đến đất đai, giao thông nông thôn, chính sách hỗ trợ người có công và đồng bào dân tộc thiểu số.",
        "Đồng chí {official} đã tiếp thu, giải trình các ý kiến thuộc thẩm quyền và cho biết sẽ tổng hợp, chuyển đến các cơ quan có thẩm quyền xem xét, giải quyết.",
        "Hội nghị đã dành thời gian thảo luận dân chủ, thẳng thắn các giải pháp thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ huyện {district} nhiệm kỳ 2020 - 2025.",
        "Công tác xây dựng Đảng, xây dựng hệ thống chính trị được quan tâm; chất lượng sinh hoạt chi bộ từng bước được nâng lên.",
        "Toàn Đảng bộ huyện {district} đã kết nạp được {n_members} đảng viên mới, đạt {percent}% chỉ tiêu Nghị quyết.",
        "Các đảng viên mới đều được lựa chọn từ những quần chúng ưu tú, có phẩm chất đạo đức tốt, tích cực trong lao động sản xuất.",
        "Đoàn giám sát đề nghị UBND huyện {district} chỉ đạo các cơ quan chuyên môn rà soát, hoàn thiện hồ sơ, bảo đảm đúng đối tượng, đúng quy định.",
        "Buổi sinh hoạt diễn ra dân chủ, cởi mở; các đảng viên đã nêu cao tinh thần tự phê bình và phê bình.",
        "Đồng chí {official} đề nghị chi bộ bản {village} tiếp tục phát huy vai trò hạt nhân lãnh đạo, vận động nhân dân phát triển kinh tế, giữ gìn an ninh trật tự.",
        "Việc học tập, quán triệt được tổ chức nghiêm túc, bảo đảm 100% cán bộ, đảng viên được tiếp thu đầy đủ nội dung cơ bản.",
        "Ban Thường vụ Huyện ủy {district} đã ban hành kế hoạch thực hiện, cụ thể hóa thành các chương trình, đề án phù hợp với điều kiện của địa phương.",
    ],
    "kinh-te": [
        "Năm nay thời tiết thuận lợi, cây {crop} sinh trưởng tốt, cho năng suất cao hơn năm trước.",
        "Giá bán {crop} tại vườn dao động từ {price} đồng/kg, sau khi trừ chi phí, nhiều hộ thu lãi hàng trăm triệu đồng.",
        "Để bảo đảm chất lượng sản phẩm xuất khẩu, các vùng trồng đã được cấp mã số và áp dụng quy trình sản xuất theo tiêu chuẩn VietGAP, GlobalGAP.",
        "Hiện toàn tỉnh có trên {n_codes} mã số vùng trồng được cấp phục vụ xuất khẩu sang các thị trường khó tính.",
        "Các hợp tác xã đã chủ động liên kết với doanh nghiệp thu mua, chế biến, giúp đầu ra của sản phẩm ổn định.",
        "Huyện {district} đã thành lập tổ công tác đặc biệt để đôn đốc, tháo gỡ vướng mắc trong giải phóng mặt bằng.",
        "Một số dự án chậm giải ngân do vướng mắc về thủ tục đầu tư, công tác bồi thường, hỗ trợ tái định cư.",
        "Tỉnh cam kết tạo mọi điều kiện thuận lợi, đồng hành cùng nhà đầu tư trong quá trình triển khai dự án.",
        "Sản phẩm của hợp tác xã đã có mặt tại nhiều siêu thị, cửa hàng nông sản sạch ở Hà Nội và các tỉnh lân cận.",
        "Doanh thu bình quân của hợp tác xã đạt trên {billions_small} tỷ đồng/năm, tạo việc làm thường xuyên cho {n_workers} lao động địa phương.",
        "Khi hoàn thành, tuyến đường sẽ góp phần rút ngắn thời gian đi lại, thúc đẩy giao thương hàng hóa giữa các địa phương.",
        "Nhà thầu đã huy động tối đa máy móc, nhân lực, tăng ca thi công để bảo đảm tiến độ đề ra.",
        "Các khoản thu từ thuế, phí và thu tiền sử dụng đất đều đạt khá so với cùng kỳ năm trước.",
        "Ngành Nông nghiệp khuyến cáo người dân không chạy theo phong trào, cần tuân thủ quy hoạch và quy trình kỹ thuật trong sản xuất.",
    ],
    "van-hoa-xa-hoi": [
        "Lễ hội là dịp để tôn vinh, bảo tồn và phát huy các giá trị văn hóa truyền thống của đồng bào các dân tộc trên địa bàn.",
        "Trong khuôn khổ lễ hội diễn ra nhiều hoạt động như thi trình diễn trang phục dân tộc, thi ẩm thực, các trò chơi dân gian và giải thể thao.",
        "Những món quà tuy không lớn về giá trị vật chất nhưng đã động viên, khích lệ các em vượt khó, vươn lên trong học tập.",
        "Các y, bác sĩ đã khám, tư vấn sức khỏe và cấp phát thuốc điều trị các bệnh thông thường cho người dân.",
        "Mỗi ngôi nhà có diện tích từ 60 - 80m², được hỗ trợ {support} triệu đồng từ Quỹ Vì người nghèo các cấp.",
        "Hiện cả xã có {n_households} hộ tham gia sản xuất, nhiều sản phẩm được du khách trong và ngoài nước ưa chuộng.",
        "Nghệ nhân {elder} chia sẻ, bà đã truyền dạy nghề cho hàng chục thanh niên trong bản để nghề truyền thống không bị mai một.",
        "Các trận đấu diễn ra sôi nổi, hấp dẫn, thể hiện tinh thần đoàn kết, thượng võ giữa các vận động viên.",
        "Ban Tổ chức đã trao giải Nhất, Nhì, Ba và giải Khuyến khích cho các đội có thành tích cao.",
        "Lực lượng chức năng đã phối hợp với già làng, trưởng bản, người có uy tín tuyên truyền bằng tiếng dân tộc để người dân dễ hiểu, dễ nhớ.",
        "Nhờ đó, nhận thức của người dân được nâng lên, số vụ việc vi phạm giảm rõ rệt so với cùng kỳ.",
        "Ngành Y tế khuyến cáo người dân chủ động đưa trẻ đi tiêm chủng đầy đủ, đúng lịch để phòng bệnh.",
        "Năm học {school_year}, toàn huyện {district} có {n_schools} trường học với trên {n_students} học sinh các cấp.",
    ],
}

# Running text that happens to use the words of the sidebar's visitor counter
# ("Hôm nay:", "Trong tuần:", "Tất cả:"): a boilerplate filter must keep it.
_BOILERPLATE_LOOKALIKES = (
    "Hôm nay, {agency} tiếp tục cử cán bộ chuyên môn xuống các xã của huyện {district} để hướng dẫn, hỗ trợ người dân.",
    "Trong tuần qua, lực lượng chức năng huyện {district} đã kiểm tra {n_small} cơ sở, nhắc nhở các hộ kinh doanh chấp hành đúng quy định.",
    "Đến nay, tất cả các xã trên địa bàn huyện {district} đã có đường ô tô đến trung tâm xã và được phủ sóng điện thoại di động.",
    "Tất cả các bản trên địa bàn xã {commune} đều đã thành lập tổ tự quản về an ninh trật tự.",
)

# None stands for the article's own title, a caption some editors reuse.
_CAPTIONS = (
    None,
    "Đồng chí {official}, {position} phát biểu tại buổi làm việc.",
    "Quang cảnh hội nghị.",
    "Các đại biểu tham quan mô hình trồng {crop} tại xã {commune}.",
    "Lãnh đạo huyện {district} trao quà cho các hộ gia đình.",
    "Đoàn công tác kiểm tra thực tế tại xã {commune}, huyện {district}.",
    "Các đại biểu tham dự hội nghị.",
    "Người dân xã {commune2} tham gia các hoạt động.",
)
