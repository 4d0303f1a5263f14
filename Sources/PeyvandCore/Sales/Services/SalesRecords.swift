import FluentKit
import Foundation

/// An owned, versioned, soft-deletable sales record. The operations every such record shares
/// live in `SalesRecords`.
public protocol SalesRecord: OwnedRecord, Auditable {
    var version: Int { get set }
    var deletedAt: Date? { get }
}

/// An account, contact or lead: a sales record with phones, emails and tags, matched for duplicates.
public protocol PartyRecord: SalesRecord, DuplicateMatchable {
    var phones: [PhoneNumber] { get }
    var emails: [EmailAddress] { get }
    var address: PostalAddress { get }
    var tags: [String] { get }
}

extension Account: PartyRecord {}
extension Contact: PartyRecord {}
extension Lead: PartyRecord {}

enum SalesRecords {
    /// A live record the actor may `action`: another organisation's, a deleted one or one outside
    /// the read scope is "not found"; one readable but outside the action's scope is "forbidden".
    static func find<Record: SalesRecord>(_ type: Record.Type, _ id: UUID, for action: PermissionAction,
                                          in context: RequestContext, on database: any Database) async throws -> Record {
        try context.require(Record.permissionModule, action)
        guard let record = try await Record.query(on: database).scoped(to: context).filter(\._$id == id).first(),
              record.permits(.read, by: context)
        else { throw PlatformError.notFound(recordType: Record.auditType) }
        guard record.permits(action, by: context) else { throw PlatformError.forbidden(Record.permissionModule, action) }
        return record
    }

    /// Inside a write: checks the record exists for the actor (404 / 403 before anything else, so
    /// a stale `If-Match` never reveals a record the actor cannot see), takes the row with the
    /// version check (two writers are serialised; stale → 412), then loads it fresh.
    static func lockForUpdate<Record: SalesRecord>(_ type: Record.Type, _ id: UUID, expectedVersion: Int?, for action: PermissionAction = .update,
                                                   in context: RequestContext, on database: any Database) async throws -> Record {
        _ = try await find(type, id, for: action, in: context, on: database)
        let version = try await VersionGuard.bump(Record.schema, id: id, organisationID: context.organisationID,
                                                  expected: expectedVersion, recordType: Record.auditType, on: database)
        let record = try await find(type, id, for: action, in: context, on: database)
        record.version = version
        return record
    }

    /// The bookkeeping of every write: matching keys, tag lookup, audit entry, outbox event.
    static func afterWrite<Record: PartyRecord>(_ record: Record, party: PartyInput.Clean, action: AuditAction,
                                                before: [String: JSONValue]?, by context: RequestContext, at now: Date,
                                                on database: any Database) async throws {
        try await ContactPoints.replace(phoneKeys: party.phoneKeys, emailKeys: party.emailKeys, of: Record.auditType, record.id!,
                                        organisationID: context.organisationID, on: database)
        if let tags = party.tags {
            try await RecordTags.replace(tags, of: Record.auditType, record.id!, organisationID: context.organisationID, on: database)
        }
        try await recordChange(record, action: action, before: before, by: context, at: now, on: database)
    }

    static func recordChange<Record: SalesRecord>(_ record: Record, action: AuditAction, before: [String: JSONValue]?,
                                                  by context: RequestContext, at now: Date, on database: any Database) async throws {
        try await recordChange(record, action: action, before: before, organisationID: context.organisationID, actorUserID: context.userID,
                               requestID: context.requestID, at: now, on: database)
    }

    /// As above for a change no user asked for (a scheduled job's): the audit entry has no actor.
    static func recordChange<Record: SalesRecord>(_ record: Record, action: AuditAction, before: [String: JSONValue]?,
                                                  organisationID: UUID, actorUserID: UUID?, requestID: String?, at now: Date,
                                                  on database: any Database) async throws {
        try await AuditTrail.record(action, of: record, before: before, organisationID: organisationID, actorUserID: actorUserID,
                                    requestID: requestID, at: now, on: database)
        let event = switch action {
        case .create: "created"
        case .update: "updated"
        case .delete: "deleted"
        case .restore: "restored"
        case .merge: "merged"
        }
        try await Outbox.append("\(Record.auditType).\(event)", recordType: Record.auditType, recordID: record.id!,
                                payload: record.auditSnapshot, organisationID: organisationID, at: now, on: database)
    }

    static func softDelete<Record: SalesRecord>(_ type: Record.Type, _ id: UUID, expectedVersion: Int?, by context: RequestContext,
                                                at now: Date, store: Store) async throws {
        try await store.write { database in
            let record = try await lockForUpdate(type, id, expectedVersion: expectedVersion, for: .delete, in: context, on: database)
            try await record.delete(on: database)
            try await recordChange(record, action: .delete, before: record.auditSnapshot, by: context, at: now, on: database)
        }
    }

    /// Hands the record to another owner, a user or a team of the organisation, whatever its status
    /// (a sent quote or a paid invoice changes hands when its owner leaves). Needs `assign` on the
    /// record and for the new owner.
    static func assign<Record: SalesRecord>(_ type: Record.Type, _ id: UUID, toUser userID: UUID?, team teamID: UUID?,
                                            expectedVersion: Int?, by context: RequestContext, store: Store) async throws -> Record {
        var validator = FieldValidator()
        if userID == nil && teamID == nil { validator.add("owner_id", .required) }
        try await RecordOwnership.validate(userID: userID, teamID: teamID, into: &validator, in: context, on: store.database)
        try validator.check()
        let now = store.now()
        return try await store.write { database in
            let record = try await lockForUpdate(type, id, expectedVersion: expectedVersion, for: .assign, in: context, on: database)
            let before = record.auditSnapshot
            try RecordOwnership.apply(["owner_id", "owner_team_id"], userID: userID, teamID: teamID, to: record, creating: false, by: context)
            try await record.update(on: database)
            try await recordChange(record, action: .update, before: before, by: context, at: now, on: database)
            return record
        }
    }

    /// Administrators bring a soft-deleted record back, with its keys and tags intact.
    static func restore<Record: SalesRecord>(_ type: Record.Type, _ id: UUID, by context: RequestContext, at now: Date,
                                             store: Store) async throws -> Record {
        guard context.isAdministrator else { throw PlatformError.forbidden(.administration, .update) }
        return try await store.write { database in
            guard let record = try await Record.query(on: database).withDeleted().scoped(to: context).filter(\._$id == id).first(),
                  record.deletedAt != nil
            else { throw PlatformError.notFound(recordType: Record.auditType) }
            try await record.restore(on: database)
            record.version += 1
            try await record.update(on: database)
            try await recordChange(record, action: .restore, before: nil, by: context, at: now, on: database)
            return record
        }
    }

    /// Phone words for the search document: the national form (`09121234567`) and the digits of
    /// the international one (`989121234567`), so either spelling finds the record.
    static func phoneSearchWords(_ phones: [PhoneNumber]) -> [String?] {
        phones.flatMap { phone -> [String?] in
            guard let parsed = PartyInput.phone(phone.number) else { return [] }
            return [parsed.key, String(parsed.display.filter(\.isNumber))]
        }
    }
}
