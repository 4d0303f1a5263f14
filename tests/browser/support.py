"""Helpers the browser tests share: the demo logins, signing in through the real form, and
screenshots for the docs (written only when PEYVAND_SCREENSHOTS=1, so an ordinary test run
never changes a tracked file)."""

import os
import random
import re
from pathlib import Path

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
