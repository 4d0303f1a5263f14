import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// The browser's way in: login form with its own CSRF token, a server-side session cookie, and
/// CSRF checks on every state-changing page request.
@Suite("Web sessions and CSRF")
struct WebSessionTests {
    @Test func pages_send_a_visitor_without_a_session_to_login_and_back() async throws {
        try await withApp { app in
            let home = try await app.testing().sendRequest(.GET, "/")
            #expect(home.status == .seeOther)
            #expect(home.headers.first(name: .location) == "/login")
            let deep = try await app.testing().sendRequest(.GET, "/?tab=2")
            #expect(deep.headers.first(name: .location) == "/login?next=/?tab%3D2")
        }
    }

    @Test func the_login_form_is_persian_rtl_by_default_and_carries_a_csrf_token() async throws {
        try await withApp { app in
            _ = try await TestOrganisation.make(app)
            let page = try await app.testing().sendRequest(.GET, "/login")
            #expect(page.status == .ok)
            #expect(page.headers.first(name: .contentType) == "text/html; charset=utf-8")
            #expect(page.body.string.contains(#"<html lang="fa" dir="rtl""#))
            #expect(page.body.string.contains("ورود به پیوند"))
            let token = try #require(page.cookie(WebCookies.loginCSRF))
            #expect(page.body.string.contains(#"name="_csrf" value="\#(token)""#))
            #expect(page.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)

            let english = try await app.testing().sendRequest(.GET, "/login", headers: ["Accept-Language": "en"])
            #expect(english.body.string.contains(#"<html lang="en" dir="ltr""#))
        }
    }

    @Test func signing_in_sets_an_http_only_session_cookie_stored_only_as_a_digest() async throws {
        try await withApp { app in
            _ = try await TestOrganisation.make(app, adminEmail: "web@example.com")
            let browser = try await Browser.signIn(app, email: "web@example.com", next: "/?tab=2")
            #expect(browser.landing == "/?tab=2")
            #expect(browser.setCookie.contains("HttpOnly"))
            #expect(browser.setCookie.contains("SameSite=Lax"))
            #expect(try await WebSession.query(on: app.db).filter(\.$tokenHash == browser.session).count() == 0)
            #expect(try await WebSession.query(on: app.db).count() == 1)

            let home = try await app.testing().sendRequest(.GET, "/", headers: browser.headers)
            #expect(home.status == .ok)
            #expect(home.body.string.contains("Admin"))
            #expect(home.headers.first(name: .cacheControl) == "no-store")
        }
    }

    @Test func a_wrong_password_keeps_the_email_and_shows_the_error_without_a_session() async throws {
        try await withApp { app in
            _ = try await TestOrganisation.make(app, adminEmail: "web@example.com")
            let (token, cookie) = try await Browser.loginForm(app)
            let res = try await app.testing().sendRequest(.POST, "/login", headers: Browser.formHeaders(cookie: cookie),
                                                          body: Browser.form(["email": "web@example.com", "password": "wrong-one-123", "_csrf": token]))
            #expect(res.status == .unauthorized)
            #expect(res.body.string.contains("ایمیل یا گذرواژه نادرست است."))
            #expect(res.body.string.contains(#"value="web@example.com""#))
            #expect(res.cookie(WebCookies.session) == nil)
            #expect(try await WebSession.query(on: app.db).count() == 0)
        }
    }

