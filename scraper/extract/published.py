"""The article's publication time: where it comes from, best first.

Dates are read as the page writes them (``page_reader``): day first on
Vietnamese pages, always ("10/01/2024 08:30" is 10 January); elsewhere in
the page's language, month names included, and month first where the page
says so (``dates.DateReader``).

1. The date the page prints with the article (``date_lines``, found when
   the article is located): the layout's date element, else a date-named
   element or <time> around the article, else a line near the title (after
   it, down to the opening of the text: "Hamburg, 2. November 2021",
   "<p><em>10.11.2021</em></p>"; a dateline opening the text on pages not in
   Vietnamese; a line just above the title), else a labelled value
   ("Ngày đăng: ...", "Datum 25.01.2022"). Never a date of another part of
   the page (``_Elsewhere``): comment threads, embedded posts, other
   articles' teasers, related and most-read lists, captions, the page's top
   bar, a member's registration date; never a modification date while a
   date of publication is printed. A line printed past the opening of the
   text (``Distant``) loses to a structured date that disagrees.
2. JSON-LD ``datePublished`` of the page's article object.
3. Meta tags: ``article:published_time`` and the other publication dates
   (never a modification date).
4. A ``<time datetime>`` (``itemprop="datePublished"`` first), outside the
   parts of the page named in 1, never a modification date.
5. htmldate's reading of the page's structured hints (not its free text,
   where a top bar prints today's date).
6. The day in the page's address (/2024/01/10/slug, /2024-01-10-slug, /29-10-2021).

Then the candidates check one another:
- an ambiguous slashed date ("06/01/2020") is read the way the page's
  structured date says, when only one reading is that day (pages not in
  Vietnamese; ``_visible``);
- an instant in UTC a day off the local day printed elsewhere on the page
  (the address, a printed date, a meta date without offset) gives that
  local day, when the instant falls on it in a zone where the page's
  language is spoken: the site wrote its day in its own zone and its
  instant in UTC (``_local_day``);
- a date printed without its time of day takes the time from a later
  candidate of the same day (``_reconciled``).

An instant given with its own offset stays that instant; it is written in
Vietnam time on Vietnamese pages (where a "Z" means a Vietnamese day that
began at 17:00 UTC), in its own offset elsewhere.
"""

from __future__ import annotations

import re
import weakref
from datetime import datetime, timedelta, tzinfo
from functools import lru_cache

from lxml import etree

from .boilerplate import in_chrome
from .dates import COMMON_LANGUAGES, VIETNAM_TZ, DateReader, to_iso
from .decoding import vietnamese_score
from .page import Page
from .regions import DATE_NAMES, first_outside_boilerplate
from .tree import text_start
from .vietnamese import clean_text

# Publication time in metadata; modification times are never used for it.
_META_KEYS = (
    "article:published_time", "og:article:published_time", "datepublished", "og:published_time", "pubdate",
    "publishdate", "publish-date", "publish_date", "parsely-pub-date", "sailthru.date", "dc.date.issued",
    "dcterms.issued", "dc.date", "dcterms.date", "date",
)
MIN_YEAR = 1990  # nothing the web published before; an earlier "date" is a misreading
# A line giving when the article was changed, not published
UPDATED = re.compile(r"cập\s*nhật|sửa\s*đổi|update|modified|mis\s+à\s+jour|aktualisiert|geändert|actualizado|"
                     r"actualización|atualizado|aggiornato", re.I)


def published_at(page: Page, date_texts: list[str]) -> str | None:
    """ISO publication time by the strategies above, or None."""
    reader = page_reader(page)
    candidates = Candidates(page, reader, date_texts)
    for strategy in _STRATEGIES:
        chosen = candidates.of(strategy)
        if chosen:
            break
    else:
        return None
    return to_iso(_reconciled(candidates, strategy, chosen[0]), page_zone(page))


def page_zone(page: Page) -> tzinfo | None:
    """Vietnam time for a Vietnamese page (its language, its domain, or a
    title in Vietnamese); None (each instant's own offset) elsewhere."""
    return VIETNAM_TZ if page_reader(page).vietnamese else None


