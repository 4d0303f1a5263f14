import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// The record pages as a browser uses them: forms that save through the API's rules, errors
/// beside their fields with nothing lost or written, duplicates and stale edits shown, and the
/// reader's permissions deciding what is shown and what is refused.
@Suite("Web record pages")
struct RecordPagesTests {
    @Test func a_contact_made_on_the_form_reads_back_in_persian_on_its_page() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let created = try await web.post("/contacts/new", [
                ("first_name", "علي"), ("last_name", "كريمي"), ("birth_date", "۱۳۷۰/۰۵/۱۲"),
                ("phones.0.number", "0912 123 4567"), ("phones.0.label", "mobile"), ("phones.1.number", ""),
                ("emails.0.address", "ali@example.com"), ("address.province", "tehran"), ("tags", "vip، مشتری"),
                ("preferences.opted_out", "sms"), ("preferences.opted_out", "post"),
            ])
            #expect(created.status == .seeOther)
            let id = try WebClient.createdID(created)
            let contact = try #require(try await Contact.find(id, on: app.db))
            #expect(contact.birthDate == "1991-08-03")
            #expect(contact.phones.map(\.number) == ["+989121234567"])
            #expect(contact.tags == ["vip", "مشتری"])
            #expect(contact.preferences.optedOut == [.sms, .post])

