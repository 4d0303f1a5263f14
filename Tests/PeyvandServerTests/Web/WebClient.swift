import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// A signed-in browser for page tests: the session cookie, the session's CSRF token (read from
/// a page, as a browser gets it), and form posts encoded as a browser sends them.
struct WebClient {
    let app: Application
    let session: String
    let csrf: String

    static func signIn(_ app: Application, email: String) async throws -> WebClient {
        let browser = try await Browser.signIn(app, email: email)
        let home = try await app.testing().sendRequest(.GET, "/", headers: browser.headers)
        let token = try #require(Self.firstMatch(#"name="_csrf" value="([^"]+)""#, in: home.body.string))
        return WebClient(app: app, session: browser.session, csrf: token)
    }

    var cookie: HTTPHeaders { ["Cookie": "\(WebCookies.session)=\(session)"] }

    func get(_ path: String) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.GET, path, headers: cookie)
    }

    /// Posts the fields in order (names may repeat, as ticked boxes do), with the CSRF token
    /// unless `withToken` is false.
    func post(_ path: String, _ fields: [(String, String)], withToken: Bool = true) async throws -> TestingHTTPResponse {
        var headers = cookie
        headers.add(name: .contentType, value: "application/x-www-form-urlencoded")
        let all = (withToken ? [(CSRFField.name, csrf)] : []) + fields
        return try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: Self.encode(all)))
    }

    static func encode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
    }

    static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[range])
    }

    /// The record id a create redirected to (`/contacts/{id}`).
    static func createdID(_ response: TestingHTTPResponse) throws -> UUID {
        let location = try #require(response.headers.first(name: .location))
        return try #require(UUID(uuidString: String(location.split(separator: "/").last ?? "")))
    }
}
