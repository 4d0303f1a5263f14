import FluentKit
import Foundation

/// A record whose changes are audited: it names its type and shows the fields worth recording
/// (secrets such as password hashes are simply left out).
public protocol Auditable {
    static var auditType: String { get }
    var auditID: UUID { get }
    var auditSnapshot: [String: JSONValue] { get }
}

public enum AuditAction: String, Codable, Sendable, CaseIterable {
    case create, update, delete
    /// A soft-deleted record brought back.
    case restore
    /// Another record folded into this one (the merged record's values are in the changes).
    case merge
}

/// One field's change as the audit log shows it.
public struct FieldChange: Codable, Sendable, Equatable {
    public var before: JSONValue
    public var after: JSONValue
}

/// Writes audit entries. Call it inside the same `Store.write` transaction as the change.
public enum AuditTrail {
    /// The changed fields between two snapshots; unchanged fields are left out.
    public static func diff(before: [String: JSONValue], after: [String: JSONValue]) -> [String: FieldChange] {
        var changes: [String: FieldChange] = [:]
        for key in Set(before.keys).union(after.keys) {
            let old = before[key] ?? .null
            let new = after[key] ?? .null
            if old != new { changes[key] = FieldChange(before: old, after: new) }
        }
        return changes
    }

    /// Records `action` on `record`. Updates that change nothing record nothing.
    public static func record<R: Auditable>(
        _ action: AuditAction, of record: R, before: [String: JSONValue]? = nil,
        organisationID: UUID, actorUserID: UUID?, requestID: String?, at time: Date, on database: any Database
    ) async throws {
        let after = action == .delete ? [:] : record.auditSnapshot
        let changes = diff(before: before ?? [:], after: after)
        if action == .update && changes.isEmpty { return }
        let entry = AuditEntry(
            organisationID: organisationID, actorUserID: actorUserID, action: action.rawValue,
            recordType: R.auditType, recordID: record.auditID,
            changesJSON: try JSONValue.encodeToString(changes), requestID: requestID, occurredAt: time
        )
        try await entry.create(on: database)
    }

    public static func record<R: Auditable>(
        _ action: AuditAction, of record: R, before: [String: JSONValue]? = nil,
        by context: RequestContext, at time: Date, on database: any Database
    ) async throws {
        try await Self.record(action, of: record, before: before, organisationID: context.organisationID,
                              actorUserID: context.userID, requestID: context.requestID, at: time, on: database)
    }
}
