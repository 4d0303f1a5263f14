import Fluent
import FluentPostgresDriver
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// Which database this run tests: SQLite by default; PostgreSQL when `PEYVAND_TEST_POSTGRES_URL`
/// points at a server (scripts/test runs the suites once each way).
enum TestDatabase {
    static let postgresURL = ProcessInfo.processInfo.environment["PEYVAND_TEST_POSTGRES_URL"]
    static var isPostgres: Bool { postgresURL != nil }
}

/// Hands each test its own database: a new SQLite file, or on PostgreSQL a database cloned from
/// a template migrated once per process (as SwiftPackageIndex does), so tests run in parallel.
actor TestDatabasePool {
    static let shared = TestDatabasePool()
    /// One migration of the template per process, however many tests ask at once (actor
    /// methods re-enter at each `await`, so the work is shared as a task).
    private var template: Task<String, any Error>?
    /// CREATE DATABASE … TEMPLATE runs one at a time: PostgreSQL refuses concurrent copies.
    private let creation = WriteGate()

    func makeLocation() async throws -> (DatabaseLocation, cleanup: @Sendable () async -> Void) {
        guard let baseURL = TestDatabase.postgresURL else {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("peyvand-test-\(UUID().uuidString).sqlite").path
            return (.sqlite(path: path), {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            })
        }
        let template = try await migratedTemplate(baseURL)
        let name = "t_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        try await creation.run {
            try await Self.admin(baseURL) { sql in
                try await sql.raw("CREATE DATABASE \(ident: name) TEMPLATE \(ident: template) STRATEGY FILE_COPY").run()
            }
        }
        return (.postgres(url: Self.url(baseURL, database: name)), {
            try? await Self.admin(baseURL) { sql in try await sql.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run() }
        })
    }

    private func migratedTemplate(_ baseURL: String) async throws -> String {
        if template == nil { template = Task { try await Self.createTemplate(baseURL) } }
        return try await template!.value
    }

    private static func createTemplate(_ baseURL: String) async throws -> String {
        let name = "peyvand_template_\(ProcessInfo.processInfo.processIdentifier)"
        try await Self.admin(baseURL) { sql in
            try await sql.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run()
            try await sql.raw("CREATE DATABASE \(ident: name)").run()
        }
        let app = try await Application.make(.testing)
        do {
            try await configure(app, settings: Settings(database: .postgres(url: Self.url(baseURL, database: name)), runsJobWorker: false))
            try await app.autoMigrate()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        return name
    }

    static func url(_ baseURL: String, database: String) -> String {
        var components = URLComponents(string: baseURL)!
        components.path = "/\(database)"
        return components.string!
    }

    /// Runs SQL on the base database (CREATE/DROP DATABASE cannot run inside the target).
    static func admin(_ baseURL: String, _ body: @Sendable @escaping (any SQLDatabase) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        do {
            app.databases.use(try .postgres(url: baseURL), as: .psql)
            try await body(app.db as! any SQLDatabase)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

/// Runs `body` with the real application (real `configure`, real middleware, real database),
/// migrated and empty. bcrypt runs at its lowest cost to keep the suite fast.
func withApp(
    clock: TestClock = TestClock(), _ body: (Application) async throws -> Void
) async throws {
    let (location, cleanup) = try await TestDatabasePool.shared.makeLocation()
    let app = try await Application.make(.testing)
    do {
        try await configure(app, settings: Settings(database: location, runsJobWorker: false),
                            hasher: BcryptHasher(cost: 4), now: { clock.now })
        try await app.autoMigrate()
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        await cleanup()
        throw error
    }
    try await app.asyncShutdown()
    await cleanup()
}

/// A clock tests can move.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_795_000_000)) {
        current = start
    }

    var now: Date { lock.withLock { current } }

    func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}
