import PeyvandCore
import Vapor

/// `GET /audit-log?record_type=&record_id=&user_id=`: administrators only.
enum AuditLogAPI {
    @Sendable static func list(_ request: Request) async throws -> Response {
        var rules = FieldValidator()
        func uuidQuery(_ name: String) -> UUID? {
            guard let raw = request.query[String.self, at: name] else { return nil }
            guard let id = UUID(uuidString: raw) else { rules.add(name, .invalidUUID); return nil }
            return id
        }
        let filter = AuditLogService.Filter(recordType: request.query[String.self, at: "record_type"],
                                            recordID: uuidQuery("record_id"), actorUserID: uuidQuery("user_id"))
        try rules.check()
        let page = try await AuditLogService(store: request.store).list(filter, try pageRequest(request), in: try request.actor)
        return try jsonResponse(ListBody(page, AuditEntryDTO.init))
    }
}
