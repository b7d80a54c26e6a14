"""Search that keeps the diacritics a researcher typed.

In Vietnamese, a language of syllables, folding diacritics merges different
words (đổi/đối, số/sơ/sổ). So each word of a query is looked up on its own
terms:

- a word typed with any diacritic (đ included) is looked up in
  ``articles_fts_exact`` (syllables as written, lower-cased), under both
  tone placements where they differ ("hoà"/"hòa", "thuỷ"/"thủy"); NFC/NFD
  and case do not matter;
- a word typed without diacritics is looked up in ``articles_fts`` (folded,
  đ written d), so "chuyen doi so" finds "chuyển đổi số" and its look-alikes.

Every word is required. Words in double quotes must be consecutive (a
phrase). Results are ranked: articles where the words typed stand together,
in order, come first, then by bm25 with the title weighing most (in a query
mixing both kinds of words, bm25 of the words typed with diacritics); or by date.
Past ``MATCH_CAP`` matches the count stops ("more than"), relevance ranks the
most recently archived ``MATCH_CAP`` and date order walks the published_at
index, so a search reads a bounded number of rows on an archive of any size.
Nothing typed reaches FTS5 as syntax: quotes are balanced or dropped, operators
and symbols are ignored, and ``Query.notes`` says what was changed.
"""

from __future__ import annotations

import bisect
import itertools
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from markupsafe import Markup, escape

from ..extract.vietnamese import fold
from .schema import EXACT_FTS_TABLE, FTS_TABLE

_WORD = re.compile(r"[^\W_]+")
_TONES = "\u0300\u0301\u0303\u0309\u0323"
# oa, oe, uy closing a syllable (not the u of qu): the tone goes on the first
# vowel in the old placement (hòa, thủy), on the second in the new (hoà, thuỷ).
_TWO_PLACEMENTS = re.compile(r"(?<!q)(?:oa|oe|uy)$")
OPERATORS = {"AND", "OR", "NOT", "NEAR"}
_IGNORED = re.compile(r"[^\w\s\".,;!?…'’]")
MAX_PHRASE_SPELLINGS = 16
# bm25 weights: title, lead, body, author (and, in the folded index, the folded copy of them all)
EXACT_WEIGHTS = (10.0, 3.0, 1.0, 2.0)
FOLDED_WEIGHTS = (10.0, 3.0, 1.0, 2.0, 1.0)


@lru_cache(maxsize=65536)
def spellings(syllable: str) -> tuple[str, ...]:
    """The lower-case NFC spellings of a syllable: under the old tone placement, then the new."""
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    tones = [c for c in decomposed if c in _TONES]
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    place = _TWO_PLACEMENTS.search(base)
    if len(tones) != 1 or place is None:
        return (unicodedata.normalize("NFC", decomposed),)
    return tuple(unicodedata.normalize("NFC", base[:i + 1] + tones[0] + base[i + 1:]) for i in (place.start(), place.start() + 1))


def normalise(syllable: str) -> str:
    """One spelling per syllable: lower-case, NFC, the tone in the new placement (hoà, thuỷ)."""
    return spellings(syllable)[-1]


def has_diacritics(word: str) -> bool:
    return fold(word) != word.lower()


def _quoted(words: list[str]) -> str:
    return '"' + " ".join(words) + '"'


