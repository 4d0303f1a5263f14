import Foundation
import PeyvandCore

struct DocumentLineDTO: Encodable {
    var id: UUID
    var position: Int
    var productId: UUID?
    var description: String
    /// Units, with up to three decimals.
    var quantity: Double
    var unitPriceMinor: Int64
    var discountBp: Int64
    var taxRateBp: Int64
    var netMinor: Int64
    var discountMinor: Int64
    var taxMinor: Int64
    var totalMinor: Int64

    init(_ line: DocumentLine) {
        (id, position, productId, description) = (line.id!, line.position, line.productID, line.description)
        quantity = Double(line.quantityMilli) / 1000
        (unitPriceMinor, discountBp, taxRateBp) = (line.unitPriceMinor, line.discountBasisPoints, line.taxRateBasisPoints)
        (netMinor, discountMinor, taxMinor, totalMinor) = (line.netMinor, line.discountMinor, line.taxMinor, line.totalMinor)
    }
}

struct DocumentTotalsDTO: Encodable {
    var subtotal: MoneyDTO
    var discount: MoneyDTO
    var tax: MoneyDTO
    var total: MoneyDTO

    init(_ document: some SalesDocument) {
        subtotal = MoneyDTO(amountMinor: document.subtotalMinor, currency: document.currency)
        discount = MoneyDTO(amountMinor: document.discountMinor, currency: document.currency)
        tax = MoneyDTO(amountMinor: document.taxMinor, currency: document.currency)
        total = MoneyDTO(amountMinor: document.totalMinor, currency: document.currency)
    }
}

struct QuoteDTO: Encodable {
    var id: UUID
    var number: String
    var status: String
    var accountId: UUID
    var contactId: UUID?
    var opportunityId: UUID?
    var priceListId: UUID?
    var currency: String
    var validUntil: String?
    var notes: String?
    var sentAt: Date?
    var decidedAt: Date?
    var totals: DocumentTotalsDTO
    var lines: [DocumentLineDTO]?
    var ownerId: UUID?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?

    init(_ quote: Quote, lines: [DocumentLine]?) {
        (id, number, status, accountId, contactId) = (quote.id!, quote.number, quote.status, quote.accountID, quote.contactID)
        (opportunityId, priceListId, currency, validUntil, notes) = (quote.opportunityID, quote.priceListID, quote.currency, quote.validUntil, quote.notes)
        (sentAt, decidedAt, totals) = (quote.sentAt, quote.decidedAt, DocumentTotalsDTO(quote))
        self.lines = lines?.map(DocumentLineDTO.init)
        (ownerId, version, createdAt, updatedAt) = (quote.ownerUserID, quote.version, quote.createdAt, quote.updatedAt)
    }
}

struct OrderDTO: Encodable {
    var id: UUID
    var number: String
    var status: String
    var accountId: UUID
    var contactId: UUID?
    var quoteId: UUID?
    var currency: String
    var totals: DocumentTotalsDTO
    var lines: [DocumentLineDTO]?
    var ownerId: UUID?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?

    init(_ order: SalesOrder, lines: [DocumentLine]?) {
        (id, number, status, accountId, contactId, quoteId) = (order.id!, order.number, order.status, order.accountID, order.contactID, order.quoteID)
        (currency, totals) = (order.currency, DocumentTotalsDTO(order))
        self.lines = lines?.map(DocumentLineDTO.init)
        (ownerId, version, createdAt, updatedAt) = (order.ownerUserID, order.version, order.createdAt, order.updatedAt)
    }
}

struct InvoiceDTO: Encodable {
    var id: UUID
    var number: String
    var status: String
    var accountId: UUID
    var contactId: UUID?
    var orderId: UUID?
    var currency: String
    var dueDate: String?
    var totals: DocumentTotalsDTO
    var paid: MoneyDTO
    var balance: MoneyDTO
    var lines: [DocumentLineDTO]?
    var ownerId: UUID?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?

    init(_ invoice: Invoice, lines: [DocumentLine]?) {
        (id, number, status, accountId, contactId, orderId) = (invoice.id!, invoice.number, invoice.status, invoice.accountID, invoice.contactID, invoice.orderID)
        (currency, dueDate, totals) = (invoice.currency, invoice.dueDate, DocumentTotalsDTO(invoice))
        paid = MoneyDTO(amountMinor: invoice.paidMinor, currency: invoice.currency)
        balance = MoneyDTO(amountMinor: invoice.totalMinor - invoice.paidMinor, currency: invoice.currency)
        self.lines = lines?.map(DocumentLineDTO.init)
        (ownerId, version, createdAt, updatedAt) = (invoice.ownerUserID, invoice.version, invoice.createdAt, invoice.updatedAt)
    }
}

struct PaymentDTO: Encodable {
    var id: UUID
    var amount: MoneyDTO
    var paidOn: String
    var method: String
    var reference: String?
    var createdAt: Date?

    init(_ payment: Payment) {
        (id, paidOn, method, reference, createdAt) = (payment.id!, payment.paidOn, payment.method, payment.reference, payment.createdAt)
        amount = MoneyDTO(amountMinor: payment.amountMinor, currency: payment.currency)
    }
}
