"""Activities in the browser: one found on the list opens its own page, is edited there and
marked done."""

from playwright.sync_api import expect

from records import create_contact, create_record, search_list
from support import ADMIN, page_as, screenshot, submit_form, unique_word  # noqa: F401


def test_activity_opened_from_the_list_is_edited_and_marked_done(page_as, base_url: str):
    page = page_as(ADMIN)
    contact_name = f"فعال{unique_word()}"
    contact_id = create_contact(page, base_url, last_name=contact_name)
    subject = f"پیگیری {unique_word()}"
    activity_id = create_record(page, base_url, "activities", {"kind": "call", "subject": subject, "due_at": "۱۴۰۵/۰۹/۰۳ ۱۰:۳۰"},
                                form_address=f"/activities/new?regarding_type=contact&regarding_id={contact_id}")

    assert search_list(page, "activities", subject) == [subject]
    with page.expect_navigation():
        page.locator("table.records tbody a", has_text=subject).click()
    assert page.url == f"{base_url}/activities/{activity_id}"
    expect(page.locator("main h1")).to_have_text(subject)
    expect(page.locator("main dl.details")).to_contain_text("۳ آذر ۱۴۰۵، ۱۰:۳۰")
    expect(page.locator("main dl.details a", has_text=contact_name)).to_have_attribute("href", f"/contacts/{contact_id}")

    with page.expect_navigation():
        page.locator(".record-actions a", has_text="ویرایش").click()
    assert page.url == f"{base_url}/activities/{activity_id}/edit"
    expect(page.locator("#field-due_at")).to_have_value("۱۴۰۵/۰۹/۰۳ ۱۰:۳۰")
    edited = f"{subject} (تمدید)"
    page.locator("#field-subject").fill(edited)
    response = submit_form(page)
    assert response.status == 200
    assert page.url == f"{base_url}/activities/{activity_id}"
    expect(page.locator("main h1")).to_have_text(edited)
    expect(page.locator("main .subtitle")).to_have_text("تماس · باز")

    with page.expect_navigation():
        page.locator(".record-actions button", has_text="انجام شد").click()
    assert page.url == f"{base_url}/activities/{activity_id}"
    expect(page.locator("main .subtitle")).to_have_text("تماس · انجام‌شده")
    expect(page.locator(".record-actions button", has_text="بازگشایی")).to_be_visible()
    screenshot(page, "activity-done")

    # The contact's timeline links to the activity's page.
    page.goto(f"/contacts/{contact_id}")
    expect(page.locator(f"ol.timeline a[href='/activities/{activity_id}']")).to_have_text(edited)


def test_new_activity_names_what_it_is_about_by_typing_and_picking_a_suggestion(page_as, base_url: str):
    page = page_as(ADMIN)
    word = unique_word()
    contact_id = create_contact(page, base_url, last_name=f"نیک{word}")
    page.goto("/activities/new")
    box = page.locator("#field-regarding_name")
    box.press_sequentially(f"نیک{word}"[:5])
    option = page.locator(f"#field-regarding_name-options option[data-id='contact:{contact_id.lower()}']")
    expect(option).to_be_attached()
    expect(option).to_have_attribute("value", f"نیک{word} — مخاطب")
    box.fill(option.get_attribute("value"))
    expect(page.locator("input[type=hidden][name='regarding_ref']")).to_have_value(f"contact:{contact_id.lower()}")
    page.locator("#field-subject").fill(f"پیگیری {word}")
    response = submit_form(page)
    assert response.status == 200
    expect(page.locator("main dl.details a", has_text=f"نیک{word}")).to_have_attribute("href", f"/contacts/{contact_id}")
