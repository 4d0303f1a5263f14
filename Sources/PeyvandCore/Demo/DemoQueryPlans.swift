import FluentKit
import Foundation
import SQLKit

/// Runs the EXPLAIN statements of a benchmark file through the application's own database
/// (the SQLite compiled into the binary, or the PostgreSQL server), so the plans shown are the
/// plans the server gets.
///
/// Each statement starts with a line `-- name: …`; other `--` lines are comments. Placeholders
/// become literals of the dialect: `{org}`, `{account}`, `{contact}`, `{now}`, `{timeline_ids}`
/// (the account, its newest 500 contacts and 500 opportunities, as `TimelineService` follows
/// them), `{timeline_contacts}` and `{timeline_opportunities}`; for the web pages' statements
/// `{user}` (the demo admin, who the benchmark signs in as), `{pipeline}` (the organisation's first
/// active pipeline) and `{stage}` (its first stage).
public struct DemoQueryPlans: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public func explain(_ text: String, organisationID: UUID, accountID: UUID, contactID: UUID,
                        now: Date = Date()) async throws -> [(name: String, plan: [String])] {
        let sql = try store.sql()
        let isSQLite = store.dialect == .sqlite
        // As the drivers store ids: SQLite as upper-case text (UUID is not SQLiteDataConvertible, so it
        // is encoded as its string), PostgreSQL as uuid.
        func literal(_ id: UUID) -> String {
            isSQLite ? "'\(id.uuidString)'" : "'\(id.uuidString.lowercased())'::uuid"
        }
        func children(_ table: String) async throws -> [UUID] {
            try await sql.raw("""
                SELECT id FROM \(ident: table) WHERE org_id = \(bind: organisationID) AND account_id = \(bind: accountID)
                AND deleted_at IS NULL ORDER BY id DESC LIMIT \(literal: TimelineService.maximumChildren)
                """).all().map { try $0.decode(column: "id", as: UUID.self) }
        }
        let opportunities = try await children(Opportunity.schema), contacts = try await children(Contact.schema)
        func firstID(_ query: SQLQueryString) async throws -> UUID? {
            try await sql.raw(query).first()?.decode(column: "id", as: UUID.self)
        }
        let user = try await firstID("""
            SELECT id FROM users WHERE org_id = \(bind: organisationID) ORDER BY (email = \(bind: "admin@demo.peyvand.ir")) DESC, id LIMIT 1
            """)
        let pipeline = try await firstID("""
            SELECT id FROM pipelines WHERE org_id = \(bind: organisationID) AND is_active = \(bind: true) ORDER BY name LIMIT 1
            """)
        var stage: UUID?
        if let pipeline {
            stage = try await firstID("SELECT id FROM pipeline_stages WHERE pipeline_id = \(bind: pipeline) ORDER BY position LIMIT 1")
        }
        let timelineIDs = [accountID] + contacts + opportunities
        var substitutions: [String: String] = [
            "{org}": literal(organisationID), "{account}": literal(accountID), "{contact}": literal(contactID),
            "{now}": isSQLite ? String(now.timeIntervalSince1970) : "'\(ISO8601DateFormatter().string(from: now))'::timestamptz",
            "{timeline_ids}": timelineIDs.map(literal).joined(separator: ", "),
            "{timeline_contacts}": contacts.isEmpty ? "NULL" : contacts.map(literal).joined(separator: ", "),
            "{timeline_opportunities}": opportunities.isEmpty ? "NULL" : opportunities.map(literal).joined(separator: ", "),
        ]
        for (placeholder, id) in [("{user}", user), ("{pipeline}", pipeline), ("{stage}", stage)] {
            substitutions[placeholder] = id.map(literal) ?? "NULL"
        }

        var plans: [(name: String, plan: [String])] = []
        for section in text.components(separatedBy: "-- name:").dropFirst() {
            let lines = section.split(separator: "\n", omittingEmptySubsequences: false)
            let name = lines.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            var statement = lines.dropFirst().filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
                .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if statement.hasSuffix(";") { statement.removeLast() }
            guard statement.uppercased().hasPrefix("EXPLAIN") else { throw DemoDataError("not an EXPLAIN statement: \(name)") }
            for (placeholder, value) in substitutions { statement = statement.replacingOccurrences(of: placeholder, with: value) }
            var plan: [String] = []
            var depth: [Int: Int] = [0: -1]
            for row in try await sql.raw(SQLQueryString(statement)).all() {
                if row.contains(column: "detail") {  // SQLite: id, parent, notused, detail
                    let id = try row.decode(column: "id", as: Int.self), parent = try row.decode(column: "parent", as: Int.self)
                    depth[id] = (depth[parent] ?? 0) + 1
                    plan.append(String(repeating: "  ", count: depth[id]!) + (try row.decode(column: "detail", as: String.self)))
                } else {
                    plan.append(try row.decode(column: "QUERY PLAN", as: String.self))
                }
            }
            plans.append((name, plan))
        }
        return plans
    }
}
