"""Leads in the browser: converting a lead whose company is already an account links the new
contact to that account instead of making a twin, and a converted lead cannot be converted again."""

import re

from playwright.sync_api import Page, expect

from records import create_account, create_lead
from support import ADMIN, RECORD_ID, page_as, record_url, submit_form, unique_mobile, unique_word  # noqa: F401

ALREADY_CONVERTED_FA = "این سرنخ پیش‌تر تبدیل شده است."


def radio(page: Page, name: str, value: str):
    return page.locator(f"form.conversion input[type=radio][name={name}][value='{value}']")


def test_converting_a_lead_offers_and_links_the_existing_account(page_as, base_url: str):
    page = page_as(ADMIN)
    company = f"{unique_word()} شرکت"
    account_id = create_account(page, base_url, name=company, kind="customer")
    expect(page.locator("main h1")).to_have_text(company)

    last_name = f"سرنخی{unique_word()}"
    mobile = unique_mobile()
    lead_id = create_lead(page, base_url, first_name="بهرام", last_name=last_name, company=company,
                          **{"phones.0.number": mobile, "phones.0.label": "mobile"})
    lead_name = f"بهرام {last_name} ({company})"
    expect(page.locator("main h1")).to_have_text(lead_name)
    expect(page.locator("main .subtitle")).to_have_text("جدید")

    with page.expect_navigation():
        page.locator(".record-actions a", has_text="تبدیل").click()
    assert page.url == f"{base_url}/leads/{lead_id}/convert"
    expect(page.locator("main h1")).to_have_text(f"تبدیل سرنخ: {lead_name}")

    # The account of the same name is offered first and chosen; making a new one is the other way.
    account_choices = page.locator("form.conversion fieldset", has_text="سازمان").locator("input[type=radio]")
    expect(account_choices).to_have_count(3)
    # (The choice's value is the id as the server prints UUIDs, upper case; links use lower case.)
    expect(account_choices.first).to_have_attribute("value", re.compile(f"^{account_id}$", re.IGNORECASE))
    expect(account_choices.first).to_be_checked()
    expect(page.get_by_role("radio", name=f"پیوند به {company}")).to_be_checked()
    expect(radio(page, "account", "new")).not_to_be_checked()
    expect(page.get_by_role("radio", name=f"ساخت سازمان جدید از نام شرکت: {company}", exact=True)).to_have_value("new")
    expect(radio(page, "account", "none")).not_to_be_checked()
    # No contact matches this new person, so a new contact is made.
    expect(radio(page, "contact", "new")).to_be_checked()

    response = submit_form(page, "form.conversion")
    assert response.status == 200
    match = record_url(base_url, "contacts").match(page.url)
    assert match, page.url
    contact_id = match.group(1)
    expect(page.locator("main h1")).to_have_text(f"بهرام {last_name}")
    expect(page.locator("main .subtitle")).to_have_text(company)
    account_link = page.locator("dl.details dd a[href^='/accounts/']")
    expect(account_link).to_have_attribute("href", f"/accounts/{account_id}")
    expect(account_link).to_have_text(company)
    expect(page.locator("dl.details a[href^='tel:']")).to_have_text("+98" + mobile[1:])

    # The account page lists the new contact, and no second account was made.
    with page.expect_navigation():
        account_link.click()
    assert page.url == f"{base_url}/accounts/{account_id}"
    expect(page.locator("ul.related a", has_text=last_name)).to_have_attribute("href", f"/contacts/{contact_id}")
    page.goto("/accounts?" + f"q={company}")
    expect(page.locator("table.records tbody tr")).to_have_count(1)

    # The lead is converted: no more "convert" or "edit", a link to the contact instead.
    page.goto(f"/leads/{lead_id}")
    expect(page.locator("main .subtitle")).to_have_text("تبدیل‌شده")
    expect(page.locator(".record-actions a", has_text="تبدیل")).to_have_count(0)
    expect(page.locator(".record-actions a", has_text="ویرایش")).to_have_count(0)
    expect(page.locator(f"dl.details a[href='/contacts/{contact_id}']")).to_be_visible()
    expect(page.locator(f"dl.details a[href='/accounts/{account_id}']")).to_be_visible()

    response = page.goto(f"/leads/{lead_id}/convert")
    assert response is not None and response.status == 200
    expect(page.locator("main .card p")).to_have_text(ALREADY_CONVERTED_FA)
    expect(page.locator("form.conversion")).to_have_count(0)
    expect(page.locator(f"main .card a[href='/leads/{lead_id}']")).to_have_text(lead_name)


def test_converting_again_from_a_stale_form_is_refused(page_as, base_url: str):
    """Two tabs had the conversion screen open; the second submit must not make a second contact."""
    page = page_as(ADMIN)
    last_name = f"دوباره{unique_word()}"
    lead_id = create_lead(page, base_url, last_name=last_name, **{"phones.0.number": unique_mobile()})
    first = page
    second = page.context.new_page()
    first.goto(f"/leads/{lead_id}/convert")
    second.goto(f"/leads/{lead_id}/convert")
    # Without a company there is nothing to make an account from.
    expect(radio(first, "account", "new")).to_have_count(0)
    expect(radio(first, "account", "none")).to_be_checked()

    assert submit_form(first, "form.conversion").status == 200
    assert re.fullmatch(f"{re.escape(base_url)}/contacts/{RECORD_ID}", first.url), first.url

    response = submit_form(second, "form.conversion")
    assert response.status == 409
    expect(second.locator("main .card p")).to_have_text(ALREADY_CONVERTED_FA)
    expect(second.locator("form.conversion")).to_have_count(0)
    # Still one contact of that name.
    second.goto(f"/contacts?q={last_name}")
    expect(second.locator("table.records tbody tr")).to_have_count(1)
