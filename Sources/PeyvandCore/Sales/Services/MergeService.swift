import FluentKit
import Foundation
import SQLKit

/// Folds a duplicate contact or account into the one to keep: every related record moves over,
/// empty fields are filled from the duplicate, phones, emails and tags are united, and every
/// value that could not be kept is written to the audit trail, so nothing is lost. The
/// duplicate is then soft-deleted (restorable like any deleted record).
public struct MergeService: Sendable {
    public typealias References = [String: [(table: String, column: String)]]

    public let store: Store
    /// Columns of later modules (which Sales cannot know) pointing at contacts and accounts.
    public let moreReferences: References

    public init(store: Store, moreReferences: References = [:]) {
        self.store = store
        self.moreReferences = moreReferences
    }

    /// Columns of sales tables that point at a contact or account, moved to the kept record.
    static let references: References = [
        Contact.auditType: [(Opportunity.schema, "contact_id"), (Lead.schema, "converted_contact_id")],
        Account.auditType: [(Contact.schema, "account_id"), (Opportunity.schema, "account_id"), (Account.schema, "parent_id"),
                            (Lead.schema, "converted_account_id")],
    ]

    public func mergeContact(_ sourceID: UUID, into targetID: UUID, expectedVersion: Int?, by context: RequestContext) async throws -> Contact {
        try await merge(Contact.self, sourceID, into: targetID, expectedVersion: expectedVersion, by: context) { target, source in
            var dropped: [String: JSONValue] = [:]
            fill(&target.firstName, source.firstName, "first_name", &dropped)
            fill(&target.jobTitle, source.jobTitle, "job_title", &dropped)
            fill(&target.birthDate, source.birthDate, "birth_date", &dropped)
            fill(&target.accountID, source.accountID, "account_id", &dropped)
            fill(&target.leadSource, source.leadSource, "lead_source", &dropped)
            fill(&target.details, source.details, "description", &dropped)
            if target.gender == Contact.Gender.unspecified.rawValue { target.gender = source.gender }
            if target.lastName != source.lastName { dropped["last_name"] = .string(source.lastName) }
            fill(target.address, source.address, &dropped)
            target.phones = union(target.phones, source.phones) { PartyInput.phone($0.number)?.key ?? $0.number }
            target.emails = union(target.emails, source.emails) { PartyInput.emailKey($0.address) }
            target.tags = union(target.tags, source.tags, key: RecordTags.key)
            // The stricter preferences win: an opt-out on either record is kept.
            target.preferences.optedOut = union(target.preferences.optedOut, source.preferences.optedOut) { $0.rawValue }
            target.refreshMatchingKeys()
            return dropped
        }
    }

    public func mergeAccount(_ sourceID: UUID, into targetID: UUID, expectedVersion: Int?, by context: RequestContext) async throws -> Account {
        try await merge(Account.self, sourceID, into: targetID, expectedVersion: expectedVersion, by: context) { target, source in
            var dropped: [String: JSONValue] = [:]
            fill(&target.industry, source.industry, "industry", &dropped)
            fill(&target.website, source.website, "website", &dropped)
            fill(&target.nationalID, source.nationalID, "national_id", &dropped)
            fill(&target.economicCode, source.economicCode, "economic_code", &dropped)
            fill(&target.details, source.details, "description", &dropped)
            if target.parentID == nil && source.parentID != target.id { target.parentID = source.parentID }
            if target.name != source.name { dropped["name"] = .string(source.name) }
            if target.kind != source.kind { dropped["kind"] = .string(source.kind) }
            if target.becameCustomerAt == nil { target.becameCustomerAt = source.becameCustomerAt }
            fill(target.address, source.address, &dropped)
            target.phones = union(target.phones, source.phones) { PartyInput.phone($0.number)?.key ?? $0.number }
            target.emails = union(target.emails, source.emails) { PartyInput.emailKey($0.address) }
            target.tags = union(target.tags, source.tags, key: RecordTags.key)
            target.refreshMatchingKeys()
            return dropped
        }
    }

