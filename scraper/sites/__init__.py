"""The portal registry: which sites we crawl and how to walk them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import yaml

DEFAULT_REGISTRY = Path(str(resources.files(__package__) / "registry.yaml"))
KNOWN_FIELDS = {"name", "agency", "province", "platform", "domains", "base_url", "start_paths",
                "article_pattern", "listing_pattern", "feeds", "sitemaps", "settings", "budget", "demo",
                "verified", "tls", "http_only", "notes"}
BUDGET_FIELDS = ("pages", "depth", "minutes")
# The extraction profiles (scraper/extract/profiles/), plus "generic" for none.
PLATFORMS = ("vnportal", "liferay", "sharepoint", "wordpress", "legacy", "national", "generic")
# How a crawl treats the site's certificate (docs/registry.md): verify refuses
# one that does not verify; default records its state and goes on; unverified
# accepts a chain known to be invalid; legacy also allows an old server's
# weak keys and protocols (OpenSSL SECLEVEL=1, TLS 1.0/1.1).
TLS_MODES = ("verify", "default", "unverified", "legacy")
DEFAULT_START_PATHS = ("/",)


class RegistryError(ValueError):
    """The registry file is unreadable or an entry is invalid."""


class UnknownSiteError(KeyError):
    """No registry entry has the requested name."""

    def __str__(self) -> str:
        return self.args[0]


@dataclass(frozen=True)
class Site:
    """One portal: where its listings start, how its links look, and what we know of it."""

    key: str
    name: str
    base_url: str
    domains: tuple[str, ...]
    start_paths: tuple[str, ...] = DEFAULT_START_PATHS
    article_pattern: re.Pattern | None = None  # None: no pattern, links are judged otherwise
    listing_pattern: re.Pattern | None = None
    platform: str | None = None
    agency: str = ""
    province: str = ""
    settings: dict = field(default_factory=dict)
    budget: dict = field(default_factory=dict)  # pages, depth, minutes: this site's limits per run
    demo: bool = False  # a site of the offline portal: left out of ``crawl --all``
    verified: bool = False  # a crawl of the live site has proved the entry: ``crawl --all`` includes it
    tls: str = "default"  # one of TLS_MODES
    http_only: bool = False  # crawled over plain HTTP, even where links say https
    # RSS/Atom feeds and sitemaps: site paths or URLs on the site's domains.
    # None (not in the entry): the crawl reads those the site names itself
    # (robots.txt's Sitemap lines, the feeds its home page declares); [] : none.
    feeds: tuple[str, ...] | None = None
    sitemaps: tuple[str, ...] | None = None
    notes: str = ""  # quirks and what the entry rests on, for the operator

    @property
    def scheduled(self) -> bool:
        """Whether ``crawl --all`` (the scheduled run) crawls it: a real site a crawl has proved."""
        return self.verified and not self.demo

    @property
    def domain(self) -> str:
        """The site's canonical domain, as stored in ``articles.site``."""
        return self.domains[0]

    def with_base_url(self, base_url: str) -> Site:
        """This site served from another address (a mirror or the offline copy).

        Feeds and sitemaps given as URLs on the site's own hosts become paths,
        so that they too are fetched from the mirror, never from the live site.
        """
        host = urlsplit(base_url).hostname
        if not host:
            raise RegistryError(f"not a URL: {base_url!r}")
        return replace(self, base_url=base_url.rstrip("/"), domains=(*self.domains, host),
                       feeds=self._as_paths(self.feeds), sitemaps=self._as_paths(self.sitemaps))

    def _as_paths(self, refs: tuple[str, ...] | None) -> tuple[str, ...] | None:
        return None if refs is None else tuple(map(self._as_path, refs))

    def _as_path(self, ref: str) -> str:
        parts = urlsplit(ref)
        if ref.startswith("/") or parts.hostname not in self.domains:
            return ref
        return urlunsplit(("", "", parts.path or "/", parts.query, ""))

    @property
    def start_urls(self) -> list[str]:
        return [self.base_url + path for path in self.start_paths]

    @property
    def feed_urls(self) -> list[str]:
        """The feeds' addresses, paths resolved against ``base_url``."""
        return [self._resolve(ref) for ref in self.feeds or ()]

    @property
    def sitemap_urls(self) -> list[str]:
        """The sitemaps' addresses, paths resolved against ``base_url``."""
        return [self._resolve(ref) for ref in self.sitemaps or ()]

    def _resolve(self, ref: str) -> str:
        return self.base_url + ref if ref.startswith("/") else ref