def _is_vietnamese(page: Page) -> bool:
    lang = (page.root.get("lang") or page.meta.get("og:locale") or "").lower()
    return lang.startswith("vi") or page.site.endswith(".vn") or vietnamese_score(page.html_title) >= 3


_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]+)*$")


def page_reader(page: Page) -> DateReader:
    """How ``page`` writes dates: Vietnamese pages day first, always (and
    English month names); other pages in their declared language first,
    then the web's common ones, slashed dates month first on US pages."""
    reader = _READERS.get(page.root)
    if reader is None:
        reader = _READERS[page.root] = _reader(page)
    return reader


_READERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # by page tree: asked once per path and per page


def _reader(page: Page) -> DateReader:
    if _is_vietnamese(page):
        return DateReader(languages=("en",))  # English month names: the portals' English editions
    tags = _language_tags(page)
    return DateReader(vietnamese=False, month_first=any(tag.startswith("en-us") for tag in tags),
                      languages=tuple(dict.fromkeys((*_languages(tags)[:2], *COMMON_LANGUAGES))))


def _language_tags(page: Page) -> list[str]:
    """The page's declared language tags, lower case: "de-de", "en-us"."""
    return [tag.lower().replace("_", "-").strip() for tag in (
        page.root.get("lang"), page.root.get("xml:lang"), page.meta.get("og:locale"),
        page.meta.get("content-language"), page.meta.get("language"), page.meta.get("dc.language")) if tag]


def _languages(tags: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(tag.split("-")[0] for tag in tags if _LANGUAGE_TAG.match(tag)))


# --- 1. Where the page prints its date ----------------------------------------------------------------

_TEXT_TAGS = ("div", "p", "span", "section", "h2", "h3", "h4", "h5", "h6", "td", "strong", "em", "b", "i",
              "small", "time", "li", "dd", "header", "font")
_MAX_DATE_LINE = 120  # a line longer than this is prose, read only at its opening
_LINES_AFTER_TITLE = 40
_LINES_BEFORE_TITLE = 6
_OPENING_LINES = 2  # text nodes of the article's text that may still hold its date ("<p><em>10.11.2021</em></p>")
# Parts of a page whose dates are not the article's: comment threads, embedded posts, lists of other
# articles, captions, the page's top bar (today's date).
_ELSEWHERE_NAMES = re.compile(
    r"(?:^|[\s_\-])(?:comments?|comment-?(?:list|body|meta|content)|disqus|respond|replies|reply|binh-?luan|"
    r"related\w*|relate|other-?news|more-?news|tin-?lien-?quan|tin-?khac|cac-?tin-?khac|same-?category|"
    r"recommended|recommendations|trending|most-?read|most-?popular|most-?viewed|popular|read-?next|up-?next|"
    r"more-?stories|outbrain|taboola|sidebar|side-?bar|instagram-media|twitter-tweet|tweet|embed|"
    r"community|wp-caption|caption|top-?bar|app-?bar|masthead|site-?header)(?:$|[\s_\-])",
    re.I,
)
_ELSEWHERE_TAGS = {"blockquote", "figure", "figcaption", "nav", "iframe"}
_CAMEL_CASE = re.compile(r"(?<=[a-z])(?=[A-Z])")
# "Ngày đăng: 09/01/2024", "Datum 25.01.2022", "Veröffentlicht am", "Published:", "Publié le"...
_LABELS = (r"(?:ng[àa]y\s+(?:đăng|đưa\s+tin|xuất\s+bản)|đăng\s+ngày|datum|date|"
           r"ver[öo]ffentlich(?:t|ung)|erschienen|erstellt|publiziert|publicado|publié|publicato|pubblicato|"
           r"published|posted|released|issued)\b")
# a label opening the line (or a part of it: "Autor: X | Veröffentlicht: "), then its date; not "Closing date:"
_PUBLISHED_LABEL = re.compile(rf"(?:^|[|·•])[^\w|·•]*{_LABELS}[^\d\n]{{0,20}}$", re.I)
_PUBLISHED_LABEL_WORD = re.compile(_LABELS, re.I)


class Distant(str):
    """A date line printed away from the title, past the opening of the
    article's text (at its foot, in a data block under a label): a
    structured date of publication (JSON-LD, meta) that disagrees wins
    over it."""


