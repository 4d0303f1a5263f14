import FluentKit
import Foundation
import SQLKit

/// Routes a new case without an owner: the first queue (by `position`, then age) with a rule
/// matching the case takes it, then the queue's mode picks one of its active members.
/// Runs inside the case's own transaction, so the round-robin counter moves with the case.
enum CaseRouting {
    static func route(_ supportCase: SupportCase, organisationID: UUID,
                      on database: any Database) async throws -> (queue: ServiceQueue, userID: UUID?)? {
        let queues = try await ServiceQueue.query(on: database).filter(\.$organisationID == organisationID)
            .sort(\.$position).sort(\.$id).all()
        guard let queue = queues.first(where: { queue in queue.rules.contains { $0.matches(supportCase) } }) else { return nil }
        return (queue, try await member(of: queue, on: database))
    }

    /// The member who takes the next case of `queue`, or nil when it has no active member.
    static func member(of queue: ServiceQueue, on database: any Database) async throws -> UUID? {
        let active = Set(try await User.query(on: database).filter(\.$organisationID == queue.organisationID)
            .filter(\.$id ~~ queue.memberIDs).filter(\.$isActive == true).all().compactMap(\.id))
        let members = queue.memberIDs.filter(active.contains)
        guard !members.isEmpty else { return nil }
        let sql = try database.sql()
        switch ServiceQueue.AssignmentMode(rawValue: queue.assignmentMode) ?? .roundRobin {
        case .roundRobin:
            // The UPDATE takes the queue's row lock (PostgreSQL) or runs under the write gate
            // (SQLite): concurrent cases each get their own turn.
            guard let row = try await sql.raw("""
                UPDATE queues SET round_robin_counter = round_robin_counter + 1
                WHERE id = \(bind: queue.id!) AND org_id = \(bind: queue.organisationID)
                RETURNING round_robin_counter
                """).first()
            else { return members.first }
            let turn = try row.decode(column: "round_robin_counter", as: Int.self)
            return members[(turn - 1) % members.count]
        case .leastLoaded:
            let open = SupportCase.Status.allCases.filter(\.isOpen).map(\.rawValue)
            let rows = try await sql.raw("""
                SELECT owner_user_id, COUNT(*) AS open_cases FROM cases
                WHERE org_id = \(bind: queue.organisationID) AND deleted_at IS NULL
                AND status IN (\(binds: open)) AND owner_user_id IN (\(binds: members))
                GROUP BY owner_user_id
                """).all()
            var load: [UUID: Int] = [:]
            for row in rows {
                load[try row.decode(column: "owner_user_id", as: UUID.self)] = try row.decode(column: "open_cases", as: Int.self)
            }
            return members.min { (load[$0] ?? 0) < (load[$1] ?? 0) }
        }
    }
}
