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
        var extras: Target.Extras
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
            if validator.errors.isEmpty, let (record, extras) = try target.build(rowValues, into: &validator, by: context) {
                candidates.append(Candidate(row: row, values: rowValues, record: record, extras: extras))
            } else {
                outcome.failed += 1
                outcome.reportLines.append((row.line, reportLine(row, result: "error", reason: reason(validator.errors))))
            }
        }

        let existing = try await target.existingMatches(for: candidates.map { ($0.record, $0.extras) }, in: context, on: store.database)
        var creates: [Candidate] = []
        var updates: [(candidate: Candidate, recordID: UUID)] = []
        for candidate in candidates {
            let keys = target.matchKeys(of: candidate.record, candidate.extras)
            let fileMatch = keys.lazy.compactMap { memory.byKey[$0] }.first
            let databaseMatch = keys.lazy.compactMap { existing[$0] }.first
            guard fileMatch != nil || databaseMatch != nil else {
                creates.append(candidate)
                for key in keys { memory.byKey[key] = candidate.record }
                continue
            }
            switch policy {
            case .create:
                if let uniqueField = target.uniqueField {
                    outcome.failed += 1
                    outcome.reportLines.append((candidate.row.line, reportLine(candidate.row, result: "error",
                                                                                reason: reason([FieldError(field: uniqueField, code: .notUnique)]))))
                } else {
                    creates.append(candidate)
                    for key in keys { memory.byKey[key] = candidate.record }
                }
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
                        creates[index].extras = target.extras(of: pending)
                        outcome.updated += 1
                    } else {
                        // Created by an earlier batch: update that stored record.
                        updates.append((candidate, pending.id!))
                    }
                } else if let recordID = databaseMatch {
                    updates.append((candidate, recordID))
                }
            }
        }

        let now = store.now()
        let counted = outcome
        let (created, updated, failedUpdates, report) = try await store.write { [creates, updates] database in
            try await target.insert(creates.map { ($0.record, $0.extras) }, by: context, at: now, on: database)
            let created = creates.count
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
            guard let extras = try target.update(record, with: candidate.values, into: &validator) else {
                failed += 1
                lines.append((candidate.row.line, reportLine(candidate.row, result: "error", reason: reason(validator.errors))))
                continue
            }
            record.version += 1
            try await record.update(on: database)
            try await target.afterUpdate(record, extras, before: before, by: context, at: now, on: database)
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
