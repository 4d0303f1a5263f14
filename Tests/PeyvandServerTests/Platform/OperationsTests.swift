import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

@Suite("Operations, contract and backups")
struct OperationsTests {
    @Test func health_readiness_and_metrics_answer() async throws {
        try await withApp { app in
            #expect(try await app.testing().sendRequest(.GET, "healthz").status == .ok)
            let ready = try await app.testing().sendRequest(.GET, "readyz")
            #expect(ready.status == .ok)
            #expect(ready.json["pending_migrations"] as? Int == 0)
            let metrics = try await app.testing().sendRequest(.GET, "metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.body.string.contains("peyvand_jobs_count{status=\"queued\"}"))
        }
    }

    @Test func the_openapi_document_describes_exactly_the_routes_that_exist() async throws {
        try await withApp { app in
            let res = try await app.testing().sendRequest(.GET, "api/v1/openapi.json")
            #expect(res.status == .ok)
            #expect((res.json["openapi"] as? String)?.hasPrefix("3.1") == true)
            let paths = res.json["paths"] as? [String: [String: Any]] ?? [:]
            let documented = Set(paths.flatMap { path, operations in
                operations.keys.filter { ["get", "post", "patch", "put", "delete"].contains($0) }.map { "\($0.uppercased()) \(path)" }
            })
            // Web pages (login, home, assets) are HTML for browsers, not part of the API contract.
            let machineRoutes = app.routes.all.filter { ["api", "healthz", "readyz", "metrics"].contains($0.path.first?.description) }
            let served = Set(machineRoutes.map { route in
                "\(route.method.rawValue) /" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
            })
            #expect(documented == served)
        }
    }

    @Test func sqlite_backup_then_restore_gives_back_the_same_data() async throws {
        guard !TestDatabase.isPostgres else { return }  // backup/restore is the SQLite path; PostgreSQL uses pg_dump
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("peyvand-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let databasePath = directory.appendingPathComponent("live.sqlite").path
        let backupPath = directory.appendingPathComponent("backup.sqlite").path

        func snapshot(_ app: Application) async throws -> [String] {
            try await Team.query(on: app.db).sort(\.$name).all().map(\.name) + User.query(on: app.db).sort(\.$email).all().map(\.email)
        }
        func open() async throws -> Application {
            let app = try await Application.make(.testing)
            try await configure(app, settings: Settings(database: .sqlite(path: databasePath), runsJobWorker: false), hasher: BcryptHasher(cost: 4))
            try await app.autoMigrate()
            return app
        }

        let app = try await open()
        let org = try await TestOrganisation.make(app)
        _ = try await org.makeTeam("تیم فروش")
        let original = try await snapshot(app)
        try await SQLiteBackup.backup(app.store, to: backupPath)
        await #expect(throws: SQLiteBackup.Failure.self) { try await SQLiteBackup.backup(app.store, to: backupPath) }
        _ = try await org.makeTeam("After backup")
        #expect(try await snapshot(app) != original)
        try await app.asyncShutdown()

        try SQLiteBackup.restore(from: backupPath, to: databasePath)
        let restored = try await open()
        #expect(try await snapshot(restored) == original)
        try await restored.asyncShutdown()
    }
}
