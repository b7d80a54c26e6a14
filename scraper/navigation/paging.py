"""How a listing page leads to its next page, read from the page itself.

Two ways, both without per-site patterns:

- a link: ``rel=next``, a class naming "next", a text such as "Trang sau",
  "Tiếp >>" or "»", or the number of the page after this one;
- a script: many portals page by AJAX (vnPortal's ``li.page-item[data-page]``
  pager, the chinhphu.vn family's "Xem thêm" button loading
  ``/timelinelist/<zone>/<page>.htm``). The pager's script builds the address
  by string concatenation (``'/timelinelist/' + zoneId + '/' + page +
  '.htm'``); :func:`script_pager` finds that expression, resolves its other
  names from the page (a literal assignment, a hidden field, a data
  attribute) and gives an address template with ``{page}`` in place of the
  page number.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from parsel import Selector

PAGE_PLACEHOLDER = "{page}"
_ARROWS = r"(?:›|»|>>|>|→)"
_NEXT_TEXT = re.compile(
    rf"^\s*(?:(?:trang\s*sau|trang\s*tiếp|tiếp\s*theo|tiếp|sau|next(?:\s*page)?|xem\s*thêm)\s*{_ARROWS}*|{_ARROWS}+)\s*$",
    re.I)
PAGE_NUMBER = re.compile(r"(?:[?&;_](?:page|trang|p|pg|pageindex|cur)=|/page/|/trang-)(\d+)", re.I)

# A JavaScript concatenation: literals and (dotted) names joined by "+".
_OPERAND = r"""(?:'[^'\n]*'|"[^"\n]*"|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)"""
_CONCATENATION = re.compile(rf"{_OPERAND}(?:\s*\+\s*{_OPERAND})+")
_OPERANDS = re.compile(_OPERAND)
# The names pager scripts give the page number.
_PAGE_NAMES = {"page", "pageindex", "pagenum", "pagenumber", "pageno", "currentpage", "curpage", "p", "pg",
               "trang", "nextpage", "pageidx"}
_ELEMENT_VALUE = r"""(?:document\.getElementById\(\s*['"]([\w:-]+)['"]\s*\)\.value|\$\(\s*['"]#([\w:-]+)['"]\s*\)\.val\(\s*\))"""


def is_next_link(link: Selector, page_url: str) -> bool:
    """Whether ``link`` (an ``<a>``) leads to the page after ``page_url``."""
    names = f"{link.attrib.get('rel', '')} {link.attrib.get('class', '')}".lower()
    if "next" in names:
        return True
    text = " ".join(" ".join(link.css("::text").getall()).split())
    if _NEXT_TEXT.match(text):
        return True
    current = PAGE_NUMBER.search(page_url)
    return text.strip("[]() ") == str(int(current.group(1)) + 1 if current else 2)


def script_pager(page: Selector, url: str) -> str | None:
    """The address template (with ``{page}``) a pager script of ``page``
    fetches further pages from, or None. Only a template on the page's own
    host whose every part could be resolved is given."""
    scripts = [text for text in page.xpath("//script[not(@src)]/text()").getall() if "+" in text]
    for script in scripts:
        for expression in _CONCATENATION.finditer(script):
            template = _template(expression.group(0), script, page)
            if template is None:
                continue
            address = urljoin(url, template)
            if urlsplit(address).hostname == urlsplit(url).hostname and urlsplit(address).scheme in ("http", "https"):
                return address
    return None


def last_page_hint(page: Selector) -> int | None:
    """The highest page number a pager shows (``data-page``, ``data-total``), if any."""
    numbers = [int(value) for value in page.xpath("//@data-page | //@data-total | //@data-pages").getall()
               if value.strip().isdigit()]
    return max(numbers) if numbers else None


def _template(expression: str, script: str, page: Selector) -> str | None:
    """``expression`` as an address template, if it joins at least one path
    literal and the page number, and every other name resolves."""
    parts, has_page, has_path = [], False, False
    for operand in _OPERANDS.findall(expression):
        if operand[0] in "'\"":
            literal = operand[1:-1]
            has_path |= "/" in literal or "?" in literal or literal.endswith((".htm", ".html", ".aspx", ".php"))
            parts.append(literal)
        elif operand.rsplit(".", 1)[-1].lower() in _PAGE_NAMES:
            if has_page:
                return None  # two page numbers: not an address of one page
            has_page = True
            parts.append(PAGE_PLACEHOLDER)
        else:
            value = _resolve(operand, script, page)
            if value is None:
                return None
            parts.append(value)
    template = "".join(parts)
    if not (has_page and has_path) or any(char in template for char in " <>\"'\n"):
        return None
    return template if template.startswith(("/", "http://", "https://", "?")) or "/" in template.split("?")[0] else None


def _resolve(name: str, script: str, page: Selector) -> str | None:
    """The value a script name stands for: ``name = 'literal'`` or
    ``name: 1542`` in the script, ``name = document.getElementById('x').value``,
    or a field or data attribute of the page named after it."""
    last = re.escape(name.rsplit(".", 1)[-1])
    literal = re.search(rf"""(?<![\w$.]){last}\s*[:=]\s*(?:'([^'\n]*)'|"([^"\n]*)"|(\d+)\b)""", script)
    if literal:
        return next(group for group in literal.groups() if group is not None)
    element = re.search(rf"(?<![\w$.]){last}\s*=\s*{_ELEMENT_VALUE}", script)
    if element:
        ident = element.group(1) or element.group(2)
        value = page.xpath("//*[@id=$ident]/@value", ident=ident).get()
        return value.strip() if value and value.strip() else None
    wanted = name.rsplit(".", 1)[-1].lower()
    for field in page.xpath("//input[@type='hidden'][@value]"):
        label = (field.attrib.get("id") or field.attrib.get("name") or "").lower()
        if label.endswith(wanted) and field.attrib["value"].strip():
            return field.attrib["value"].strip()
    kebab = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", name.rsplit(".", 1)[-1]).lower()
    value = page.xpath(f"//@data-{kebab}").get() if re.fullmatch(r"[a-z0-9-]+", kebab) else None
    return value.strip() if value and value.strip() else None
