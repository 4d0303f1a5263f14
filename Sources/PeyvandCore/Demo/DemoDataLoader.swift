import FluentKit
import Foundation
import SQLKit

/// Fills an organisation with a large, realistic Persian sales data set, fast: accounts, contacts,
/// leads, opportunities (with their stage history) across the default pipeline, and activities,
/// with their phone/email keys (`contact_points`) and tag lookups (`record_tags`).
///
/// Rows go in as multi-row INSERTs (up to `rowsPerStatement` rows each, many statements per
/// transaction), made while the previous transaction is being written. The derived columns
/// (`name_key`, `search_text`, contact-point keys, tag keys) come from the same functions the
/// services use, so generated rows are found, matched and listed exactly like typed-in ones.
/// The search index follows by itself (FTS5 triggers on SQLite, the generated `tsvector` column
/// on PostgreSQL).
///
/// Generated rows are **not** audited and raise **no** outbox events: nothing happened to them
/// that a webhook, automation or audit reader should hear about.
///
/// The same seed, options and `asOf` day on the same starting database give the same rows.
/// Loading again into the same organisation adds more (different ids, still-unique mobiles).
public struct DemoDataLoader: Sendable {
    public struct Options: Sendable {
        public var contacts: Int
        public var seed: UInt64
        /// Generated history ends here: records are created over the three years before it.
        public var asOf: Date
        public var rowsPerStatement: Int
        /// Records of the table being loaded per transaction (their phones, tags and stage
        /// changes go in the same transaction).
        public var rowsPerTransaction: Int

        /// Service cases and knowledge-base articles; by default one case per five contacts and
        /// one article per 200 (a million contacts: 200,000 cases and 5,000 articles).
        public var cases: Int
        public var articles: Int

        public init(contacts: Int, cases: Int? = nil, articles: Int? = nil, seed: UInt64 = 1405, asOf: Date, rowsPerStatement: Int = 1000,
                    rowsPerTransaction: Int = 10_000) {
            self.contacts = contacts
            self.cases = cases ?? contacts / 5
            self.articles = articles ?? contacts / 200
            self.seed = seed
            self.asOf = asOf
            self.rowsPerStatement = rowsPerStatement
            self.rowsPerTransaction = rowsPerTransaction
        }

        public var accounts: Int { max(1, contacts / 10) }
        public var leads: Int { contacts / 5 }
        public var opportunities: Int { contacts / 10 }
        public var activities: Int { contacts / 2 }
    }

    /// Reported after every transaction.
    public struct Progress: Sendable {
        public var table: String
        public var done: Int
        public var total: Int
        /// Rows of every table written so far.
        public var rowsWritten: Int
        public var elapsed: TimeInterval
    }

    public struct Report: Sendable {
        /// Rows written per table, in load order.
        public var rows: [(table: String, count: Int)]
        public var elapsed: TimeInterval
        /// Some live contacts, picked evenly from the whole set (for load tests).
        public var sampleContactIDs: [UUID]
        /// The account with the most contacts, and how many.
        public var busiestAccountID: UUID
        public var busiestAccountContacts: Int

        public var totalRows: Int { rows.reduce(0) { $0 + $1.count } }
    }

    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// The first active administrator of the organisation named `name`; without a name, of the
    /// only organisation, or else of the one named `otherwise`.
    public static func administrator(of name: String?, otherwise defaultName: String, store: Store) async throws -> UUID {
        let all = try await Organisation.query(on: store.database).all()
        let chosen = name.map { name in all.first { $0.name == name } }
            ?? (all.count == 1 ? all[0] : all.first { $0.name == defaultName })
        guard let chosen else {
            throw DemoDataError("no organisation named '\(name ?? defaultName)'; there are: \(all.map(\.name).joined(separator: ", "))")
        }
        let adminRoles = try await Role.query(on: store.database).filter(\.$organisationID == chosen.id!)
            .filter(\.$key == BuiltInRole.admin.rawValue).all().compactMap(\.id)
        guard let admin = try await User.query(on: store.database).filter(\.$organisationID == chosen.id!).filter(\.$isActive == true)
            .filter(\.$roleID ~~ adminRoles).sort(\.$createdAt).sort(\.$id).first()
        else { throw DemoDataError("organisation '\(chosen.name)' has no active administrator") }
        return admin.id!
    }

