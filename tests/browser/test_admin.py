"""Administration in the browser: the index, a custom role granted one right in the permission
matrix and given to a new user (a weak password first refused beside its box), built-in roles
read-only, the organisation's money unit (always put back to Toman), the audit log filtered by
record type, and a sales rep kept out."""

import re

from playwright.sync_api import Page, expect

from records import board_stages, post_form
from support import (ADMIN, REZA, jalali_input, login, page_as, rial, screenshot, submit_form, today_in_tehran, toman,  # noqa: F401
                     unique_email, unique_word)

FORBIDDEN_FA = "اجازهٔ این کار را ندارید."
WEAK_PASSWORD_FA = "گذرواژه باید دست‌کم ۱۰ نویسه و شامل حرف و رقم باشد."
NEW_USER_PASSWORD = "peyvand-new-user-1405"
ADMIN_PAGES = [("/admin/users", "کاربران"), ("/admin/teams", "تیم‌ها"), ("/admin/roles", "نقش‌ها و دسترسی‌ها"),
               ("/admin/pipelines", "قیف‌های فروش"), ("/admin/queues", "صف‌های پشتیبانی"),
               ("/admin/sla-policies", "توافق‌های سطح خدمت"), ("/admin/contracts", "قراردادهای پشتیبانی"), ("/products", "کالاها و خدمات"),
               ("/price-lists", "فهرست‌های قیمت"), ("/admin/settings", "تنظیمات سازمان"),
               ("/admin/business-hours", "ساعات کاری و تعطیلات"), ("/admin/audit", "گزارش تغییرات")]
ADMIN_LINKS = [heading for _, heading in ADMIN_PAGES]


def header_admin_link(page: Page):
    return page.locator("header.app-header nav a[href='/admin']")


def test_admin_index_links_to_every_administration_page(page_as, base_url: str):
    page = page_as(ADMIN)
    page.goto("/")
    expect(header_admin_link(page)).to_have_text("مدیریت")
    with page.expect_navigation():
        header_admin_link(page).click()
    assert page.url == f"{base_url}/admin"
    expect(page.locator("main h1")).to_have_text("مدیریت")
    links = page.locator("ul.admin-links a")
    expect(links).to_have_text(ADMIN_LINKS)
    for address, heading in ADMIN_PAGES:
        expect(links.filter(has_text=heading)).to_have_attribute("href", address)
    with page.expect_navigation():
        links.filter(has_text="تیم‌ها").click()
    expect(page.locator("main h1")).to_have_text("تیم‌ها")
    expect(page.locator("main section h2").first).to_have_text("فروش تهران")


def test_sales_rep_has_no_administration(page_as, base_url: str):
    reza = page_as(REZA)
    reza.goto("/")
    expect(reza.locator("header.app-header nav a")).to_have_count(10)
    expect(header_admin_link(reza)).to_have_count(0)
    for address in ["/admin", "/admin/users", "/admin/roles", "/admin/settings", "/admin/audit"]:
        response = reza.goto(address)
        assert response is not None and response.status == 403, address
        expect(reza.locator("main h1")).to_have_text(FORBIDDEN_FA)


def test_built_in_role_matrix_is_read_only(page_as, base_url: str):
    page = page_as(ADMIN)
    page.goto("/admin/roles")
    with page.expect_navigation():
        page.locator("ul.related a", has_text="کارشناس فروش").click()
    expect(page.locator("main h1")).to_have_text("ماتریس دسترسی: کارشناس فروش")
    expect(page.locator("main p.muted")).to_have_text("پیش‌فرض (تغییرناپذیر)")
    matrix = page.locator("table.matrix")
    expect(matrix.locator("thead th")).to_have_text(["بخش", "دیدن", "ایجاد", "ویرایش", "حذف", "خروجی", "واگذاری"])
    # Nothing to change: no drop-down, no form, no save button.
    expect(page.locator("main select, main form, main button")).to_have_count(0)
    contacts = matrix.locator("tbody tr", has=page.locator("th", has_text=re.compile("^مخاطبان$")))
    expect(contacts.locator("td")).to_have_text(["همهٔ سازمان", "رکوردهای خود", "رکوردهای خود", "—", "رکوردهای خود", "رکوردهای خود"])
    leads = matrix.locator("tbody tr", has=page.locator("th", has_text=re.compile("^سرنخ‌ها$")))
    expect(leads.locator("td")).to_have_text(["رکوردهای تیم"] + ["رکوردهای خود"] * 5)
    administration = matrix.locator("tbody tr", has=page.locator("th", has_text=re.compile("^مدیریت$")))
    expect(administration.locator("td")).to_have_text(["—"] * 6)


