"""CSV import in the browser, as a user moves a call log from another system: the list's import
link, the upload, the column-mapping step with Persian headers recognised, and the progress page
listing each refused row with its reason."""

import re

from playwright.sync_api import expect

from support import ADMIN, api, api_token, page_as, submit_form, unique_word  # noqa: F401


def test_a_persian_call_log_is_mapped_imported_and_its_refused_rows_explained(page_as, base_url: str):
    page = page_as(ADMIN)
    account = api(base_url, "POST", "/accounts", {"name": f"شرکت {unique_word()}"}, token=api_token(base_url))
    subject = f"پیگیری {unique_word()}"
    csv = ("نوع,موضوع,وضعیت,سررسید,شرکت,ستون اضافه\r\n"
           f"تماس,{subject},انجام شد,۱۴۰۵/۰۹/۰۱ ۱۰:۳۰,{account['name']},x\r\n"
           "پرواز,نوع ناشناخته,,,,\r\n").encode()

    page.goto("/activities")
    with page.expect_navigation():
        page.locator("main a", has_text="ورود از CSV").click()
    assert page.url.endswith("/activities/import")
    page.locator("input[name=file]").set_input_files({"name": "calls.csv", "mimeType": "text/csv", "buffer": csv})
    submit_form(page, "form.record-form")
    assert re.search(r"/imports/[0-9a-f-]+/mapping$", page.url)

    # Persian headers are recognised; the column no field matches is left out.
    rows = page.locator("table.records tbody tr")
    expect(rows).to_have_count(6)
    expect(rows.nth(0).locator("select")).to_have_value("kind")
    expect(rows.nth(1).locator("select")).to_have_value("subject")
    expect(rows.nth(3).locator("select")).to_have_value("due_at")
    expect(rows.nth(4).locator("select")).to_have_value("account")
    expect(rows.nth(5).locator("select")).to_have_value("")
    submit_form(page, "#mapping-form")

    status = page.locator("main p.notice[role=status]")
    for _ in range(30):
        if "پایان یافت" in status.inner_text():
            break
        page.wait_for_timeout(500)
        page.reload()
    expect(status).to_have_text("پایان یافت")
    report = page.locator("table.records tbody tr")
    expect(report).to_have_count(1)
    expect(report.first).to_contain_text("kind")

    page.goto(f"/accounts/{account['id']}")
    expect(page.locator("#timeline")).to_contain_text(subject)
