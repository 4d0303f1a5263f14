import FluentKit
import Foundation
import PeyvandCore
import Plot
import Vapor

/// How a form names an account: the user types its name; the script offers matching accounts as
/// they type (and remembers the id of the one picked); without the script the server matches the
/// typed name. The account a form opened with travels as a hidden id and is kept while its name
/// is unchanged, so saving other fields never trips over two accounts with the same name.
enum AccountPicker {
    static let suggestionCount = 8

    static func node(_ state: FormState, accountName: String?, isRequired: Bool, page: WebPage) -> Node<HTML.FormContext> {
        var field = FormField("account_name", SalesText.account.text(in: page.language), in: state, isRequired: isRequired,
                              hint: OpportunityText.accountHint.text(in: page.language))
        field.value = state.values["account_name"] ?? accountName
        field.error = state.errors["account_name"] ?? state.errors["account_id"]
        return .group(
            field.suggesting(from: SiteURL.suggestions(.accounts).path, into: "account_id").node,
            .unwrap(state.values["account_id"]) { .input(.type(.hidden), .name("account_id"), .value($0.attributeEscaped)) }
        )
    }

    /// The account a submitted form names: nil when the box was emptied, or a problem for the
    /// `account_name` box when no single account has the typed name. A form without the box
    /// names its account by id alone; one with neither leaves the account as it is (nil).
    static func chosen(in form: FormData, page: WebPage) async throws -> (id: UUID?, problem: FieldErrorCode?)? {
        let carried = form.value("account_id").flatMap(UUID.init(uuidString:))
        guard let typed = form.value("account_name") else { return form.value("account_id") == nil ? nil : (carried, nil) }
        let name = typed.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return (nil, nil) }
        if let carried, let account = try await Account.query(on: page.store.database)
            .filter(\.$organisationID == page.context.organisationID).filter(\.$id == carried).first(),
           [account.name, choiceLabel(account)].contains(where: { SearchText.document([$0]) == SearchText.document([name]) }) {
            return (carried, nil)
        }
        return try await RecordNames.accountNamed(name, in: page)
    }

    /// An account's name with what tells it from a namesake: `Arya Co — Shiraz`.
    static func choiceLabel(_ account: Account) -> String {
        ([account.name] + [account.address.city ?? account.industry].compactMap { $0 }).joined(separator: " — ")
    }

    /// `GET /accounts/suggestions?q=`: `<option>`s for the box's list, each with the account's id.
    @Sendable static func suggestions(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let text = request.query[String.self, at: "q"]?.trimmingCharacters(in: .whitespaces) ?? ""
        var accounts: [Account] = []
        if text.count >= 2 {
            accounts = try await AccountService(store: page.store).list(ListRequest(limit: suggestionCount, search: String(text.prefix(200))),
                                                                        in: page.context).items
        }
        // A browser's list says only which text was picked, so accounts sharing a name are offered
        // with their city or industry to tell them apart.
        let names = Dictionary(grouping: accounts, by: { SearchText.document([$0.name]) })
        let options: Node<HTML.BodyContext> = .forEach(accounts) { account in
            .element(named: "option", nodes: [
                .attribute(named: "value", value: (names[SearchText.document([account.name])]!.count > 1 ? choiceLabel(account) : account.name)
                    .attributeEscaped),
                .attribute(named: "data-id", value: account.id!.uuidString.lowercased()),
                .text([account.industry, account.address.city].compactMap { $0 }.joined(separator: " · ")),
            ])
        }
        return HTMLFragment.response(options)
    }
}
