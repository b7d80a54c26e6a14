"""Word-level differences between two texts, as HTML paragraphs with <ins> and <del>.

Paragraphs (separated by a blank line, as the archive stores a body) are
matched first, then the words of paragraphs that changed, with Python's
difflib. A word is a run of letters, digits and combining marks, so a
Vietnamese syllable stays whole whatever its diacritics (in NFC or NFD);
each punctuation mark and each run of spaces is a token of its own.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from markupsafe import Markup, escape

PARAGRAPH_BREAK = "\n\n"
_TOKENS = re.compile(r"\n\n|\s+|[\w\u0300-\u036f]+|[^\w\s]")
# Beyond this many tokens on a side, changed paragraphs are shown whole
# (deleted, then inserted) rather than compared word by word: difflib's cost
# grows with the product of the two lengths.
MAX_WORD_TOKENS = 20_000


def tokens(text: str) -> list[str]:
    """'Hội nghị, 2024' -> ['Hội', ' ', 'nghị', ',', ' ', '2024']."""
    return _TOKENS.findall(text)


def diff_paragraphs(old: str | None, new: str | None) -> list[Markup]:
    """The paragraphs of ``new`` with what ``old`` had instead marked: <del> for
    words taken out, <ins> for words put in; unchanged text as it is."""
    old_paragraphs, new_paragraphs = _paragraphs(old), _paragraphs(new)
    shown: list[list[str]] = []
    matcher = SequenceMatcher(None, old_paragraphs, new_paragraphs, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            shown.extend([str(escape(text))] for text in new_paragraphs[j1:j2])
        elif tag == "delete":
            shown.extend([_marked("del", text)] for text in old_paragraphs[i1:i2])
        elif tag == "insert":
            shown.extend([_marked("ins", text)] for text in new_paragraphs[j1:j2])
        else:
            shown.extend(_word_diff(PARAGRAPH_BREAK.join(old_paragraphs[i1:i2]),
                                    PARAGRAPH_BREAK.join(new_paragraphs[j1:j2])))
    return [Markup("".join(parts)) for parts in shown]


def _paragraphs(text: str | None) -> list[str]:
    return [paragraph for paragraph in (text or "").split(PARAGRAPH_BREAK) if paragraph]


def _word_diff(old: str, new: str) -> list[list[str]]:
    """Changed paragraphs compared word by word; a paragraph break on either side starts a new paragraph."""
    old_tokens, new_tokens = tokens(old), tokens(new)
    if max(len(old_tokens), len(new_tokens)) > MAX_WORD_TOKENS:
        runs = [("del", old_tokens), ("ins", new_tokens)]
    else:
        runs = []
        for same, old_run, new_run in _changes(old_tokens, new_tokens):
            if same:
                runs.append(("", new_run))
                continue
            if old_run:
                runs.append(("del", old_run))
            if new_run:
                runs.append(("ins", new_run))
    paragraphs: list[list[str]] = [[]]
    for tag, run in runs:
        pieces = "".join(run).split(PARAGRAPH_BREAK)
        for number, piece in enumerate(pieces):
            if number:
                paragraphs.append([])
            paragraphs[-1].append(_marked(tag, piece) if tag else str(escape(piece)))
    return [parts for parts in paragraphs if "".join(parts).strip()]


def _changes(old_tokens: list[str], new_tokens: list[str]) -> list[tuple[bool, list[str], list[str]]]:
    """(unchanged?, old tokens, new tokens) runs; a mere space between two
    changes joins them, so "Quốc Tuấn" -> "Minh Anh" reads as one change."""
    runs: list[tuple[bool, list[str], list[str]]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_tokens, new_tokens, autojunk=False).get_opcodes():
        same, old_run, new_run = tag == "equal", old_tokens[i1:i2], new_tokens[j1:j2]
        if not same and len(runs) >= 2 and runs[-1][0] and not "".join(runs[-1][1]).strip() and not runs[-2][0]:
            space, changed = runs.pop(), runs.pop()
            old_run, new_run = changed[1] + space[1] + old_run, changed[2] + space[2] + new_run
        runs.append((same, old_run, new_run))
    return runs


def _marked(tag: str, text: str) -> str:
    """``text`` in <tag>, the spaces around it left outside."""
    core = text.strip()
    if not core:
        return str(escape(text))
    start = text.index(core)
    return f"{escape(text[:start])}<{tag}>{escape(core)}</{tag}>{escape(text[start + len(core):])}"