def load_registry(path: str | Path | None = None) -> dict[str, Site]:
    """All sites of the registry file (the bundled one by default).

    Errors name the file, the line and the field: the registry is edited by
    operators, not programmers. A key defined twice, or a domain claimed by
    two entries, is an error too (both would silently mix two sites).
    """
    path = Path(path or DEFAULT_REGISTRY)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError) as error:
        raise RegistryError(f"{path}: cannot read: {error}") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise RegistryError(f"{where}: not valid YAML: {getattr(error, 'problem', error)}") from None
    sites_node = _mapping_value(root, "sites")
    if isinstance(sites_node, yaml.ScalarNode) and sites_node.tag == "tag:yaml.org,2002:null":
        return {}  # "sites:" and no entry yet (a new file for `govnews discover --write`)
    if not isinstance(sites_node, yaml.MappingNode):
        line = root.start_mark.line + 1 if root is not None else 1
        raise RegistryError(f"{path}:{line}: expected a top-level 'sites:' mapping")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))["sites"]
    sites, key_lines, domain_owners = {}, {}, {}
    for key_node, entry_node in sites_node.value:
        key, entry_line = key_node.value, key_node.start_mark.line + 1
        if key in key_lines:
            raise RegistryError(f"{path}:{entry_line}: site {key!r} is defined twice (first at line {key_lines[key]})")
        key_lines[key] = entry_line
        lines = {k.value: k.start_mark.line + 1 for k, _ in getattr(entry_node, "value", [])
                 if isinstance(entry_node, yaml.MappingNode)}
        site = sites[key] = _site(path, key, data[key], lines, entry_line)
        for domain in site.domains:
            if domain in domain_owners:
                raise RegistryError(f"{path}:{lines.get('domains', entry_line)}: site {key!r}: field 'domains': "
                                    f"{domain} already belongs to site {domain_owners[domain]!r}")
            domain_owners[domain] = key
    return sites


def _mapping_value(node, name: str):
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if key_node.value == name:
            return value_node
    return None


def get_site(key: str, path: str | Path | None = None) -> Site:
    """The registry entry named by its key or one of its domains (``www.``
    or not), or UnknownSiteError listing the known ones."""
    sites = load_registry(path)
    if key in sites:
        return sites[key]
    bare = key.lower().removeprefix("www.")
    for site in sites.values():
        if bare in (domain.lower().removeprefix("www.") for domain in site.domains):
            return site
    raise UnknownSiteError(f"unknown site {key!r} (a registry key or domain); known sites: {', '.join(sorted(sites))}")


