"""Real-page benchmark: govnews extract() against trafilatura and htmldate on third-party pages.

Usage: python bench/real_pages.py [--aeb DIR] [--dates DIR] [--repeat 3] [--json PATH] [--dump DIR] [--misses]

--aeb DIR: the public article-extraction benchmark
(github:scrapinghub/article-extraction-benchmark): html/*.html.gz,
ground-truth.json and the benchmark's own evaluate.py. None of it is in
this repository. In one run, both extractors read the same decompressed
page bytes; the scores are what that evaluate.py prints (4-gram shingle
F1, precision and recall averaged over pages, and exact-match accuracy),
run on one output file per extractor in a temporary folder.

What each extractor's "articleBody" is:
- govnews: lead + body paragraphs joined by newlines (the text the archive
  shows), nothing for a page it says is not an article. The benchmark's
  ground truth never starts with the headline and leaves standfirsts out,
  so the title is not included; the lead is kept because on these pages it
  is often the article's first paragraph. The "govnews-body" row scores
  the body alone to show what the lead costs or brings.
- trafilatura: trafilatura.extract(output_format="txt",
  include_comments=False, include_tables=False), otherwise its defaults
  (neither favor_precision nor favor_recall): plain article text, no
  comments or tables.

--dates DIR: htmldate's evaluation folder (github:adbar/htmldate, tests/):
eval_mediacloud_2020.json and eval_default.json map each page's URL to
{"file": ..., "date": "YYYY-MM-DD" or NaN}; the files are in test_set/,
cache/ or eval/. Pages without a gold date are left out. Each tool reads
the same page bytes and the URL; a day is right when it equals the gold
day. govnews' day is the date part of its ISO published_at, the day as
written in the page's own time zone; a page it says is not an article has
no date. htmldate runs find_date(original_date=True,
extensive_search=True), its default search and the better of its two
modes in its own evaluation; trafilatura runs extract_metadata(...).date.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import htmldate  # noqa: E402
import trafilatura  # noqa: E402

from scraper.extract import Article, extract  # noqa: E402

TRAFILATURA_SETTINGS = {"output_format": "txt", "include_comments": False, "include_tables": False}
HTMLDATE_SETTINGS = {"original_date": True, "extensive_search": True}
DATE_SETS = {"mediacloud_2020": "eval_mediacloud_2020.json", "default": "eval_default.json"}
PAGE_FOLDERS = ("test_set", "cache", "eval")  # where htmldate's evaluation looks, in its order
WORST_SHOWN = 15
SNIPPET = 200


@dataclass
class BenchPage:
    """One benchmark page: its id, address, decompressed HTML and expected text."""

    id: str
    url: str
    html: bytes
    truth: str


@dataclass
class Output:
    """What an extractor gave for one page: the text scored, and why it is empty."""

    text: str
    reason: str = ""


def load_pages(aeb: Path) -> list[BenchPage]:
    """The pages of ``aeb``, in ground-truth.json's order, decompressed."""
    truth = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
    return [BenchPage(page_id, item.get("url", ""), gzip.decompress((aeb / "html" / f"{page_id}.html.gz").read_bytes()),
                      item.get("articleBody", ""))
            for page_id, item in truth.items()]


def article_text(article: Article) -> str:
    """govnews' articleBody: lead and body paragraphs, one per line."""
    return "\n".join(part for part in [article.lead, *article.paragraphs] if part)


def govnews_output(article: Article) -> Output:
    """The scored text of a govnews record, with the reason when it is empty."""
    if not article.is_article:
        return Output("", article.extractor)
    if not article.body.strip():
        return Output(article_text(article), f"{article.extractor} (empty body)")
    return Output(article_text(article))


def trafilatura_output(text: str | None) -> Output:
    return Output(text or "", "" if text and text.strip() else "empty output")


def run_govnews(page: BenchPage) -> Article:
    return extract(page.html, page.url)


def run_trafilatura(page: BenchPage) -> str | None:
    return trafilatura.extract(page.html, url=page.url, **TRAFILATURA_SETTINGS)


