"""Service levels in the browser: an administrator defines an SLA policy with targets typed in
working hours and a contract for an account; a case opened for that account shows its clocks,
its level and its contract."""

from playwright.sync_api import expect

from records import create_record
from support import ADMIN, api, api_token, jalali_input, page_as, screenshot, submit_form, today_in_tehran, unique_word  # noqa: F401


def test_a_policy_and_a_contract_made_by_an_administrator_govern_a_new_case(page_as, base_url: str):
    page = page_as(ADMIN)
    page.goto("/admin")
    with page.expect_navigation():
        page.locator(".admin-links a", has_text="توافق‌های سطح خدمت").click()

    policy = f"طلایی {unique_word()}"
    new_form = "form:has(#sla-new-name)"
    page.locator("#sla-new-name").fill(policy)
    page.locator("#sla-new-warning").fill("۰:۱۰")
    page.locator("#sla-new-normal-first").fill("نیم ساعت")
    page.locator("#sla-new-normal-resolution").fill("۴")
    response = submit_form(page, new_form)
    # A target that is not a duration is refused beside its box, keeping what was typed.
    assert response.status == 422
    expect(page.locator(f"{new_form} #sla-new-normal-first + .field-error, {new_form} .field-error").first).to_be_visible()
    expect(page.locator("#sla-new-normal-resolution")).to_have_value("۴")
    page.locator("#sla-new-normal-first").fill("۰:۳۰")
    submit_form(page, new_form)
    expect(page.locator("main h2", has_text=policy)).to_be_visible()
    screenshot(page, "sla-policies")

    account = api(base_url, "POST", "/accounts", {"name": f"شرکت {unique_word()}"}, token=api_token(base_url))
    page.goto(f"/accounts/{account['id']}")
    with page.expect_navigation():
        page.locator(".record-actions a", has_text="قراردادهای پشتیبانی").click()
    contract = f"قرارداد {unique_word()}"
    contract_form = "#new-contract form"
    page.locator(f"{contract_form} [name=name]").fill(contract)
    page.locator(f"{contract_form} [name=starts_on]").fill(jalali_input(today_in_tehran(-30)))
    page.locator(f"{contract_form} [name=ends_on]").fill(jalali_input(today_in_tehran(300)))
    page.locator(f"{contract_form} [name=sla_policy_id]").select_option(label=policy)
    page.locator(f"{contract_form} [name=entitlement_unit]").select_option("cases")
    page.locator(f"{contract_form} [name=entitlement_total]").fill("۲۰")
    submit_form(page, contract_form)
    row = page.locator("table.list tr", has_text=contract)
    expect(row).to_contain_text("فعال")
    expect(row).to_contain_text("۰ / ۲۰")

    title = f"قطعی سرور {unique_word()}"
    case_id = create_record(page, base_url, "cases", {"title": title, "priority": "normal"},
                            form_address=f"/cases/new?account_id={account['id']}")
    sla = page.locator("#sla")
    expect(sla).to_contain_text(policy)
    expect(sla).to_contain_text("نخستین پاسخ")
    expect(sla.locator(".badge.sla-running").first).to_be_visible()
    expect(sla).to_contain_text(contract)
    expect(sla).to_contain_text("۱ از ۲۰")
    screenshot(page, "case-service-level")

    with page.expect_navigation():
        page.locator(".record-actions button", has_text="در انتظار مشتری").click()
    expect(page.locator("#sla .badge.sla-paused")).to_be_visible()
    assert page.url.endswith(f"/cases/{case_id}")
