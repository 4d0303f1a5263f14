"""The pipeline board: an opportunity made through the pages (its amount typed in Tomans with
Persian digits) is dragged to another stage, and the columns' counts, totals and weighted totals
follow; without JavaScript the card's own stage form moves it, a lost stage first asks for the
reason, and a lost opportunity can be reopened.

The demo's default pipeline «فروش»: شناسایی 10٪, ارزیابی نیاز 25٪, ارائهٔ پیشنهاد 50٪, مذاکره 75٪,
برنده 100٪ (won), بازنده 0٪ (lost). Other tests add cards too, so the totals are checked as the
change this test makes."""

import re

from playwright.sync_api import Locator, Page, expect

from records import board_stages, create_account, create_opportunity, detail, post_form
from support import ADMIN, ascii_digits, grouped, page_as, persian_digits, rials_of, submit_form, toman, unique_word  # noqa: F401

REQUIRED_FA = "این مقدار الزامی است."
SOME_VALUES_INVALID_FA = "برخی از مقادیر نامعتبرند."


def column(page: Page, stage: str) -> Locator:
    return page.locator(f".board-column[aria-label='{stage}']")


def card(page: Page, opportunity_id: str) -> Locator:
    return page.locator(f".board-card[data-id='{opportunity_id.upper()}']")


def column_figures(page: Page, stage: str) -> dict:
    """What a column's header says: its count, its probability, and its total and weighted total
    in rials (0 when the column shows no amount)."""
    header = column(page, stage).locator(".board-column-header")
    summary = ascii_digits(header.locator("p.muted").first.inner_text())
    match = re.fullmatch(r"([\d٬]+) فرصت · احتمال (\d+)٪", summary.strip())
    assert match, f"column {stage} reads {summary!r}"
    totals = header.locator("p.board-total").all_inner_texts()
    weighted = header.locator("p.board-weighted").all_inner_texts()
    assert len(totals) <= 1 and len(weighted) == len(totals), (totals, weighted)
    return {
        "count": int(match.group(1).replace("٬", "")),
        "probability": int(match.group(2)),
        "total": rials_of(totals[0]) if totals else 0,
        "weighted": rials_of(weighted[0]) if weighted else 0,
    }


def expect_column(page: Page, stage: str, *, count: int, total: int, probability: int) -> None:
    """The column's header reads `count` cards and `total` rials, weighted by its probability (an
    empty column shows no amount at all)."""
    header = column(page, stage).locator(".board-column-header")
    expect(header.locator("p.muted").first).to_have_text(f"{grouped(count)} فرصت · احتمال {persian_digits(probability)}٪")
    if count:
        expect(header.locator("p.board-total")).to_have_text(toman(total))
        # weighted = total × probability, to the rial (rounded down)
        expect(header.locator("p.board-weighted")).to_have_text(f"وزنی: {toman(total * probability // 100)}")
    else:
        expect(header.locator("p.board-total")).to_have_count(0)


def test_dragging_a_card_to_another_stage_moves_it_and_its_amount(page_as, base_url: str):
    page = page_as(ADMIN)
    word = unique_word()
    company = f"{word} صنایع"
    create_account(page, base_url, name=company)
    stages = board_stages(page)
    assert list(stages)[:4] == ["شناسایی", "ارزیابی نیاز", "ارائهٔ پیشنهاد", "مذاکره"], list(stages)

    name = f"فرصت کشیدنی {word}"
    opportunity_id = create_opportunity(page, base_url, name=name, account_name=company, stage_id=stages["شناسایی"],
                                        amount="۱۲٬۳۴۵٬۶۷۸")
    amount = 123_456_780  # 12,345,678 Tomans in rials, as stored
    expect(page.locator("main h1")).to_have_text(name)
    expect(page.locator("main .subtitle")).to_have_text("شناسایی · باز")
    expect(detail(page, "مبلغ")).to_have_text(toman(amount))
    expect(page.locator(f"dl.details a[href^='/accounts/']")).to_have_text(company)

    page.goto("/opportunities/board")
    moving = card(page, opportunity_id)
    expect(column(page, "شناسایی").locator(f".board-card[data-id='{opportunity_id.upper()}']")).to_have_count(1)
    expect(moving.locator("a")).to_have_text(name)
    expect(moving).to_contain_text(company)
    expect(moving).to_contain_text(toman(amount))
    source, target = column_figures(page, "شناسایی"), column_figures(page, "مذاکره")
    assert (source["probability"], target["probability"]) == (10, 75)

    with page.expect_navigation():
        moving.drag_to(column(page, "مذاکره"))
    page.reload()
    expect(column(page, "مذاکره").locator(f".board-card[data-id='{opportunity_id.upper()}']")).to_have_count(1)
    expect(column(page, "شناسایی").locator(f".board-card[data-id='{opportunity_id.upper()}']")).to_have_count(0)
    expect_column(page, "مذاکره", count=target["count"] + 1, total=target["total"] + amount, probability=75)
    expect_column(page, "شناسایی", count=source["count"] - 1, total=source["total"] - amount, probability=10)

    # The record page shows the new stage and the move in its history.
    with page.expect_navigation():
        card(page, opportunity_id).locator("a").click()
    expect(page.locator("main .subtitle")).to_have_text("مذاکره · باز")
    expect(page.locator("ol.stage-history li").last).to_contain_text("شناسایی ← مذاکره")


