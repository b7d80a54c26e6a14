"""Re-nest markup that opens elements deeper than libxml2 will parse.

libxml2 stops at a depth of 256 ("Excessive depth in document") and keeps
only what it read until then, so a template that opens a <div> per item and
closes them all at the end loses every item after the 256th. Browsers keep
such pages whole by opening the too-deep elements higher up, as siblings of
the deepest one; ``renest`` does the same to the markup before it is parsed
again: an element that would open deeper than the limit first closes the
deepest open element, whose own end tag is then left out.

It follows libxml2's tree building where that decides the depth: void
elements, a start tag that closes the same kind of element (<p>, <li>, table
parts), and end tags that cannot close an element of higher rank (</span>
leaves an open <div> open). Text, comments and raw-text elements are copied
as they are.
"""

from __future__ import annotations

import re

MAX_DEPTH = 200  # well under libxml2's 256, which counts the <html> and <body> it adds

_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)([^>]*)>")
_VOID = {
    "area", "base", "basefont", "br", "col", "embed", "frame", "hr", "img", "input", "isindex",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
}
_RAW_TEXT = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"}
_TABLE_PARTS = {"thead", "tbody", "tfoot", "tr", "td", "th"}
# A start tag closes the open element on top when it is one of these (libxml2's start-close table, in part).
_CLOSES = {
    "p": {"p"}, "li": {"li"}, "option": {"option"}, "a": {"a"}, "form": {"form"},
    "td": {"td", "th"}, "th": {"td", "th"}, "tr": {"tr", "td", "th"},
    "thead": _TABLE_PARTS, "tbody": _TABLE_PARTS, "tfoot": _TABLE_PARTS,
}
# An end tag is ignored when an open element of higher rank stands above its element.
_END_RANK = {"div": 150, "td": 160, "th": 160, "tr": 170, "thead": 180, "tbody": 180, "tfoot": 180,
             "table": 190, "head": 200, "body": 200, "html": 220}


class _Open:
    """An element open in the markup read, and whether it is still open in the markup written."""

    __slots__ = ("name", "written")

    def __init__(self, name: str) -> None:
        self.name, self.written = name, True


def renest(html: str, max_depth: int = MAX_DEPTH) -> str:
    """``html`` with no element nested more than ``max_depth`` deep."""
    out: list[str] = []
    stack: list[_Open] = []
    depth = 0  # elements open in the markup written
    copied = position = 0
    while (start := html.find("<", position)) >= 0:
        if html.startswith("<!--", start):
            end = html.find("-->", start + 4)
            position = len(html) if end < 0 else end + 3
            continue
        tag = _TAG.match(html, start)
        if tag is None:
            if html.find(">", start) < 0:
                break  # no tag can end anywhere after this
            position = start + 1
            continue
        position = tag.end()
        closing, name, rest = tag.group(1), tag.group(2).lower(), tag.group(3)
        if closing:
            index = _closed_by_end_tag(stack, name)
            if index is None:
                continue
            closed = stack[index:]
            del stack[index:]
            depth -= sum(entry.written for entry in closed)
            if not closed[0].written:  # its end tag went out early: close what opened after it instead
                out.append(html[copied:start])
                out.extend(f"</{entry.name}>" for entry in reversed(closed[1:]) if entry.written)
                copied = position
            continue
        if name in _RAW_TEXT:
            end = re.compile(rf"</{re.escape(name)}\s*>", re.I).search(html, position)
            position = len(html) if end is None else end.end()
            continue
        if name in _VOID or rest.endswith("/"):
            continue
        while stack and stack[-1].name in _CLOSES.get(name, ()):
            depth -= stack.pop().written
        if depth >= max_depth:
            deepest = next(entry for entry in reversed(stack) if entry.written)
            deepest.written = False
            depth -= 1
            out.append(html[copied:start] + f"</{deepest.name}>")
            copied = start
        stack.append(_Open(name))
        depth += 1
    out.append(html[copied:])
    return "".join(out)


def _closed_by_end_tag(stack: list[_Open], name: str) -> int | None:
    """Where in ``stack`` the element an end tag closes sits, or None when
    libxml2 would ignore the end tag."""
    rank = _END_RANK.get(name, 100)
    for index in range(len(stack) - 1, -1, -1):
        if stack[index].name == name:
            return index
        if _END_RANK.get(stack[index].name, 100) > rank:
            return None
    return None
