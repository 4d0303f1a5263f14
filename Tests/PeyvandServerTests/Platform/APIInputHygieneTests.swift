import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// Odd input that once reached the database or hid other errors: each case is a clear 4xx.
@Suite("API input hygiene")
struct APIInputHygieneTests {
    @Test func a_NUL_character_in_a_body_is_422_and_writes_nothing() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let res = try await app.testing().sendRequest(.POST, "api/v1/teams", headers: org.admin.bearer.json,
                                                          body: ByteBuffer(string: #"{"name": "a\u0000b"}"#))
            #expect(res.status == .unprocessableEntity)
            #expect(res.problemFields == ["name"])
            #expect((res.json["errors"] as? [[String: Any]])?.first?["code"] as? String == "invalid_characters")
            #expect(try await Team.query(on: app.db).count() == 0)
        }
    }

    @Test func a_NUL_character_in_a_query_parameter_is_422() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let res = try await app.testing().sendRequest(.GET, "api/v1/audit-log?record_type=a%00b&limit=0", headers: org.admin.bearer)
            #expect(res.status == .unprocessableEntity)
            #expect(res.problemFields == ["limit", "record_type"])
        }
    }

    @Test func format_errors_and_missing_referenced_records_are_reported_together() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let body: [String: Any] = ["name": 5, "member_ids": [UUID().uuidString]]
            let res = try await app.testing().sendRequest(.POST, "api/v1/teams", headers: org.admin.bearer.json, body: jsonBody(body))
            #expect(res.status == .unprocessableEntity)
            #expect(res.problemFields == ["member_ids", "name"])
        }
    }

    @Test func a_blank_idempotency_key_is_required_not_too_long() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let res = try await app.testing().sendRequest(.POST, "api/v1/teams", headers: org.admin.bearer.json.adding("Idempotency-Key", " "),
                                                          body: jsonBody(["name": "A"]))
            #expect(res.status == .unprocessableEntity)
            #expect((res.json["errors"] as? [[String: Any]])?.first?["code"] as? String == "required")
            #expect(try await Team.query(on: app.db).count() == 0)
        }
    }

    @Test func if_match_star_matches_any_existing_record_only() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let team = try await org.makeTeam("A")
            let star = org.admin.bearer.json.adding("If-Match", "*")
            let existing = try await app.testing().sendRequest(.PATCH, "api/v1/teams/\(team)", headers: star, body: jsonBody(["name": "B"]))
            #expect(existing.status == .ok)
            let missing = try await app.testing().sendRequest(.PATCH, "api/v1/teams/\(UUID())", headers: star, body: jsonBody(["name": "C"]))
            #expect(missing.status == .notFound)
        }
    }
}
