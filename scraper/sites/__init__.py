"""The portal registry: which sites we crawl and how to walk them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import yaml

DEFAULT_REGISTRY = Path(str(resources.files(__package__) / "registry.yaml"))


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
    """All sites of the registry file (the bundled one by default)."""
    path = Path(path or DEFAULT_REGISTRY)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise RegistryError(f"{path}: {error}") from error
    entries = data.get("sites") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        raise RegistryError(f"{path}: expected a top-level 'sites:' mapping")
    return {key: _site(path, key, entry) for key, entry in entries.items()}


def get_site(key: str, path: str | Path | None = None) -> Site:
    """The registry entry ``key``, or UnknownSiteError listing the known ones."""
    sites = load_registry(path)
    if key not in sites:
        raise UnknownSiteError(f"unknown site {key!r}; known sites: {', '.join(sorted(sites))}")
    return sites[key]


def _site(path: Path, key: str, entry: dict) -> Site:
    def need(name: str):
        if not isinstance(entry, dict) or not entry.get(name):
            raise RegistryError(f"{path}: site {key!r}: missing field {name!r}")
        return entry[name]

    def pattern(name: str) -> re.Pattern:
        try:
            return re.compile(need(name))
        except re.error as error:
            raise RegistryError(f"{path}: site {key!r}: field {name!r}: bad regular expression: {error}") from None

    domains = need("domains")
    return Site(
        key=key,
        name=need("name"),
        base_url=str(need("base_url")).rstrip("/"),
        domains=tuple(domains if isinstance(domains, list) else [domains]),
        start_paths=tuple(need("start_paths")),
        article_pattern=pattern("article_pattern"),
        listing_pattern=pattern("listing_pattern"),
        platform=entry.get("platform"),
        agency=entry.get("agency", ""),
        province=entry.get("province", ""),
        settings=dict(entry.get("settings") or {}),
    )
