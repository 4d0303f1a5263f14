"""List pages: sorting by a column heading, paging forward, filtering, and clearing it all."""

from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Page, expect

from records import create_contact, list_names
from support import ADMIN, page_as, unique_word  # noqa: F401


def query_of(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_contacts_sort_by_heading_page_forward_and_filter(page_as, base_url: str):
    page = page_as(ADMIN)
    word = unique_word()
    # ب < ت < ج both in the Persian alphabet and in code points.
    names = [f"{word} ب", f"{word} ت", f"{word} ج"]
    for last_name, province in zip([names[1], names[2], names[0]], ["tehran", "isfahan", "tehran"]):
        create_contact(page, base_url, first_name="ترتیب", last_name=last_name, **{"address.province": province})

    page.goto(f"/contacts?q={word}")
    heading = page.locator("table.records th", has_text="نام خانوادگی")
    expect(heading).not_to_have_attribute("aria-sort", "ascending")
    with page.expect_navigation():
        heading.locator("a").click()
    assert query_of(page) == {"q": [word], "sort": ["last_name"]}
    expect(heading).to_have_attribute("aria-sort", "ascending")
    assert list_names(page) == [f"ترتیب {name}" for name in names]
    with page.expect_navigation():
        heading.locator("a").click()
    assert query_of(page) == {"q": [word], "sort": ["-last_name"]}
    expect(heading).to_have_attribute("aria-sort", "descending")
    assert list_names(page) == [f"ترتیب {name}" for name in reversed(names)]

    # Two to a page: "next page" carries the search and the order on.
    page.goto(f"/contacts?q={word}&sort=last_name&limit=2")
    assert list_names(page) == [f"ترتیب {name}" for name in names[:2]]
    next_page = page.locator("nav.pager a[rel=next]")
    expect(next_page).to_have_text("صفحهٔ بعد")
    with page.expect_navigation():
        next_page.click()
    assert query_of(page)["q"] == [word] and query_of(page)["sort"] == ["last_name"] and "cursor" in query_of(page)
    assert list_names(page) == [f"ترتیب {names[2]}"]
    expect(page.locator("nav.pager a[rel=next]")).to_have_count(0)

    # A province filter narrows the list and shows as chosen.
    page.goto(f"/contacts?q={word}&province=tehran&sort=last_name")
    assert list_names(page) == [f"ترتیب {names[0]}", f"ترتیب {names[1]}"]
    expect(page.locator("form.list-filters select[name=province]")).to_have_value("tehran")
    expect(page.locator("table.records tbody tr").first.locator("td").nth(5)).to_have_text("تهران")
    clear = page.locator("nav.pager a", has_text="حذف فیلترها")
    with page.expect_navigation():
        clear.click()
    assert page.url == f"{base_url}/contacts"
    expect(page.locator("form.list-filters select[name=province]")).to_have_value("")
    expect(page.locator("nav.pager a", has_text="حذف فیلترها")).to_have_count(0)
