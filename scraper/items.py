"""What spiders hand to pipelines: what happened to a URL, not yet interpreted."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FetchedPage:
    """An article page as fetched, with the provenance storage keeps.

    ``url`` is the page's canonical form (what the archive stores and
    compares); ``fetched_url`` is the address that answered, as sent.
    """

    url: str
    site_key: str
    status: int
    body: bytes = field(repr=False)
    fetched_at: str
    fetched_url: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    recheck: bool = False


@dataclass
class NotModified:
    """A stored article answered a conditional request with 304."""

    url: str
    fetched_at: str


@dataclass
class Gone:
    """A stored article now answers 404/410 or redirects off to a non-article page."""

    url: str
    fetched_at: str
    reason: str


@dataclass
class FetchFailed:
    """A page that could not be fetched, or was deliberately not: ``kind``
    says which ("http-500", "timeout", "redirect-loop", "robots-blocked",
    "offsite-redirect"...); the archive's runs module decides which kinds
    the next run retries."""

    url: str
    kind: str
    error: str
    recheck: bool = False
