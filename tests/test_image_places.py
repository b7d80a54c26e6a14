"""Where each image stands among the paragraphs: recorded by extraction, kept by the archive."""

from __future__ import annotations

import json

from scraper.archive import open_archive, save_articles
from scraper.demo import DemoPortal, build_articles
from scraper.extract import extract

from .conftest import seed_article

PAGE = """<!DOCTYPE html><html lang="vi"><head><title>Hội nghị</title>
<meta property="og:type" content="article"></head><body><article>
<h1>Hội nghị tổng kết công tác năm 2023 của ngành Thông tin và Truyền thông tỉnh</h1>
<p><img src="/anh/mot.jpg" alt="anh"></p>
<p><em>Quang cảnh hội nghị tổng kết.</em></p>
<p>{p1}</p><p>{p2}</p>
<p><img src="/anh/hai.jpg" alt="anh"></p>
<p>{p3}</p>
</article></body></html>"""
PARAGRAPH = "Ngày 10/01/2024, Sở Thông tin và Truyền thông đã tổ chức hội nghị tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024 với nhiều nội dung quan trọng số {n}."


def test_each_image_records_the_paragraphs_before_it():
    html = PAGE.format(**{f"p{n}": PARAGRAPH.format(n=n) for n in (1, 2, 3)})
    article = extract(html.encode(), "https://tinh.gov.vn/tin/hoi-nghi.html")
    assert article.is_article, article.extractor
    assert len(article.paragraphs) == 3
    assert [(i.src, i.after_paragraph) for i in article.images] == [
        ("https://tinh.gov.vn/anh/mot.jpg", 0), ("https://tinh.gov.vn/anh/hai.jpg", 2)]


def test_the_archive_keeps_the_place_of_each_image(tmp_path):
    with DemoPortal(build_articles(per_category=1)) as portal:
        portal.start()
        seed = seed_article(portal)
        article = extract(_fetch(portal.base_url + seed.path), portal.base_url + seed.path)
    db = open_archive(tmp_path / "places.db")
    save_articles(db, [(article, "2024-01-11T00:00:00+00:00", None)])
    stored = [row["after_paragraph"] for row in db["images"].rows_where(order_by="position")]
    assert stored == [0, 2]  # the seed article: its first image leads, the second follows two paragraphs
    [version] = db["versions"].rows
    assert [image["after_paragraph"] for image in json.loads(version["images"])] == [0, 2]


def _fetch(url: str) -> bytes:
    import urllib.request

    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def test_an_archive_from_before_gets_the_places_without_a_new_version(tmp_path):
    html = PAGE.format(**{f"p{n}": PARAGRAPH.format(n=n) for n in (1, 2, 3)})
    article = extract(html.encode(), "https://tinh.gov.vn/tin/hoi-nghi.html")
    db = open_archive(tmp_path / "older.db")
    save_articles(db, [(article, "2024-01-11T00:00:00+00:00", None)])
    with db.conn:
        db.execute("UPDATE images SET after_paragraph = NULL")  # as stored before places were recorded
    assert save_articles(db, [(article, "2024-01-12T00:00:00+00:00", None)]) == ["unchanged"]
    assert [row["after_paragraph"] for row in db["images"].rows_where(order_by="position")] == [0, 2]
    assert db["versions"].count == 1