    private func merge<Record: PartyRecord>(
        _ type: Record.Type, _ sourceID: UUID, into targetID: UUID, expectedVersion: Int?, by context: RequestContext,
        combine: @escaping @Sendable (inout Record, Record) -> [String: JSONValue]
    ) async throws -> Record {
        guard sourceID != targetID else { throw ValidationFailure([FieldError(field: "source_id", code: .invalidFormat)]) }
        let now = store.now()
        return try await store.write { database in
            var target = try await SalesRecords.lockForUpdate(type, targetID, expectedVersion: expectedVersion, in: context, on: database)
            let source: Record
            do {
                source = try await SalesRecords.lockForUpdate(type, sourceID, expectedVersion: nil, for: .delete, in: context, on: database)
            } catch PlatformError.notFound {
                throw ValidationFailure([FieldError(field: "source_id", code: .referencedRecordMissing)])
            }
            let before = target.auditSnapshot
            let dropped = combine(&target, source)
            try await target.update(on: database)
            let sql = try database.sql()
            for reference in (Self.references[Record.auditType] ?? []) + (moreReferences[Record.auditType] ?? []) {
                try await sql.raw("""
                    UPDATE \(ident: reference.table) SET \(ident: reference.column) = \(bind: targetID)
                    WHERE \(ident: reference.column) = \(bind: sourceID) AND org_id = \(bind: context.organisationID)
                    """).run()
            }
            if Record.self == Account.self { try await Self.breakParentCycle(of: targetID, in: context, on: database) }
            try await source.delete(on: database)
            try await ContactPoints.replace(phoneKeys: ContactPoints.keys(of: target.phones), emailKeys: ContactPoints.keys(of: target.emails),
                                            of: Record.auditType, targetID, organisationID: context.organisationID, on: database)
            try await ContactPoints.replace(phoneKeys: [], emailKeys: [], of: Record.auditType, sourceID,
                                            organisationID: context.organisationID, on: database)
            try await RecordTags.replace(target.tags, of: Record.auditType, targetID, organisationID: context.organisationID, on: database)
            var changes = AuditTrail.diff(before: before, after: target.auditSnapshot)
            changes["merged_record"] = FieldChange(before: .object(source.auditSnapshot.merging(["id": .from(sourceID)]) { $1 }), after: .null)
            changes["values_not_kept"] = FieldChange(before: .object(dropped), after: .null)
            try await AuditEntry(organisationID: context.organisationID, actorUserID: context.userID, action: AuditAction.merge.rawValue,
                                 recordType: Record.auditType, recordID: targetID, changesJSON: try JSONValue.encodeToString(changes),
                                 requestID: context.requestID, occurredAt: now).create(on: database)
            try await Outbox.append("\(Record.auditType).merged", recordType: Record.auditType, recordID: targetID,
                                    payload: ["merged_id": JSONValue.from(sourceID)], organisationID: context.organisationID, at: now, on: database)
            try await SalesRecords.recordChange(source, action: .delete, before: source.auditSnapshot, by: context, at: now, on: database)
            return target
        }
    }

    /// A kept account whose new parent chain leads back to itself loses that parent: no cycles.
    private static func breakParentCycle(of accountID: UUID, in context: RequestContext, on database: any Database) async throws {
        var current = try await Account.query(on: database).scoped(to: context).filter(\.$id == accountID).first()?.parentID
        var steps = 0
        while let id = current, steps < 100 {
            if id == accountID {
                try await Account.query(on: database).filter(\.$id == accountID).set(\.$parentID, to: nil).update()
                return
            }
            current = try await Account.query(on: database).withDeleted().filter(\.$id == id).first()?.parentID
            steps += 1
        }
    }
}

/// Keeps the target's value; takes the source's when the target has none; otherwise notes the
/// source's value as not kept.
private func fill<Value: Equatable>(_ target: inout Value?, _ source: Value?, _ field: String, _ dropped: inout [String: JSONValue]) {
    guard let source else { return }
    guard let current = target else { target = source; return }
    if current != source { dropped[field] = .string("\(source)") }
}

private func fill(_ target: PostalAddress, _ source: PostalAddress, _ dropped: inout [String: JSONValue]) {
    fill(&target.province, source.province, "address.province", &dropped)
    fill(&target.city, source.city, "address.city", &dropped)
    fill(&target.line, source.line, "address.line", &dropped)
    fill(&target.postalCode, source.postalCode, "address.postal_code", &dropped)
}

private func union<Item>(_ first: [Item], _ second: [Item], key: (Item) -> String) -> [Item] {
    var seen = Set(first.map(key))
    return first + second.filter { seen.insert(key($0)).inserted }
}
