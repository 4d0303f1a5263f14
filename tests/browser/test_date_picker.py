"""The date fields' calendar: Jalali with Persian digits on Persian pages, and the day picked is
what the server stores."""

import re

from playwright.sync_api import Page, expect

from support import ADMIN, page_as, unique_word  # noqa: F401 (page_as is a fixture)


def test_picking_a_jalali_day_fills_the_box_and_the_server_reads_it(page_as):
    page: Page = page_as(ADMIN)
    page.goto("/contacts/new")
    last_name = "تقویم" + unique_word()
    page.locator("#field-last_name").fill(last_name)
    page.locator("#field-birth_date").focus()
    picker = page.locator(".date-picker")
    expect(picker).to_be_visible()
    # Today's Jalali month, written in Persian (e.g. «آذر ۱۴۰۵»), with Saturday first.
    expect(picker.locator(".date-picker-header span")).to_have_text(re.compile(r"^[\u0600-\u06FF\s]+ [۰-۹]{4}$"))
    expect(picker.locator(".weekday").first).to_have_text("ش")
    # Back one month, then the 3rd.
    picker.locator(".date-picker-header button").first.click()
    picker.locator(".date-picker-grid button", has_text=re.compile("^۳$")).click()
    value = page.locator("#field-birth_date").input_value()
    assert re.fullmatch(r"[۰-۹]{4}/[۰-۹]{2}/۰۳", value), value
    expect(picker).to_be_hidden()

    with page.expect_navigation():
        page.locator("form.record-form button[type=submit]").first.click()
    expect(page.locator("h1")).to_contain_text(last_name)
    # The record page reads the same day back in words: «۳ <month> <year>».
    expect(page.locator("dl.details", has_text="تاریخ تولد")).to_contain_text(re.compile(r"۳ [\u0600-\u06FF]+ [۰-۹]{4}"))
