import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

@Suite("Accounts API")
struct AccountsAPITests {
    @Test func national_id_and_economic_code_are_checked_and_stored_canonically() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let bad = try await app.testing().sendRequest(.POST, "api/v1/accounts", headers: org.admin.bearer.json,
                                                          body: jsonBody(["name": "Bad Co", "national_id": "10380284792", "economic_code": "123"]))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.problemFields == ["economic_code", "national_id"])
            let good = try await app.testing().sendRequest(.POST, "api/v1/accounts", headers: org.admin.bearer.json,
                                                           body: jsonBody(["name": "Good Co", "national_id": "۱۰۳۸۰۲۸۴۷۹۰", "economic_code": "10380284790"]))
            #expect(good.status == .created)
            #expect(good.json["national_id"] as? String == "10380284790")
            #expect(good.json["kind"] as? String == "prospect")
        }
    }

    @Test func an_account_cannot_become_its_own_ancestor() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            func create(_ name: String, parent: String? = nil) async throws -> String {
                var body: [String: Any] = ["name": name]
                if let parent { body["parent_id"] = parent }
                let res = try await app.testing().sendRequest(.POST, "api/v1/accounts", headers: org.admin.bearer.json, body: jsonBody(body))
                #expect(res.status == .created)
                return res.json["id"] as! String
            }
            let holding = try await create("Holding")
            let subsidiary = try await create("Subsidiary", parent: holding)
            let cycle = try await app.testing().sendRequest(.PATCH, "api/v1/accounts/\(holding)", headers: org.admin.bearer.json,
                                                            body: jsonBody(["parent_id": subsidiary]))
            #expect(cycle.status == .unprocessableEntity)
            #expect(cycle.problemFields == ["parent_id"])
            let list = try await app.testing().sendRequest(.GET, "api/v1/accounts?parent_id=\(holding)", headers: org.admin.bearer)
            #expect((list.json["data"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Subsidiary"])
        }
    }

    @Test func changes_are_audited_field_by_field() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let created = try await app.testing().sendRequest(.POST, "api/v1/accounts", headers: org.admin.bearer.json,
                                                              body: jsonBody(["name": "Aria", "industry": "Retail"]))
            let id = try #require(created.json["id"] as? String)
            _ = try await app.testing().sendRequest(.PATCH, "api/v1/accounts/\(id)", headers: org.admin.bearer.json,
                                                    body: jsonBody(["industry": "Food", "kind": "customer"]))
            let log = try await app.testing().sendRequest(.GET, "api/v1/audit-log?record_id=\(id)", headers: org.admin.bearer)
            let entries = log.json["data"] as? [[String: Any]] ?? []
            #expect(entries.map { $0["action"] as? String } == ["update", "create"])
            let changes = entries.first?["changes"] as? [String: [String: Any]]
            #expect(changes?["industry"]?["before"] as? String == "Retail")
            #expect(changes?["industry"]?["after"] as? String == "Food")
            #expect(Set(changes?.keys.map { $0 } ?? []) == ["industry", "kind"])
        }
    }
}