def test_custom_role_grants_contacts_to_a_new_user_after_a_weak_password_is_refused(page_as, new_context, base_url: str):
    page = page_as(ADMIN)
    word = unique_word()
    role_name = f"نقش {word}"

    # A new custom role starts with no rights; its matrix is a form.
    page.goto("/admin/roles")
    page.locator("form.record-form #field-name").fill(role_name)
    assert submit_form(page).status == 200
    match = re.fullmatch(re.escape(base_url) + r"/admin/roles/([0-9A-Fa-f-]{36})", page.url)
    assert match, page.url
    expect(page.locator("main h1")).to_have_text(f"ماتریس دسترسی: {role_name}")
    cells = page.locator("table.matrix select")
    expect(cells).to_have_count(15 * 6)
    assert set(cells.evaluate_all("selects => selects.map(s => s.value)")) == {""}
    contacts_read = page.get_by_role("combobox", name="مخاطبان · دیدن", exact=True)
    expect(contacts_read).to_have_attribute("name", "permissions.contacts.read")
    contacts_read.select_option(label="همهٔ سازمان")
    assert submit_form(page).status == 200
    assert page.url == match.group(0)
    expect(contacts_read).to_have_value("organisation")
    granted = cells.evaluate_all("selects => selects.filter(s => s.value).map(s => s.name + '=' + s.value)")
    assert granted == ["permissions.contacts.read=organisation"]

    # A new user with that role: a weak password is refused beside its box, the rest kept.
    name = f"کاربر {word}"
    email = unique_email("new.user")
    page.goto("/admin/users")
    form = page.locator("main form.record-form")
    form.locator("[name=name]").fill(name)
    form.locator("[name=email]").fill(email)
    form.locator("[name=role_id]").select_option(label=role_name)
    form.locator("[name=language]").select_option("fa")
    form.locator("[name=password]").fill("kutah1")
    assert submit_form(page, "main form.record-form").status == 422
    assert page.url == f"{base_url}/admin/users"
    password = page.locator("#field-password")
    expect(password).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#field-password ~ p.field-error")).to_have_text(WEAK_PASSWORD_FA)
    expect(password).to_have_value("")
    expect(page.locator("#field-name")).to_have_value(name)
    expect(page.locator("#field-email")).to_have_value(email)
    expect(page.locator("#field-role_id option:checked")).to_have_text(role_name)
    expect(page.locator("p.field-error")).to_have_count(1)

    password.fill(NEW_USER_PASSWORD)
    assert submit_form(page, "main form.record-form").status == 200
    assert page.url == f"{base_url}/admin/users"
    row = page.locator("table.records tbody tr", has_text=email)
    expect(row.locator("td")).to_have_text([name, email, role_name, "فعال"])

    # The user signs in and has exactly what the role grants: contacts, no leads, no admin.
    user = new_context().new_page()
    login(user, email, NEW_USER_PASSWORD)
    assert user.url == f"{base_url}/", user.url
    expect(user.locator("main h1")).to_have_text(f"{name}، خوش آمدید.")
    expect(header_admin_link(user)).to_have_count(0)
    response = user.goto("/contacts")
    assert response is not None and response.status == 200
    expect(user.locator(".record-actions a", has_text="مخاطب جدید")).to_have_count(0)
    for address in ["/leads", "/contacts/new", "/admin"]:
        response = user.goto(address)
        assert response is not None and response.status == 403, address


def test_money_unit_setting_shows_rials_on_the_board(page_as, base_url: str):
    page = page_as(ADMIN)
    word = unique_word()
    stages = board_stages(page)
    account_id = post_form(page, base_url, "/accounts/new", {"name": f"{word} ریالی"})
    opportunity_id = post_form(page, base_url, "/opportunities/new", {
        "name": f"فرصت ریالی {word}", "account_id": account_id, "stage_id": stages["ارزیابی نیاز"], "amount": "۲٬۵۰۰٬۰۰۱"})
    amount = 25_000_010
    card = page.locator(f".board-card[data-id='{opportunity_id.upper()}']")
    page.goto("/opportunities/board")
    expect(card.locator("p").nth(1)).to_have_text(toman(amount))

    def save_money_unit(unit: str) -> None:
        page.goto("/admin/settings")
        page.locator("#field-money_unit").select_option(unit)
        assert submit_form(page, "main form.record-form").status == 200
        assert page.url == f"{base_url}/admin/settings?saved=1"
        expect(page.locator("p.notice[role=status]")).to_have_text("ذخیره شد.")
        expect(page.locator("#field-money_unit")).to_have_value(unit)

    try:
        save_money_unit("rial")
        page.goto("/opportunities/board")
        expect(card.locator("p").nth(1)).to_have_text(rial(amount))
        weighted = page.locator(f".board-column[data-stage='{stages['ارزیابی نیاز']}'] p.board-weighted")
        expect(weighted).to_have_text(re.compile("^وزنی: [۰-۹٬]+ ریال$"))
        page.goto(f"/opportunities/{opportunity_id}/edit")
        expect(page.locator("label[for=field-amount]")).to_have_text("مبلغ (ریال)")
        expect(page.locator("#field-amount")).to_have_value("۲۵۰۰۰۰۱۰")
    finally:
        save_money_unit("toman")
    page.goto("/opportunities/board")
    expect(card.locator("p").nth(1)).to_have_text(toman(amount))


