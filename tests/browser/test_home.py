"""The home dashboard: a task added with a record's quick add appears under «کارهای باز من»,
linked to its own page (which links to the record); a note does not. Sara (a sales rep) is used, whose open
tasks only this test adds, so the panel's eight entries are never taken by other tests' tasks."""

import re

from playwright.sync_api import Page, expect

from records import fill_form, post_form
from support import SARA, page_as, submit_form, unique_word  # noqa: F401


def quick_add(page: Page, **values: str) -> None:
    page.locator("section#timeline details summary").click()
    fill_form(page, values, form="form.quick-add")
    response = submit_form(page, "form.quick-add")
    assert response.status == 200, response.status


def dashboard_panel(page: Page, heading: str):
    return page.locator(".dashboard section", has=page.locator("h2", has_text=heading))


def test_task_from_a_records_quick_add_is_among_my_open_tasks(page_as, base_url: str):
    page = page_as(SARA)
    word = unique_word()
    last_name = f"داشبوردی{word}"
    page.goto("/contacts")
    contact_id = post_form(page, base_url, "/contacts/new", {"first_name": "پویا", "last_name": last_name})
    page.goto(f"/contacts/{contact_id}")
    task = f"ارسال کاتالوگ {word}"
    note = f"یادداشت {word}"
    # Due in the past, so it is first in the panel (oldest due first) whatever else Sara has.
    quick_add(page, kind="task", subject=task, due_at="۱۴۰۴/۱۲/۱۵ ۰۹:۰۰")
    expect(page.locator("li.timeline-entry", has_text=task)).to_have_count(1)
    post_form(page, base_url, f"/contacts/{contact_id}/activities", {"kind": "note", "subject": note, "body": "فقط یک یادداشت"})

    page.goto("/")
    expect(page.locator("main h1")).to_have_text("سارا محمدی، خوش آمدید.")
    tasks = dashboard_panel(page, "کارهای باز من")
    entry = tasks.locator("li", has_text=task)
    expect(entry).to_have_count(1)
    expect(entry).to_have_text(f"کار: {task} · ۱۵ اسفند ۱۴۰۴، ۰۹:۰۰")
    expect(tasks.locator("li").first).to_contain_text(task)
    expect(page.locator(".dashboard li", has_text=note)).to_have_count(0)
    # The contact is among the records Sara worked on last.
    recent = dashboard_panel(page, "آخرین رکوردها")
    expect(recent.locator(f"a[href='/contacts/{contact_id}']")).to_have_text(f"پویا {last_name}")

    # The task opens its own page, which links to the contact it is about.
    with page.expect_navigation():
        entry.locator("a").click()
    assert re.fullmatch(rf"{re.escape(base_url)}/activities/[0-9a-f-]{{36}}", page.url), page.url
    expect(page.locator("main h1")).to_have_text(task)
    expect(page.locator(f"main a[href='/contacts/{contact_id}']")).to_have_text(f"پویا {last_name}")
