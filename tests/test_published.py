"""Publication time: dates read as each page writes them, and where on the
page the article's own date is (scraper/extract/dates.py, published.py).
One small hand-written page or line per rule."""

from __future__ import annotations

import pytest

from scraper.extract import extract, generic
from scraper.extract.dates import COMMON_LANGUAGES, DateReader, to_iso
from scraper.extract.page import Page

GERMAN = DateReader(vietnamese=False, languages=("de",))
SPANISH = DateReader(vietnamese=False, languages=("es",))
RUSSIAN = DateReader(vietnamese=False, languages=("ru",))
UNKNOWN = DateReader(vietnamese=False, languages=COMMON_LANGUAGES)  # a page that names no language
US = DateReader(vietnamese=False, month_first=True, languages=("en",))
VIETNAMESE = DateReader(languages=("en",))


def read(reader: DateReader, text: str) -> list[str]:
    return [to_iso(moment, None) for moment in reader.readings(text)]


@pytest.mark.parametrize("reader, text, expected", [
    (GERMAN, "24. April 2020", "2020-04-24T00:00:00+07:00"),
    (GERMAN, "Hamburg, 2. November 2021", "2021-11-02T00:00:00+07:00"),
    (GERMAN, "Veröffentlicht am Mittwoch, 3. März 2021 um 14:30 Uhr", "2021-03-03T14:30:00+07:00"),
    (SPANISH, "martes 17 de marzo de 2020", "2020-03-17T00:00:00+07:00"),
    (RUSSIAN, "15 августа 2016, 13:43", "2016-08-15T13:43:00+07:00"),
    (UNKNOWN, "January 18, 2020", "2020-01-18T00:00:00+07:00"),
    (UNKNOWN, "Jan. 18th, 2020 at 3:05 p.m.", "2020-01-18T15:05:00+07:00"),
    (UNKNOWN, "1er mars 2020", "2020-03-01T00:00:00+07:00"),
    (UNKNOWN, "2020年4月24日", "2020-04-24T00:00:00+07:00"),
    # the first date of the text, whatever its form
    (GERMAN, "Publiziert am 2. März 2013 von Tom; er starb am 26.2.2013", "2013-03-02T00:00:00+07:00"),
    # English month names on Vietnamese pages too (the portals' English editions)
    (VIETNAMESE, "January 10, 2024 08:30", "2024-01-10T08:30:00+07:00"),
])
def test_month_names_in_the_page_s_language(reader, text, expected):
    assert read(reader, text)[0] == expected


@pytest.mark.parametrize("text", ["Saturday, January 18th", "Version 1.2.3", "im April"])
def test_no_year_no_date(text):
    assert read(UNKNOWN, text) == []


@pytest.mark.parametrize("text, expected", [
    ("02.12.19", "2019-12-02T00:00:00+07:00"),
    ("Max Muster, 8.5.12", "2012-05-08T00:00:00+07:00"),
    ("28.09.19 12:44", "2019-09-28T12:44:00+07:00"),
    ("03.04.98", "1998-04-03T00:00:00+07:00"),
])
def test_two_digit_years_on_a_short_date_line(text, expected):
    assert read(GERMAN, text)[0] == expected


def test_no_two_digit_year_in_prose_or_in_a_longer_number():
    assert read(GERMAN, "Die Sitzung beschloss die Punkte 1.2.3 und 4.5.12 der Tagesordnung für alle") == []
    assert read(GERMAN, "Tel. 10.11.12.13") == []


def test_an_iso_instant_with_a_one_digit_second_keeps_its_offset():
    assert read(UNKNOWN, "2020-12-05T23:15:0Z") == ["2020-12-05T23:15:00+00:00"]