def date_lines(page: Page, selectors: tuple[str, ...], container: etree._Element,
               title: etree._Element | None, content: etree._Element) -> list[str]:
    """Date lines printed with the article, best first: the layout's date
    element (``selectors``), a date-named element or <time>; when neither
    exists, a line near the title, a labelled value, a date opening the text."""
    reader = page_reader(page)
    elsewhere = _Elsewhere(title, content)
    opening = _text_opening(content)
    named, element = _named_line(container, reader, elsewhere)
    lines = [_date_text(first_outside_boilerplate(page, selectors, container)),
             Distant(named) if named and _precedes(opening, element) else named]
    if not any(lines):
        line = _line_near_title(title, content, container, reader, elsewhere)
        if not line:
            line, element = _labelled_line(container, reader, elsewhere)
            line = Distant(line) if line and _precedes(opening, element) else line
        lines.append(line)
    return lines


_FIRST_PARAGRAPH = 100  # characters of the text node where the article's text begins


def _text_opening(content: etree._Element) -> etree._Element | None:
    """The element holding the first long text of the article."""
    found = content.xpath(f".//text()[string-length(normalize-space()) >= {_FIRST_PARAGRAPH}][1]")
    return found[0].getparent() if found else None


def _precedes(first: etree._Element | None, second: etree._Element | None) -> bool:
    """Whether ``first`` comes before ``second`` in the page (and is not around it)."""
    if first is None or second is None:
        return False
    firsts, seconds = [first, *first.iterancestors()][::-1], [second, *second.iterancestors()][::-1]
    for one, other in zip(firsts, seconds):
        if one is not other:
            parent = one.getparent()
            return parent is not None and parent.index(one) < parent.index(other)
    return False


class _Elsewhere:
    """Whether an element is in a part of the page other than the article:
    a comment thread, an embedded post, a caption, a related list, another
    article's teaser (an <article>, or an item of a list whose headline links
    elsewhere, holding neither the title nor the text)... Elements holding
    the article's title or text are the article's."""

    def __init__(self, *anchors: etree._Element | None) -> None:
        """``anchors``: the article's title and text; none when they are
        not known, and then only an <article> inside another is a teaser."""
        self.article = {node for anchor in anchors if anchor is not None for node in (anchor, *anchor.iterancestors())}
        self.anchored = bool(self.article)
        self.headlines: dict[etree._Element, list] = {}

    def __call__(self, element: etree._Element) -> bool:
        node, below = element, set()
        while node is not None and node not in self.article:
            below.add(node)
            if node.tag in _ELSEWHERE_TAGS or _named_elsewhere(node) or node.tag == "article" and (
                    self.anchored or any(above.tag == "article" for above in node.iterancestors())):
                return True
            if node.tag == "header" and not any(above.tag in ("article", "main") for above in node.iterancestors()):
                return True  # the page's header (its top bar prints today's date), not an article's
            if self.anchored and _is_item(node) and any(
                    self._teaser_link(link, below, element) for link in self._headlines(node)):
                return True  # one of a list of teasers: its headline links to another page
            node = node.getparent()
        return False

    @staticmethod
    def _teaser_link(link: etree._Element, below: set, element: etree._Element) -> bool:
        """A headline linking elsewhere beside the date, or a link around
        both (not a permalink around the date alone)."""
        if link not in below:
            return True
        return len(" ".join(link.text_content().split())) - len(" ".join(element.text_content().split())) >= _HEADLINE

    def _headlines(self, element: etree._Element) -> list:
        """The first few links under ``element`` long enough to be headlines."""
        found = self.headlines.get(element)
        if found is None:
            found = self.headlines[element] = []
            for link in element.iter("a"):
                href = (link.get("href") or "").strip()
                words = text_start(link, 3 * _HEADLINE).split()
                if href and not href.startswith(("#", "javascript:")) and len(words) >= 4 and len(
                        " ".join(words)) >= _HEADLINE:
                    found.append(link)
                    if len(found) == 2:
                        break
        return found


_HEADLINE = 30  # characters (four words or more) of link text that make a headline


