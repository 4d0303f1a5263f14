"""Quotes in the browser: the editor asks the server for the totals while the user types (nothing
saved), saving gives the quote its yearly number, the printable page is a plain A4 document with
seller, buyer and a Jalali date, and sending then accepting the quote makes the buyer a customer.

Amounts are typed and shown in Tomans; the server keeps rials and rounds half away from zero once
per step: gross = price × quantity, discount = gross × discount %, tax = (gross − discount) × tax %."""

import re

from playwright.sync_api import expect

from records import create_account, detail, list_names, pick_product, post_form
from support import (ADMIN, ORGANISATION_NAME, create_product, horizontal_overflow, jalali_long, legal_entity_id, page_as,  # noqa: F401
                     persian_digits, quote_line, submit_form, today_in_tehran, toman, unique_word)

A4_PRINTABLE_WIDTH = 703  # CSS pixels: 210 mm less the print style's 12 mm margins on each side


def jalali_year_now() -> int:
    return today_in_tehran()[0]


def test_quote_editor_shows_server_totals_while_typing_then_print_send_and_accept(page_as, base_url: str):
    page = page_as(ADMIN)
    word = unique_word()
    company = f"{word} تجهیزات"
    national_id = legal_entity_id()
    account_id = create_account(page, base_url, name=company, kind="prospect", national_id=national_id)
    expect(page.locator("main .subtitle")).to_have_text("مشتری بالقوه")
    product_name = f"دستگاه {word}"
    product = create_product(base_url, name_fa=product_name, list_price_rials=1_234_567, tax_rate_bp=1000)

    page.goto("/quotes/new")
    expect(page.locator("main h1")).to_have_text("پیش‌فاکتور جدید")
    expect(page.locator("form.quote-editor legend")).to_have_text("اقلام · مبالغ به تومان")
    expect(page.locator("#quote-preview")).to_have_count(0)
    page.locator("#field-account_name").press_sequentially(company)
    # A product line: its list price and tax rate come from the product; 2.5 units typed in Persian.
    pick_product(page, 0, sku=product["sku"], product_id=product["id"])
    page.locator("#field-lines-0-quantity").press_sequentially("۲٫۵")
    # A free-text line: 3 × 45,000 Tomans, 12.5 % off, 9 % tax.
    page.locator("#field-lines-1-description").press_sequentially("نصب و راه‌اندازی")
    page.locator("#field-lines-1-quantity").press_sequentially("۳")
    page.locator("#field-lines-1-unit_price").press_sequentially("۴۵٬۰۰۰")
    page.locator("#field-lines-1-discount").press_sequentially("۱۲٫۵")
    page.locator("#field-lines-1-tax").press_sequentially("۹")

    first = quote_line(1_234_567, 2_500, tax_bp=1000)
    second = quote_line(450_000, 3_000, discount_bp=1250, tax_bp=900)
    assert (first["total"], second["total"]) == (3_395_060, 1_287_563)  # the arithmetic this test expects
    total = first["total"] + second["total"]
    preview = page.locator("#quote-preview")
    # Nothing pressed: the editor's script fetched the server's preview.
    expect(preview.locator("#quote-total")).to_have_text(toman(total), timeout=10_000)
    expect(preview.locator("tbody tr")).to_have_count(2)
    expect(preview.locator("tbody tr").nth(0).locator("td")).to_have_text(
        ["۱", product_name, "۲٫۵", toman(1_234_567), toman(0), toman(first["tax"]), toman(first["total"])])
    expect(preview.locator("tbody tr").nth(1).locator("td")).to_have_text(
        ["۲", "نصب و راه‌اندازی", "۳", toman(450_000), toman(second["discount"]), toman(second["tax"]), toman(second["total"])])
    expect(preview.locator("tfoot tr td")).to_have_text([
        toman(first["gross"] + second["gross"]), toman(second["discount"]), toman(first["tax"] + second["tax"]), toman(total)])
    assert page.url == f"{base_url}/quotes/new"

    # Changing a quantity updates the preview again.
    page.locator("#field-lines-1-quantity").fill("۴")
    second = quote_line(450_000, 4_000, discount_bp=1250, tax_bp=900)
    total = first["total"] + second["total"]
    expect(preview.locator("#quote-total")).to_have_text(toman(total), timeout=10_000)

    # Saving gives the quote its number in this Jalali year's series.
    with page.expect_navigation():
        page.locator("form.quote-editor button[name=intent][value=save]").click()
    match = re.fullmatch(re.escape(base_url) + r"/quotes/([0-9a-f-]{36})", page.url)
    assert match, page.url
    quote_id = match.group(1)
    heading = page.locator("main h1")
    expect(heading).to_have_text(re.compile(rf"^پیش‌فاکتور Q-{jalali_year_now()}-\d{{6}}$"))
    number = heading.inner_text().removeprefix("پیش‌فاکتور ").strip()
    expect(page.locator("main .subtitle")).to_have_text("پیش‌نویس")
    expect(page.locator("#quote-total")).to_have_text(toman(total))
    expect(page.locator("table.lines tbody tr")).to_have_count(2)
    expect(detail(page, "سازمان").locator("a")).to_have_attribute("href", f"/accounts/{account_id}")
    # The list shows it first (newest first) with its buyer, status and total.
    page.goto("/quotes")
    # (the first column holds the bulk-action tick box)
    newest = page.locator("table.records tbody tr").first.locator("td")
    expect(newest.nth(1)).to_have_text(number)
    expect(newest.nth(2)).to_have_text(company)
    expect(newest.nth(3)).to_have_text("پیش‌نویس")
    expect(newest.nth(4)).to_have_text(toman(total))
    with page.expect_navigation():
        newest.nth(1).locator("a").click()
    assert page.url == f"{base_url}/quotes/{quote_id}"

    # The printable page: no app header, the number, seller and buyer, today's Jalali date.
    with page.expect_navigation():
        page.locator(".record-actions a", has_text="نسخهٔ چاپی").click()
    assert page.url == f"{base_url}/quotes/{quote_id}/print"
    expect(page.locator("header.app-header")).to_have_count(0)
    expect(page.locator(".printable h1")).to_have_text(f"پیش‌فاکتور {number}")
    expect(page).to_have_title(f"پیش‌فاکتور {number} · پیوند")
    expect(page.locator(".print-header p").first).to_have_text(f"تاریخ: {jalali_long(today_in_tehran())}")
    parties = page.locator(".parties section")
    expect(parties.nth(0)).to_contain_text(ORGANISATION_NAME)
    expect(parties.nth(1).locator("h2")).to_have_text("خریدار")
    expect(parties.nth(1).locator("p").first).to_have_text(company)
    expect(parties.nth(1)).to_contain_text(f"شناسه ملی: {persian_digits(national_id)}")
    expect(page.locator(".printable #quote-total")).to_have_text(toman(total))

    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_PRINTABLE_WIDTH, "height": 990})
    widths = horizontal_overflow(page)
    assert widths["scrollWidth"] <= widths["clientWidth"] == A4_PRINTABLE_WIDTH, widths
    table = page.locator(".printable table.lines").bounding_box()
    assert table is not None and table["x"] >= 0 and table["x"] + table["width"] <= A4_PRINTABLE_WIDTH, table
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF-"), pdf[:16]
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1, "a two-line quote prints on one A4 page"
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 1280, "height": 860})

    # Sent, then accepted: the buyer becomes a customer.
    page.goto(f"/quotes/{quote_id}")
    with page.expect_navigation():
        page.locator(".record-actions button", has_text="ارسال شد").click()
    assert page.url == f"{base_url}/quotes/{quote_id}"
    expect(page.locator("main .subtitle")).to_have_text("ارسال‌شده")
    expect(page.locator(".record-actions a", has_text="ویرایش")).to_have_count(0)
    with page.expect_navigation():
        page.locator(".record-actions button", has_text="پذیرفته شد").click()
    expect(page.locator("main .subtitle")).to_have_text("پذیرفته‌شده")
    expect(page.locator(".record-actions button")).to_have_count(0)
    page.goto(f"/accounts/{account_id}")
    expect(page.locator("main .subtitle")).to_have_text("مشتری")



def test_quote_list_search_finds_a_quote_by_its_full_number(page_as, base_url: str):
    """The number is what people quote on the phone; the list's search box must find it as shown."""
    page = page_as(ADMIN)
    page.goto("/quotes")
    account_id = post_form(page, base_url, "/accounts/new", {"name": f"{unique_word()} شماره"})
    quote_id = post_form(page, base_url, "/quotes/new", {"intent": "save", "account_id": account_id,
                                                          "lines.0.description": "خدمات", "lines.0.unit_price": "۱۰۰۰"})
    page.goto(f"/quotes/{quote_id}")
    number = page.locator("main h1").inner_text().removeprefix("پیش‌فاکتور ").strip()
    assert re.fullmatch(r"Q-\d{4}-\d{6}", number), number

    page.goto("/quotes")
    page.locator("form.list-filters input[name=q]").fill(number)
    assert submit_form(page, "form.list-filters").status == 200
    expect(page.locator("form.list-filters input[name=q]")).to_have_value(number)
    found = list_names(page)
    assert found == [number], f"searching the quotes for {number} found {found}"
