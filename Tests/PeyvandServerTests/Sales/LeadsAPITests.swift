import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

@Suite("Leads API and conversion")
struct LeadsAPITests {
    func createLead(_ org: TestOrganisation, _ body: [String: Any]) async throws -> String {
        let res = try await org.app.testing().sendRequest(.POST, "api/v1/leads", headers: org.admin.bearer.json, body: jsonBody(body))
        #expect(res.status == .created)
        return try #require(res.json["id"] as? String)
    }

    @Test func converting_a_lead_makes_an_account_and_a_contact_in_one_step_and_only_once() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let lead = try await createLead(org, ["first_name": "Mina", "last_name": "Sadeghi", "company": "Negin Trading",
                                                  "source": "web_form", "phones": [["number": "09351234567"]], "tags": ["expo"]])
            let converted = try await app.testing().sendRequest(.POST, "api/v1/leads/\(lead)/convert", headers: org.admin.bearer.json,
                                                                body: jsonBody([:]))
            #expect(converted.status == .ok)
            let account = try #require(converted.json["account"] as? [String: Any])
            let contact = try #require(converted.json["contact"] as? [String: Any])
            #expect(account["name"] as? String == "Negin Trading")
            #expect(contact["account_id"] as? String == account["id"] as? String)
            #expect(contact["lead_source"] as? String == "web_form")
            #expect((contact["phones"] as? [[String: Any]])?.first?["number"] as? String == "+989351234567")
            #expect((converted.json["lead"] as? [String: Any])?["status"] as? String == "converted")

            let again = try await app.testing().sendRequest(.POST, "api/v1/leads/\(lead)/convert", headers: org.admin.bearer.json,
                                                            body: jsonBody([:]))
            #expect(again.status == .conflict)
            #expect(again.json["type"] as? String == "urn:peyvand:problem:already-converted")
            #expect(try await Contact.query(on: app.db).count() == 1)
            #expect(try await Account.query(on: app.db).count() == 1)

