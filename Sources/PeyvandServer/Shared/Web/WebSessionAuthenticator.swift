import PeyvandCore
import Vapor

/// Signs a browser request in from its session cookie and guards every state-changing request
/// with the session's CSRF token. Without a valid session, a page request is sent to the login
/// page (and back afterwards); anything else is refused.
struct WebSessionAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let secret = request.cookies[WebCookies.session]?.string, !secret.isEmpty else {
            return try signInFirst(request)
        }
        let context: RequestContext
        let csrfToken: String
        do {
            (context, csrfToken) = try await request.authService.context(forSession: secret, language: nil, requestID: request.id)
        } catch PlatformError.unauthenticated {
            return try signInFirst(request)
        }
        request.setActor(context)
        request.webSession = WebSessionInfo(secret: secret, csrfToken: csrfToken)
        request.logger[metadataKey: "user-id"] = "\(context.userID)"
        request.logger[metadataKey: "org-id"] = "\(context.organisationID)"
        if !Self.isSafe(request.method) {
            try await CSRFCheck.verify(request, expected: csrfToken)
        }
        return try await next.respond(to: request)
    }

    static func isSafe(_ method: HTTPMethod) -> Bool {
        [.GET, .HEAD, .OPTIONS].contains(method)
    }

    private func signInFirst(_ request: Request) throws -> Response {
        guard Self.isSafe(request.method) else { throw PlatformError.unauthenticated }
        var target = request.url.path
        if let query = request.url.query { target += "?\(query)" }
        var login = URLComponents()
        login.path = SiteURL.login.path
        if target != SiteURL.home.path { login.queryItems = [URLQueryItem(name: "next", value: target)] }
        return request.redirect(to: login.string ?? SiteURL.login.path, redirectType: .normal)
    }
}

/// Compares the token a form or script sent (`_csrf` field or `X-CSRF-Token` header) with the
/// expected one, in constant time.
enum CSRFCheck {
    static func verify(_ request: Request, expected: String) async throws {
        let sent = try await submittedToken(request)
        guard let sent, isEqual(sent, expected) else {
            request.logger.notice("CSRF token missing or wrong")
            throw HTTPProblem(code: .forbidden, status: .forbidden)
        }
    }

    static func submittedToken(_ request: Request) async throws -> String? {
        if let header = request.headers.first(name: "X-CSRF-Token") { return header }
        guard request.headers.contentType == .urlEncodedForm || request.headers.contentType == .formData else { return nil }
        // A file upload (multipart) carries its token in the same body as the file.
        let limit = request.headers.contentType == .formData ? ImportExportAPI.maximumFileSize : request.application.routes.defaultMaxBodySize
        _ = try await request.body.collect(max: limit.value).get()
        return try? request.content.get(String.self, at: CSRFField.name)
    }

    static func isEqual(_ first: String, _ second: String) -> Bool {
        let a = Array(first.utf8), b = Array(second.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
