"""Helpers the browser tests share: the demo logins, signing in through the real form, and
screenshots for the docs (written only when PEYVAND_SCREENSHOTS=1, so an ordinary test run
never changes a tracked file)."""

import json
import os
import random
import re
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = REPO_ROOT / "docs" / "screenshots"

DEMO_PASSWORD = "peyvand-demo-1405"
ADMIN = "admin@demo.peyvand.ir"  # مریم احمدی, role admin
SALES_MANAGER = "sales.manager@demo.peyvand.ir"  # علی رضایی
REZA = "reza@demo.peyvand.ir"  # رضا کریمی, sales rep in team «فروش تهران»
SARA = "sara@demo.peyvand.ir"  # سارا محمدی, sales rep in team «فروش تهران»
SUPPORT = "support@demo.peyvand.ir"  # نرگس حسینی, support agent
ADMIN_NAME = "مریم احمدی"
ORGANISATION_NAME = "بازرگانی نمونهٔ پیوند"


def login(page: Page, email: str, password: str = DEMO_PASSWORD, *, open_form: bool = True) -> None:
    """Signs in through the login form and waits for the page the form leads to. With
    open_form=False the page must already show the form (e.g. after a redirect to /login)."""
    if open_form:
        page.goto("/login")
    page.locator("#field-email").fill(email)
    page.locator("#field-password").fill(password)
    with page.expect_navigation():
        page.locator("form[action='/login'] button[type=submit]").click()


def screenshot(page: Page, name: str, *, full_page: bool = True) -> Path | None:
    """Saves docs/screenshots/<name>.png when PEYVAND_SCREENSHOTS=1; otherwise does nothing."""
    if os.environ.get("PEYVAND_SCREENSHOTS") != "1":
        return None
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page, animations="disabled")
    assert path.is_file() and path.stat().st_size > 0, f"screenshot {path} was not written"
    return path


def horizontal_overflow(page: Page) -> dict:
    """The document's scroll width against its visible width (equal when nothing sticks out)."""
    return page.evaluate(
        "() => ({scrollWidth: document.documentElement.scrollWidth,"
        " clientWidth: document.documentElement.clientWidth})"
    )


# --- Helpers for the record-page tests -------------------------------------------------------

_random_source = random.SystemRandom()
# Letters that PersianText.normalized keeps as they are (no ی/ک/ه/ا, whose Arabic twins or
# hamza forms fold), so a name built from them reads the same typed with either keyboard.
_PLAIN_LETTERS = "بپتثجچحخدذرزژسشصضطظعغفقلمنو"
RECORD_ID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def unique_word(length: int = 7) -> str:
    """A Persian-letter word no other test (or earlier run against the same database) uses."""
    return "".join(_random_source.choice(_PLAIN_LETTERS) for _ in range(length))


def unique_mobile(prefix: str = "0935") -> str:
    """An Iranian phone number as people type it (a mobile 09…, or a landline with its area
    code, e.g. prefix="021"), unlikely to repeat, so the duplicate check never links two tests'
    records."""
    return prefix + "".join(_random_source.choice("0123456789") for _ in range(11 - len(prefix)))


def legal_entity_id() -> str:
    """A valid 11-digit national ID of a company (شناسه ملی, with its check digit), unlikely to repeat."""
    weights = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17]
    digits = [_random_source.randrange(1, 10)] + [_random_source.randrange(10) for _ in range(9)]
    shift = digits[9] + 2
    check = sum((digit + shift) * weight for digit, weight in zip(digits, weights)) % 11
    return "".join(map(str, digits)) + str(0 if check == 10 else check)


def unique_email(name: str = "person") -> str:
    return f"{name}.{_random_source.getrandbits(40):010x}@example.com"


def record_url(base_url: str, resource: str) -> "re.Pattern[str]":
    """Matches a record page's address, e.g. /contacts/<id> (no edit form, no query)."""
    return re.compile(re.escape(base_url) + f"/{resource}/({RECORD_ID})$")


def submit_form(page: Page, form: str = "form.record-form"):
    """Clicks the form's submit button and waits for the page it leads to; returns that page's
    response (the final one after a redirect: its request.redirected_from is the POST)."""
    with page.expect_navigation() as navigation:
        page.locator(f"{form} button[type=submit]").first.click()
    return navigation.value


_signed_in_states: dict[tuple[str, str], dict] = {}


@pytest.fixture
def page_as(new_context, base_url):
    """Opens a page in a fresh browser context signed in as a demo user: page_as(REZA). Each
    user signs in once per test session (2 s of password hashing) and later contexts reuse that
    session's cookie, so a page opened this way must never sign out (sign in with `login` on a
    plain `page` for that)."""

    def open_page(email: str, **context_args) -> Page:
        key = (base_url, email)
        if key not in _signed_in_states:
            context = new_context()
            page = context.new_page()
            login(page, email)
            assert page.url == f"{base_url}/", f"signing in as {email} ended on {page.url}"
            _signed_in_states[key] = context.storage_state()
            context.close()
        return new_context(storage_state=_signed_in_states[key], **context_args).new_page()

    return open_page


# --- Numbers, money and days as the Persian pages print them ---------------------------------

_TO_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_TO_ASCII = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
JALALI_MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"]


def persian_digits(text: object) -> str:
    return str(text).translate(_TO_PERSIAN)


def ascii_digits(text: str) -> str:
    return text.translate(_TO_ASCII)


