"""Contacts in the browser: creating one typed on an Arabic keyboard and finding it with Persian
letters, editing, errors that keep what was typed, the timeline's quick add, and two people
editing the same contact at once."""

import re

from playwright.sync_api import Page, expect

from records import create_contact, create_record, fill_form, search_list
from support import ADMIN, page_as, record_url, screenshot, submit_form, unique_email, unique_mobile, unique_word  # noqa: F401

REQUIRED_FA = "این مقدار الزامی است."
INVALID_EMAIL_FA = "نشانی ایمیل معتبر نیست."
INVALID_FORMAT_FA = "قالب آن نادرست است."
SOME_VALUES_INVALID_FA = "برخی از مقادیر نامعتبرند."
NOTHING_FOUND_FA = "موردی پیدا نشد."


def detail(page: Page, label: str):
    """The value beside `label` in the record page's details list."""
    return page.locator("dl.details dt", has_text=re.compile(f"^{re.escape(label)}$")).locator("xpath=following-sibling::dd[1]")


def test_contact_typed_with_arabic_letters_is_found_with_persian_letters(page_as, base_url: str):
    page = page_as(ADMIN)
    word = unique_word()
    email = unique_email("ali")
    arabic_last_name = f"كريمي{word}"  # Arabic kaf (U+0643) and yeh (U+064A), as an Arabic keyboard types them
    persian_last_name = f"کریمی{word}"  # Persian keheh (U+06A9) and yeh (U+06CC)
    assert arabic_last_name != persian_last_name

    page.goto("/contacts/new")
    expect(page.locator("main h1")).to_have_text("مخاطب جدید")
    fill_form(page, {
        "first_name": "علي",
        "last_name": arabic_last_name,
        "phones.0.number": "09121234567",
        "phones.0.label": "mobile",
        "emails.0.address": email,
        "birth_date": "۱۳۷۰/۰۵/۱۲",
    })
    response = submit_form(page)
    assert response.status == 200 and response.request.redirected_from is not None
    assert response.request.redirected_from.method == "POST"
    assert record_url(base_url, "contacts").match(page.url), page.url

    # The name reads as typed; the phone is stored in international form; the day in Jalali.
    expect(page.locator("main h1")).to_have_text(f"علي {arabic_last_name}")
    expect(page).to_have_title(f"علي {arabic_last_name} · پیوند")
    phone = detail(page, "تلفن‌ها").locator("a[href^='tel:']")
    expect(phone).to_have_text("+989121234567")
    expect(phone).to_have_attribute("href", "tel:+989121234567")
    expect(phone).to_have_attribute("dir", "ltr")
    expect(detail(page, "تلفن‌ها")).to_contain_text("همراه")
    expect(detail(page, "ایمیل‌ها")).to_have_text(email)
    expect(detail(page, "تاریخ تولد")).to_have_text("۱۲ مرداد ۱۳۷۰")
    record_page = page.url

    # Searching with Persian letters finds the Arabic-lettered name, and only it.
    assert search_list(page, "contacts", persian_last_name) == [f"علي {arabic_last_name}"]
    expect(page.locator("form.list-filters input[name=q]")).to_have_value(persian_last_name)
    row = page.locator("table.records tbody tr")
    expect(row.locator("td").nth(4)).to_have_text("+989121234567")  # after the tick box, name, job title, account
    screenshot(page, "contacts-search")
    # … and typed with Persian digits in the phone number, too.
    assert search_list(page, "contacts", "۰۹۱۲ ۱۲۳ ۴۵۶۷") == [f"علي {arabic_last_name}"]
    # A word nobody has is not found: the search really filters.
    assert search_list(page, "contacts", f"کریمی{unique_word()}") == []
    expect(page.locator("main p.empty")).to_have_text(NOTHING_FOUND_FA)

    search_list(page, "contacts", persian_last_name)
    with page.expect_navigation():
        page.locator("table.records tbody a", has_text=arabic_last_name).click()
    assert page.url == record_page


