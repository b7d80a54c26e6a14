"""What spiders hand to pipelines: what happened to a URL, not yet interpreted."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FetchedPage:
    """An article page as fetched, with the provenance storage keeps."""

    url: str
    site_key: str
    status: int
    body: bytes
    fetched_at: str
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
    """A page that could not be fetched; the next run retries it."""

    url: str
    kind: str  # "http-500", "timeout", "dns", "connection"...
    error: str