def _site(path: Path, key: str, entry: dict, lines: dict[str, int], entry_line: int) -> Site:
    def where(name: str) -> str:
        return f"{path}:{lines.get(name, entry_line)}: site {key!r}"

    def fail(name: str, problem: str) -> RegistryError:
        return RegistryError(f"{where(name)}: field {name!r}: {problem}")

    def need(name: str):
        if name not in entry or entry[name] in (None, "", []):
            raise RegistryError(f"{where(name)}: missing field {name!r}")
        return entry[name]

    def pattern(name: str) -> re.Pattern | None:
        value = entry.get(name)
        if value is None:
            return None
        if not isinstance(value, str) or not value:
            raise fail(name, "expected a regular expression (leave the field out for none)")
        try:
            return re.compile(value)
        except re.error as error:
            raise fail(name, f"bad regular expression: {error}") from None

    def text_list(name: str, value) -> tuple[str, ...]:
        value = value if isinstance(value, list) else [value]
        if not value or not all(isinstance(item, str) and item for item in value):
            raise fail(name, "expected text or a list of texts")
        return tuple(value)

    def flag(name: str, default: bool = False) -> bool:
        value = entry.get(name, default)
        if not isinstance(value, bool):
            raise fail(name, "expected true or false")
        return value

    def text(name: str) -> str:
        value = entry.get(name, "")
        if not isinstance(value, str):
            raise fail(name, "expected text")
        return value

    def addresses(name: str) -> tuple[str, ...] | None:
        """Feeds or sitemaps: a list of site paths or http(s) URLs on the entry's domains."""
        if name not in entry:
            return None
        value = entry[name]
        if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
            raise fail(name, "expected a list of site paths or URLs")
        for ref in value:
            if ref.startswith("/"):
                continue
            parts = urlsplit(ref)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise fail(name, f"expected a path starting with '/' or an http(s) URL, got {ref!r}")
            if parts.hostname not in domains:
                raise fail(name, f"{ref!r} is not on the site's domains ({', '.join(domains)})")
            if http_only and parts.scheme != "http":
                raise fail(name, f"{ref!r}: the site is http_only, so its URLs are http://")
        return tuple(value)

    if not isinstance(entry, dict):
        raise RegistryError(f"{path}:{entry_line}: site {key!r}: expected a mapping of fields")
    unknown = set(entry) - KNOWN_FIELDS
    if unknown:
        name = sorted(unknown)[0]
        raise RegistryError(f"{where(name)}: unknown field {name!r} (known: {', '.join(sorted(KNOWN_FIELDS))})")
    domains = text_list("domains", need("domains"))
    http_only = flag("http_only")
    base_url = str(need("base_url"))
    if not base_url.startswith(("http://", "https://")):
        raise fail("base_url", f"expected an http(s) URL, got {base_url!r}")
    if http_only and not base_url.startswith("http://"):
        raise fail("base_url", f"the site is http_only, so its base_url is http://, got {base_url!r}")
    start_paths = entry.get("start_paths")
    start_paths = DEFAULT_START_PATHS if start_paths is None else text_list("start_paths", start_paths)
    if not all(p.startswith("/") for p in start_paths):
        raise fail("start_paths", "each path must start with '/'")
    platform = entry.get("platform")
    if platform is not None and platform not in PLATFORMS:
        raise fail("platform", f"unknown {platform!r} (known: {', '.join(PLATFORMS)})")
    tls = entry.get("tls", "default")
    if tls not in TLS_MODES:
        raise fail("tls", f"unknown {tls!r} (known: {', '.join(TLS_MODES)})")
    settings = entry.get("settings") or {}
    if not isinstance(settings, dict):
        raise fail("settings", "expected NAME: value pairs")
    budget = entry.get("budget") or {}
    if not isinstance(budget, dict) or not all(
            name in BUDGET_FIELDS and isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0
            for name, value in budget.items()):
        raise fail("budget", f"expected positive numbers for any of {', '.join(BUDGET_FIELDS)}")

    return Site(
        key=key,
        name=str(need("name")),
        base_url=base_url.rstrip("/"),
        domains=domains,
        start_paths=start_paths,
        article_pattern=pattern("article_pattern"),
        listing_pattern=pattern("listing_pattern"),
        platform=platform,
        agency=str(entry.get("agency", "")),
        province=str(entry.get("province", "")),
        settings=dict(settings),
        budget=dict(budget),
        demo=flag("demo"),
        verified=flag("verified"),
        tls=tls,
        http_only=http_only,
        feeds=addresses("feeds"),
        sitemaps=addresses("sitemaps"),
        notes=text("notes"),
    )
