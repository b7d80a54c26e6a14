"""The real-page benchmark's own parts, on tiny hand-written benchmark folders.

The public benchmarks' pages and scorer are third-party and not in the
repository: a stub evaluate.py stands in for the scorer, so what is tested
is our loading, text assembly, rejected-page listing and scoring glue; for
--dates, two pages with gold days in htmldate's evaluation format.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench import real_pages
from scraper.extract import Article

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPHS = [
    "Sáng 12/3, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác năm 2023 và triển khai nhiệm vụ năm 2024 "
    "với sự tham dự của lãnh đạo các sở, ban, ngành.",
    "Phát biểu tại hội nghị, Chủ tịch Ủy ban nhân dân tỉnh đề nghị các đơn vị tập trung đẩy mạnh cải cách hành chính, "
    "chuyển đổi số và nâng cao chất lượng phục vụ người dân.",
    "Hội nghị cũng đã khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong năm qua, góp phần hoàn thành "
    "các chỉ tiêu phát triển kinh tế xã hội của tỉnh.",
]
TITLE = "Hội nghị tổng kết năm 2023 của Ủy ban nhân dân tỉnh"
ARTICLE = ("<html><head><title>" + TITLE + "</title></head><body><nav><a href='/'>Trang chủ</a></nav><article><h1>"
           + TITLE + "</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article></body></html>")
LISTING = ("<html><head><title>Tin tức</title></head><body><h1>Tin tức</h1><ul>"
           + "".join(f"<li><a href='/tin-tuc/bai-{i}.html'>Bài viết số {i} về hoạt động của tỉnh trong tuần</a></li>"
                     for i in range(30)) + "</ul></body></html>")
# Stands in for the benchmark's evaluate.py: checks what our glue hands it and
# reports fixed scores, with one (tp, fp, fn) per page in ground-truth order.
STUB_EVALUATE = """
import json, sys
from pathlib import Path
truth = json.loads(Path("ground-truth.json").read_text(encoding="utf-8"))
metrics = {}
for path in sorted(Path("output").glob("*.json")):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) == {"version", "output"} and data["output"].keys() == truth.keys()
    texts = [data["output"][key]["articleBody"] for key in truth]
    metrics[path.stem] = {"f1": 0.5, "precision": 0.5, "recall": 0.5, "accuracy": 0.0, "version": data["version"],
                          "tp_fp_fns": [[1.0, 0.0, 0.0] if text else [0.0, 0.0, 1.0] for text in texts]}
    print(path.stem, data["version"])
