import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// One thing that happened to a record or its children, as the 360° timeline shows it.
public struct TimelineEntry: Sendable {
    public enum Kind: String, Sendable {
        case activity
        case stageChange = "stage_change"
        case quote, order, invoice
        case change
    }

    public var kind: Kind
    public var id: UUID
    public var at: Date
    public var recordType: String
    public var recordID: UUID
    public var activity: Activity?
    public var stageChange: OpportunityStageChange?
    public var audit: AuditEntry?
    /// A quote, order or invoice of the record.
    public var document: (any SalesDocument)?
}

/// The 360° view of an account, contact, lead or opportunity: its activities, its opportunities'
/// stage changes and every audited change, of the record and of its children (an account's
/// contacts, opportunities and service cases, a contact's opportunities and cases), newest first. Only children the
/// actor may read take part. Each source is read with its own keyset query, then merged.
public struct TimelineService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// How many children of one kind are followed; a larger account shows its most recent ones.
    static let maximumChildren = 500

    /// `recordIsReadable`: the caller has just read the record in this context (a record page), so
    /// its existence and read scope are not checked again.
    public func timeline(of type: RegardingType, _ id: UUID, limit: Int, after cursor: ListCursor?,
                         in context: RequestContext, recordIsReadable: Bool = false) async throws -> ListPage<TimelineEntry> {
        let database = store.database
        if !recordIsReadable { try await checkReadable(type, id, in: context) }
        var ids: [String: [UUID]] = [:]
        switch type {
        case .account:
            ids[Account.auditType] = [id]
            ids[Contact.auditType] = try await children(Contact.self, in: context) { $0.filter(\.$accountID == id) }
            ids[Opportunity.auditType] = try await children(Opportunity.self, in: context) { $0.filter(\.$accountID == id) }
            ids[SupportCase.auditType] = try await children(SupportCase.self, in: context) { $0.filter(\.$accountID == id) }
        case .contact:
            ids[Contact.auditType] = [id]
            ids[Opportunity.auditType] = try await children(Opportunity.self, in: context) { $0.filter(\.$contactID == id) }
            ids[SupportCase.auditType] = try await children(SupportCase.self, in: context) { $0.filter(\.$contactID == id) }
        case .lead:
            ids[Lead.auditType] = [id]
        case .opportunity:
            ids[Opportunity.auditType] = [id]
        }
        var position: (at: Date, id: UUID)?
        switch cursor {
        case .after(.double(let seconds), let lastID)?: position = (Date(timeIntervalSince1970: seconds), lastID)
        case .after(.int(let seconds), let lastID)?: position = (Date(timeIntervalSince1970: Double(seconds)), lastID)
        case nil: break
        default: throw ValidationFailure([FieldError(field: "cursor", code: .invalidFormat)])
        }

        var entries: [TimelineEntry] = []
        let everyID = ids.values.flatMap { $0 }
        if context.permissions.scope(for: .activities, .read) != nil {
            var query = try Activity.query(on: database).scoped(to: context, for: .read).filter(\.$regardingID ~~ everyID)
            if let position { query = query.group(.or) { $0.filter(\.$timelineAt < position.at).group(.and) { $0.filter(\.$timelineAt == position.at).filter(\.$id < position.id) } } }
            for activity in try await query.sort(\.$timelineAt, .descending).sort(\.$id, .descending).limit(limit + 1).all() {
                entries.append(TimelineEntry(kind: .activity, id: activity.id!, at: activity.timelineAt, recordType: activity.regardingType ?? "",
                                             recordID: activity.regardingID!, activity: activity))
            }
        }
        if let opportunities = ids[Opportunity.auditType], !opportunities.isEmpty {
            var query = OpportunityStageChange.query(on: database).scoped(to: context).filter(\.$opportunityID ~~ opportunities)
            if let position { query = query.group(.or) { $0.filter(\.$changedAt < position.at).group(.and) { $0.filter(\.$changedAt == position.at).filter(\.$id < position.id) } } }
            for change in try await query.sort(\.$changedAt, .descending).sort(\.$id, .descending).limit(limit + 1).all() {
                entries.append(TimelineEntry(kind: .stageChange, id: change.id!, at: change.changedAt, recordType: Opportunity.auditType,
                                             recordID: change.opportunityID, stageChange: change))
            }
        }
        try await appendDocuments(Quote.self, ids: ids, after: position, limit: limit, in: context, to: &entries)
        try await appendDocuments(SalesOrder.self, ids: ids, after: position, limit: limit, in: context, to: &entries)
        try await appendDocuments(Invoice.self, ids: ids, after: position, limit: limit, in: context, to: &entries)
        var audit = AuditEntry.query(on: database).scoped(to: context).group(.or) { either in
            for (recordType, recordIDs) in ids where !recordIDs.isEmpty {
                either.group(.and) { $0.filter(\.$recordType == recordType).filter(\.$recordID ~~ recordIDs) }
            }
        }
        if let position { audit = audit.group(.or) { $0.filter(\.$occurredAt < position.at).group(.and) { $0.filter(\.$occurredAt == position.at).filter(\.$id < position.id) } } }
        for entry in try await audit.sort(\.$occurredAt, .descending).sort(\.$id, .descending).limit(limit + 1).all() {
            entries.append(TimelineEntry(kind: .change, id: entry.id!, at: entry.occurredAt, recordType: entry.recordType,
                                         recordID: entry.recordID, audit: entry))
        }

        entries.sort { ($0.at, $0.id.uuidString) > ($1.at, $1.id.uuidString) }
        let page = Array(entries.prefix(limit))
        let next = entries.count > limit ? page.last.map { ListCursor.after(value: .double($0.at.timeIntervalSince1970), id: $0.id) } : nil
        return ListPage(items: page, nextCursor: next)
    }

    private func checkReadable(_ type: RegardingType, _ id: UUID, in context: RequestContext) async throws {
        let database = store.database
        switch type {
        case .account: _ = try await SalesRecords.find(Account.self, id, for: .read, in: context, on: database)
        case .contact: _ = try await SalesRecords.find(Contact.self, id, for: .read, in: context, on: database)
        case .lead: _ = try await SalesRecords.find(Lead.self, id, for: .read, in: context, on: database)
        case .opportunity: _ = try await SalesRecords.find(Opportunity.self, id, for: .read, in: context, on: database)
        }
    }

    /// The record's quotes, orders or invoices (by account, contact or opportunity), by creation time.
    private func appendDocuments<Document: SalesDocument>(_ type: Document.Type, ids: [String: [UUID]], after position: (at: Date, id: UUID)?,
                                                          limit: Int, in context: RequestContext,
                                                          to entries: inout [TimelineEntry]) async throws {
        guard context.permissions.scope(for: Document.permissionModule, .read) != nil else { return }
        let accounts = ids[Account.auditType] ?? [], contacts = ids[Contact.auditType] ?? []
        let opportunities = Document.self == Quote.self ? ids[Opportunity.auditType] ?? [] : []
        guard !accounts.isEmpty || !contacts.isEmpty || !opportunities.isEmpty else { return }
        let sql = try store.sql()
        var links: [SQLQueryString] = []
        if !accounts.isEmpty { links.append("account_id IN (\(binds: accounts))") }
        if !contacts.isEmpty { links.append("contact_id IN (\(binds: contacts))") }
        if !opportunities.isEmpty { links.append("opportunity_id IN (\(binds: opportunities))") }
        var conditions: [SQLQueryString] = ["org_id = \(bind: context.organisationID)", "deleted_at IS NULL", "(\(links.joined(separator: " OR ")))"]
        if let scope = try context.ownerScope(Document.permissionModule, .read, alias: Document.schema) { conditions.append(scope) }
        if let position {
            conditions.append("(created_at < \(bind: position.at) OR (created_at = \(bind: position.at) AND id < \(bind: position.id)))")
        }
        let rows = try await sql.raw("""
            SELECT * FROM \(ident: Document.schema) WHERE \(conditions.joined(separator: " AND "))
            ORDER BY created_at DESC, id DESC LIMIT \(literal: limit + 1)
            """).all()
        for row in rows {
            let document = try row.decode(fluentModel: Document.self)
            let kind: TimelineEntry.Kind = switch Document.documentKind {
            case .quote: .quote
            case .order: .order
            case .invoice: .invoice
            }
            entries.append(TimelineEntry(kind: kind, id: document.id!, at: document.createdAt ?? Date(timeIntervalSince1970: 0),
                                         recordType: Document.auditType, recordID: document.id!, document: document))
        }
    }

    private func children<Record: SalesRecord>(_ type: Record.Type, in context: RequestContext,
                                               _ filter: (QueryBuilder<Record>) -> QueryBuilder<Record>) async throws -> [UUID] {
        guard context.permissions.scope(for: Record.permissionModule, .read) != nil else { return [] }
        let query = try Record.query(on: store.database).scoped(to: context, for: .read)
        return try await filter(query).sort(\._$id, .descending).limit(Self.maximumChildren).all().compactMap(\.id)
    }
}