def test_edit_changes_job_title_and_keeps_the_rest(page_as, base_url: str):
    page = page_as(ADMIN)
    last_name = f"ویرایشی{unique_word()}"
    contact_id = create_contact(page, base_url, first_name="مهسا", last_name=last_name,
                                birth_date="1370/05/12", **{"phones.0.number": unique_mobile()})
    expect(page.locator("main .subtitle")).to_have_text("")
    with page.expect_navigation():
        page.locator(".record-actions a", has_text="ویرایش").click()
    assert page.url == f"{base_url}/contacts/{contact_id}/edit"
    expect(page.locator("main h1")).to_have_text(f"ویرایش: مهسا {last_name}")
    # The form shows the stored values: the birth day back in Jalali with Persian digits.
    expect(page.locator("#field-last_name")).to_have_value(last_name)
    expect(page.locator("#field-birth_date")).to_have_value("۱۳۷۰/۰۵/۱۲")

    page.locator("#field-job_title").fill("مدیر خرید")
    response = submit_form(page)
    assert response.status == 200
    assert page.url == f"{base_url}/contacts/{contact_id}"
    expect(page.locator("main .subtitle")).to_have_text("مدیر خرید")
    expect(detail(page, "تاریخ تولد")).to_have_text("۱۲ مرداد ۱۳۷۰")
    # The timeline records the edit and which field changed.
    expect(page.locator("ol.timeline li").first).to_contain_text("ویرایش شد")
    expect(page.locator("ol.timeline li").first).to_contain_text("job_title")


def test_refused_form_shows_errors_beside_fields_and_keeps_input(page_as, base_url: str):
    page = page_as(ADMIN)
    email = f"not-an-email-{unique_word()}"
    page.goto("/contacts/new")
    fill_form(page, {
        "first_name": "نیلوفر",
        "last_name": "",
        "emails.0.address": email,
        "phones.1.number": "123",  # the second row, the first left blank
        "tags": "مشتری ویژه، نمایشگاه",
    })
    response = submit_form(page)
    assert response.status == 422
    assert page.url == f"{base_url}/contacts/new"
    expect(page.locator(".form-error[role=alert]")).to_have_text(SOME_VALUES_INVALID_FA)

    for field, message in [("last_name", REQUIRED_FA), ("emails-0-address", INVALID_EMAIL_FA),
                           ("phones-1-number", INVALID_FORMAT_FA)]:
        control = page.locator(f"#field-{field}")
        expect(control).to_have_attribute("aria-invalid", "true")
        error = page.locator(f"#field-{field} + p.field-error")
        expect(error).to_have_text(message)
        expect(control).to_have_attribute("aria-describedby", re.compile(error.get_attribute("id") or "-"))
    expect(page.locator("p.field-error")).to_have_count(3)
    expect(page.locator("#field-first_name")).not_to_have_attribute("aria-invalid", "true")

    # What was typed is still there.
    expect(page.locator("#field-first_name")).to_have_value("نیلوفر")
    expect(page.locator("#field-emails-0-address")).to_have_value(email)
    expect(page.locator("#field-phones-1-number")).to_have_value("123")
    expect(page.locator("#field-tags")).to_have_value("مشتری ویژه، نمایشگاه")
    screenshot(page, "contact-form-errors")

    # Fixing the fields saves the contact with the kept values.
    last_name = f"اصلاحی{unique_word()}"
    fill_form(page, {"last_name": last_name, "emails.0.address": unique_email("niloofar"),
                     "phones.1.number": unique_mobile()})
    response = submit_form(page)
    assert response.status == 200
    assert record_url(base_url, "contacts").match(page.url), page.url
    expect(page.locator("main h1")).to_have_text(f"نیلوفر {last_name}")
    expect(page.locator(".tag")).to_have_text(["مشتری ویژه", "نمایشگاه"])


