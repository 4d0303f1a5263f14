import FluentKit
import SQLKit

/// Full-text search over a table's `search_text` column, one implementation per database behind
/// one interface: SQLite FTS5 (an external-content index kept in step by triggers) and PostgreSQL
/// `tsvector` (a stored generated column with a GIN index). Queries match every term as a prefix
/// and rank with the engine's own relevance (bm25 / ts_rank).
public enum SearchIndex {
    /// The index table of `table` on SQLite.
    static func ftsTable(_ table: String) -> String { "\(table)_search" }

    /// Adds the index to a table that has a `search_text` column; run inside its migration.
    public static func install(on table: String, database: any Database) async throws {
        let sql = try database.sql()
        switch Store.dialect(of: database) {
        case .sqlite:
            let fts = ftsTable(table)
            try await sql.raw("""
                CREATE VIRTUAL TABLE \(ident: fts) USING fts5(search_text, content=\(literal: table), content_rowid='rowid',
                tokenize='unicode61 remove_diacritics 2')
                """).run()
            try await sql.raw("""
                CREATE TRIGGER \(ident: "\(fts)_insert") AFTER INSERT ON \(ident: table) BEGIN
                  INSERT INTO \(ident: fts)(rowid, search_text) VALUES (new.rowid, new.search_text);
                END
                """).run()
            try await sql.raw("""
                CREATE TRIGGER \(ident: "\(fts)_delete") AFTER DELETE ON \(ident: table) BEGIN
                  INSERT INTO \(ident: fts)(\(ident: fts), rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
                END
                """).run()
            try await sql.raw("""
                CREATE TRIGGER \(ident: "\(fts)_update") AFTER UPDATE OF search_text ON \(ident: table) BEGIN
                  INSERT INTO \(ident: fts)(\(ident: fts), rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
                  INSERT INTO \(ident: fts)(rowid, search_text) VALUES (new.rowid, new.search_text);
                END
                """).run()
        case .postgresql:
            try await sql.raw("""
                ALTER TABLE \(ident: table) ADD COLUMN search_vector tsvector
                GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED
                """).run()
            try await sql.raw("CREATE INDEX \(ident: "\(table)_search_vector") ON \(ident: table) USING GIN (search_vector)").run()
        }
    }

    /// Removes what `install` added (the PostgreSQL column goes with its table).
    public static func uninstall(from table: String, database: any Database) async throws {
        guard Store.dialect(of: database) == .sqlite else { return }
        try await database.sql().raw("DROP TABLE IF EXISTS \(ident: ftsTable(table))").run()
    }

    /// Rebuilds every SQLite index from its table. Needed after a file copy made with VACUUM,
    /// which may renumber the rowids the index points at.
    public static func rebuildAll(on sql: any SQLDatabase) async throws {
        let rows = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'").all()
        for row in rows {
            let name = try row.decode(column: "name", as: String.self)
            try await sql.raw("INSERT INTO \(ident: name)(\(ident: name)) VALUES ('rebuild')").run()
        }
    }

    /// What a list query adds to find and rank the rows of `table` (aliased `alias`) matching `terms`.
    struct Match {
        var join: SQLQueryString?
        var condition: SQLQueryString
        /// Best match first.
        var rankOrder: SQLQueryString
    }

    /// "More like this" (similar cases, suggested articles): the ids of the `limit` rows of `table`
    /// (aliased `alias`, meeting `conditions`) that share the most (and rarest) of the words, no
    /// single word being required.
    ///
    /// `window`: rank only the latest so many rows sharing a word. A common word is shared by a
    /// good part of a big table, and ranking every row that has it cost 200 ms at 200,000 cases
    /// (6 ms for the latest 1,000, on eight words). On SQLite the window is taken from the index
    /// before `conditions` apply (the index spans organisations), so in a database shared by several
    /// organisations it may hold fewer of the reader's rows; on PostgreSQL it is the organisation's.
    static func sharingAny(_ words: [String], table: String, alias: String, conditions: SQLQueryString, window: Int, limit: Int,
                           dialect: SQLDialectKind) -> SQLQueryString {
        switch dialect {
        case .sqlite:
            let expression = words.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: " OR ")
            let fts = ftsTable(table)
            return """
                SELECT \(ident: alias).id FROM (SELECT rowid AS pv_rowid, rank AS pv_rank FROM \(ident: fts) WHERE \(ident: fts) MATCH \(bind: expression)
                  ORDER BY rowid DESC LIMIT \(literal: window)) AS pv_match
                JOIN \(ident: table) AS \(ident: alias) ON \(ident: alias).rowid = pv_match.pv_rowid
                WHERE \(conditions)
                ORDER BY pv_match.pv_rank, \(ident: alias).id DESC LIMIT \(literal: limit)
                """
        case .postgresql:
            let query: SQLQueryString = "to_tsquery('simple', \(bind: words.joined(separator: " | ")))"
            return """
                SELECT \(ident: alias).id FROM (SELECT \(ident: alias).id, \(ident: alias).search_vector FROM \(ident: table) AS \(ident: alias)
                  WHERE \(conditions) AND \(ident: alias).search_vector @@ \(query)
                  ORDER BY \(ident: alias).id DESC LIMIT \(literal: window)) AS \(ident: alias)
                ORDER BY ts_rank(\(ident: alias).search_vector, \(query)) DESC, \(ident: alias).id DESC LIMIT \(literal: limit)
                """
        }
    }

    /// A row matches when every term of one of the query's spellings (`SearchText.spellings`)
    /// begins one of its words.
    static func match(_ terms: [String], table: String, alias: String, dialect: SQLDialectKind) -> Match {
        let spellings = SearchText.spellings(of: terms)
        switch dialect {
        case .sqlite:
            // Each term is quoted (so FTS5 operators in it are plain text) and matched as a prefix.
            let expression = spellings.map { spelling in
                "(" + spelling.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"*" }.joined(separator: " ") + ")"
            }.joined(separator: " OR ")
            let fts = ftsTable(table)
            return Match(join: "JOIN \(ident: fts) ON \(ident: fts).rowid = \(ident: alias).rowid",
                         condition: "\(ident: fts) MATCH \(bind: expression)",
                         rankOrder: "\(ident: fts).rank")
        case .postgresql:
            // Terms hold only letters and digits (see SearchText), so they are safe tsquery lexemes.
            let expression = spellings.map { spelling in
                "(" + spelling.map { "\($0):*" }.joined(separator: " & ") + ")"
            }.joined(separator: " | ")
            return Match(join: nil,
                         condition: "\(ident: alias).search_vector @@ to_tsquery('simple', \(bind: expression))",
                         rankOrder: "ts_rank(\(ident: alias).search_vector, to_tsquery('simple', \(bind: expression))) DESC")
        }
    }
}
