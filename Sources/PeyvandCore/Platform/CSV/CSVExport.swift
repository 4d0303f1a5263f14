import FluentKit
import Foundation

/// How one list becomes a CSV file: the header and, a page of records at a time, the rows. Where
/// the record type can be imported, the columns are the ones the import reads, so an export can
/// be edited and imported back. Each module declares the exports of its lists.
public struct CSVExport<Record: OwnedRecord & Auditable>: Sendable {
    public typealias Rows = @Sendable (_ records: [Record], _ reader: CSVExportReader) async throws -> [[String]]

    public let list: RecordList<Record>
    let header: @Sendable (_ showsSensitive: Bool) -> [String]
    let rows: Rows

    public init(list: RecordList<Record>, header: @escaping @Sendable (_ showsSensitive: Bool) -> [String], rows: @escaping Rows) {
        self.list = list
        self.header = header
        self.rows = rows
    }

    /// The same columns whoever asks.
    public init(list: RecordList<Record>, header: [String], rows: @escaping Rows) {
        self.init(list: list, header: { _ in header }, rows: rows)
    }

    static var pageSize: Int { 500 }

    /// Writes the filtered list (every page of `request`) to `write` as it is read. Needs the
    /// module's `read` and `export` rights; the export right's scope limits the rows.
    public func write(_ request: ListRequest, in context: RequestContext, store: Store,
                      to write: @Sendable (String) async throws -> Void) async throws {
        let scope = try context.require(Record.permissionModule, .export)
        try context.require(Record.permissionModule, .read)
        let reader = CSVExportReader(context: context, store: store, showsSensitive: scope == .organisation)
        try await write(CSVWriter.byteOrderMark + CSVWriter.line(header(reader.showsSensitive)))
        var request = request
        request.limit = Self.pageSize
        while true {
            let page = try await list.fetch(request, in: context, store: store, for: .export)
            try await write(try await rows(page.items, reader).map(CSVWriter.line).joined())
            guard let next = page.nextCursor else { return }
            request.cursor = next
        }
    }
}

/// What building rows may need besides the records: who asks, and the database to look up
/// related names in (one query per page, never per row).
public struct CSVExportReader: Sendable {
    public let context: RequestContext
    public let store: Store
    /// The `export` right reaches the whole organisation, so sensitive columns are included.
    public let showsSensitive: Bool

    /// The names of the organisation's records with these ids, by id, in one query.
    public func names<Named: OrganisationScoped>(of type: Named.Type, _ ids: [UUID?],
                                                 _ name: (Named) -> String) async throws -> [UUID: String] {
        let wanted = Array(Set(ids.compactMap { $0 }))
        guard !wanted.isEmpty else { return [:] }
        let records = try await Named.query(on: store.database).scoped(to: context).filter(\._$id ~~ wanted).all()
        return Dictionary(records.map { ($0.id!, name($0)) }, uniquingKeysWith: { first, _ in first })
    }
}

/// Cell formats shared by every export, chosen so an import reads them back.
public enum CSVCell {
    public static func timestamp(_ date: Date?) -> String {
        date.map { ISO8601DateFormatter().string(from: $0) } ?? ""
    }

    /// 900 → `9`, 950 → `9.5`, 925 → `9.25`.
    public static func percent(basisPoints: Int) -> String {
        let fraction = basisPoints % 100
        guard fraction != 0 else { return String(basisPoints / 100) }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : String(format: "%02d", fraction)
        return "\(basisPoints / 100).\(digits)"
    }

    public static func list(_ values: [String]) -> String { values.joined(separator: "; ") }
}