@pytest.mark.parametrize("reader, text, expected", [
    # only one reading is a date
    (UNKNOWN, "11/13/2023", ["2023-11-13T00:00:00+07:00"]),
    (UNKNOWN, "13/11/2023", ["2023-11-13T00:00:00+07:00"]),
    # ambiguous: day first, the other reading kept for the structured date to decide
    (UNKNOWN, "06/01/2020", ["2020-01-06T00:00:00+07:00", "2020-06-01T00:00:00+07:00"]),
    # a 12-hour clock, or a US page, says month first
    (UNKNOWN, "11/8/2023 10:46 PM", ["2023-11-08T22:46:00+07:00", "2023-08-11T22:46:00+07:00"]),
    (US, "06/01/2020", ["2020-06-01T00:00:00+07:00", "2020-01-06T00:00:00+07:00"]),
    # dots are day first everywhere
    (US, "10.11.2021", ["2021-11-10T00:00:00+07:00"]),
    # a Vietnamese page: day first, always, and nothing else
    (VIETNAMESE, "06/01/2020", ["2020-01-06T00:00:00+07:00"]),
    (VIETNAMESE, "10/01/2024 3:30:00 PM", ["2024-01-10T15:30:00+07:00"]),
    (VIETNAMESE, "11/13/2023", []),
])
def test_slashed_dates_month_first_only_where_the_page_says_so(reader, text, expected):
    assert read(reader, text) == expected


# --- Where the page prints its date -------------------------------------------------------------------


EN_TEXT = ("The provincial council approved the budget on Wednesday after a long debate, bringing together "
           "leaders of departments and districts to agree on the year's priorities and the money behind them. ")
DE_TEXT = ("Der Landtag hat am Mittwoch nach langer Debatte den Haushalt beschlossen und dabei die Schwerpunkte "
          "der Ministerien und Bezirke für das kommende Jahr festgelegt, samt dem Geld, das dafür nötig ist. ")
VI_TEXT = ("Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai nhiệm vụ chuyển đổi số năm 2024, với sự tham dự "
                   "của lãnh đạo các sở, ngành, địa phương trên địa bàn tỉnh, thống nhất các giải pháp trọng tâm. ")
TITLES = {"en": "Council approves the budget for next year", "de": "Landtag beschließt den Haushalt für 2022",
          "vi": "Hội nghị triển khai chuyển đổi số năm 2024"}
TEXTS = {"en": EN_TEXT, "de": DE_TEXT, "vi": VI_TEXT}


def article(before: str = "", after: str = "", opening: str = "", below: str = "", head: str = "",
            lang: str = "en", outside: str = "") -> bytes:
    """A news page: ``before`` and ``after`` the title, ``opening`` the
    text, ``below`` it inside the article, ``outside`` the article."""
    title, text = TITLES[lang], TEXTS[lang]
    return f"""<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main><article class="post">
{before}<h1>{title}</h1>{after}
<div class="entry-content">{opening}<p>{text * 2}</p><p>{text}</p><p>{text}</p></div>
{below}</article>{outside}</main><footer>The council's site</footer></body></html>""".encode()


def published(page: bytes, url: str = "https://news.example.org/politics/budget") -> str | None:
    found = extract(page, url)
    assert found.is_article
    return found.published_at


def day(page: bytes, url: str = "https://news.example.org/politics/budget") -> str | None:
    moment = published(page, url)
    return moment[:10] if moment else None


def ld(date: str) -> str:
    return ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
            f'"headline": "Budget", "datePublished": "{date}"}}</script>')


def test_a_month_name_date_after_the_title():
    assert day(article(after="<p class='byline'>Hamburg, 2. November 2021</p>", lang="de")) == "2021-11-02"
    assert day(article(after="<div>By Jane Doe | January 18, 2020</div>")) == "2020-01-18"


def test_a_date_named_line_above_the_title_in_another_language():
    page = article(before="<p class='published-date'>&nbsp;/ jueves 2 de abril de 2020</p>").replace(
        b'lang="en"', b'lang="es"')
    assert day(page) == "2020-04-02"


def test_a_line_just_above_the_title_in_the_article():
    assert day(article(before="<p>Hamburg, 2. November 2021</p>", lang="de")) == "2021-11-02"


def test_a_top_bar_above_the_article_prints_today():
    top = "<table><tr><td>Hôm nay: Thứ Năm, 30/11/2023</td></tr></table>"
    page = article(lang="vi").replace(b"<body>", f"<body>{top}".encode())
    assert day(page, "https://tinh.gov.vn/tin/hoi-nghi.html") is None


