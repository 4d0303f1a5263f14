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
        // LOG_LEVEL=trace also shows every SQL statement with its binds.
        handler.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        return handler
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Migrate the database and serve HTTP.")

    @ArgumentParser.Option(help: "Address to listen on.") var hostname = "127.0.0.1"
    @ArgumentParser.Option(help: "Port to listen on (default: PORT or 8080).") var port: Int?
    @ArgumentParser.Flag(help: "On an empty database, create a demo organisation and print its login.") var demo = false
    @ArgumentParser.Option(name: .customLong("mail-port"), help: "Also receive mail by SMTP on this port (default: MAIL_PORT; off when unset).")
    var mailPort: Int?

    func run() async throws {
        bootstrapLogging()
        var settings: Settings?
        try await reportingFailures(database: nil) {
            settings = try Settings.fromEnvironment()
            if let port { settings!.port = port }
            if let mailPort { settings!.mailPort = mailPort }
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

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Demo data for trying Peyvand out and for load tests.",
                                                    subcommands: [Load.self, Explain.self])

    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a large, realistic Persian sales data set into the demo organisation.",
            discussion: """
                Migrates the database (DATABASE_URL) first. On an empty database it creates the demo organisation and \
                its users (as `serve --demo` does) and prints the login. Then it writes, per N contacts: N/10 accounts, \
                N/5 leads, N/10 opportunities spread over the default pipeline's stages (with their stage history) and \
                N/2 activities, N/5 service cases (most resolved or closed) and N/200 knowledge-base articles about \
                the same problems (--cases and --articles choose other numbers), with unique mobile numbers, e-mails, \
                addresses, tags and owners among the organisation's sales users and teams. Rows go in as multi-row INSERTs, many per transaction; \
                search indexes, phone/e-mail keys and tag lookups are filled like the services fill them.

                Generated rows are NOT audited and raise NO outbox events (no webhooks, no automation): they are \
                demo data, not changes anyone made. The same --seed and --as-of on an empty database give the same \
                rows; loading again adds more.
                """)

        @ArgumentParser.Option(help: "How many contacts to generate (the other records follow from it).") var contacts: Int
        @ArgumentParser.Option(help: "How many service cases (default: contacts / 5).") var cases: Int?
        @ArgumentParser.Option(help: "How many knowledge-base articles (default: contacts / 200).") var articles: Int?
        @ArgumentParser.Option(help: "The organisation to fill (default: the only one, or the demo organisation).") var organisation: String?
        @ArgumentParser.Option(help: "Seed of the generator.") var seed: UInt64 = 1405
        @ArgumentParser.Option(name: .customLong("as-of"), help: "The day the generated history ends, YYYY-MM-DD (default: today, UTC).")
        var asOf: String?
        @ArgumentParser.Option(help: "Write a JSON summary (sample contact ids, the busiest account) to this file.") var report: String?
        @ArgumentParser.Option(help: "Rows per INSERT statement.") var rowsPerStatement = 1000
        @ArgumentParser.Option(help: "Records per transaction.") var rowsPerTransaction = 10_000

        func validate() throws {
            guard contacts > 0 else { throw ValidationError("--contacts must be at least 1") }
            guard (cases ?? 0) >= 0, (articles ?? 0) >= 0 else { throw ValidationError("--cases and --articles cannot be negative") }
            guard rowsPerStatement > 0, rowsPerTransaction > 0 else { throw ValidationError("batch sizes must be at least 1") }
            if let asOf, Self.day(asOf) == nil { throw ValidationError("--as-of must be a day like 2026-11-23") }
        }

        func run() async throws {
            var settings: Settings?
            try await reportingFailures(database: nil) { settings = try Settings.fromEnvironment() }
            try await reportingFailures(database: settings!.database) {
                var noWorker = settings!
                noWorker.runsJobWorker = false
                try await withApplication(noWorker) { app in
                    try await app.autoMigrate()
                    let context = try await adminContext(app)
                    let options = DemoDataLoader.Options(
                        contacts: contacts, cases: cases, articles: articles, seed: seed, asOf: asOf.flatMap(Self.day) ?? Self.today(),
                        rowsPerStatement: rowsPerStatement, rowsPerTransaction: rowsPerTransaction)
                    print("Loading \(contacts) contacts with their accounts, leads, opportunities, activities, cases and articles into "
                          + "\(settings!.database.displayName) (seed \(seed))…")
                    let printer = ProgressPrinter()
                    let result = try await DemoDataLoader(store: app.store).load(options, by: context) { printer.show($0) }
                    print(Self.summary(result))
                    if let report { try Self.write(result, organisationID: context.organisationID, to: report) }
                }
            }
        }

        /// The administrator acting for the load: the demo organisation's, created on an empty database.
        private func adminContext(_ app: Application) async throws -> RequestContext {
            if let login = try await DemoData.loadIfEmpty(app, organisationName: organisation ?? DemoData.organisationName) {
                print("Created the demo organisation. Demo login: \(login.email) / \(login.password)")
            }
            let admin = try await DemoDataLoader.administrator(of: organisation, otherwise: DemoData.organisationName, store: app.store)
            return try await AuthService(store: app.store, hasher: app.peyvand.hasher, pepper: app.peyvand.settings.secret)
                .context(forUser: admin, language: .fa, requestID: nil)
        }

        static func day(_ text: String) -> Date? {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withFullDate]
            return formatter.date(from: text)
        }

        static func today() -> Date {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            return calendar.startOfDay(for: Date())
        }

        static func summary(_ report: DemoDataLoader.Report) -> String {
            var lines = ["", "table                        rows"]
            for (table, count) in report.rows {
                lines.append(table.padding(toLength: 26, withPad: " ", startingAt: 0) + String(count).leftPadded(10))
            }
            lines.append("total".padding(toLength: 26, withPad: " ", startingAt: 0) + String(report.totalRows).leftPadded(10))
            lines.append("Loaded \(report.totalRows) rows in \(String(format: "%.1f", report.elapsed)) s "
                         + "(\(String(format: "%.0f", Double(report.totalRows) / max(report.elapsed, 0.001))) rows/s). "
                         + "Busiest account: \(report.busiestAccountID.uuidString.lowercased()) (\(report.busiestAccountContacts) contacts).")
            return lines.joined(separator: "\n")
        }

        struct ReportFile: Codable {
            var organisationID: UUID
            var elapsedSeconds: Double
            var rows: [String: Int]
            var busiestAccountID: UUID
            var busiestAccountContacts: Int
            var sampleContactIDs: [UUID]

            enum CodingKeys: String, CodingKey {
                case organisationID = "organisation_id", elapsedSeconds = "elapsed_seconds", rows
                case busiestAccountID = "busiest_account_id", busiestAccountContacts = "busiest_account_contacts"
                case sampleContactIDs = "sample_contact_ids"
            }
        }

        static func write(_ report: DemoDataLoader.Report, organisationID: UUID, to path: String) throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let file = ReportFile(organisationID: organisationID, elapsedSeconds: report.elapsed,
                                  rows: Dictionary(uniqueKeysWithValues: report.rows.map { ($0.table, $0.count) }),
                                  busiestAccountID: report.busiestAccountID, busiestAccountContacts: report.busiestAccountContacts,
                                  sampleContactIDs: report.sampleContactIDs)
            try encoder.encode(file).write(to: URL(fileURLWithPath: path))
        }
    }
}