    /// Loads the data set into the acting administrator's organisation.
    public func load(_ options: Options, by context: RequestContext,
                     progress: @escaping @Sendable (Progress) -> Void = { _ in }) async throws -> Report {
        guard context.isAdministrator else { throw PlatformError.forbidden(.administration, .create) }
        precondition(options.contacts > 0 && options.rowsPerStatement > 0 && options.rowsPerTransaction > 0)
        let clock = ContinuousClock(), started = clock.now
        let setting = try await prepare(options, by: context)
        var counts: [(table: String, count: Int)] = []
        var written = 0
        let writer = ChunkWriter(store: store, rowsPerStatement: options.rowsPerStatement)
        // SQLite has one writer; PostgreSQL takes two transactions at once (one backend each).
        let writers = store.dialect == .sqlite ? 1 : 2

        func run<Summary: Sendable>(_ table: String, total: Int,
                                    make: @escaping @Sendable (_ range: Range<Int>, _ batch: Int) -> DemoChunk<Summary>) async throws -> [Summary] {
            let size = options.rowsPerTransaction
            let batches = (total + size - 1) / size
            var summaries: [Int: Summary] = [:]
            try await Self.pipelined(batches, writers: writers, make: { batch in
                make(batch * size ..< min(total, (batch + 1) * size), batch)
            }, write: { chunk in
                try await writer.write(chunk.tables)
                return (chunk.summary, chunk.tables.map { ($0.table, $0.rows.count) })
            }, written: { batch, summary, rows in
                summaries[batch] = summary
                for (table, count) in rows {
                    written += count
                    if let index = counts.firstIndex(where: { $0.table == table }) { counts[index].count += count }
                    else { counts.append((table, count)) }
                }
                progress(Progress(table: table, done: min(total, summaries.count * size), total: total, rowsWritten: written,
                                  elapsed: (clock.now - started).seconds))
            })
            return (0..<batches).map { summaries[$0]! }
        }

        let accounts = AccountSet(try await run(Account.schema, total: options.accounts) { range, batch in
            setting.accounts(range, batch: batch)
        })
        let contacts = ContactSet(try await run(Contact.schema, total: options.contacts) { range, batch in
            setting.contacts(range, batch: batch, accounts: accounts)
        }, accounts: accounts.count)
        let leads = LeadSet(try await run(Lead.schema, total: options.leads) { range, batch in
            setting.leads(range, batch: batch, accounts: accounts, contacts: contacts)
        })
        let opportunities = OpportunitySet(try await run(Opportunity.schema, total: options.opportunities) { range, batch in
            setting.opportunities(range, batch: batch, accounts: accounts, contacts: contacts)
        })
        _ = try await run(Activity.schema, total: options.activities) { range, batch in
            setting.activities(range, batch: batch, accounts: accounts, contacts: contacts, leads: leads, opportunities: opportunities)
        }
        _ = try await run(SupportCase.schema, total: options.cases) { range, batch in
            setting.cases(range, batch: batch, accounts: accounts, contacts: contacts)
        }
        _ = try await run(KnowledgeArticle.schema, total: options.articles) { range, batch in
            setting.articles(range, batch: batch)
        }
        try await advanceCaseNumbering(past: setting.caseNumberBase + options.cases, organisationID: context.organisationID)

        try await refreshPlannerStatistics()

        let busiest = contacts.busiestAccount
        var sample: [UUID] = []
        let live = contacts.liveIndexes
        let step = max(1, live.count / 10_000)
        for position in stride(from: 0, to: live.count, by: step) { sample.append(contacts.ids[Int(live[position])]) }
        return Report(rows: counts, elapsed: (clock.now - started).seconds, sampleContactIDs: sample,
                      busiestAccountID: accounts.ids[busiest.index], busiestAccountContacts: busiest.contacts)
    }

