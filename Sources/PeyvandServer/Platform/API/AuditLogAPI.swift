import PeyvandCore
import Vapor

/// `GET /audit-log?record_type=&record_id=&user_id=&from=&to=`: administrators only.
enum AuditLogAPI {
    @Sendable static func list(_ request: Request) async throws -> Response {
        var query = QueryReader(request)
        let filter = AuditLogService.Filter(recordType: query.string("record_type"),
                                            recordID: query.uuid("record_id"), actorUserID: query.uuid("user_id"),
                                            fromDay: query.day("from"), toDay: query.day("to"))
        let page = query.page()
        try query.finish()
        let entries = try await AuditLogService(store: request.store).list(filter, page, in: try request.actor)
        return try jsonResponse(ListBody(entries, AuditEntryDTO.init))
    }
}
