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
        /// Stored days (`YYYY-MM-DD`), both inclusive, in the organisation's time zone.
        public var fromDay: String?
        public var toDay: String?

        public init(recordType: String? = nil, recordID: UUID? = nil, actorUserID: UUID? = nil, fromDay: String? = nil, toDay: String? = nil) {
            self.recordType = recordType
            self.recordID = recordID
            self.actorUserID = actorUserID
            self.fromDay = fromDay
            self.toDay = toDay
        }
    }

    public func list(_ filter: Filter, _ request: PageRequest, in context: RequestContext) async throws -> Page<AuditEntry> {
        try context.require(.administration, .read)
        let query = AuditEntry.query(on: store.database).scoped(to: context)
        if let recordType = filter.recordType { query.filter(\.$recordType == recordType) }
        if let recordID = filter.recordID { query.filter(\.$recordID == recordID) }
        if let actorUserID = filter.actorUserID { query.filter(\.$actorUserID == actorUserID) }
        if let from = filter.fromDay, let to = filter.toDay, to < from { throw ValidationFailure([FieldError(field: "to", code: .outOfRange)]) }
        if let start = filter.fromDay.flatMap({ CalendarDay.start(of: $0, in: context.timeZone) }) { query.filter(\.$occurredAt >= start) }
        if let end = filter.toDay.flatMap({ CalendarDay.start(of: $0, in: context.timeZone, addingDays: 1) }) { query.filter(\.$occurredAt < end) }
        return try await query.page(request)
    }
}