@dataclass
class Query:
    """A query as read: its words in typed order, those outside quotes, its quoted phrases
    and what was changed to read it."""

    text: str
    words: list[str] = field(default_factory=list)
    loose: list[str] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def reading(self) -> str:
        """The query as it was read, written back."""
        return " ".join([_quoted(p) for p in self.phrases] + self.loose)

    def _exact_word(self, word: str) -> str:
        return "(" + " OR ".join(f'"{s}"' for s in spellings(word)) + ")"

    def _exact_phrase(self, words: list[str]) -> str:
        variants = list(itertools.product(*(spellings(w) for w in words)))
        if len(variants) > MAX_PHRASE_SPELLINGS:
            variants = [tuple(normalise(w) for w in words)]
        return "(" + " OR ".join(_quoted(list(v)) for v in variants) + ")"

    def _phrase(self, words: list[str]) -> tuple[str, str]:
        """(index, FTS5 expression): a phrase all typed with diacritics is looked up as
        written; any other in the folded index (its words with diacritics are also
        required as written, by ``expressions``)."""
        if all(has_diacritics(w) for w in words):
            return "exact", self._exact_phrase(words)
        return "folded", _quoted([fold(w) for w in words])

    def expressions(self) -> dict[str, str]:
        """The FTS5 MATCH expression for each index this query needs."""
        parts: dict[str, list[str]] = {"exact": [], "folded": []}
        singles = self.loose + [p[0] for p in self.phrases if len(p) == 1]
        for word in dict.fromkeys(singles):
            if has_diacritics(word):
                parts["exact"].append(self._exact_word(word))
            else:
                parts["folded"].append(f'"{fold(word)}"')
        for phrase in self.phrases:
            if len(phrase) > 1:
                index, expression = self._phrase(phrase)
                parts[index].append(expression)
                if index == "folded":  # its words with diacritics, as written
                    parts["exact"] += [self._exact_word(w) for w in phrase if has_diacritics(w)]
        return {index: " AND ".join(terms) for index, terms in parts.items() if terms}

    def together(self) -> tuple[str, str] | None:
        """(index, expression) for all the words typed, consecutive and in order; None for one
        word, or for one quoted phrase (every result has them together)."""
        return self._phrase(self.words) if len(self.words) > 1 and self.phrases != [self.words] else None

    def hits(self, text: str) -> list[tuple[int, int]]:
        """Where the query's words are in ``text`` (start, end), as the indexes compare words."""
        loose = {fold(w) for w in self.words if not has_diacritics(w)}
        exact = {normalise(w) for w in self.words if has_diacritics(w)}
        candidates = loose | {fold(w) for w in exact}
        if not candidates:
            return []
        folded = fold(text)
        if len(folded) != len(text):  # not one folded letter per letter: fold word by word
            spans = [m.span() for m in _WORD.finditer(text) if fold(m.group()) in candidates]
        else:
            pattern = r"(?<![^\W_])(?:" + "|".join(map(re.escape, sorted(candidates, key=len, reverse=True))) + r")(?![^\W_])"
            spans = [m.span() for m in re.finditer(pattern, folded)]
        return [(i, j) for i, j in spans if fold(text[i:j]) in loose or normalise(text[i:j]) in exact]


def parse(text: str | None) -> Query:
    """Read what a researcher typed; never FTS5 syntax, and notes on anything changed."""
    text = unicodedata.normalize("NFC", text or "").strip()
    query = Query(text)
    if not text:
        query.notes.append("Type one or more words to search.")
        return query
    if text.count('"') % 2:
        cut = text.rfind('"')
        text = text[:cut] + text[cut + 1:]
        query.notes.append("An unmatched double quote was left out.")
    pieces = text.split('"')
    ignored_operators, ignored_marks, empty_quotes = [], set(), False
    for position, piece in enumerate(pieces):
        words = _WORD.findall(piece)
        ignored_marks.update(_IGNORED.findall(piece))
        if position % 2:
            if not words:
                empty_quotes = True
                continue
            query.words.extend(words)
            query.phrases.append(words)
            continue
        for word in words:
            if word in OPERATORS:
                ignored_operators.append(word)
            else:
                query.words.append(word)
                query.loose.append(word)
    if empty_quotes:
        query.notes.append("Empty quotes were left out.")
    if ignored_operators:
        query.notes.append(f"{', '.join(dict.fromkeys(ignored_operators))} ignored: every word is required; "
                           "search operators are not used.")
    if ignored_marks:
        query.notes.append(f"Ignored: {' '.join(sorted(ignored_marks))} (only words and double-quoted phrases are read).")
    if not query.words:
        query.notes.append("No word to search for.")
    elif query.notes:
        query.notes.append(f"Searched for: {query.reading}")
    return query


_INDEXES = {"exact": (EXACT_FTS_TABLE, EXACT_WEIGHTS), "folded": (FTS_TABLE, FOLDED_WEIGHTS)}
# Matches counted, and ranked, exactly. A search with more is counted as "more than MATCH_CAP",
# ranked by relevance among the MATCH_CAP most recently archived (highest rowid), and ordered by
# date by walking the published_at index: every search then reads a bounded number of rows,
# whatever the size of the archive.
MATCH_CAP = 10_000
DATE_INDEX = "idx_articles_published_at"
PROBES = 100  # up to this many articles are tested one by one for the words together


def _in_index(index: str, rowid: str = "a.rowid") -> str:
    table = _INDEXES[index][0]
    return f"{rowid} IN (SELECT rowid FROM {table} WHERE {table} MATCH :{index})"


