import ArgumentParser
import Foundation
import PeyvandCore
import PeyvandServer

@main
struct PeyvandCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peyvand",
        abstract: "Peyvand CRM (پیوند): server and administration.",
        discussion: "Configuration from the environment: DATABASE_URL (default sqlite://peyvand.sqlite), PORT, PEYVAND_SECRET, LOG_FORMAT=json, SMTP_URL, MAIL_PORT, MAIL_MAX_BYTES.",
        subcommands: [Serve.self, Migrate.self, UserCommand.self, DemoCommand.self, Backup.self, Restore.self, MailCommand.self, Version.self],
        defaultSubcommand: Serve.self
    )
}

struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the version.")

    func run() {
        print("peyvand \(Peyvand.version)")
    }
}

/// Runs `body` and turns any failure into a one-line message and exit code 1.
func reportingFailures(database: DatabaseLocation?, _ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        FileHandle.standardError.write(Data("peyvand: \(StartupError.describe(error, database: database))\n".utf8))
        throw ExitCode.failure
    }
}
