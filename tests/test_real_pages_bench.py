"""The real-page benchmark's own parts, on a tiny hand-written benchmark folder.

The public benchmark's pages and scorer are third-party and not in the
repository: a stub evaluate.py stands in for the scorer, so what is tested
is our loading, text assembly, rejected-page listing and scoring glue.
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
    data = json.loads(figures.read_text(encoding="utf-8"))
    assert data["pages"] == 2 and [row["id"] for row in data["rejected"]["govnews"]] == ["listing"]
    assert (tmp_path / "texts" / "govnews" / "article.txt").read_text(encoding="utf-8").startswith("Sáng 12/3")
    refused = subprocess.run([sys.executable, str(ROOT / "bench" / "real_pages.py"), "--aeb", str(aeb),
                              "--dump", str(ROOT / "texts")], capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0 and "outside the repository" in refused.stderr
