import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// Every error status of API.md, with its problem+json body, in the caller's language.
@Suite("API conventions")
struct APIConventionTests {
    @Test func malformed_json_is_400_problem_and_writes_nothing() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let res = try await app.testing().sendRequest(.POST, "api/v1/teams", headers: org.admin.bearer.json, body: ByteBuffer(string: "{bad"))
            #expect(res.status == .badRequest)
            #expect(res.headers.contentType?.subType == "problem+json")
            #expect(res.json["type"] as? String == "urn:peyvand:problem:malformed-json")
            #expect(try await Team.query(on: app.db).count() == 0)
        }
    }

    @Test func missing_or_bad_token_is_401() async throws {
        try await withApp { app in
            let missing = try await app.testing().sendRequest(.GET, "api/v1/me")
            #expect(missing.status == .unauthorized)
            #expect(missing.headers.first(name: .wwwAuthenticate) == "Bearer")
            let bad = try await app.testing().sendRequest(.GET, "api/v1/me", headers: ["Authorization": "Bearer nope"])
            #expect(bad.status == .unauthorized)
        }
    }

    @Test func action_outside_the_role_is_403() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let rep = try await org.addMember(role: .salesRep)
            let res = try await app.testing().sendRequest(.POST, "api/v1/teams", headers: rep.bearer.json, body: jsonBody(["name": "x"]))
            #expect(res.status == .forbidden)
            #expect(try await Team.query(on: app.db).count() == 0)
        }
    }

    @Test func unknown_route_is_404_and_wrong_method_is_405_with_allow() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let missing = try await app.testing().sendRequest(.GET, "api/v1/nothing-here", headers: org.admin.bearer)
            #expect(missing.status == .notFound)
            #expect(missing.json["status"] as? Int == 404)
            let wrongMethod = try await app.testing().sendRequest(.PUT, "api/v1/teams", headers: org.admin.bearer)
            #expect(wrongMethod.status == .methodNotAllowed)
            #expect(wrongMethod.headers.first(name: "Allow") == "GET, POST")
        }
    }

    @Test func another_organisations_record_is_404_never_403() async throws {
        try await withApp { app in
            let first = try await TestOrganisation.make(app, name: "First")
            let second = try await TestOrganisation.make(app, name: "Second")
            let teamOfFirst = try await first.makeTeam("Tehran")
            for path in ["api/v1/teams/\(teamOfFirst)", "api/v1/users/\(first.admin.id)"] {
                let res = try await app.testing().sendRequest(.GET, path, headers: second.admin.bearer)
                #expect(res.status == .notFound, "\(path)")
            }
            let patch = try await app.testing().sendRequest(.PATCH, "api/v1/teams/\(teamOfFirst)", headers: second.admin.bearer.json,
                                                            body: jsonBody(["name": "stolen"]))
            #expect(patch.status == .notFound)
            let list = try await app.testing().sendRequest(.GET, "api/v1/users", headers: second.admin.bearer)
            let emails = (list.json["data"] as? [[String: Any]] ?? []).compactMap { $0["email"] as? String }
            #expect(emails == [second.admin.user.email])
            #expect(try await Team.find(teamOfFirst, on: app.db)?.name == "Tehran")
        }
    }

    @Test func duplicate_email_is_409() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let roleID = try await Role.query(on: app.db).filter(\.$key == "sales_rep").first()!.id!
            let body: [String: Any] = ["email": org.admin.user.email.uppercased(), "name": "Twin", "password": "long-enough-123",
                                       "role_id": roleID.uuidString]
            let res = try await app.testing().sendRequest(.POST, "api/v1/users", headers: org.admin.bearer.json, body: jsonBody(body))
            #expect(res.status == .conflict)
            #expect(res.problemFields == ["email"])
        }
    }

    @Test func invalid_input_is_422_listing_every_bad_field_in_the_requested_language() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let body: [String: Any] = ["email": "not-an-email", "password": "short", "role_id": "xyz", "language": "de"]
            let english = try await app.testing().sendRequest(.POST, "api/v1/users", headers: org.admin.bearer.json, body: jsonBody(body))
            #expect(english.status == .unprocessableEntity)
            #expect(english.problemFields == ["email", "language", "name", "password", "role_id"])
            #expect(english.json["title"] as? String == "Some values are invalid.")

            let persian = try await app.testing().sendRequest(.POST, "api/v1/users",
                                                              headers: org.admin.bearer.json.adding("Accept-Language", "fa-IR,fa;q=0.9"),
                                                              body: jsonBody(body))
            #expect(persian.json["title"] as? String == "برخی از مقادیر نامعتبرند.")
            #expect(try await User.query(on: app.db).count() == 1)
        }
    }

    @Test func oversized_body_is_413() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let huge = "{\"name\": \"" + String(repeating: "ا", count: 800_000) + "\"}"
            let res = try await app.testing().sendRequest(.POST, "api/v1/teams", headers: org.admin.bearer.json, body: ByteBuffer(string: huge))
            #expect(res.status == .payloadTooLarge)
            #expect(res.json["type"] as? String == "urn:peyvand:problem:payload-too-large")
        }
    }

    @Test func stale_if_match_is_412_and_current_one_succeeds() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let created = try await app.testing().sendRequest(.POST, "api/v1/teams", headers: org.admin.bearer.json, body: jsonBody(["name": "A"]))
            #expect(created.status == .created)
            #expect(created.headers.first(name: .eTag) == "\"1\"")
            let location = try #require(created.headers.first(name: .location))
            let path = String(location.dropFirst())

            let first = try await app.testing().sendRequest(.PATCH, path, headers: org.admin.bearer.json.adding("If-Match", "\"1\""),
                                                            body: jsonBody(["name": "B"]))
            #expect(first.status == .ok)
            #expect(first.headers.first(name: .eTag) == "\"2\"")

            let stale = try await app.testing().sendRequest(.PATCH, path, headers: org.admin.bearer.json.adding("If-Match", "\"1\""),
                                                            body: jsonBody(["name": "C"]))
            #expect(stale.status == .preconditionFailed)
            let read = try await app.testing().sendRequest(.GET, path, headers: org.admin.bearer)
            #expect(read.json["name"] as? String == "B")
            #expect(read.headers.first(name: .eTag) == "\"2\"")
        }
    }

    @Test func idempotent_post_retry_returns_the_first_result_and_creates_nothing_new() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let headers = org.admin.bearer.json.adding("Idempotency-Key", "retry-1")
            let first = try await app.testing().sendRequest(.POST, "api/v1/teams", headers: headers, body: jsonBody(["name": "Once"]))
            let second = try await app.testing().sendRequest(.POST, "api/v1/teams", headers: headers, body: jsonBody(["name": "Once"]))
            #expect(first.status == .created)
            #expect(second.status == .created)
            #expect(second.json["id"] as? String == first.json["id"] as? String)
            #expect(second.headers.first(name: .location) == first.headers.first(name: .location))
            #expect(try await Team.query(on: app.db).count() == 1)

            let reused = try await app.testing().sendRequest(.POST, "api/v1/teams", headers: headers, body: jsonBody(["name": "Other"]))
            #expect(reused.status == .unprocessableEntity)
            #expect(try await Team.query(on: app.db).count() == 1)
        }
    }

    @Test func every_response_carries_a_request_id_and_security_headers() async throws {
        try await withApp { app in
            let given = try await app.testing().sendRequest(.GET, "healthz", headers: ["X-Request-Id": "trace-abc"])
            #expect(given.headers.first(name: .xRequestId) == "trace-abc")
            let error = try await app.testing().sendRequest(.GET, "api/v1/me")
            #expect(error.headers.first(name: .xRequestId)?.isEmpty == false)
            #expect(error.json["request_id"] as? String == error.headers.first(name: .xRequestId))
            #expect(error.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true)
        }
    }

    @Test func lists_page_with_a_stable_cursor() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            for index in 1...5 { _ = try await org.makeTeam("Team \(index)") }
            var names: [String] = []
            var cursor: String?
            repeat {
                let path = "api/v1/teams?limit=2&sort=created_at" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await app.testing().sendRequest(.GET, path, headers: org.admin.bearer)
                #expect(page.status == .ok)
                names += (page.json["data"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                cursor = page.json["next_cursor"] as? String
            } while cursor != nil
            #expect(names == (1...5).map { "Team \($0)" })
            let bad = try await app.testing().sendRequest(.GET, "api/v1/teams?limit=0&cursor=zzz", headers: org.admin.bearer)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.problemFields == ["cursor", "limit"])
        }
    }
}
