import FluentKit
import Foundation

/// A payment as a client records it.
public struct PaymentInput: Sendable {
    public var amountMinor: Int64?
    public var currency: String?
    public var paidOn: String?
    public var method: String?
    public var reference: String?

    public init(amountMinor: Int64?, currency: String?, paidOn: String?, method: String?, reference: String?) {
        self.amountMinor = amountMinor
        self.currency = currency
        self.paidOn = paidOn
        self.method = method
        self.reference = reference
    }
}

/// The only writer of invoices and payments: issued → partially paid → paid, or void while unpaid.
public struct InvoiceService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public static let list = RecordList<Invoice>(
        sortable: [
            SortableColumn("created_at", column: "id", kind: .uuid), SortableColumn("updated_at", kind: .timestamp),
            SortableColumn("number", kind: .text), SortableColumn("total", column: "total_minor", kind: .integer),
            SortableColumn("due_date", kind: .text),
        ],
        defaultSort: ListSort("created_at", descending: true), isSearchable: true)

    public func list(_ request: ListRequest, in context: RequestContext) async throws -> ListPage<Invoice> {
        try await Self.list.fetch(request, in: context, store: store)
    }

    /// Hands the invoice to another user or team (see `SalesRecords.assign`).
    public func assign(_ id: UUID, toUser userID: UUID?, team teamID: UUID?, expectedVersion: Int?,
                       by context: RequestContext) async throws -> Invoice {
        try await SalesRecords.assign(Invoice.self, id, toUser: userID, team: teamID, expectedVersion: expectedVersion, by: context, store: store)
    }

    public func find(_ id: UUID, in context: RequestContext) async throws -> (Invoice, [DocumentLine]) {
        let invoice = try await SalesRecords.find(Invoice.self, id, for: .read, in: context, on: store.database)
        return (invoice, try await DocumentLines.lines(of: id, in: context, on: store.database))
    }

    public func payments(of id: UUID, in context: RequestContext) async throws -> [Payment] {
        _ = try await find(id, in: context)
        return try await Payment.query(on: store.database).scoped(to: context).filter(\.$invoiceID == id).sort(\.$id).all()
    }

    /// Records a payment of at most what is still owed, in the invoice's currency.
    public func recordPayment(_ id: UUID, _ input: PaymentInput, by context: RequestContext,
                              readProblems: FieldValidator = FieldValidator()) async throws -> (Invoice, Payment) {
        try context.require(.invoices, .update)
        var validator = readProblems
        if input.amountMinor == nil { validator.add("amount", .required) }
        if let amount = input.amountMinor, amount <= 0 { validator.add("amount", .outOfRange) }
        let paidOn = input.paidOn.flatMap(CalendarDay.parse)
        if input.paidOn != nil && paidOn == nil { validator.add("paid_on", .invalidFormat) }
        let method = input.method.map(Payment.Method.init(rawValue:)) ?? .other
        if method == nil { validator.add("method", .unknownValue) }
        validator.text(input.reference, "reference", required: false, max: 200)
        try validator.check()
        let now = store.now()
        return try await store.write { database in
            let invoice = try await SalesRecords.lockForUpdate(Invoice.self, id, expectedVersion: nil, in: context, on: database)
            guard invoice.status == Invoice.Status.issued.rawValue || invoice.status == Invoice.Status.partiallyPaid.rawValue else {
                throw SalesError.invalidTransition(field: "status", from: invoice.status, to: Invoice.Status.paid.rawValue)
            }
            var rules = FieldValidator()
            if let currency = input.currency, currency != invoice.currency { rules.add("amount", .invalidFormat) }
            if input.amountMinor! > invoice.totalMinor - invoice.paidMinor { rules.add("amount", .outOfRange) }
            try rules.check()
            let before = invoice.auditSnapshot
            let today = paidOn ?? CalendarDay.parse(JalaliDate(now).formatted(digits: .ascii, style: .numeric))!
            let payment = Payment(organisationID: context.organisationID, invoiceID: id, amountMinor: input.amountMinor!, currency: invoice.currency,
                                  paidOn: today, method: method!, reference: PartyInput.trimmed(input.reference), recordedBy: context.userID)
            try await payment.create(on: database)
            invoice.paidMinor += payment.amountMinor
            invoice.status = (invoice.paidMinor == invoice.totalMinor ? Invoice.Status.paid : .partiallyPaid).rawValue
            try await invoice.update(on: database)
            try await SalesRecords.recordChange(invoice, action: .update, before: before, by: context, at: now, on: database)
            return (invoice, payment)
        }
    }

    /// Cancels an invoice nothing has been paid on; its order lines can be billed again.
    public func void(_ id: UUID, expectedVersion: Int?, by context: RequestContext) async throws -> Invoice {
        try context.require(.invoices, .update)
        let now = store.now()
        return try await store.write { database in
            let invoice = try await SalesRecords.lockForUpdate(Invoice.self, id, expectedVersion: expectedVersion, in: context, on: database)
            guard invoice.status == Invoice.Status.issued.rawValue, invoice.paidMinor == 0 else {
                throw SalesError.invalidTransition(field: "status", from: invoice.status, to: Invoice.Status.void.rawValue)
            }
            let before = invoice.auditSnapshot
            invoice.status = Invoice.Status.void.rawValue
            try await invoice.update(on: database)
            try await SalesRecords.recordChange(invoice, action: .update, before: before, by: context, at: now, on: database)
            return invoice
        }
    }
}