def test_audit_log_filtered_by_record_type(page_as, base_url: str):
    page = page_as(ADMIN)
    page.goto("/admin/audit")
    company = f"{unique_word()} ممیزی"
    account_id = post_form(page, base_url, "/accounts/new", {"name": company})
    post_form(page, base_url, f"/accounts/{account_id}/edit", {"name": company, "industry": "خدمات", "version": "1"})

    page.reload()
    page.locator("form.list-filters select[name=record_type]").select_option("account")
    response = submit_form(page, "form.list-filters")
    assert response.status == 200
    assert page.url == f"{base_url}/admin/audit?record_type=account&user_id=&from=&to="
    rows = page.locator("table.records tbody tr")
    expect(rows.first).to_be_visible()
    assert set(rows.locator("td:nth-child(4)").all_inner_texts()) == {"account"}
    expect(page.locator("form.list-filters select[name=record_type]")).to_have_value("account")
    # Newest first: the edit, then the creation, of this account, by the admin.
    mine = rows.filter(has=page.locator(f"a[href='/accounts/{account_id}']"))
    expect(mine).to_have_count(2)
    expect(mine.nth(0).locator("td")).to_have_text([re.compile("[۰-۹]"), "مریم احمدی", "update", "account",
                                                    account_id[:8].upper(), re.compile("industry")])
    expect(mine.nth(1).locator("td").nth(2)).to_have_text("create")

    # A range of days: from today keeps them, from tomorrow shows none (Jalali days, Persian digits).
    page.locator("form.list-filters input[name=from]").fill(jalali_input(today_in_tehran()))
    submit_form(page, "form.list-filters")
    expect(page.locator(f"table.records a[href='/accounts/{account_id}']")).to_have_count(2)
    page.locator("form.list-filters input[name=from]").fill(jalali_input(today_in_tehran(1)))
    submit_form(page, "form.list-filters")
    expect(page.locator(f"table.records a[href='/accounts/{account_id}']")).to_have_count(0)

    # Another type shows none of them.
    page.goto("/admin/audit?record_type=role")
    expect(page.locator(f"table.records a[href='/accounts/{account_id}']")).to_have_count(0)


def test_working_hours_and_a_holiday_are_set_on_the_admin_page(page_as, base_url: str):
    page = page_as(ADMIN)
    page.goto("/admin/business-hours")
    expect(page.locator("#field-hours-saturday-0-start")).to_have_value("۰۸:۰۰")
    # Thursday closes at half past twelve; the change is saved and the weekly total follows.
    page.locator("#field-hours-thursday-0-end").fill("۱۲:۳۰")
    response = submit_form(page, "form[action='/admin/business-hours']")
    assert response.status == 200
    expect(page.locator("p.notice")).to_have_text("ذخیره شد.")
    expect(page.locator("main .muted").first).to_contain_text("۴۹٫۵ ساعت کار در هفته")
    try:
        word = unique_word()
        page.locator("#field-day").fill("۱۴۰۵/۱۲/۲۹")
        page.locator("#field-name").fill(f"ملی شدن صنعت نفت {word}")
        with page.expect_navigation():
            page.locator("form[action='/admin/business-hours/holidays'] button[type=submit]").click()
        holiday = page.locator("ul.related li", has_text=word)
        expect(holiday).to_contain_text("۲۹ اسفند ۱۴۰۵")
        screenshot(page, "business-hours")
        with page.expect_navigation():
            holiday.locator("button").click()
        expect(page.locator("ul.related li", has_text=word)).to_have_count(0)
    finally:
        page.goto("/admin/business-hours")
        page.locator("#field-hours-thursday-0-end").fill("13:00")
        submit_form(page, "form[action='/admin/business-hours']")
