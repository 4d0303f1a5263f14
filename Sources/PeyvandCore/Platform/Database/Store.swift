import FluentKit
import Foundation
import SQLKit

/// The two databases Peyvand runs on.
public enum SQLDialectKind: Sendable {
    case sqlite, postgresql
}

/// A module service's handle on the database: plain reads, serialised transactional writes, and
/// the clock (injected so tests can pin time).
public struct Store: Sendable {
    public let database: any Database
    private let writeGate: WriteGate?
    public let now: @Sendable () -> Date
    /// Where people reach this deployment (`PUBLIC_URL`), for links in the mail it sends.
    public let publicURL: String

    public init(database: any Database, writeGate: WriteGate?, now: @escaping @Sendable () -> Date = { Date() },
                publicURL: String = "http://localhost:8080") {
        self.database = database
        self.writeGate = writeGate
        self.now = now
        self.publicURL = publicURL
    }

    public var dialect: SQLDialectKind { Self.dialect(of: database) }

    public static func dialect(of database: any Database) -> SQLDialectKind {
        (database as? any SQLDatabase)?.dialect.name == "postgresql" ? .postgresql : .sqlite
    }

    public func sql() throws -> any SQLDatabase { try database.sql() }

    /// Runs `body` in one transaction: the change, its audit entry and its outbox event commit
    /// together or not at all.
    public func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if let writeGate {
            return try await writeGate.run { try await database.transaction(body) }
        }
        return try await database.transaction(body)
    }
}
