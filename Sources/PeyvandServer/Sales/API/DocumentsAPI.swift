import PeyvandCore
import Vapor

/// `/quotes`, `/orders`, `/invoices` and their actions: the quote → order → invoice → payment flow.
enum DocumentsAPI {
    static let quoteFilters = [
        ListParameter("status", .oneOf(Quote.Status.allCases.map(\.rawValue))), ListParameter("account_id", .uuid),
        ListParameter("opportunity_id", .uuid),
    ]
    static let orderFilters = [ListParameter("status", .oneOf(SalesOrder.Status.allCases.map(\.rawValue))), ListParameter("account_id", .uuid)]
    static let invoiceFilters = [
        ListParameter("status", .oneOf(Invoice.Status.allCases.map(\.rawValue))), ListParameter("account_id", .uuid),
        ListParameter("order_id", .uuid),
    ]

    // MARK: quotes

    @Sendable static func listQuotes(_ request: Request) async throws -> Response {
        let page = try await QuoteService(store: request.store).list(try SalesRequests.listRequest(request, QuoteService.list, filters: quoteFilters),
                                                                    in: try request.actor)
        return try jsonResponse(ListBody(page) { QuoteDTO($0, lines: nil) })
    }

    @Sendable static func showQuote(_ request: Request) async throws -> Response {
        let (quote, lines) = try await QuoteService(store: request.store).find(try idParameter(request), in: try request.actor)
        return try jsonResponse(QuoteDTO(quote, lines: lines), version: quote.version)
    }

    @Sendable static func createQuote(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let input = readQuote(&reader)
        let (quote, lines) = try await QuoteService(store: request.store).create(input, by: try request.actor, readProblems: reader.validator)
        return try jsonResponse(QuoteDTO(quote, lines: lines), status: .created, version: quote.version, location: "/api/v1/quotes/\(quote.id!)")
    }

    @Sendable static func updateQuote(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let input = readQuote(&reader)
        let (quote, lines) = try await QuoteService(store: request.store).update(try idParameter(request), input,
                                                                                 expectedVersion: Versioning.expectedVersion(request),
                                                                                 by: try request.actor, readProblems: reader.validator)
        return try jsonResponse(QuoteDTO(quote, lines: lines), version: quote.version)
    }

    @Sendable static func deleteQuote(_ request: Request) async throws -> HTTPStatus {
        try await QuoteService(store: request.store).delete(try idParameter(request), expectedVersion: Versioning.expectedVersion(request),
                                                            by: try request.actor)
        return .noContent
    }

    /// `POST /quotes/{id}/send|accept|reject|expire`; accept answers `{quote, order}`.
    static func quoteAction(_ status: Quote.Status) -> @Sendable (Request) async throws -> Response {
        { request in
            let (quote, order) = try await QuoteService(store: request.store).transition(try idParameter(request), to: status,
                                                                                         expectedVersion: Versioning.expectedVersion(request),
                                                                                         by: try request.actor)
            guard let order else { return try jsonResponse(QuoteDTO(quote, lines: nil), version: quote.version) }
            return try jsonResponse(AcceptedBody(quote: QuoteDTO(quote, lines: nil), order: OrderDTO(order, lines: nil)), version: quote.version)
        }
    }

    /// `POST /quotes|orders|invoices/{id}/assign` `{ owner_id?, owner_team_id? }`: a new owner, whatever the status.
    static func readOwner(_ request: Request) throws -> (user: UUID?, team: UUID?) {
        var reader = try FieldReader(request)
        let owner = (user: reader.uuid("owner_id"), team: reader.uuid("owner_team_id"))
        try reader.finish()
        return owner
    }

    @Sendable static func assignQuote(_ request: Request) async throws -> Response {
        let owner = try readOwner(request)
        let quote = try await QuoteService(store: request.store).assign(try idParameter(request), toUser: owner.user, team: owner.team,
                                                                        expectedVersion: Versioning.expectedVersion(request), by: try request.actor)
        return try jsonResponse(QuoteDTO(quote, lines: nil), version: quote.version)
    }

    @Sendable static func assignOrder(_ request: Request) async throws -> Response {
        let owner = try readOwner(request)
        let order = try await OrderService(store: request.store).assign(try idParameter(request), toUser: owner.user, team: owner.team,
                                                                        expectedVersion: Versioning.expectedVersion(request), by: try request.actor)
        return try jsonResponse(OrderDTO(order, lines: nil), version: order.version)
    }

    @Sendable static func assignInvoice(_ request: Request) async throws -> Response {
        let owner = try readOwner(request)
        let invoice = try await InvoiceService(store: request.store).assign(try idParameter(request), toUser: owner.user, team: owner.team,
                                                                            expectedVersion: Versioning.expectedVersion(request), by: try request.actor)
        return try jsonResponse(InvoiceDTO(invoice, lines: nil), version: invoice.version)
    }

    struct AcceptedBody: Encodable {
        var quote: QuoteDTO
        var order: OrderDTO
    }