Path(sys.argv[sys.argv.index("--output") + 1]).write_text(json.dumps(metrics), encoding="utf-8")
"""


@pytest.fixture
def aeb(tmp_path: Path) -> Path:
    """A benchmark folder with two pages (an article, a listing), truth and a stub scorer."""
    (tmp_path / "html").mkdir()
    truth = {}
    for page_id, html, url, body in [
        ("article", ARTICLE, "https://example.gov.vn/tin-tuc/hoi-nghi-tong-ket-2023.html", "\n\n".join(PARAGRAPHS)),
        ("listing", LISTING, "https://example.gov.vn/tin-tuc/", ""),
    ]:
        (tmp_path / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))
        truth[page_id] = {"articleBody": body, "url": url}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "evaluate.py").write_text(STUB_EVALUATE, encoding="utf-8")
    return tmp_path


def test_pages_load_decompressed_in_ground_truth_order(aeb):
    pages = real_pages.load_pages(aeb)
    assert [page.id for page in pages] == ["article", "listing"]
    assert pages[0].html == ARTICLE.encode("utf-8") and pages[0].url.endswith("hoi-nghi-tong-ket-2023.html")
    assert pages[0].truth.startswith("Sáng 12/3") and pages[1].truth == ""


def test_govnews_article_body_is_lead_then_paragraphs_without_title():
    article = Article(url="u", title="Tiêu đề", lead="Sapo.", body="Đoạn một.\n\nĐoạn hai.", is_article=True)
    assert real_pages.article_text(article) == "Sapo.\nĐoạn một.\nĐoạn hai."
    assert real_pages.article_text(Article(url="u", body="Đoạn một.\n\nĐoạn hai.")) == "Đoạn một.\nĐoạn hai."
    assert real_pages.govnews_output(Article(url="u", lead="Sapo.", is_article=True, extractor="generic")) \
        == real_pages.Output("Sapo.", "generic (empty body)")


def test_rejected_pages_are_listed_with_their_reason(aeb):
    pages = real_pages.load_pages(aeb)
    outputs = {page.id: real_pages.govnews_output(real_pages.run_govnews(page)) for page in pages}
    assert outputs["article"].reason == ""
    assert all(" ".join(p.split()) in outputs["article"].text for p in PARAGRAPHS)
    assert TITLE not in outputs["article"].text
    assert outputs["listing"].text == ""
    assert real_pages.rejected(pages, outputs) == [
        {"id": "listing", "url": "https://example.gov.vn/tin-tuc/", "reason": outputs["listing"].reason}]
    assert "listing" in outputs["listing"].reason
    assert real_pages.trafilatura_output(None) == real_pages.Output("", "empty output")


def test_scorer_runs_in_a_temporary_folder_on_one_wrapped_file_per_extractor(aeb):
    table, metrics = real_pages.benchmark_scores(aeb, {"govnews": ("abc123", {"article": "x", "listing": ""}),
                                                       "trafilatura": ("2.3.1", {"article": "y", "listing": "z"})})
    assert table.split() == ["govnews", "abc123", "trafilatura", "2.3.1"]
    assert metrics["govnews"]["tp_fp_fns"] == [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]
    assert not list(aeb.glob("output*")) and not (aeb / "metrics.json").exists()


def test_page_scores_follow_the_benchmark_edge_cases():
    assert real_pages.page_scores(0.0, 0.0, 0.0) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert real_pages.page_scores(0.0, 0.0, 1.0) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    scores = real_pages.page_scores(0.5, 0.25, 0.25)
    assert scores["precision"] == scores["recall"] == pytest.approx(2 / 3) == scores["f1"]


def test_whole_run_prints_figures_and_writes_json_outside_the_repository(aeb, tmp_path):
    figures = tmp_path / "figures.json"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "real_pages.py"), "--aeb", str(aeb), "--repeat", "1",
                           "--json", str(figures), "--dump", str(tmp_path / "texts")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "govnews: 1 pages without article text" in done.stdout and "listing" in done.stdout
    data = json.loads(figures.read_text(encoding="utf-8"))["aeb"]
    assert data["pages"] == 2 and [row["id"] for row in data["rejected"]["govnews"]] == ["listing"]
    assert (tmp_path / "texts" / "govnews" / "article.txt").read_text(encoding="utf-8").startswith("Sáng 12/3")
    refused = subprocess.run([sys.executable, str(ROOT / "bench" / "real_pages.py"), "--aeb", str(aeb),
                              "--dump", str(ROOT / "texts")], capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0 and "outside the repository" in refused.stderr


DATED_ARTICLE = ARTICLE.replace("<h1>", "<p class='date'>12/03/2024 08:30</p><h1>", 1)
UTC_ARTICLE = ARTICLE.replace("</head>", "<meta property='article:published_time' content='2024-03-11T20:00:00Z'>"
                              "</head>", 1).replace("<html>", "<html lang='vi'>", 1)


@pytest.fixture
def dates(tmp_path: Path) -> Path:
    """htmldate's layout: one page per set (one set in each of its folders), and a page without a gold day."""
    for folder, name, set_file, page_url, html, gold in [
        ("test_set", "1.html", "eval_mediacloud_2020.json", "https://example.gov.vn/a.html", DATED_ARTICLE,
         "2024-03-12"),
        ("eval", "utc.html", "eval_default.json", "https://example.gov.vn/b.html", UTC_ARTICLE, "2024-03-11"),
    ]:
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_text(html, encoding="utf-8")
        gold_days = {page_url: {"file": name, "date": gold}}
        if folder == "eval":
            (tmp_path / folder / "none.html").write_text(LISTING, encoding="utf-8")
            gold_days["https://example.gov.vn/none"] = {"file": "none.html", "date": float("nan")}
        (tmp_path / set_file).write_text(json.dumps(gold_days), encoding="utf-8")  # NaN as htmldate writes it
    return tmp_path


def test_dated_pages_load_from_their_folders_without_undated_ones(dates):
    pages = real_pages.load_dated_pages(dates)
    assert [(page.set, page.file, page.gold) for page in pages] == [
        ("mediacloud_2020", "1.html", "2024-03-12"), ("default", "utc.html", "2024-03-11")]
    assert pages[0].html == DATED_ARTICLE.encode("utf-8") and pages[0].id == "https://example.gov.vn/a.html"


def test_govnews_day_is_the_local_date_as_written():
    assert real_pages.govnews_day(Article(url="u", published_at="2024-03-12T02:00:00+07:00")) == "2024-03-12"
    assert real_pages.govnews_day(Article(url="u")) is None


def test_dates_run_scores_each_tool_per_set_and_lists_misses(dates, tmp_path):
    figures = tmp_path / "figures.json"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "real_pages.py"), "--dates", str(dates),
                           "--repeat", "1", "--misses", "--json", str(figures)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    data = json.loads(figures.read_text(encoding="utf-8"))["dates"]
    assert data["pages"] == 2 and set(data["scores"]) == {"mediacloud_2020", "default", "all"}
    govnews = {name: scores["govnews"] for name, scores in data["scores"].items()}
    assert govnews["mediacloud_2020"]["right"] == 1 and govnews["all"]["found"] == 2
    # 20:00 UTC on the 11th is the 12th in Vietnam: govnews' day is the page's own, the gold here is not
    assert govnews["default"]["right"] == 0
    assert [(row["file"], row["got"]) for row in data["misses"]] == [("utc.html", "2024-03-12T03:00:00+07:00")]
    assert set(data["scores"]["all"]) == {"govnews", "htmldate", "trafilatura"} and data["rejected"]["all"] == 0
    assert "utc.html" in done.stdout and "day right" in done.stdout
    assert all(scores["pages_per_second"] > 0 for scores in data["scores"]["all"].values())


def test_both_sets_run_together_and_one_is_required(aeb, dates):
    bench = [sys.executable, str(ROOT / "bench" / "real_pages.py")]
    done = subprocess.run([*bench, "--aeb", str(aeb), "--dates", str(dates), "--repeat", "1"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "the benchmark's evaluate.py:" in done.stdout and "2 pages with a gold day" in done.stdout
    assert "govnews misses" not in done.stdout
    refused = subprocess.run(bench, capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0 and "--dates" in refused.stderr
