"""What spiders hand to pipelines: a fetched page, not yet interpreted."""

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
