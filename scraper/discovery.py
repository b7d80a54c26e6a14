"""``govnews discover``: a registry entry proposed from a portal's address.

The discovery spider (scraper/spiders/discover.py) fetches a sample of the
site within a request budget; here each sampled page is extracted and
judged, and the entry is inferred: the feeds and sitemaps that work, the
address shape of the articles (a pattern only when it tells articles from
every other page sampled), how listings page, the platform family. A site
that cannot be used gets one reason.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .extract import extract
from .extract.page import Page
from .extract.profiles import PROFILES
from .navigation.feeds import parse_feed
from .navigation.paging import PAGE_NUMBER
from .navigation.sitemaps import parse_sitemap
from .sites import DEFAULT_REGISTRY, RegistryError, load_registry
from .spiders.discover import Sample

MIN_ARTICLES = 3  # articles among the sample before a site is called usable
_SLUG_WITH_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*-(\d+)((?:\.[a-z]+)?)$")
_DIGITS = re.compile(r"^\d+((?:\.[a-z]+)?)$")
_ALPHA_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*((?:\.[a-z]+)?)$")
_TITLE_SEPARATORS = re.compile(r"\s+[-|–—:]\s+")


class DiscoveryError(Exception):
    """The site cannot be crawled as it is: the message says why, in one line."""


@dataclass
class SampleRow:
    url: str
    title: str
    published: str
    author: str
    extractor: str
    is_article: bool


@dataclass
class Discovery:
    """What discovery found: the proposed entry and the sampled pages behind it."""

    key: str
    entry: dict
    rows: list[SampleRow] = field(default_factory=list)
    paging: str = ""
    requests: int = 0

    def entry_yaml(self) -> str:
        """The entry as registry YAML, indented under ``sites:``."""
        text = yaml.safe_dump({self.key: self.entry}, allow_unicode=True, sort_keys=False, width=120)
        return "".join(f"  {line}\n" for line in text.splitlines())


def discover(url: str, budget: int = 200, key: str | None = None, overrides: dict[str, str] | None = None
             ) -> Discovery:
    """Fetch a sample of the site at ``url`` (at most ``budget`` requests,
    robots.txt and the project's politeness obeyed) and propose its entry."""
    from .crawl import CrawlProcess, check_reachable, project_settings

    check_reachable(url)
    process = CrawlProcess(project_settings(overrides))
    crawler = process.create_crawler("discover")
    process.crawl(crawler, url=url, budget=budget)
    process.start()
    return analyse(url, crawler.spider.samples, key)


def analyse(home: str, samples: list[Sample], key: str | None = None) -> Discovery:
    """The entry for the site at ``home`` from the discovery's samples;
    DiscoveryError when the site cannot be used."""
    home_sample = next((s for s in samples if s.role == "home"), None)
    if home_sample is None or home_sample.status == 0:
        reason = home_sample.body.decode("utf-8", "replace") if home_sample else "no answer"
        raise DiscoveryError(f"{home}: the home page could not be fetched ({reason})")
    final = urlsplit(home_sample.url)
    host = final.hostname or ""
    if host.removeprefix("www.") != (urlsplit(home).hostname or "").removeprefix("www."):
        raise DiscoveryError(f"{home}: the home page moved to {home_sample.url}; discover that address instead")
    if home_sample.status in (401, 403, 451):
        raise DiscoveryError(f"{home}: access denied (HTTP {home_sample.status}): the site refuses this crawler")
    if home_sample.status != 200:
        raise DiscoveryError(f"{home}: the home page answers HTTP {home_sample.status}")
    rows = []
    for sample in samples:
        if sample.role == "candidate" and sample.status == 200:
            article = extract(sample.body, sample.url)
            rows.append(SampleRow(sample.url, article.title, article.published_at or "", article.author,
                                  article.extractor, article.is_article))
    articles = [row for row in rows if row.is_article]
    if len(articles) < MIN_ARTICLES:
        raise DiscoveryError(_unusable_reason(home, home_sample, rows))
    base_url = f"{final.scheme}://{final.netloc}"
    entry = {
        "name": _site_name(home_sample) or host,
        "domains": _domains(host),
        "base_url": base_url,
    }
    platform = _platform(articles)
    if platform:
        entry["platform"] = platform
    feeds = [_site_path(s.url, base_url) for s in samples if s.role == "feed" and parse_feed(s.body, s.url)]
    sitemaps = [_site_path(s.url, base_url) for s in samples
                if s.role == "sitemap" and s.via.endswith("/robots.txt") and _is_sitemap(s)]
    if feeds:
        entry["feeds"] = feeds
    if sitemaps:
        entry["sitemaps"] = sitemaps
    pattern = article_pattern([row.url for row in articles], [row.url for row in rows if not row.is_article]
                              + [s.url for s in samples if s.role in ("home", "listing", "next-page")])
    if pattern:
        entry["article_pattern"] = pattern
    paging = paging_method(samples)
    entry["verified"] = False
    entry["notes"] = f"proposed by govnews discover from {len(samples)} requests; paging: {paging}"
    return Discovery(key=key or default_key(host), entry=entry, rows=rows, paging=paging, requests=len(samples))


def article_pattern(article_urls: list[str], other_urls: list[str]) -> str | None:
    """A regular expression for the article addresses: each path segment
    generalised (a slug ending in an id, an id, a slug, or the few literal
    folders seen), kept only if it matches every article sampled and none
    of the other pages."""
    shapes = Counter(_shape(urlsplit(url).path) for url in article_urls)
    if not shapes or len(shapes) > 2:
        return None
    pattern = "|".join(f"^{shape}$" for shape, _ in shapes.most_common()) if len(shapes) > 1 \
        else f"^{shapes.most_common(1)[0][0]}$"
    compiled = re.compile(pattern)
    if not all(compiled.search(urlsplit(url).path) for url in article_urls):
        return None
    if any(compiled.search(urlsplit(url).path) for url in other_urls):
        return None  # the shape does not tell articles from other pages: extraction will
    return pattern


def _shape(path: str) -> str:
    segments = [segment for segment in path.split("/") if segment]
    parts = []
    for position, segment in enumerate(segments):
        last = position == len(segments) - 1
        lower = segment.lower()
        slug_id, number, slug = _SLUG_WITH_ID.match(lower), _DIGITS.match(lower), _ALPHA_SLUG.match(lower)
        if slug_id:
            parts.append(r"[a-z0-9-]+-\d+" + re.escape(slug_id.group(2)))
        elif number:
            parts.append(r"\d+" + re.escape(number.group(1)))
        elif last and slug:
            parts.append(r"[a-z0-9-]+" + re.escape(slug.group(1)))
        else:
            parts.append(r"[^/]+")
        if segment != lower:
            parts[-1] = parts[-1].replace("a-z", "a-zA-Z")
    return "/" + "/".join(parts) if parts else "/"


def paging_method(samples: list[Sample]) -> str:
    """How the listings page, in words: by script, by a query or path
    number, or not seen."""
    scripted = [s for s in samples if s.role == "script-page"]
    if scripted:
        return f"script (the pager's script loads {_site_path(scripted[0].url, '')})"
    nexts = [s.url for s in samples if s.role == "next-page"]
    for url in nexts:
        number = PAGE_NUMBER.search(url)
        if number:
            marker = url[number.start():number.start(1)]
            return f"next links ({marker}N)"
    if nexts:
        return f"next links (e.g. {_site_path(nexts[0], '')})"
    return "none seen (listings may page by a form post, or show everything)"


def _domains(host: str) -> list[str]:
    """The host first, then its other form with or without "www." (none for an address)."""
    if not re.search(r"[a-z]", host) or ":" in host or "." not in host:
        return [host]
    other = host.removeprefix("www.") if host.startswith("www.") else f"www.{host}"
    return [host, other]


def default_key(host: str) -> str:
    """"sonla" for sonla.gov.vn, "vpcp-chinhphu" for vpcp.chinhphu.vn."""
    labels = [label for label in host.removeprefix("www.").split(".") if label not in ("gov", "vn", "com", "org")]
    return "-".join(labels) or host


def write_entry(discovery: Discovery, registry: str | Path | None) -> Path:
    """Add the proposed entry to the registry file; refuse an existing key,
    and leave the file as it was if the result would not load."""
    path = Path(registry or DEFAULT_REGISTRY)
    before = path.read_text(encoding="utf-8") if path.exists() else "sites:\n"
    if path.exists() and discovery.key in load_registry(path):
        raise RegistryError(f"{path}: site {discovery.key!r} exists already; choose another --name")
    path.write_text(before.rstrip("\n") + "\n\n" + discovery.entry_yaml(), encoding="utf-8")
    try:
        load_registry(path)
    except RegistryError:
        path.write_text(before, encoding="utf-8")
        raise
    return path


def _unusable_reason(home: str, home_sample: Sample, rows: list[SampleRow]) -> str:
    page = Page.parse(home_sample.body, home_sample.url)
    text = " ".join(page.root.xpath("string(//body)").split()) if page is not None else ""
    if len(text) < 200:
        return f"{home}: the home page has almost no text without JavaScript: not crawlable without a browser"
    rejected = Counter(row.extractor for row in rows)
    seen = ", ".join(f"{kind} {count}" for kind, count in rejected.most_common(4)) or "no page linked from it"
    return f"{home}: nothing article-like found: {len(rows)} pages sampled, {sum(r.is_article for r in rows)} articles ({seen})"


def _site_name(home: Sample) -> str:
    """The site's own name: og:site_name, else the first part of its title."""
    page = Page.parse(home.body, home.url)
    if page is None:
        return ""
    name = page.root.xpath("string(//meta[@property='og:site_name']/@content)").strip()
    if not name:
        title = " ".join(page.root.xpath("string(//title)").split())
        name = _TITLE_SEPARATORS.split(title)[0] if title else ""
    return unescape(name)


def _platform(articles: list[SampleRow]) -> str | None:
    """The extraction profile most articles came from, if a profile's."""
    families = Counter(row.extractor.split("/")[0] for row in articles)
    family, count = families.most_common(1)[0]
    return family if family in PROFILES and count * 2 > len(articles) else None


def _is_sitemap(sample: Sample) -> bool:
    return sample.status == 200 and parse_sitemap(sample.body, sample.url) is not None


def _site_path(url: str, base_url: str) -> str:
    """``url`` as a path when it is on the site, else whole."""
    parts = urlsplit(url)
    if base_url and not url.startswith(base_url):
        return url
    return parts.path + (f"?{parts.query}" if parts.query else "")
