import FluentKit
import Foundation

/// Imports one batch of rows in one transaction: builds records through the resources' own
/// rules, applies the duplicate policy against the database and the rows before it, writes the
/// new and updated records with their keys, tags, audit entries and outbox events, and moves the
/// import's progress on, all together, so a crash never imports a batch twice.
struct ImportEngine<Target: ImportTarget> {
    typealias Record = Target.Record

    let target: Target
    let policy: DataImport.DuplicatePolicy
    let context: RequestContext
    let store: Store

    /// Keys of records accepted earlier in this file, so duplicates within the file follow the policy too.
    final class FileMemory {
        var byKey: [String: Record] = [:]
    }

    private struct Candidate {
        let row: CSVRow
        let values: [String: String]
        var record: Record
        var party: PartyInput.Clean
    }

    struct Outcome {
        var created = 0, updated = 0, skipped = 0, failed = 0
        /// (line, CSV text), written in line order.
        var reportLines: [(Int, String)] = []
    }

    func run(_ rows: [CSVRow], columns: [Int: String], memory: FileMemory, dataImport: DataImport) async throws {
        var outcome = Outcome()
        let values = rows.map { row in
            var values: [String: String] = [:]
            for (index, field) in columns where index < row.fields.count {
                let text = row.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { values[field] = text }
            }
            return values
        }
        try await target.prepare(values, in: context, on: store.database)

        var candidates: [Candidate] = []
        for (row, rowValues) in zip(rows, values) {
            var validator = FieldValidator()
            if rowValues.values.contains(where: { $0.contains("\u{0}") }) { validator.add("row", .invalidCharacters) }
            if validator.errors.isEmpty, let (record, party) = try target.build(rowValues, into: &validator, by: context) {
                candidates.append(Candidate(row: row, values: rowValues, record: record, party: party))
            } else {
                outcome.failed += 1
                outcome.reportLines.append((row.line, reportLine(row, result: "error", reason: reason(validator.errors))))
            }
        }

        let existing = try await existingMatches(for: candidates)
        var creates: [Candidate] = []
        var updates: [(candidate: Candidate, recordID: UUID)] = []
        for candidate in candidates {
            let keys = matchKeys(candidate.record, candidate.party)
            let fileMatch = keys.lazy.compactMap { memory.byKey[$0] }.first
            let databaseMatch = keys.lazy.compactMap { existing[$0] }.first
            guard policy != .create, fileMatch != nil || databaseMatch != nil else {
                creates.append(candidate)
                for key in keys { memory.byKey[key] = candidate.record }
                continue
            }
            switch policy {
            case .skip:
                outcome.skipped += 1
                outcome.reportLines.append((candidate.row.line, reportLine(candidate.row, result: "skipped", reason: duplicateReason)))
            case .update:
                if let pending = fileMatch {
                    var validator = FieldValidator()
                    if try target.update(pending, with: candidate.values, into: &validator) == nil {
                        outcome.failed += 1
                        outcome.reportLines.append((candidate.row.line, reportLine(candidate.row, result: "error", reason: reason(validator.errors))))
                    } else if let index = creates.firstIndex(where: { $0.record === pending }) {
                        creates[index].party = Self.keysOnly(of: pending)
                        outcome.updated += 1
                    } else {
                        // Created by an earlier batch: update that stored record.
                        updates.append((candidate, pending.id!))
                    }
                } else if let recordID = databaseMatch {
                    updates.append((candidate, recordID))
                }
            case .create:
                break
            }
        }

        let now = store.now()
        let counted = outcome
        let (created, updated, failedUpdates, report) = try await store.write { [creates, updates] database in
            let created = try await insert(creates.map { ($0.record, $0.party) }, at: now, on: database)
            let (updated, failed, lines) = try await applyUpdates(updates, at: now, on: database)
            let report = (counted.reportLines + lines).sorted { $0.0 < $1.0 }.map(\.1).joined()
            try await DataImport.query(on: database).filter(\.$id == dataImport.id!).set(\.$processedRows, to: dataImport.processedRows + rows.count)
                .set(\.$createdCount, to: dataImport.createdCount + created)
                .set(\.$updatedCount, to: dataImport.updatedCount + counted.updated + updated)
                .set(\.$skippedCount, to: dataImport.skippedCount + counted.skipped)
                .set(\.$failedCount, to: dataImport.failedCount + counted.failed + failed)
                .set(\.$report, to: dataImport.report + report)
                .update()
            return (created, updated, failed, report)
        }
        dataImport.processedRows += rows.count
        dataImport.createdCount += created
        dataImport.updatedCount += outcome.updated + updated
        dataImport.skippedCount += outcome.skipped
        dataImport.failedCount += outcome.failed + failedUpdates
        dataImport.report += report
    }

    /// Every existing live record a candidate could duplicate, by match key.
    private func existingMatches(for candidates: [Candidate]) async throws -> [String: UUID] {
        var phones = Set<String>(), emails = Set<String>(), names = Set<String>()
        for candidate in candidates {
            phones.formUnion(candidate.party.phoneKeys ?? [])
            emails.formUnion(candidate.party.emailKeys ?? [])
            names.insert(candidate.record[keyPath: Record.nameKeyField].value ?? "")
        }
        var matches: [String: UUID] = [:]
        let database = store.database
        for (kind, keys) in [(ContactPoint.Kind.phone, phones), (.email, emails)] where !keys.isEmpty {
            let points = try await ContactPoint.query(on: database).scoped(to: context).filter(\.$recordType == Record.auditType)
                .filter(\.$kind == kind.rawValue).filter(\.$key ~~ Array(keys)).all()
            for point in points { matches["\(kind.rawValue):\(point.key)"] = point.recordID }
        }
        let named = try await Record.query(on: database).scoped(to: context).filter(Record.nameKeyField ~~ Array(names)).all()
        for record in named { matches["name:\(target.nameIdentity(of: record))"] = record.id }
        // Points of deleted records do not count: keep only ids of live records.
        let liveIDs = Set(try await Record.query(on: database).scoped(to: context).filter(\._$id ~~ Array(Set(matches.values))).all().compactMap(\.id))
        return matches.filter { liveIDs.contains($0.value) }
    }

