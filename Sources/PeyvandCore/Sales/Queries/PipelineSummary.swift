import FluentKit
import Foundation
import SQLKit

/// One stage's opportunities in sum: how many, and their amount per currency (amounts in
/// different currencies are never added together).
public struct StageTotal: Sendable, Equatable {
    public var stageID: UUID
    public var currency: String
    public var count: Int
    public var amountMinor: Int64
}

extension OpportunityService {
    /// Count and amount per stage and currency of a pipeline's live opportunities the actor may
    /// read (only `owner`'s, when given), in one grouped query: the board's column totals and the
    /// dashboard's "my pipeline".
    public func stageTotals(ofPipeline pipelineID: UUID, ownedBy owner: UUID? = nil, in context: RequestContext) async throws -> [StageTotal] {
        var conditions: [SQLQueryString] = [
            "org_id = \(bind: context.organisationID)", "pipeline_id = \(bind: pipelineID)", "deleted_at IS NULL",
        ]
        if let owner { conditions.append("owner_user_id = \(bind: owner)") }
        if let scope = try context.ownerScope(.opportunities, .read, alias: Opportunity.schema) { conditions.append(scope) }
        let rows = try await store.sql().raw("""
            SELECT stage_id, currency, COUNT(*) AS records, CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT) AS amount
            FROM \(ident: Opportunity.schema) WHERE \(conditions.joined(separator: " AND "))
            GROUP BY stage_id, currency
            """).all()
        return try rows.map { row in
            StageTotal(stageID: try row.decode(column: "stage_id", as: UUID.self), currency: try row.decode(column: "currency", as: String.self),
                       count: try row.decode(column: "records", as: Int.self), amountMinor: try row.decode(column: "amount", as: Int64.self))
        }
    }
}