def test_a_date_alone_at_the_top_of_the_text():
    assert day(article(opening="<p><em>10.11.2021</em></p>", lang="de")) == "2021-11-10"


@pytest.mark.parametrize("opening, expected", [
    ("27.1.2022 - ", "2022-01-27"),
    ("Karlsruhe, (12.11.2021). ", "2021-11-12"),
    ("Le 14 mars 2020, ", None),  # the day of an event, told in a sentence
    ("Am 14.03.2020 wurde beschlossen, dass ", None),
])
def test_a_dateline_opening_the_text(opening, expected):
    page = article(lang="de").replace(f"<p>{DE_TEXT}".encode(), f"<p>{opening}{DE_TEXT}".encode(), 1)
    assert day(page) == expected


@pytest.mark.parametrize("lang, opening", [
    ("vi", "<b>Ngày 21/11/2023</b>, "),
    ("de", "<b>Am 14.03.2020</b> "),
])
def test_a_date_in_bold_opening_a_sentence_is_the_day_of_an_event(lang, opening):
    text = TEXTS[lang]
    page = article(lang=lang).replace(f"<p>{text}".encode(), f"<p>{opening}{text}".encode(), 1)
    assert day(page, "https://tinh.gov.vn/tin/hoi-nghi.html" if lang == "vi" else "https://x.example.de/a") is None


def test_no_dateline_on_a_vietnamese_page():
    """Vietnamese texts open with the day of the event, not of publication."""
    page = article(lang="vi").replace(f"<p>{VI_TEXT}".encode(),
                                      f"<p>Ngày 21/11/2023 - {VI_TEXT}".encode(), 1)
    assert day(page, "https://tinh.gov.vn/tin/hoi-nghi.html") is None


@pytest.mark.parametrize("block", [
    "<div class='docData'><span class='label'>Datum</span> <span class='value'>25.01.2022</span></div>",
    "<p>Veröffentlichung: 04.02.2022</p>",
    "<p>Erschienen am: 13.10.2021 | Pressestelle</p>",
])
def test_a_labelled_date_around_the_article(block):
    expected = {"25.01": "2022-01-25", "04.02": "2022-02-04", "13.10": "2021-10-13"}
    assert day(article(below=block, lang="de")) == next(v for k, v in expected.items() if k in block)


def date_lines(page: bytes, url: str = "https://news.example.org/politics/budget") -> list[str]:
    return [line for line in generic.locate(Page.parse(page, url)).date_texts if line]


def test_another_kind_of_date_under_a_label_is_not_the_article_s():
    assert date_lines(article(below="<p>Closing date: 15/02/2024</p>")) == []
    assert date_lines(article(below="<p>Author: Jane Doe | Published: 14/02/2024</p>")) == [
        "Author: Jane Doe | Published: 14/02/2024"]


def test_a_two_digit_year_in_the_article_header():
    assert day(article(after="<header class='content-header'><span>02.12.19</span></header>", lang="de")) == "2019-12-02"


def test_date_and_time_in_two_elements_are_two_words():
    """"<span>28.09.19</span><span>12:44</span>" is 28 September 2019, 12:44, not the year 1912."""
    page = article(after="<div class='date'><span>28.09.19</span><span>12:44</span></div>", lang="de")
    assert published(page) == "2019-09-28T12:44:00+07:00"


@pytest.mark.parametrize("url, expected", [
    ("https://verband.example.de/meldungen/29-10-2021", "2021-10-29"),
    ("https://news.example.org/2024-01-10-budget-approved", "2024-01-10"),
    ("https://news.example.org/2024/1/10/budget-approved/", "2024-01-10"),
])
def test_the_day_in_the_address(url, expected):
    assert day(article(), url) == expected


# --- Never a date of another part of the page -----------------------------------------------------------

COMMENTS = ("<section class='comments'><h2>3 comments</h2><div class='comment'><p>Anna</p>"
            "<time datetime='2019-09-21T10:00:00+02:00'>September 21, 2019</time><p>Great news for the district "
            "and for everybody who lives here.</p></div></section>")


