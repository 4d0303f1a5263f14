import FluentPostgresDriver
import FluentSQLiteDriver
import PeyvandCore
import Vapor

/// Turns a start-up failure into one line a person can act on, never a stack trace.
public enum StartupError {
    public static func describe(_ error: any Error, database: DatabaseLocation?) -> String {
        let target = database?.displayName ?? "the database"
        switch error {
        case let settings as SettingsError:
            return settings.description
        case let validation as ValidationFailure:
            return validation.fieldErrors.map { "\($0.field): \(Messages.field($0.code, in: .en))" }.joined(separator: "; ")
        case let domain as any DomainError:
            return Messages.title(domain.code, in: .en)
        case let postgres as PSQLError:
            if let message = postgres.serverInfo?[.message] {
                return "\(target) refused: \(message)"
            }
            let reason = postgres.underlying.map { String(describing: $0) } ?? "\(postgres.code)"
            return "cannot connect to \(target): \(reason)"
        case let sqlite as SQLiteError:
            return "cannot use \(target): \(sqlite.message)"
        default:
            let text = String(describing: error)
            if text.localizedCaseInsensitiveContains("connect") || text.localizedCaseInsensitiveContains("refused") {
                return "cannot connect to \(target): \(text)"
            }
            return text
        }
    }
}