extension DemoCommand {
    /// Prints the database's plan for the statements of a file, run by the application's own
    /// database engine (the SQLite compiled into the binary, or the PostgreSQL server).
    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the query plans of the EXPLAIN statements in a file (for benchmarks).",
            discussion: """
                Each statement starts with a line `-- name: …` and must be an EXPLAIN. Placeholders are replaced by \
                literals of the database's dialect: {org} (the organisation of --report), {account} (its busiest \
                account), {contact} (a sample contact), {now}, {timeline_ids} (the account, its newest 500 contacts \
                and 500 opportunities, as the timeline reads them), {timeline_contacts} and {timeline_opportunities}.
                """)

        @ArgumentParser.Argument(help: "The file of EXPLAIN statements.") var file: String
        @ArgumentParser.Option(help: "The JSON file `demo load --report` wrote.") var report: String

        func run() async throws {
            var settings: Settings?
            try await reportingFailures(database: nil) { settings = try Settings.fromEnvironment() }
            try await reportingFailures(database: settings!.database) {
                var noWorker = settings!
                noWorker.runsJobWorker = false
                let ids = try JSONDecoder().decode(Load.ReportFile.self, from: Data(contentsOf: URL(fileURLWithPath: report)))
                let text = try String(contentsOfFile: file, encoding: .utf8)
                try await withApplication(noWorker) { app in
                    let plans = try await DemoQueryPlans(store: app.store).explain(
                        text, organisationID: ids.organisationID, accountID: ids.busiestAccountID,
                        contactID: ids.sampleContactIDs[ids.sampleContactIDs.count / 2])
                    for (name, lines) in plans {
                        print("== \(name)")
                        for line in lines { print("  " + line) }
                    }
                }
            }
        }
    }
}

/// Prints load progress at most every two seconds, and whenever a table is done.
final class ProgressPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private var lastPrint = Date.distantPast

    func show(_ progress: DemoDataLoader.Progress) {
        lock.withLock {
            let now = Date()
            guard progress.done == progress.total || now.timeIntervalSince(lastPrint) >= 2 else { return }
            lastPrint = now
            let rate = Double(progress.rowsWritten) / max(progress.elapsed, 0.001)
            print("  \(progress.table.padding(toLength: 14, withPad: " ", startingAt: 0)) \(progress.done)/\(progress.total)"
                  + "  — \(progress.rowsWritten) rows in \(String(format: "%.1f", progress.elapsed)) s (\(String(format: "%.0f", rate)) rows/s)")
            fflush(nil)  // show progress at once when stdout is a file or pipe
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
