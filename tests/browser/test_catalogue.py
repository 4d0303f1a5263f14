"""The catalogue in the browser: a product typed with a Toman price and a VAT percentage, a
price list with Jalali validity whose prices are set by SKU, and the account box of a contact
form that suggests accounts as the user types and keeps apart two accounts with the same name."""

from playwright.sync_api import Page, expect

from records import create_account, create_record, detail, fill_form, post_form
from support import ADMIN, page_as, persian_digits, screenshot, submit_form, unique_word  # noqa: F401


def test_a_product_and_its_price_in_a_price_list(page_as, base_url: str):
    page = page_as(ADMIN)
    word = unique_word()
    sku = f"LAP-{word}"
    product_id = create_record(page, base_url, "products", {
        "sku": sku, "name_fa": f"لپ‌تاپ {word}", "product_line": "سخت‌افزار", "list_price": "۱۲۵٬۰۰۰", "tax_rate": "۹",
    })
    expect(page.locator("main h1")).to_have_text(f"لپ‌تاپ {word}")
    expect(detail(page, "قیمت پایه")).to_have_text("۱۲۵٬۰۰۰ تومان")
    expect(detail(page, "مالیات")).to_have_text("۹٪")
    screenshot(page, "product-fa")

    list_id = create_record(page, base_url, "price-lists", {
        "name": f"عمده‌فروشی {word}", "valid_from": "۱۴۰۵/۰۱/۰۱", "valid_to": "۱۴۰۵/۱۲/۲۹",
    })
    expect(page.locator(".record-header .subtitle")).to_have_text("۱ فروردین ۱۴۰۵ – ۲۹ اسفند ۱۴۰۵")
    fill_form(page, {"sku": sku.lower(), "unit_price": "۱۱۰٬۰۰۰"}, form="form.item-editor")
    submit_form(page, "form.item-editor")
    row = page.locator("table.records tbody tr", has_text=sku)
    expect(row).to_contain_text("۱۱۰٬۰۰۰ تومان")
    expect(row).to_contain_text("۱۲۵٬۰۰۰ تومان")
    screenshot(page, "price-list-fa")

    # A SKU nobody has is refused beside its box; the typed price stays.
    fill_form(page, {"sku": "NO-SUCH-SKU", "unit_price": "۹۹"}, form="form.item-editor")
    submit_form(page, "form.item-editor")
    expect(page.locator("#field-sku-error")).to_have_text("کالایی با این کد پیدا نشد.")
    expect(page.locator("form.item-editor [name=unit_price]")).to_have_value("۹۹")

    page.goto(f"/products/{product_id}")
    prices = page.locator("section", has_text="قیمت در فهرست‌های قیمت")
    expect(prices.locator("a", has_text=f"عمده‌فروشی {word}")).to_have_attribute("href", f"/price-lists/{list_id}")
    expect(prices).to_contain_text("۱۱۰٬۰۰۰ تومان")


def test_the_account_box_suggests_accounts_and_keeps_the_picked_one(page_as, base_url: str):
    page = page_as(ADMIN)
    name = f"آریا {unique_word()}"
    create_account(page, base_url, name=name, **{"address.city": "تهران"})
    second = post_form(page, base_url, "/accounts/new", {"name": name, "address.city": "شیراز", "allow_duplicate": "1"})

    page.goto("/contacts/new")
    box = page.locator("input[name=account_name]")
    box.press_sequentially(name[:6])
    option = page.locator(f"#field-account_name-options option[data-id='{second}']")
    expect(option).to_be_attached()
    # Two accounts share the name, so each is offered with its city.
    expect(option).to_have_attribute("value", f"{name} — شیراز")
    # Picking from the list puts the option's value in the box, as the browser's own list does.
    box.fill(f"{name} — شیراز")
    expect(page.locator("input[type=hidden][name=account_id]")).to_have_value(second)
    fill_form(page, {"last_name": f"رضایی {unique_word()}"})
    submit_form(page)
    expect(detail(page, "سازمان").locator("a")).to_have_attribute("href", f"/accounts/{second}")
    screenshot(page, "contact-with-account-fa")