def test_quick_add_puts_note_and_task_on_the_timeline(page_as, base_url: str):
    page = page_as(ADMIN)
    contact_id = create_contact(page, base_url, last_name=f"سوابقی{unique_word()}")
    timeline = page.locator("section#timeline")
    expect(timeline.locator("h2")).to_have_text("سوابق")
    quick_add = timeline.locator("details")
    expect(quick_add).not_to_have_attribute("open", re.compile(".*"))

    subject = f"یادداشت {unique_word()}"
    quick_add.locator("summary").click()
    fill_form(page, {"kind": "note", "subject": subject, "body": "مشتری کاتالوگ جدید را خواست."}, form="form.quick-add")
    response = submit_form(page, "form.quick-add")
    assert response.status == 200
    assert page.url == f"{base_url}/contacts/{contact_id}#timeline"
    entry = timeline.locator("li.timeline-entry", has_text=subject)
    expect(entry).to_have_count(1)
    expect(entry.locator("strong")).to_have_text(f"یادداشت: {subject}")
    expect(entry.locator("p")).to_have_text("مشتری کاتالوگ جدید را خواست.")
    # Newest first: the note sits above the "created" entry.
    expect(timeline.locator("li.timeline-entry").first).to_contain_text(subject)
    expect(timeline.locator("li.timeline-entry").last).to_contain_text("ایجاد شد")

    # A task due at a Jalali date and time typed in Persian digits.
    task = f"پیگیری {unique_word()}"
    quick_add.locator("summary").click()
    fill_form(page, {"kind": "task", "subject": task, "due_at": "۱۴۰۵/۰۹/۰۳ ۱۰:۳۰"}, form="form.quick-add")
    submit_form(page, "form.quick-add")
    entry = timeline.locator("li.timeline-entry", has_text=task)
    expect(entry.locator("strong")).to_have_text(f"کار: {task}")
    expect(entry).to_contain_text("باز")
    expect(entry).to_contain_text("موعد ۳ آذر ۱۴۰۵، ۱۰:۳۰")

    # A refused quick add reopens the form with its error and keeps the text.
    quick_add.locator("summary").click()
    fill_form(page, {"kind": "call", "subject": "", "body": "شماره اشتباه بود", "due_at": "فردا"}, form="form.quick-add")
    response = submit_form(page, "form.quick-add")
    assert response.status == 422
    expect(quick_add).to_have_attribute("open", "open")
    expect(page.locator("form.quick-add .form-error[role=alert]")).to_have_text(SOME_VALUES_INVALID_FA)
    expect(page.locator("#field-subject + p.field-error")).to_have_text(REQUIRED_FA)
    expect(page.locator("#field-due_at ~ p.field-error")).to_have_text(INVALID_FORMAT_FA)
    expect(page.locator("#field-body")).to_have_value("شماره اشتباه بود")
    expect(page.locator("#field-kind")).to_have_value("call")
    expect(timeline.locator("li.timeline-entry")).to_have_count(3)


