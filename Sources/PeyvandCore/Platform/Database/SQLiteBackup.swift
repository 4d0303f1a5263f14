import FluentKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SQLKit

/// Online, consistent SQLite backups (`VACUUM INTO` reads one snapshot while writers go on) and
/// restores that swap the file in whole.
public enum SQLiteBackup {
    public enum Failure: Error, CustomStringConvertible {
        case notSQLite
        case targetExists(String)
        case sourceMissing(String)
        case notAPeyvandDatabase(String)

        public var description: String {
            switch self {
            case .notSQLite: "backup works on SQLite; use pg_dump for PostgreSQL"
            case .targetExists(let path): "\(path) already exists; choose a new file"
            case .sourceMissing(let path): "\(path) does not exist"
            case .notAPeyvandDatabase(let path): "\(path) is not an intact Peyvand SQLite database"
            }
        }
    }

    public static func backup(_ store: Store, to path: String) async throws {
        guard store.dialect == .sqlite else { throw Failure.notSQLite }
        guard !FileManager.default.fileExists(atPath: path) else { throw Failure.targetExists(path) }
        try await store.sql().raw("VACUUM INTO \(bind: path)").run()
    }

    /// Replaces `databasePath` with a verified copy of `backupPath`. The server must be stopped.
    public static func restore(from backupPath: String, to databasePath: String) throws {
        let files = FileManager.default
        guard files.fileExists(atPath: backupPath) else { throw Failure.sourceMissing(backupPath) }
        let header = try FileHandle(forReadingFrom: URL(fileURLWithPath: backupPath)).read(upToCount: 16) ?? Data()
        guard header == Data("SQLite format 3\0".utf8) else { throw Failure.notAPeyvandDatabase(backupPath) }
        let staging = databasePath + ".restoring"
        try? files.removeItem(atPath: staging)
        try files.copyItem(atPath: backupPath, toPath: staging)
        for suffix in ["-wal", "-shm"] { try? files.removeItem(atPath: databasePath + suffix) }
        // rename(2) swaps the file in atomically: a crash leaves either the old or the new database.
        guard rename(staging, databasePath) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: databasePath])
        }
    }
}
