"""Who sees and changes what, as the built-in roles define it (PeyvandCore BuiltInRole):

- sales reps read every account and contact of the organisation ("shared customer data is
  visible to all") but change only their own;
- sales reps read the leads of their team (records owned by a teammate) and change their own; a
  lead owned by someone outside the team does not exist for them (404, never 403);
- the sales manager reads every lead; a support agent has no leads at all (403).

The demo's team «فروش تهران» holds the sales manager, reza and sara; the admin is in no team."""

from playwright.sync_api import Page, expect

from records import create_contact, create_lead, search_list
from support import ADMIN, REZA, SALES_MANAGER, SARA, SUPPORT, page_as, unique_mobile, unique_word  # noqa: F401

NOT_FOUND_FA = "پیدا نشد."
FORBIDDEN_FA = "اجازهٔ این کار را ندارید."


def csrf_token(page: Page) -> str:
    """The session's CSRF token, as every form on a signed-in page carries it."""
    return page.locator("input[name=_csrf]").first.input_value()


def record_actions(page: Page) -> list[str]:
    return [text.strip() for text in page.locator(".record-actions a, .record-actions button").all_inner_texts()]


def test_sales_rep_reads_every_contact_but_edits_only_own(page_as, base_url: str):
    admin, reza, sara = page_as(ADMIN), page_as(REZA), page_as(SARA)
    word = unique_word()
    admins_contact = create_contact(admin, base_url, first_name="کاوه", last_name=f"{word}مدیریت")
    expect(admin.locator(".record-actions")).to_contain_text("ویرایش")

    # reza finds the admin's contact and reads it, without a way to change it.
    assert search_list(reza, "contacts", word) == [f"کاوه {word}مدیریت"]
    response = reza.goto(f"/contacts/{admins_contact}")
    assert response is not None and response.status == 200
    expect(reza.locator("main h1")).to_have_text(f"کاوه {word}مدیریت")
    assert record_actions(reza) == []

    # Saving a change anyway (a hand-made POST with his own valid CSRF token) is forbidden.
    answer = reza.request.post(f"{base_url}/contacts/{admins_contact}/edit",
                               form={"_csrf": csrf_token(reza), "last_name": "تغییر داده شد", "first_name": "کاوه"},
                               max_redirects=0)
    assert answer.status == 403
    assert FORBIDDEN_FA in answer.text()
    admin.reload()
    expect(admin.locator("main h1")).to_have_text(f"کاوه {word}مدیریت")

    # His own contact he may edit; sara, in the same team, reads it but may not edit it.
    rezas_contact = create_contact(reza, base_url, first_name="رضا", last_name=f"{word}فروش",
                                   **{"phones.0.number": unique_mobile()})
    assert record_actions(reza) == ["ویرایش"]  # sales reps have no "delete" on contacts
    sara.goto(f"/contacts/{rezas_contact}")
    expect(sara.locator("main h1")).to_have_text(f"رضا {word}فروش")
    assert record_actions(sara) == []
    assert sorted(search_list(sara, "contacts", word)) == sorted([f"کاوه {word}مدیریت", f"رضا {word}فروش"])


def test_leads_are_seen_by_the_owners_team_only(page_as, base_url: str):
    admin, reza, sara = page_as(ADMIN), page_as(REZA), page_as(SARA)
    word = unique_word()
    admins_lead = create_lead(admin, base_url, last_name=f"{word}ستاد")
    rezas_lead = create_lead(reza, base_url, first_name="نادر", last_name=f"{word}میدان")
    assert record_actions(reza) == ["تبدیل", "ویرایش", "حذف"]

    # The admin owns the first lead and is in no team: for reza it does not exist.
    assert search_list(reza, "leads", word) == [f"نادر {word}میدان"]
    for address in [f"/leads/{admins_lead}", f"/leads/{admins_lead}/edit", f"/leads/{admins_lead}/convert"]:
        response = reza.goto(address)
        assert response is not None and response.status == 404, address
        expect(reza.locator("main h1")).to_have_text(NOT_FOUND_FA)
        expect(reza.locator("main")).not_to_contain_text(f"{word}ستاد")

    # sara is reza's teammate: she reads his lead but cannot convert, edit or delete it.
    assert search_list(sara, "leads", word) == [f"نادر {word}میدان"]
    response = sara.goto(f"/leads/{rezas_lead}")
    assert response is not None and response.status == 200
    expect(sara.locator("main h1")).to_have_text(f"نادر {word}میدان")
    assert record_actions(sara) == []
    answer = sara.request.post(f"{base_url}/leads/{rezas_lead}/convert",
                               form={"_csrf": csrf_token(sara), "account": "none", "contact": "new"}, max_redirects=0)
    assert answer.status == 403
    sara.reload()
    expect(sara.locator("main .subtitle")).to_have_text("جدید")

    # The sales manager reads every lead; the admin's too.
    manager = page_as(SALES_MANAGER)
    assert sorted(search_list(manager, "leads", word)) == sorted([f"{word}ستاد", f"نادر {word}میدان"])


def test_support_agent_has_no_leads(page_as, base_url: str):
    support = page_as(SUPPORT)
    response = support.goto("/leads")
    assert response is not None and response.status == 403
    expect(support.locator("main h1")).to_have_text(FORBIDDEN_FA)
    expect(support.locator("main")).to_contain_text("۴۰۳")
    response = support.goto("/leads/new")
    assert response is not None and response.status == 403
    # Contacts are shared: the support agent reads the list and may add contacts.
    response = support.goto("/contacts")
    assert response is not None and response.status == 200
    expect(support.locator("main h1")).to_have_text("مخاطبان")
    expect(support.locator(".record-actions a.button")).to_have_text("مخاطب جدید")


def test_forms_are_not_offered_to_who_may_not_save_them(page_as, base_url: str):
    """The record page hides «ویرایش» and «تبدیل» from a reader who may not change the record; typing
    the address must not open a form whose every save then fails with 403 and loses the input."""
    admin, reza, sara = page_as(ADMIN), page_as(REZA), page_as(SARA)
    word = unique_word()
    admins_contact = create_contact(admin, base_url, last_name=f"{word}فرم")
    rezas_lead = create_lead(reza, base_url, last_name=f"{word}فرم")

    statuses = {}
    for who, page, address in [("reza", reza, f"/contacts/{admins_contact}/edit"),
                               ("sara", sara, f"/leads/{rezas_lead}/edit"),
                               ("sara", sara, f"/leads/{rezas_lead}/convert")]:
        response = page.goto(address)
        statuses[f"{who} GET {address}"] = response.status if response else None
    assert statuses == {address: 403 for address in statuses}
