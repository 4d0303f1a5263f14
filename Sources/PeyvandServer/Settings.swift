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

    public static let developmentSecret = "peyvand-development-secret-do-not-use-in-production"

    public init(database: DatabaseLocation, port: Int = 8080, secret: String? = nil, logFormat: String = "text", runsJobWorker: Bool = true) {
        self.database = database
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
        return Settings(database: database, port: port, secret: secret, logFormat: environment["LOG_FORMAT"] ?? "text",
                        runsJobWorker: environment["PEYVAND_JOB_WORKER"] != "off")
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
