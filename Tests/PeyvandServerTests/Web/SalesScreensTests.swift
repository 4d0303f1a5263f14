import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// The sales screens beyond plain forms: lead conversion, the pipeline board, search, the
/// dashboard and the language switch.
@Suite("Web sales screens")
struct SalesScreensTests {
    @Test func converting_a_lead_offers_the_existing_account_links_it_and_cannot_happen_twice() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let account = try WebClient.createdID(try await web.post("/accounts/new", [("name", "پارس فولاد")]))
            let lead = try WebClient.createdID(try await web.post("/leads/new", [("last_name", "Jafari"), ("company", "پارس فولاد")]))

            let offer = try await web.get("/leads/\(lead)/convert")
            #expect(offer.status == .ok)
            #expect(offer.body.string.contains(#"name="account" value="\#(account.uuidString)" checked="checked""#))

            let converted = try await web.post("/leads/\(lead)/convert", [("account", account.uuidString), ("contact", "new")])
            #expect(converted.status == .seeOther)
            let contact = try #require(try await Contact.find(try WebClient.createdID(converted), on: app.db))
            #expect(contact.accountID == account)
            #expect(try await Account.query(on: app.db).count() == 1)

            let again = try await web.post("/leads/\(lead)/convert", [("account", account.uuidString), ("contact", "new")])
            #expect(again.status == .conflict)
            #expect(again.body.string.contains("این سرنخ پیش‌تر تبدیل شده است."))
            #expect(try await Contact.query(on: app.db).count() == 1)
        }
    }

    @Test func converting_a_lead_can_open_an_opportunity_and_a_refused_one_keeps_the_form_and_writes_nothing() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let lead = try WebClient.createdID(try await web.post("/leads/new", [("last_name", "Karimi"), ("company", "Tabriz Tiles")]))

            let offer = try await web.get("/leads/\(lead)/convert")
            #expect(offer.body.string.contains("فرصت فروش هم ساخته شود"))
            #expect(offer.body.string.contains(#"name="opportunity.amount""#))

            let refused = try await web.post("/leads/\(lead)/convert", [
                ("account", "new"), ("contact", "new"), ("create_opportunity", "1"), ("opportunity.name", ""),
                ("opportunity.amount", "ده"),
            ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(#"name="create_opportunity" value="1" checked"#))
            #expect(refused.body.string.contains(#"id="field-opportunity-name""#))
            #expect(try await Account.query(on: app.db).count() == 0)
            #expect(try await Contact.query(on: app.db).count() == 0)
            #expect(try await Opportunity.query(on: app.db).count() == 0)

            let converted = try await web.post("/leads/\(lead)/convert", [
                ("account", "new"), ("contact", "new"), ("create_opportunity", "1"), ("opportunity.name", "کاشی سالن"),
                ("opportunity.amount", "۲٬۵۰۰٬۰۰۰"),
            ])
            #expect(converted.status == .seeOther)
            let contact = try WebClient.createdID(converted)
            let opportunity = try #require(try await Opportunity.query(on: app.db).first())
            #expect(opportunity.name == "کاشی سالن")
            #expect(opportunity.contactID == contact)
            // Typed in Tomans (the organisation's display unit), stored in Rials.
            #expect(opportunity.amountMinor == 25_000_000)
            #expect(try await OpportunityStageChange.query(on: app.db).filter(\.$opportunityID == opportunity.id!).count() == 1)
        }
    }

    @Test func an_opportunity_without_an_account_is_explained_beside_its_box() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let lead = try WebClient.createdID(try await web.post("/leads/new", [("last_name", "Karimi")]))
            let refused = try await web.post("/leads/\(lead)/convert", [
                ("account", "none"), ("contact", "new"), ("create_opportunity", "1"), ("opportunity.name", "کاشی سالن"),
            ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("فرصت فروش به یک سازمان نیاز دارد"))
            #expect(refused.body.string.contains("کاشی سالن"))
            #expect(try await Contact.query(on: app.db).count() == 0)
        }
    }

    @Test func an_unticked_opportunity_box_opens_no_opportunity() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let lead = try WebClient.createdID(try await web.post("/leads/new", [("last_name", "Karimi"), ("company", "Tabriz Tiles")]))
            let converted = try await web.post("/leads/\(lead)/convert", [
                ("account", "new"), ("contact", "new"), ("opportunity.name", "Ignored"), ("opportunity.amount", ""),
            ])
            #expect(converted.status == .seeOther)
            #expect(try await Opportunity.query(on: app.db).count() == 0)
        }
    }

    @Test func the_board_moves_a_card_totals_each_column_and_asks_for_a_reason_before_lost() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            _ = try await web.post("/accounts/new", [("name", "Saipa Parts")])
            let deal = try WebClient.createdID(try await web.post("/opportunities/new", [
                ("name", "Fleet deal"), ("account_name", "saipa parts"), ("amount", "۱٬۲۰۰٬۰۰۰"),
            ]))
            let opportunity = try #require(try await Opportunity.find(deal, on: app.db))
            // Amounts are typed in Tomans (the organisation's display unit) and stored in Rials.
            #expect(opportunity.amountMinor == 12_000_000)

            let board = try await web.get("/opportunities/board")
            #expect(board.status == .ok)
            #expect(board.body.string.contains("۱٬۲۰۰٬۰۰۰ تومان"))
            #expect(board.body.string.contains("وزنی: ۱۲۰٬۰۰۰ تومان"))

            let stages = try await PipelineStage.query(on: app.db).sort(\.$position).all()
            let negotiation = try #require(stages.first { $0.probability == 75 })
            let moved = try await web.post("/opportunities/\(deal)/stage", [("stage_id", negotiation.id!.uuidString), ("version", "1")])
            #expect(moved.status == .seeOther)
            #expect(try await Opportunity.find(deal, on: app.db)?.stageID == negotiation.id)
            #expect(try await OpportunityStageChange.query(on: app.db).filter(\.$opportunityID == deal).count() == 2)

            let lost = try #require(stages.first { $0.outcome == "lost" })
            let asked = try await web.post("/opportunities/\(deal)/stage", [("stage_id", lost.id!.uuidString), ("version", "2")])
            #expect(asked.status == .unprocessableEntity)
            #expect(asked.body.string.contains(#"id="field-lost_reason-error""#))
            #expect(asked.body.string.contains(#"<option value="\#(lost.id!.uuidString)" selected="selected">"#))
            #expect(try await Opportunity.find(deal, on: app.db)?.status == "open")
        }
    }

    @Test func search_finds_every_record_type_by_persian_text_typed_with_arabic_letters() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            _ = try await web.post("/accounts/new", [("name", "کیمیا دارو")])
            _ = try await web.post("/contacts/new", [("first_name", "نیکی"), ("last_name", "کیمیایی")])
            let query = "كيميا".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
            let results = try await web.get("/search?q=\(query)")
            #expect(results.body.string.contains("کیمیا دارو"))
            #expect(results.body.string.contains("نیکی کیمیایی"))
            let suggestions = try await web.get("/search/suggestions?q=\(query)")
            #expect(suggestions.body.string.hasPrefix(#"<ul class="suggestions""#))
            #expect(suggestions.body.string.contains("کیمیا دارو"))
        }
    }

    @Test func the_dashboard_lists_my_open_tasks_and_recent_records() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let id = try WebClient.createdID(try await web.post("/contacts/new", [("last_name", "Sadeghi")]))
            _ = try await web.post("/contacts/\(id)/activities", [("kind", "task"), ("subject", "Send the catalogue")])
            let mine = try await web.get("/activities?owner_id=\(org.admin.id)&status=open")
            #expect(mine.body.string.contains("Send the catalogue"))
            #expect(!(try await web.get("/activities?kind=meeting").body.string.contains("Send the catalogue")))
            let home = try await web.get("/")
            #expect(home.status == .ok)
            #expect(home.body.string.contains("Send the catalogue"))
            #expect(home.body.string.contains(#"<a href="/contacts/\#(id.uuidString.lowercased())">Sadeghi</a>"#))
        }
    }

    @Test func the_language_switch_sticks_to_the_user_and_returns_to_the_same_page() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let switched = try await web.post("/preferences/language", [("language", "en"), ("next", "/contacts?q=x")])
            #expect(switched.status == .seeOther)
            #expect(switched.headers.first(name: .location) == "/contacts?q=x")
            #expect(try await User.find(org.admin.id, on: app.db)?.language == "en")
            let page = try await web.get("/contacts")
            #expect(page.body.string.contains(#"<html lang="en" dir="ltr""#))
            #expect(page.body.string.contains(">Contacts<"))

            let offsite = try await web.post("/preferences/language", [("language", "fa"), ("next", "//evil.example")])
            #expect(offsite.headers.first(name: .location) == "/")
        }
    }
}
