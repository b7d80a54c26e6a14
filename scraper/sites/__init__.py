"""The portal registry: which sites we crawl and how to walk them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import yaml

DEFAULT_REGISTRY = Path(str(resources.files(__package__) / "registry.yaml"))
KNOWN_FIELDS = {"name", "agency", "province", "platform", "domains", "base_url", "start_paths",
                "article_pattern", "listing_pattern", "settings", "budget", "demo", "tls", "http_only"}
BUDGET_FIELDS = ("pages", "depth", "minutes")
# The extraction profiles (scraper/extract/profiles/), plus "generic" for none.
PLATFORMS = ("vnportal", "liferay", "sharepoint", "wordpress", "legacy", "national", "generic")
# How a site's TLS is taken (scraper/tls.py): verify it, record it (the default), accept a known-invalid chain, or legacy TLS.
TLS_OPTIONS = ("verify", "default", "unverified", "legacy")


class RegistryError(ValueError):
    """The registry file is unreadable or an entry is invalid."""


class UnknownSiteError(KeyError):
    """No registry entry has the requested name."""

    def __str__(self) -> str:
        return self.args[0]


@dataclass(frozen=True)
class Site:
    """One portal: where its listings start and how its links look."""

    key: str
    name: str
    base_url: str
    domains: tuple[str, ...]
    start_paths: tuple[str, ...]
    article_pattern: re.Pattern
    listing_pattern: re.Pattern
    platform: str | None = None
    agency: str = ""
    province: str = ""
    settings: dict = field(default_factory=dict)
    budget: dict = field(default_factory=dict)  # pages, depth, minutes: this site's limits per run
    demo: bool = False  # a site of the offline portal: left out of ``crawl --all``
    tls: str = "default"  # one of TLS_OPTIONS
    http_only: bool = False  # crawled over plain HTTP: its https links are requested as http

    @property
    def domain(self) -> str:
        """The site's canonical domain, as stored in ``articles.site``."""
        return self.domains[0]

    def with_base_url(self, base_url: str) -> Site:
        """This site served from another address (a mirror or the offline copy)."""
        host = urlsplit(base_url).hostname
        if not host:
            raise RegistryError(f"not a URL: {base_url!r}")
        return replace(self, base_url=base_url.rstrip("/"), domains=(*self.domains, host))

    @property
    def start_urls(self) -> list[str]:
        return [self.base_url + path for path in self.start_paths]


def load_registry(path: str | Path | None = None) -> dict[str, Site]:
    """All sites of the registry file (the bundled one by default).

    Errors name the file, the line and the field: the registry is edited by
    operators, not programmers.
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
    if not isinstance(sites_node, yaml.MappingNode):
        line = root.start_mark.line + 1 if root is not None else 1
        raise RegistryError(f"{path}:{line}: expected a top-level 'sites:' mapping")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))["sites"]
    sites = {}
    for key_node, entry_node in sites_node.value:
        key = key_node.value
        lines = {k.value: k.start_mark.line + 1 for k, _ in getattr(entry_node, "value", [])
                 if isinstance(entry_node, yaml.MappingNode)}
        sites[key] = _site(path, key, data[key], lines, key_node.start_mark.line + 1)
    return sites


def _mapping_value(node, name: str):
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if key_node.value == name:
            return value_node
    return None


def get_site(key: str, path: str | Path | None = None) -> Site:
    """The registry entry ``key``, or UnknownSiteError listing the known ones."""
    sites = load_registry(path)
    if key not in sites:
        raise UnknownSiteError(f"unknown site {key!r}; known sites: {', '.join(sorted(sites))}")
    return sites[key]


def _site(path: Path, key: str, entry: dict, lines: dict[str, int], entry_line: int) -> Site:
    def where(name: str) -> str:
        return f"{path}:{lines.get(name, entry_line)}: site {key!r}"

    def need(name: str):
        if not isinstance(entry, dict) or name not in entry or entry[name] in (None, "", []):
            raise RegistryError(f"{where(name)}: missing field {name!r}")
        return entry[name]

    def pattern(name: str) -> re.Pattern:
        try:
            return re.compile(str(need(name)))
        except re.error as error:
            raise RegistryError(f"{where(name)}: field {name!r}: bad regular expression: {error}") from None

    def text_list(name: str) -> tuple[str, ...]:
        value = need(name)
        value = value if isinstance(value, list) else [value]
        if not all(isinstance(item, str) and item for item in value):
            raise RegistryError(f"{where(name)}: field {name!r}: expected text or a list of texts")
        return tuple(value)

    if not isinstance(entry, dict):
        raise RegistryError(f"{path}:{entry_line}: site {key!r}: expected a mapping of fields")
    unknown = set(entry) - KNOWN_FIELDS
    if unknown:
        name = sorted(unknown)[0]
        raise RegistryError(f"{where(name)}: unknown field {name!r} (known: {', '.join(sorted(KNOWN_FIELDS))})")
    base_url = str(need("base_url"))
    if not base_url.startswith(("http://", "https://")):
        raise RegistryError(f"{where('base_url')}: field 'base_url': expected an http(s) URL, got {base_url!r}")
    start_paths = text_list("start_paths")
    if not all(p.startswith("/") for p in start_paths):
        raise RegistryError(f"{where('start_paths')}: field 'start_paths': each path must start with '/'")
    platform = entry.get("platform")
    if platform is not None and platform not in PLATFORMS:
        raise RegistryError(f"{where('platform')}: field 'platform': unknown {platform!r} (known: {', '.join(PLATFORMS)})")
    settings = entry.get("settings") or {}
    if not isinstance(settings, dict):
        raise RegistryError(f"{where('settings')}: field 'settings': expected NAME: value pairs")
    budget = entry.get("budget") or {}
    if not isinstance(budget, dict) or not all(
            name in BUDGET_FIELDS and isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0
            for name, value in budget.items()):
        raise RegistryError(f"{where('budget')}: field 'budget': expected positive numbers for any of "
                            f"{', '.join(BUDGET_FIELDS)}")
    tls = entry.get("tls", "default")
    if tls not in TLS_OPTIONS:
        raise RegistryError(f"{where('tls')}: field 'tls': unknown {tls!r} (known: {', '.join(TLS_OPTIONS)})")

    return Site(
        key=key,
        name=str(need("name")),
        base_url=base_url.rstrip("/"),
        domains=text_list("domains"),
        start_paths=start_paths,
        article_pattern=pattern("article_pattern"),
        listing_pattern=pattern("listing_pattern"),
        platform=platform,
        agency=str(entry.get("agency", "")),
        province=str(entry.get("province", "")),
        settings=dict(settings),
        budget=dict(budget),
        demo=_flag(entry.get("demo", False), where("demo"), "demo"),
        tls=tls,
        http_only=_flag(entry.get("http_only", False), where("http_only"), "http_only"),
    )


def _flag(value, where: str, name: str) -> bool:
    if not isinstance(value, bool):
        raise RegistryError(f"{where}: field {name!r}: expected true or false")
    return value