    @Test func empty_fields_get_their_message_next_to_them() async throws {
        try await withApp { app in
            _ = try await TestOrganisation.make(app)
            let (token, cookie) = try await Browser.loginForm(app)
            let res = try await app.testing().sendRequest(.POST, "/login", headers: Browser.formHeaders(cookie: cookie, language: "en"),
                                                          body: Browser.form(["email": " ", "password": "", "_csrf": token]))
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains(#"<p id="field-email-error" class="field-error">This value is required.</p>"#))
            #expect(res.body.string.contains(#"<p id="field-password-error" class="field-error">This value is required.</p>"#))
        }
    }

    @Test func a_login_post_without_its_csrf_token_is_refused() async throws {
        try await withApp { app in
            _ = try await TestOrganisation.make(app, adminEmail: "web@example.com")
            let res = try await app.testing().sendRequest(.POST, "/login", headers: Browser.formHeaders(cookie: nil),
                                                          body: Browser.form(["email": "web@example.com", "password": TestOrganisation.password,
                                                                              "_csrf": "forged"]))
            #expect(res.status == .forbidden)
            #expect(res.body.string.contains(#"value="web@example.com""#))
            #expect(try await WebSession.query(on: app.db).count() == 0)
        }
    }

    @Test func sign_out_needs_the_session_csrf_token_and_then_revokes_the_session() async throws {
        try await withApp { app in
            _ = try await TestOrganisation.make(app, adminEmail: "web@example.com")
            let browser = try await Browser.signIn(app, email: "web@example.com")
            let home = try await app.testing().sendRequest(.GET, "/", headers: browser.headers)
            let csrf = try #require(home.body.string.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1).description

            let forged = try await app.testing().sendRequest(.POST, "/logout", headers: Browser.formHeaders(cookie: nil, session: browser.session),
                                                             body: Browser.form(["_csrf": "nope"]))
            #expect(forged.status == .forbidden)
            #expect(forged.headers.first(name: .contentType) == "text/html; charset=utf-8")
            #expect(try await app.testing().sendRequest(.GET, "/", headers: browser.headers).status == .ok)

            let real = try await app.testing().sendRequest(.POST, "/logout", headers: Browser.formHeaders(cookie: nil, session: browser.session),
                                                           body: Browser.form(["_csrf": csrf]))
            #expect(real.status == .seeOther)
            #expect(real.headers.first(name: .location) == "/login")
            #expect(try await app.testing().sendRequest(.GET, "/", headers: browser.headers).status == .seeOther)
        }
    }

    @Test func next_never_leads_off_site() async throws {
        try await withApp { app in
            _ = try await TestOrganisation.make(app, adminEmail: "web@example.com")
            for target in ["//evil.example/", "https://evil.example/", "/\\evil.example"] {
                let browser = try await Browser.signIn(app, email: "web@example.com", next: target)
                #expect(browser.landing == "/", "\(target)")
            }
        }
    }

    @Test func names_are_escaped_in_pages() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app, adminEmail: "web@example.com")
            try await User.query(on: app.db).filter(\.$id == org.admin.id).set(\.$name, to: "<script>alert(1)</script>").update()
            let browser = try await Browser.signIn(app, email: "web@example.com")
            let home = try await app.testing().sendRequest(.GET, "/", headers: browser.headers)
            #expect(!home.body.string.contains("<script>alert(1)"))
            #expect(home.body.string.contains("&lt;script&gt;"))
        }
    }

    @Test func the_stylesheet_is_served_with_an_etag_and_unknown_pages_get_an_html_error() async throws {
        try await withApp { app in
            let css = try await app.testing().sendRequest(.GET, "/assets/app.css")
            #expect(css.status == .ok)
            #expect(css.headers.first(name: .contentType) == "text/css; charset=utf-8")
            let etag = try #require(css.headers.first(name: .eTag))
            let again = try await app.testing().sendRequest(.GET, "/assets/app.css", headers: ["If-None-Match": etag])
            #expect(again.status == .notModified)
            let missing = try await app.testing().sendRequest(.GET, "/assets/nothing.css")
            #expect(missing.status == .notFound)
            #expect(missing.body.string.contains("پیدا نشد."))
        }
    }
}

/// A browser's view of the login flow: the form's CSRF cookie, the session cookie it ends with.
struct Browser {
    let session: String
    let setCookie: String
    let landing: String?

    var headers: HTTPHeaders { ["Cookie": "\(WebCookies.session)=\(session)"] }

    static func loginForm(_ app: Application) async throws -> (token: String, cookie: String) {
        let page = try await app.testing().sendRequest(.GET, "/login")
        let token = try #require(page.cookie(WebCookies.loginCSRF))
        return (token, "\(WebCookies.loginCSRF)=\(token)")
    }

    static func signIn(_ app: Application, email: String, next: String? = nil) async throws -> Browser {
        let (token, cookie) = try await loginForm(app)
        var fields = ["email": email, "password": TestOrganisation.password, "_csrf": token]
        if let next { fields["next"] = next }
        let res = try await app.testing().sendRequest(.POST, "/login", headers: formHeaders(cookie: cookie), body: form(fields))
        #expect(res.status == .seeOther)
        let session = try #require(res.cookie(WebCookies.session))
        let header = res.headers[.setCookie].first { $0.hasPrefix(WebCookies.session) } ?? ""
        return Browser(session: session, setCookie: header, landing: res.headers.first(name: .location))
    }

    static func formHeaders(cookie: String?, session: String? = nil, language: String? = nil) -> HTTPHeaders {
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        let cookies = [cookie, session.map { "\(WebCookies.session)=\($0)" }].compactMap { $0 }
        if !cookies.isEmpty { headers.add(name: "Cookie", value: cookies.joined(separator: "; ")) }
        if let language { headers.add(name: "Accept-Language", value: language) }
        return headers
    }

    static func form(_ fields: [String: String]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = fields.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }
        return ByteBuffer(string: encoded.joined(separator: "&"))
    }
}

extension TestingHTTPResponse {
    /// The value a `Set-Cookie` header gives the named cookie (nil when unset or being cleared).
    func cookie(_ name: String) -> String? {
        for header in headers[.setCookie] where header.hasPrefix("\(name)=") {
            let value = header.dropFirst(name.count + 1).prefix { $0 != ";" }
            return value.isEmpty ? nil : String(value)
        }
        return nil
    }
}
