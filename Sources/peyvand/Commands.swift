import ArgumentParser
import Foundation
import Logging
import PeyvandCore
import PeyvandServer
import Vapor

/// Builds a configured (not yet migrated) application for a command.
func makeApplication(_ settings: Settings) async throws -> Application {
    let app = try await Application.make(Environment(name: "production", arguments: ["peyvand"]))
    do {
        try await configure(app, settings: settings)
        return app
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}

/// Runs `body` with a configured application and always shuts it down afterwards.
func withApplication(_ settings: Settings, _ body: (Application) async throws -> Void) async throws {
    let app = try await makeApplication(settings)
    do {
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

/// Starts logging once per process, in the format `LOG_FORMAT` asks for.
func bootstrapLogging() {
    let json = ProcessInfo.processInfo.environment["LOG_FORMAT"] == "json"
    LoggingSystem.bootstrap { label in
        if json { return JSONLogHandler(label: label) }
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = .info
        return handler
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Migrate the database and serve HTTP.")

    @ArgumentParser.Option(help: "Address to listen on.") var hostname = "127.0.0.1"
    @ArgumentParser.Option(help: "Port to listen on (default: PORT or 8080).") var port: Int?
    @ArgumentParser.Flag(help: "On an empty database, create a demo organisation and print its login.") var demo = false

    func run() async throws {
        bootstrapLogging()
        var settings: Settings?
        try await reportingFailures(database: nil) {
            settings = try Settings.fromEnvironment()
            if let port { settings!.port = port }
        }
        try await reportingFailures(database: settings!.database) {
            try await withApplication(settings!) { app in
                try await app.autoMigrate()
                if settings!.isSecretDefault {
                    app.logger.warning("PEYVAND_SECRET is not set; using the development default. Set it in production.")
                }
                var login: DemoData.Login?
                if demo { login = try await DemoData.loadIfEmpty(app) }
                let url = "http://\(hostname):\(settings!.port)"
                print("Peyvand \(Peyvand.version) — \(url)  (API: \(url)/api/v1, contract: \(url)/api/v1/openapi.json)")
                if let login { print("Demo login: \(login.email) / \(login.password)") }
                app.environment.arguments = ["peyvand", "serve", "--hostname", hostname, "--port", String(settings!.port)]
                try await app.execute()
            }
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations.")

    func run() async throws {
        var settings: Settings?
        try await reportingFailures(database: nil) { settings = try Settings.fromEnvironment() }
        try await reportingFailures(database: settings!.database) {
            try await withApplication(settings!) { app in
                try await app.migrator.setupIfNeeded().get()
                let pending = try await app.migrator.previewPrepareBatch().get().count
                try await app.autoMigrate()
                print("Applied \(pending) migration(s) to \(settings!.database.displayName).")
            }
        }
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage users.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a user. On an empty database this also creates the organisation.")

        @ArgumentParser.Option var email: String
        @ArgumentParser.Option var password: String
        @ArgumentParser.Option(help: "admin, sales_manager, sales_rep, marketer, support_agent, support_manager, read_only, or a custom role's name.")
        var role: String
        @ArgumentParser.Option var name: String?
        @ArgumentParser.Option(help: "Name of the organisation when one is created.") var organisation = "سازمان من"

        func run() async throws {
            var settings: Settings?
            try await reportingFailures(database: nil) { settings = try Settings.fromEnvironment() }
            try await reportingFailures(database: settings!.database) {
                try await withApplication(settings!) { app in
                    try await app.autoMigrate()
                    let service = OrganisationService(store: app.store, hasher: app.peyvand.hasher)
                    let (org, user) = try await service.createUser(
                        .init(email: email, name: name, password: password, roleKey: role), organisationName: organisation)
                    print("Created user \(user.email) (\(role)) in organisation \(org.name).")
                }
            }
        }
    }
}

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a consistent copy of the SQLite database while it is in use (VACUUM INTO).")

    @ArgumentParser.Option(help: "The backup file to create; it must not exist.") var to: String

    func run() async throws {
        var settings: Settings?
        try await reportingFailures(database: nil) { settings = try Settings.fromEnvironment() }
        try await reportingFailures(database: settings!.database) {
            var noWorker = settings!
            noWorker.runsJobWorker = false
            try await withApplication(noWorker) { app in
                try await SQLiteBackup.backup(app.store, to: to)
                print("Backed up \(settings!.database.displayName) to \(to).")
            }
        }
    }
}

struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replace the SQLite database with a backup. Stop the server first.")

    @ArgumentParser.Option(help: "A file written by `peyvand backup`.") var from: String

    func run() async throws {
        var settings: Settings?
        try await reportingFailures(database: nil) { settings = try Settings.fromEnvironment() }
        try await reportingFailures(database: settings!.database) {
            guard case .sqlite(let path) = settings!.database else {
                throw SettingsError.invalid("DATABASE_URL", "restore works on SQLite; use pg_restore for PostgreSQL")
            }
            try SQLiteBackup.restore(from: from, to: path)
            // The copy may have renumbered rowids; the full-text indexes point at rowids.
            try await withApplication(settings!) { app in try await SearchIndex.rebuildAll(on: app.db.sql()) }
            print("Restored \(path) from \(from).")
        }
    }
}
