"""The Article record: what one news page becomes once cleaned."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Image:
    """An image of the article with the caption printed under it.

    ``after_paragraph`` is how many body paragraphs come before it on the
    page (0: it leads the text), so a reader can show it in place.
    """

    src: str
    alt: str = ""
    caption: str = ""
    after_paragraph: int | None = None


@dataclass
class Attachment:
    """A document attached to the article (decision, report, form...)."""

    url: str
    title: str = ""
    type: str = ""  # file extension: pdf, docx, xlsx, zip...


@dataclass
class Article:
    """A cleaned news article, or a page recognised as not being one.

    ``body`` holds paragraphs separated by one blank line; ``published_at`` is
    ISO 8601 in Vietnam time; ``body_html`` is the content as sanitised HTML, when asked for;
    ``extractor`` names the path that produced the record ("vnportal/2",
    "generic", ...).
    """

    url: str
    canonical_url: str = ""
    site: str = ""
    title: str = ""
    lead: str = ""
    body: str = ""
    author: str = ""
    published_at: str | None = None
    images: list[Image] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    body_html: str = ""
    category: str = ""
    source: str = ""
    is_article: bool = False
    extractor: str = ""

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p]

    def to_dict(self) -> dict:
        return asdict(self)
