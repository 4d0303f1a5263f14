"""The main screens on a small phone (360×740) in both languages: the document never scrolls
sideways and every control fits on the screen (wide tables scroll inside their own box); on a
desktop, too. (The docs' screenshots of these screens come from test_tour.py.)"""

import pytest
from playwright.sync_api import Page, expect

from records import create_account, create_contact, create_lead
from support import ADMIN, SALES_MANAGER, horizontal_overflow, page_as, unique_email, unique_mobile, unique_word  # noqa: F401

# Screen name → address; {contact}, {account}, {lead} and
# {long_name_contact} are sample records.
SCREENS = {
    "contacts": "/contacts",
    "accounts": "/accounts",
    "leads": "/leads",
    "contact-new": "/contacts/new",
    "contact": "/contacts/{contact}",
    "contact-edit": "/contacts/{contact}/edit",
    "contact-edit-long-name": "/contacts/{long_name_contact}/edit",
    "account": "/accounts/{account}",
    "account-edit": "/accounts/{account}/edit",
    "lead": "/leads/{lead}",
    "lead-convert-screen": "/leads/{lead}/convert",
}
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 860}


def controls_outside(page: Page, width: int) -> list[str]:
    """The visible inputs, drop-downs and buttons that stick out of a screen `width` wide."""
    return page.evaluate(
        """width => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a.button')]
            .filter(e => e.getClientRects().length > 0)
            .filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > width + 0.5; })
            .map(e => e.outerHTML.slice(0, 120))""",
        width,
    )


_samples: dict[str, dict[str, str]] = {}


def sample_records(page: Page, base_url: str) -> dict[str, str]:
    """An account, a contact of it with long values, and a lead, made by the admin (once per
    server: both languages show the same records)."""
    if base_url not in _samples:
        _samples[base_url] = _make_samples(page, base_url)
    return _samples[base_url]


def _make_samples(page: Page, base_url: str) -> dict[str, str]:
    word = unique_word()
    company = f"گروه صنعتی و بازرگانی {word} خراسان"
    account = create_account(page, base_url, name=company, kind="customer", industry="صنایع غذایی",
                             website="https://www.example-industrial-group.co.ir/fa/about-us",
                             **{"phones.0.number": unique_mobile("0218"), "address.province": "razavi_khorasan"})
    contact = create_contact(
        page, base_url, form_address=f"/contacts/new?account_id={account}", first_name="بهاره", last_name=f"محمدزاده‌خراسانی {word}",
        job_title="کارشناس ارشد تدارکات و زنجیره تأمین", birth_date="۱۳۶۸/۱۱/۲۲",
        description="مسئول خرید مواد اولیه؛ ترجیح می‌دهد صبح‌ها تماس گرفته شود. " * 3,
        tags="مشتری ویژه، نمایشگاه ۱۴۰۵، تهران",
        **{"phones.0.number": unique_mobile(), "phones.1.number": unique_mobile("0513"),
           "emails.0.address": unique_email("bahareh.mohammadzadeh-khorasani.procurement")},
    )
    lead = create_lead(page, base_url, first_name="فرهاد", last_name=f"نمونه {word}", company=f"{company} (شعبه)",
                       **{"phones.0.number": unique_mobile()})
    # A real compound surname joined by half-spaces (ZWNJ) is one unbreakable word of 26 letters.
    long_name_contact = create_contact(page, base_url, first_name=f"سید {word}", last_name="عبدالحسین‌زاده‌اصفهانی‌نژاد")
    return {"account": account, "contact": contact, "lead": lead, "long_name_contact": long_name_contact}


@pytest.mark.parametrize("language", ["fa", "en"])
def test_main_screens_fit_a_small_phone(page_as, base_url: str, language: str):
    admin = page_as(ADMIN)
    ids = sample_records(admin, base_url)
    screens = {name: address.format(**ids) for name, address in SCREENS.items()}
    # English is shown to the sales manager (who may see all of these), switched back at the end.
    page = admin if language == "fa" else page_as(SALES_MANAGER)
    page.set_viewport_size(PHONE)
    page.goto("/contacts")
    switch = page.locator("form[action='/preferences/language'] button")
    if language == "en":
        with page.expect_navigation():
            switch.click()
    try:
        expect(page.locator("html")).to_have_attribute("lang", language)
        problems = []
        for address in screens.values():
            response = page.goto(address)
            assert response is not None and response.status == 200, f"{address} answered {response and response.status}"
            expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "fa" else "ltr")
            widths = horizontal_overflow(page)
            if widths["clientWidth"] != PHONE["width"] or widths["scrollWidth"] > widths["clientWidth"]:
                problems.append(f"{address}: document {widths['scrollWidth']} px wide on a {widths['clientWidth']} px screen")
            problems += [f"{address}: {control} sticks out" for control in controls_outside(page, PHONE["width"])]
            page.set_viewport_size(DESKTOP)
            widths = horizontal_overflow(page)
            if widths["scrollWidth"] > widths["clientWidth"]:
                problems.append(f"{address} (desktop): document {widths['scrollWidth']} px wide on {widths['clientWidth']} px")
            page.set_viewport_size(PHONE)
        assert not problems, "\n".join(problems)
    finally:
        if language == "en" and page.locator("html").get_attribute("lang") == "en":
            page.goto("/contacts")
            with page.expect_navigation():
                switch.click()
            expect(page.locator("html")).to_have_attribute("lang", "fa")
