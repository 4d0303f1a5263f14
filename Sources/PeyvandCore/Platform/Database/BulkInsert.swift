import FluentKit
import Foundation
import SQLKit

/// Multi-row INSERTs for imports and other bulk writes: rows are sent in chunks that stay under
/// both databases' bind-parameter limits (PostgreSQL allows 65,535 per statement).
public enum BulkInsert {
    static let maximumBinds = 30_000

    public static func rows(into table: String, columns: [String], values: [[any Encodable & Sendable]],
                            on database: any Database) async throws {
        guard !values.isEmpty, !columns.isEmpty else { return }
        let sql = try database.sql()
        let perStatement = max(1, maximumBinds / columns.count)
        for start in stride(from: 0, to: values.count, by: perStatement) {
            let chunk = values[start..<min(start + perStatement, values.count)]
            let tuples = chunk.map { row in "(\(binds: row))" as SQLQueryString }.joined(separator: ", ")
            try await sql.raw("INSERT INTO \(ident: table) (\(idents: columns, joinedBy: ", ")) VALUES \(tuples)").run()
        }
    }
}
