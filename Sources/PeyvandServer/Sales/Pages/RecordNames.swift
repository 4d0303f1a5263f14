import FluentKit
import Foundation
import PeyvandCore

/// Display names of the records a page links to, fetched in one query per page rather than one
/// per row. Names only: the linked page itself checks whether the reader may open it.
enum RecordNames {
    static func accounts(_ ids: Set<UUID>, in page: WebPage) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        return try await Account.query(on: page.store.database)
            .filter(\.$organisationID == page.context.organisationID).filter(\.$id ~~ ids)
            .field(\.$id).field(\.$name).all()
            .reduce(into: [:]) { $0[$1.id!] = $1.name }
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
        return try await Contact.query(on: page.store.database)
            .filter(\.$organisationID == page.context.organisationID).filter(\.$id ~~ ids)
            .field(\.$id).field(\.$firstName).field(\.$lastName).all()
            .reduce(into: [:]) { $0[$1.id!] = $1.fullName }
    }

    static func contact(_ id: UUID?, in page: WebPage) async throws -> String? {
        guard let id else { return nil }
        return try await contacts([id], in: page)[id]
    }

    static func leads(_ ids: Set<UUID>, in page: WebPage) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        return try await Lead.query(on: page.store.database)
            .filter(\.$organisationID == page.context.organisationID).filter(\.$id ~~ ids)
            .field(\.$id).field(\.$firstName).field(\.$lastName).field(\.$company).all()
            .reduce(into: [:]) { $0[$1.id!] = $1.displayName }
    }

    static func opportunities(_ ids: Set<UUID>, in page: WebPage) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        return try await Opportunity.query(on: page.store.database)
            .filter(\.$organisationID == page.context.organisationID).filter(\.$id ~~ ids)
            .field(\.$id).field(\.$name).all()
            .reduce(into: [:]) { $0[$1.id!] = $1.name }
    }

    /// Every user's name in the organisation (for the audit log's filter and rows).
    static func users(in page: WebPage) async throws -> [UUID: String] {
        try await User.query(on: page.store.database).filter(\.$organisationID == page.context.organisationID)
            .field(\.$id).field(\.$name).all()
            .reduce(into: [:]) { $0[$1.id!] = $1.name }
    }
}
