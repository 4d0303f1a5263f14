import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

@Suite("Quotes, orders, invoices and payments")
struct DocumentsAPITests {
    struct Setup {
        let org: TestOrganisation
        let accountID: String
        let productID: String
    }

    func setUp(_ app: Application) async throws -> Setup {
        let org = try await TestOrganisation.make(app)
        let account = try await app.testing().sendRequest(.POST, "api/v1/accounts", headers: org.admin.bearer.json, body: jsonBody(["name": "Pars"]))
        let product = try await app.testing().sendRequest(.POST, "api/v1/products", headers: org.admin.bearer.json, body: jsonBody([
            "sku": "ERP-1", "name_fa": "نرم‌افزار", "list_price": ["amount_minor": 1_000_000, "currency": "IRR"], "tax_rate_bp": 1000,
        ]))
        #expect(product.status == .created)
        return Setup(org: org, accountID: account.json["id"] as! String, productID: product.json["id"] as! String)
    }

    func quote(_ app: Application, _ setup: Setup) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.POST, "api/v1/quotes", headers: setup.org.admin.bearer.json, body: jsonBody([
            "account_id": setup.accountID,
            "lines": [
                ["product_id": setup.productID, "quantity": 3],
                ["description": "نصب", "quantity": 1.5, "unit_price_minor": 333_333, "discount_bp": 1250],
            ],
        ]))
    }

    @Test func totals_are_exact_integers_and_numbers_follow_the_jalali_year() async throws {
        try await withApp { app in
            let setup = try await setUp(app)
            let created = try await quote(app, setup)
            #expect(created.status == .created)
            let year = JalaliDate.year(of: Date())
            #expect(created.json["number"] as? String == "Q-\(year)-000001")
            let lines = created.json["lines"] as? [[String: Any]] ?? []
            // 3 × 1,000,000 = 3,000,000; tax 10 % = 300,000 → 3,300,000.
            #expect(lines.first?["total_minor"] as? Int == 3_300_000)
            #expect(lines.first?["description"] as? String == "نرم‌افزار")
            // 1.5 × 333,333 = 499,999.5 → 500,000; 12.5 % off = 62,500 → 437,500; no tax.
            #expect(lines.last?["net_minor"] as? Int == 437_500)
            let totals = created.json["totals"] as? [String: [String: Any]]
            #expect(totals?["subtotal"]?["amount_minor"] as? Int == 3_500_000)
            #expect(totals?["discount"]?["amount_minor"] as? Int == 62_500)
            #expect(totals?["tax"]?["amount_minor"] as? Int == 300_000)
            #expect(totals?["total"]?["amount_minor"] as? Int == 3_737_500)
        }
    }

    @Test func bad_lines_are_refused_line_by_line() async throws {
        try await withApp { app in
            let setup = try await setUp(app)
            let bad = try await app.testing().sendRequest(.POST, "api/v1/quotes", headers: setup.org.admin.bearer.json, body: jsonBody([
                "account_id": setup.accountID,
                "lines": [["description": "x", "quantity": -2, "unit_price_minor": 10], ["product_id": UUID().uuidString, "quantity": 1],
                          ["description": "y", "quantity": 1.2345, "discount_bp": 20000, "unit_price_minor": -1]],
            ]))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.problemFields == ["lines.0.quantity", "lines.1.product_id", "lines.2.discount_bp", "lines.2.quantity",
                                         "lines.2.unit_price_minor"])
            #expect(try await Quote.query(on: app.db).count() == 0)
        }
    }

    @Test func accepting_a_sent_quote_makes_an_order_and_a_customer_and_illegal_moves_are_409() async throws {
        try await withApp { app in
            let setup = try await setUp(app)
            let headers = setup.org.admin.bearer.json
            let created = try await quote(app, setup)
            let path = "api/v1/quotes/\(created.json["id"] as! String)"
            #expect(try await app.testing().sendRequest(.POST, path + "/accept", headers: headers).status == .conflict)
            #expect(try await app.testing().sendRequest(.POST, path + "/send", headers: headers).status == .ok)
            let edit = try await app.testing().sendRequest(.PATCH, path, headers: headers, body: jsonBody(["notes": "late"]))
            #expect(edit.status == .conflict)
            #expect(edit.json["type"] as? String == "urn:peyvand:problem:invalid-transition")
            let accepted = try await app.testing().sendRequest(.POST, path + "/accept", headers: headers)
            #expect(accepted.status == .ok)
            let order = try #require(accepted.json["order"] as? [String: Any])
            #expect((order["number"] as? String)?.hasPrefix("O-") == true)
            #expect((order["totals"] as? [String: [String: Any]])?["total"]?["amount_minor"] as? Int == 3_737_500)
            #expect(try await app.testing().sendRequest(.POST, path + "/accept", headers: headers).status == .conflict)
            let account = try await app.testing().sendRequest(.GET, "api/v1/accounts/\(setup.accountID)", headers: setup.org.admin.bearer)
            #expect(account.json["kind"] as? String == "customer")
            #expect(account.json["became_customer_at"] != nil)

            let timeline = try await app.testing().sendRequest(.GET, "api/v1/accounts/\(setup.accountID)/timeline", headers: setup.org.admin.bearer)
            let kinds = (timeline.json["data"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(kinds.contains("quote"))
            #expect(kinds.contains("order"))
            let quoteEntry = (timeline.json["data"] as? [[String: Any]])?.first { $0["kind"] as? String == "quote" }
            #expect((quoteEntry?["document"] as? [String: Any])?["status"] as? String == "accepted")
        }
    }

    @Test func a_document_changes_hands_whatever_its_status_with_the_assign_right() async throws {
        try await withApp { app in
            let setup = try await setUp(app)
            let headers = setup.org.admin.bearer.json
            let rep = try await setup.org.addMember(role: .salesRep)
            let created = try await quote(app, setup)
            let path = "api/v1/quotes/\(created.json["id"] as! String)"
            #expect(try await app.testing().sendRequest(.POST, path + "/send", headers: headers).status == .ok)

            let assigned = try await app.testing().sendRequest(.POST, path + "/assign", headers: headers, body: jsonBody(["owner_id": rep.id.uuidString]))
            #expect(assigned.status == .ok)
            #expect(assigned.json["owner_id"] as? String == rep.id.uuidString)
            #expect(assigned.json["status"] as? String == "sent")
            let audit = try await AuditEntry.query(on: app.db).filter(\.$recordType == "quote").filter(\.$action == "update").count()
            #expect(audit == 2)  // sent, then assigned

            let nobody = try await app.testing().sendRequest(.POST, path + "/assign", headers: headers, body: jsonBody(["owner_id": UUID().uuidString]))
            #expect(nobody.status == .unprocessableEntity)
            #expect((nobody.json["errors"] as? [[String: Any]])?.first?["code"] as? String == "referenced_record_missing")
            let empty = try await app.testing().sendRequest(.POST, path + "/assign", headers: headers, body: jsonBody([String: Any]()))
            #expect(empty.status == .unprocessableEntity)
            // The rep now owns the quote but may not hand it to someone else (assign reaches their own records only).
            let handedOn = try await app.testing().sendRequest(.POST, path + "/assign", headers: rep.bearer.json,
                                                               body: jsonBody(["owner_id": setup.org.admin.id.uuidString]))
            #expect(handedOn.status == .forbidden)
            let other = try await TestOrganisation.make(app, name: "Other")
            let crossing = try await app.testing().sendRequest(.POST, path + "/assign", headers: other.admin.bearer.json,
                                                               body: jsonBody(["owner_id": other.admin.id.uuidString]))
            #expect(crossing.status == .notFound)
        }
    }

    @Test func orders_are_billed_line_by_line_and_payments_settle_invoices() async throws {
        try await withApp { app in
            let setup = try await setUp(app)
            let headers = setup.org.admin.bearer.json
            let created = try await quote(app, setup)
            let quotePath = "api/v1/quotes/\(created.json["id"] as! String)"
            _ = try await app.testing().sendRequest(.POST, quotePath + "/send", headers: headers)
            let accepted = try await app.testing().sendRequest(.POST, quotePath + "/accept", headers: headers)
            let orderID = try #require((accepted.json["order"] as? [String: Any])?["id"] as? String)
            let order = try await app.testing().sendRequest(.GET, "api/v1/orders/\(orderID)", headers: setup.org.admin.bearer)
            let firstLine = try #require((order.json["lines"] as? [[String: Any]])?.first?["id"] as? String)

            let partial = try await app.testing().sendRequest(.POST, "api/v1/orders/\(orderID)/invoices", headers: headers,
                                                              body: jsonBody(["line_ids": [firstLine], "due_date": "1405/10/01"]))
            #expect(partial.status == .created)
            #expect((partial.json["totals"] as? [String: [String: Any]])?["total"]?["amount_minor"] as? Int == 3_300_000)
            let rest = try await app.testing().sendRequest(.POST, "api/v1/orders/\(orderID)/invoices", headers: headers)
            #expect((rest.json["totals"] as? [String: [String: Any]])?["total"]?["amount_minor"] as? Int == 437_500)
            let nothingLeft = try await app.testing().sendRequest(.POST, "api/v1/orders/\(orderID)/invoices", headers: headers)
            #expect(nothingLeft.status == .conflict)
            #expect(try await app.testing().sendRequest(.POST, "api/v1/orders/\(orderID)/cancel", headers: headers).status == .conflict)

            let invoicePath = "api/v1/invoices/\(partial.json["id"] as! String)"
            func pay(_ amount: Int) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(.POST, invoicePath + "/payments", headers: headers, body: jsonBody([
                    "amount": ["amount_minor": amount, "currency": "IRR"], "method": "transfer", "paid_on": "1405/09/02",
                ]))
            }
            let first = try await pay(1_000_000)
            #expect(first.status == .created)
            #expect((first.json["invoice"] as? [String: Any])?["status"] as? String == "partially_paid")
            #expect((first.json["payment"] as? [String: Any])?["paid_on"] as? String == "2026-11-23")
            let over = try await pay(2_300_001)
            #expect(over.status == .unprocessableEntity)
            #expect(over.problemFields == ["amount"])
            let settled = try await pay(2_300_000)
            #expect((settled.json["invoice"] as? [String: Any])?["status"] as? String == "paid")
            #expect(((settled.json["invoice"] as? [String: Any])?["balance"] as? [String: Any])?["amount_minor"] as? Int == 0)
            #expect(try await app.testing().sendRequest(.POST, invoicePath + "/void", headers: headers).status == .conflict)
            let payments = try await app.testing().sendRequest(.GET, invoicePath + "/payments", headers: setup.org.admin.bearer)
            #expect((payments.json["data"] as? [Any])?.count == 2)
        }
    }

    @Test func an_opportunity_lists_its_products_and_its_quote_starts_from_them() async throws {
        try await withApp { app in
            let setup = try await setUp(app)
            let headers = setup.org.admin.bearer.json
            let deal = try await app.testing().sendRequest(.POST, "api/v1/opportunities", headers: headers, body: jsonBody([
                "name": "ERP deal", "account_id": setup.accountID, "lines": [["product_id": setup.productID, "quantity": 2]],
            ]))
            #expect(deal.status == .created)
            #expect((deal.json["amount"] as? [String: Any])?["amount_minor"] as? Int == 2_200_000)
            #expect((deal.json["lines"] as? [Any])?.count == 1)
            let negative = try await app.testing().sendRequest(.PATCH, "api/v1/opportunities/\(deal.json["id"] as! String)", headers: headers,
                                                               body: jsonBody(["lines": [["product_id": setup.productID, "quantity": -1]]]))
            #expect(negative.problemFields == ["lines.0.quantity"])
            let quote = try await app.testing().sendRequest(.POST, "api/v1/quotes", headers: headers, body: jsonBody([
                "account_id": setup.accountID, "opportunity_id": deal.json["id"] as! String,
            ]))
            #expect(quote.status == .created)
            #expect((quote.json["totals"] as? [String: [String: Any]])?["total"]?["amount_minor"] as? Int == 2_200_000)
        }
    }

    @Test func concurrent_creation_never_duplicates_a_number() async throws {
        try await withApp { app in
            let setup = try await setUp(app)
            let numbers = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 1...12 {
                    group.addTask {
                        let res = try await app.testing().sendRequest(.POST, "api/v1/quotes", headers: setup.org.admin.bearer.json,
                                                                      body: jsonBody(["account_id": setup.accountID]))
                        return res.json["number"] as? String ?? "failed \(res.status)"
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            let year = JalaliDate.year(of: Date())
            #expect(Set(numbers) == Set((1...12).map { "Q-\(year)-" + String(format: "%06d", $0) }))
        }
    }
}
