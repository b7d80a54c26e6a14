"""The ``govnews`` command: crawl, extract, serve, and the offline demo."""

from __future__ import annotations

import json
import os
import socket
import sys
from pathlib import Path
from typing import NoReturn

import click

from .archive import ArchiveError, check_writable, open_archive
from .archive.lock import LockBusy, archive_lock
from .crawl import EXIT_LOCKED, CrawlError, crawl as run_crawl
from .sites import RegistryError, Site, UnknownSiteError, get_site, load_registry

PROJECT_ROOT = Path(__file__).resolve().parent.parent
METADATA = PROJECT_ROOT / "metadata.yml"
TEMPLATES = Path(__file__).resolve().parent / "publish" / "templates"
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
@click.argument("sites", nargs=-1)
@click.option("--all", "all_sites", is_flag=True,
              help="Crawl every verified site of the registry, each polite on its own (unverified ones: by name).")
@click.option("--db", default="archive.db", show_default=True, help="Archive database file.")
@click.option("--base-url", help="Crawl this address instead of the site's own (a mirror or the offline portal).")
@click.option("--full", is_flag=True, help="Fetch every listing and article again, not only what is new.")
@click.option("-s", "--set", "settings", multiple=True, metavar="NAME=VALUE", help="Scrapy setting override, as with scrapy crawl -s.")
@click.option("--registry", type=click.Path(dir_okay=False), help="Site registry YAML (default: the bundled one).")
@click.option("--redis", "redis_url", metavar="URL",
              help="Seed a shared crawl in this Redis (redis://host:port/db) for `govnews worker` processes "
                   "to do, and `govnews archiver` to store, instead of crawling here.")
def crawl(sites, all_sites, db, base_url, full, settings, registry, redis_url):
    """Crawl SITES from the registry into the archive.

    Exit status: 0 ok; 1 the run failed (nothing fetched, or pages failed:
    the next run retries them); 3 a site's extraction looks broken; 4 a
    budget stopped it; 5 the site refused every page; 6 the site renders
    with JavaScript only; 74 the archive could not be written; 75 another
    run holds the archive.
    """
    if bool(sites) == all_sites:
        fail("name the sites to crawl, or give --all")
    overrides = parse_overrides(settings)
    if sys.stderr.isatty():  # the live progress line, not Scrapy's INFO log (-s LOG_LEVEL=INFO brings it back)
        overrides.setdefault("LOG_LEVEL", "WARNING")
    if redis_url:
        seed_shared_crawl(None if all_sites else list(sites), db, redis_url, base_url, overrides, registry, full)
        return
    try:
        if all_sites:
            note_unverified(load_registry(registry))
        results = run_crawl(None if all_sites else list(sites), db, base_url=base_url,
                            overrides=overrides, registry=registry, full=full)
    except LockBusy as error:
        click.echo(f"govnews: error: {error}", err=True)
        sys.exit(EXIT_LOCKED)
    except KNOWN_ERRORS as error:
        fail(str(error))
    for result in results:
        click.echo(result.summary(), err=True)
    failures = [result for result in results if result.exit_status]
    for result in failures:
        click.echo(f"govnews: error: {result.message}", err=True)
    if failures:
        sys.exit(max(result.exit_status for result in failures))


def seed_shared_crawl(sites, db, redis_url, base_url, overrides, registry, full) -> None:
    """``govnews crawl --redis``: queue the runs' start requests for the workers."""
    from redis.exceptions import RedisError

    from .distributed.run import seed

    try:
        results = seed(sites, db, redis_url, base_url=base_url, overrides=overrides, registry=registry, full=full)
    except RedisError as error:
        fail(f"Redis at {redis_url}: {error}")
    except KNOWN_ERRORS as error:
        fail(str(error))
    for result in results:
        click.echo(result.summary(), err=True)


