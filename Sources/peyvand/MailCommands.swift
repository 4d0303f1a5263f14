import ArgumentParser
import FluentKit
import Foundation
import PeyvandCore
import PeyvandServer

/// `peyvand mail …`: receiving mail from a mail server's pipe, and routing addresses.
struct MailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail", abstract: "Receive mail from a mail server, and route inbound addresses to organisations.",
        subcommands: [Receive.self, Route.self])

    /// For a mail server's pipe transport (Postfix `pipe`, Exim `pipe`): one RFC 5322 message on
    /// stdin. Exit codes follow sysexits so the mail server bounces or retries correctly.
    struct Receive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Store one message read from stdin (for a mail server's pipe).")

        @ArgumentParser.Option(help: "The envelope sender (empty for a bounce).") var from = ""
        @ArgumentParser.Option(help: "An envelope recipient; repeat for several.") var to: [String]

        func run() async throws {
            var settings: Settings?
            do {
                settings = try Settings.fromEnvironment()
            } catch {
                FileHandle.standardError.write(Data("peyvand: \(error)\n".utf8))
                throw ExitCode(78)  // EX_CONFIG
            }
            settings!.runsJobWorker = false
            settings!.mailPort = nil
            let limit = settings!.mailMaximumBytes
            var data = Data()
            while let chunk = try FileHandle.standardInput.read(upToCount: 1 << 16), !chunk.isEmpty {
                data.append(chunk)
                if data.count > limit {
                    FileHandle.standardError.write(Data("peyvand: message too big: the limit is \(limit) bytes (MAIL_MAX_BYTES)\n".utf8))
                    throw ExitCode(65)  // EX_DATAERR: the mail server bounces it
                }
            }
            guard !to.isEmpty else {
                FileHandle.standardError.write(Data("peyvand: give at least one --to recipient\n".utf8))
                throw ExitCode(64)  // EX_USAGE
            }
            var failure: (code: Int32, message: String)?
            try await withApplication(settings!) { app in
                do {
                    try await app.autoMigrate()
                    let ids = try await InboundMailService.store(raw: data, envelopeFrom: from, recipients: to, store: app.store)
                    print(ids.map(\.uuidString).joined(separator: "\n"))
                } catch let rejection as InboundMailService.Rejection {
                    failure = (67, rejection.description)  // EX_NOUSER
                } catch {
                    failure = (75, "could not store the message, try again later: \(error)")  // EX_TEMPFAIL
                }
            }
            if let failure {
                FileHandle.standardError.write(Data("peyvand: \(failure.message)\n".utf8))
                throw ExitCode(failure.code)
            }
        }
    }

    struct Route: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deliver mail for an address (e.g. support@example.ir; support+anything@… follows it) to an organisation.")

        @ArgumentParser.Option(help: "The recipient address.") var address: String
        @ArgumentParser.Option(help: "The organisation's name or id.") var organisation: String

        func run() async throws {
            var settings: Settings?
            try await reportingFailures(database: nil) { settings = try Settings.fromEnvironment() }
            settings!.runsJobWorker = false
            settings!.mailPort = nil
            try await reportingFailures(database: settings!.database) {
                try await withApplication(settings!) { app in
                    try await app.autoMigrate()
                    let organisations = try await Organisation.query(on: app.db).all()
                    guard let match = organisations.first(where: { $0.id?.uuidString.lowercased() == organisation.lowercased() || $0.name == organisation })
                    else { throw ValidationError("no organisation named \(organisation)") }
                    try await app.store.write { [address] db in
                        try await InboundMailService.assign(address: address, to: match.id!, at: Date(), on: db)
                    }
                    print("Mail for \(address.lowercased()) goes to \(match.name).")
                }
            }
        }
    }
}
