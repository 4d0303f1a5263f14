import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// First-run setup on an empty database, and a user changing their own password.
@Suite("Web setup and password")
struct SetupAndPasswordTests {
    @Test func an_empty_database_sends_login_to_setup_which_makes_the_first_admin_once() async throws {
        try await withApp { app in
            let login = try await app.testing().sendRequest(.GET, "/login")
            #expect(login.headers.first(name: .location) == "/login/setup")
            let form = try await app.testing().sendRequest(.GET, "/login/setup")
            let token = try #require(form.cookie(WebCookies.loginCSRF))
            let headers = Browser.formHeaders(cookie: "\(WebCookies.loginCSRF)=\(token)")

            let weak = try await app.testing().sendRequest(.POST, "/login/setup", headers: headers, body: ByteBuffer(string: WebClient.encode([
                ("_csrf", token), ("organisation", "پخش البرز"), ("name", "Mina"), ("email", "mina@example.com"), ("password", "short"),
            ])))
            #expect(weak.status == .unprocessableEntity)
            #expect(weak.body.string.contains(#"id="field-password-error""#))
            #expect(weak.body.string.contains(#"value="پخش البرز""#))
            #expect(try await Organisation.query(on: app.db).count() == 0)

            let made = try await app.testing().sendRequest(.POST, "/login/setup", headers: headers, body: ByteBuffer(string: WebClient.encode([
                ("_csrf", token), ("organisation", "پخش البرز"), ("name", "Mina"), ("email", "mina@example.com"), ("password", "a-good-pass-1405"),
            ])))
            #expect(made.status == .seeOther)
            #expect(made.cookie(WebCookies.session) != nil)
            let admin = try #require(try await User.query(on: app.db).first())
            #expect(admin.email == "mina@example.com")
            #expect(try await Organisation.query(on: app.db).first()?.name == "پخش البرز")

            let again = try await app.testing().sendRequest(.GET, "/login/setup")
            #expect(again.headers.first(name: .location) == "/login")
        }
    }

    @Test func a_user_changes_their_password_after_giving_the_current_one() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let mismatch = try await web.post("/preferences/password", [
                ("current_password", TestOrganisation.password), ("new_password", "new-pass-2026"), ("confirm_password", "new-pass-2027"),
            ])
            #expect(mismatch.status == .unprocessableEntity)
            #expect(mismatch.body.string.contains("دو گذرواژه یکی نیستند."))
            let wrong = try await web.post("/preferences/password", [
                ("current_password", "not-it-123"), ("new_password", "new-pass-2026"), ("confirm_password", "new-pass-2026"),
            ])
            #expect(wrong.body.string.contains(#"id="field-current_password-error""#))
            let changed = try await web.post("/preferences/password", [
                ("current_password", TestOrganisation.password), ("new_password", "new-pass-2026"), ("confirm_password", "new-pass-2026"),
            ])
            #expect(changed.status == .seeOther)
            let user = try #require(try await User.find(org.admin.id, on: app.db))
            #expect(try app.peyvand.hasher.verify("new-pass-2026", against: user.passwordHash))
        }
    }
}