@cli.command()
@click.option("--redis", "redis_url", required=True, metavar="URL", help="The Redis of the shared crawl.")
@click.option("-s", "--set", "settings", multiple=True, metavar="NAME=VALUE", help="Scrapy setting override.")
@click.option("--registry", type=click.Path(dir_okay=False), help="Site registry YAML (default: the bundled one).")
def worker(redis_url, settings, registry):
    """Crawl the sites seeded in Redis, with any number of other workers.

    Waits until `govnews crawl SITES --redis URL` seeds work, crawls every
    seeded site (each polite across all workers together), hands what it
    fetched to `govnews archiver`, and exits once the sites' crawls are done.
    """
    from redis.exceptions import RedisError

    from .distributed.run import work

    overrides = parse_overrides(settings)
    if sys.stderr.isatty():
        overrides.setdefault("LOG_LEVEL", "WARNING")
    try:
        pages = work(redis_url, overrides=overrides, registry=registry)
    except KeyboardInterrupt:
        sys.exit(130)
    except RedisError as error:
        fail(f"Redis at {redis_url}: {error}")
    except KNOWN_ERRORS as error:
        fail(str(error))
    for site, count in pages.items():
        click.echo(f"{site}: this worker fetched {count} pages", err=True)


@cli.command()
@click.option("--redis", "redis_url", required=True, metavar="URL", help="The Redis of the shared crawl.")
@click.option("--db", default="archive.db", show_default=True, help="Archive database file.")
@click.option("--until-done", is_flag=True, help="Exit once no site is being crawled and no item waits.")
def archiver(redis_url, db, until_done):
    """Store what the workers fetched: the archive's one writer.

    Holds the archive's lock while it runs (exit 75 when another run holds
    it); stops cleanly on SIGINT/SIGTERM, and loses nothing when killed: what
    it had taken and not committed is stored on its next start.
    """
    from redis.exceptions import RedisError

    from .distributed import connect
    from .distributed.archiver import Archiver

    try:
        check_writable(db)
        applied = Archiver(connect(redis_url), db).run(until_done=until_done)
    except LockBusy as error:
        click.echo(f"govnews: error: {error}", err=True)
        sys.exit(EXIT_LOCKED)
    except RedisError as error:
        fail(f"Redis at {redis_url}: {error}")
    except KNOWN_ERRORS as error:
        fail(str(error))
    click.echo(f"archived {applied} messages into {db}", err=True)


def note_unverified(registry_sites: dict[str, Site]) -> None:
    """Say on stderr how many real sites ``--all`` leaves out for want of a proving crawl."""
    unverified = [key for key, site in registry_sites.items() if not site.demo and not site.verified]
    if unverified:
        click.echo(f"govnews: --all leaves out the unverified sites ({len(unverified)}; `govnews sites` lists them): "
                   "crawl one by name to prove it", err=True)


SITES_ROW = "{:<18} {:<15} {:<10} {:<28} {:<10} {}"  # site, state, platform, domain, tls, last run


@cli.command()
@click.argument("url")
@click.option("--name", "key", help="Registry key of the entry (default: from the address, e.g. sonla).")
@click.option("--registry", type=click.Path(dir_okay=False), help="Registry YAML to add the entry to (with --write).")
@click.option("--write", is_flag=True, help="Add the proposed entry to the registry file.")
@click.option("--budget", default=200, show_default=True, type=click.IntRange(5, 5000),
              help="Requests at most, robots.txt included.")
