import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// Runs a business list on one table in one SQL statement: organisation and role scope first,
/// then filters, full-text search, sort and a keyset page; rows decode straight into the model.
/// Sorting is only by whitelisted columns, ties broken by id, so pages never skip or repeat rows.
public struct RecordList<Record: OwnedRecord & Auditable>: Sendable {
    public let sortable: [SortableColumn]
    public let defaultSort: ListSort
    public let isSearchable: Bool

    public init(sortable: [SortableColumn], defaultSort: ListSort, isSearchable: Bool) {
        self.sortable = sortable
        self.defaultSort = defaultSort
        self.isSearchable = isSearchable
    }

    public func column(named name: String) -> SortableColumn? {
        sortable.first { $0.name == name }
    }

    /// `action`: whose scope limits the rows (`read` for lists, `export` for exports).
    public func fetch(_ request: ListRequest, in context: RequestContext, store: Store,
                      for action: PermissionAction = .read) async throws -> ListPage<Record> {
        let alias = "r"
        var conditions: [SQLQueryString] = ["\(ident: alias).\(ident: "org_id") = \(bind: context.organisationID)"]
        if action != .read { try context.require(Record.permissionModule, .read) }
        if let scope = try context.ownerScope(Record.permissionModule, action, alias: alias) { conditions.append(scope) }
        if Record.keys.contains("deleted_at") { conditions.append("\(ident: alias).\(ident: "deleted_at") IS NULL") }
        for filter in request.filters { conditions.append(Self.condition(filter, alias: alias, organisationID: context.organisationID)) }

        let terms = isSearchable ? SearchText.terms(request.search ?? "") : []
        var match: SearchIndex.Match?
        if !terms.isEmpty {
            match = SearchIndex.match(terms, table: Record.schema, alias: alias, dialect: store.dialect)
            conditions.append(match!.condition)
        }
        let rankBySearch = match != nil && request.sort == nil
        let sort = request.sort ?? defaultSort
        guard let sortColumn = column(named: sort.field) else {
            throw ValidationFailure([FieldError(field: "sort", code: .unknownValue)])
        }
        let sortKey = Self.sortKey(sortColumn, alias: alias)
        let direction: SQLQueryString = sort.descending ? "DESC" : "ASC"
        var offset = 0
        switch request.cursor {
        case .after(let value, let id)? where !rankBySearch:
            let comparison: SQLQueryString = sort.descending ? "<" : ">"
            let bound = try Self.bind(value, kind: sortColumn.kind)
            // The first condition is implied by the second; it is there for the planner, which can
            // start an index range at it (PostgreSQL does not derive one from the OR, and walked
            // every row before the cursor: 52 ms for an early page at a million contacts).
            conditions.append("\(sortKey) \(comparison)= \(bound)")
            conditions.append("(\(sortKey) \(comparison) \(bound) OR (\(sortKey) = \(bound) AND \(ident: alias).\(ident: "id") \(comparison) \(bind: id)))")
        case .offset(let skipped)? where rankBySearch:
            offset = skipped
        case nil:
            break
        default:
            throw ValidationFailure([FieldError(field: "cursor", code: .invalidFormat)])
        }

        let columns = Record.keys.map { "\(ident: alias).\(ident: $0.description)" as SQLQueryString }.joined(separator: ", ")
        let order: SQLQueryString = rankBySearch
            ? "\(match!.rankOrder), \(ident: alias).\(ident: "id") ASC"
            : "\(sortKey) \(direction), \(ident: alias).\(ident: "id") \(direction)"
        let query: SQLQueryString = """
            SELECT \(columns), \(sortKey) AS pv_sort_key FROM \(ident: Record.schema) AS \(ident: alias) \(match?.join ?? "")
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY \(order)
            LIMIT \(literal: request.limit + 1) OFFSET \(literal: offset)
            """
        let rows = try await store.sql().raw(query).all()
        let items = try rows.prefix(request.limit).map { try $0.decode(fluentModel: Record.self) }
        guard rows.count > request.limit, let last = rows.prefix(request.limit).last, let lastID = items.last?.id else {
            return ListPage(items: items, nextCursor: nil)
        }
        if rankBySearch { return ListPage(items: items, nextCursor: .offset(offset + request.limit)) }
        return ListPage(items: items, nextCursor: .after(value: try Self.sortValue(of: last, kind: sortColumn.kind), id: lastID))
    }