def test_a_comment_s_date_is_not_the_article_s():
    head = '<meta property="article:published_time" content="2019-03-05T10:38:31+00:00">'
    assert day(article(below=COMMENTS, head=head)) == "2019-03-05"
    assert day(article(after="<p class='date'>March 5, 2019</p>", below=COMMENTS)) == "2019-03-05"


def test_an_embedded_post_s_date_is_not_the_article_s():
    embed = ("<blockquote class='instagram-media'><p>A post shared by the council</p>"
             "<p><time datetime='2019-05-02T22:00:10+00:00'>May 2, 2019</time></p></blockquote>")
    assert day(article(opening=embed, head=ld("2020-02-20T13:52:51Z"))) == "2020-02-20"


def test_teasers_of_other_articles_are_not_the_article():
    related = ("<div class='more'><article class='card'><h3><a href='/news/other-story'>Mayor opens the new bridge "
               "over the river</a></h3><time class='date' datetime='2020-09-27T15:15:00-07:00'>Sep 27, 2020</time>"
               "</article></div>")
    listed = ("<ul class='list'><li><a href='/news/school'>District opens two new schools before the winter"
              "</a> <span class='date'>(17/11/2023)</span></li><li><a href='/news/road'>Work on the ring road "
              "begins in the spring</a> <span class='date'>(09/11/2023)</span></li></ul>")
    linked = ("<div class='slides'><div class='slide'><a href='/column/pseudonyms'><h3>Column: when I was still a "
              "critic</h3><div class='date'><p>On playing with pseudonyms</p> 24. Oktober 2023</div></a></div>"
              "<div class='slide'><a href='/column/stage'><h3>Column: on the stage</h3></a></div></div>")
    head = '<meta property="article:published_time" content="2020-09-30T02:00:07-07:00">'
    for teasers in (related, listed, linked):
        assert day(article(below=teasers, head=head)) == "2020-09-30"


@pytest.mark.parametrize("after", [
    "<div class='meta'><a href='/authors/jane'>Jane Doe, correspondent in the northern districts</a> | "
    "<span class='date'>March 5, 2019</span></div>",
    "<div class='top'><div class='crumbs'><a href='/news'>News</a> › <a href='/news/council'>Council decisions and "
    "the provincial budget</a></div><span class='date'>March 5, 2019</span></div>",
])
def test_a_byline_or_breadcrumb_link_beside_the_date_makes_no_teaser(after):
    assert day(article(after=after, head=ld("2019-02-01T08:00:00Z"))) == "2019-03-05"


def test_a_permalink_around_the_date_is_the_article_s():
    after = "<p class='meta'><a href='/politics/budget' rel='bookmark'><time class='entry-date published' " \
            "datetime='2021-06-04T09:00:00+02:00'>June 4, 2021 at 9:00 am</time></a></p>"
    assert day(article(after=after)) == "2021-06-04"


def test_a_caption_s_date_is_not_the_article_s():
    figure = "<figure><img src='/a.jpg' width='800' height='500'><figcaption>The bridge on 16 January 2020" \
             "</figcaption></figure>"
    assert day(article(opening=figure, head=ld("2020-01-18T08:00:00Z"))) == "2020-01-18"


def test_a_member_s_registration_date_is_not_the_post_s():
    profile = "<dl class='postprofile'><dd class='profile-joined date'><strong>Registriert:</strong> 18.09.2008, 05:56" \
              "</dd></dl>"
    assert day(article(after=profile, lang="de", head=ld("2009-01-21T05:42:00+01:00"))) == "2009-01-21"


def test_the_page_s_top_bar_prints_today_not_the_article_s_day():
    top = "<header class='site'><div class='date'>Sunday, July 19, 2020 | Today's Paper</div></header>"
    page = article(after="<p>Posted: July 18, 2020 - 4:01 PM</p>").replace(b"<body>", f"<body>{top}".encode())
    assert published(page) == "2020-07-18T16:01:00+07:00"


def test_a_modification_date_is_never_the_publication_date():
    after = ("<time itemprop='dateModified' datetime='2018-08-29 14:15:57' style='display:none'></time>"
             "<time itemprop='datePublished' datetime='2018-06-22 10:20'>22.06.2018</time>")
    assert day(article(after=after, lang="de")) == "2018-06-22"
    updated = "<span class='updated'>Mis à jour le 7 janvier 2020</span> <span class='date'>30 septembre 2018</span>"
    assert day(article(after=updated).replace(b'lang="en"', b'lang="fr"')) == "2018-09-30"


