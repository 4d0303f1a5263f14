import PeyvandCore
import Plot
import Vapor

/// The HTML document every page shares: language and direction from the reader's language, the
/// one stylesheet and script, and (when signed in) the header with navigation, the global search
/// box, the language switch and a CSRF-protected sign-out.
enum Layout {
    /// The parts of the app the navigation links to.
    enum Section: CaseIterable {
        case home, accounts, contacts, leads, opportunities, quotes, products, activities, cases, knowledge

        var url: SiteURL {
            switch self {
            case .home: .home
            case .accounts: .records(.accounts)
            case .contacts: .records(.contacts)
            case .leads: .records(.leads)
            case .opportunities: .board
            case .quotes: .records(.quotes)
            case .products: .records(.products)
            case .activities: .activities
            case .cases: .records(.cases)
            case .knowledge: .records(.knowledge)
            }
        }

        /// The module a reader must be able to read for the section to be offered.
        var module: PermissionModule? {
            switch self {
            case .home: nil
            case .accounts: .accounts
            case .contacts: .contacts
            case .leads: .leads
            case .opportunities: .opportunities
            case .quotes: .quotes
            case .products: .products
            case .activities: .activities
            case .cases: .cases
            case .knowledge: .knowledge
            }
        }

        var label: UIText {
            switch self {
            case .home: .home
            case .accounts: .accounts
            case .contacts: .contacts
            case .leads: .leads
            case .opportunities: .opportunities
            case .quotes: .quotes
            case .products: .products
            case .activities: .activities
            case .cases: .cases
            case .knowledge: .knowledge
            }
        }
    }

    struct SignedIn {
        var userName: String
        var csrfToken: String
        var section: Section? = nil
        /// This page's address, where switching language returns to.
        var path: String = SiteURL.home.path
        var search: String? = nil
        var showsAdministration = false
        /// The sections the reader's role lets them read.
        var sections: [Section] = Section.allCases
    }

    static func document(title: String, language: PeyvandCore.Language, signedIn: SignedIn? = nil,
                         body: Node<HTML.BodyContext>) -> HTML {
        HTML(
            .attribute(named: "lang", value: language.rawValue),
            .attribute(named: "dir", value: language == .fa ? "rtl" : "ltr"),
            // The calendar the date pickers show: Jalali for Persian readers, Gregorian for English.
            .attribute(named: "data-calendar", value: language == .fa ? "persian" : "gregory"),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Plot's `.title` also writes social-media meta tags; a CRM page wants none.
                .element(named: "title", text: "\(title) · \(UIText.appName.text(in: language))"),
                .stylesheet(SiteURL.asset("app.css").path),
                .script(.src(SiteURL.asset("app.js").path), .attribute(named: "defer", value: "defer"))
            ),
            .body(
                .unwrap(signedIn) { header($0, language: language) },
                .element(named: "main", nodes: [.class("app-main"), .id("main"), body])
            )
        )
    }

    private static func header(_ signedIn: SignedIn, language: PeyvandCore.Language) -> Node<HTML.BodyContext> {
        let other: PeyvandCore.Language = language == .fa ? .en : .fa
        return .header(
            .class("app-header"),
            .a(.class("skip-link"), .href("#main"), .text(UIText.skipToContent.text(in: language))),
            .a(.class("brand"), .href(SiteURL.home.path), .text(UIText.appName.text(in: language))),
            .nav(
                .class("app-nav"), .attribute(named: "aria-label", value: UIText.mainNavigation.text(in: language)),
                .forEach(signedIn.sections) { section in
                    .a(.href(section.url.path), .attribute(named: "aria-current", value: section == signedIn.section ? "page" : nil),
                       .text(section.label.text(in: language)))
                },
                .if(signedIn.showsAdministration, .a(.href(SiteURL.admin("").path), .text(AdminText.administration.text(in: language))))
            ),
            .form(
                .class("global-search"), .method(.get), .action(SiteURL.search.path), .attribute(named: "role", value: "search"),
                .label(.for("global-search"), .class("visually-hidden"), .text(UIText.searchEverything.text(in: language))),
                .input(.id("global-search"), .type(.search), .name("q"), .attribute(named: "value", value: signedIn.search?.attributeEscaped),
                       .placeholder(UIText.searchEverything.text(in: language)), .attribute(named: "autocomplete", value: "off"),
                       .attribute(named: "data-suggest", value: SiteURL.searchSuggestions.path))
            ),
            .div(
                .class("who"),
                .a(.href(SiteURL.password.path), .attribute(named: "title", value: UIText.changePassword.text(in: language)),
                   .text(signedIn.userName)),
                .form(
                    .class("inline-form"), .method(.post), .action(SiteURL.language.path),
                    CSRFField.node(signedIn.csrfToken),
                    .input(.type(.hidden), .name("language"), .value(other.rawValue)),
                    .input(.type(.hidden), .name("next"), .value(signedIn.path.attributeEscaped)),
                    .button(.class("quiet"), .type(.submit), .attribute(named: "lang", value: other.rawValue),
                            .text(other == .en ? "English" : "فارسی"))
                ),
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