def match_sql(query: Query, rowid: str = "a.rowid") -> tuple[str, dict]:
    """(SQL condition on ``a``, parameters): the articles a parsed query finds, unranked, for counting
    them; ``rowid="+a.rowid"`` keeps SQLite from looking each match up by its rowid."""
    expressions = query.expressions()
    return " AND ".join(_in_index(index, rowid) for index in expressions), dict(expressions)


def capped_match_count(conn: sqlite3.Connection, query: Query, cap: int) -> int:
    """The matches in one of the query's indexes, counted no further than ``cap``: a quick upper
    bound on the query's matches (the words of every index are required)."""
    index, expression = next(iter(query.expressions().items()))
    table = _INDEXES[index][0]
    return conn.execute(f"SELECT count(*) FROM (SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT ?)",
                        [expression, cap]).fetchone()[0]


class MatchCount(int):
    """The number of matching articles; ``at_least`` when counting stopped at the cap (there are more)."""

    at_least: bool

    def __new__(cls, value: int, at_least: bool = False):
        count = super().__new__(cls, value)
        count.at_least = at_least
        return count


def _ranking(query: Query) -> str:
    """The index whose bm25 ranks: the words typed with diacritics (the fewer matches, as a rule);
    the words without are then a filter."""
    return "exact" if "exact" in query.expressions() else "folded"


def search_sql(query: Query, where: str = "", cap: int = MATCH_CAP, scored: bool = True) -> tuple[str, dict]:
    """(SQL, parameters) for the candidates: up to ``cap`` + 1 matches, most recently archived
    first (rowid descending, the order of the full-text index, so it stops early), each with
    its published_at and bm25 score (NULL unless ``scored``); ``where`` filters ``a`` (articles)."""
    expressions = query.expressions()
    ranking = _ranking(query)
    table, weights = _INDEXES[ranking]
    conditions = [f"r.{table} MATCH :{ranking}"]
    conditions += [_in_index(index) for index in expressions if index != ranking]
    conditions += [where] if where else []
    score = f"bm25(r.{table}, {', '.join(map(str, weights))})" if scored else "NULL"
    sql = (f"SELECT r.rowid, a.published_at, {score} AS score "
           f"FROM {table} r JOIN articles a ON a.rowid = r.rowid WHERE {' AND '.join(conditions)} "
           f"ORDER BY r.rowid DESC LIMIT {cap + 1}")
    return sql, dict(expressions)


def date_walk_sql(query: Query, where: str = "") -> tuple[str, dict]:
    """(SQL, parameters) for a page of a search with many matches, newest first: the published_at
    index walked from the newest, each article tested for the query (one full-text look-up by
    rowid per index), until the page is full. With over MATCH_CAP matches the page fills after a
    few hundred tests; sorting every match would read them all."""
    expressions = query.expressions()
    conditions = ([where] if where else []) + [
        f"EXISTS (SELECT 1 FROM {_INDEXES[index][0]} WHERE {_INDEXES[index][0]} MATCH :{index} AND rowid = a.rowid)"
        for index in expressions]
    sql = (f"SELECT a.rowid, a.published_at FROM articles a INDEXED BY {DATE_INDEX} "
           f"WHERE {' AND '.join(conditions)} ORDER BY a.published_at DESC, a.rowid DESC LIMIT :limit OFFSET :offset")
    return sql, dict(expressions)


def _together(conn: sqlite3.Connection, query: Query, rowids: list[int]) -> set[int] | None:
    """Which of ``rowids`` (descending) hold all the words typed together, in order; None when
    that is every match (one quoted phrase), none for one word. Read from the index from the
    lowest of them on when they are a run of the newest matches, one look-up each otherwise."""
    together = query.together()
    if together is None:
        return None if query.phrases == [query.words] else set()
    table = _INDEXES[together[0]][0]
    if len(rowids) <= PROBES:
        sql = f"SELECT rowid FROM {table} WHERE {table} MATCH :together AND rowid = :rowid"
        return {rowid for rowid in rowids if conn.execute(sql, {"together": together[1], "rowid": rowid}).fetchone()}
    sql = f"SELECT rowid FROM {table} WHERE {table} MATCH :together AND rowid >= :lowest"
    return {rowid for rowid, in conn.execute(sql, {"together": together[1], "lowest": rowids[-1]})}


def _newest_first(row: tuple) -> tuple:
    return (row[1] or "", row[0])