def test_moving_without_javascript_and_a_lost_deal_needs_its_reason_then_reopens(page_as, base_url: str):
    page = page_as(ADMIN, java_script_enabled=False)
    word = unique_word()
    stages = board_stages(page)
    account_id = post_form(page, base_url, "/accounts/new", {"name": f"{word} بازرگانی"})
    name = f"فرصت بی‌اسکریپت {word}"
    opportunity_id = post_form(page, base_url, "/opportunities/new", {
        "name": name, "account_id": account_id, "stage_id": stages["ارزیابی نیاز"], "amount": "۸۰۰۰۰۰"})
    amount = 8_000_000

    # The card's own form: choose a stage and press «انتقال».
    page.reload()
    before = column_figures(page, "ارائهٔ پیشنهاد")
    card(page, opportunity_id).locator("select[name=stage_id]").select_option(label="ارائهٔ پیشنهاد")
    response = submit_form(page, f".board-card[data-id='{opportunity_id.upper()}'] form.move-form")
    assert response.status == 200 and response.request.redirected_from is not None
    assert page.url.startswith(f"{base_url}/opportunities/board"), page.url
    expect(column(page, "ارائهٔ پیشنهاد").locator(f".board-card[data-id='{opportunity_id.upper()}']")).to_have_count(1)
    expect(card(page, opportunity_id).locator("select[name=stage_id]")).to_have_value(stages["ارائهٔ پیشنهاد"])
    expect_column(page, "ارائهٔ پیشنهاد", count=before["count"] + 1, total=before["total"] + amount, probability=50)

    # Losing it needs a reason: the move continues on the edit form, the lost stage chosen.
    card(page, opportunity_id).locator("select[name=stage_id]").select_option(label="بازنده")
    response = submit_form(page, f".board-card[data-id='{opportunity_id.upper()}'] form.move-form")
    assert response.status == 422
    expect(page.locator("main h1")).to_have_text(f"ویرایش: {name}")
    expect(page.locator(".form-error[role=alert]")).to_have_text(SOME_VALUES_INVALID_FA)
    expect(page.locator("#field-lost_reason")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#field-lost_reason + p.field-error")).to_have_text(REQUIRED_FA)
    expect(page.locator("#field-stage_id")).to_have_value(stages["بازنده"])
    expect(page.locator("#field-name")).to_have_value(name)
    expect(page.locator("#field-amount")).to_have_value("۸۰۰۰۰۰")

    page.locator("#field-lost_reason").fill("قیمت رقیب پایین‌تر بود")
    response = submit_form(page)
    assert response.status == 200
    assert page.url == f"{base_url}/opportunities/{opportunity_id}", page.url
    expect(page.locator("main .subtitle")).to_have_text("بازنده · ازدست‌رفته")
    expect(detail(page, "دلیل از دست رفتن")).to_have_text("قیمت رقیب پایین‌تر بود")
    expect(detail(page, "مبلغ")).to_have_text(toman(amount))
    page.goto("/opportunities/board")
    expect(column(page, "بازنده").locator(f".board-card[data-id='{opportunity_id.upper()}']")).to_have_count(1)

    # «بازگشایی» opens it again, in the pipeline's last open stage (OpportunityService.reopen's
    # default), and clears the reason.
    page.goto(f"/opportunities/{opportunity_id}")
    with page.expect_navigation():
        page.locator(".record-actions button", has_text="بازگشایی").click()
    assert page.url == f"{base_url}/opportunities/{opportunity_id}"
    expect(page.locator("main .subtitle")).to_have_text("مذاکره · باز")
    expect(page.locator(".record-actions button", has_text="بازگشایی")).to_have_count(0)
    expect(page.locator("dl.details dt", has_text="دلیل از دست رفتن")).to_have_count(0)
    expect(page.locator("ol.stage-history li").last).to_contain_text("بازنده ← مذاکره")
    page.goto("/opportunities/board")
    expect(column(page, "مذاکره").locator(f".board-card[data-id='{opportunity_id.upper()}']")).to_have_count(1)
