import FluentKit
import Foundation
import PeyvandCore
import Plot
import Vapor

/// Labels of the order and invoice pages, in both languages.
enum DocumentText {
    case order, invoice, status, total, paid, balance, dueDate, invoiceOrder, fulfil, cancelOrder, payments, recordPayment
    case amount, paidOn, method, reference, void, confirmVoid, invoicesOfOrder, fromQuote, fromOrder

    func text(in language: PeyvandCore.Language) -> String {
        let text: (fa: String, en: String) = switch self {
        case .order: ("سفارش", "Order")
        case .invoice: ("فاکتور", "Invoice")
        case .status: ("وضعیت", "Status")
        case .total: ("مبلغ کل", "Total")
        case .paid: ("پرداخت‌شده", "Paid")
        case .balance: ("مانده", "Balance")
        case .dueDate: ("سررسید", "Due")
        case .invoiceOrder: ("صدور فاکتور", "Invoice it")
        case .fulfil: ("تحویل شد", "Mark fulfilled")
        case .cancelOrder: ("لغو سفارش", "Cancel order")
        case .payments: ("پرداخت‌ها", "Payments")
        case .recordPayment: ("ثبت پرداخت", "Record a payment")
        case .amount: ("مبلغ", "Amount")
        case .paidOn: ("تاریخ پرداخت", "Paid on")
        case .method: ("روش", "Method")
        case .reference: ("شمارهٔ پیگیری", "Reference")
        case .void: ("ابطال", "Void")
        case .confirmVoid: ("این فاکتور باطل شود؟", "Void this invoice?")
        case .invoicesOfOrder: ("فاکتورهای این سفارش", "Invoices of this order")
        case .fromQuote: ("از پیش‌فاکتور", "From quote")
        case .fromOrder: ("از سفارش", "From order")
        }
        return language == .fa ? text.fa : text.en
    }

    static func status(_ raw: String, in language: PeyvandCore.Language) -> String {
        let names: [String: (fa: String, en: String)] = [
            "open": ("باز", "Open"), "fulfilled": ("تحویل‌شده", "Fulfilled"), "cancelled": ("لغوشده", "Cancelled"),
            "issued": ("صادرشده", "Issued"), "partially_paid": ("پرداخت ناقص", "Partially paid"), "paid": ("پرداخت‌شده", "Paid"),
            "void": ("باطل", "Void"), "cash": ("نقد", "Cash"), "card": ("کارت", "Card"), "transfer": ("انتقال بانکی", "Bank transfer"),
            "cheque": ("چک", "Cheque"), "other": ("سایر", "Other"),
        ]
        guard let name = names[raw] else { return raw }
        return language == .fa ? name.fa : name.en
    }
}

/// Orders (made by accepting a quote) and invoices (made from orders): lists, record pages with
/// their lines and actions, payments, and the printable invoice.
enum OrderInvoicePages {
    static func webPage(_ request: Request) async throws -> WebPage { try await QuotePages.webPage(request) }

    static func documentTabs(_ current: WebResource, page: WebPage) -> Node<HTML.BodyContext> {
        .nav(.class("tabs"), .attribute(named: "aria-label", value: page.text(.quotes)),
             .forEach([(WebResource.quotes, UIText.quotes), (.orders, .orders), (.invoices, .invoices)]) { resource, label in
                 .a(.href(SiteURL.records(resource).path), .attribute(named: "aria-current", value: resource == current ? "page" : nil),
                    .text(page.text(label)))
             })
    }