def test_a_date_at_the_foot_of_the_text_loses_to_a_structured_date_that_disagrees():
    below = "<p class='post-date'>16/06/2020</p>"
    assert day(article(below=below, head=ld("2020-06-23T16:45:52-03:00"))) == "2020-06-23"
    assert day(article(below=below)) == "2020-06-16"  # alone, it is the date
    # printed with the title, the page's own date wins
    assert day(article(after=below, head=ld("2020-06-23T16:45:52-03:00"))) == "2020-06-16"


# --- The candidates check one another ---------------------------------------------------------------

def test_a_slashed_date_read_month_first_when_the_structured_date_says_so():
    after = "<span class='entry-date'>06/01/2020</span>"
    assert day(article(after=after, head=ld("2020-06-01T21:53:12+00:00"))) == "2020-06-01"
    assert day(article(after=after)) == "2020-01-06"  # nothing says otherwise: day first


def test_a_twelve_hour_clock_or_a_us_page_reads_month_first():
    assert day(article(after="<span class='timeInfo date'>11/8/2023 10:46 PM</span>")) == "2023-11-08"
    meta = '<meta name="date" content="11/01/2023 12:43:42">'
    assert day(article(head=meta).replace(b'lang="en"', b'lang="en-US"')) == "2023-11-01"
    assert day(article(head=meta).replace(b'lang="en"', b'lang="en-GB"')) == "2023-01-11"


def test_a_vietnamese_page_reads_day_first_whatever_its_metadata_says():
    after = "<span class='date'>06/01/2020</span>"
    page = article(after=after, head=ld("2020-06-01T08:00:00+07:00"), lang="vi")
    assert day(page, "https://tinh.gov.vn/tin/hoi-nghi.html") == "2020-01-06"


@pytest.mark.parametrize("head, url, after, lang, expected", [
    # a US site: its UTC instant is already the next day; its address gives its own day
    ('<meta property="article:published_time" content="2020-02-25T02:25:54Z">',
     "https://news.example.org/2020/02/24/budget/", "", "en", "2020-02-24"),
    # a German site: 23:00 UTC is the next day in Berlin, as the page prints it
    ('<meta property="article:published_time" content="2021-11-04T23:00:00Z">', None,
     "<p class='date'>5. November 2021</p>", "de", "2021-11-05"),
    # but 03:00 UTC is never the day before in Europe: the instant's own day
    ('<meta property="article:published_time" content="2019-10-19T03:00:00Z"><meta name="date" content="2019-10-18">',
     None, "", "de", "2019-10-19"),
    # an instant with its own offset stays that instant
    ('<meta property="article:published_time" content="2019-11-19T22:15:00-05:00">',
     "https://news.example.org/2019/11/20/budget/", "", "en", "2019-11-19"),
])
def test_a_utc_instant_a_day_off_the_local_day_printed_elsewhere(head, url, after, lang, expected):
    assert day(article(head=head, after=after, lang=lang), url or "https://news.example.org/politics/budget") == expected


def test_a_vietnamese_page_writes_a_utc_instant_in_vietnam_time():
    page = article(head='<meta property="article:published_time" content="2024-01-09T18:30:00Z">', lang="vi")
    assert published(page, "https://tinh.gov.vn/2024/01/09/hoi-nghi/") == "2024-01-10T01:30:00+07:00"


def test_a_printed_day_takes_its_time_only_from_an_instant_of_the_same_day():
    head = '<meta property="article:published_time" content="2021-11-05T09:30:00+01:00">'
    assert published(article(head=head, after="<p class='date'>5. November 2021</p>", lang="de")) == \
        "2021-11-05T09:30:00+01:00"
    head = '<meta property="article:published_time" content="2018-12-31T23:11:59Z">'
    assert day(article(head=head, after="<p class='date'>1. Januar 2019</p>", lang="de")) == "2019-01-01"
