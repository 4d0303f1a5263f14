import FluentKit
import Foundation

/// The only writer of orders. Orders come from accepted quotes; they are billed by invoices,
/// line by line, so no order line is ever invoiced twice.
public struct OrderService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public static let list = RecordList<SalesOrder>(
        sortable: [
            SortableColumn("created_at", column: "id", kind: .uuid), SortableColumn("updated_at", kind: .timestamp),
            SortableColumn("number", kind: .text), SortableColumn("total", column: "total_minor", kind: .integer),
        ],
        defaultSort: ListSort("created_at", descending: true), isSearchable: true)

    public func list(_ request: ListRequest, in context: RequestContext) async throws -> ListPage<SalesOrder> {
        try await Self.list.fetch(request, in: context, store: store)
    }

    /// Hands the order to another user or team (see `SalesRecords.assign`).
    public func assign(_ id: UUID, toUser userID: UUID?, team teamID: UUID?, expectedVersion: Int?,
                       by context: RequestContext) async throws -> SalesOrder {
        try await SalesRecords.assign(SalesOrder.self, id, toUser: userID, team: teamID, expectedVersion: expectedVersion, by: context, store: store)
    }

    public func find(_ id: UUID, in context: RequestContext) async throws -> (SalesOrder, [DocumentLine]) {
        let order = try await SalesRecords.find(SalesOrder.self, id, for: .read, in: context, on: store.database)
        return (order, try await DocumentLines.lines(of: id, in: context, on: store.database))
    }

    /// The order of an accepted quote, with its lines, inside the acceptance's transaction.
    static func make(from quote: Quote, lines: [DocumentLine], by context: RequestContext, at now: Date,
                     on database: any Database) async throws -> SalesOrder {
        let order = SalesOrder(organisationID: context.organisationID, accountID: quote.accountID, currency: quote.currency)
        (order.contactID, order.quoteID, order.ownerUserID, order.ownerTeamID) = (quote.contactID, quote.id, quote.ownerUserID, quote.ownerTeamID)
        order.number = try await DocumentNumbers.next(.order, organisationID: context.organisationID, at: now, on: database)
        order.searchText = SearchText.document([order.number, quote.number])
        let copies = lines.enumerated().map { $1.copy(to: .order, documentID: order.id!, position: $0) }
        try DocumentLines.total(order, copies)
        try await order.create(on: database)
        try await DocumentLines.replace(copies, of: order.id!, in: context, on: database)
        try await SalesRecords.recordChange(order, action: .create, before: nil, by: context, at: now, on: database)
        return order
    }

    /// Bills the given lines of the order (all not yet billed when `lineIDs` is nil) with a new invoice.
    public func invoice(_ id: UUID, lineIDs: [UUID]?, dueDate: String?, by context: RequestContext) async throws -> (Invoice, [DocumentLine]) {
        try context.require(.invoices, .create)
        if let dueDate, CalendarDay.parse(dueDate) == nil { throw ValidationFailure([FieldError(field: "due_date", code: .invalidFormat)]) }
        let now = store.now()
        return try await store.write { database in
            // The version moves with each invoice, which also serialises two invoices of the same lines.
            let order = try await SalesRecords.lockForUpdate(SalesOrder.self, id, expectedVersion: nil, for: .read, in: context, on: database)
            guard order.status != SalesOrder.Status.cancelled.rawValue else {
                throw SalesError.invalidTransition(field: "status", from: order.status, to: "invoiced")
            }
            let lines = try await DocumentLines.lines(of: id, in: context, on: database)
            let billed = Set(try await DocumentLine.query(on: database).scoped(to: context).filter(\.$sourceLineID ~~ lines.compactMap(\.id))
                .join(Invoice.self, on: \DocumentLine.$documentID == \Invoice.$id).filter(Invoice.self, \.$status != Invoice.Status.void.rawValue)
                .all().compactMap(\.sourceLineID))
            if let lineIDs, lineIDs.contains(where: { id in !lines.contains { $0.id == id } }) {
                throw ValidationFailure([FieldError(field: "line_ids", code: .referencedRecordMissing)])
            }
            let chosen = lines.filter { !billed.contains($0.id!) && (lineIDs?.contains($0.id!) ?? true) }
            guard !chosen.isEmpty else { throw SalesError.invalidTransition(field: "line_ids", from: order.status, to: "invoiced") }
            let invoice = Invoice(organisationID: context.organisationID, accountID: order.accountID, currency: order.currency)
            (invoice.contactID, invoice.orderID, invoice.ownerUserID, invoice.ownerTeamID) = (order.contactID, order.id, order.ownerUserID, order.ownerTeamID)
            invoice.dueDate = dueDate.flatMap(CalendarDay.parse)
            invoice.number = try await DocumentNumbers.next(.invoice, organisationID: context.organisationID, at: now, on: database)
            invoice.searchText = SearchText.document([invoice.number, order.number])
            let copies = chosen.enumerated().map { $1.copy(to: .invoice, documentID: invoice.id!, position: $0) }
            try DocumentLines.total(invoice, copies)
            try await invoice.create(on: database)
            try await DocumentLines.replace(copies, of: invoice.id!, in: context, on: database)
            try await SalesRecords.recordChange(invoice, action: .create, before: nil, by: context, at: now, on: database)
            return (invoice, copies)
        }
    }

    /// `fulfilled` when delivered; `cancelled` only while no live invoice bills it.
    public func transition(_ id: UUID, to status: SalesOrder.Status, expectedVersion: Int?, by context: RequestContext) async throws -> SalesOrder {
        try context.require(.orders, .update)
        let now = store.now()
        return try await store.write { database in
            let order = try await SalesRecords.lockForUpdate(SalesOrder.self, id, expectedVersion: expectedVersion, in: context, on: database)
            guard order.status == SalesOrder.Status.open.rawValue, status != .open else {
                throw SalesError.invalidTransition(field: "status", from: order.status, to: status.rawValue)
            }
            if status == .cancelled, try await Invoice.query(on: database).scoped(to: context).filter(\.$orderID == id)
                .filter(\.$status != Invoice.Status.void.rawValue).count() > 0 {
                throw SalesError.recordInUse(recordType: SalesOrder.auditType, dependents: Invoice.schema)
            }
            let before = order.auditSnapshot
            order.status = status.rawValue
            try await order.update(on: database)
            try await SalesRecords.recordChange(order, action: .update, before: before, by: context, at: now, on: database)
            return order
        }
    }
}