def _is_item(element: etree._Element) -> bool:
    """One of a list's items: a sibling of the same tag and class holds a
    link too (a byline's author link or a breadcrumb beside the date are
    one of a kind)."""
    parent = element.getparent()
    if parent is None:
        return False
    tag, classes = element.tag, element.get("class")
    return any(sibling is not element and sibling.tag == tag and sibling.get("class") == classes
               and sibling.find(".//a") is not None for sibling in parent)


def _named_elsewhere(element: etree._Element) -> bool:
    classes, ident = element.get("class"), element.get("id")
    return bool((classes or ident) and _elsewhere_names(f"{classes or ''} {ident or ''}"))


@lru_cache(maxsize=8192)
def _elsewhere_names(names: str) -> bool:
    """Pages repeat a few hundred class names over thousands of elements."""
    return bool(_ELSEWHERE_NAMES.search(_CAMEL_CASE.sub("-", names)))


def _named_line(container: etree._Element, reader: DateReader,
                elsewhere: _Elsewhere) -> tuple[str, etree._Element | None]:
    """The first date-named element or <time> holding a date (and the
    element), preferring one that is not an "updated" line; never a
    dateModified element."""
    updated = ("", None)
    for element in container.iter(*_TEXT_TAGS):
        if element.tag != "time" and not _named(element):
            continue
        if (element.get("itemprop") or "").lower() == "datemodified":
            continue
        value = element.get("datetime") or _spaced_text(element, _MAX_DATE_LINE * 2)
        if not reader.read(value) or _REGISTERED.search(value) or elsewhere(element):
            continue
        if UPDATED.search(value) or _updated_named(element):
            updated = updated if updated[0] else (value, element)
            continue
        return value, element
    return updated


_UPDATED_NAMES = re.compile(r"(?:^|[\s_\-])(?:updated|modified|update)(?:$|[\s_\-])", re.I)


def _updated_named(element: etree._Element) -> bool:
    """Named a modification date, and not a publication date too
    (WordPress's "entry-date published updated" is both)."""
    classes = element.get("class") or ""
    return bool(_UPDATED_NAMES.search(classes)) and "publish" not in classes.lower()


def _named(element: etree._Element) -> bool:
    names = element.get("class"), element.get("id")
    return bool((names[0] or names[1]) and DATE_NAMES.search(f"{names[0] or ''} {names[1] or ''}"))


def _line_near_title(title: etree._Element | None, content: etree._Element, container: etree._Element,
                     reader: DateReader, elsewhere: _Elsewhere) -> str:
    """The first dated line after the title, down to the opening of the
    article's text ("Ngày đăng: 09/01/2024" in a <font>, "<p><em>10.11.2021</em></p>"),
    else an "updated" one, else (pages not in Vietnamese, where the text
    opens with the day of an event) a dateline opening the text ("27.1.2022 - ...",
    "Karlsruhe, (12.11.2021)."), else one of the few lines just above the title."""
    if title is None:
        return ""
    updated = dateline = ""
    opening = 0  # text nodes of the article's text read so far
    for node in title.xpath(f"following::text()[normalize-space()][position() <= {_LINES_AFTER_TITLE}]"):
        holder = node.getparent()
        inside = holder is content or content in holder.iterancestors()
        if inside:
            opening += 1
            if opening > _OPENING_LINES:
                break
        if elsewhere(holder):
            continue
        text = clean_text(node[: 4 * _MAX_DATE_LINE])
        if len(text) <= _MAX_DATE_LINE and _is_date_line(text, reader) and not _registered(node) and not (
                inside and _in_sentence(holder)):
            if not UPDATED.search(text):
                return text
            updated = updated or text
        elif len(text) > _MAX_DATE_LINE and not (reader.vietnamese or dateline):
            dateline = _dateline(text, reader)
    if updated or dateline:
        return updated or dateline
    for node in reversed(title.xpath(f"preceding::text()[normalize-space()][position() <= {_LINES_BEFORE_TITLE}]")):
        holder = node.getparent()
        if container not in holder.iterancestors():
            break  # above the article: the page's top bar and its today's date
        text = clean_text(node[: 4 * _MAX_DATE_LINE])
        if len(text) <= _MAX_DATE_LINE and _is_date_line(text, reader) and not (
                _TODAY.search(text) or elsewhere(holder) or in_chrome(holder)):
            return text
    return ""


