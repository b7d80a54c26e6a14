"""The canned queries' pages through a real Datasette: labelled parameters,
dates and sites as researchers write them, ids that open the reading view."""

from __future__ import annotations

import urllib.parse

import lxml.html
import pytest

from .test_publish import get, query

ALL = {"q": "huyen", "site": "", "from_date": "", "to_date": ""}  # "huyện" is in almost every article


def page(base: str, query_name: str, **params) -> lxml.html.HtmlElement:
    status, body, _ = get(f"{base}/archive/{query_name}?" + urllib.parse.urlencode(params))
    assert status == 200, body[:300]
    return lxml.html.fromstring(body)


@pytest.mark.parametrize("query_name, params", [
    ("search_in_range", {**ALL, "q": "chuyen doi so"}),
    ("mentions_of_person", {"name": "Đặng Ngọc Hậu"}),
])
def test_result_ids_open_the_reading_view(datasette_url, query_name, params):
    rows = query(datasette_url, query_name, **params)
    html = page(datasette_url, query_name, **params)
    links = [cell.find("a") for cell in html.cssselect("td.col-id")]
    assert len(links) == len(rows)
    assert [link.get("href") for link in links] == [f"/archive/articles/{row['id']}" for row in rows]
    assert rows
    status, reading, _ = get(datasette_url + links[0].get("href"))
    assert status == 200 and b'class="article-reading"' in reading


def test_parameters_have_labels_and_the_tab_its_title(datasette_url):
    html = page(datasette_url, "search_in_range", **ALL)
    labels = {html.get_element_by_id(label.get("for")).get("name"): label.text_content().strip()
              for label in html.cssselect("form.sql label[for]")}
    assert labels == {"q": "Words", "site": "Site (name or domain)", "from_date": "From (dd/mm/yyyy)",
                      "to_date": "To (dd/mm/yyyy)"}
    assert html.findtext(".//title") == "Search articles within a date range and a site"
    assert page(datasette_url, "mentions_of_person", name="").findtext(".//title") == "Articles that mention a person"


def test_dates_are_read_day_first_or_iso(datasette_url):
    everything = query(datasette_url, "search_in_range", **ALL)
    iso = query(datasette_url, "search_in_range", **{**ALL, "from_date": "2024-01-01", "to_date": "2024-03-31"})
    assert 10 < len(iso) < len(everything) - 10
    assert all("2024-01-01" <= row["published_at"][:10] <= "2024-03-31" for row in iso)
    for from_date, to_date in (("01/01/2024", "31/03/2024"), ("1/1/2024", "31/3/2024"), ("01-01-2024", "31.03.2024")):
        assert query(datasette_url, "search_in_range", **{**ALL, "from_date": from_date, "to_date": to_date}) == iso


@pytest.mark.parametrize("bad", ["2024-13-01", "31/02/2024", "yesterday", "01/2024"])
def test_a_date_not_understood_is_explained(datasette_url, bad):
    html = page(datasette_url, "search_in_range", **{**ALL, "from_date": bad})
    notes = html.cssselect(".query-notes")
    assert notes and f"{bad!r}" in notes[0].text_content() and "dd/mm/yyyy" in notes[0].text_content()
    assert not html.cssselect("table.rows-and-columns tbody tr")  # no silently unfiltered rows


def test_a_site_is_named_by_registry_key_or_domain(datasette_url):
    by_domain = query(datasette_url, "search_in_range", **{**ALL, "site": "sonla-demo.gov.vn"})
    assert by_domain
    assert query(datasette_url, "search_in_range", **{**ALL, "site": "demo-vnportal"}) == by_domain
    assert query(datasette_url, "search_in_range", **{**ALL, "site": "www.sonla-demo.gov.vn"}) == by_domain
    html = page(datasette_url, "search_in_range", **{**ALL, "site": "no-such-site"})
    assert "'no-such-site'" in html.cssselect(".query-notes")[0].text_content()