            let page = try await web.get("/contacts/\(id)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("۱۲ مرداد ۱۳۷۰"))
            #expect(page.body.string.contains("+989121234567"))
            #expect(page.body.string.contains("تهران"))
            let found = try await web.get("/contacts?q=" + "کریمی".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)
            #expect(found.body.string.contains("/contacts/\(id.uuidString.lowercased())"))
        }
    }

    @Test func a_refused_form_keeps_every_typed_value_shows_each_error_beside_its_field_and_writes_nothing() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let refused = try await web.post("/contacts/new", [
                ("first_name", "سارا"), ("last_name", " "), ("birth_date", "1370/13/40"),
                ("phones.0.number", ""), ("phones.1.number", "12"), ("emails.0.address", "not-an-email"),
            ])
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains(#"<p id="field-last_name-error" class="field-error">این مقدار الزامی است.</p>"#))
            #expect(html.contains(#"id="field-birth_date-error""#))
            // The bad phone was typed in the second row; its message stays beside that row.
            #expect(html.contains(#"id="field-phones-1-number-error""#))
            #expect(!html.contains(#"id="field-phones-0-number-error""#))
            #expect(html.contains(#"id="field-emails-0-address-error""#))
            #expect(html.contains(#"value="سارا""#))
            #expect(html.contains(#"value="not-an-email""#))
            #expect(html.contains(#"value="1370/13/40""#))
            #expect(try await Contact.query(on: app.db).count() == 0)
        }
    }

    @Test func the_navigation_offers_only_the_sections_the_readers_role_may_read() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let agent = try await WebClient.signIn(app, email: try await org.addMember(role: .supportAgent).user.email)
            let home = try await agent.get("/").body.string
            let links = try #require(WebClient.firstMatch(#"(<nav class="app-nav".*?</nav>)"#, in: home))
            #expect(links.contains(#"href="/contacts""#))
            #expect(links.contains(#"href="/products""#))
            #expect(!links.contains(#"href="/leads""#))
            #expect(!links.contains(#"href="/opportunities/board""#))
            #expect(!links.contains(#"href="/quotes""#))
            #expect(try await agent.get("/leads").status == .forbidden)
        }
    }

    @Test func a_form_without_the_sessions_csrf_token_is_refused_and_writes_nothing() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let forged = try await web.post("/contacts/new", [("last_name", "Forged"), (CSRFField.name, "not-the-token")], withToken: false)
            #expect(forged.status == .forbidden)
            #expect(try await Contact.query(on: app.db).count() == 0)
        }
    }

    @Test func a_likely_duplicate_is_shown_before_saving_and_can_be_saved_anyway() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let first = try await web.post("/contacts/new", [("last_name", "Rahimi"), ("phones.0.number", "09121112233")])
            let firstID = try WebClient.createdID(first)
            let twin = [("last_name", "Rahimi-Twin"), ("phones.0.number", "+98 912 111 2233")]
            let warned = try await web.post("/contacts/new", twin)
            #expect(warned.status == .unprocessableEntity || warned.status == .conflict)
            #expect(warned.body.string.contains(#"class="duplicates""#))
            #expect(warned.body.string.contains("/contacts/\(firstID.uuidString.lowercased())"))
            #expect(warned.body.string.contains(#"name="allow_duplicate""#))
            #expect(try await Contact.query(on: app.db).count() == 1)

            let saved = try await web.post("/contacts/new", twin + [("allow_duplicate", "1")])
            #expect(saved.status == .seeOther)
            #expect(try await Contact.query(on: app.db).count() == 2)
        }
    }

    @Test func a_stale_edit_shows_both_versions_keeps_the_users_values_and_saves_on_the_second_submit() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let id = try WebClient.createdID(try await web.post("/contacts/new", [("last_name", "Ahmadi"), ("job_title", "Buyer")]))
            // Someone else saves first (version 1 → 2).
            #expect(try await web.post("/contacts/\(id)/edit", [("version", "1"), ("last_name", "Ahmadi"), ("job_title", "Head buyer")]).status == .seeOther)

            let stale = try await web.post("/contacts/\(id)/edit", [("version", "1"), ("last_name", "Ahmadi"), ("job_title", "Procurement lead")])
            #expect(stale.status == .conflict)
            let html = stale.body.string
            #expect(html.contains(#"class="stale""#))
            #expect(html.contains("<td>Head buyer</td><td>Procurement lead</td>"))
            #expect(html.contains(#"value="Procurement lead""#))
            #expect(html.contains(#"name="version" value="2""#))
            #expect(try await Contact.find(id, on: app.db)?.jobTitle == "Head buyer")

            #expect(try await web.post("/contacts/\(id)/edit", [("version", "2"), ("last_name", "Ahmadi"), ("job_title", "Procurement lead")])
                .status == .seeOther)
            #expect(try await Contact.find(id, on: app.db)?.jobTitle == "Procurement lead")
        }
    }

    @Test func output_is_escaped_on_lists_record_pages_and_forms() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let id = try WebClient.createdID(try await web.post("/accounts/new", [("name", #"<script>alert("x")</script>"#)]))
            for path in ["/accounts", "/accounts/\(id)", "/accounts/\(id)/edit"] {
                let html = try await web.get(path).body.string
                #expect(!html.contains("<script>alert"), "\(path)")
                #expect(html.contains("&lt;script&gt;"), "\(path)")
            }
            // Typed searches, sorts and return paths come back inside attributes.
            let probe = #"x"><img src=y onerror=alert(1)>"#
            let encoded = probe.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            for path in ["/accounts?q=\(encoded)&sort=\(encoded)", "/search?q=\(encoded)", "/login?next=/\(encoded)"] {
                let html = try await web.get(path).body.string
                #expect(!html.contains("<img"), "\(path)")
            }
        }
    }

    @Test func a_rep_sees_neither_another_teams_leads_nor_the_actions_they_may_not_take() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let north = try await org.makeTeam("North")
            let owner = try await org.addMember(role: .salesRep, teamIDs: [north])
            let outsider = try await org.addMember(role: .salesRep)
            let ownerWeb = try await WebClient.signIn(app, email: owner.user.email)
            let outsiderWeb = try await WebClient.signIn(app, email: outsider.user.email)
            let lead = try WebClient.createdID(try await ownerWeb.post("/leads/new", [("last_name", "Northern prospect")]))

            #expect(try await outsiderWeb.get("/leads/\(lead)").status == .notFound)
            #expect(!(try await outsiderWeb.get("/leads?q=Northern").body.string.contains(lead.uuidString.lowercased())))
            #expect(try await outsiderWeb.post("/leads/\(lead)/edit", [("last_name", "Taken over")]).status == .notFound)
            #expect(try await Lead.find(lead, on: app.db)?.lastName == "Northern prospect")

            // Contacts are shared reading; someone else's contact shows no edit or delete.
            let contact = try WebClient.createdID(try await ownerWeb.post("/contacts/new", [("last_name", "Shared")]))
            let seen = try await outsiderWeb.get("/contacts/\(contact)")
            #expect(seen.status == .ok)
            #expect(!seen.body.string.contains("/contacts/\(contact.uuidString.lowercased())/edit"))
            #expect(!seen.body.string.contains("/contacts/\(contact.uuidString.lowercased())/delete"))
            #expect(try await outsiderWeb.post("/contacts/\(contact)/delete", [("version", "1")]).status == .forbidden)
        }
    }

    @Test func the_timelines_quick_add_records_a_call_at_a_jalali_time_and_keeps_a_refused_entry() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let id = try WebClient.createdID(try await web.post("/contacts/new", [("last_name", "Moradi")]))
            let added = try await web.post("/contacts/\(id)/activities", [("kind", "call"), ("subject", "پیگیری پیش‌فاکتور"),
                                                                           ("due_at", "۱۴۰۵/۰۹/۰۳ ۱۰:۳۰")])
            #expect(added.status == .seeOther)
            let call = try #require(try await Activity.query(on: app.db).first())
            #expect(call.regardingID == id)
            // 10:30 in Tehran (UTC+3:30) on 3 Azar 1405 = 24 November 2026.
            #expect(call.dueAt == ISO8601DateFormatter().date(from: "2026-11-24T07:00:00Z"))
            #expect(try await web.get("/contacts/\(id)").body.string.contains("پیگیری پیش‌فاکتور"))

            let refused = try await web.post("/contacts/\(id)/activities", [("kind", "task"), ("subject", ""), ("due_at", "فردا")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(#"id="field-subject-error""#))
            #expect(refused.body.string.contains(#"id="field-due_at-error""#))
            #expect(refused.body.string.contains(#"value="فردا""#))
            #expect(try await Activity.query(on: app.db).count() == 1)
        }
    }

    @Test func the_lists_export_link_downloads_what_the_list_shows() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            _ = try await web.post("/contacts/new", [("last_name", "Tehrani"), ("address.province", "tehran")])
            _ = try await web.post("/contacts/new", [("last_name", "Shirazi"), ("address.province", "fars")])
            let list = try await web.get("/contacts?province=fars")
            #expect(list.body.string.contains(#"href="/contacts/export?province=fars""#))
            let csv = try await web.get("/contacts/export?province=fars")
            #expect(csv.status == .ok)
            #expect(csv.headers.first(name: .contentType) == "text/csv; charset=utf-8")
            #expect(csv.body.string.contains("Shirazi"))
            #expect(!csv.body.string.contains("Tehrani"))
            // Lists without an import still export what they show.
            for resource in ["opportunities", "activities", "quotes", "orders", "invoices", "cases"] {
                #expect(try await web.get("/\(resource)?sort=created_at").body.string.contains(#"href="/\#(resource)/export?sort=created_at""#), "\(resource)")
                let download = try await web.get("/\(resource)/export?sort=created_at")
                #expect(download.status == .ok && download.body.string.hasPrefix("\u{FEFF}id,"), "\(resource)")
            }
        }
    }

    @Test func a_duplicate_is_offered_on_the_record_page_compared_side_by_side_and_merged() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let main = try WebClient.createdID(try await web.post("/contacts/new", [("last_name", "Karimi"), ("phones.0.number", "09125550000"),
                                                                                     ("job_title", "Buyer")]))
            let twin = try WebClient.createdID(try await web.post("/contacts/new", [("last_name", "Karimi2"), ("phones.0.number", "09125550000"),
                                                                                     ("emails.0.address", "k@example.com"), ("allow_duplicate", "1")]))
            let page = try await web.get("/contacts/\(main)")
            let compare = "/contacts/\(main.uuidString.lowercased())/merge?with=\(twin.uuidString)"
            #expect(page.body.string.contains(compare))

            let screen = try await web.get(compare)
            #expect(screen.status == .ok)
            #expect(screen.body.string.contains("Karimi2"))
            #expect(screen.body.string.contains("k@example.com"))

            #expect(try await web.post("/contacts/\(main)/merge", [("source_id", twin.uuidString), ("version", "1")]).status == .seeOther)
            let merged = try #require(try await Contact.find(main, on: app.db))
            #expect(merged.emails.map(\.address) == ["k@example.com"])
            #expect(merged.jobTitle == "Buyer")
            #expect(try await Contact.find(twin, on: app.db) == nil)
        }
    }

    @Test func bulk_actions_assign_tag_and_delete_the_ticked_rows_and_count_what_was_refused() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let rep = try await org.addMember(role: .salesRep)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            var ids: [UUID] = []
            for name in ["Bulk A", "Bulk B", "Bulk C"] { ids.append(try WebClient.createdID(try await web.post("/contacts/new", [("last_name", name)]))) }
            let list = try await web.get("/contacts")
            #expect(list.body.string.contains(#"form="bulk-form""#))

            let assigned = try await web.post("/contacts/bulk", [("ids", ids[0].uuidString), ("ids", ids[1].uuidString), ("bulk_action", "assign"),
                                                                 ("owner_id", rep.id.uuidString), ("back", "/contacts?q=Bulk")])
            #expect(assigned.status == .seeOther)
            #expect(assigned.headers.first(name: .location) == "/contacts?q=Bulk&done=2&refused=0")
            #expect(try await Contact.find(ids[0], on: app.db)?.ownerUserID == rep.id)
            #expect(try await Contact.find(ids[2], on: app.db)?.ownerUserID == org.admin.id)

            _ = try await web.post("/contacts/bulk", [("ids", ids[2].uuidString), ("bulk_action", "tag"), ("tag", "نمایشگاه")])
            #expect(try await Contact.find(ids[2], on: app.db)?.tags == ["نمایشگاه"])
            #expect(try await web.get("/contacts?done=1&refused=0").body.string.contains("۱ رکورد انجام شد"))

            // A rep may change their own contacts only: one done, one refused.
            let repWeb = try await WebClient.signIn(app, email: rep.user.email)
            let tagged = try await repWeb.post("/contacts/bulk", [("ids", ids[0].uuidString), ("ids", ids[2].uuidString), ("bulk_action", "tag"),
                                                                   ("tag", "vip")])
            #expect(tagged.headers.first(name: .location) == "/contacts?done=1&refused=1")
            #expect(try await Contact.find(ids[0], on: app.db)?.tags == ["vip"])
            #expect(try await Contact.find(ids[2], on: app.db)?.tags == ["نمایشگاه"])

            let deleted = try await web.post("/contacts/bulk", [("ids", ids[1].uuidString), ("bulk_action", "delete")])
            #expect(deleted.headers.first(name: .location) == "/contacts?done=1&refused=0")
            #expect(try await Contact.find(ids[1], on: app.db) == nil)
        }
    }

    @Test func quotes_are_handed_over_and_drafts_deleted_in_bulk() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let rep = try await org.addMember(role: .salesRep)
            let account = try await app.testing().sendRequest(.POST, "api/v1/accounts", headers: org.admin.bearer.json, body: jsonBody(["name": "Pars"]))
            var ids: [UUID] = []
            for _ in 0..<2 {
                let quote = try await app.testing().sendRequest(.POST, "api/v1/quotes", headers: org.admin.bearer.json, body: jsonBody([
                    "account_id": account.json["id"] as! String, "lines": [["description": "نصب", "quantity": 1, "unit_price_minor": 1_000]],
                ]))
                ids.append(try #require(UUID(uuidString: quote.json["id"] as? String ?? "")))
            }
            #expect(try await app.testing().sendRequest(.POST, "api/v1/quotes/\(ids[0])/send", headers: org.admin.bearer).status == .ok)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            #expect(try await web.get("/quotes").body.string.contains(#"form="bulk-form""#))

            let assigned = try await web.post("/quotes/bulk", [("ids", ids[0].uuidString), ("ids", ids[1].uuidString), ("bulk_action", "assign"),
                                                               ("owner_id", rep.id.uuidString)])
            #expect(assigned.headers.first(name: .location) == "/quotes?done=2&refused=0")
            #expect(try await Quote.find(ids[0], on: app.db)?.ownerUserID == rep.id)
            // The sent quote stays: only drafts are deleted.
            let deleted = try await web.post("/quotes/bulk", [("ids", ids[0].uuidString), ("ids", ids[1].uuidString), ("bulk_action", "delete")])
            #expect(deleted.headers.first(name: .location) == "/quotes?done=1&refused=1")
            #expect(try await Quote.find(ids[0], on: app.db) != nil)
            #expect(try await Quote.find(ids[1], on: app.db) == nil)
            // Orders and invoices offer handing over only.
            let tagged = try await web.post("/invoices/bulk", [("ids", ids[0].uuidString), ("bulk_action", "delete")])
            #expect(tagged.headers.first(name: .location) == "/invoices?done=0&refused=1")
        }
    }

    @Test func a_saved_view_keeps_the_lists_filters_for_its_owner_only() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let saved = try await web.post("/views", [("resource", "contacts"), ("name", "تهرانی‌ها"), ("query", "province=tehran&sort=last_name")])
            #expect(saved.headers.first(name: .location) == "/contacts?province=tehran&sort=last_name")
            let list = try await web.get("/contacts?province=tehran&sort=last_name")
            #expect(list.body.string.contains(#"href="/contacts?province=tehran&amp;sort=last_name" aria-current="true">تهرانی‌ها</a>"#))

            let view = try #require(try await SavedView.query(on: app.db).first())
            let rep = try await org.addMember(role: .salesRep)
            let repWeb = try await WebClient.signIn(app, email: rep.user.email)
            #expect(!(try await repWeb.get("/contacts").body.string.contains("تهرانی‌ها")))
            #expect(try await repWeb.post("/views/\(view.id!)/delete", [("back", "/contacts")]).status == .notFound)
            #expect(try await web.post("/views/\(view.id!)/delete", [("back", "/contacts")]).status == .seeOther)
            #expect(try await SavedView.query(on: app.db).count() == 0)
        }
    }

    @Test func the_reader_chooses_the_lists_columns_and_a_saved_view_keeps_the_choice() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            _ = try await web.post("/contacts/new", [("last_name", "کریمی"), ("emails.0.address", "karimi@example.com")])

            let standard = try await web.get("/contacts").body.string
            #expect(standard.contains("<th scope=\"col\">\(SalesText.email.text(in: .fa))</th>"))
            #expect(!standard.contains("<th scope=\"col\">\(SalesText.owner.text(in: .fa))</th>"))
            #expect(standard.contains(#"<input type="checkbox" name="columns" value="owner"/>"#))

            // The chooser sends one `columns` per ticked box, and an empty one.
            let chosen = try await web.get("/contacts?q=%DA%A9%D8%B1%DB%8C%D9%85%DB%8C&columns=&columns=owner&columns=email")
            #expect(chosen.status == .ok)
            let body = chosen.body.string
            #expect(body.contains("<th scope=\"col\">\(SalesText.owner.text(in: .fa))</th>"))
            #expect(body.contains("<td>Admin</td>"))
            #expect(!body.contains("<th scope=\"col\">\(SalesText.phone.text(in: .fa))</th>"))
            #expect(body.contains(#"<input type="checkbox" name="columns" value="owner" checked="checked"/>"#))
            // Sorting and saving keep the choice.
            #expect(body.contains("columns=owner,email"))
            #expect(body.contains(#"name="query" value="q=%DA%A9%D8%B1%DB%8C%D9%85%DB%8C&amp;columns=owner,email""#))
            let saved = try await web.post("/views", [("resource", "contacts"), ("name", "مسئول‌ها"), ("query", "columns=owner,email")])
            let reopened = try await web.get(try #require(saved.headers.first(name: .location))).body.string
            #expect(reopened.contains("<th scope=\"col\">\(SalesText.owner.text(in: .fa))</th>"))
            #expect(reopened.contains(#"aria-current="true">مسئول‌ها</a>"#))
            #expect(try await web.get("/contacts/export?columns=owner,email").status == .ok)
        }
    }
}