_TODAY = re.compile(r"hôm\s+nay|today|heute|aujourd'hui|hoy|oggi", re.I)


_INLINE = {"em", "strong", "b", "i", "span", "small", "font", "a", "time", "u", "sup", "sub"}


def _in_sentence(element: etree._Element) -> bool:
    """Whether a line of the text is part of a longer paragraph
    ("<p><b>Ngày 10/01/2024</b>, UBND tỉnh ...": the day of the event), not
    a line of its own ("<p><em>10.11.2021</em></p>")."""
    while element.tag in _INLINE and element.getparent() is not None:
        element = element.getparent()
    return len(clean_text(text_start(element, 4 * _MAX_DATE_LINE))) > _MAX_DATE_LINE


# What may come before a dateline's date: nothing, or a place ("Karlsruhe, (", "BERLIN -")
_DATELINE_PLACE = re.compile(r"^\W{0,3}(?:[A-ZÀ-ÝĐ][^\s,(]*(?:\s[A-ZÀ-ÝĐ][^\s,(]*){0,2}\s*[,(\-–—]\s*\(?)?")
# What follows it: a separator, not the rest of a sentence ("Le 14 mars 2020, Olivier...")
_DATELINE_END = re.compile(r"^[\s)]*(?:[\-–—:|/.]|$)")
_DATELINE_DATE = 24  # characters after the place that may hold the date


def _dateline(text: str, reader: DateReader) -> str:
    """The date opening a paragraph ("27.1.2022 - ...", "Karlsruhe, (12.11.2021). ..."),
    with the place before it; ""."""
    start = _DATELINE_PLACE.match(text).end()
    for end in range(start + 6, min(len(text), start + _DATELINE_DATE) + 1):
        if _DATELINE_END.match(text[end:]) and reader.read(text[start:end]):
            return text[:end]
    return ""


_MAX_LINE_WORDS = 8  # words in a date line (its month and weekday included): "Pressemitteilung vom 20.01.2022", not a sentence


def _is_date_line(text: str, reader: DateReader) -> bool:
    """A short line holding a date: not a sentence that mentions one, not an address."""
    if "://" in text or text.startswith("www."):
        return False
    words = [word for word in text.split() if any(ch.isalpha() for ch in word)]
    return len(words) <= _MAX_LINE_WORDS and bool(reader.read(text)) and not _REGISTERED.search(text)


def _registered(node) -> bool:
    """A forum member's registration date: "<strong>Registriert:</strong> 18.09.2008"."""
    parent = node.getparent()  # for a text after an element: that element, the label
    return isinstance(parent.tag, str) and bool(_REGISTERED.search(_spaced_text(parent, _MAX_DATE_LINE)))


# A member's registration date in a forum profile, not the post's
_REGISTERED = re.compile(r"registriert|mitglied\s+seit|dabei\s+seit|joined|member\s+since|registered|ngày\s+tham\s+gia",
                         re.I)


def _labelled_line(container: etree._Element, reader: DateReader,
                   elsewhere: _Elsewhere) -> tuple[str, etree._Element | None]:
    """A date given under a publication label anywhere around the article
    (and its element): "Datum 25.01.2022", "Veröffentlichung: 04.02.2022",
    in one text or the label in one element and the date in the next."""
    label_before = False
    for node in container.xpath(".//text()[normalize-space()]"):
        if not (label_before or _PUBLISHED_LABEL_WORD.search(node)):  # most texts: read no further
            continue
        text = clean_text(node[: 2 * _MAX_DATE_LINE])
        if len(text) > _MAX_DATE_LINE:
            label_before = False
            continue
        labelled = label_before or _label_at(text)
        if labelled and _is_date_line(text, reader) and not elsewhere(node.getparent()):
            return text, node.getparent()
        label_before = bool(_PUBLISHED_LABEL.search(text)) and not any(ch.isdigit() for ch in text)
    return "", None


def _label_at(text: str) -> bool:
    """Whether a publication label comes before a date in ``text``."""
    digit = next((index for index, ch in enumerate(text) if ch.isdigit()), len(text))
    return bool(_PUBLISHED_LABEL.search(text[:digit]))


