"""Helpers the browser tests share: the demo logins, signing in through the real form, and
screenshots for the docs (written only when PEYVAND_SCREENSHOTS=1, so an ordinary test run
never changes a tracked file)."""

import os
from pathlib import Path

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