def timed_results(runs: dict[str, Callable[[Any], Any]], pages: list[Any],
                  repeat: int) -> tuple[dict[str, dict[str, Any]], dict[str, float]]:
    """Each extractor's result per page, and its best wall time over all pages.

    The extractors take turns within each of the ``repeat`` rounds, so a busy
    spell on the machine falls on both rather than on one.
    """
    results: dict[str, dict[str, Any]] = {}
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.perf_counter()
            results[name] = {page.id: run(page) for page in pages}
            best[name] = min(best[name], time.perf_counter() - start)
    return results, best


def rejected(pages: list[BenchPage], outputs: dict[str, Output]) -> list[dict]:
    """The pages an extractor gave no article text for, with its reason."""
    return [{"id": page.id, "url": page.url, "reason": outputs[page.id].reason}
            for page in pages if outputs[page.id].reason]


def benchmark_scores(aeb: Path, predictions: dict[str, tuple[str, dict[str, str]]]) -> tuple[str, dict]:
    """Run the benchmark's evaluate.py on ``{name: (version, {id: text})}``.

    Returns its printed table and its metrics per name (``tp_fp_fns`` in
    ground-truth.json's order).
    """
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "ground-truth.json").symlink_to((aeb / "ground-truth.json").resolve())
        (work / "output").mkdir()
        for name, (extractor_version, texts) in predictions.items():
            output = {page_id: {"articleBody": text} for page_id, text in texts.items()}
            (work / "output" / f"{name}.json").write_text(
                json.dumps({"version": extractor_version, "output": output}, ensure_ascii=False), encoding="utf-8")
        done = subprocess.run([sys.executable, str((aeb / "evaluate.py").resolve()), "--output", "metrics.json"],
                              cwd=work, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"evaluate.py failed:\n{done.stderr}")
        return done.stdout, json.loads((work / "metrics.json").read_text(encoding="utf-8"))


def govnews_version() -> str:
    """The checked-out commit, or the package version outside a git checkout."""
    done = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return done.stdout.strip() or version("govnews")


def page_scores(tp: float, fp: float, fn: float) -> dict[str, float]:
    """One page's precision, recall and F1 from evaluate.py's shingle counts (its edge cases)."""
    if fp == fn == 0:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def outside_repo(path: str) -> Path:
    """``path``, refused when inside this repository (outputs quote third-party text)."""
    resolved = Path(path).resolve()
    if resolved == ROOT or ROOT in resolved.parents:
        raise SystemExit(f"{path}: write outside the repository, the benchmark pages are third-party")
    return resolved


def dump(folder: Path, outputs: dict[str, dict[str, Output]]) -> None:
    for name, texts in outputs.items():
        (folder / name).mkdir(parents=True, exist_ok=True)
        for page_id, output in texts.items():
            (folder / name / f"{page_id}.txt").write_text(output.text, encoding="utf-8")


def worst_pages(pages: list[BenchPage], scores: dict[str, list[dict]], extractors: dict[str, str],
                outputs: dict[str, Output]) -> list[dict]:
    """Pages where govnews' F1 falls furthest below trafilatura's, worst first."""
    rows = [{"id": page.id, "url": page.url, "govnews": ours, "trafilatura": theirs,
             "difference": ours["f1"] - theirs["f1"], "extractor": extractors[page.id],
             "govnews_start": outputs[page.id].text[:SNIPPET], "truth_start": page.truth[:SNIPPET]}
            for page, ours, theirs in zip(pages, scores["govnews"], scores["trafilatura"])]
    return sorted(rows, key=lambda row: row["difference"])[:WORST_SHOWN]


def one_line(text: str) -> str:
    return " ".join(text.split())


