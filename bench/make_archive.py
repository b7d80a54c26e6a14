"""Generate a large, realistic archive for the search benchmark.

Usage: python bench/make_archive.py OUT.db [--articles 200000] [--seed 1] [--workers 2] [--force]

The text is drawn from a vocabulary of some 20,000 units with Zipf-like
frequencies (s = 1.1): a few hundred common words and administrative terms
at the top, then thousands of Vietnamese syllables (composed from onsets,
rhymes and tones with proper spelling and tone placement), place names and
about 2,000 personal names, so common words are in most articles and rare
ones in a handful. Every run with the same --articles and --seed writes the
same archive, whatever the number of workers.

Rows go in with the project's schema (``ensure_schema``) in bulk (big
transactions, no journal, then back to WAL); the search index, which reads
its text from the articles (scraper/archive/schema.py), is then built in one
pass per index, with FTS5's default settings: a larger in-memory buffer and
fewer merges (hashsize 256 MiB, automerge 16) built 500,000 articles'
indexes in 161 s instead of 238 s, but left them in a shape whose later writes stalled on big
merges (25 ms per article on average at 500,000 against a median of 2 ms;
3 ms on archives built as here), so archives made that way would not measure the
crawl's write cost truthfully.

A few "needle" phrases that the vocabulary never produces are put in a known
number of articles, for rare queries with known small result counts.
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing
import os
import random
import re
import sys
import time
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlite_utils  # noqa: E402

from scraper.archive.schema import EXACT_FTS_TABLE, FTS_TABLE, ensure_schema  # noqa: E402
from scraper.archive.store import article_id  # noqa: E402
from scraper.extract.vietnamese import fold  # noqa: E402

ZIPF_S = 1.1
CHUNK = 2000  # articles generated per task
COMMIT_EVERY = 50_000  # articles per transaction

# ---------------------------------------------------------------------------
# Syllables: onsets x rhymes x tones, with Vietnamese spelling rules.

ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
          "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"]
OPEN_RHYMES = ["a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu",
               "ia", "iu", "oa", "oe", "oi", "ôi", "ơi", "ua", "uê", "ui", "uy", "ưa", "ưi", "ưu", "oai", "oay",
               "uôi", "ươi", "ươu", "iêu"]
# nucleus -> codas it takes
CLOSED_RHYMES = {
    "a": "c ch m n ng nh p t", "ă": "c m n ng p t", "â": "c m n ng p t", "e": "m n p t", "ê": "ch m n nh p t",
    "i": "ch m n nh p t", "o": "c m n ng p t", "ô": "c m n ng p t", "ơ": "m n p t", "u": "c m n ng p t",
    "ư": "c ng t", "iê": "c m n ng p t", "uô": "c m n ng t", "ươ": "c m n ng p t", "oa": "c ch m n ng nh t",
    "oă": "c n ng t", "uâ": "n ng t", "uyê": "n t", "oe": "n t", "uy": "ch n nh t",
}
STOP_CODAS = {"c", "ch", "p", "t"}
TONE_MARKS = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]  # ngang huyền sắc hỏi ngã nặng
FRONT = ("i", "e", "ê", "y")
LABIALS = {"b", "m", "p", "ph", "v"}
MEDIAL_W = ("oa", "oă", "oe", "uâ", "uy", "uyê")
P_RHYMES = {"a", "in", "ô", "pin", "i"}  # p only in a few loanwords


def _rhymes() -> list[tuple[str, str]]:
    rhymes = [(vowels, "") for vowels in OPEN_RHYMES]
    for nucleus, codas in CLOSED_RHYMES.items():
        rhymes += [(nucleus, coda) for coda in codas.split()]
    return rhymes


def _allowed(onset: str, vowels: str) -> bool:
    front = vowels.startswith(FRONT)
    if onset in ("c", "g", "ng") and front:
        return False
    if onset in ("k", "gh", "ngh") and not front:
        return False
    if onset == "qu" and vowels.startswith(("o", "u", "ư", "ô")) and not vowels.startswith("uy"):
        return False  # qu + uy is spelled quy, quyên
    if onset == "qu" and vowels.startswith(("iê", "ia", "iu")):
        return False
    if onset == "gi" and vowels.startswith(("i", "y")):
        return False
    if onset in LABIALS and vowels.startswith(MEDIAL_W):
        return False
    if onset in ("c", "g", "k", "gh") and vowels.startswith(("uy", "uâ")):
        return False
    if vowels == "y" and onset not in ("", "h", "k", "l", "m", "s", "t", "v"):
        return False
    if onset == "p" and vowels not in ("a", "i", "ô"):
        return False
    return True


def _spell(onset: str, vowels: str) -> str:
    if onset == "" and vowels.startswith("iê"):
        return "y" + vowels[1:]  # yên, yêu
    if onset == "qu" and vowels.startswith("uy"):
        return vowels[1:]  # quy, quyên
    return vowels


def _tone_index(vowels: str, coda: str) -> int:
    """Where the tone mark goes, in the traditional style used by most portals (hóa, thủy)."""
    if "ươ" in vowels:
        return vowels.index("ươ") + 1
    marked = [i for i, ch in enumerate(vowels) if ch in "ăâêôơư"]
    if marked:
        return marked[-1]
    if len(vowels) == 1:
        return 0
    if coda:
        return len(vowels) - 1
    if len(vowels) == 3:
        return 1
    return 0


def syllables() -> list[str]:
    out = []
    for onset in ONSETS:
        for vowels, coda in _rhymes():
            if not _allowed(onset, vowels):
                continue
            spelled = _spell(onset, vowels)
            index = _tone_index(spelled, coda)
            tones = (2, 5) if coda in STOP_CODAS else range(6)
            for tone in tones:
                marked = unicodedata.normalize("NFC", spelled[:index + 1] + TONE_MARKS[tone]) + spelled[index + 1:]
                out.append(onset + marked + coda)
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------------------
# Words, phrases, places and names.

COMMON = """và|của|các|có|được|trong|cho|với|là|người|những|đã|năm|tỉnh|huyện|không|này|đến|một|ngày|tại|để|về|theo|từ
công tác|phát triển|nhân dân|thực hiện|đồng chí|xã|trên|đó|cũng|cán bộ|kinh tế|xã hội|nhiều|quản lý|hoạt động|đơn vị
địa phương|triển khai|hội nghị|đồng thời|chính quyền|Ủy ban nhân dân|sẽ|khi|như|hơn|đang|tổ chức|lãnh đạo|nâng cao
đầu tư|chỉ đạo|kế hoạch|dự án|doanh nghiệp|chương trình|cơ quan|hiệu quả|tiếp tục|tăng cường|Đảng|Nhà nước|chính sách
sản xuất|nông nghiệp|giáo dục|y tế|văn hóa|du lịch|an ninh|quốc phòng|trật tự|an toàn|giao thông|môi trường|tài nguyên
đất đai|xây dựng|hạ tầng|nông thôn mới|giảm nghèo|hộ nghèo|đồng bào|dân tộc|thiểu số|vùng|miền núi|biên giới
cải cách hành chính|thủ tục|hồ sơ|trực tuyến|chuyển đổi số|công nghệ|thông tin|truyền thông|báo cáo|kết quả|đánh giá
kiểm tra|giám sát|thanh tra|vốn|ngân sách|tỷ đồng|triệu đồng|sở|ban|ngành|đoàn thể|Mặt trận Tổ quốc
Hội đồng nhân dân|kỳ họp|nghị quyết|quyết định|văn bản|phong trào|thi đua|khen thưởng|bằng khen|lễ|kỷ niệm|chúc mừng
thăm|tặng quà|gia đình|người có công|thương binh|liệt sĩ|học sinh|sinh viên|giáo viên|trường|bệnh viện|bác sĩ
dịch bệnh|phòng chống|tiêm chủng|thời tiết|mưa lũ|thiên tai|sạt lở|cứu hộ|khắc phục|hậu quả|thiệt hại|hỗ trợ
kinh phí|nguồn|thu nhập|bình quân|đầu người|tăng trưởng|tỷ lệ|so với|cùng kỳ|tháng|quý|giai đoạn|mục tiêu|nhiệm vụ
giải pháp|trọng tâm|đột phá|khó khăn|vướng mắc|đề xuất|kiến nghị|ý kiến|phát biểu|nhấn mạnh|yêu cầu|đề nghị|tham dự
chủ trì|Phó Chủ tịch|Chủ tịch|Bí thư|Tỉnh ủy|Huyện ủy|Thường trực|Giám đốc|Phó Giám đốc|Trưởng phòng|các cấp|cơ sở
người dân|trên địa bàn|bên cạnh đó|tuy nhiên|ngoài ra|đặc biệt|hiện nay|thời gian qua|trong thời gian tới|vì vậy
góp phần|bảo đảm|tập trung|quan tâm|tích cực|chủ động|kịp thời|nghiêm túc|đầy đủ|rà soát|tuyên truyền|vận động
nhận thức|trách nhiệm|tham gia|phối hợp|liên quan|thường xuyên|cụ thể|toàn diện|bền vững|chất lượng|số lượng|lĩnh vực"""

TERMS = """khu công nghiệp|cụm công nghiệp|xuất khẩu|nhập khẩu|cà phê|chè|lúa|ngô|cây ăn quả|xoài|nhãn|mận|bò sữa|chăn nuôi
thủy sản|lâm nghiệp|trồng rừng|bảo vệ rừng|cháy rừng|điện lực|thủy điện|năng lượng tái tạo|điện mặt trời|cao tốc|quốc lộ
tỉnh lộ|cầu|đường|bến xe|sân bay|cảng|thương mại điện tử|ngân hàng|tín dụng|lãi suất|bảo hiểm xã hội|bảo hiểm y tế|việc làm
lao động|xuất khẩu lao động|đào tạo nghề|hợp tác xã|sản phẩm OCOP|thương hiệu|chỉ dẫn địa lý|lễ hội|di tích|di sản
văn hóa phi vật thể|thể thao|giải bóng đá|đại hội|nhiệm kỳ|bầu cử|đại biểu|cử tri|tiếp xúc cử tri|khiếu nại|tố cáo
tiếp công dân|phòng chống tham nhũng|tiêu cực|lãng phí|thực hành tiết kiệm|ma túy|tội phạm|buôn lậu|gian lận thương mại
hàng giả|an toàn thực phẩm|vệ sinh|nước sạch|rác thải|xử lý|ô nhiễm|biến đổi khí hậu|hạn hán|xâm nhập mặn|đê điều|thủy lợi
hồ chứa|kênh mương|nhà ở xã hội|đô thị|quy hoạch|giải phóng mặt bằng|tái định cư|bồi thường|đấu giá|quyền sử dụng đất
giấy chứng nhận|cấp phép|kiểm soát|dân số|kế hoạch hóa gia đình|trẻ em|phụ nữ|thanh niên|Đoàn Thanh niên
Hội Liên hiệp Phụ nữ|Hội Nông dân|Hội Cựu chiến binh|Công đoàn|quân sự|biên phòng|công an|Bộ đội Biên phòng|huấn luyện
tuyển quân|giao quân|dân quân tự vệ|diễn tập|phòng cháy chữa cháy|cứu nạn|tai nạn giao thông|vi phạm|xử phạt
kiểm lâm|khuyến nông|giống cây trồng|phân bón|thuốc bảo vệ thực vật|dịch tả lợn châu Phi|cúm gia cầm|tiêm phòng
sốt xuất huyết|sởi|bạch hầu|COVID-19|vắc xin|y tế cơ sở|trạm y tế|khám chữa bệnh|bảo hiểm|người cao tuổi|người khuyết tật
trẻ mồ côi|bảo trợ xã hội|nhà đại đoàn kết|nhà tạm|xóa nhà tạm|học bổng|kỳ thi|tốt nghiệp|trung học phổ thông|mầm non
tiểu học|trung học cơ sở|chuẩn quốc gia|phổ cập|xóa mù chữ|thư viện|bảo tàng|nhà văn hóa|văn nghệ|khắc phục hậu quả
chữ thập đỏ|hiến máu|nhân đạo|từ thiện|quỹ vì người nghèo|an sinh xã hội|tổng kết|sơ kết|hội thảo|tọa đàm|tập huấn
bồi dưỡng|đối thoại|hội nghị trực tuyến|đoàn công tác|làm việc|khảo sát|thực địa|tiến độ|giải ngân|vốn đầu tư công
nguồn vốn|ngân sách trung ương|ngân sách địa phương|xã hội hóa|thu ngân sách|thuế|hải quan|kho bạc|kiểm toán|tài chính
kế toán|thống kê|điều tra|tổng điều tra|chỉ số|năng lực cạnh tranh|PCI|PAPI|SIPAS|môi trường đầu tư|xúc tiến đầu tư
thu hút đầu tư|nhà đầu tư|khởi công|khánh thành|nghiệm thu|bàn giao|đưa vào sử dụng|công trình|hạng mục|gói thầu
đấu thầu|nhà thầu|chủ đầu tư|tư vấn|thiết kế|dự toán|quyết toán|ký kết|hợp tác|hữu nghị|Lào|Trung Quốc|Campuchia
đối ngoại|ngoại giao|kiều bào|cửa khẩu|lối mở|mốc giới|tuần tra|song phương|kết nghĩa|giao lưu|văn hóa văn nghệ
bản|làng|thôn|tổ dân phố|phường|thị trấn|thị xã|thành phố|trung tâm|hành chính công|một cửa|liên thông|dịch vụ công
chữ ký số|căn cước|định danh điện tử|VNeID|Đề án 06|cơ sở dữ liệu|dữ liệu dân cư|an toàn thông tin|an ninh mạng
tin giả|báo chí|phóng viên|cổng thông tin điện tử|mạng xã hội|Zalo|Facebook|đường dây nóng|phản ánh|kiến nghị của cử tri"""

PROVINCES = """Hà Nội|Thành phố Hồ Chí Minh|Hải Phòng|Đà Nẵng|Cần Thơ|Hà Giang|Cao Bằng|Bắc Kạn|Tuyên Quang|Lào Cai|Điện Biên
Lai Châu|Sơn La|Yên Bái|Hòa Bình|Thái Nguyên|Lạng Sơn|Quảng Ninh|Bắc Giang|Phú Thọ|Vĩnh Phúc|Bắc Ninh|Hải Dương|Hưng Yên
Thái Bình|Hà Nam|Nam Định|Ninh Bình|Thanh Hóa|Nghệ An|Hà Tĩnh|Quảng Bình|Quảng Trị|Thừa Thiên Huế|Quảng Nam|Quảng Ngãi
Bình Định|Phú Yên|Khánh Hòa|Ninh Thuận|Bình Thuận|Kon Tum|Gia Lai|Đắk Lắk|Đắk Nông|Lâm Đồng|Bình Phước|Tây Ninh
Bình Dương|Đồng Nai|Bà Rịa - Vũng Tàu|Long An|Tiền Giang|Bến Tre|Trà Vinh|Vĩnh Long|Đồng Tháp|An Giang|Kiên Giang|Hậu Giang
Sóc Trăng|Bạc Liêu|Cà Mau"""

DISTRICTS = """Mộc Châu|Mai Sơn|Thuận Châu|Quỳnh Nhai|Sông Mã|Sốp Cộp|Phù Yên|Bắc Yên|Yên Châu|Vân Hồ|Mường La|Mường Tè|Sìn Hồ
Phong Thổ|Tam Đường|Than Uyên|Tân Uyên|Nậm Nhùn|Mường Nhé|Mường Chà|Tủa Chùa|Tuần Giáo|Điện Biên Đông|Mường Ảng|Nậm Pồ|Sa Pa
Bát Xát|Bắc Hà|Si Ma Cai|Mường Khương|Văn Bàn|Bảo Yên|Bảo Thắng|Đồng Văn|Mèo Vạc|Yên Minh|Quản Bạ|Hoàng Su Phì|Xín Mần
Bắc Mê|Vị Xuyên|Mù Cang Chải|Trạm Tấu|Văn Chấn|Lục Yên|Lâm Bình|Na Hang|Chiêm Hóa|Hàm Yên|Sơn Dương|Ba Bể|Pác Nặm|Ngân Sơn
Chợ Đồn|Bảo Lạc|Bảo Lâm|Hà Quảng|Trùng Khánh|Hạ Lang|Quảng Hòa|Thạch An|Nguyên Bình|Đình Lập|Lộc Bình|Cao Lộc|Tràng Định
Bình Gia|Bắc Sơn|Hữu Lũng|Chi Lăng|Vân Đồn|Cô Tô|Móng Cái|Hạ Long|Cẩm Phả|Uông Bí|Đông Triều|Quảng Yên|Tiên Yên|Bình Liêu
Đầm Hà|Hải Hà|Ba Chẽ|Kỳ Sơn|Tương Dương|Con Cuông|Quế Phong|Quỳ Châu|Mường Lát|Quan Sơn|Quan Hóa|Bá Thước|Lang Chánh
Thường Xuân|Như Xuân|Minh Hóa|Tuyên Hóa|Hướng Hóa|Đakrông|A Lưới|Nam Đông|Tây Giang|Đông Giang|Nam Trà My|Bắc Trà My
Phước Sơn|Ba Tơ|Sơn Tây|Minh Long|Kon Plông|Đăk Glei|Ngọc Hồi|Sa Thầy|Chư Prông|Chư Sê|Krông Pa|Ia Grai|Đức Cơ|Buôn Đôn
Ea Súp|Krông Bông|M'Drắk|Tuy Đức|Đắk Mil|Đam Rông|Lạc Dương|Đơn Dương|Bù Gia Mập|Bù Đăng|Lộc Ninh|Tân Biên|Châu Thành
Cần Giờ|Côn Đảo|Phú Quốc|Kiên Hải|Năm Căn|Ngọc Hiển|U Minh|Trần Văn Thời|Chiềng Sinh|Chiềng Cơi|Chiềng Mung|Chiềng Ban
Mường Bú|Mường Chùm|Tạ Bú|Nà Nghịu|Chiềng Khoong|Mường Lầm|Púng Bánh|Xím Vàng|Hang Chú|Tà Xùa|Long Hẹ|Co Mạ|Pá Lông
Lóng Sập|Đông Sang|Tân Lập|Vân Hồ|Lóng Luông|Chiềng Yên|Tô Múa|Mường Sại|Liệp Tè|Phỏng Lái|Chiềng Pấc|Nậm Lầu"""

FAMILY = ("Nguyễn*30 Trần*8 Lê*8 Phạm*6 Hoàng*4 Huỳnh*2 Phan*3 Vũ*3 Võ*2 Đặng*2 Bùi*2 Đỗ*2 Hồ*1 Ngô*1 Dương*1 Lý*1 Lò*2 "
          "Cầm*1 Hà*2 Sùng*1 Giàng*1 Lường*1 Quàng*1 Vì*1 Tòng*1 Đinh*2 Mai*1 Trịnh*1 Lương*1 Tạ*1 Cao*1 Lâm*1 Đoàn*1 "
          "Vương*1 Triệu*1 Thào*1 Mùa*1 Chu*1 Kiều*1 Nông*1 Hứa*1 Bế*1 Ma*1 Lầu*1 Hờ*1 Mào*1")
MIDDLE = ("Văn*12 Thị*12 Hữu*2 Đức*3 Minh*3 Thanh*3 Quốc*2 Ngọc*2 Xuân*2 Thu*1 Hồng*2 Kim*1 Anh*1 Công*1 Đình*2 Quang*2 "
          "Bá*1 Trọng*1 Thế*1 Mạnh*1 Tiến*1 Hoài*1 Phương*1 Bích*1 Thúy*1 A*2 Seo*1 Mí*1 Khánh*1 Hải*1 Việt*1 Tuấn*1")
EXTRA_MIDDLE = "Thanh Minh Ngọc Thu Hồng Kim Xuân Hoài Phương Bích Quốc Anh Hải Đức".split()
GIVEN = ("An Anh Bình Cường Dũng Dung Giang Hà Hải Hạnh Hiếu Hòa Hoa Hùng Huy Hương Lan Linh Long Mai Minh Nam Nga Ngọc "
         "Nhung Phong Phúc Phương Quân Quang Sơn Tâm Thắng Thảo Thành Thủy Trang Trung Tuấn Tùng Vân Việt Vinh Yến Khánh "
         "Khoa Lâm Lợi Luân Nghĩa Oanh Quyết Thịnh Toàn Tú Uyên Xuân Chiến Chính Đạt Điệp Đông Páo Sình Chứ Dính Lử Tráng "
         "Cang Hặc Khăm Ón Pấng Chăm Ngoan Thơm Hiền Duyên Loan Hằng Thúy Huệ Hưng Kiên Lực Mạnh Nhân Tài Thái Thiện "
         "Trường Tuyết Vượng Bảo Châu Diệp Hạ Khải Lộc Nguyên Quý Sang Thông Tiến Tín Trí Tươi Xiêm Yên")

# Phrases the vocabulary never produces, put in a known number of articles.
NEEDLES = [
    ("Đặng Ngọc Hậu", 40),  # a person, the example the archive's own docs use
    ("Pá Vầy Sủ", 25),  # a commune of Xín Mần, Hà Giang
    ("Giàng Seo Phử", 30),  # a person whose name has rarer syllables
    ("cáp treo", 60),  # a rare two-word term
]
NEEDLE_AUTHOR = "Đặng Ngọc Hậu"

SITES = ("sonla.gov.vn*8 laichau.gov.vn*4 dienbien.gov.vn*4 laocai.gov.vn*5 hagiang.gov.vn*4 yenbai.gov.vn*4 "
         "caobang.gov.vn*3 backan.gov.vn*2 langson.gov.vn*4 tuyenquang.gov.vn*3 thainguyen.gov.vn*5 hoabinh.gov.vn*3 "
         "phutho.gov.vn*4 quangninh.gov.vn*6 bacgiang.gov.vn*4 thanhhoa.gov.vn*6 nghean.gov.vn*6 hatinh.gov.vn*3 "
         "quangtri.gov.vn*2 kontum.gov.vn*2 chinhphu.vn*10")
CATEGORIES = ("Tin tức - Sự kiện*10|Chính trị*5|Kinh tế*6|Văn hóa - Xã hội*6|Nông nghiệp - Nông thôn*4|Giáo dục*3|"
              "Y tế*3|Quốc phòng - An ninh*3|Cải cách hành chính*2|Chuyển đổi số*2|Tin địa phương*5|Thông báo*2")
DOCUMENTS = [("Quyết định", "QĐ-UBND"), ("Kế hoạch", "KH-UBND"), ("Công văn", "UBND-KT"), ("Thông báo", "TB-VP"),
             ("Nghị quyết", "NQ-HĐND"), ("Chỉ thị", "CT-UBND"), ("Quyết định", "QĐ-TTg"), ("Nghị định", "NĐ-CP"),
             ("Thông tư", "TT-BTC"), ("Công văn", "SNN-KH"), ("Kế hoạch", "KH-SGDĐT"), ("Báo cáo", "BC-UBND")]
EXTRACTORS = ("vnportal/2", "vnportal/1", "generic")


def _weighted(spec: str, sep: str = " ") -> tuple[list[str], list[int]]:
    names, weights = [], []
    for item in spec.split(sep):
        name, _, weight = item.strip().partition("*")
        names.append(name)
        weights.append(int(weight or 1))
    return names, weights


def _split(block: str) -> list[str]:
    return [item.strip() for item in block.replace("\n", "|").split("|") if item.strip()]


def person_names(rng: random.Random, count: int = 2000) -> list[str]:
    families, fw = _weighted(FAMILY)
    middles, mw = _weighted(MIDDLE)
    given = GIVEN.split()
    excluded = {phrase for phrase, _ in NEEDLES}
    names: dict[str, None] = {}
    while len(names) < count:
        name = f"{rng.choices(families, fw)[0]} {rng.choices(middles, mw)[0]} {rng.choice(given)}"
        if rng.random() < 0.15:  # four-part names: Nguyễn Thị Thanh Hương
            family, middle, last = name.split()
            name = f"{family} {middle} {rng.choice(EXTRA_MIDDLE)} {last}"
        if name not in excluded:
            names[name] = None
    return list(names)


def vocabulary(seed: int) -> tuple[list[str], list[str]]:
    """Units ranked for Zipf draws (most common first), and the pool of authors."""
    rng = random.Random(f"vocabulary:{seed}")
    common = list(dict.fromkeys(_split(COMMON)))
    terms = [t for t in dict.fromkeys(_split(TERMS)) if t not in common]
    places = list(dict.fromkeys(_split(PROVINCES) + _split(DISTRICTS)))
    names = person_names(rng)
    taken = set(common) | set(terms)
    syllable_list = [s for s in syllables() if s not in taken]
    numbers = [str(n) for n in range(1, 101)] + [str(y) for y in range(2010, 2027)] + \
              [f"{n}%" for n in range(1, 100, 3)] + [f"{n}.{m:03d}" for n in range(1, 30) for m in (0, 200, 500)]
    # The curated common words keep their order (a small shuffle inside blocks of 20);
    # the rest is ranked by a random key whose scale pulls terms and places forward.
    head = []
    for start in range(0, len(common), 20):
        block = common[start:start + 20]
        rng.shuffle(block)
        head += block
    rest = [(rng.random() * 0.25, t) for t in terms] + [(rng.random() * 0.6, p) for p in places] + \
           [(rng.random() * 0.5, n) for n in numbers] + [(0.5 + rng.random() / 2, n) for n in names] + \
           [(rng.random(), s) for s in syllable_list]
    rest.sort()
    units = head + [unit for _, unit in rest]
    authors = rng.sample(names, 600)
    return units, authors


# ---------------------------------------------------------------------------
# Articles.

VN = timezone(timedelta(hours=7))
START = datetime(2015, 1, 1, tzinfo=VN).timestamp()
END = datetime(2026, 6, 30, tzinfo=VN).timestamp()
_SLUG = re.compile(r"[^a-z0-9]+")

_state: dict = {}


def _init(seed: int, articles: int) -> None:
    units, authors = vocabulary(seed)
    cum = list(itertools.accumulate(r ** -ZIPF_S for r in range(1, len(units) + 1)))
    author_cum = list(itertools.accumulate(r ** -0.8 for r in range(1, len(authors) + 1)))
    sites, site_w = _weighted(SITES)
    categories, cat_w = _weighted(CATEGORIES, "|")
    needles: dict[int, list[str]] = {}
    needle_rng = random.Random(f"needles:{seed}")
    for phrase, count in NEEDLES:
        for index in needle_rng.sample(range(articles), min(count, max(1, articles // 20))):
            needles.setdefault(index, []).append(phrase)
    _state.update(seed=seed, units=units, cum=cum, authors=authors, author_cum=author_cum, needles=needles,
                  sites=sites, site_cum=list(itertools.accumulate(site_w)), categories=categories,
                  cat_cum=list(itertools.accumulate(cat_w)))


def _sentences(rng: random.Random, words: list[str]) -> list[str]:
    out, i = [], 0
    while i < len(words):
        n = rng.randint(8, 28)
        part = words[i:i + n]
        i += n
        if len(part) > 6 and rng.random() < 0.5:
            cut = rng.randint(3, len(part) - 3)
            part[cut - 1] += ","
        text = " ".join(part)
        out.append(text[0].upper() + text[1:] + ".")
    return out


def generate_chunk(chunk: tuple[int, int]) -> list[tuple]:
    """Articles [first, last) as articles rows; deterministic per chunk."""
    first, last = chunk
    s = _state
    rng = random.Random(f"chunk:{s['seed']}:{first}")
    units, cum, choices = s["units"], s["cum"], rng.choices
    out = []
    for index in range(first, last):
        rowid = index + 1
        n_title, n_lead, n_body = rng.randint(10, 20), rng.randint(30, 60), rng.randint(150, 700)
        words = choices(units, cum_weights=cum, k=n_title + n_lead + n_body)
        title = " ".join(words[:n_title])
        title = title[0].upper() + title[1:]
        lead = " ".join(_sentences(rng, words[n_title:n_title + n_lead]))
        sentences = _sentences(rng, words[n_title + n_lead:])
        author = choices(s["authors"], cum_weights=s["author_cum"])[0] if rng.random() < 0.85 else ""
        for _ in range(rng.randint(0, 3)):  # document references: many rare tokens, as in real news
            kind, code = rng.choice(DOCUMENTS)
            at = rng.randrange(len(sentences))
            sentences[at] = sentences[at][:-1] + (f" theo {kind} số {rng.randint(1, 4000)}/{code} ngày "
                                                  f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2014, 2026)}.")
        for phrase in s["needles"].get(index, ()):
            at = rng.randrange(len(sentences))
            sentences[at] = sentences[at][:-1] + f", {phrase}."
            if phrase == NEEDLE_AUTHOR and rng.random() < 0.3:
                author = phrase
        paragraphs, i = [], 0
        while i < len(sentences):
            n = rng.randint(2, 5)
            paragraphs.append(" ".join(sentences[i:i + n]))
            i += n
        body = "\n\n".join(paragraphs)
        site = choices(s["sites"], cum_weights=s["site_cum"])[0]
        category = choices(s["categories"], cum_weights=s["cat_cum"])[0]
        published = datetime.fromtimestamp(START + (END - START) * rng.random() ** 0.7, VN).replace(microsecond=0)
        published_at = published.isoformat()
        seen = max(published, datetime(2025, 3, 1, tzinfo=VN)) + timedelta(seconds=rng.randrange(86400 * 20))
        seen_at = seen.astimezone(timezone.utc).isoformat()
        slug = _SLUG.sub("-", fold(title)).strip("-")[:80]
        url = f"https://{site}/{_SLUG.sub('-', fold(category)).strip('-')}/{slug}-{rowid}.html"
        removed = rng.random() < 0.01
        row = (rowid, article_id(url), url, url, site, title, lead, body, author, published_at, category,
               f"({site})" if rng.random() < 0.5 else "", rng.choice(EXTRACTORS), seen_at, seen_at,
               seen_at if removed else None, published_at[:4], published_at[:7], int(rng.random() < 0.15),
               int(removed))
        out.append(row)
    return out


ARTICLE_FIELDS = ("rowid", "id", "url", "canonical_url", "site", "title", "lead", "body", "author", "published_at",
                  "category", "source", "extractor", "first_seen_at", "last_seen_at", "removed_at",
                  "published_year", "published_month", "has_attachments", "removed")
INSERT_ARTICLE = f"INSERT INTO articles ({', '.join(ARTICLE_FIELDS)}) VALUES ({', '.join('?' * len(ARTICLE_FIELDS))})"
# one pass over the articles for each search index
REBUILD_INDEXES = [f"INSERT INTO {table}({table}) VALUES ('rebuild')" for table in (FTS_TABLE, EXACT_FTS_TABLE)]


def build(path: str | Path, articles: int = 200_000, seed: int = 1, workers: int | None = None,
          force: bool = False, quiet: bool = False) -> dict:
    """Write the archive at ``path``; returns what was done (counts, seconds, bytes)."""
    path = Path(path)
    if path.exists():
        if not force:
            raise SystemExit(f"{path} exists (use --force to replace it)")
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    workers = workers or min(2, os.cpu_count() or 1)
    start = time.perf_counter()
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    conn = db.conn
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -1000000")
    conn.execute("PRAGMA temp_store = MEMORY")
    chunks = [(first, min(first + CHUNK, articles)) for first in range(0, articles, CHUNK)]
    done = since_commit = 0
    chars = 0
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers, initializer=_init, initargs=(seed, articles)) as pool:
        conn.execute("BEGIN")
        for rows in pool.imap(generate_chunk, chunks):
            conn.executemany(INSERT_ARTICLE, rows)
            chars += sum(len(row[ARTICLE_FIELDS.index("body")]) for row in rows)
            done += len(rows)
            since_commit += len(rows)
            if since_commit >= COMMIT_EVERY:
                conn.execute("COMMIT")
                conn.execute("BEGIN")
                since_commit = 0
            if not quiet and done % 20_000 < CHUNK:
                print(f"  {done:>8,} articles  {time.perf_counter() - start:6.1f} s", file=sys.stderr, flush=True)
        conn.execute("COMMIT")
    inserted = time.perf_counter() - start
    for statement in REBUILD_INDEXES:
        conn.execute(statement)
    conn.commit()
    generated = time.perf_counter() - start
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.close()
    _init(seed, articles)
    needle_counts = {}
    for phrase, _ in NEEDLES:
        needle_counts[phrase] = sum(phrase in phrases for phrases in _state["needles"].values())
    result = {
        "articles": done, "seconds": round(generated, 1), "insert_seconds": round(inserted, 1),
        "bytes": path.stat().st_size,
        "vocabulary": len(_state["units"]), "syllables": len(syllables()), "body_chars": chars,
        "needles": needle_counts,
    }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="database file to write")
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=None, help="text-generating processes (default: 2 or fewer cores)")
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    args = parser.parse_args()
    info = build(args.out, args.articles, args.seed, args.workers, args.force)
    print(f"{info['articles']:,} articles in {info['seconds']:.1f} s (rows {info['insert_seconds']:.1f} s, "
          f"search indexes {info['seconds'] - info['insert_seconds']:.1f} s) "
          f"({info['articles'] / info['seconds']:,.0f}/s); {info['bytes'] / 2**20:,.0f} MiB; "
          f"vocabulary {info['vocabulary']:,} units ({info['syllables']:,} composed syllables); "
          f"body text {info['body_chars'] / 2**20:,.0f} MiB")
    print("needles (phrase: articles): " + ", ".join(f"{p}: {n}" for p, n in info["needles"].items()))


if __name__ == "__main__":
    main()
