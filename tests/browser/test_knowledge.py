"""The knowledge base in the browser: an agent writes an article in Persian with the small markup,
publishes it, finds it by search whatever the letter forms, and says it helped; on a new case the
article is suggested as the description is typed, before anything is saved, and once the case is
saved it is recorded as used."""

import re

from playwright.sync_api import expect

from records import create_record, fill_form
from support import ADMIN, page_as, screenshot, submit_form, unique_word  # noqa: F401


def test_an_article_is_written_published_found_and_rated(page_as, base_url: str):
    page = page_as(ADMIN)
    word = unique_word()
    article_id = create_record(page, base_url, "knowledge", {
        "title": f"کاغذ {word} در چاپگر گیر می‌کند",
        "body": f"## گام‌ها\n- غلتک {word} را تمیز کنید\n- **کاغذ** را صاف بگذارید\n\n<script>alert(1)</script>",
        "keywords": "چاپگر، غلتک", "category": "سخت‌افزار", "language": "fa", "status": "draft",
    })
    body = page.locator(".article-body")
    expect(body.locator("h3")).to_have_text("گام‌ها")
    expect(body.locator("li")).to_have_count(2)
    expect(body.locator("strong")).to_have_text("کاغذ")
    expect(body).to_contain_text("<script>alert(1)</script>")  # shown as text, never run
    expect(page.locator(".notice.warning")).to_be_visible()

    with page.expect_navigation():
        page.locator(".record-actions button", has_text="انتشار").click()
    expect(page.locator("main .subtitle")).to_have_text(re.compile(r"^منتشرشده"))
    with page.expect_navigation():
        page.locator("#feedback button", has_text="مفید بود").first.click()
    expect(page.locator("#feedback button.primary")).to_have_text("مفید بود")
    screenshot(page, "knowledge-article")

    # Arabic ي and ك in the query still find it.
    page.goto(f"/knowledge?q=غلتك {word}")
    expect(page.locator(f"a[href='/knowledge/{article_id}']")).to_be_visible()


def test_the_case_form_suggests_the_article_as_the_description_is_typed(page_as, base_url: str):
    page = page_as(ADMIN)
    word = unique_word()
    article_id = create_record(page, base_url, "knowledge", {
        "title": f"مودم {word} چراغ اینترنت ندارد", "body": f"کابل {word} را بررسی و مودم را راه‌اندازی مجدد کنید",
        "language": "fa", "status": "published",
    })
    page.goto("/cases/new")
    host = page.locator("[data-case-suggestions]")
    expect(host).to_contain_text("با نوشتن عنوان و شرح")
    fill_form(page, {"title": "اینترنت قطع است", "type": "incident", "channel": "phone", "priority": "normal"})
    page.locator("form.record-form [name=description]").fill(f"چراغ اینترنت مودم {word} خاموش است")
    suggested = host.locator(f"a[href='/knowledge/{article_id}']")
    expect(suggested).to_be_visible()
    screenshot(page, "case-form-suggestions")

    submit_form(page)
    expect(page.locator("#suggested-articles")).to_contain_text(f"مودم {word}")
    with page.expect_navigation():
        page.locator("#suggested-articles li", has=page.locator(f"a[href='/knowledge/{article_id}']")).locator("button").click()
    expect(page.locator("#articles")).to_contain_text(f"مودم {word}")
    expect(page.locator(f"#suggested-articles a[href='/knowledge/{article_id}']")).to_have_count(0)
