"""Datasette's pages as a researcher sees them, measured in a real Chromium.

Table pages a screen or two per 50 rows with the search box in the first
screen; facets in a readable order, with readable labels, never broken
mid-syllable; the dashboard's charts whole, and shown under ``--public``
without opening arbitrary SQL there.
"""

from __future__ import annotations

import json
import urllib.parse

import pytest
import yaml
from playwright.sync_api import sync_playwright

from .conftest import ROOT, copy_archive, datasette_server
from .test_browser import CHROMIUM, CHROMIUM_FLAGS
from .test_publish import get

SCREEN = {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM.exists(), "Debian's chromium is missing: `make test` installs it (apt-get install chromium)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    opened = browser.new_page(viewport=SCREEN)
    yield opened
    opened.close()


def page_height(page) -> int:
    return page.evaluate("document.documentElement.scrollHeight")


def test_the_articles_table_page_is_a_few_screens_with_search_first(page, datasette_url):
    page.goto(f"{datasette_url}/archive/articles")
    assert page.locator("table.rows-and-columns tbody tr").count() == 50
    assert page_height(page) < 15_000
    search = page.locator("input[name=_search]").bounding_box()
    assert search["y"] + search["height"] < SCREEN["height"]
    assert page.locator("th.col-title").bounding_box()["width"] >= 200
    body = page.locator("td.col-body").first.inner_text()
    assert body.endswith("…") and len(body) <= 210  # the full text is in the reading view, one click away
    notes = page.locator("details.column-descriptions")
    assert notes.count() == 1 and notes.get_attribute("open") is None
    assert notes.bounding_box()["y"] > search["y"]
    assert "Headline of the article" in notes.text_content()
    assert page.locator("dl.column-descriptions:not(details dl)").count() == 0


def test_the_article_versions_table_page_is_bounded(page, datasette_url):
    page.goto(f"{datasette_url}/archive/article_versions")
    assert page.locator("table.rows-and-columns tbody tr").count() == 50
    assert page_height(page) < 15_000


def facet(base: str, column: str, query: str = "") -> list[dict]:
    status, body, _ = get(f"{base}/archive/articles.json?{query}")
    assert status == 200
    return json.loads(body)["facet_results"][column]["results"]


def test_months_come_newest_first_and_flags_read_yes_or_no(datasette_url):
    months = [value["value"] for value in facet(datasette_url, "published_month")]
    assert len(months) > 3 and months == sorted(months, reverse=True)
    years = [value["value"] for value in facet(datasette_url, "published_year")]
    assert years == sorted(years, reverse=True)
    for column in ("has_attachments", "removed"):
        values = facet(datasette_url, column)
        assert values and {value["label"] for value in values} <= {"no", "yes"}
        assert sum(value["count"] for value in values) == 160
    # a selected value still filters by 0/1, and keeps its label
    selected = facet(datasette_url, "removed", "removed=0")
    assert [(value["label"], value["selected"]) for value in selected] == [("no", True)]


WORDS_BROKEN_ACROSS_LINES = """() => {
  const broken = [];
  for (const item of document.querySelectorAll('.facet-info li')) {
    const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        if (new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size > 1) broken.push(word[0]);
      }
    }
  }
  return broken;
}"""


def test_facet_labels_wrap_between_words_only(page, datasette_url):
    page.goto(f"{datasette_url}/archive/articles?_facet=author&_facet=title")
    titles = page.locator(".facet-info[data-column=title] li")
    assert titles.count() > 10
    assert max(item.bounding_box()["height"] for item in titles.all()) > 40  # long titles do wrap
    assert page.evaluate(WORDS_BROKEN_ACROSS_LINES) == []


def dashboard_charts() -> dict:
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    return metadata["plugins"]["datasette-dashboards"]["archive"]["charts"]


def wait_for_charts(page) -> None:
    page.wait_for_function("document.querySelectorAll('.vega-embed svg, .vega-embed canvas').length >= 2",
                           timeout=30_000)


def test_the_crawl_health_legend_lies_inside_its_chart(page, datasette_url):
    page.goto(f"{datasette_url}/-/dashboards/archive")
    wait_for_charts(page)
    chart = page.locator("#chart-crawl-health svg").first
    legend = page.locator("#chart-crawl-health svg g.role-legend").first
    box, legend_box = chart.bounding_box(), legend.bounding_box()
    assert legend_box["width"] > 0 and legend_box["height"] > 0
    assert box["x"] <= legend_box["x"] and legend_box["x"] + legend_box["width"] <= box["x"] + box["width"] + 1
    assert box["y"] <= legend_box["y"] and legend_box["y"] + legend_box["height"] <= box["y"] + box["height"] + 1
    labels = page.locator("#chart-crawl-health svg g.role-legend-label text").evaluate_all(
        "texts => texts.map(text => text.textContent)")
    assert set(labels) == {"new", "changed", "removed", "failed"}


def test_the_dashboard_listed_under_public_shows_its_charts(page, public_url):
    listed = page.goto(f"{public_url}/-/dashboards")
    assert listed.status == 200
    links = page.locator("a[href^='/-/dashboards/']").evaluate_all("links => links.map(link => link.href)")
    assert links
    failures = []
    page.on("response", lambda response: failures.append((response.status, response.url))
            if response.status >= 400 else None)
    for link in links:
        assert page.goto(link).status == 200, link
    page.goto(f"{public_url}/-/dashboards/archive")
    wait_for_charts(page)
    page.wait_for_function("document.querySelector('#chart-total-articles').innerText.trim() === '160'")
    chart_pages = page.locator(".dashboard-card-title a").evaluate_all("links => links.map(link => link.href)")
    assert len(chart_pages) == len(dashboard_charts())
    for chart_page in chart_pages:  # each chart on a page of its own
        assert get(chart_page)[0] == 200, chart_page
    assert not failures
    # the charts' own queries run; any other SQL stays refused
    for chart in dashboard_charts().values():
        assert get(f"{public_url}/archive.json?" + urllib.parse.urlencode({"sql": chart["query"]}))[0] == 200
        altered = chart["query"] + " union all select 1"
        assert get(f"{public_url}/archive.json?" + urllib.parse.urlencode({"sql": altered}))[0] == 403
    assert get(f"{public_url}/archive.json?sql=select+1")[0] == 403
    assert get(f"{public_url}/archive?sql=select+1")[0] == 403


def test_an_archive_named_otherwise_keeps_these_pages_under_public(archive, tmp_path):
    db = copy_archive(archive, tmp_path / "demo2.db")
    with datasette_server(db, public=True) as base:
        assert get(base + "/-/dashboards/archive")[0] == 200
        for chart in dashboard_charts().values():
            assert get(f"{base}/archive.json?" + urllib.parse.urlencode({"sql": chart["query"]}))[0] == 200
        status, css, headers = get(base + "/-/govnews/archive.css")
        assert status == 200 and headers["content-type"].startswith("text/css") and b".facet-info" in css
        status, table, _ = get(base + "/archive/articles")
        assert status == 200 and b'<details class="column-descriptions">' in table and b"/-/govnews/archive.css" in table
        status, body, _ = get(f"{base}/archive/search_in_range.json?" + urllib.parse.urlencode(
            {"q": "huyen", "site": "demo-vnportal", "from_date": "01/01/2024", "to_date": "", "_shape": "objects"}))
        rows = json.loads(body)["rows"]
        assert status == 200 and rows and all(row["published_at"] >= "2024-01-01" for row in rows)
