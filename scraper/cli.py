"""The ``govnews`` command: crawl, extract, serve, and the offline demo."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click

from .archive import ArchiveError, check_writable
from .crawl import CrawlError, crawl as run_crawl
from .sites import RegistryError, UnknownSiteError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
METADATA = PROJECT_ROOT / "metadata.yml"
KNOWN_ERRORS = (ArchiveError, CrawlError, RegistryError, UnknownSiteError, OSError)


def fail(message: str) -> None:
    """Print one line to stderr and exit with status 1."""
    click.echo(f"govnews: error: {message}", err=True)
    sys.exit(1)


def parse_overrides(pairs: tuple[str, ...]) -> dict[str, str]:
    overrides = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"expected NAME=VALUE, got {pair!r}", param_hint="-s")
        overrides[name.strip()] = value
    return overrides


@click.group()
@click.version_option(package_name="govnews")
def cli():
    """Archive Vietnamese government news portals into SQLite and publish them with Datasette."""


@cli.command()
@click.argument("site")
@click.option("--db", default="archive.db", show_default=True, help="Archive database file.")
@click.option("--base-url", help="Crawl this address instead of the site's own (a mirror or the offline portal).")
@click.option("-s", "--set", "settings", multiple=True, metavar="NAME=VALUE", help="Scrapy setting override, as with scrapy crawl -s.")
@click.option("--registry", type=click.Path(dir_okay=False), help="Site registry YAML (default: the bundled one).")
def crawl(site, db, base_url, settings, registry):
    """Crawl SITE from the registry into the archive."""
    try:
        result = run_crawl(site, db, base_url=base_url, overrides=parse_overrides(settings), registry=registry)
    except KNOWN_ERRORS as error:
        fail(str(error))
    click.echo(
        f"{site}: {result.pages} pages fetched; articles {result.new} new, {result.changed} changed, "
        f"{result.unchanged} unchanged, {result.failed} failed; {result.not_articles} pages were not articles",
        err=True,
    )
    if result.failed:
        fail(f"{site}: extraction failed on {result.failed} pages; see the log")


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--url", required=True, help="The URL the page was fetched from.")
@click.option("--platform", help="Extraction profile to use (default: detect from the page).")
def extract(file, url, platform):
    """Extract the article in an HTML FILE and print it as JSON."""
    from .extract import extract as extract_article, looks_like_html

    try:
        data = file.read_bytes()
    except OSError as error:
        fail(f"cannot read {file}: {error.strerror}")
    if not looks_like_html(data):
        fail(f"{file} is not an HTML page")
    article = extract_article(data, url, platform=platform)
    click.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))


@cli.command()
@click.option("--db", default="archive.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--host", default="127.0.0.1", show_default=True)
def serve(db, port, host):
    """Publish the archive with Datasette."""
    if not Path(db).is_file():
        fail(f"no archive at {db}: run `govnews crawl` first")
    sys.exit(subprocess.call(datasette_command(db, port, host)))


def datasette_command(db: str, port: int, host: str = "127.0.0.1") -> list[str]:
    """The Datasette command line that publishes ``db`` with our metadata."""
    return [
        sys.executable, "-m", "datasette", "serve", str(db),
        "--metadata", str(METADATA), "--host", host, "--port", str(port),
        "--setting", "sql_time_limit_ms", "3000",
    ]


@cli.command("demo-portal")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--per-category", default=40, show_default=True, type=click.IntRange(1), help="Articles in each of the 4 categories.")
def demo_portal(port, per_category):
    """Serve the bundled offline portal on 127.0.0.1."""
    from .demo import DemoPortal, build_articles

    portal = DemoPortal(build_articles(per_category))
    click.echo(f"offline portal at http://127.0.0.1:{port}/ ({len(portal.articles)} articles); Ctrl-C stops", err=True)
    try:
        portal.serve_forever("127.0.0.1", port)
    except KeyboardInterrupt:
        pass


@cli.command()
@click.option("--db", default="archive.db", show_default=True)
@click.option("--port", default=8001, show_default=True, type=int, help="Datasette port.")
def demo(db, port):
    """Crawl the offline portal into the archive, then serve it."""
    from .demo import DemoPortal

    try:
        check_writable(db)
        with DemoPortal() as portal:
            base_url = portal.start()
            result = run_crawl("sonla", db, base_url=base_url, overrides={"LOG_LEVEL": "WARNING"})
    except KNOWN_ERRORS as error:
        fail(str(error))
    click.echo(f"crawled {result.pages} pages of the offline portal: {result.new} new articles", err=True)
    click.echo(f"open http://127.0.0.1:{port}/archive/articles to browse and search the archive", err=True)
    sys.exit(subprocess.call(datasette_command(db, port)))


if __name__ == "__main__":
    cli(prog_name="govnews")