def measure(aeb: Path, repeat: int) -> tuple[dict, dict[str, dict[str, Output]]]:
    """All figures of one run, and each extractor's output per page."""
    pages = load_pages(aeb)
    results, seconds = timed_results({"govnews": run_govnews, "trafilatura": run_trafilatura}, pages, repeat)
    articles, raw_texts = results["govnews"], results["trafilatura"]
    outputs = {"govnews": {page_id: govnews_output(article) for page_id, article in articles.items()},
               "trafilatura": {page_id: trafilatura_output(text) for page_id, text in raw_texts.items()}}
    extractors = {page_id: article.extractor for page_id, article in articles.items()}
    versions = {"govnews": govnews_version(), "trafilatura": trafilatura.__version__}
    predictions = {name: (versions[name], {page_id: output.text for page_id, output in by_page.items()})
                   for name, by_page in outputs.items()}
    predictions["govnews-body"] = (versions["govnews"],
                                   {page_id: "\n".join(article.paragraphs) for page_id, article in articles.items()})
    table, metrics = benchmark_scores(aeb, predictions)
    scores = {name: [page_scores(*counts) for counts in metrics[name]["tp_fp_fns"]] for name in outputs}
    figures = {
        "pages": len(pages), "repeat": repeat, "versions": versions, "trafilatura_settings": TRAFILATURA_SETTINGS,
        "evaluate_table": table,
        "scores": {name: {k: v for k, v in m.items() if k != "tp_fp_fns"} for name, m in metrics.items()},
        "pages_per_second": {name: len(pages) / seconds[name] for name in outputs},
        "rejected": {name: rejected(pages, by_page) for name, by_page in outputs.items()},
        "govnews_paths": dict(Counter(extractors.values()).most_common()),
        "worst": worst_pages(pages, scores, extractors, outputs["govnews"]),
        "per_page": {page.id: {"url": page.url, "govnews_extractor": extractors[page.id],
                               **{name: scores[name][i] for name in scores}} for i, page in enumerate(pages)},
    }
    return figures, outputs


def print_aeb_report(figures: dict, aeb: Path) -> None:
    print(f"{figures['pages']} pages from {aeb}; trafilatura {figures['versions']['trafilatura']}"
          f" with {figures['trafilatura_settings']}")
    print("\nthe benchmark's evaluate.py:")
    print(figures["evaluate_table"].rstrip())
    print(f"\n{'extractor':<14}{'F1':>7}{'P':>7}{'R':>7}{'acc':>7}{'rejected':>10}{'pages/s':>9}")
    for name, rate in figures["pages_per_second"].items():
        m = figures["scores"][name]
        print(f"{name:<14}{m['f1']:>7.3f}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['accuracy']:>7.3f}"
              f"{len(figures['rejected'][name]):>10}{rate:>9.1f}")
    print(f"(pages/s: best of {figures['repeat']} passes over all pages, taking turns, decompressed beforehand;"
          " ids below: first 12 characters, full ids with --json)")
    print("\ngovnews paths: " + ", ".join(f"{path} {n}" for path, n in figures["govnews_paths"].items()))
    for name, rows in figures["rejected"].items():
        print(f"\n{name}: {len(rows)} pages without article text")
        for row in rows:
            print(f"  {row['id'][:12]}  {row['reason']:<28} {row['url']}")
    diffs = [row["govnews"]["f1"] - row["trafilatura"]["f1"] for row in figures["per_page"].values()]
    print(f"\nper-page F1, govnews minus trafilatura: better on {sum(d > 0.01 for d in diffs)}, "
          f"within 0.01 on {sum(abs(d) <= 0.01 for d in diffs)}, worse on {sum(d < -0.01 for d in diffs)}")
    print(f"\nthe {WORST_SHOWN} pages where govnews loses most:")
    for row in figures["worst"]:
        ours, theirs = row["govnews"], row["trafilatura"]
        print(f"\n{row['id'][:12]}  F1 govnews {ours['f1']:.3f} (P {ours['precision']:.2f} R {ours['recall']:.2f})"
              f"  trafilatura {theirs['f1']:.3f}  [{row['extractor']}]  {row['url']}")
        print(f"  govnews: {one_line(row['govnews_start'])!r}")
        print(f"  truth:   {one_line(row['truth_start'])!r}")


@dataclass
class DatedPage:
    """One page of htmldate's evaluation: address, file name, set, bytes and gold day."""

    url: str
    file: str
    set: str
    html: bytes
    gold: str

    @property
    def id(self) -> str:
        """The key results are kept under: the address (two addresses may share a file)."""
        return self.url