@click.option("-s", "--set", "settings", multiple=True, metavar="NAME=VALUE", help="Scrapy setting override.")
def discover(url, key, registry, write, budget, settings):
    """Propose a registry entry for the portal at URL from its pages alone.

    Reads robots.txt, the sitemaps and feeds, the home page's menu and a
    sample of the listings and pages they lead to; prints the entry and the
    sample (title, date, author, extractor of each page). Exits 1 with one
    line of reason for a site it cannot use.
    """
    from .discovery import DiscoveryError, discover as run_discovery, write_entry

    try:
        found = run_discovery(url, budget=budget, key=key, overrides=parse_overrides(settings))
    except DiscoveryError as error:
        fail(str(error))
    except KNOWN_ERRORS as error:
        fail(str(error))
    click.echo(f"# {found.requests} requests; paging: {found.paging}")
    for row in found.rows:
        mark = "article" if row.is_article else "-"
        click.echo(f"#  {mark:<7} {row.published[:16]:<16} {row.author[:20]:<20} {row.extractor[:28]:<28} "
                   f"{row.title[:50]:<50} {row.url}")
    click.echo(found.entry_yaml(), nl=False)
    if write:
        try:
            path = write_entry(found, registry)
        except KNOWN_ERRORS as error:
            fail(str(error))
        click.echo(f"# added {found.key!r} to {path}; crawl it with: govnews crawl {found.key}"
                   + (f" --registry {registry}" if registry else ""), err=True)


@cli.command()
@click.option("--db", default="archive.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--registry", type=click.Path(dir_okay=False), help="Site registry YAML (default: the bundled one).")
@click.pass_context
def sites(ctx, db, registry):
    """List the registry's sites: verified or not, platform, domain, TLS handling, last run and its health."""
    from click.core import ParameterSource

    from .archive.runs import last_run

    if ctx.get_parameter_source("db") == ParameterSource.COMMANDLINE and not Path(db).is_file():
        fail(f"no archive at {db}")
    try:
        registry_sites = load_registry(registry)
        archive = open_archive(db) if Path(db).exists() else None
    except KNOWN_ERRORS as error:
        fail(str(error))
    click.echo(SITES_ROW.format("site", "state", "platform", "domain", "tls", "last run").rstrip())
    for key, site in registry_sites.items():
        run = last_run(archive, site.domain) if archive is not None else None
        health = "never crawled"
        if run:
            health = (f"last run {run['started_at']} {run['kind']} {run['status']}: {run['pages_fetched'] or 0} pages, "
                      f"{run['articles_new'] or 0} new, {run['articles_failed'] or 0} failed")
        state = ("demo " if site.demo else "") + ("verified" if site.verified else "unverified")
        tls = "http only" if site.http_only else "" if site.tls == "default" else site.tls
        click.echo(SITES_ROW.format(key, state, site.platform or "-", site.domain, tls, health))


@cli.command()
@click.option("--db", default="archive.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--site", help="Only this site: its registry key or domain.")
@click.option("--since", help="Only captures fetched on or after this date (YYYY-MM-DD).")
@click.option("--registry", type=click.Path(dir_okay=False), help="Site registry YAML (default: the bundled one).")
def reextract(db, site, since, registry):
    """Extract stored captures again (after a profile improved), with no network."""
    from .reextract import reextract_captures

    if not Path(db).is_file():
        fail(f"no archive at {db}")
    try:
        with archive_lock(db):
            result = reextract_captures(db, site_key=site, since=since, registry=registry)
    except LockBusy as error:
        click.echo(f"govnews: error: {error}", err=True)
        sys.exit(EXIT_LOCKED)
    except KNOWN_ERRORS as error:
        fail(str(error))
    click.echo(f"reextracted {result['captures']} captures: {result['changed']} articles changed, "
               f"{result['unchanged']} unchanged, {result['not_articles']} not articles, "
               f"{result['failed']} failed", err=True)