    static func documentList<Document: SalesDocument>(_ result: ListPage<Document>, resource: WebResource, title: UIText,
                                                       accountNames: [UUID: String], users: [UUID: String], query: ListQuery,
                                                       statuses: [String], page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display, language = page.language
        let url = SiteURL.records(resource)
        let columns: [ListColumn<Document>] = [
            ListView.selectColumn(\.id, label: \.number),
            ListColumn(QuoteText.number.text(in: language), sort: "number") {
                .a(.href(SiteURL.record(resource, $0.id).path), .attribute(named: "dir", value: "ltr"), .text($0.number))
            },
            ListColumn(SalesText.account.text(in: language), key: "account") { .text(accountNames[$0.accountID] ?? "") },
            ListColumn(DocumentText.status.text(in: language), key: "status") {
                .span(.class("badge status-\($0.status)"), .text(DocumentText.status($0.status, in: language)))
            },
            ListColumn(DocumentText.total.text(in: language), sort: "total", key: "total") { .text(display.money($0.totalMinor, currency: $0.currency)) },
            ListColumn(SalesText.createdAt.text(in: language), sort: "created_at", key: "created_at") { .text(display.moment($0.createdAt)) },
        ]
        return .group(
            documentTabs(resource, page: page),
            RecordView.header(page.text(title), actions: []),
            ListView.savedViews(resource, query: query, page: page),
            ListView.toolbar(url, query: query, filters: [
                FormField(name: "status", label: DocumentText.status.text(in: language),
                          control: .select(statuses.map { ($0, DocumentText.status($0, in: language)) }), value: query.value(of: "status")),
            ], display: display, actions: [ListView.exportLink(resource, module: Document.permissionModule, query: query, page: page)]),
            ListView.columnChooser(columns, url: url, query: query, display: display),
            ListView.table(result.items, columns: columns, query: query, url: url, display: display, defaultSort: "-created_at"),
            ListView.bulkForm(resource, module: Document.permissionModule, actions: [.assign], users: users, query: query, page: page),
            ListView.pager(url, query: query, nextCursor: result.nextCursor?.encoded, display: display)
        )
    }

    // MARK: orders

    @Sendable static func orders(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let query = try await ListQuery.load(request, filterNames: DocumentsAPI.orderFilters.map(\.name), resource: .orders, page: page)
        let result = try await OrderService(store: page.store).list(
            try SalesRequests.listRequest(request, OrderService.list, filters: DocumentsAPI.orderFilters), in: page.context)
        let accounts = try await RecordNames.accounts(Set(result.items.map(\.accountID)), in: page)
        return page.render(page.text(.orders), section: .quotes, documentList(
            result, resource: .orders, title: .orders, accountNames: accounts, users: try await RecordNames.users(in: page), query: query,
            statuses: SalesOrder.Status.allCases.map(\.rawValue), page: page))
    }

