import PeyvandCore
import Plot
import Vapor

/// The HTML document every page shares: language and direction from the reader's language, the
/// one stylesheet, and (when signed in) the header with the user and a CSRF-protected sign-out.
enum Layout {
    struct SignedIn {
        var userName: String
        var csrfToken: String
    }

    static func document(title: String, language: PeyvandCore.Language, signedIn: SignedIn? = nil,
                         body: Node<HTML.BodyContext>) -> HTML {
        HTML(
            .attribute(named: "lang", value: language.rawValue),
            .attribute(named: "dir", value: language == .fa ? "rtl" : "ltr"),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Plot's `.title` also writes social-media meta tags; a CRM page wants none.
                .element(named: "title", text: "\(title) · \(UIText.appName.text(in: language))"),
                .stylesheet(SiteURL.asset("app.css").path)
            ),
            .body(
                .unwrap(signedIn) { header($0, language: language) },
                .element(named: "main", nodes: [.class("app-main"), body])
            )
        )
    }

    private static func header(_ signedIn: SignedIn, language: PeyvandCore.Language) -> Node<HTML.BodyContext> {
        .header(
            .class("app-header"),
            .a(.class("brand"), .href(SiteURL.home.path), .text(UIText.appName.text(in: language))),
            .div(
                .class("who"),
                .span(.attribute(named: "title", value: UIText.signedInAs.text(in: language)), .text(signedIn.userName)),
                .form(
                    .class("inline-form"), .method(.post), .action(SiteURL.logout.path),
                    CSRFField.node(signedIn.csrfToken),
                    .button(.class("quiet"), .type(.submit), .text(UIText.signOut.text(in: language)))
                )
            )
        )
    }

    /// A rendered page: UTF-8 HTML, never cached (pages carry personal data and CSRF tokens).
    static func response(_ html: HTML, status: HTTPStatus = .ok, headers extra: HTTPHeaders = [:]) -> Response {
        var headers = extra
        headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: html.render()))
    }
}

/// The hidden form field that carries the CSRF token of the session (or of the login form).
enum CSRFField {
    static let name = "_csrf"

    static func node(_ token: String) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name(name), .value(token))
    }
}