def ranked_page(conn: sqlite3.Connection, query: Query, where: str = "", filters: dict | None = None,
                order: str = "relevance", limit: int = 20, offset: int = 0,
                cap: int = MATCH_CAP) -> tuple[list[tuple[int, bool, float | None]], MatchCount]:
    """A page of (rowid, together, score) and the number of matches, read from a bounded set.

    Up to ``cap`` matches: all are ranked (phrase matches first, then bm25) or sorted by date,
    and counted exactly. More: the count says "more than ``cap``"; relevance ranks the ``cap``
    most recently archived matches; date order walks the published_at index."""
    sql, params = search_sql(query, where, cap, scored=order != "date")
    candidates = conn.execute(sql, {**params, **(filters or {})}).fetchall()
    total = MatchCount(min(len(candidates), cap), at_least=len(candidates) > cap)
    candidates = candidates[:cap]
    if order == "date" and total.at_least:
        walk, walk_params = date_walk_sql(query, where)
        page = conn.execute(walk, {**walk_params, **(filters or {}), "limit": limit, "offset": offset}).fetchall()
        page = [(rowid, published_at, None) for rowid, published_at in page]
    elif order == "date":
        page = sorted(candidates, key=_newest_first, reverse=True)[offset:offset + limit]
    else:
        together = _together(conn, query, [row[0] for row in candidates])
        page = sorted(candidates, key=lambda row: (together is not None and row[0] not in together, row[2]))
        page = page[offset:offset + limit]
    if order == "date":
        together = _together(conn, query, sorted((row[0] for row in page), reverse=True))
    return [(rowid, together is None or rowid in together, score) for rowid, _, score in page], total


def snippet(query: Query, text: str | None, before: int = 60, width: int = 280) -> Markup:
    """HTML: the stretch of ``text`` (``width`` characters) with the most query words, those in <mark>, the rest escaped."""
    text = text or ""
    hits = query.hits(text)

    def distinct(k: int) -> int:  # different query words among the hits from the k-th on, within the width
        window = hits[k:bisect.bisect_left(hits, (hits[k][0] + width - before,))]
        return len({text[i:j].lower() for i, j in window})

    start = hits[max(range(len(hits)), key=distinct)][0] if hits else 0
    first = 0 if start <= before else text.find(" ", start - before, start) + 1 or start
    last = len(text) if first + width >= len(text) else text.rfind(" ", first, first + width) if " " in text[first:first + width] else first + width
    out, position = [], first
    for i, j in hits:
        if first <= i and j <= last:
            out += [escape(text[position:i]), Markup("<mark>%s</mark>") % text[i:j]]
            position = j
    out.append(escape(text[position:last]))
    return Markup("… " if first else "") + Markup("").join(out) + Markup(" …" if last < len(text) else "")


_ROW = "SELECT id, title, site, published_at, author, url, lead, body FROM articles WHERE rowid = ?"


def describe(conn: sqlite3.Connection, query: Query, rowid: int) -> dict:
    """One result as shown: the article's fields, its title and best passage with the words marked."""
    article_id, title, site, published_at, author, url, lead, body = conn.execute(_ROW, [rowid]).fetchone()
    return {
        "rowid": rowid, "id": article_id, "title": title, "site": site, "published_at": published_at,
        "author": author, "url": url, "title_html": snippet(query, title, width=len(title or "")),
        "snippet": snippet(query, f"{lead or ''}\n{body or ''}"),
    }


def run(conn: sqlite3.Connection, query: Query, where: str = "", filters: dict | None = None,
        order: str = "relevance", limit: int = 20, offset: int = 0,
        cap: int = MATCH_CAP) -> tuple[list[dict], MatchCount]:
    """The page of results (each with its snippets) and the number of matching articles
    (``MatchCount.at_least`` when there are more than ``cap``: see ``ranked_page``)."""
    if not query.words:
        return [], MatchCount(0)
    ranked, total = ranked_page(conn, query, where, filters, order, limit, offset, cap)
    return [{**describe(conn, query, rowid), "together": together, "score": score}
            for rowid, together, score in ranked], total


UNCAPPED = 2 ** 62


def ranked_rowids(conn: sqlite3.Connection, query: Query, where: str = "", filters: dict | None = None,
                  order: str = "relevance") -> list[int]:
    """Every match, in the order ``run`` pages through them when there are at most MATCH_CAP: for a
    full download, which ranks every match however many (within the server's time limit)."""
    if not query.words:
        return []
    ranked, _ = ranked_page(conn, query, where, filters, order, limit=UNCAPPED, offset=0, cap=UNCAPPED)
    return [rowid for rowid, _, _ in ranked]