def page_file(folder: Path, name: str) -> Path:
    """Where htmldate's evaluation keeps the page ``name``."""
    for sub in PAGE_FOLDERS:
        if (folder / sub / name).is_file():
            return folder / sub / name
    raise SystemExit(f"{name}: not in {', '.join(PAGE_FOLDERS)} under {folder}")


def load_dated_pages(folder: Path) -> list[DatedPage]:
    """The pages with a gold day of each set found in ``folder``, in file order."""
    pages = []
    for set_name, file_name in DATE_SETS.items():
        if not (folder / file_name).is_file():
            continue
        gold = json.loads((folder / file_name).read_text(encoding="utf-8"))
        pages += [DatedPage(url, item["file"], set_name, page_file(folder, item["file"]).read_bytes(), item["date"])
                  for url, item in gold.items() if isinstance(item["date"], str)]
    if not pages:
        raise SystemExit(f"{folder}: no {' or '.join(DATE_SETS.values())} with dated pages")
    return pages


def run_govnews_date(page: DatedPage) -> Article:
    return extract(page.html, page.url)


def run_htmldate(page: DatedPage) -> str | None:
    return htmldate.find_date(page.html, url=page.url, **HTMLDATE_SETTINGS)


def run_trafilatura_date(page: DatedPage) -> str | None:
    return trafilatura.extract_metadata(page.html, default_url=page.url).date


DATE_RUNS = {"govnews": run_govnews_date, "htmldate": run_htmldate, "trafilatura": run_trafilatura_date}


def govnews_day(article: Article) -> str | None:
    """The calendar day of published_at as written (the page's own zone), or None."""
    return article.published_at[:10] if article.published_at else None


def day_scores(pages: list[DatedPage], days: dict[str, str | None], seconds: float) -> dict[str, float | int]:
    """Pages, days right, days found and pages/s of one tool on ``pages``."""
    return {"pages": len(pages), "right": sum(days[page.id] == page.gold for page in pages),
            "found": sum(days[page.id] is not None for page in pages), "pages_per_second": len(pages) / seconds}


def measure_dates(folder: Path, repeat: int) -> dict:
    """All figures of the publication-day run, per set and over all pages."""
    pages = load_dated_pages(folder)
    sets = {name: [page for page in pages if page.set == name] for name in DATE_SETS}
    sets = {name: members for name, members in sets.items() if members}
    results: dict[str, dict[str, Any]] = {name: {} for name in DATE_RUNS}
    seconds: dict[str, dict[str, float]] = {}
    for set_name, members in sets.items():  # timed per set, so each set has its own pages/s
        by_tool, seconds[set_name] = timed_results(DATE_RUNS, members, repeat)
        for name in DATE_RUNS:
            results[name].update(by_tool[name])
    articles = results["govnews"]
    days = {"govnews": {page_id: govnews_day(article) for page_id, article in articles.items()},
            "htmldate": results["htmldate"], "trafilatura": results["trafilatura"]}
    scores = {set_name: {name: day_scores(members, days[name], seconds[set_name][name]) for name in DATE_RUNS}
              for set_name, members in sets.items()}
    scores["all"] = {name: day_scores(pages, days[name], sum(s[name] for s in seconds.values())) for name in DATE_RUNS}
    rejected_pages = [{"file": page.file, "set": page.set, "url": page.url, "reason": articles[page.id].extractor}
                      for page in pages if not articles[page.id].is_article]
    misses = [{"file": page.file, "set": page.set, "gold": page.gold, "got": articles[page.id].published_at,
               "extractor": articles[page.id].extractor, "htmldate": days["htmldate"][page.id],
               "trafilatura": days["trafilatura"][page.id], "url": page.url}
              for page in pages if days["govnews"][page.id] != page.gold]
    return {
        "pages": len(pages), "repeat": repeat,
        "versions": {"govnews": govnews_version(), "htmldate": htmldate.__version__,
                     "trafilatura": trafilatura.__version__},
        "htmldate_settings": HTMLDATE_SETTINGS, "scores": scores,
        "rejected": {set_name: sum(row["set"] == set_name for row in rejected_pages) for set_name in sets}
        | {"all": len(rejected_pages)},
        "rejected_reasons": dict(Counter(row["reason"] for row in rejected_pages).most_common()),
        "govnews_on_articles": {"pages": len(pages) - len(rejected_pages),
                                "right": sum(days["govnews"][page.id] == page.gold for page in pages
                                             if articles[page.id].is_article)},
        "rejected_pages": rejected_pages, "misses": misses,
        "per_page": {page.url: {"file": page.file, "set": page.set, "gold": page.gold,
                                "govnews": articles[page.id].published_at,
                                "govnews_extractor": articles[page.id].extractor,
                                "htmldate": days["htmldate"][page.id], "trafilatura": days["trafilatura"][page.id]}
                     for page in pages},
    }


