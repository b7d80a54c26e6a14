"""The article content as safe HTML: ``Article.body_html``.

Scripts, styles, forms and event handlers go; links and images become
absolute; iframes survive only from known video hosts. nh3 (the Rust
ammonia sanitiser) does the sanitising itself.
"""

from __future__ import annotations

import copy
from urllib.parse import urljoin, urlsplit

import lxml.html
import nh3
from lxml import etree

from .blocks import image_source
from .tree import remove_keeping_tails

VIDEO_HOSTS = ("youtube.com", "www.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com",
               "player.vimeo.com", "www.facebook.com", "vtv.vn", "vov.vn")
ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "sub", "sup", "span", "div", "blockquote",
    "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
    "figure", "figcaption", "img", "a", "iframe", "hr",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "iframe": {"src", "width", "height", "allowfullscreen"},
}


def body_html(content: etree._Element, base_url: str) -> str:
    """Sanitised HTML of ``content`` with absolute URLs."""
    content = copy.deepcopy(content)
    remove_keeping_tails([iframe for iframe in content.iter("iframe")
                          if (urlsplit(urljoin(base_url, iframe.get("src", ""))).hostname or "") not in VIDEO_HOSTS])
    for element in content.iter("img", "a", "iframe"):
        value = image_source(element) if element.tag == "img" else element.get("src") or element.get("href")
        if value and not value.startswith("data:"):
            element.set("href" if element.tag == "a" else "src", urljoin(base_url, value.strip()))
    return sanitise_html(lxml.html.tostring(content, encoding="unicode"))


def sanitise_html(html: str) -> str:
    """``html`` with only the allowed tags and attributes, and safe URLs."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "noscript", "template", "form", "select", "textarea", "button"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        attribute_filter=_video_iframes_only,
    ).strip()


def _video_iframes_only(element: str, attribute: str, value: str) -> str | None:
    """Drop an iframe's address unless it points to a known video host."""
    if element == "iframe" and attribute == "src" and (urlsplit(value).hostname or "") not in VIDEO_HOSTS:
        return None
    return value
