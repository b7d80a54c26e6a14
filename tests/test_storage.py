"""The archive on disk: each text stored once, identity that traps cannot fool, old archives brought up to date."""

from __future__ import annotations

import sqlite3

import sqlite_utils

from scraper.archive import open_archive, save_articles
from scraper.archive.schema import FTS_TABLE
from scraper.extract import Article
from scraper.extract.article import Attachment, Image

BODY = ("Sở Thông tin và Truyền thông tổ chức hội nghị tổng kết công tác chuyển đổi số năm 2023. " * 4).strip()


def article(url: str, title: str = "Hội nghị tổng kết chuyển đổi số", body: str = BODY, canonical: str = "") -> Article:
    return Article(url=url, canonical_url=canonical or url, site="sonla.gov.vn", title=title, lead="Ngày 10/01/2024.",
                   body=body, author="Quốc Tuấn", published_at="2024-01-10T08:00:00+07:00", is_article=True,
                   extractor="test")


def search(db, words: str) -> list[str]:
    return [row[0] for row in db.execute(
        f"SELECT a.title FROM articles a WHERE a.rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?)",
        [words])]


def test_text_is_stored_once_and_found_with_or_without_diacritics(tmp_path):
    db = open_archive(tmp_path / "archive.db")
    save_articles(db, [(article("https://sonla.gov.vn/a-1.html"), "2024-01-10T02:00:00+00:00", None)])
    # the search index holds no copy of the text: its content is the articles table, through a view
    assert db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'articles_fts_content'").fetchone()[0] == 0
    assert search(db, "chuyen doi so") == search(db, "chuyển đổi số") == search(db, "quoc tuan") == [
        "Hội nghị tổng kết chuyển đổi số"]
    assert search(db, '"Đặng"') == []
    # the current version's lead and body live in articles only, and read through the view
    stored = db.execute("SELECT lead, body FROM versions").fetchone()
    assert stored == (None, None)
    assert db.execute("SELECT lead, body FROM article_versions").fetchone() == ("Ngày 10/01/2024.", BODY)
    # a plain SQLite connection (no functions of ours) can search and read everything
    with sqlite3.connect(tmp_path / "archive.db") as plain:
        assert plain.execute(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH 'dang OR tuan'").fetchone() == (1,)
        assert plain.execute(f"SELECT snippet({FTS_TABLE}, -1, '[', ']', '…', 4) FROM {FTS_TABLE} "
                             f"WHERE {FTS_TABLE} MATCH 'quoc'").fetchone()[0] == "[Quốc] Tuấn"
        assert plain.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('integrity-check')").fetchall() == []


def test_an_edit_keeps_the_earlier_text_and_moves_the_index(tmp_path):
    db = open_archive(tmp_path / "archive.db")
    url = "https://sonla.gov.vn/a-1.html"
    save_articles(db, [(article(url), "2024-01-10T02:00:00+00:00", None)])
    edited = BODY.replace("chuyển đổi số", "cải cách hành chính")
    assert save_articles(db, [(article(url, body=edited), "2024-01-11T02:00:00+00:00", None)]) == ["changed"]
    versions = list(db.query("SELECT version, body FROM article_versions ORDER BY version"))
    assert [v["body"] for v in versions] == [BODY, edited]
    assert db.execute("SELECT count(*) FROM versions WHERE body IS NULL").fetchone()[0] == 1  # only the current one
    assert search(db, "cai cach") == ["Hội nghị tổng kết chuyển đổi số"]
    assert search(db, "chuyen doi so") == ["Hội nghị tổng kết chuyển đổi số"]  # still in the title
    assert search(db, '"tong ket cong tac chuyen"') == []  # the old body left the index
    assert db.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('integrity-check')").fetchall() == []


def test_a_canonical_url_shared_by_different_pages_is_not_trusted(tmp_path):
    """A portal whose every page names the home page (or one listing) as canonical keeps every article."""
    db = open_archive(tmp_path / "archive.db")
    pages = [article(f"https://sonla.gov.vn/tin/bai-{n}.html", title=f"Bài số {n}", body=f"{BODY} Số {n}.",
                     canonical="https://sonla.gov.vn/tin") for n in range(3)]
    outcomes = save_articles(db, [(page, "2024-01-10T02:00:00+00:00", None) for page in pages])
    assert outcomes == ["new", "new", "new"]
    rows = list(db.query("SELECT url, canonical_url, title FROM articles ORDER BY title"))
    assert [row["title"] for row in rows] == ["Bài số 0", "Bài số 1", "Bài số 2"]
    assert [row["canonical_url"] for row in rows][1:] == [row["url"] for row in rows][1:]
    # the same page crawled again is the same article, not a conflict with itself
    assert save_articles(db, [(pages[1], "2024-01-11T02:00:00+00:00", None)]) == ["unchanged"]


def test_the_same_text_under_another_address_is_the_same_article(tmp_path):
    """Session ids in URLs (without a canonical link) must not multiply an article."""
    db = open_archive(tmp_path / "archive.db")
    first = article("https://sonla.gov.vn/(S(aaaa))/tin/bai-1.html")
    again = article("https://sonla.gov.vn/(S(bbbb))/tin/bai-1.html")
    short = [article(f"https://sonla.gov.vn/thong-bao-{n}.html", title="Thông báo", body="Xem văn bản đính kèm.")
             for n in range(2)]
    outcomes = save_articles(db, [(first, "2024-01-10T02:00:00+00:00", None), (again, "2024-01-11T02:00:00+00:00", None),
                                  *((page, "2024-01-11T02:00:00+00:00", None) for page in short)])
    assert outcomes == ["new", "duplicate", "new", "new"]  # too short to tell apart: never merged
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert db.execute("SELECT last_seen_at FROM articles WHERE url = ?", [first.url]).fetchone()[0] == \
        "2024-01-11T02:00:00+00:00"


def test_an_archive_written_before_is_brought_up_to_date_without_loss(tmp_path):
    """Version 1's layout: article_versions a table with every text, a search index with its own copy,
    the text again as HTML."""
    path = tmp_path / "archive.db"
    old = sqlite_utils.Database(path)
    old.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, title TEXT, site TEXT NOT NULL, url TEXT NOT NULL, "
                "canonical_url TEXT NOT NULL, lead TEXT, body TEXT, author TEXT, first_seen_at TEXT, body_html TEXT)")
    old.execute("CREATE TABLE article_versions (article_id TEXT, version INTEGER, first_seen_at TEXT, "
                "last_seen_at TEXT, title TEXT, lead TEXT, body TEXT, author TEXT, published_at TEXT, category TEXT, "
                "source TEXT, images TEXT, attachments TEXT, capture_id INTEGER, PRIMARY KEY (article_id, version))")
    old.execute(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, lead, body, author, folded, "
                "tokenize = 'unicode61 remove_diacritics 2')")
    old.execute("INSERT INTO articles VALUES ('a1', 'Đặng Ngọc Hậu dự hội nghị', 'sonla.gov.vn', 'https://s/1', "
                "'https://s/1', 'Sapo mới', 'Thân bài mới', 'Quốc Tuấn', '2024-01-10', '<p>Thân bài mới</p>')")
    old.execute("INSERT INTO article_versions (article_id, version, title, lead, body) VALUES "
                "('a1', 1, 'Đặng Ngọc Hậu dự hội nghị', 'Sapo cũ', 'Thân bài cũ'), "
                "('a1', 2, 'Đặng Ngọc Hậu dự hội nghị', 'Sapo mới', 'Thân bài mới')")
    old.conn.commit()
    old.close()
    db = open_archive(path)
    assert [tuple(row) for row in db.execute("SELECT version, lead, body FROM article_versions ORDER BY version")] == [
        (1, "Sapo cũ", "Thân bài cũ"), (2, "Sapo mới", "Thân bài mới")]
    assert db.execute("SELECT lead, body FROM versions WHERE version = 2").fetchone() == (None, None)
    assert search(db, "dang ngoc hau") == ["Đặng Ngọc Hậu dự hội nghị"]  # the index was rebuilt from the articles
    assert "body_html" not in db["articles"].columns_dict
    assert db.execute("SELECT title, body FROM articles").fetchone() == ("Đặng Ngọc Hậu dự hội nghị", "Thân bài mới")
    db.close()
    assert open_archive(path).execute("SELECT count(*) FROM article_versions").fetchone()[0] == 2  # idempotent


def test_links_moving_between_the_sites_hosts_are_no_new_version(tmp_path):
    db = open_archive(tmp_path / "archive.db")

    def seen(base: str, cdn: str = "https://cdn.example.net") -> str:
        item = article(base + "/tin-tuc/hoi-nghi-1", canonical="https://sonla.gov.vn/tin-tuc/hoi-nghi-1")
        item.images = [Image(base + "/Uploads/anh.jpg", "ảnh"), Image(cdn + "/anh2.jpg")]
        item.attachments = [Attachment(base + "/Uploads/qd.pdf?v=1", "Quyết định", "pdf")]
        return save_articles(db, [(item, "2024-01-10T09:00:00+00:00", None)])[0]

    assert seen("http://www.sonla.gov.vn") == "new"
    assert seen("https://sonla.gov.vn") == "unchanged"  # http to https, www dropped
    assert db.execute("SELECT src FROM images ORDER BY position").fetchall()[0] == ("https://sonla.gov.vn/Uploads/anh.jpg",)
    assert seen("https://sonla.gov.vn", cdn="https://cdn2.example.net") == "changed"  # another site's image is content
    assert db["versions"].count == 2