def percent(count: int, total: int) -> str:
    return f"{count} ({100 * count / total:.1f}%)" if total else "0"


def print_dates_report(figures: dict, folder: Path, show_misses: bool) -> None:
    versions = figures["versions"]
    print(f"{figures['pages']} pages with a gold day from {folder}; govnews {versions['govnews']},"
          f" htmldate {versions['htmldate']} find_date({figures['htmldate_settings']}),"
          f" trafilatura {versions['trafilatura']} extract_metadata")
    print(f"\n{'set':<17}{'pages':>6}  {'tool':<12}{'day right':>15}{'day found':>15}{'pages/s':>9}{'rejected':>10}")
    for set_name, by_tool in figures["scores"].items():
        for name, m in by_tool.items():
            first = name == "govnews"
            print(f"{set_name if first else '':<17}{m['pages'] if first else '':>6}  {name:<12}"
                  f"{percent(m['right'], m['pages']):>15}{percent(m['found'], m['pages']):>15}"
                  f"{m['pages_per_second']:>9.1f}{figures['rejected'][set_name] if first else '':>10}")
    print(f"(pages/s: best of {figures['repeat']} passes over each set, taking turns; rejected: pages govnews"
          " says are not articles, which have no date)")
    kept = figures["govnews_on_articles"]
    print(f"\ngovnews on the {kept['pages']} pages it keeps as articles: day right on "
          f"{percent(kept['right'], kept['pages'])}")
    print("rejected as: " + ", ".join(f"{reason} {n}" for reason, n in figures["rejected_reasons"].items()))
    if show_misses:
        print(f"\n{len(figures['misses'])} govnews misses (file, set, gold, got, govnews path, htmldate, trafilatura):")
        for row in figures["misses"]:
            print(f"  {row['file']:<44} {row['set']:<16} {row['gold']}  {row['got'] or '-':<26} "
                  f"{row['extractor']:<24} {row['htmldate'] or '-':<11} {row['trafilatura'] or '-'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aeb", type=Path, help="folder with html/, ground-truth.json, evaluate.py")
    parser.add_argument("--dates", type=Path, help="htmldate's tests/ folder: eval_*.json, test_set/, cache/, eval/")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", help="write all figures here (outside the repository)")
    parser.add_argument("--dump", help="write each extractor's text per --aeb page here (outside the repository)")
    parser.add_argument("--misses", action="store_true", help="list the pages where govnews' day is wrong or missing")
    args = parser.parse_args()
    if not (args.aeb or args.dates):
        parser.error("give --aeb DIR, --dates DIR or both")
    json_path = outside_repo(args.json) if args.json else None
    dump_folder = outside_repo(args.dump) if args.dump else None
    figures = {}
    if args.aeb:
        figures["aeb"], outputs = measure(args.aeb, args.repeat)
        print_aeb_report(figures["aeb"], args.aeb)
        if dump_folder:
            dump(dump_folder, outputs)
    if args.dates:
        figures["dates"] = measure_dates(args.dates, args.repeat)
        if args.aeb:
            print()
        print_dates_report(figures["dates"], args.dates, args.misses)
    if json_path:
        json_path.write_text(json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
