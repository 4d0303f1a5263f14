import FluentKit
import Foundation

/// What queues, SLA policies and contracts share: administrators change them, every change is
/// version-checked, audited and published as `<type>.created|updated|deleted` in one transaction.
enum ServiceSettingsRecords {
    static func requireAdministrator(_ context: RequestContext) throws {
        guard context.isAdministrator else { throw PlatformError.forbidden(.administration, .update) }
    }

    static func recordChange<Record: Auditable>(_ record: Record, action: AuditAction, before: [String: JSONValue]?,
                                                by context: RequestContext, at now: Date, on database: any Database) async throws {
        try await AuditTrail.record(action, of: record, before: before, by: context, at: now, on: database)
        let event = switch action {
        case .create: "created"
        case .delete: "deleted"
        default: "updated"
        }
        try await Outbox.append("\(Record.auditType).\(event)", recordType: Record.auditType, recordID: record.auditID,
                                payload: record.auditSnapshot, organisationID: context.organisationID, at: now, on: database)
    }
}
