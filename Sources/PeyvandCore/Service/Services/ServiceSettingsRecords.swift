import FluentKit
import Foundation

/// A queue, SLA policy or contract: organisation-scoped, audited, with an optimistic version.
protocol ServiceSettingsRecord: OrganisationScoped, Auditable {
    var version: Int { get set }
}

extension ServiceQueue: ServiceSettingsRecord {}
extension SLAPolicy: ServiceSettingsRecord {}
extension ServiceContract: ServiceSettingsRecord {}

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

    /// Reads `id` inside the write after moving its version on (409 when `expected` is stale).
    static func lock<Record: ServiceSettingsRecord>(_ type: Record.Type, _ id: UUID, expected: Int?, in context: RequestContext,
                                                     on database: any Database) async throws -> Record {
        let version = try await VersionGuard.bump(Record.schema, id: id, organisationID: context.organisationID, expected: expected,
                                                  recordType: Record.auditType, on: database)
        guard let record = try await Record.query(on: database).scoped(to: context).filter(\._$id == id).first()
        else { throw PlatformError.notFound(recordType: Record.auditType) }
        record.version = version
        return record
    }
}
