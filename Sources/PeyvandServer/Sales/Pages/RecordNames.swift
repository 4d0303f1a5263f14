import FluentKit
import Foundation
import PeyvandCore
import SQLKit

/// Display names of the records a page links to, fetched in one query per page rather than one
/// per row. Names only: the linked page itself checks whether the reader may open it.
///
/// The rows are read column by column through SQLKit, not as Fluent models: Fluent decodes a
/// model by reflecting over all its properties (`Fields.properties` walks it with `Mirror`) for
/// every row, even when only two columns were selected. On the contacts list that was 29 % of
/// the page's CPU time for 50 account names, and 14 % of the pipeline board's (perf, release).
enum RecordNames {
    /// `id` and `columns` of the organisation's rows of `table` with these ids (deleted ones too:
    /// a link to a deleted record still shows what it was).
    private static func rows(_ table: String, _ columns: [String], ids: Set<UUID>, in page: WebPage) async throws -> [any SQLRow] {
        let selected = (["id"] + columns).map { "\(ident: $0)" as SQLQueryString }.joined(separator: ", ")
        return try await page.store.sql().raw("""
            SELECT \(selected) FROM \(ident: table)
            WHERE \(ident: "org_id") = \(bind: page.context.organisationID) AND \(ident: "id") IN (\(binds: Array(ids)))
            """).all()
    }

    static func accounts(_ ids: Set<UUID>, in page: WebPage) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        return try await rows(Account.schema, ["name"], ids: ids, in: page).reduce(into: [:]) {
            $0[try $1.decode(column: "id", as: UUID.self)] = try $1.decode(column: "name", as: String.self)
        }
    }

    static func account(_ id: UUID?, in page: WebPage) async throws -> String? {
        guard let id else { return nil }
        return try await accounts([id], in: page)[id]
    }

    /// The one account a typed name means: an exact (normalised) match, or the only search hit.
    static func accountNamed(_ name: String, in page: WebPage) async throws -> (id: UUID?, problem: FieldErrorCode?) {
        let matches = try await AccountService(store: page.store).list(ListRequest(limit: 5, search: name), in: page.context).items
        let exact = matches.filter { SearchText.document([$0.name]) == SearchText.document([name]) }
        if let account = exact.count == 1 ? exact.first : (matches.count == 1 ? matches.first : nil) { return (account.id!, nil) }
        return (nil, matches.isEmpty ? .referencedRecordMissing : .notUnique)
    }

    static func contacts(_ ids: Set<UUID>, in page: WebPage) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        return try await rows(Contact.schema, ["first_name", "last_name"], ids: ids, in: page).reduce(into: [:]) {
            let contact = Contact()
            contact.firstName = try $1.decode(column: "first_name", as: String?.self)
            contact.lastName = try $1.decode(column: "last_name", as: String?.self) ?? ""
            $0[try $1.decode(column: "id", as: UUID.self)] = contact.fullName
        }
    }

    static func contact(_ id: UUID?, in page: WebPage) async throws -> String? {
        guard let id else { return nil }
        return try await contacts([id], in: page)[id]
    }

    static func leads(_ ids: Set<UUID>, in page: WebPage) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        return try await rows(Lead.schema, ["first_name", "last_name", "company"], ids: ids, in: page).reduce(into: [:]) {
            let lead = Lead()
            lead.firstName = try $1.decode(column: "first_name", as: String?.self)
            lead.lastName = try $1.decode(column: "last_name", as: String?.self) ?? ""
            lead.company = try $1.decode(column: "company", as: String?.self)
            $0[try $1.decode(column: "id", as: UUID.self)] = lead.displayName
        }
    }

    static func opportunities(_ ids: Set<UUID>, in page: WebPage) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        return try await rows(Opportunity.schema, ["name"], ids: ids, in: page).reduce(into: [:]) {
            $0[try $1.decode(column: "id", as: UUID.self)] = try $1.decode(column: "name", as: String.self)
        }
    }

    /// Every user's name in the organisation (for the audit log's filter and rows).
    static func users(in page: WebPage) async throws -> [UUID: String] {
        try await page.store.sql().raw("""
            SELECT \(ident: "id"), \(ident: "name") FROM \(ident: User.schema) WHERE \(ident: "org_id") = \(bind: page.context.organisationID)
            """).all().reduce(into: [:]) {
            $0[try $1.decode(column: "id", as: UUID.self)] = try $1.decode(column: "name", as: String.self)
        }
    }

    /// Product labels (`SKU · name`): the given ones, or (nil) the first `limit` of the catalogue
    /// for a form's drop-down; none for readers who may not read products.
    static func products(_ ids: Set<UUID>?, limit: Int = 500, in page: WebPage) async throws -> [UUID: String] {
        guard page.context.permissions.scope(for: .products, .read) != nil else { return [:] }
        var query = Product.query(on: page.store.database).scoped(to: page.context)
        if let ids {
            if ids.isEmpty { return [:] }
            query = query.filter(\.$id ~~ Array(ids))
        }
        return Dictionary(uniqueKeysWithValues: try await query.sort(\.$sku).limit(limit).all().map {
            ($0.id!, $0.sku + " · " + $0.displayName(in: page.language))
        })
    }
}
