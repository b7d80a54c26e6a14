"""Every family's stored pages against their hand-written expected records.

Each ``tests/fixtures/<family>/<name>.html`` is a full page as a server sent
it; the ``.json`` beside it says what the clean record must be (see
tests/fixtures/README.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from scraper.extract import extract

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(FIXTURES.glob("*/*.json"))


def load(case: Path) -> tuple[dict, bytes]:
    return json.loads(case.read_text(encoding="utf-8")), case.with_suffix(".html").read_bytes()


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_fixture(case):
    expected, html = load(case)
    article = extract(html, expected["url"])
    assert article.is_article == expected["is_article"], article.extractor
    if not expected["is_article"]:
        assert not article.title and not article.body
        return
    family = case.parent.name
    if family != "unseen":  # pages of layouts no profile was written for
        assert article.extractor.startswith(family + "/"), article.extractor
    assert article.title == expected["title"]
    assert article.lead == expected["lead"]
    assert article.paragraphs == expected["body"]
    assert article.author == expected["author"]
    assert article.source == expected["source"]
    assert article.published_at == expected["published_at"]
    assert article.category == expected["category"]
    assert [(i.src, i.caption) for i in article.images] == [(i["src"], i["caption"]) for i in expected["images"]]
    assert [(a.url, a.title, a.type) for a in article.attachments] == [
        (a["url"], a["title"], a["type"]) for a in expected["attachments"]
    ]
    for phrase in expected["boilerplate"]:
        for field in ("title", "lead", "body"):
            assert phrase not in getattr(article, field), (field, phrase)


def test_every_family_has_three_fixtures():
    families = {case.parent.name for case in CASES}
    assert {"vnportal", "liferay", "sharepoint", "wordpress", "legacy", "national", "not_article"} <= families
    for family in families:
        assert len([c for c in CASES if c.parent.name == family]) >= 3, family


ARTICLE_CASES = [c for c in CASES if json.loads(c.read_text(encoding="utf-8"))["is_article"]]


@pytest.mark.parametrize("case", ARTICLE_CASES, ids=[f"{c.parent.name}/{c.stem}" for c in ARTICLE_CASES])
def test_body_html_is_sanitised_with_absolute_urls(case):
    expected, html = load(case)
    article = extract(html, expected["url"], with_html=True)
    tree = lxml.html.fragment_fromstring(article.body_html, create_parent="div")
    assert not list(tree.iter("script", "style", "form", "input"))
    for element in tree.iter():
        assert not [name for name in element.attrib if name.startswith("on") or name == "style"], element.tag
    for element in tree.iter("img", "a"):
        url = element.get("src") or element.get("href")
        if url:
            assert url.startswith(("http://", "https://", "mailto:")), url
    text = " ".join(tree.text_content().split())
    for paragraph in expected["body"]:
        if " | " not in paragraph:  # table rows are laid out differently in HTML
            assert paragraph in text