@cli.command("export-warc")
@click.argument("output", type=click.Path(dir_okay=False, writable=True, allow_dash=True))
@click.option("--db", default="archive.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--site", help="Only captures of this site: its registry key or domain.")
@click.option("--registry", type=click.Path(dir_okay=False), help="Site registry YAML (default: the bundled one).")
def export_warc(output, db, site, registry):
    """Write the stored captures as a WARC file: gzip-compressed per record when
    OUTPUT ends in .gz, plain otherwise; - writes plain WARC to stdout."""
    from .archive.warc import write_warc

    if not Path(db).is_file():
        fail(f"no archive at {db}")
    try:
        domain = get_site(site, registry).domain if site else None
        if output == "-":
            count = write_warc(db, sys.stdout.buffer, site=domain, gzip=False)
        else:
            with open(output, "wb") as stream:
                count = write_warc(db, stream, site=domain, gzip=output.endswith(".gz"))
    except KNOWN_ERRORS as error:
        fail(str(error))
    click.echo(f"wrote {count} captures to {'stdout' if output == '-' else output}", err=True)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--url", required=True, help="The URL the page was fetched from.")
@click.option("--platform", help="Extraction profile to use (default: detect from the page).")
def extract(file, url, platform):
    """Extract the article in an HTML FILE and print it as JSON."""
    from .extract import extract as extract_article, looks_like_html
    from .extract.profiles import PROFILES

    known = sorted([*PROFILES, "generic"])
    if platform is not None and platform not in known:
        raise click.BadParameter(f"unknown platform {platform!r}; known platforms: {', '.join(known)}",
                                 param_hint="--platform")
    try:
        data = file.read_bytes()
    except OSError as error:
        fail(f"cannot read {file}: {error.strerror}")
    if not looks_like_html(data):
        fail(f"{file} is not an HTML page")
    article = extract_article(data, url, platform=platform, with_html=True)
    click.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))


@cli.command()
@click.option("--db", "dbs", multiple=True, default=["archive.db"], show_default=True, type=click.Path(dir_okay=False),
              help="Archive database file; give it again for each part of a split archive (one search across them).")
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--public", is_flag=True,
              help="For the open internet: no arbitrary SQL (canned queries and the dashboards' charts stay), "
                   "no whole-database download, a 1 s SQL time limit.")
@click.option("--immutable", is_flag=True,
              help="Serve files that never change (a published snapshot, a replica): no locking, counts cached. "
                   "Never with a file a crawl writes.")
def serve(dbs, port, host, public, immutable):
    """Publish the archive with Datasette (read-only)."""
    for db in dbs:
        if not Path(db).is_file():
            fail(f"no archive at {db}: run `govnews crawl` first")
    run_datasette(datasette_command(dbs, port, host, public=public, immutable=immutable))


@cli.command()
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--by", required=True, type=click.Choice(["year", "province"]),
              help="Year of publication, or the province of the article's site (registry; national sites together).")
@click.option("--db", default="archive.db", show_default=True, type=click.Path(dir_okay=False),
              help="The archive to split: a snapshot, not the file a crawl is writing.")
@click.option("--registry", type=click.Path(dir_okay=False), help="Site registry YAML (default: the bundled one).")
def split(out_dir, by, db, registry):
    """Write the archive as part files in OUT_DIR, one per year or province, each
    a complete archive of its articles; serve them together with
    `govnews serve --db PART --db PART ...` for one search across them."""
    from .archive.split import SplitError, split_archive

    try:
        parts = split_archive(db, out_dir, by, registry)
    except (SplitError, *KNOWN_ERRORS) as error:
        fail(str(error))
    for part in parts:
        click.echo(f"{part.path}\t{part.key}\t{part.articles} articles")


# Limits that keep one visitor from tying up the server; --public tightens them.
SERVE_SETTINGS = {"sql_time_limit_ms": "3000", "max_returned_rows": "1000", "facet_time_limit_ms": "500",
                  "suggest_facets": "off", "truncate_cells_html": "200"}
PUBLIC_SETTINGS = {"sql_time_limit_ms": "1000", "default_allow_sql": "off", "allow_download": "off"}


def run_datasette(command: list[str]) -> NoReturn:
    """Become the Datasette server (exec): SIGTERM or Ctrl-C sent to govnews then stops the server itself."""
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        os.execv(command[0], command)
    except OSError as error:
        fail(f"cannot start Datasette: {error.strerror}")


