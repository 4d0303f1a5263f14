import Foundation
import PeyvandCore
import Plot
import Vapor

/// What every signed-in page handler starts from: who is asking, in which language and zone,
/// the session's CSRF token for its forms, and how to answer with a page or a redirect.
struct WebPage {
    let request: Request
    let context: RequestContext
    let csrfToken: String
    var display: Display

    init(_ request: Request) throws {
        self.request = request
        context = try request.actor
        csrfToken = request.webSession?.csrfToken ?? ""
        display = Display(context)
    }

    var language: PeyvandCore.Language { context.language }
    var store: Store { request.store }

    func text(_ key: UIText) -> String { key.text(in: language) }

    /// Reads the organisation's money display unit, for pages that show amounts.
    mutating func loadMoneySettings() async throws {
        let organisation = try await Organisation.find(context.organisationID, on: store.database)
        display.moneyUnit = organisation?.moneyUnit == "rial" ? .rial : .toman
    }

    /// The address of this page as requested (path and query), where the language switch returns.
    var currentPath: String {
        request.url.query.map { "\(request.url.path)?\($0)" } ?? request.url.path
    }

    func render(_ title: String, section: Layout.Section?, status: HTTPStatus = .ok, search: String? = nil,
                _ body: Node<HTML.BodyContext>) -> Response {
        let chrome = Layout.SignedIn(userName: context.userName, csrfToken: csrfToken, section: section,
                                     path: request.method == .GET ? currentPath : request.url.path, search: search,
                                     showsAdministration: context.permissions.scope(for: .administration, .read) != nil,
                                     sections: Layout.Section.allCases.filter { section in
                                         section.module.map { context.permissions.scope(for: $0, .read) != nil } ?? true
                                     })
        return Layout.response(Layout.document(title: title, language: language, signedIn: chrome, body: body), status: status)
    }

    /// After a successful POST: 303 See Other, so reloading the next page never resubmits.
    func redirect(to path: String) -> Response {
        request.redirect(to: path, redirectType: .normal)
    }

    /// A form bound to this session: method POST, the CSRF token, and no browser validation
    /// (the server's messages, in the user's language, are the ones shown).
    func form(action: String, class className: String = "record-form", _ nodes: Node<HTML.FormContext>...) -> Node<HTML.BodyContext> {
        .form(.class(className), .method(.post), .action(action), .attribute(named: "novalidate", value: "novalidate"),
              CSRFField.node(csrfToken), .group(nodes))
    }

    /// A one-button form, e.g. delete or a stage move.
    func button(_ label: String, posting action: String, hidden: [(String, String)] = [], class className: String = "quiet",
                confirm: String? = nil) -> Node<HTML.BodyContext> {
        .form(.class("inline-form"), .method(.post), .action(action),
              CSRFField.node(csrfToken),
              .forEach(hidden) { .input(.type(.hidden), .name($0.0), .value($0.1.attributeEscaped)) },
              .button(.type(.submit), .class(className), .attribute(named: "data-confirm", value: confirm), .text(label)))
    }
}

/// A piece of a page the script asks for (suggestions), never cached.
enum HTMLFragment {
    static func response(_ node: Node<HTML.BodyContext>) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: node.render()))
    }
}