    /// After a bulk load, as after any import, the query planner needs fresh statistics
    /// (`ANALYZE`) to know that one organisation holds a million contacts. PostgreSQL also needs
    /// a `VACUUM` to mark the new pages all-visible, or it cannot answer the board's stage totals
    /// from the index alone and scans the table instead (measured: 196 ms at 1M).
    private func refreshPlannerStatistics() async throws {
        let sql = try store.sql()
        let command: SQLQueryString = sql.dialect.name == "postgresql" ? "VACUUM (ANALYZE)" : "ANALYZE"
        for table in [Account.schema, Contact.schema, Lead.schema, Opportunity.schema, OpportunityStageChange.schema,
                      Activity.schema, ContactPoint.schema, RecordTag.schema, SupportCase.schema, KnowledgeArticle.schema] {
            try await sql.raw(command + " \(ident: table)").run()
        }
    }

    /// Generated cases are numbered `C-<year>-<n>` with `n` running on across years; the year
    /// counters of the case series move past the last `n`, so the next typed case never takes one.
    private func advanceCaseNumbering(past last: Int, organisationID: UUID) async throws {
        guard last > 0 else { return }
        try await store.write { database in
            let sql = try database.sql()
            let years = try await sql.raw("SELECT DISTINCT substr(number, 3, 4) AS year FROM cases WHERE org_id = \(bind: organisationID)").all()
            for row in years {
                guard let year = Int(try row.decode(column: "year", as: String.self)) else { continue }
                try await sql.raw("""
                    INSERT INTO document_sequences (id, org_id, kind, year, last_number)
                    VALUES (\(bind: UUIDv7.make()), \(bind: organisationID), 'case', \(bind: year), \(bind: last))
                    ON CONFLICT (org_id, kind, year) DO UPDATE SET last_number = CASE
                      WHEN document_sequences.last_number > excluded.last_number THEN document_sequences.last_number ELSE excluded.last_number END
                    """).run()
            }
        }
    }

    /// Everything batches are made from that comes from the database.
    private func prepare(_ options: Options, by context: RequestContext) async throws -> DemoSetting {
        let database = store.database
        let organisationID = context.organisationID
        guard let organisation = try await Organisation.find(organisationID, on: database) else {
            throw PlatformError.notFound(recordType: "organisation")
        }
        // Owners: the organisation's sales people (reps weigh most), and its teams.
        let roles = try await Role.query(on: database).filter(\.$organisationID == organisationID).all()
        let weights: [String: Double] = [BuiltInRole.salesRep.rawValue: 4, BuiltInRole.salesManager.rawValue: 2, BuiltInRole.admin.rawValue: 1]
        let roleWeight = Dictionary(uniqueKeysWithValues: roles.map { ($0.id!, $0.key.flatMap { weights[$0] } ?? 0) })
        let users = try await User.query(on: database).filter(\.$organisationID == organisationID).filter(\.$isActive == true)
            .sort(\.$createdAt).sort(\.$id).all()
        var owners = users.compactMap { user in (roleWeight[user.roleID] ?? 0) > 0 ? (user.id!, roleWeight[user.roleID]!) : nil }
        if owners.isEmpty { owners = [(context.userID, 1)] }
        let teams = try await Team.query(on: database).filter(\.$organisationID == organisationID).sort(\.$createdAt).sort(\.$id).all()

        let pipeline = try await store.write { database in
            try await PipelineService(store: store).defaultPipeline(in: context, on: database)
        }
        let stages = try await PipelineService.stages(of: [pipeline.id!], in: context, on: database)[pipeline.id!] ?? []

        // Earlier loads into this organisation: carry on their numbering so mobiles and e-mails stay unique.
        let earlierPoints = try await ContactPoint.query(on: database).filter(\.$organisationID == organisationID).count()
        let earlierContacts = try await Contact.query(on: database).withDeleted().filter(\.$organisationID == organisationID).count()
        let earlierCases = try await SupportCase.query(on: database).withDeleted().filter(\.$organisationID == organisationID).count()
        return DemoSetting(
            organisationID: organisationID, seed: options.seed ^ (UInt64(earlierContacts) &* 0xD6E8_FEB8_6659_FD93),
            currency: organisation.currency, owners: WeightedChoice(owners.enumerated().map { (Int($0.offset), $0.element.1) }),
            ownerIDs: owners.map(\.0), teamIDs: teams.compactMap(\.id), pipelineID: pipeline.id!,
            stages: stages.map { DemoSetting.Stage(id: $0.id!, outcome: PipelineStage.Outcome(rawValue: $0.outcome) ?? .open) },
            asOf: options.asOf, numberBase: earlierPoints, caseNumberBase: earlierCases,
            sizes: .init(accounts: options.accounts, contacts: options.contacts, leads: options.leads,
                         opportunities: options.opportunities, activities: options.activities, cases: options.cases,
                         articles: options.articles))
    }

