"""Signing in and out of the web UI in a real browser: the login form, the home page, the
sign-in redirect, small screens, and the security policy the pages are served with."""

import re

import pytest
from playwright.sync_api import Page, expect

from support import ADMIN, ADMIN_NAME, DEMO_PASSWORD, ORGANISATION_NAME, SUPPORT, horizontal_overflow, login, screenshot

INVALID_CREDENTIALS_FA = "ایمیل یا گذرواژه نادرست است."
SIGN_IN_FA = "ورود"
SIGN_OUT_FA = "خروج"


def expect_persian_rtl(page: Page) -> None:
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "fa")
    expect(html).to_have_attribute("dir", "rtl")


def test_admin_signs_in_and_lands_on_persian_home(page: Page, base_url: str):
    page.goto("/login")
    expect_persian_rtl(page)
    expect(page.locator("h1")).to_have_text("ورود به پیوند")
    expect(page.locator("#field-email")).to_have_attribute("dir", "ltr")
    screenshot(page, "login")

    login(page, ADMIN, DEMO_PASSWORD, open_form=False)

    assert page.url == f"{base_url}/"
    expect_persian_rtl(page)
    expect(page).to_have_title(re.compile(r"^خانه · پیوند$"))
    expect(page.locator("main h1")).to_have_text(f"{ADMIN_NAME}، خوش آمدید.")
    expect(page.locator("main")).to_contain_text(ORGANISATION_NAME)
    expect(page.locator("header.app-header .who a[href='/preferences/password']")).to_have_text(ADMIN_NAME)
    expect(page.get_by_role("button", name=SIGN_OUT_FA)).to_be_visible()


def test_wrong_password_shows_form_error_and_keeps_email(page: Page, base_url: str):
    # Another demo user than the admin, so the failure never counts towards locking the
    # account the other tests sign in with.
    page.goto("/login")
    page.locator("#field-email").fill(SUPPORT)
    page.locator("#field-password").fill("not-the-password")
    with page.expect_response(lambda r: r.request.method == "POST" and r.url == f"{base_url}/login") as answer:
        page.get_by_role("button", name=SIGN_IN_FA, exact=True).click()
    assert answer.value.status == 401

    expect(page.locator(".form-error[role=alert]")).to_have_text(INVALID_CREDENTIALS_FA)
    expect(page.locator("#field-email")).to_have_value(SUPPORT)
    expect(page.locator("#field-password")).to_have_value("")
    assert page.url == f"{base_url}/login"
    assert "peyvand_session" not in {cookie["name"] for cookie in page.context.cookies()}
    screenshot(page, "login-error")

    # The form still works after the error: the right password signs in.
    login(page, SUPPORT, DEMO_PASSWORD, open_form=False)
    assert page.url == f"{base_url}/"
    expect(page.locator("header.app-header .who a[href='/preferences/password']")).to_have_text("نرگس حسینی")


def test_signed_out_visit_goes_to_login_and_back_after_sign_in(page: Page, base_url: str):
    response = page.goto("/")
    assert page.url == f"{base_url}/login"
    assert response is not None and response.status == 200
    assert response.request.redirected_from is not None
    assert response.request.redirected_from.url == f"{base_url}/"
    login(page, ADMIN, open_form=False)
    assert page.url == f"{base_url}/"

    # A deeper address survives the round trip through the login form.
    page.context.clear_cookies()
    page.goto("/?from=browser-test")
    assert page.url.startswith(f"{base_url}/login?next=")
    expect(page.locator("input[type=hidden][name=next]")).to_have_value("/?from=browser-test")
    login(page, ADMIN, open_form=False)
    assert page.url == f"{base_url}/?from=browser-test"
    expect(page.locator("main h1")).to_contain_text(ADMIN_NAME)


def test_login_ignores_next_addresses_on_other_sites(page: Page, base_url: str):
    page.goto("/login?next=//example.com/x")
    expect(page.locator("input[type=hidden][name=next]")).to_have_count(0)
    login(page, ADMIN, open_form=False)
    assert page.url == f"{base_url}/"


def test_sign_out_returns_to_login_and_home_needs_sign_in_again(signed_in_page: Page, base_url: str):
    page = signed_in_page
    old_session = [cookie for cookie in page.context.cookies() if cookie["name"] == "peyvand_session"]
    assert len(old_session) == 1 and old_session[0]["httpOnly"]
    with page.expect_navigation():
        page.get_by_role("button", name=SIGN_OUT_FA).click()
    assert page.url == f"{base_url}/login"
    expect(page.locator("#field-email")).to_be_visible()
    expect(page.locator("header.app-header")).to_have_count(0)

    assert "peyvand_session" not in {cookie["name"] for cookie in page.context.cookies()}

    page.goto("/")
    assert page.url == f"{base_url}/login"

    # The server ended the session itself: its old cookie no longer signs anyone in.
    page.context.add_cookies(old_session)
    page.goto("/")
    assert page.url == f"{base_url}/login"
    expect(page.locator("header.app-header")).to_have_count(0)


@pytest.mark.parametrize("signed_in", [False, True], ids=["login", "home"])
def test_small_phone_screen_has_no_horizontal_scrolling(page: Page, base_url: str, signed_in: bool):
    page.set_viewport_size({"width": 360, "height": 740})
    if signed_in:
        login(page, ADMIN)
        assert page.url == f"{base_url}/"
    else:
        page.goto("/login")
    widths = horizontal_overflow(page)
    assert widths["clientWidth"] == 360
    assert widths["scrollWidth"] <= widths["clientWidth"], widths
    # Every visible control fits inside the screen, too.
    for control in page.locator("input:not([type=hidden]), button").all():
        box = control.bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, (control.evaluate("e => e.outerHTML"), box)
    screenshot(page, "home-mobile" if signed_in else "login-mobile")


@pytest.mark.parametrize("signed_in", [False, True], ids=["login", "home"])
def test_pages_send_csp_and_have_no_inline_script(page: Page, base_url: str, signed_in: bool):
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text else None)
    if signed_in:
        login(page, ADMIN)
        response = page.reload()
    else:
        response = page.goto("/login")
    assert response is not None and response.status == 200
    policy = response.headers.get("content-security-policy", "")
    directives = {part.strip().split(" ")[0]: part.strip() for part in policy.split(";") if part.strip()}
    assert directives.get("default-src") == "default-src 'self'", policy
    assert directives.get("script-src") == "script-src 'self'", policy
    assert "frame-ancestors" in directives and "object-src" in directives, policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, policy
    assert response.headers.get("cache-control") == "no-store"

    assert page.locator("script:not([src])").count() == 0
    assert page.locator("[style]").count() == 0, "inline style attributes are blocked by style-src 'self'"
    handlers = page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(e =>
        [...e.attributes].filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))""")
    assert handlers == []

    # The browser enforces the policy: an injected inline script does not run.
    with pytest.raises(Exception):
        page.add_script_tag(content="window.__inlineScriptRan = true;")
    assert page.evaluate("() => window.__inlineScriptRan === true") is False
    assert any("script-src" in v for v in violations), violations
    # ... and the page itself caused no violation (its stylesheet loads from 'self').
    page_violations = [v for v in violations if "script-src" not in v]
    assert page_violations == []
    rules = page.evaluate("() => [...document.styleSheets].map(sheet => sheet.cssRules.length)")
    assert len(rules) == 1 and rules[0] > 0, rules
