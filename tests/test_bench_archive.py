"""The search benchmark's generated archive: our schema, realistic vocabulary, known needles."""

from __future__ import annotations

import sqlite3
from collections import Counter

from bench import make_archive


def test_generated_archive_is_searchable_with_zipf_vocabulary(tmp_path):
    db = tmp_path / "archive.db"
    info = make_archive.build(db, articles=2000, seed=3, workers=1, quiet=True)
    assert info["articles"] == 2000 and info["vocabulary"] > 10_000
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == 2000
        for phrase, count in info["needles"].items():
            found = conn.execute("select count(*) from articles_fts where articles_fts match ?",
                                 [f'"{phrase}"']).fetchone()[0]
            assert found == count > 0, phrase
        # searching without diacritics finds the same articles (the folded column)
        assert conn.execute("select count(*) from articles_fts where articles_fts match '\"pa vay su\"'").fetchone()[0] \
            == info["needles"]["Pá Vầy Sủ"]
        words = Counter(word for (body,) in conn.execute("select body from articles limit 300")
                        for word in body.lower().split())
    ranked = [n for _, n in words.most_common()]
    assert len(words) > 3000  # many thousands of distinct words, not a few hundred repeated
    assert ranked[0] > 20 * ranked[len(ranked) // 2]  # a long tail: the top word is far commoner than the median