    private enum Step<Chunk: Sendable, Summary: Sendable>: Sendable {
        case made(Int, Chunk)
        case written(Int, Summary, [(String, Int)])
    }

    /// Makes batches ahead (on other cores) while earlier ones are written by up to `writers`
    /// concurrent transactions; reports each written batch to `written`.
    static func pipelined<Chunk: Sendable, Summary: Sendable>(
        _ count: Int, writers: Int, make: @escaping @Sendable (Int) -> Chunk,
        write: @escaping @Sendable (Chunk) async throws -> (Summary, [(String, Int)]),
        written: (Int, Summary, [(String, Int)]) -> Void
    ) async throws {
        let ahead = writers + 2
        try await withThrowingTaskGroup(of: Step<Chunk, Summary>.self) { group in
            var nextToMake = 0, making = 0, nextToWrite = 0, writing = 0
            var ready: [Int: Chunk] = [:]
            while true {
                while making + ready.count < ahead && nextToMake < count {
                    let batch = nextToMake
                    group.addTask { .made(batch, make(batch)) }
                    nextToMake += 1
                    making += 1
                }
                while writing < writers, let chunk = ready.removeValue(forKey: nextToWrite) {
                    let batch = nextToWrite
                    group.addTask {
                        let (summary, rows) = try await write(chunk)
                        return .written(batch, summary, rows)
                    }
                    nextToWrite += 1
                    writing += 1
                }
                guard let step = try await group.next() else { break }
                switch step {
                case .made(let batch, let chunk):
                    making -= 1
                    ready[batch] = chunk
                case .written(let batch, let summary, let rows):
                    writing -= 1
                    written(batch, summary, rows)
                }
            }
        }
    }
}

/// A demo-data command that cannot run as asked.
public struct DemoDataError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

extension Duration {
    var seconds: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}

// MARK: - Writing

/// The rows of one table in one batch, in `columns` order.
struct DemoRows: Sendable {
    let table: String
    let columns: [String]
    var rows: [[any Encodable & Sendable]] = []

    init(_ table: String, _ columns: [String], capacity: Int) {
        self.table = table
        self.columns = columns
        rows.reserveCapacity(capacity)
    }

    mutating func append(_ row: [any Encodable & Sendable]) {
        assert(row.count == columns.count, "\(table): \(row.count) values for \(columns.count) columns")
        rows.append(row)
    }
}

/// One transaction's worth of rows, and what later tables need to know about them.
struct DemoChunk<Summary: Sendable>: Sendable {
    var tables: [DemoRows]
    var summary: Summary
}

/// Writes a batch in one transaction, as multi-row INSERTs.
struct ChunkWriter: Sendable {
    let store: Store
    let rowsPerStatement: Int

    func write(_ tables: [DemoRows]) async throws {
        let rowsPerStatement = rowsPerStatement
        let isSQLite = store.dialect == .sqlite
        try await store.write { database in
            let sql = try database.sql()
            // A bigger page cache for this connection keeps index updates in memory (SQLite's default is 2 MB).
            if isSQLite { try await sql.raw("PRAGMA cache_size = -262144").run() }
            for table in tables where !table.rows.isEmpty {
                // PostgreSQL takes at most 65,535 parameters per statement.
                let perStatement = max(1, min(rowsPerStatement, 60_000 / table.columns.count))
                var start = 0
                while start < table.rows.count {
                    let end = min(table.rows.count, start + perStatement)
                    let insert = sql.insert(into: table.table).columns(table.columns)
                    for row in table.rows[start..<end] { _ = insert.values(row) }
                    try await insert.run()
                    start = end
                }
            }
        }
    }
}
