"""The header's search box: suggestions appear while typing (also with an Arabic keyboard's ي and
ك for Persian ی and ک) and lead to the record; Enter opens the results page, grouped by record
type."""

import re

from playwright.sync_api import expect

from records import post_form
from support import ADMIN, page_as, unique_word  # noqa: F401


def test_header_search_suggests_while_typing_and_enter_shows_grouped_results(page_as, base_url: str):
    page = page_as(ADMIN)
    word = unique_word()
    persian = f"کیانی{word}"  # Persian keheh and yeh, as stored
    arabic = f"كياني{word}"  # Arabic kaf (U+0643) and yeh (U+064A), as an Arabic keyboard types them
    assert persian != arabic
    page.goto("/contacts")
    contact_id = post_form(page, base_url, "/contacts/new", {"first_name": "مینا", "last_name": persian, "job_title": "مدیر مالی"})
    account_id = post_form(page, base_url, "/accounts/new", {"name": f"بازرگانی {persian}", "industry": "پوشاک"})
    lead_id = post_form(page, base_url, "/leads/new", {"first_name": "سهیل", "last_name": persian})
    box = page.locator("header.app-header #global-search")
    box.press_sequentially(arabic)
    suggestions = page.locator("header.app-header ul.suggestions[role=listbox] li a")
    expect(suggestions).to_have_count(3)
    expect(suggestions).to_have_text([f"مینا {persian} · مخاطبان", f"بازرگانی {persian} · سازمان‌ها", f"سهیل {persian} · سرنخ‌ها"])
    expect(suggestions.nth(1)).to_have_attribute("href", f"/accounts/{account_id}")
    with page.expect_navigation():
        suggestions.nth(0).click()
    assert page.url == f"{base_url}/contacts/{contact_id}"
    expect(page.locator("main h1")).to_have_text(f"مینا {persian}")

    # Escape closes the list; fewer than two letters clear it.
    box.fill(arabic)
    expect(suggestions).to_have_count(3)
    box.press("Escape")
    expect(suggestions).to_have_count(0)
    box.fill(arabic)
    expect(suggestions).to_have_count(3)
    box.fill("ك")
    expect(suggestions).to_have_count(0)

    # Enter: the results page, one group per record type, the query kept in both boxes.
    box.fill(arabic)
    with page.expect_navigation():
        box.press("Enter")
    assert re.fullmatch(re.escape(base_url) + r"/search\?q=.+", page.url), page.url
    expect(page.locator("main h1")).to_have_text(f"جستجو: {arabic}")
    expect(box).to_have_value(arabic)
    expect(page.locator("main form.list-filters input[name=q]")).to_have_value(arabic)
    groups = page.locator("section.search-group")
    expect(groups.locator("h2")).to_have_text(["مخاطبان", "سازمان‌ها", "سرنخ‌ها"])
    expect(groups.nth(0).locator("li")).to_have_text([f"مینا {persian} · مدیر مالی"])
    expect(groups.nth(1).locator("li")).to_have_text([f"بازرگانی {persian} · پوشاک"])
    expect(groups.nth(2).locator(f"li a[href='/leads/{lead_id}']")).to_have_text(f"سهیل {persian}")
    # A group's heading opens that list searched for the same words.
    with page.expect_navigation():
        groups.nth(1).locator("h2 a").click()
    assert page.url.startswith(f"{base_url}/accounts?q="), page.url
    expect(page.locator("table.records tbody tr")).to_have_count(1)

    # A word nobody has: nothing found.
    page.goto(f"/search?q={unique_word()}{word}")
    expect(page.locator("main p.empty")).to_have_text("موردی پیدا نشد.")
    expect(page.locator("section.search-group")).to_have_count(0)