    @Sendable static func order(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let (order, lines) = try await OrderService(store: page.store).find(try idParameter(request), in: page.context)
        let account = try await RecordNames.account(order.accountID, in: page)
        var invoices: [Invoice] = []
        if page.context.permissions.scope(for: .invoices, .read) != nil {
            invoices = try await InvoiceService(store: page.store).list(
                ListRequest(limit: 50, filters: [.equals(column: "order_id", value: order.id!)]), in: page.context).items
        }
        let language = page.language, display = page.display
        func text(_ key: DocumentText) -> String { key.text(in: language) }
        let id = order.id!
        let canEdit = page.context.may(.update, on: .orders, ownerUserID: order.ownerUserID, ownerTeamID: order.ownerTeamID)
        let isOpen = order.status == SalesOrder.Status.open.rawValue
        let version = [("version", String(order.version))]
        return page.render("\(text(.order)) \(order.number)", section: .quotes, .group(
            documentTabs(.orders, page: page),
            RecordView.header("\(text(.order)) \(order.number)", subtitle: DocumentText.status(order.status, in: language), actions: [
                .if(isOpen && page.context.permissions.scope(for: .invoices, .create) != nil,
                    page.button(text(.invoiceOrder), posting: SiteURL.recordAction(.orders, id, "invoice").path, class: "")),
                .if(canEdit && isOpen, page.button(text(.fulfil), posting: SiteURL.recordAction(.orders, id, "fulfil").path, hidden: version, class: "quiet")),
                .if(canEdit && isOpen, page.button(text(.cancelOrder), posting: SiteURL.recordAction(.orders, id, "cancel").path, hidden: version,
                                                   class: "danger")),
            ]),
            RecordView.section(SalesText.details.text(in: language),
                RecordView.richDetails([(SalesText.account.text(in: language),
                                         .a(.href(SiteURL.record(.accounts, order.accountID).path), .text(account ?? "")))]
                    + (order.quoteID.map { [(text(.fromQuote), .a(.href(SiteURL.record(.quotes, $0).path), .text(text(.fromQuote))))] } ?? [])),
                RecordView.details([(QuoteText.issuedOn.text(in: language), display.moment(order.createdAt))])),
            RecordView.section(QuoteText.lines.text(in: language), QuoteViews.linesTable(lines, quote: order, display: display)),
            RecordView.section(text(.invoicesOfOrder), invoices.isEmpty ? .p(.class("empty"), .text(page.text(.nothingFound))) : .ul(
                .class("related"), .forEach(invoices) { invoice in
                    .li(.a(.href(SiteURL.record(.invoices, invoice.id).path), .attribute(named: "dir", value: "ltr"), .text(invoice.number)),
                        .span(.class("muted"), .text(" · " + DocumentText.status(invoice.status, in: language) + " · "
                                                     + display.money(invoice.totalMinor, currency: invoice.currency))))
                }))
        ))
    }

    /// `POST /orders/{id}/invoice`: invoices every line not invoiced yet, due in 30 days.
    @Sendable static func invoiceOrder(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let (invoice, _) = try await OrderService(store: page.store).invoice(try idParameter(request), lineIDs: nil, dueDate: nil, by: page.context)
        return page.redirect(to: SiteURL.record(.invoices, invoice.id).path)
    }

    static func orderTransition(_ status: SalesOrder.Status) -> @Sendable (Request) async throws -> Response {
        { request in
            let page = try await webPage(request)
            let id = try idParameter(request)
            let form = try await FormData(request)
            _ = try await OrderService(store: page.store).transition(id, to: status, expectedVersion: form.value("version").flatMap(Int.init),
                                                                     by: page.context)
            return page.redirect(to: SiteURL.record(.orders, id).path)
        }
    }

    // MARK: invoices

    @Sendable static func invoices(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let query = try await ListQuery.load(request, filterNames: DocumentsAPI.invoiceFilters.map(\.name), resource: .invoices, page: page)
        let result = try await InvoiceService(store: page.store).list(
            try SalesRequests.listRequest(request, InvoiceService.list, filters: DocumentsAPI.invoiceFilters), in: page.context)
        let accounts = try await RecordNames.accounts(Set(result.items.map(\.accountID)), in: page)
        return page.render(page.text(.invoices), section: .quotes, documentList(
            result, resource: .invoices, title: .invoices, accountNames: accounts, users: try await RecordNames.users(in: page), query: query,
            statuses: Invoice.Status.allCases.map(\.rawValue), page: page))
    }

    @Sendable static func invoice(_ request: Request) async throws -> Response {
        try await invoicePage(try await webPage(request), id: try idParameter(request), state: FormState())
    }

