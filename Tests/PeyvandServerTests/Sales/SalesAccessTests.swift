import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// Role scopes on sales records: shared customer data, owned deals, team reach, other organisations.
@Suite("Sales access control")
struct SalesAccessTests {
    func create(_ member: TestOrganisation.Member, _ path: String, _ body: [String: Any], app: Application) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.POST, "api/v1/\(path)?allow_duplicate=true", headers: member.bearer.json, body: jsonBody(body))
    }

    @Test func reps_read_every_contact_but_change_only_their_own() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let first = try await org.addMember(role: .salesRep)
            let second = try await org.addMember(role: .salesRep)
            let mine = try await create(first, "contacts", ["last_name": "Mine"], app: app)
            let theirs = try await create(second, "contacts", ["last_name": "Theirs"], app: app)
            #expect(mine.status == .created)
            let theirsID = try #require(theirs.json["id"] as? String)

            let read = try await app.testing().sendRequest(.GET, "api/v1/contacts/\(theirsID)", headers: first.bearer)
            #expect(read.status == .ok)
            let edit = try await app.testing().sendRequest(.PATCH, "api/v1/contacts/\(theirsID)", headers: first.bearer.json,
                                                           body: jsonBody(["job_title": "x"]))
            #expect(edit.status == .forbidden)
            let delete = try await app.testing().sendRequest(.DELETE, "api/v1/contacts/\(theirsID)", headers: first.bearer)
            #expect(delete.status == .forbidden)
            let giveAway = try await create(first, "contacts", ["last_name": "Gift", "owner_id": second.id.uuidString], app: app)
            #expect(giveAway.status == .forbidden)
            #expect(try await Contact.query(on: app.db).filter(\.$lastName == "Theirs").first()?.jobTitle == nil)
        }
    }

    @Test func leads_reach_the_owner_and_their_team_only() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let team = try await org.makeTeam("North")
            let owner = try await org.addMember(role: .salesRep, teamIDs: [team])
            let teammate = try await org.addMember(role: .salesRep, teamIDs: [team])
            let outsider = try await org.addMember(role: .salesRep)
            let lead = try await create(owner, "leads", ["last_name": "Prospect"], app: app)
            let id = try #require(lead.json["id"] as? String)

            #expect(try await app.testing().sendRequest(.GET, "api/v1/leads/\(id)", headers: teammate.bearer).status == .ok)
            #expect(try await app.testing().sendRequest(.GET, "api/v1/leads/\(id)", headers: outsider.bearer).status == .notFound)
            let outsiderList = try await app.testing().sendRequest(.GET, "api/v1/leads", headers: outsider.bearer)
            #expect((outsiderList.json["data"] as? [Any])?.isEmpty == true)
            let teammateList = try await app.testing().sendRequest(.GET, "api/v1/leads?q=prospect", headers: teammate.bearer)
            #expect((teammateList.json["data"] as? [Any])?.count == 1)
            let teammateEdit = try await app.testing().sendRequest(.PATCH, "api/v1/leads/\(id)", headers: teammate.bearer.json,
                                                                   body: jsonBody(["score": 5]))
            #expect(teammateEdit.status == .forbidden)
        }
    }

    @Test func another_organisation_sees_nothing_and_changes_nothing() async throws {
        try await withApp { app in
            let home = try await TestOrganisation.make(app, name: "Home")
            let other = try await TestOrganisation.make(app, name: "Other")
            let account = try await create(home.admin, "accounts", ["name": "Secret Co", "phones": [["number": "02188776655"]]], app: app)
            let id = try #require(account.json["id"] as? String)
            for method in [HTTPMethod.GET, .DELETE] {
                #expect(try await app.testing().sendRequest(method, "api/v1/accounts/\(id)", headers: other.admin.bearer).status == .notFound)
            }
            let patch = try await app.testing().sendRequest(.PATCH, "api/v1/accounts/\(id)", headers: other.admin.bearer.json,
                                                            body: jsonBody(["name": "Stolen"]))
            #expect(patch.status == .notFound)
            let search = try await app.testing().sendRequest(.GET, "api/v1/accounts?q=secret", headers: other.admin.bearer)
            #expect((search.json["data"] as? [Any])?.isEmpty == true)
            // The same phone in another organisation is not a duplicate there.
            let twin = try await app.testing().sendRequest(.POST, "api/v1/accounts", headers: other.admin.bearer.json,
                                                           body: jsonBody(["name": "Secret Co", "phones": [["number": "021 8877 6655"]]]))
            #expect(twin.status == .created)
            let linkAcross = try await app.testing().sendRequest(.POST, "api/v1/contacts", headers: other.admin.bearer.json,
                                                                 body: jsonBody(["last_name": "X", "account_id": id]))
            #expect(linkAcross.problemFields == ["account_id"])
            #expect(try await Account.find(UUID(uuidString: id), on: app.db)?.name == "Secret Co")
        }
    }

    @Test func read_only_users_cannot_create_and_only_admins_restore() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let reader = try await org.addMember(role: .readOnly)
            #expect(try await create(reader, "accounts", ["name": "Nope"], app: app).status == .forbidden)
            let manager = try await org.addMember(role: .salesManager)
            let account = try await create(manager, "accounts", ["name": "Temp"], app: app)
            let id = try #require(account.json["id"] as? String)
            #expect(try await app.testing().sendRequest(.DELETE, "api/v1/accounts/\(id)", headers: manager.bearer).status == .noContent)
            #expect(try await app.testing().sendRequest(.POST, "api/v1/accounts/\(id)/restore", headers: manager.bearer).status == .forbidden)
            #expect(try await app.testing().sendRequest(.POST, "api/v1/accounts/\(id)/restore", headers: org.admin.bearer).status == .ok)
        }
    }
}
