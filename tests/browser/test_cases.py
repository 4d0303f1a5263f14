"""Customer service cases in the browser: a case typed in Persian is worked, answered and
resolved on its own page; a queue made on the admin page routes a new case to its member."""

import re

from playwright.sync_api import expect

from records import create_record, search_list
from support import ADMIN, api, api_token, page_as, screenshot, submit_form, unique_word  # noqa: F401

CASE_NUMBER = re.compile(r"^C-[0-9]{4}-[0-9]{6}")


def test_a_case_typed_in_persian_is_started_answered_and_resolved(page_as, base_url: str):
    page = page_as(ADMIN)
    title = f"چاپگر {unique_word()} کاغذ را گیر می‌اندازد"
    case_id = create_record(page, base_url, "cases", {
        "title": title, "type": "question", "channel": "phone", "priority": "high",
        "category": f"دسته{unique_word()}", "description": "از دیروز هر برگه را نیمه‌کاره بیرون می‌دهد.",
    })
    expect(page.locator("main h1")).to_have_text(title)
    subtitle = page.locator("main .subtitle")
    expect(subtitle).to_have_text(re.compile(r"^C-[0-9]{4}-[0-9]{6} · جدید$"))
    # No queue rule matches the made-up category, so the creator owns the case.
    expect(page.locator("main dl.details").first).to_contain_text("مریم احمدی")

    assert search_list(page, "cases", title) != []

    page.goto(f"/cases/{case_id}")
    with page.expect_navigation():
        page.locator(".record-actions button", has_text="شروع رسیدگی").click()
    expect(subtitle).to_have_text(re.compile(r"· در حال رسیدگی$"))
    expect(page.locator("main dl.details").first).to_contain_text("نخستین پاسخ")

    comment_form = "form[action$='/comments']"
    page.locator(f"{comment_form} [name=body]").fill("سلام، کارشناس ما فردا تماس می‌گیرد.")
    page.locator(f"{comment_form} [name=visibility]").select_option("public")
    submit_form(page, comment_form)
    expect(page.locator("#comments ol.timeline li")).to_have_count(1)
    expect(page.locator("#comments ol.timeline li")).to_contain_text("سلام، کارشناس ما فردا تماس می‌گیرد.")

    # Resolving without a resolution is refused beside the box; with one it resolves.
    resolve_form = "form[action$='/resolve']"
    response = submit_form(page, resolve_form)
    assert response.status == 422
    expect(page.locator(f"{resolve_form} .field-error")).to_be_visible()
    page.locator(f"{resolve_form} [name=resolution]").fill("غلتک کاغذ تعویض شد.")
    submit_form(page, resolve_form)
    expect(subtitle).to_have_text(re.compile(r"· حل‌شده$"))
    expect(page.locator("main")).to_contain_text("غلتک کاغذ تعویض شد.")
    expect(page.locator(".record-actions button", has_text="بازگشایی")).to_be_visible()
    screenshot(page, "case-resolved")

    with page.expect_navigation():
        page.locator(".record-actions button", has_text="بستن").click()
    expect(subtitle).to_have_text(re.compile(r"· بسته$"))


def test_a_queue_made_on_the_admin_page_routes_a_new_case_to_its_member(page_as, base_url: str):
    page = page_as(ADMIN)
    page.goto("/admin")
    with page.expect_navigation():
        page.locator(".admin-links a", has_text="صف‌های پشتیبانی").click()
    assert page.url == f"{base_url}/admin/queues"

    queue_name = f"صف {unique_word()}"
    category = f"گارانتی{unique_word()}"
    new_form = "form:has(#queue-new-name)"
    page.locator("#queue-new-name").fill(queue_name)
    page.locator(f"{new_form} label.choice", has_text="نرگس حسینی").locator("input").check()
    page.locator("#queue-new-rule-0-category").fill(category)
    submit_form(page, new_form)
    assert page.url == f"{base_url}/admin/queues"
    expect(page.locator("main h2", has_text=queue_name)).to_be_visible()

    title = f"گارانتی دستگاه {unique_word()}"
    case_id = create_record(page, base_url, "cases", {"title": title, "type": "request", "category": category})
    details = page.locator("main dl.details").first
    expect(details).to_contain_text(queue_name)
    expect(details).to_contain_text("نرگس حسینی")

    # The list's queue filter offers the queue and shows the routed case.
    page.goto("/cases")
    queue_id = page.locator("form.list-filters select[name=queue_id] option", has_text=queue_name).get_attribute("value")
    page.locator("form.list-filters select[name=queue_id]").select_option(queue_id)
    with page.expect_navigation():
        page.locator("form.list-filters button[type=submit]").first.click()
    expect(page.locator(f"table.records a[href='/cases/{case_id}']").first).to_be_visible()


def test_an_agent_replies_by_email_from_the_case_and_sees_its_delivery_state(page_as, base_url: str):
    page = page_as(ADMIN)
    token = api_token(base_url)
    address = f"{unique_word().lower()}@kish.example"
    contact = api(base_url, "POST", "/contacts", {"first_name": "حمید", "last_name": f"بندری{unique_word()}",
                                                  "emails": [{"address": address}]}, token=token)
    case = api(base_url, "POST", "/cases", {"title": f"کارت‌خوان {unique_word()}", "contact_id": contact["id"]}, token=token)
    page.goto(f"/cases/{case['id']}")

    reply_form = "form[action$='/reply']"
    response = submit_form(page, reply_form)
    assert response.status == 422
    expect(page.locator(f"{reply_form} .field-error")).to_be_visible()
    page.locator(f"{reply_form} [name=reply_body]").fill("سلام، کارشناس ما فردا تماس می‌گیرد.")
    submit_form(page, reply_form)
    sent = page.locator("#emails li")
    expect(sent).to_have_count(1)
    expect(sent.first).to_contain_text(address)
    # This test server has no SMTP relay: the message waits in the queue and says why.
    expect(sent.first.locator(".badge")).to_have_text(re.compile("در صف ارسال|فرستاده شد|ناموفق"))
    expect(page.locator("#comments ol.timeline li")).to_contain_text("سلام، کارشناس ما فردا تماس می‌گیرد.")
    expect(page.locator("#comments [name=body]")).to_have_value("")
