"""Tree helpers whose cost does not grow with what lies around an element.

Extraction asks the same questions of many elements: does this block open
with a label, is this link inside a sidebar, remove these hundred nodes.
Asked naively (an ancestor's whole ``text_content()``, a walk up to the root,
one string append per removed node) a page with thousands of links or
paragraphs costs quadratic time; these answers read a bounded amount of
text, remember what every ancestor was found to be, and join strings once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lxml import etree

from .vietnamese import clean_text

# Elements whose text is code or an alternative rendering, never page text.
HIDDEN_TEXT_TAGS = ("script", "style", "template", "noscript")


def text_start(element: etree._Element, limit: int) -> str:
    """``element.text_content()[:limit]``, reading only the text nodes that
    make up those first characters (an article's container holds all of it)."""
    if not len(element):  # no children: its own text is all of it
        return (element.text or "")[:limit]
    parts: list[str] = []
    size = 0
    for chunk in element.itertext():
        parts.append(chunk[: limit - size])
        size += len(parts[-1])
        if size >= limit:
            break
    return "".join(parts)


# Raw characters read per cleaned character wanted: room for indentation and runs of spaces.
_RAW_PER_CLEAN = 4


def clean_text_start(element: etree._Element, limit: int) -> str:
    """``clean_text(element.text_content())[:limit]``, from a bounded prefix
    of the text whenever that decides it (only text made mostly of spaces is
    read whole). A caller that needs the whole cleaned text when it is at
    most n characters long asks for n + 1 and checks the length."""
    window = _RAW_PER_CLEAN * limit + 64
    raw = text_start(element, window)
    cleaned = clean_text(raw)
    # cleaning a prefix gives the cleaned text's prefix, but for its last character
    if len(raw) < window or len(cleaned) > limit:
        return cleaned[:limit]
    return clean_text(element.text_content())[:limit]


class NearestAbove:
    """The nearest element at or above a given one that passes ``test``, or
    None when the walk reaches the root or an element passing ``stop`` first.

    Every element visited remembers its answer, so a page's elements are
    each tested once however many of their descendants are asked about.
    """

    def __init__(self, test: Callable[[etree._Element], bool],
                 stop: Callable[[etree._Element], bool] = lambda element: False) -> None:
        self.test, self.stop = test, stop
        self.answers: dict[etree._Element, etree._Element | None] = {}

    def __call__(self, element: etree._Element | None) -> etree._Element | None:
        visited = []
        node, found = element, None
        while node is not None:
            if node in self.answers:
                found = self.answers[node]
                break
            visited.append(node)
            if self.stop(node):
                break
            if self.test(node):
                found = node
                break
            node = node.getparent()
        for node in visited:
            self.answers[node] = found
        return found


def remove_keeping_tails(elements: Iterable[etree._Element]) -> None:
    """Remove ``elements`` (given in document order) from their tree, each
    one's tail text left where it was, as lxml.html's ``drop_tree()`` does.

    The tails of a run of removed siblings are joined once onto the node
    that receives them, not appended one at a time (quadratic in the run).
    """
    received: dict[tuple[etree._Element, str], list[str]] = {}
    for element in elements:
        parent = element.getparent()
        if parent is None:
            continue
        if element.tail:
            previous = element.getprevious()
            key = (previous, "tail") if previous is not None else (parent, "text")
            received.setdefault(key, [getattr(*key) or ""]).append(element.tail)
        parent.remove(element)
    for (node, attribute), texts in received.items():
        setattr(node, attribute, "".join(texts))


@dataclass(frozen=True)
class Squeezed:
    """What generic scoring needs of a text: the length of
    ``" ".join(text.split())`` and its commas, kept so that two texts'
    measures add up to their concatenation's."""

    length: int = 0  # characters as written; 0 for no text at all
    chars: int = 0  # characters other than spaces
    words: int = 0
    commas: int = 0
    opens_word: bool = False  # starts with a character other than a space
    closes_word: bool = False

    @classmethod
    def of(cls, text: str | None) -> Squeezed:
        if not text:
            return _NO_TEXT
        words = text.split()
        return cls(len(text), sum(map(len, words)), len(words), text.count(","),
                   not text[0].isspace(), not text[-1].isspace())

    def __add__(self, other: Squeezed) -> Squeezed:
        if not other.length:
            return self
        if not self.length:
            return other
        return Squeezed(self.length + other.length, self.chars + other.chars,
                        self.words + other.words - (self.closes_word and other.opens_word),
                        self.commas + other.commas, self.opens_word, other.closes_word)

    @property
    def size(self) -> int:
        """``len(" ".join(text.split()))``."""
        return self.chars + max(self.words - 1, 0)


_NO_TEXT = Squeezed()


class SqueezedTexts:
    """``Squeezed`` of elements' ``text_content()``; an element of
    ``reused`` is measured once and its measure reused by every ancestor, so
    nested paragraphs are not re-read once per paragraph around them."""

    def __init__(self, reused: set) -> None:
        self.reused = reused
        self.known: dict[etree._Element, Squeezed] = {}

    def __call__(self, element: etree._Element) -> Squeezed:
        known = self.known.get(element)
        if known is not None:
            return known
        total = Squeezed.of(element.text)
        for child in element:
            if isinstance(child.tag, str):  # a comment's text is not the page's
                total += self(child)
            total += Squeezed.of(child.tail)
        if element in self.reused:
            self.known[element] = total
        return total