    private func matchKeys(_ record: Record, _ party: PartyInput.Clean) -> [String] {
        (party.phoneKeys ?? []).map { "phone:\($0)" } + (party.emailKeys ?? []).map { "email:\($0)" } + ["name:\(target.nameIdentity(of: record))"]
    }

    private static func keysOnly(of record: Record) -> PartyInput.Clean {
        PartyInput.Clean(phones: record.phones, phoneKeys: ContactPoints.keys(of: record.phones), emails: record.emails,
                         emailKeys: ContactPoints.keys(of: record.emails), address: nil,
                         tags: record.tags)
    }

    /// New records in a few multi-row statements: the rows, their phone/email keys, tags, audit entries and events.
    private func insert(_ records: [(Record, PartyInput.Clean)], at now: Date, on database: any Database) async throws -> Int {
        guard !records.isEmpty else { return 0 }
        try await records.map(\.0).create(on: database)
        var points: [[any Encodable & Sendable]] = [], tags: [[any Encodable & Sendable]] = []
        var audit: [[any Encodable & Sendable]] = [], events: [[any Encodable & Sendable]] = []
        let organisationID = context.organisationID
        for (record, _) in records {
            let party = Self.keysOnly(of: record)
            let recordID = record.id!
            for key in party.phoneKeys ?? [] {
                points.append([UUIDv7.make(), organisationID, Record.auditType, recordID, ContactPoint.Kind.phone.rawValue, key])
            }
            for key in party.emailKeys ?? [] {
                points.append([UUIDv7.make(), organisationID, Record.auditType, recordID, ContactPoint.Kind.email.rawValue, key])
            }
            for tag in Set((party.tags ?? []).map(RecordTags.key)) {
                tags.append([UUIDv7.make(), organisationID, Record.auditType, recordID, tag])
            }
            let snapshot = record.auditSnapshot
            audit.append([UUIDv7.make(at: now), organisationID, context.userID, AuditAction.create.rawValue, Record.auditType, recordID,
                          try JSONValue.encodeToString(AuditTrail.diff(before: [:], after: snapshot)), context.requestID, now])
            events.append([UUIDv7.make(at: now), organisationID, "\(Record.auditType).created", Record.auditType, recordID,
                           try JSONValue.encodeToString(snapshot), now])
        }
        try await BulkInsert.rows(into: ContactPoint.schema, columns: ["id", "org_id", "record_type", "record_id", "kind", "key"],
                                  values: points, on: database)
        try await BulkInsert.rows(into: RecordTag.schema, columns: ["id", "org_id", "record_type", "record_id", "tag"], values: tags, on: database)
        try await BulkInsert.rows(into: AuditEntry.schema, columns: ["id", "org_id", "actor_user_id", "action", "record_type", "record_id",
                                                                     "changes", "request_id", "occurred_at"], values: audit, on: database)
        try await BulkInsert.rows(into: OutboxEvent.schema, columns: ["id", "org_id", "event_type", "record_type", "record_id", "payload",
                                                                      "created_at"], values: events, on: database)
        return records.count
    }

    private func applyUpdates(_ updates: [(candidate: Candidate, recordID: UUID)], at now: Date,
                              on database: any Database) async throws -> (updated: Int, failed: Int, lines: [(Int, String)]) {
        guard !updates.isEmpty else { return (0, 0, []) }
        let records = try await Record.query(on: database).scoped(to: context).filter(\._$id ~~ updates.map(\.recordID)).all()
        let byID = Dictionary(records.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
        var updated = 0, failed = 0, lines: [(Int, String)] = []
        for (candidate, recordID) in updates {
            guard let record = byID[recordID], record.permits(.update, by: context) else {
                failed += 1
                lines.append((candidate.row.line, reportLine(candidate.row, result: "error", reason: Messages.title(.forbidden, in: context.language))))
                continue
            }
            let before = record.auditSnapshot
            var validator = FieldValidator()
            guard let party = try target.update(record, with: candidate.values, into: &validator) else {
                failed += 1
                lines.append((candidate.row.line, reportLine(candidate.row, result: "error", reason: reason(validator.errors))))
                continue
            }
            record.version += 1
            try await record.update(on: database)
            try await SalesRecords.afterWrite(record, party: party, action: .update, before: before, by: context, at: now, on: database)
            updated += 1
        }
        return (updated, failed, lines)
    }

    private var duplicateReason: String {
        context.language == .fa ? "تکراری؛ طبق سیاست «رد کردن» وارد نشد." : "Duplicate; skipped as the duplicate policy says."
    }

    private func reason(_ errors: [FieldError]) -> String {
        errors.map { "\($0.field): \(Messages.field($0.code, in: context.language))" }.joined(separator: "; ")
    }

    private func reportLine(_ row: CSVRow, result: String, reason: String) -> String {
        CSVWriter.line([String(row.line), result, reason] + row.fields)
    }
}