def test_stale_edit_shows_both_versions_and_saving_again_wins(page_as, base_url: str):
    page = page_as(ADMIN)
    contact_id = create_contact(page, base_url, last_name=f"همزمان{unique_word()}", job_title="کارشناس")
    edit_url = f"/contacts/{contact_id}/edit"
    first = page
    second = page.context.new_page()
    first.goto(edit_url)
    second.goto(edit_url)

    first.locator("#field-job_title").fill("مدیر فروش")
    assert submit_form(first).status == 200
    expect(first.locator("main .subtitle")).to_have_text("مدیر فروش")

    second.locator("#field-job_title").fill("سرپرست انبار")
    second.locator("#field-address-city").fill("تبریز")
    response = submit_form(second)
    assert response.status == 409
    assert second.url == f"{base_url}{edit_url}"
    stale = second.locator("div.stale")
    expect(stale).to_be_visible()
    expect(stale.locator("thead th")).to_have_text(["فیلد", "نسخهٔ ذخیره‌شده", "نسخهٔ شما"])
    expect(stale.locator("tbody tr", has_text="سمت").locator("td")).to_have_text(["سمت", "مدیر فروش", "سرپرست انبار"])
    expect(stale.locator("tbody tr", has_text="شهر").locator("td")).to_have_text(["شهر", "", "تبریز"])
    # Your values stay in the form.
    expect(second.locator("#field-job_title")).to_have_value("سرپرست انبار")
    expect(second.locator("#field-address-city")).to_have_value("تبریز")
    screenshot(second, "contact-stale-edit")

    assert submit_form(second).status == 200
    assert second.url == f"{base_url}/contacts/{contact_id}"
    expect(second.locator("main .subtitle")).to_have_text("سرپرست انبار")
    expect(detail(second, "نشانی")).to_have_text("تبریز")


def test_likely_duplicate_is_shown_and_can_be_saved_anyway(page_as, base_url: str):
    page = page_as(ADMIN)
    mobile = unique_mobile()
    first_name = f"شهره{unique_word()}"
    original = create_contact(page, base_url, first_name=first_name, last_name="نخستین", **{"phones.0.number": mobile})

    # Someone else types the same mobile for what may be the same person.
    page.goto("/contacts/new")
    fill_form(page, {"first_name": "شهره", "last_name": f"دومین{unique_word()}", "phones.0.number": mobile,
                     "job_title": "حسابدار"})
    response = submit_form(page)
    assert response.status == 422
    assert page.url == f"{base_url}/contacts/new"
    duplicates = page.locator("form.record-form div.duplicates")
    expect(duplicates.locator("li")).to_have_count(1)
    expect(duplicates.locator("li a")).to_have_text(f"{first_name} نخستین")
    expect(duplicates.locator("li a")).to_have_attribute("href", f"/contacts/{original}")
    expect(duplicates.locator("li")).to_contain_text("(تلفن)")
    save_anyway = duplicates.get_by_role("checkbox", name="ذخیره با وجود مشابه")
    expect(save_anyway).not_to_be_checked()
    expect(page.locator("#field-job_title")).to_have_value("حسابدار")
    expect(page.locator("#field-phones-0-number")).to_have_value(mobile)

    # Saving again without ticking the box is refused again; ticking it saves a second contact.
    assert submit_form(page).status == 422
    page.locator("form.record-form div.duplicates").get_by_role("checkbox", name="ذخیره با وجود مشابه").check()
    response = submit_form(page)
    assert response.status == 200
    match = record_url(base_url, "contacts").match(page.url)
    assert match and match.group(1) != original, page.url
    expect(page.locator("main .subtitle")).to_have_text("حسابدار")
    assert len(search_list(page, "contacts", mobile)) == 2


def test_match_reasons_read_in_persian(page_as, base_url: str):
    """Why a record looks like a twin («تلفن», «ایمیل», «نام») is said in the page's language, in
    the duplicate warning and on the lead conversion screen alike."""
    page = page_as(ADMIN)
    last_name = f"همنام{unique_word()}"
    create_contact(page, base_url, first_name="سیمین", last_name=last_name)
    page.goto("/contacts/new")
    fill_form(page, {"first_name": "سیمین", "last_name": last_name})
    assert submit_form(page).status == 422
    duplicate = page.locator("div.duplicates li").inner_text().strip()

    company = f"{unique_word()} شرکت"
    create_record(page, base_url, "accounts", {"name": company})
    lead = create_record(page, base_url, "leads", {"last_name": f"سرنخ{unique_word()}", "company": company})
    page.goto(f"/leads/{lead}/convert")
    offered = page.locator("form.conversion label.choice").first.inner_text().strip()

    assert (duplicate, offered) == (f"سیمین {last_name} (نام)", f"پیوند به {company} (نام)")
