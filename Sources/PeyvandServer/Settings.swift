import Foundation

/// Where the data lives, read from `DATABASE_URL`.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    /// `sqlite://peyvand.sqlite` (relative), `sqlite:///var/lib/peyvand.sqlite` (absolute),
    /// `postgres://user:password@host:port/database`.
    public static func parse(_ url: String) throws -> DatabaseLocation {
        if url.hasPrefix("sqlite://") {
            let path = String(url.dropFirst("sqlite://".count))
            guard !path.isEmpty, path != ":memory:" else {
                throw SettingsError.invalid("DATABASE_URL", "an SQLite URL needs a file path, e.g. sqlite://peyvand.sqlite")
            }
            return .sqlite(path: path)
        }
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty,
                  components.path.count > 1
            else {
                throw SettingsError.invalid("DATABASE_URL", "expected postgres://user:password@host:port/database")
            }
            return .postgres(url: url)
        }
        throw SettingsError.invalid("DATABASE_URL", "must start with sqlite:// or postgres:// (got '\(url.prefix(20))')")
    }

    /// For messages: never shows a password.
    public var displayName: String {
        switch self {
        case .sqlite(let path): "SQLite file \(path)"
        case .postgres(let url):
            if let components = URLComponents(string: url) {
                "PostgreSQL at \(components.host ?? "?"):\(components.port ?? 5432)\(components.path)"
            } else { "PostgreSQL" }
        }
    }
}

/// Everything configurable, from the environment.
public struct Settings: Sendable {
    public var database: DatabaseLocation
    public var port: Int
    /// Mixed into token digests; a development default is used (with a warning) when unset.
    public var secret: String
    public var isSecretDefault: Bool
    /// `json` for one JSON object per log line, anything else for Vapor's console format.
    public var logFormat: String
    /// Whether this process runs the background job worker.
    public var runsJobWorker: Bool
    /// Where outbound mail goes (`SMTP_URL`); without it messages wait in `outbound_emails`.
    public var smtp: SMTPConfiguration?
    /// The inbound SMTP listener's port (`MAIL_PORT` or `serve --mail-port`); off when nil.
    public var mailPort: Int?
    /// Address the inbound listener binds (`MAIL_HOST`, default 127.0.0.1).
    public var mailHost: String
    /// Largest inbound message accepted (`MAIL_MAX_BYTES`, default 25 MB).
    public var mailMaximumBytes: Int
    /// `MAIL_PROTOCOL=lmtp` makes the listener speak LMTP.
    public var mailLMTP: Bool
    /// Where people reach the app (`PUBLIC_URL`, default `http://localhost:<port>`), for links in mail.
    public var publicURL: String

    public static let developmentSecret = "peyvand-development-secret-do-not-use-in-production"

    public init(database: DatabaseLocation, port: Int = 8080, secret: String? = nil, logFormat: String = "text", runsJobWorker: Bool = true,
                smtp: SMTPConfiguration? = nil, mailPort: Int? = nil, mailHost: String = "127.0.0.1",
                mailMaximumBytes: Int = 25 * 1024 * 1024, mailLMTP: Bool = false, publicURL: String? = nil) {
        self.database = database
        self.publicURL = publicURL ?? "http://localhost:\(port)"
        self.smtp = smtp
        self.mailPort = mailPort
        self.mailHost = mailHost
        self.mailMaximumBytes = mailMaximumBytes
        self.mailLMTP = mailLMTP
        self.port = port
        self.secret = secret ?? Self.developmentSecret
        self.isSecretDefault = secret == nil
        self.logFormat = logFormat
        self.runsJobWorker = runsJobWorker
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Settings {
        let database = try DatabaseLocation.parse(environment["DATABASE_URL"] ?? "sqlite://peyvand.sqlite")
        var port = 8080
        if let raw = environment["PORT"] {
            guard let value = Int(raw), (1...65535).contains(value) else {
                throw SettingsError.invalid("PORT", "must be a number from 1 to 65535 (got '\(raw)')")
            }
            port = value
        }
        let secret = environment["PEYVAND_SECRET"]
        if let secret, secret.utf8.count < 32 {
            throw SettingsError.invalid("PEYVAND_SECRET", "must be at least 32 characters")
        }
        var mailPort: Int?
        if let raw = environment["MAIL_PORT"], !raw.isEmpty {
            guard let value = Int(raw), (0...65535).contains(value) else {
                throw SettingsError.invalid("MAIL_PORT", "must be a number from 0 to 65535 (got '\(raw)')")
            }
            mailPort = value
        }
        var mailMaximumBytes = 25 * 1024 * 1024
        if let raw = environment["MAIL_MAX_BYTES"], !raw.isEmpty {
            guard let value = Int(raw), value > 0 else {
                throw SettingsError.invalid("MAIL_MAX_BYTES", "must be a positive number of bytes (got '\(raw)')")
            }
            mailMaximumBytes = value
        }
        let smtp = try environment["SMTP_URL"].flatMap { $0.isEmpty ? nil : try SMTPConfiguration.parse($0) }
        return Settings(database: database, port: port, secret: secret, logFormat: environment["LOG_FORMAT"] ?? "text",
                        runsJobWorker: environment["PEYVAND_JOB_WORKER"] != "off", smtp: smtp, mailPort: mailPort,
                        mailHost: environment["MAIL_HOST"] ?? "127.0.0.1", mailMaximumBytes: mailMaximumBytes,
                        mailLMTP: environment["MAIL_PROTOCOL"]?.lowercased() == "lmtp",
                        publicURL: environment["PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 })
    }
}

public enum SettingsError: Error, CustomStringConvertible, Equatable {
    case invalid(String, String)

    public var description: String {
        switch self {
        case .invalid(let variable, let problem): "\(variable) \(problem)"
        }
    }
}