            let edit = try await app.testing().sendRequest(.PATCH, "api/v1/leads/\(lead)", headers: org.admin.bearer.json,
                                                           body: jsonBody(["score": 10]))
            #expect(edit.status == .conflict)
        }
    }

    @Test func conversion_offers_existing_matches_instead_of_making_twins() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let existing = try await app.testing().sendRequest(.POST, "api/v1/contacts", headers: org.admin.bearer.json,
                                                               body: jsonBody(["last_name": "Karimi", "emails": [["address": "k@pars.ir"]]]))
            let contactID = try #require(existing.json["id"] as? String)
            let lead = try await createLead(org, ["last_name": "Karimi", "emails": [["address": "K@Pars.ir"]]])

            let offered = try await app.testing().sendRequest(.POST, "api/v1/leads/\(lead)/convert", headers: org.admin.bearer.json,
                                                              body: jsonBody([:]))
            #expect(offered.status == .conflict)
            let candidates = offered.json["duplicates"] as? [[String: Any]]
            #expect(candidates?.first?["id"] as? String == contactID)
            #expect(candidates?.first?["record_type"] as? String == "contact")
            #expect(try await Contact.query(on: app.db).count() == 1)

            let linked = try await app.testing().sendRequest(.POST, "api/v1/leads/\(lead)/convert", headers: org.admin.bearer.json,
                                                             body: jsonBody(["contact_id": contactID]))
            #expect(linked.status == .ok)
            #expect((linked.json["contact"] as? [String: Any])?["id"] as? String == contactID)
            #expect(try await Contact.query(on: app.db).count() == 1)
        }
    }

    @Test func converting_with_an_opportunity_opens_it_for_the_new_account_and_contact_with_its_first_stage() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let lead = try await createLead(org, ["last_name": "Rahimi", "company": "Arak Machine"])
            let converted = try await app.testing().sendRequest(.POST, "api/v1/leads/\(lead)/convert", headers: org.admin.bearer.json,
                                                                body: jsonBody(["opportunity": [
                                                                    "name": "Warehouse racks", "amount": ["amount_minor": 1_200_000_000],
                                                                    "expected_close_date": "1405/10/01",
                                                                ]]))
            #expect(converted.status == .ok)
            let account = try #require(converted.json["account"] as? [String: Any])
            let contact = try #require(converted.json["contact"] as? [String: Any])
            let opportunity = try #require(converted.json["opportunity"] as? [String: Any])
            #expect(opportunity["name"] as? String == "Warehouse racks")
            #expect(opportunity["account_id"] as? String == account["id"] as? String)
            #expect(opportunity["contact_id"] as? String == contact["id"] as? String)
            #expect((opportunity["amount"] as? [String: Any])?["amount_minor"] as? Int == 1_200_000_000)
            #expect(opportunity["owner_id"] as? String == org.admin.user.id?.uuidString)
            #expect((converted.json["lead"] as? [String: Any])?["converted_opportunity_id"] as? String == opportunity["id"] as? String)

            let id = try #require(opportunity["id"] as? String)
            let history = try await app.testing().sendRequest(.GET, "api/v1/opportunities/\(id)/stage-history", headers: org.admin.bearer)
            let changes = try #require(history.json["data"] as? [[String: Any]])
            #expect(changes.count == 1)
            #expect(changes.first?["to_stage_id"] as? String == opportunity["stage_id"] as? String)
            #expect(changes.first?["from_stage_id"] == nil || changes.first?["from_stage_id"] is NSNull)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$recordType == Opportunity.auditType).count() == 1)
        }
    }

    @Test func a_refused_opportunity_refuses_the_whole_conversion_and_names_every_bad_field_by_its_path() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let lead = try await createLead(org, ["last_name": "Rahimi", "company": "Arak Machine"])
            let refused = try await app.testing().sendRequest(.POST, "api/v1/leads/\(lead)/convert", headers: org.admin.bearer.json,
                                                              body: jsonBody(["create_account": "yes", "opportunity": [
                                                                  "name": " ", "amount": ["amount_minor": -5], "stage_id": UUID().uuidString,
                                                              ]]))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            #expect(refused.problemFields == ["create_account", "opportunity.amount", "opportunity.name", "opportunity.stage_id"])
            #expect(try await Account.query(on: app.db).count() == 0)
            #expect(try await Contact.query(on: app.db).count() == 0)
            #expect(try await Opportunity.query(on: app.db).count() == 0)
            #expect(try await OpportunityStageChange.query(on: app.db).count() == 0)
            #expect(try await Lead.find(UUID(uuidString: lead), on: app.db)?.status == "new")

            let badType = try await app.testing().sendRequest(.POST, "api/v1/leads/\(lead)/convert", headers: org.admin.bearer.json,
                                                              body: jsonBody(["opportunity": ["name": "Racks", "amount": ["amount_minor": "a lot"]]]))
            #expect(badType.status == .unprocessableEntity)
            #expect(badType.problemFields == ["opportunity.amount.amount_minor"])
            #expect(try await Opportunity.query(on: app.db).count() == 0)
        }
    }

    @Test func an_opportunity_needs_the_conversion_to_have_an_account() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let lead = try await createLead(org, ["last_name": "Nouri"])
            let refused = try await app.testing().sendRequest(.POST, "api/v1/leads/\(lead)/convert", headers: org.admin.bearer.json,
                                                              body: jsonBody(["opportunity": ["name": "Racks"]]))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.problemFields == ["opportunity.account_id"])
            #expect(try await Contact.query(on: app.db).count() == 0)

            let account = try await app.testing().sendRequest(.POST, "api/v1/accounts", headers: org.admin.bearer.json,
                                                              body: jsonBody(["name": "Nouri & Sons"]))
            let accountID = try #require(account.json["id"] as? String)
            let linked = try await app.testing().sendRequest(.POST, "api/v1/leads/\(lead)/convert", headers: org.admin.bearer.json,
                                                             body: jsonBody(["account_id": accountID, "opportunity": ["name": "Racks"]]))
            #expect(linked.status == .ok)
            #expect((linked.json["opportunity"] as? [String: Any])?["account_id"] as? String == accountID)
        }
    }

    @Test func disqualifying_needs_a_reason_and_converted_cannot_be_set_by_hand() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let lead = try await createLead(org, ["last_name": "Moradi"])
            let noReason = try await app.testing().sendRequest(.PATCH, "api/v1/leads/\(lead)", headers: org.admin.bearer.json,
                                                               body: jsonBody(["status": "disqualified"]))
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.problemFields == ["disqualified_reason"])
            let byHand = try await app.testing().sendRequest(.PATCH, "api/v1/leads/\(lead)", headers: org.admin.bearer.json,
                                                             body: jsonBody(["status": "converted", "score": 300]))
            #expect(byHand.problemFields == ["score", "status"])
            let withReason = try await app.testing().sendRequest(.PATCH, "api/v1/leads/\(lead)", headers: org.admin.bearer.json,
                                                                 body: jsonBody(["status": "disqualified", "disqualified_reason": "No budget"]))
            #expect(withReason.status == .ok)
            #expect(withReason.json["status"] as? String == "disqualified")
        }
    }
}
