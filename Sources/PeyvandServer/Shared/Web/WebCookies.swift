import Foundation
import Vapor

/// The browser UI's cookies: HttpOnly, SameSite, and Secure whenever the request came over HTTPS
/// (directly or through a proxy that says so).
enum WebCookies {
    static let session = "peyvand_session"
    /// Double-submit token of the login form, which has no session yet to hold one.
    static let loginCSRF = "peyvand_login_csrf"

    static func session(_ secret: String, expiresAt: Date, for request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(string: secret, expires: expiresAt, path: "/", isSecure: isSecure(request), isHTTPOnly: true, sameSite: .lax)
    }

    static func loginCSRF(_ token: String, for request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, maxAge: 2 * 3600, path: SiteURL.login.path, isSecure: isSecure(request),
                          isHTTPOnly: true, sameSite: .strict)
    }

    static func expired(path: String = "/") -> HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: path, isHTTPOnly: true, sameSite: .lax)
    }

    private static func isSecure(_ request: Request) -> Bool {
        request.url.scheme == "https" || request.headers.first(name: "X-Forwarded-Proto") == "https"
    }
}

/// The signed-in browser session of a request; set by `WebSessionAuthenticator`.
struct WebSessionInfo: Sendable {
    var secret: String
    var csrfToken: String
}

extension Request {
    private struct WebSessionKey: StorageKey {
        typealias Value = WebSessionInfo
    }

    var webSession: WebSessionInfo? {
        get { storage[WebSessionKey.self] }
        set { storage[WebSessionKey.self] = newValue }
    }
}