def grouped(number: int) -> str:
    """۱۲٬۳۴۵٬۶۷۸: thousands grouped with the Arabic thousands separator, Persian digits."""
    return persian_digits(f"{number:,}".replace(",", "٬"))


def toman(rials: int) -> str:
    """An IRR amount (stored in rials) as the pages show it in Tomans: ۱۲٬۳۴۵٫۶ تومان."""
    whole, tenth = divmod(rials, 10)
    return grouped(whole) + (f"٫{persian_digits(tenth)}" if tenth else "") + " تومان"


def rial(rials: int) -> str:
    return f"{grouped(rials)} ریال"


def money(rials: int, language: str = "fa") -> str:
    """An IRR amount in Tomans as a page in `language` shows it (English: 12,345.6 Toman)."""
    if language == "fa":
        return toman(rials)
    whole, tenth = divmod(rials, 10)
    return f"{whole:,}" + (f".{tenth}" if tenth else "") + " Toman"


def rials_of(text: str) -> int:
    """Reads back what `toman` or `rial` wrote (the first amount in `text`)."""
    match = re.search(r"([0-9,٬]+)(?:[٫.]([0-9]))?\s*(تومان|ریال)", ascii_digits(text))
    assert match, f"no amount in {text!r}"
    whole = int(match.group(1).replace(",", "").replace("٬", ""))
    return whole * 10 + int(match.group(2) or 0) if match.group(3) == "تومان" else whole


def rounded(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half away from zero (both non-negative), as the server rounds money."""
    quotient, remainder = divmod(numerator, denominator)
    return quotient + (1 if 2 * remainder >= denominator else 0)


def quote_line(unit_rials: int, quantity_milli: int, discount_bp: int = 0, tax_bp: int = 0) -> dict:
    """A document line's amounts as the server computes them, each step rounded once:
    gross = price × quantity, discount = gross × discount %, tax = (gross − discount) × tax %."""
    gross = rounded(unit_rials * quantity_milli, 1000)
    discount = rounded(gross * discount_bp, 10_000)
    tax = rounded((gross - discount) * tax_bp, 10_000)
    return {"gross": gross, "discount": discount, "tax": tax, "total": gross - discount + tax}


def jalali(year: int, month: int, day: int) -> tuple[int, int, int]:
    """The Jalali (Solar Hijri) day of a Gregorian day."""
    days_before_month = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    leap_year = year + 1 if month > 2 else year
    days = (355666 + 365 * year + (leap_year + 3) // 4 - (leap_year + 99) // 100 + (leap_year + 399) // 400
            + day + days_before_month[month - 1])
    jalali_year = -1595 + 33 * (days // 12053)
    days %= 12053
    jalali_year += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        jalali_year += (days - 1) // 365
        days = (days - 1) % 365
    if days < 186:
        return jalali_year, 1 + days // 31, 1 + days % 31
    return jalali_year, 7 + (days - 186) // 30, 1 + (days - 186) % 30


def today_in_tehran(days_from_now: int = 0) -> tuple[int, int, int]:
    """Today's Jalali day where the demo organisation works (or a day `days_from_now` away)."""
    day = datetime.now(ZoneInfo("Asia/Tehran")) + timedelta(days=days_from_now)
    return jalali(day.year, day.month, day.day)


def jalali_input(day: tuple[int, int, int], time: str | None = None) -> str:
    """۱۴۰۵/۰۹/۰۳ or ۱۴۰۵/۰۹/۰۳ ۱۰:۳۰, as a Persian user types a day (and time) into a form."""
    year, month, day_of_month = day
    return persian_digits(f"{year:04d}/{month:02d}/{day_of_month:02d}" + (f" {time}" if time else ""))


def jalali_long(day: tuple[int, int, int]) -> str:
    """۲ آذر ۱۴۰۵, as the pages write a day."""
    year, month, day_of_month = day
    return f"{persian_digits(day_of_month)} {JALALI_MONTHS[month - 1]} {persian_digits(year)}"


# --- The JSON API, for what has no page (products) -------------------------------------------

_api_tokens: dict[tuple[str, str], str] = {}


def api(base_url: str, method: str, path: str, body: dict | None = None, *, token: str | None = None) -> dict:
    """Calls /api/v1<path> with a JSON body and returns the JSON answer (raises on an error status)."""
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(f"{base_url}/api/v1{path}", method=method, headers=headers,
                                     data=json.dumps(body).encode() if body is not None else None)
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"{}")


def api_token(base_url: str, email: str = ADMIN, password: str = DEMO_PASSWORD) -> str:
    """A bearer token from POST /api/v1/auth/login, one per user and test session."""
    key = (base_url, email)
    if key not in _api_tokens:
        _api_tokens[key] = api(base_url, "POST", "/auth/login", {"email": email, "password": password})["token"]
    return _api_tokens[key]


def create_product(base_url: str, *, name_fa: str, list_price_rials: int, tax_rate_bp: int = 1000,
                   name_en: str | None = None, sku_prefix: str = "T") -> dict:
    """A product made through the API (for tests that only need one), priced in IRR, with a
    stock code no other product has (<sku_prefix>-<random digits>)."""
    body = {"sku": f"{sku_prefix}-{_random_source.randrange(10**6):06d}", "name_fa": name_fa,
            "list_price": {"amount_minor": list_price_rials}, "tax_rate_bp": tax_rate_bp}
    if name_en:
        body["name_en"] = name_en
    return api(base_url, "POST", "/products", body, token=api_token(base_url))
