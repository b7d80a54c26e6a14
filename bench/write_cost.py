"""Crawl-time write cost per article as the archive grows.

Usage: python bench/write_cost.py [ARCHIVE ...] [--articles 2000] [--batch 50] [--scratch DIR]

For an empty archive and for each ARCHIVE given (copied to --scratch first,
so the original is left as it was, and flushed to disk), the real store code
(``scraper.archive.store.save_articles``, one transaction per batch of 50,
the crawl's ``ARCHIVE_BATCH``) writes:

- ``--articles`` new articles: the articles row, both search indexes, the
  first version;
- then half of them again with an edited body: the earlier version keeps
  its text, the index rows are replaced, a new version is added.

Articles are generated with bench/make_archive.py's vocabulary (another
seed, so none is already stored). Captures (the raw pages) are not written:
their cost does not depend on the archive's size. Prints ms per article
(mean, and p50 / p95 over the batches) and the growth of the file.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import make_archive  # noqa: E402
from bench.search_bench import percentile  # noqa: E402
from scraper.archive import open_archive  # noqa: E402
from scraper.archive.store import save_articles  # noqa: E402
from scraper.extract import Article  # noqa: E402

FIELDS = ("url", "canonical_url", "site", "title", "lead", "body", "author", "published_at", "category", "source",
          "extractor")
SEED = 7  # not the archives' seed: every article written is new to them


def new_articles(count: int) -> list[Article]:
    make_archive._init(SEED, count)
    rows = make_archive.generate_chunk((0, count))
    at = {name: make_archive.ARTICLE_FIELDS.index(name) for name in FIELDS}
    return [Article(**{name: row[at[name]] for name in FIELDS}, is_article=True) for row in rows]


def edited(article: Article) -> Article:
    return Article(**{**article.to_dict(), "images": [], "attachments": [],
                      "body": article.body + "\n\nBài viết được cập nhật."})


def write(db, articles: list[Article], batch: int, seen_at: str, expected: str) -> list[float]:
    """Seconds per article of each batch; every outcome must be ``expected`` ("new", "changed")."""
    per_article = []
    for start in range(0, len(articles), batch):
        chunk = articles[start:start + batch]
        began = time.perf_counter()
        outcomes = save_articles(db, [(article, seen_at, None) for article in chunk])
        per_article.append((time.perf_counter() - began) / len(chunk))
        if set(outcomes) != {expected}:
            raise SystemExit(f"expected only {expected!r} writes, got {sorted(set(outcomes))}")
    return per_article


def measure(path: Path, articles: list[Article], batch: int) -> dict:
    with sqlite3.connect(path) as conn:
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0] if conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone() else 0
    db = open_archive(path)
    size_before = path.stat().st_size
    try:
        new = write(db, articles, batch, "2026-07-01T00:00:00+00:00", "new")
        changed = write(db, [edited(a) for a in articles[:len(articles) // 2]], batch, "2026-07-02T00:00:00+00:00",
                        "changed")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    return {"stored": stored, "new": new, "changed": changed, "growth": path.stat().st_size - size_before}


def summary(label: str, seconds: list[float]) -> str:
    ms = [s * 1000 for s in seconds]
    return f"{statistics.mean(ms):.2f} ({statistics.median(ms):.2f} / {percentile(ms, 95):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archives", nargs="*", type=Path, help="archives to copy and write into (an empty one is always measured)")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--scratch", type=Path, default=Path(tempfile.gettempdir()),
                        help="folder for the copies (needs room for the largest archive)")
    args = parser.parse_args()
    articles = new_articles(args.articles)
    load_before = os.getloadavg()
    rows = []
    for source in [None, *args.archives]:
        folder = Path(tempfile.mkdtemp(prefix="govnews-write-", dir=args.scratch))
        target = folder / "archive.db"
        try:
            if source is not None:
                began = time.perf_counter()
                for suffix in ("", "-wal"):
                    if Path(f"{source}{suffix}").exists():
                        shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
                os.sync()  # the copy's writing-back is not the writes measured
                print(f"copied {source} in {time.perf_counter() - began:.0f} s", file=sys.stderr, flush=True)
            result = measure(target, articles, args.batch)
        finally:
            shutil.rmtree(folder)
        rows.append(result)
        print(f"  {result['stored']:,} stored: new {summary('new', result['new'])} ms", file=sys.stderr, flush=True)
    load_after = os.getloadavg()
    print(f"\n`python bench/write_cost.py {' '.join(sys.argv[1:])}`: {args.articles:,} new articles then "
          f"{args.articles // 2:,} of them changed, batches of {args.batch}, SQLite {sqlite3.sqlite_version}, "
          f"{os.cpu_count()} CPUs; load average before {', '.join(f'{x:.2f}' for x in load_before)}, "
          f"after {', '.join(f'{x:.2f}' for x in load_after)}.\n")
    print("| articles stored | new article: ms, mean (p50 / p95 of batches) | changed article: ms, mean (p50 / p95) "
          "| file growth per new article KiB |")
    print("|--:|--:|--:|--:|")
    for row in rows:
        print(f"| {row['stored']:,} | {summary('new', row['new'])} | {summary('changed', row['changed'])} "
              f"| {row['growth'] / args.articles / 1024:.1f} |")


if __name__ == "__main__":
    main()