def _spaced_text(element: etree._Element, limit: int) -> str:
    """An element's text, its parts joined by spaces: "<span>28.09.19</span><span>12:44</span>"
    is "28.09.19 12:44", not the year 1912."""
    parts, size = [], 0
    for chunk in element.itertext():
        parts.append(chunk)
        size += len(chunk)
        if size >= limit:
            break
    return clean_text(" ".join(parts))[:limit]


def _date_text(element: etree._Element | None) -> str:
    """A date element's machine-readable value if it has one, else its text."""
    if element is None:
        return ""
    for attribute in ("datetime", "content", "title"):
        value = element.get(attribute)
        if value and any(ch.isdigit() for ch in value):
            return value
    return _spaced_text(element, _MAX_DATE_LINE * 2)


# --- 2-6. The strategies --------------------------------------------------------------------------------

class Candidates:
    """Each strategy's dates for one page, read once."""

    def __init__(self, page: Page, reader: DateReader, date_texts: list[str]) -> None:
        self.page, self.reader, self.date_texts = page, reader, date_texts
        self._found: dict = {}

    def of(self, strategy) -> list[datetime]:
        if strategy not in self._found:
            self._found[strategy] = [moment for moment in strategy(self) if MIN_YEAR <= moment.year]
        return self._found[strategy]

    def read(self, texts) -> list[datetime]:
        return [moment for moment in map(self.reader.read, texts) if moment]

    def structured_days(self) -> set:
        """The days the page's first JSON-LD and meta dates of publication
        can be (both readings of an ambiguous slashed date)."""
        texts = [*_linked_data_texts(self.page)[:1], *_meta_texts(self.page)[:1]]
        return {moment.date() for text in texts for moment in self.reader.readings(text)}


def _visible(found: Candidates) -> list[datetime]:
    """The printed date; an ambiguous slashed one read the way the page's
    structured date says, if only one reading is that day; a distant one
    only if no structured date disagrees."""
    moments = []
    for text in found.date_texts:
        readings = [moment for moment in found.reader.readings(text) if moment.year >= MIN_YEAR]
        if len(readings) > 1 or isinstance(text, Distant) and readings:
            structured = found.structured_days()
            agreeing = [moment for moment in readings if moment.date() in structured]
            readings = agreeing if isinstance(text, Distant) and structured else agreeing or readings
        moments += readings[:1]
    return moments


_ARTICLE_TYPES = re.compile(r"article|posting|report|news", re.I)


def _linked_data(found: Candidates) -> list[datetime]:
    """datePublished of the page's JSON-LD objects, articles first."""
    return found.read(_linked_data_texts(found.page))


def _linked_data_texts(page: Page) -> list[str]:
    items = [item for item in page.linked_data if isinstance(item.get("datePublished"), str)]
    items.sort(key=lambda item: not _ARTICLE_TYPES.search(str(item.get("@type", ""))))
    return [item["datePublished"] for item in items]


def _meta(found: Candidates) -> list[datetime]:
    return found.read(_meta_texts(found.page))


def _meta_texts(page: Page) -> list[str]:
    return [page.meta[key] for key in _META_KEYS if page.meta.get(key)]


_DATE_PUBLISHED = etree.XPath("//*[@itemprop='datePublished'][@datetime or @content]")
_TIMES = etree.XPath("//time[@datetime]")


def _time_elements(found: Candidates) -> list[datetime]:
    """<time datetime> and itemprop="datePublished" values outside comments,
    embedded posts, teasers and the like; never a modification date."""
    page = found.page
    elsewhere = _Elsewhere()
    elements = [element for element in (_DATE_PUBLISHED(page.root) or _TIMES(page.root))
                if not _is_modified(element) and not elsewhere(element)][:3]
    return found.read(element.get("datetime") or element.get("content") for element in elements)


def _is_modified(element: etree._Element) -> bool:
    return (element.get("itemprop") or "").lower() == "datemodified" or _updated_named(element)


def _htmldate(found: Candidates) -> list[datetime]:
    from htmldate import find_date

    page = found.page
    text = find_date(page.root, url=page.url, original_date=True, extensive_search=False)
    return found.read([text] if text else [])