    private static func invoicePage(_ page: WebPage, id: UUID, state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let service = InvoiceService(store: page.store)
        let (invoice, lines) = try await service.find(id, in: page.context)
        let payments = try await service.payments(of: id, in: page.context)
        let account = try await RecordNames.account(invoice.accountID, in: page)
        let language = page.language, display = page.display
        func text(_ key: DocumentText) -> String { key.text(in: language) }
        let canEdit = page.context.may(.update, on: .invoices, ownerUserID: invoice.ownerUserID, ownerTeamID: invoice.ownerTeamID)
        let payable = [Invoice.Status.issued.rawValue, Invoice.Status.partiallyPaid.rawValue].contains(invoice.status)
        let unit = display.moneyUnitName
        let methods = Payment.Method.allCases.map { ($0.rawValue, DocumentText.status($0.rawValue, in: language)) }
        return page.render("\(text(.invoice)) \(invoice.number)", section: .quotes, status: status, .group(
            documentTabs(.invoices, page: page),
            RecordView.header("\(text(.invoice)) \(invoice.number)", subtitle: DocumentText.status(invoice.status, in: language), actions: [
                .a(.class("button quiet"), .href(SiteURL.recordAction(.invoices, id, "print").path), .text(QuoteText.print.text(in: language))),
                .if(canEdit && payable && invoice.paidMinor == 0,
                    page.button(text(.void), posting: SiteURL.recordAction(.invoices, id, "void").path,
                                hidden: [("version", String(invoice.version))], class: "danger", confirm: text(.confirmVoid))),
            ]),
            RecordView.section(SalesText.details.text(in: language),
                RecordView.richDetails([(SalesText.account.text(in: language),
                                         .a(.href(SiteURL.record(.accounts, invoice.accountID).path), .text(account ?? "")))]
                    + (invoice.orderID.map { [(text(.fromOrder), .a(.href(SiteURL.record(.orders, $0).path), .text(text(.fromOrder))))] } ?? [])),
                RecordView.details([
                    (QuoteText.issuedOn.text(in: language), display.moment(invoice.createdAt)),
                    (text(.dueDate), display.day(invoice.dueDate)),
                    (text(.total), display.money(invoice.totalMinor, currency: invoice.currency)),
                    (text(.paid), display.money(invoice.paidMinor, currency: invoice.currency)),
                    (text(.balance), display.money(invoice.totalMinor - invoice.paidMinor, currency: invoice.currency)),
                ])),
            RecordView.section(QuoteText.lines.text(in: language), QuoteViews.linesTable(lines, quote: invoice, display: display)),
            RecordView.section(text(.payments),
                payments.isEmpty ? .p(.class("empty"), .text(SalesText.noneYet.text(in: language))) : .ul(.class("related"), .forEach(payments) { payment in
                    .li(.text(display.money(payment.amountMinor, currency: payment.currency) + " · " + display.day(payment.paidOn) + " · "
                              + DocumentText.status(payment.method, in: language)),
                        .unwrap(payment.reference) { .span(.class("muted"), .attribute(named: "dir", value: "auto"), .text(" · " + $0)) })
                }),
                .if(canEdit && payable, page.form(
                    action: SiteURL.recordAction(.invoices, id, "payments").path, class: "record-form",
                    .h3(.text(text(.recordPayment))),
                    FormBanner.node(state, display: display),
                    .div(.class("field-row"),
                         FormField("amount", "\(text(.amount)) (\(unit))", in: state, isRequired: true, isLeftToRight: true).node,
                         FormField("paid_on", text(.paidOn), in: state, hint: SalesText.dateHint.text(in: language)).date.node,
                         FormField("method", text(.method), in: state, control: .select(methods), isRequired: true).node,
                         FormField("reference", text(.reference), in: state, isLeftToRight: true).node),
                    .button(.type(.submit), .text(text(.recordPayment))))))
        ))
    }

    /// `POST /invoices/{id}/payments`: the amount is typed in the organisation's display unit.
    @Sendable static func recordPayment(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let id = try idParameter(request)
        let form = try await FormData(request)
        var problems = FieldValidator()
        var amount: Int64?
        if let text = form.value("amount"), !text.trimmingCharacters(in: .whitespaces).isEmpty {
            amount = NumberInput.scaled(text, scale: page.display.typingScale(for: "IRR"))
            if amount == nil { problems.add("amount", .invalidFormat) }
        }
        let paidOn = form.value("paid_on").flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        do {
            _ = try await InvoiceService(store: page.store).recordPayment(
                id, PaymentInput(amountMinor: amount, currency: nil, paidOn: paidOn, method: form.value("method"), reference: form.value("reference")),
                by: page.context, readProblems: problems)
            return page.redirect(to: SiteURL.record(.invoices, id).path)
        } catch let error as any DomainError where error.kind == .validation || error.kind == .conflict {
            var state = FormState(refused: error, form: form, rowOrigins: [:], language: page.language)
            if let message = state.errors.removeValue(forKey: "amount_minor") { state.errors["amount"] = message }
            return try await invoicePage(page, id: id, state: state, status: .unprocessableEntity)
        }
    }