    private static func readQuote(_ reader: inout FieldReader) -> QuoteInput {
        QuoteInput(
            provided: reader.providedKeys, accountID: reader.uuid("account_id"), contactID: reader.uuid("contact_id"),
            opportunityID: reader.uuid("opportunity_id"), priceListID: reader.uuid("price_list_id"), currency: reader.string("currency"),
            validUntil: reader.string("valid_until"), notes: reader.string("notes"), lines: readLines(&reader))
    }

    /// `lines: [{product_id?, description?, quantity, unit_price_minor?, discount_bp?, tax_rate_bp?}]`.
    static func readLines(_ reader: inout FieldReader) -> [LineInput]? {
        reader.nestedList("lines") {
            LineInput(productID: $0.uuid("product_id"), description: $0.string("description"), quantityMilli: $0.thousandths("quantity"),
                      unitPriceMinor: $0.int64("unit_price_minor"), discountBasisPoints: $0.int64("discount_bp"),
                      taxRateBasisPoints: $0.int64("tax_rate_bp"))
        }
    }

    // MARK: orders

    @Sendable static func listOrders(_ request: Request) async throws -> Response {
        let page = try await OrderService(store: request.store).list(try SalesRequests.listRequest(request, OrderService.list, filters: orderFilters),
                                                                    in: try request.actor)
        return try jsonResponse(ListBody(page) { OrderDTO($0, lines: nil) })
    }

    @Sendable static func showOrder(_ request: Request) async throws -> Response {
        let (order, lines) = try await OrderService(store: request.store).find(try idParameter(request), in: try request.actor)
        return try jsonResponse(OrderDTO(order, lines: lines), version: order.version)
    }

    /// `POST /orders/{id}/invoices` `{ line_ids?, due_date? }` → the new invoice.
    @Sendable static func invoiceOrder(_ request: Request) async throws -> Response {
        var lineIDs: [UUID]?, dueDate: String?
        if (request.body.data?.readableBytes ?? 0) > 0 {
            var reader = try FieldReader(request)
            (lineIDs, dueDate) = (reader.uuids("line_ids"), reader.string("due_date"))
            try reader.finish()
        }
        let (invoice, lines) = try await OrderService(store: request.store).invoice(try idParameter(request), lineIDs: lineIDs, dueDate: dueDate,
                                                                                    by: try request.actor)
        return try jsonResponse(InvoiceDTO(invoice, lines: lines), status: .created, version: invoice.version,
                                location: "/api/v1/invoices/\(invoice.id!)")
    }

    static func orderAction(_ status: SalesOrder.Status) -> @Sendable (Request) async throws -> Response {
        { request in
            let order = try await OrderService(store: request.store).transition(try idParameter(request), to: status,
                                                                               expectedVersion: Versioning.expectedVersion(request), by: try request.actor)
            return try jsonResponse(OrderDTO(order, lines: nil), version: order.version)
        }
    }

    // MARK: invoices

    @Sendable static func listInvoices(_ request: Request) async throws -> Response {
        let page = try await InvoiceService(store: request.store).list(
            try SalesRequests.listRequest(request, InvoiceService.list, filters: invoiceFilters), in: try request.actor)
        return try jsonResponse(ListBody(page) { InvoiceDTO($0, lines: nil) })
    }

    @Sendable static func showInvoice(_ request: Request) async throws -> Response {
        let (invoice, lines) = try await InvoiceService(store: request.store).find(try idParameter(request), in: try request.actor)
        return try jsonResponse(InvoiceDTO(invoice, lines: lines), version: invoice.version)
    }

    @Sendable static func voidInvoice(_ request: Request) async throws -> Response {
        let invoice = try await InvoiceService(store: request.store).void(try idParameter(request), expectedVersion: Versioning.expectedVersion(request),
                                                                         by: try request.actor)
        return try jsonResponse(InvoiceDTO(invoice, lines: nil), version: invoice.version)
    }

    struct PaymentsBody: Encodable {
        var data: [PaymentDTO]
    }

    @Sendable static func listPayments(_ request: Request) async throws -> Response {
        let payments = try await InvoiceService(store: request.store).payments(of: try idParameter(request), in: try request.actor)
        return try jsonResponse(PaymentsBody(data: payments.map(PaymentDTO.init)))
    }

    struct PaidBody: Encodable {
        var invoice: InvoiceDTO
        var payment: PaymentDTO
    }

    /// `POST /invoices/{id}/payments` `{ amount: {amount_minor, currency}, paid_on?, method?, reference? }`.
    @Sendable static func recordPayment(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let amount = reader.nested("amount") { (amountMinor: $0.int64("amount_minor"), currency: $0.string("currency")) }
        let input = PaymentInput(amountMinor: amount?.amountMinor, currency: amount?.currency, paidOn: reader.string("paid_on"),
                                 method: reader.string("method"), reference: reader.string("reference"))
        let (invoice, payment) = try await InvoiceService(store: request.store).recordPayment(try idParameter(request), input, by: try request.actor,
                                                                                              readProblems: reader.validator)
        return try jsonResponse(PaidBody(invoice: InvoiceDTO(invoice, lines: nil), payment: PaymentDTO(payment)), status: .created,
                                version: invoice.version)
    }
}
