import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// The quote editor: the server prices and totals the lines (also before saving), refused
/// lines keep what was typed, and the quote prints as an A4 page in the reader's calendar.
@Suite("Web quote pages")
struct QuotePagesTests {
    func product(_ org: TestOrganisation, app: Application) async throws -> String {
        let created = try await app.testing().sendRequest(.POST, "api/v1/products", headers: org.admin.bearer.json, body: jsonBody(
            ProductsAPITests.product("LAP-1", fa: "لپ‌تاپ", price: 1_250_000, extra: ["tax_rate_bp": 1000])))
        return try #require(created.json["id"] as? String)
    }

    @Test func recalculating_shows_the_servers_totals_without_saving_and_saving_keeps_them() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let productID = try await product(org, app: app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let account = try WebClient.createdID(try await web.post("/accounts/new", [("name", "Arya Co")]))
            let lines: [(String, String)] = [
                ("account_id", account.uuidString), ("valid_until", "۱۴۰۵/۰۹/۳۰"),
                ("lines.0.product_id", productID), ("lines.0.quantity", "۲٫۵"), ("lines.0.discount", "10"),
                ("lines.1.product_id", ""), ("lines.1.description", ""),
                ("lines.2.description", "نصب"), ("lines.2.unit_price", "۵۰٬۰۰۰"), ("lines.2.tax", "0"),
            ]
            let preview = try await web.post("/quotes/new", lines + [("intent", "preview")])
            #expect(preview.status == .ok)
            // 2.5 × 1,250,000 rials − 10% = 2,812,500; +10% VAT = 3,093,750; + 500,000 installation = 3,593,750 rials.
            #expect(preview.body.string.contains(#"<td id="quote-total">۳۵۹٬۳۷۵ تومان</td>"#))
            #expect(try await Quote.query(on: app.db).count() == 0)

            let saved = try await web.post("/quotes/new", lines + [("intent", "save")])
            #expect(saved.status == .seeOther)
            let quote = try #require(try await Quote.find(try WebClient.createdID(saved), on: app.db))
            #expect(quote.totalMinor == 3_593_750)
            #expect(quote.validUntil == "2026-12-21")

            let printed = try await web.get("/quotes/\(quote.id!)/print")
            #expect(printed.status == .ok)
            #expect(printed.body.string.contains(quote.number))
            #expect(printed.body.string.contains("۳۰ آذر ۱۴۰۵"))
            #expect(printed.body.string.contains("Arya Co"))
            #expect(!printed.body.string.contains(#"class="app-header""#))
        }
    }

    @Test func a_line_names_its_product_by_sku_or_by_a_name_only_one_product_has_and_suggestions_offer_active_products() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let productID = try await product(org, app: app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let account = try WebClient.createdID(try await web.post("/accounts/new", [("name", "Arya Co")]))
            let suggested = try await web.get("/products/suggestions?q=lap").body.string
            #expect(suggested.contains(#"<option value="LAP-1 · لپ‌تاپ" data-id="\#(productID.lowercased())"></option>"#))

            let saved = try await web.post("/quotes/new", [
                ("account_name", "Arya Co"), ("lines.0.product", "lap-۱"), ("lines.1.product", "لپتاپ"), ("intent", "save"),
            ])
            #expect(saved.status == .seeOther)
            let (_, lines) = try await QuoteService(store: app.store).find(try WebClient.createdID(saved), in: try await org.adminContext())
            #expect(lines.map { $0.productID?.uuidString.lowercased() } == [productID.lowercased(), productID.lowercased()])

            let refused = try await web.post("/quotes/new", [
                ("account_id", account.uuidString), ("lines.0.product", "NO-SUCH"), ("lines.0.quantity", "2"), ("intent", "save"),
            ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(#"id="field-lines-0-product-error""#))
            #expect(refused.body.string.contains(#"value="NO-SUCH""#))
            #expect(try await Quote.query(on: app.db).count() == 1)

            let edit = try await web.get("/quotes/\(try WebClient.createdID(saved))/edit").body.string
            #expect(edit.contains(#"value="LAP-1 · لپ‌تاپ""#))
        }
    }

    @Test func the_quote_order_and_invoice_lists_offer_saved_views_and_the_column_chooser() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            for resource in ["quotes", "orders", "invoices"] {
                let list = try await web.get("/\(resource)?columns=total").body.string
                #expect(list.contains(#"<input type="hidden" name="resource" value="\#(resource)"/>"#), "\(resource)")
                #expect(list.contains(#"<input type="checkbox" name="columns" value="total" checked="checked"/>"#), "\(resource)")
                #expect(list.contains(#"<input type="checkbox" name="columns" value="account"/>"#), "\(resource)")
            }
        }
    }

    @Test func a_refused_line_keeps_the_rows_as_typed_with_the_error_on_the_right_box() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let account = try WebClient.createdID(try await web.post("/accounts/new", [("name", "Arya Co")]))
            let refused = try await web.post("/quotes/new", [
                ("account_id", account.uuidString), ("lines.0.description", ""),
                ("lines.1.description", "Support"), ("lines.1.unit_price", "100"), ("lines.1.discount", "150"), ("intent", "save"),
            ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(#"id="field-lines-1-discount-error""#))
            #expect(refused.body.string.contains(#"value="Support""#))
            #expect(try await Quote.query(on: app.db).count() == 0)
        }
    }

    @Test func sending_and_accepting_a_quote_from_its_page_makes_the_order() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let account = try WebClient.createdID(try await web.post("/accounts/new", [("name", "Arya Co")]))
            let id = try WebClient.createdID(try await web.post("/quotes/new", [
                ("account_id", account.uuidString), ("lines.0.description", "Support"), ("lines.0.unit_price", "100"), ("intent", "save"),
            ]))
            #expect(try await web.post("/quotes/\(id)/send", [("version", "1")]).status == .seeOther)
            #expect(try await web.post("/quotes/\(id)/accept", [("version", "2")]).status == .seeOther)
            #expect(try await Quote.find(id, on: app.db)?.status == "accepted")
            #expect(try await SalesOrder.query(on: app.db).count() == 1)
            #expect(try await Account.find(account, on: app.db)?.kind == "customer")
        }
    }

    @Test func an_accepted_quotes_order_is_invoiced_and_paid_in_two_payments_from_the_pages() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let account = try WebClient.createdID(try await web.post("/accounts/new", [("name", "Arya Co")]))
            let quote = try WebClient.createdID(try await web.post("/quotes/new", [
                ("account_id", account.uuidString), ("lines.0.description", "Support"), ("lines.0.unit_price", "۱۰۰٬۰۰۰"),
                ("lines.0.tax", "0"), ("intent", "save"),
            ]))
            _ = try await web.post("/quotes/\(quote)/send", [("version", "1")])
            _ = try await web.post("/quotes/\(quote)/accept", [("version", "2")])
            let order = try #require(try await SalesOrder.query(on: app.db).first())
            let orderPage = try await web.get("/orders/\(order.id!)")
            #expect(orderPage.body.string.contains(order.number))

            let invoiced = try await web.post("/orders/\(order.id!)/invoice", [])
            #expect(invoiced.status == .seeOther)
            let invoice = try WebClient.createdID(invoiced)
            let tooMuch = try await web.post("/invoices/\(invoice)/payments", [("amount", "۲۰۰٬۰۰۰"), ("method", "transfer")])
            #expect(tooMuch.status == .unprocessableEntity || tooMuch.status == .conflict)
            #expect(try await Payment.query(on: app.db).count() == 0)

            #expect(try await web.post("/invoices/\(invoice)/payments", [("amount", "۴۰٬۰۰۰"), ("method", "card"), ("paid_on", "۱۴۰۵/۰۹/۰۲")])
                .status == .seeOther)
            #expect(try await Invoice.find(invoice, on: app.db)?.status == "partially_paid")
            #expect(try await web.post("/invoices/\(invoice)/payments", [("amount", "60000"), ("method", "cash")]).status == .seeOther)
            let paid = try #require(try await Invoice.find(invoice, on: app.db))
            #expect(paid.status == "paid")
            #expect(paid.paidMinor == 1_000_000)
            let page = try await web.get("/invoices/\(invoice)")
            #expect(page.body.string.contains("۴۰٬۰۰۰ تومان"))
            #expect(try await web.get("/invoices/\(invoice)/print").body.string.contains(paid.number))
        }
    }

    @Test func accepting_a_quote_made_for_an_opportunity_wins_the_opportunity() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let account = try WebClient.createdID(try await web.post("/accounts/new", [("name", "Arya Co")]))
            let deal = try WebClient.createdID(try await web.post("/opportunities/new", [("name", "Fleet"), ("account_id", account.uuidString),
                                                                                          ("amount", "1000")]))
            let quote = try WebClient.createdID(try await web.post("/quotes/new", [
                ("account_id", account.uuidString), ("opportunity_id", deal.uuidString), ("lines.0.description", "Support"),
                ("lines.0.unit_price", "100"), ("intent", "save"),
            ]))
            _ = try await web.post("/quotes/\(quote)/send", [("version", "1")])
            #expect(try await Opportunity.find(deal, on: app.db)?.status == "open")
            _ = try await web.post("/quotes/\(quote)/accept", [("version", "2")])
            let won = try #require(try await Opportunity.find(deal, on: app.db))
            #expect(won.status == "won")
            #expect(won.closedAt != nil)
            let stage = try #require(try await PipelineStage.find(won.stageID, on: app.db))
            #expect(stage.outcome == "won")
            #expect(try await OpportunityStageChange.query(on: app.db).filter(\.$opportunityID == deal).count() == 2)
        }
    }
}