_URL_DAYS = (
    re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<month>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12]\d|3[01])/"),
    re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d.])"),
    re.compile(r"(?<![\d.])(?P<day>0[1-9]|[12]\d|3[01])[-.](?P<month>0[1-9]|1[0-2])[-.](?P<year>(?:19|20)\d\d)(?![\d])"),
)


def _address(found: Candidates) -> list[datetime]:
    """The day in the page's address: /2024/01/10/slug, /2024-01-10-slug, /29-10-2021."""
    path = found.page.url.split("?")[0]
    for pattern in _URL_DAYS:
        match = pattern.search(path)
        if match:
            try:
                return [datetime(int(match["year"]), int(match["month"]), int(match["day"]), tzinfo=VIETNAM_TZ)]
            except ValueError:
                return []
    return []


_STRATEGIES = (_visible, _linked_data, _meta, _time_elements, _htmldate, _address)
_CHEAP = (_visible, _linked_data, _meta, _time_elements)


# --- The candidates check one another ---------------------------------------------------------------------

def _reconciled(found: Candidates, strategy, chosen: datetime) -> datetime:
    """``chosen`` (of ``strategy``) as the page's other dates correct it."""
    if not found.reader.vietnamese and _in_utc(chosen):
        local = _local_day(found, strategy, chosen)
        if local is not None:
            return local
    if _untimed(chosen):  # the same day, with its time, from any later strategy
        zone = VIETNAM_TZ if found.reader.vietnamese else None  # elsewhere an instant's day is in its own offset
        timed = [moment for moment in _later_candidates(found, strategy)
                 if not _untimed(moment) and (moment.astimezone(zone) if zone else moment).date() == chosen.date()]
        chosen = timed[0] if timed else chosen
    return chosen


def _local_day(found: Candidates, strategy, instant: datetime) -> datetime | None:
    """The local day printed elsewhere on the page (a date without offset:
    the address, a printed date, a meta date) when none is the UTC
    ``instant``'s own day and it is a day the instant falls on in a zone
    the page's language is spoken in (a German page's 03:00 UTC is never
    the day before where it was written)."""
    days = [moment for other in _STRATEGIES if other not in (strategy, _htmldate)
            for moment in found.of(other) if not _has_offset(moment)]
    if any(day.date() == instant.date() for day in days):
        return None
    earliest, latest = _zone_offsets(_languages(_language_tags(found.page)))
    reachable = ((instant + earliest).date(), (instant + latest).date())
    for day in days:
        if day.date() != instant.date() and reachable[0] <= day.date() <= reachable[1]:
            return day
    return None


# Languages written almost only in European time zones (UTC to UTC+3); pages in others may be anywhere.
_EUROPEAN = {"de", "it", "nl", "pl", "cs", "sk", "hu", "da", "sv", "nb", "nn", "no", "fi", "et", "lv", "lt",
             "sl", "hr", "bs", "sr", "ro", "bg", "el", "uk", "be", "ga", "ca", "eu", "gl", "lb", "is", "sq", "mk"}
# (not French, Spanish, Portuguese or English: Quebec, Latin America, Brazil, the US write them too)


def _zone_offsets(languages: tuple[str, ...]) -> tuple[timedelta, timedelta]:
    if languages and all(language in _EUROPEAN for language in languages):
        return timedelta(hours=0), timedelta(hours=3)
    return timedelta(hours=-12), timedelta(hours=14)


def _in_utc(moment: datetime) -> bool:
    return moment.utcoffset() == timedelta(0)


def _has_offset(moment: datetime) -> bool:
    """Whether the source gave an offset: dates read without one are in Vietnam time's fixed zone."""
    return moment.tzinfo is not VIETNAM_TZ


def _later_candidates(found: Candidates, chosen_by) -> list[datetime]:
    """Candidates of the cheap strategies after the one that chose (the
    chosen one's own later lines included)."""
    strategies = _CHEAP[_CHEAP.index(chosen_by):] if chosen_by in _CHEAP else ()
    return [moment for strategy in strategies for moment in found.of(strategy)]


def _untimed(moment: datetime) -> bool:
    """A date given without its time of day (read as midnight)."""
    return (moment.hour, moment.minute) == (0, 0)
