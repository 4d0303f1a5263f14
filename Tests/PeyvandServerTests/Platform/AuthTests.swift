import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

@Suite("Authentication")
struct AuthTests {
    @Test func login_issues_a_token_stored_only_as_a_digest_and_logout_revokes_it() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app, adminEmail: "boss@example.com")
            let login = try await app.testing().sendRequest(.POST, "api/v1/auth/login", headers: ["Content-Type": "application/json"],
                                                            body: jsonBody(["email": " Boss@Example.com ", "password": TestOrganisation.password]))
            #expect(login.status == .ok)
            let token = try #require(login.json["token"] as? String)
            #expect(try await APIToken.query(on: app.db).filter(\.$tokenHash == token).count() == 0)

            let me = try await app.testing().sendRequest(.GET, "api/v1/me", headers: ["Authorization": "Bearer \(token)"])
            #expect(me.status == .ok)
            #expect((me.json["user"] as? [String: Any])?["email"] as? String == "boss@example.com")
            #expect((me.json["role"] as? [String: Any])?["key"] as? String == "admin")
            #expect((me.json["organisation"] as? [String: Any])?["id"] as? String == org.id.uuidString)

            let logout = try await app.testing().sendRequest(.POST, "api/v1/auth/logout", headers: ["Authorization": "Bearer \(token)"])
            #expect(logout.status == .noContent)
            let after = try await app.testing().sendRequest(.GET, "api/v1/me", headers: ["Authorization": "Bearer \(token)"])
            #expect(after.status == .unauthorized)
        }
    }

    @Test func expired_tokens_are_refused() async throws {
        let clock = TestClock()
        try await withApp(clock: clock) { app in
            let org = try await TestOrganisation.make(app)
            clock.advance(by: 31 * 24 * 3600)
            let res = try await app.testing().sendRequest(.GET, "api/v1/me", headers: org.admin.bearer)
            #expect(res.status == .unauthorized)
        }
    }

    @Test func repeated_failures_for_an_account_are_throttled_with_retry_after() async throws {
        let clock = TestClock()
        try await withApp(clock: clock) { app in
            _ = try await TestOrganisation.make(app, adminEmail: "target@example.com")
            func attempt(_ password: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(.POST, "api/v1/auth/login", headers: ["Content-Type": "application/json"],
                                                    body: jsonBody(["email": "target@example.com", "password": password]))
            }
            for _ in 1...5 { #expect(try await attempt("wrong-password-1").status == .unauthorized) }
            let throttled = try await attempt(TestOrganisation.password)
            #expect(throttled.status == .tooManyRequests)
            #expect(Int(throttled.headers.first(name: .retryAfter) ?? "") == 900)

            clock.advance(by: 901)
            #expect(try await attempt(TestOrganisation.password).status == .ok)
        }
    }

    @Test func many_failures_from_one_address_are_throttled_across_accounts() async throws {
        try await withApp { app in
            _ = try await TestOrganisation.make(app, adminEmail: "victim@example.com")
            // A real socket, so the server sees the caller's address (127.0.0.1).
            let client = try app.testing(method: .running(port: 0))
            func attempt(_ email: String, _ password: String) async throws -> TestingHTTPResponse {
                try await client.sendRequest(.POST, "api/v1/auth/login", headers: ["Content-Type": "application/json"],
                                             body: jsonBody(["email": email, "password": password]))
            }
            for index in 1...30 {
                #expect(try await attempt("guess-\(index)@example.com", "wrong-password-1").status == .unauthorized)
            }
            let throttled = try await attempt("victim@example.com", TestOrganisation.password)
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.headers.first(name: .retryAfter) != nil)
        }
    }

    @Test func throttling_is_shared_by_every_server_instance_through_the_database() async throws {
        try await withApp { app in
            _ = try await TestOrganisation.make(app, adminEmail: "shared@example.com")
            var first = AuthService(store: app.store, hasher: app.peyvand.hasher, pepper: "p")
            first.throttle.perAccount.maxFailures = 3
            var second = AuthService(store: app.store, hasher: app.peyvand.hasher, pepper: "p")
            second.throttle.perAccount.maxFailures = 3
            for service in [first, second, first] {
                await #expect(throws: PlatformError.invalidCredentials) {
                    _ = try await service.signIn(email: "shared@example.com", password: "nope-nope-1", address: "10.0.0.9", issuing: .webSession)
                }
            }
            await #expect(throws: PlatformError.loginThrottled(retryAfterSeconds: 900)) {
                _ = try await second.signIn(email: "shared@example.com", password: TestOrganisation.password, address: nil, issuing: .webSession)
            }
        }
    }

    @Test func deactivated_users_lose_access_at_once_and_the_last_admin_is_kept() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let rep = try await org.addMember(role: .salesRep)
            let off = try await app.testing().sendRequest(.PATCH, "api/v1/users/\(rep.id)", headers: org.admin.bearer.json, body: jsonBody(["is_active": false]))
            #expect(off.status == .ok)
            #expect(try await app.testing().sendRequest(.GET, "api/v1/me", headers: rep.bearer).status == .unauthorized)

            let lastAdmin = try await app.testing().sendRequest(.PATCH, "api/v1/users/\(org.admin.id)", headers: org.admin.bearer.json,
                                                                body: jsonBody(["is_active": false]))
            #expect(lastAdmin.status == .conflict)
            #expect(lastAdmin.json["type"] as? String == "urn:peyvand:problem:last-administrator")
        }
    }

    @Test func web_sessions_carry_a_csrf_token_and_are_revocable() async throws {
        try await withApp { app in
            _ = try await TestOrganisation.make(app, adminEmail: "web@example.com")
            let auth = AuthService(store: app.store, hasher: app.peyvand.hasher, pepper: app.peyvand.settings.secret)
            let issued = try await auth.signIn(email: "web@example.com", password: TestOrganisation.password, address: "127.0.0.1", issuing: .webSession)
            let (context, csrf) = try await auth.context(forSession: issued.secret, language: nil, requestID: nil)
            #expect(context.userID == issued.user.id)
            #expect(csrf == issued.csrfToken)
            try await auth.signOut(secret: issued.secret)
            await #expect(throws: PlatformError.unauthenticated) {
                _ = try await auth.context(forSession: issued.secret, language: nil, requestID: nil)
            }
        }
    }
}