    private static func sortKey(_ column: SortableColumn, alias: String) -> SQLQueryString {
        switch column.kind {
        case .text: "COALESCE(\(ident: alias).\(ident: column.column), '')"
        case .integer: "COALESCE(\(ident: alias).\(ident: column.column), 0)"
        case .timestamp, .uuid: "\(ident: alias).\(ident: column.column)"
        }
    }

    private static func sortValue(of row: any SQLRow, kind: SortableColumn.Kind) throws -> JSONValue {
        switch kind {
        case .text: .string(try row.decode(column: "pv_sort_key", as: String.self))
        case .integer: .int(try row.decode(column: "pv_sort_key", as: Int64.self))
        case .timestamp: .double(try row.decode(column: "pv_sort_key", as: Date.self).timeIntervalSince1970)
        case .uuid: .from(try row.decode(column: "pv_sort_key", as: UUID.self))
        }
    }

    private static func bind(_ value: JSONValue, kind: SortableColumn.Kind) throws -> SQLQueryString {
        switch (kind, value) {
        case (.text, .string(let text)): return "\(bind: text)"
        case (.integer, .int(let number)): return "\(bind: number)"
        case (.timestamp, .double(let seconds)): return "\(bind: Date(timeIntervalSince1970: seconds))"
        case (.timestamp, .int(let seconds)): return "\(bind: Date(timeIntervalSince1970: Double(seconds)))"
        case (.uuid, .string(let text)):
            guard let id = UUID(uuidString: text) else { fallthrough }
            return "\(bind: id)"
        default: throw ValidationFailure([FieldError(field: "cursor", code: .invalidFormat)])
        }
    }

    private static func condition(_ filter: ListFilter, alias: String, organisationID: UUID) -> SQLQueryString {
        switch filter {
        case .equals(let column, let value):
            return "\(ident: alias).\(ident: column) = \(bind: value)"
        case .oneOf(let column, let values):
            return values.isEmpty ? "1 = 0" : "\(ident: alias).\(ident: column) IN (\(binds: values))"
        case .isNull(let column, let isNull):
            return "\(ident: alias).\(ident: column) \(unsafeRaw: isNull ? "IS NULL" : "IS NOT NULL")"
        case .atLeast(let column, let value):
            return "\(ident: alias).\(ident: column) >= \(bind: value)"
        case .atMost(let column, let value):
            return "\(ident: alias).\(ident: column) <= \(bind: value)"
        case .anyOf(let groups):
            let alternatives = groups.map { group -> SQLQueryString in
                group.isEmpty ? "1 = 1" : "(" + group.map { condition($0, alias: alias, organisationID: organisationID) }.joined(separator: " AND ") + ")"
            }
            return alternatives.isEmpty ? "1 = 0" : "(" + alternatives.joined(separator: " OR ") + ")"
        case .tagged(let tag):
            return """
                \(ident: alias).\(ident: "id") IN (SELECT \(ident: "record_id") FROM \(ident: RecordTag.schema)
                WHERE \(ident: "org_id") = \(bind: organisationID) AND \(ident: "record_type") = \(bind: Record.auditType)
                AND \(ident: "tag") = \(bind: RecordTags.key(tag)))
                """
        }
    }
}

extension RequestContext {
    /// The SQL twin of `QueryBuilder.scoped(to:for:)`: nil when the role reaches the whole
    /// organisation; throws `forbidden` when it grants nothing for the action.
    public func ownerScope(_ module: PermissionModule, _ action: PermissionAction, alias: String) throws -> SQLQueryString? {
        switch try require(module, action) {
        case .organisation:
            return nil
        case .team:
            let users: SQLQueryString = "\(ident: alias).\(ident: "owner_user_id") IN (\(binds: Array(teammateIDs)))"
            guard !teamIDs.isEmpty else { return users }
            return "(\(users) OR \(ident: alias).\(ident: "owner_team_id") IN (\(binds: Array(teamIDs))))"
        case .own:
            return "\(ident: alias).\(ident: "owner_user_id") = \(bind: userID)"
        }
    }
}
