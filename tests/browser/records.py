"""Creating accounts, contacts and leads the way a user does: through the pages' own forms.
Field names are the API's JSON paths (first_name, phones.0.number, address.province…)."""

import re
from urllib.parse import urlencode

from playwright.sync_api import Page, expect

from support import RECORD_ID, record_url, submit_form


def fill_form(page: Page, values: dict[str, str], form: str = "form.record-form") -> None:
    """Types each value into the control named like its key; a drop-down gets the option with
    that value."""
    for name, value in values.items():
        control = page.locator(f"{form} [name='{name}']")
        if control.evaluate("e => e.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(value)


def create_record(page: Page, base_url: str, resource: str, values: dict[str, str], *, form_address: str | None = None) -> str:
    """Fills /<resource>/new (or `form_address`, e.g. /contacts/new?account_id=…), saves, and
    returns the new record's id from the page it lands on."""
    page.goto(form_address or f"/{resource}/new")
    fill_form(page, values)
    response = submit_form(page)
    match = record_url(base_url, resource).match(page.url)
    errors = page.locator(".form-error, .field-error, .duplicates").all_inner_texts()
    assert match, f"saving a new {resource} record ended on {page.url} ({response.status}): {errors}"
    return match.group(1)


def post_form(page: Page, base_url: str, address: str, fields: dict[str, str]) -> str:
    """Sends a page's form without filling it in on screen (for records a test only needs, not
    tests): posts `fields` to `address` as the signed-in user, with the CSRF token of the page on
    screen, and returns the record id in the address it redirects to (or that address)."""
    token = page.locator("input[name=_csrf]").first.input_value()
    response = page.request.post(f"{base_url}{address}", form={"_csrf": token, **fields}, max_redirects=0)
    assert response.status == 303, f"POST {address} answered {response.status}: {response.text()[:400]}"
    location = response.headers["location"]
    match = re.search(RECORD_ID, location, re.IGNORECASE)
    return match.group(0).lower() if match else location


def create_contact(page: Page, base_url: str, *, form_address: str | None = None, **values: str) -> str:
    return create_record(page, base_url, "contacts", values, form_address=form_address)


def create_account(page: Page, base_url: str, **values: str) -> str:
    return create_record(page, base_url, "accounts", values)


def create_lead(page: Page, base_url: str, **values: str) -> str:
    return create_record(page, base_url, "leads", values)


def pick_product(page: Page, row: int, *, sku: str, product_id: str) -> None:
    """Names a quote line's product as a user does: types the start of its SKU into the line's
    product box, waits for the suggestion, and picks it (which puts the suggestion's text in the
    box, as the browser's own list does); the line then carries the product's id."""
    product_id = product_id.lower()
    box = page.locator(f"#field-lines-{row}-product")
    box.press_sequentially(sku[:4])
    option = page.locator(f"#field-lines-{row}-product-options option[data-id='{product_id}']")
    expect(option).to_be_attached()
    box.fill(option.get_attribute("value"))
    expect(page.locator(f"input[type=hidden][name='lines.{row}.product_id']")).to_have_value(product_id)


def list_names(page: Page) -> list[str]:
    """The record names of the list page on screen: each row's first link (the first column
    holds the bulk-action tick box on lists that have one)."""
    return page.locator("table.records tbody tr").evaluate_all(
        "rows => rows.map(row => (row.querySelector('td a')?.innerText ?? '').trim())")


def search_list(page: Page, resource: str, query: str, **parameters: str) -> list[str]:
    """Opens the list page of `resource` searched for `query`, with only the filters given (the
    toolbar's form itself is driven in test_lists.py), and returns the names found."""
    response = page.goto(f"/{resource}?" + urlencode({"q": query, **parameters}))
    assert response is not None and response.status == 200, f"{page.url} answered {response and response.status}"
    return list_names(page)


def create_opportunity(page: Page, base_url: str, **values: str) -> str:
    """Fills /opportunities/new: the account is typed by name (account_name), the stage chosen by
    its id (see board_stages), the amount typed in the organisation's money unit."""
    return create_record(page, base_url, "opportunities", values)


def board_stages(page: Page, pipeline: str | None = None) -> dict[str, str]:
    """Opens the pipeline board and returns its stages' names → ids (upper case, as the pages
    print ids)."""
    page.goto("/opportunities/board" + (f"?pipeline={pipeline}" if pipeline else ""))
    return {column.get_attribute("aria-label"): column.get_attribute("data-stage")
            for column in page.locator(".board-column").all()}


def detail(page: Page, label: str):
    """The value beside `label` in the record page's details list."""
    return page.locator("dl.details dt", has_text=re.compile(f"^{re.escape(label)}$")).locator("xpath=following-sibling::dd[1]")
