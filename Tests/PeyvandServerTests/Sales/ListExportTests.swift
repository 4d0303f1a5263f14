import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// Every list downloads as CSV with its filters applied: opportunities, quotes, orders, invoices
/// and activities as well as the importable records. Related records appear by name.
@Suite("List exports")
struct ListExportTests {
    func rows(_ response: TestingHTTPResponse) -> [String] {
        response.body.string.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    @Test func deals_documents_and_activities_export_with_names_and_their_lists_filters() async throws {
        try await withApp { app in
            // setup: an account with an opportunity, a quote and a call, in this organisation and another
            let org = try await TestOrganisation.make(app)
            let other = try await TestOrganisation.make(app, name: "Other")
            let headers = org.admin.bearer.json
            func post(_ path: String, _ body: [String: Any], as who: HTTPHeaders? = nil) async throws -> [String: Any] {
                let response = try await app.testing().sendRequest(.POST, "api/v1/\(path)", headers: who ?? headers, body: jsonBody(body))
                #expect(response.status == .created, "\(path): \(response.body.string)")
                return response.json
            }
            let account = try await post("accounts", ["name": "پارس"])
            let accountID = try #require(account["id"] as? String)
            let pipeline = try await post("pipelines", ["name": "نرم‌افزار", "stages": [
                ["name": "Lead in", "probability": 10, "outcome": "open"], ["name": "Won", "outcome": "won"], ["name": "Lost", "outcome": "lost"],
            ]])
            _ = try await post("opportunities", ["name": "ERP پارس", "account_id": accountID, "pipeline_id": pipeline["id"]!,
                                                 "amount": ["amount_minor": 5_000_000, "currency": "IRR"], "competitors": ["Rival"]])
            _ = try await post("opportunities", ["name": "CRM پارس", "account_id": accountID, "pipeline_id": pipeline["id"]!])
            _ = try await post("quotes", ["account_id": accountID, "lines": [["description": "نصب", "quantity": 2, "unit_price_minor": 1_000]]])
            _ = try await post("activities", ["kind": "call", "subject": "تماس پیگیری", "regarding": ["type": "account", "id": accountID]])
            _ = try await post("cases", ["title": "چاپگر روشن نمی‌شود", "type": "incident", "channel": "phone", "priority": "high",
                                         "account_id": accountID])
            _ = try await post("accounts", ["name": "Elsewhere"], as: other.admin.bearer.json)

            // act
            func export(_ resource: String) async throws -> [String] {
                let response = try await app.testing().sendRequest(.GET, "api/v1/export/\(resource)", headers: org.admin.bearer)
                #expect(response.status == .ok, "\(resource)")
                #expect(response.headers.first(name: .contentType) == "text/csv; charset=utf-8")
                return rows(response)
            }
            let opportunities = try await export("opportunities?q=ERP")
            let quotes = try await export("quotes?status=draft")
            let orders = try await export("orders")
            let invoices = try await export("invoices")
            let activities = try await export("activities?kind=call")
            let cases = try await export("cases?priority=high")

            // verify: one row per matching record, names instead of ids, money in rials
            #expect(opportunities.count == 2)
            #expect(opportunities[0].hasPrefix("\u{FEFF}id,name,account,contact,pipeline,stage,status,amount"))
            #expect(opportunities[1].contains("ERP پارس,پارس,,نرم‌افزار,Lead in,open,5000000,IRR"))
            #expect(opportunities[1].contains("Rival"))
            #expect(quotes.count == 2)
            #expect(quotes[1].contains(",draft,پارس,"))
            #expect(quotes[1].contains(",2000,0,0,2000,"))
            #expect(orders.count == 1 && orders[0].contains("number,status,account"))
            #expect(invoices.count == 1 && invoices[0].contains("due_date"))
            #expect(activities.count == 2)
            #expect(activities[1].contains("call,تماس پیگیری,open") && activities[1].contains("account,\(accountID.uppercased())"))
            #expect(!activities.joined().contains("Elsewhere"))
            #expect(cases.count == 2 && cases[1].contains(",چاپگر روشن نمی‌شود,incident,phone,high,new,پارس,"))
        }
    }

    @Test func an_export_is_refused_without_the_export_right_and_keeps_to_the_readers_scope() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let reader = try await org.addMember(role: .readOnly)
            let rep = try await org.addMember(role: .salesRep)
            let otherRep = try await org.addMember(role: .salesRep)
            for (who, subject) in [(rep, "mine"), (otherRep, "theirs")] {
                let created = try await app.testing().sendRequest(.POST, "api/v1/activities", headers: who.bearer.json,
                                                                  body: jsonBody(["kind": "task", "subject": subject]))
                #expect(created.status == .created)
            }
            let refused = try await app.testing().sendRequest(.GET, "api/v1/export/activities", headers: reader.bearer)
            #expect(refused.status == .forbidden)
            let own = try await app.testing().sendRequest(.GET, "api/v1/export/activities", headers: rep.bearer)
            #expect(own.status == .ok)
            #expect(rows(own).count == 2 && own.body.string.contains("mine") && !own.body.string.contains("theirs"))
            let unknown = try await app.testing().sendRequest(.GET, "api/v1/export/pipelines", headers: org.admin.bearer)
            #expect(unknown.status == .notFound)
        }
    }
}
