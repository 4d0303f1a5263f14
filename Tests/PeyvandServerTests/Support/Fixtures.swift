import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// An organisation with signed-in users, built through the real services.
struct TestOrganisation {
    let id: UUID
    let admin: Member
    let app: Application

    struct Member {
        let user: User
        let token: String
        var id: UUID { user.id! }
        var bearer: HTTPHeaders { ["Authorization": "Bearer \(token)", "Accept-Language": "en"] }
    }

    static let password = "correct-horse-42"

    static func make(_ app: Application, name: String = "Org", adminEmail: String? = nil) async throws -> TestOrganisation {
        let email = adminEmail ?? "admin-\(UUID().uuidString.prefix(8))@example.com"
        let service = OrganisationService(store: app.store, hasher: app.peyvand.hasher)
        // A second organisation is created explicitly: createUser joins the only one otherwise.
        let organisation: Organisation
        if try await service.isEmpty() {
            organisation = try await service.createUser(.init(email: email, name: "Admin", password: password, roleKey: "admin"),
                                                        organisationName: name).0
        } else {
            organisation = try await app.store.write { db in try await OrganisationService.createOrganisation(named: name, on: db) }
            _ = try await service.createUser(.init(email: email, name: "Admin", password: password, roleKey: "admin"),
                                             organisationName: name, organisationID: organisation.id!)
        }
        let admin = try await signIn(app, email: email)
        return TestOrganisation(id: organisation.id!, admin: admin, app: app)
    }

    static func signIn(_ app: Application, email: String) async throws -> Member {
        var auth = AuthService(store: app.store, hasher: app.peyvand.hasher, pepper: app.peyvand.settings.secret)
        auth.throttle = app.peyvand.throttle
        let issued = try await auth.signIn(email: email, password: password, address: nil, issuing: .apiToken(name: "test"))
        return Member(user: issued.user, token: issued.secret)
    }

    func addMember(role: BuiltInRole, teamIDs: [UUID] = []) async throws -> Member {
        let email = "\(role.rawValue)-\(UUID().uuidString.prefix(8))@example.com"
        _ = try await OrganisationService(store: app.store, hasher: app.peyvand.hasher)
            .createUser(.init(email: email, name: role.rawValue, password: Self.password, roleKey: role.rawValue),
                        organisationName: "", organisationID: id)
        let member = try await Self.signIn(app, email: email)
        for teamID in teamIDs {
            try await app.store.write { db in
                try await TeamMembership(organisationID: id, teamID: teamID, userID: member.id).create(on: db)
            }
        }
        return member
    }

    func makeTeam(_ name: String) async throws -> UUID {
        try await app.store.write { [id] db in
            let team = Team(organisationID: id, name: name)
            try await team.create(on: db)
            return team.id!
        }
    }

    func adminContext() async throws -> RequestContext {
        try await AuthService(store: app.store, hasher: app.peyvand.hasher, pepper: app.peyvand.settings.secret)
            .context(forUser: admin.id, language: .en, requestID: nil)
    }
}

extension TestingHTTPResponse {
    /// The body as a JSON object (fails the test otherwise).
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
    }

    var problemFields: [String] {
        ((json["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String }.sorted()
    }
}

func jsonBody(_ object: [String: Any]) -> ByteBuffer {
    ByteBuffer(data: try! JSONSerialization.data(withJSONObject: object))
}

extension HTTPHeaders {
    func adding(_ name: String, _ value: String) -> HTTPHeaders {
        var copy = self
        copy.replaceOrAdd(name: name, value: value)
        return copy
    }

    var json: HTTPHeaders { adding("Content-Type", "application/json") }
}

/// Imports `csv` into `resource` as the organisation's administrator through the API, runs the
/// import job, and returns the finished import and its report's outcomes (`line,result`, and for a
/// refused row the first field its reason names: `5,error,list_price`).
func importCSV(_ app: Application, _ org: TestOrganisation, into resource: String, _ csv: String,
               duplicates: String = "skip") async throws -> (finished: [String: Any], report: [String]) {
    let started = try await app.testing().sendRequest(.POST, "api/v1/import/\(resource)?duplicates=\(duplicates)",
                                                      headers: org.admin.bearer.adding("Content-Type", "text/csv"),
                                                      body: ByteBuffer(string: csv))
    #expect(started.status == .accepted)
    let location = String(try #require(started.headers.first(name: .location)).dropFirst())
    let worker = JobWorker(id: "test", store: app.store, handlers: app.peyvand.jobHandlers, logger: app.logger)
    while try await worker.runOnce() > 0 {}
    let finished = try await app.testing().sendRequest(.GET, location, headers: org.admin.bearer)
    let report = try await app.testing().sendRequest(.GET, location + "/report", headers: org.admin.bearer.adding("Accept-Language", "en"))
    let lines = report.body.string.components(separatedBy: "\r\n").filter { !$0.isEmpty }.dropFirst()
    let outcomes = lines.map { line in
        let parts = line.split(separator: ",", maxSplits: 2).map(String.init)
        return parts[1] == "error" ? "\(parts[0]),error,\(parts[2].prefix { $0 != ":" })" : "\(parts[0]),\(parts[1])"
    }
    return (finished.json, outcomes)
}
