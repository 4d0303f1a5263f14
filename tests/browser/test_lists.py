"""List pages: sorting by a column heading, paging forward, filtering, clearing it all, and the
toolbar's search box and filters."""

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

from records import create_contact, create_record, list_names
from support import ADMIN, page_as, submit_form, unique_word  # noqa: F401


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
    expect(page.locator("table.records tbody tr").first.locator("td").nth(6)).to_have_text("تهران")  # the province column
    clear = page.locator("nav.pager a", has_text="حذف فیلترها")
    with page.expect_navigation():
        clear.click()
    assert page.url == f"{base_url}/contacts"
    expect(page.locator("form.list-filters select[name=province]")).to_have_value("")
    expect(page.locator("nav.pager a", has_text="حذف فیلترها")).to_have_count(0)


@pytest.mark.parametrize("resource, values, filter_name, chosen, other", [
    ("contacts", {"first_name": "جویا", "last_name": "{word} جستجو", "address.province": "tehran"}, "province", "tehran", "isfahan"),
    ("accounts", {"name": "{word} جستجو", "kind": "partner"}, "kind", "partner", "competitor"),
    ("leads", {"last_name": "{word} جستجو", "source": "referral"}, "source", "referral", "campaign"),
])
def test_toolbar_search_box_and_filters_narrow_the_list(page_as, base_url: str, resource: str, values: dict,
                                                         filter_name: str, chosen: str, other: str):
    """The list's own toolbar: type a word, press «اعمال» (its other drop-downs left at «—»), then
    choose a filter. The form sends every field, the unchosen drop-downs as empty values."""
    page = page_as(ADMIN)
    word = unique_word()
    create_record(page, base_url, resource, {name: value.format(word=word) for name, value in values.items()})
    name = page.locator("main h1").inner_text().strip()

    page.goto(f"/{resource}")
    page.locator("form.list-filters input[name=q]").fill(word)
    response = submit_form(page, "form.list-filters")
    assert response.status == 200, f"searching /{resource} from its toolbar answered {response.status} at {page.url}"
    assert list_names(page) == [name]
    expect(page.locator("form.list-filters input[name=q]")).to_have_value(word)

    page.locator(f"form.list-filters select[name={filter_name}]").select_option(chosen)
    response = submit_form(page, "form.list-filters")
    assert response.status == 200, f"filtering /{resource} by {filter_name} answered {response.status} at {page.url}"
    assert list_names(page) == [name]
    expect(page.locator(f"form.list-filters select[name={filter_name}]")).to_have_value(chosen)

    page.locator(f"form.list-filters select[name={filter_name}]").select_option(other)
    assert submit_form(page, "form.list-filters").status == 200
    assert list_names(page) == []
    expect(page.locator("main p.empty")).to_have_text("موردی پیدا نشد.")
