import FluentKit
import Foundation

/// Reads the audit log; administrators only.
public struct AuditLogService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public struct Filter: Sendable {
        public var recordType: String?
        public var recordID: UUID?
        public var actorUserID: UUID?

        public init(recordType: String? = nil, recordID: UUID? = nil, actorUserID: UUID? = nil) {
            self.recordType = recordType
            self.recordID = recordID
            self.actorUserID = actorUserID
        }
    }

    public func list(_ filter: Filter, _ request: PageRequest, in context: RequestContext) async throws -> Page<AuditEntry> {
        try context.require(.administration, .read)
        let query = AuditEntry.query(on: store.database).scoped(to: context)
        if let recordType = filter.recordType { query.filter(\.$recordType == recordType) }
        if let recordID = filter.recordID { query.filter(\.$recordID == recordID) }
        if let actorUserID = filter.actorUserID { query.filter(\.$actorUserID == actorUserID) }
        return try await query.page(request)
    }
}