def datasette_command(dbs: str | list[str], port: int, host: str = "127.0.0.1", public: bool = False,
                      immutable: bool = False) -> list[str]:
    """The Datasette command line that publishes ``dbs`` (an archive, or the parts of one) with our metadata;
    ``immutable``: each file opened immutable (``-i``)."""
    settings = {**SERVE_SETTINGS, **(PUBLIC_SETTINGS if public else {})}
    files = [str(db) for db in ([dbs] if isinstance(dbs, (str, Path)) else dbs)]
    return [
        sys.executable, "-m", "datasette", "serve",
        *(part for db in files for part in (("-i", db) if immutable else (db,))),
        "--metadata", str(METADATA), "--host", host, "--port", str(port),
        "--template-dir", str(TEMPLATES),
        *(part for name, value in settings.items() for part in ("--setting", name, value)),
    ]


@cli.command("demo-portal")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--per-category", default=40, show_default=True, type=click.IntRange(1), help="Articles in each of the 4 categories.")
@click.option("--family", default="vnportal", show_default=True,
              type=click.Choice(["vnportal", "liferay", "sharepoint", "wordpress", "legacy", "national", "vnportal2", "chinhphu",
                                 "tandan"]),
              help="Which platform family's site to serve (registry sites demo-<family>); the other families "
                   "have 2 categories of 12 articles unless --per-category is given.")
@click.option("--hostile", metavar="FAULTS",
              help="Serve the vnPortal site with crawler traps (registry site demo-hostile): fault names of "
                   "scraper/demo/hostile.py, comma-separated, or 'all'; 8 articles per category unless "
                   "--per-category is given.")
@click.pass_context
def demo_portal(ctx, port, per_category, family, hostile):
    """Serve the bundled offline portal on 127.0.0.1."""
    from click.core import ParameterSource

    from .demo import DemoPortal, HostilePortal, build_articles, build_family_articles
    from .demo.hostile import FAULTS, SITE_MODES, TLS_MODES, parse_faults

    given = ctx.get_parameter_source("per_category") == ParameterSource.COMMANDLINE
    if hostile is not None:
        if family != "vnportal":
            raise click.BadParameter("the hostile portal is the vnPortal site", param_hint="--family")
        try:
            faults = parse_faults(hostile)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--hostile") from None
        portal = HostilePortal(faults, build_articles(per_category if given else 8))
        names = ", ".join(name for name in FAULTS + TLS_MODES + SITE_MODES if name in portal.faults) or "none"
        click.echo(f"hostile portal at {portal.scheme}://127.0.0.1:{port}/ ({len(portal.articles)} articles; "
                   f"faults: {names}); Ctrl-C stops", err=True)
        if portal.ca_file:
            click.echo(f"a client verifies its certificate by trusting {portal.ca_file}", err=True)
    elif family == "vnportal":
        portal = DemoPortal(build_articles(per_category))
    else:
        portal = DemoPortal(build_family_articles(family, per_category if given else None), family=family)
    if hostile is None:
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
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Datasette's server binds
            probe.bind(("127.0.0.1", port))
    except OSError as error:
        fail(f"cannot serve on port {port} ({error.strerror}): choose another with --port")
    try:
        check_writable(db)
        with DemoPortal() as portal:
            base_url = portal.start()
            [result] = run_crawl(["demo-vnportal"], db, base_url=base_url, overrides={"LOG_LEVEL": "WARNING"})
    except (*KNOWN_ERRORS, LockBusy) as error:
        fail(str(error))
    click.echo(result.summary(), err=True)
    click.echo(f"open http://127.0.0.1:{port}/archive/articles to browse and search the archive", err=True)
    run_datasette(datasette_command(db, port))


if __name__ == "__main__":
    cli(prog_name="govnews")
