"""Paging read from a listing page itself: next links and pager scripts."""

from parsel import Selector

from scraper.navigation.paging import is_next_link, last_page_hint, script_pager

URL = "https://tinh.gov.vn/tin-tuc"


def page(body: str) -> Selector:
    return Selector(text=f"<html><body>{body}</body></html>")


def test_a_config_object_and_a_clicked_page_number_give_the_endpoint():
    listing = page("""<ul class="pagination"><li class="page-item" data-page="2"><a href="javascript:void(0)">2</a></li>
    <li class="page-item" data-page="7"><a href="javascript:void(0)">7</a></li></ul>
    <script>var Cfg = { categoryId: 88, url: '/Ajax/Tin/DanhSach' };
    $(document).on('click', 'li.page-item a', function () { var page = $(this).data('page');
      $.get(Cfg.url + '?categoryId=' + Cfg.categoryId + '&page=' + page, function (html) {}); });</script>""")
    assert script_pager(listing, URL) == "https://tinh.gov.vn/Ajax/Tin/DanhSach?categoryId=88&page={page}"
    assert last_page_hint(listing) == 7


def test_a_hidden_field_read_by_the_script_fills_the_template():
    listing = page("""<input type="hidden" id="hdZoneId" value="1021"><a class="btn-viewmore" href="javascript:;">Xem thêm</a>
    <script>var zoneId = document.getElementById('hdZoneId').value, page = 2;
    $('.btn-viewmore').on('click', function () { $.get('/timelinelist/' + zoneId + '/' + page + '.htm'); });</script>""")
    assert script_pager(listing, URL) == "https://tinh.gov.vn/timelinelist/1021/{page}.htm"


def test_a_name_found_only_as_a_data_attribute_or_a_field_suffix():
    listing = page("""<div id="list" data-cat-id="12"></div><input type="hidden" name="ctl00$main$hfSiteId" value="3">
    <script>function more(pageIndex){ load('/api/list/' + catId + '/' + hfSiteId + '?p=' + pageIndex); }</script>""")
    assert script_pager(listing, URL) == "https://tinh.gov.vn/api/list/12/3?p={page}"


def test_no_template_when_a_name_cannot_be_resolved_or_leads_off_the_site():
    unresolved = page("<script>function go(page){ location = '/list/' + secretId + '/' + page; }</script>")
    offsite = page("<script>var cdn = 'https://cdn.other.vn/list/'; function go(page){ load(cdn + page + '.htm'); }</script>")
    no_page = page("<script>var x = '/a/' + y + '/b'; var y = 'c';</script>")
    text_only = page("<script>alert('Trang ' + page + ' / ' + total);</script>")
    assert [script_pager(p, URL) for p in (unresolved, offsite, no_page, text_only)] == [None, None, None, None]


def test_next_links_by_rel_class_text_and_number():
    links = Selector(text="""<a rel="next" href="?page=2">x</a><a class="pager-next" href="?page=2">y</a>
    <a href="?page=2">Trang sau</a><a href="?page=2">Tiếp &gt;&gt;</a><a href="?page=2">»</a>
    <a href="?page=3">3</a><a href="?page=2">2</a><a href="/tin-a">Tin a</a>""").css("a")
    assert [is_next_link(link, URL + "?page=2") for link in links] == [True, True, True, True, True, True, False, False]
    assert is_next_link(links[6], URL)  # "2" on a first page