    @Sendable static func void(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let id = try idParameter(request)
        let form = try await FormData(request)
        _ = try await InvoiceService(store: page.store).void(id, expectedVersion: form.value("version").flatMap(Int.init), by: page.context)
        return page.redirect(to: SiteURL.record(.invoices, id).path)
    }

    @Sendable static func printInvoice(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let (invoice, lines) = try await InvoiceService(store: page.store).find(try idParameter(request), in: page.context)
        let account = try await AccountService(store: page.store).find(invoice.accountID, in: page.context)
        let organisation = try await Organisation.find(page.context.organisationID, on: page.store.database)
        return Layout.response(QuoteViews.printable(invoice, title: "\(DocumentText.invoice.text(in: page.language)) \(invoice.number)",
                                                    validUntil: nil, notes: invoice.notes, lines: lines, account: account,
                                                    organisationName: organisation?.name ?? "", page: page))
    }

    /// `POST /orders|invoices/bulk`: orders and invoices are only handed to another owner in bulk.
    private static func assignTicked(_ request: Request, resource: WebResource,
                                     _ assign: (UUID, UUID, WebPage) async throws -> Void) async throws -> Response {
        let page = try await webPage(request)
        let submission = try await BulkSubmission(request, offered: [.assign], resource: resource)
        return try await submission.run(on: page) { _, id in try await assign(id, submission.owner!, page) }
    }

    static func register(on routes: any RoutesBuilder) {
        routes.get(SiteURL.records(.orders).pathComponents, use: orders)
        routes.get(SiteURL.export(.orders).pathComponents) { try await ImportExportAPI.exportResponse(.orders, $0) }
        routes.get(SiteURL.export(.invoices).pathComponents) { try await ImportExportAPI.exportResponse(.invoices, $0) }
        routes.post(SiteURL.bulk(.orders).pathComponents) { request in
            try await assignTicked(request, resource: .orders) { id, owner, page in
                _ = try await OrderService(store: page.store).assign(id, toUser: owner, team: nil, expectedVersion: nil, by: page.context)
            }
        }
        routes.post(SiteURL.bulk(.invoices).pathComponents) { request in
            try await assignTicked(request, resource: .invoices) { id, owner, page in
                _ = try await InvoiceService(store: page.store).assign(id, toUser: owner, team: nil, expectedVersion: nil, by: page.context)
            }
        }
        routes.get(SiteURL.record(.orders, nil).pathComponents, use: order)
        routes.post(SiteURL.recordAction(.orders, nil, "invoice").pathComponents, use: invoiceOrder)
        routes.post(SiteURL.recordAction(.orders, nil, "fulfil").pathComponents, use: orderTransition(.fulfilled))
        routes.post(SiteURL.recordAction(.orders, nil, "cancel").pathComponents, use: orderTransition(.cancelled))
        routes.get(SiteURL.records(.invoices).pathComponents, use: invoices)
        routes.get(SiteURL.record(.invoices, nil).pathComponents, use: invoice)
        routes.post(SiteURL.recordAction(.invoices, nil, "payments").pathComponents, use: recordPayment)
        routes.post(SiteURL.recordAction(.invoices, nil, "void").pathComponents, use: void)
        routes.get(SiteURL.recordAction(.invoices, nil, "print").pathComponents, use: printInvoice)
    }
}
