"""Re-nest markup that opens elements deeper than libxml2 will parse.

libxml2 stops at a depth of 256 ("Excessive depth in document") and keeps
only what it read until then, so a template that opens a <div> per item and
closes them all at the end loses every item after the 256th. ``renest``
rewrites the markup before it is parsed again: the tags of an element that
would open deeper than the limit are left out, its text and everything in
it staying where they are; a block element's tags become line breaks, so
its text stays a line (a paragraph) of its own. Links are kept one level
past the limit: they cannot nest, and attachments are links.

It follows libxml2's tree building where that decides the depth: void
elements, a start tag that closes the same kind of element (<p>, <li>, table
parts), and end tags that cannot close an element of higher rank (</span>
leaves an open <div> open). Text, comments and raw-text elements are copied
as they are.
"""

from __future__ import annotations

import re

MAX_DEPTH = 200  # well under libxml2's 256, which counts the <html> and <body> it adds

# Tags that do not break a line: left out without a trace past the limit.
_INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
    "time", "tt", "u", "var",
}

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
    """An element open in the markup read, and whether its tags are written."""

    __slots__ = ("name", "written")

    def __init__(self, name: str) -> None:
        self.name, self.written = name, True


def renest(html: str, max_depth: int = MAX_DEPTH) -> str:
    """``html`` with no element nested more than ``max_depth`` deep."""
    writer = _Writer(html)
    stack: list[_Open] = []
    depth = 0  # elements open in the markup written
    position = 0
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
            if not closed[0].written:  # a link written past the limit may be open inside it
                links = [entry.name for entry in reversed(closed[1:]) if entry.written]
                writer.leave_out(start, position, name, "".join(f"</{link}>" for link in links))
            continue
        if name in _RAW_TEXT:
            end = re.compile(rf"</{re.escape(name)}\s*>", re.I).search(html, position)
            position = len(html) if end is None else end.end()
            continue
        if name in _VOID or rest.endswith("/"):
            continue
        while stack and stack[-1].name in _CLOSES.get(name, ()):
            depth -= stack.pop().written
        entry = _Open(name)
        if depth < max_depth or (name == "a" and depth == max_depth):
            depth += 1
        else:
            entry.written = False
            writer.leave_out(start, position, name)
        stack.append(entry)
    return writer.finish()


class _Writer:
    """The markup written: the markup read, less the tags left out."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.parts: list[str] = []
        self.copied = 0  # the markup read is written up to here
        self.last_break = -1  # where the last block tag left out ends

    def leave_out(self, start: int, end: int, name: str, closing: str = "") -> None:
        """Drop the tag at ``start:end`` (after writing ``closing``); a block
        element's tag leaves a line break, one for a run of them with no
        text in between (10,000 empty wrappers are one break, not 20,000)."""
        self.parts.append(self.html[self.copied:start] + closing)
        if name not in _INLINE:
            if self.last_break < 0 or _TAG.sub("", self.html[self.last_break:start]).strip():
                self.parts.append("<br>")
            self.last_break = end
        self.copied = end

    def finish(self) -> str:
        self.parts.append(self.html[self.copied:])
        return "".join(self.parts)


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
