import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

@Suite("Merging duplicates")
struct MergeTests {
    @Test func merging_contacts_moves_related_records_unites_details_and_loses_nothing() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let headers = org.admin.bearer.json
            let account = try await app.testing().sendRequest(.POST, "api/v1/accounts", headers: headers, body: jsonBody(["name": "Pars"]))
            let accountID = try #require(account.json["id"] as? String)
            let keep = try await app.testing().sendRequest(.POST, "api/v1/contacts", headers: headers, body: jsonBody([
                "last_name": "Rahimi", "job_title": "CEO", "phones": [["number": "09121234567"]], "tags": ["vip"],
            ]))
            let twin = try await app.testing().sendRequest(.POST, "api/v1/contacts?allow_duplicate=true", headers: headers, body: jsonBody([
                "first_name": "Reza", "last_name": "Rahimi", "job_title": "Founder", "phones": [["number": "+98 912 123 4567"], ["number": "02122334455"]],
                "emails": [["address": "reza@pars.ir"]], "tags": ["expo"], "preferences": ["opted_out": ["sms"]],
            ]))
            let keepID = try #require(keep.json["id"] as? String), twinID = try #require(twin.json["id"] as? String)
            let deal = try await app.testing().sendRequest(.POST, "api/v1/opportunities", headers: headers, body: jsonBody([
                "name": "Deal", "account_id": accountID, "contact_id": twinID,
            ]))
            #expect(deal.status == .created)

            let merged = try await app.testing().sendRequest(.POST, "api/v1/contacts/\(keepID)/merge", headers: headers,
                                                             body: jsonBody(["source_id": twinID]))
            #expect(merged.status == .ok)
            #expect(merged.json["first_name"] as? String == "Reza")
            #expect(merged.json["job_title"] as? String == "CEO")
            #expect((merged.json["phones"] as? [[String: Any]])?.count == 2)
            #expect((merged.json["emails"] as? [[String: Any]])?.count == 1)
            #expect(merged.json["tags"] as? [String] == ["vip", "expo"])
            #expect((merged.json["preferences"] as? [String: Any])?["opted_out"] as? [String] == ["sms"])

            let dealAfter = try await app.testing().sendRequest(.GET, "api/v1/opportunities/\(deal.json["id"] as! String)", headers: org.admin.bearer)
            #expect(dealAfter.json["contact_id"] as? String == keepID)
            #expect(try await app.testing().sendRequest(.GET, "api/v1/contacts/\(twinID)", headers: org.admin.bearer).status == .notFound)

            let log = try await app.testing().sendRequest(.GET, "api/v1/audit-log?record_id=\(keepID)", headers: org.admin.bearer)
            let mergeEntry = (log.json["data"] as? [[String: Any]])?.first { $0["action"] as? String == "merge" }
            let notKept = ((mergeEntry?["changes"] as? [String: Any])?["values_not_kept"] as? [String: Any])?["before"] as? [String: Any]
            #expect(notKept?["job_title"] as? String == "Founder")

            // The duplicate's phone now finds only the kept contact.
            let search = try await app.testing().sendRequest(.GET, "api/v1/contacts?q=02122334455", headers: org.admin.bearer)
            #expect((search.json["data"] as? [[String: Any]])?.map { $0["id"] as? String } == [keepID])
        }
    }

    @Test func merging_accounts_moves_contacts_and_children_and_refuses_bad_sources() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let headers = org.admin.bearer.json
            func account(_ body: [String: Any]) async throws -> String {
                let res = try await app.testing().sendRequest(.POST, "api/v1/accounts?allow_duplicate=true", headers: headers, body: jsonBody(body))
                return try #require(res.json["id"] as? String)
            }
            let keep = try await account(["name": "Negin"])
            let twin = try await account(["name": "Negin Co", "website": "negin.ir"])
            let child = try await account(["name": "Negin Shiraz", "parent_id": twin])
            let person = try await app.testing().sendRequest(.POST, "api/v1/contacts", headers: headers,
                                                             body: jsonBody(["last_name": "Amini", "account_id": twin]))
            let merged = try await app.testing().sendRequest(.POST, "api/v1/accounts/\(keep)/merge", headers: headers,
                                                             body: jsonBody(["source_id": twin]))
            #expect(merged.status == .ok)
            #expect(merged.json["website"] as? String == "negin.ir")
            let personAfter = try await app.testing().sendRequest(.GET, "api/v1/contacts/\(person.json["id"] as! String)", headers: org.admin.bearer)
            #expect(personAfter.json["account_id"] as? String == keep)
            let childAfter = try await app.testing().sendRequest(.GET, "api/v1/accounts/\(child)", headers: org.admin.bearer)
            #expect(childAfter.json["parent_id"] as? String == keep)

            let itself = try await app.testing().sendRequest(.POST, "api/v1/accounts/\(keep)/merge", headers: headers, body: jsonBody(["source_id": keep]))
            #expect(itself.status == .unprocessableEntity)
            let missing = try await app.testing().sendRequest(.POST, "api/v1/accounts/\(keep)/merge", headers: headers,
                                                              body: jsonBody(["source_id": UUID().uuidString]))
            #expect(missing.problemFields == ["source_id"])
        }
    }
}
