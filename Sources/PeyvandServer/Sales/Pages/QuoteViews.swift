import Foundation
import PeyvandCore
import Plot

/// Labels of the quote pages, in both languages.
enum QuoteText {
    case quote, newQuote, number, validUntil, notes, lines, product, description, quantity, unitPrice, discount, tax, lineTotal
    case subtotal, discountTotal, taxTotal, total, recalculate, save, print, send, accept, reject, status, issuedOn
    case serverTotals, seller, buyer, nationalID, economicCode, pricesIn(String)

    func text(in language: PeyvandCore.Language) -> String {
        let text: (fa: String, en: String) = switch self {
        case .quote: ("پیش‌فاکتور", "Quote")
        case .newQuote: ("پیش‌فاکتور جدید", "New quote")
        case .number: ("شماره", "Number")
        case .validUntil: ("معتبر تا", "Valid until")
        case .notes: ("یادداشت", "Notes")
        case .lines: ("اقلام", "Lines")
        case .product: ("کالا/خدمت", "Product")
        case .description: ("شرح", "Description")
        case .quantity: ("تعداد", "Quantity")
        case .unitPrice: ("قیمت واحد", "Unit price")
        case .discount: ("تخفیف ٪", "Discount %")
        case .tax: ("مالیات ٪", "Tax %")
        case .lineTotal: ("مبلغ", "Amount")
        case .subtotal: ("جمع", "Subtotal")
        case .discountTotal: ("تخفیف", "Discount")
        case .taxTotal: ("مالیات بر ارزش افزوده", "VAT")
        case .total: ("مبلغ قابل پرداخت", "Total")
        case .recalculate: ("محاسبهٔ دوباره", "Recalculate")
        case .save: ("ذخیره", "Save")
        case .print: ("نسخهٔ چاپی", "Print")
        case .send: ("ارسال شد", "Mark sent")
        case .accept: ("پذیرفته شد", "Accept")
        case .reject: ("رد شد", "Reject")
        case .status: ("وضعیت", "Status")
        case .issuedOn: ("تاریخ", "Date")
        case .serverTotals: ("مبالغ را سرور حساب می‌کند؛ پس از هر تغییر «محاسبهٔ دوباره» را بزنید.",
                             "The server computes every amount; press “Recalculate” after a change.")
        case .seller: ("فروشنده", "Seller")
        case .buyer: ("خریدار", "Buyer")
        case .nationalID: ("شناسه ملی", "National ID")
        case .economicCode: ("کد اقتصادی", "Economic code")
        case .pricesIn(let unit): ("مبالغ به \(unit)", "Amounts in \(unit)")
        }
        return language == .fa ? text.fa : text.en
    }

    static func status(_ raw: String, in language: PeyvandCore.Language) -> String {
        let names: [String: (fa: String, en: String)] = [
            "draft": ("پیش‌نویس", "Draft"), "sent": ("ارسال‌شده", "Sent"), "accepted": ("پذیرفته‌شده", "Accepted"),
            "rejected": ("ردشده", "Rejected"), "expired": ("منقضی", "Expired"),
        ]
        guard let name = names[raw] else { return raw }
        return language == .fa ? name.fa : name.en
    }
}

/// What the quote pages show.
enum QuoteViews {
    static func list(_ result: ListPage<Quote>, accountNames: [UUID: String], users: [UUID: String], query: ListQuery,
                     page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display, language = page.language
        func text(_ key: QuoteText) -> String { key.text(in: language) }
        let url = SiteURL.records(.quotes)
        let columns: [ListColumn<Quote>] = [
            ListView.selectColumn(\.id, label: \.number),
            ListColumn(text(.number), sort: "number") { .a(.href(SiteURL.record(.quotes, $0.id).path), .attribute(named: "dir", value: "ltr"), .text($0.number)) },
            ListColumn(SalesText.account.text(in: language), key: "account") { .text(accountNames[$0.accountID] ?? "") },
            ListColumn(text(.status), key: "status") { .span(.class("badge status-\($0.status)"), .text(QuoteText.status($0.status, in: language))) },
            ListColumn(text(.total), sort: "total", key: "total") { .text(display.money($0.totalMinor, currency: $0.currency)) },
            ListColumn(text(.validUntil), key: "valid_until") { .text(display.day($0.validUntil)) },
            ListColumn(SalesText.createdAt.text(in: language), sort: "created_at", key: "created_at") { .text(display.moment($0.createdAt)) },
        ]
        let statuses = Quote.Status.allCases.map { ($0.rawValue, QuoteText.status($0.rawValue, in: language)) }
        return .group(
            OrderInvoicePages.documentTabs(.quotes, page: page),
            RecordView.header(page.text(.quotes), actions: [
                .if(page.context.permissions.scope(for: .quotes, .create) != nil,
                    .a(.class("button"), .href(SiteURL.newRecord(.quotes).path), .text(text(.newQuote)))),
            ]),
            ListView.savedViews(.quotes, query: query, page: page),
            ListView.toolbar(url, query: query, filters: [
                FormField(name: "status", label: text(.status), control: .select(statuses), value: query.value(of: "status")),
            ], display: display, actions: [ListView.exportLink(.quotes, module: .quotes, query: query, page: page)]),
            ListView.columnChooser(columns, url: url, query: query, display: display),
            ListView.table(result.items, columns: columns, query: query, url: url, display: display, defaultSort: "-created_at"),
            ListView.bulkForm(.quotes, module: .quotes, actions: QuotePages.bulkActions, users: users, query: query, page: page),
            ListView.pager(url, query: query, nextCursor: result.nextCursor?.encoded, display: display)
        )
    }

    static func record(_ quote: Quote, lines: [DocumentLine], accountName: String?, page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display, language = page.language
        func text(_ key: QuoteText) -> String { key.text(in: language) }
        let id = quote.id!
        let canEdit = page.context.may(.update, on: .quotes, ownerUserID: quote.ownerUserID, ownerTeamID: quote.ownerTeamID)
        let status = Quote.Status(rawValue: quote.status)
        let version = [("version", String(quote.version))]
        return .group(
            RecordView.header("\(text(.quote)) \(quote.number)",
                              subtitle: QuoteText.status(quote.status, in: language), actions: [
                .a(.class("button quiet"), .href(SiteURL.recordAction(.quotes, id, "print").path), .text(text(.print))),
                .if(canEdit && status == .draft, .a(.class("button quiet"), .href(SiteURL.editRecord(.quotes, id).path), .text(page.text(.edit)))),
                .if(canEdit && status == .draft, page.button(text(.send), posting: SiteURL.recordAction(.quotes, id, "send").path, hidden: version, class: "")),
                .if(canEdit && status == .sent, page.button(text(.accept), posting: SiteURL.recordAction(.quotes, id, "accept").path, hidden: version, class: "")),
                .if(canEdit && status == .sent, page.button(text(.reject), posting: SiteURL.recordAction(.quotes, id, "reject").path, hidden: version,
                                                            class: "danger")),
            ]),
            RecordView.section(SalesText.details.text(in: language),
                RecordView.richDetails([(SalesText.account.text(in: language),
                                         .a(.href(SiteURL.record(.accounts, quote.accountID).path), .text(accountName ?? "")))]),
                RecordView.details([
                    (text(.issuedOn), display.moment(quote.createdAt)),
                    (text(.validUntil), display.day(quote.validUntil)),
                    (text(.notes), quote.notes),
                ])),
            RecordView.section(text(.lines), linesTable(lines, quote: quote, display: display))
        )
    }

    /// The lines with their server-computed amounts and the document's totals.
    static func linesTable(_ lines: [DocumentLine], quote: any SalesDocument, display: Display) -> Node<HTML.BodyContext> {
        let language = display.language
        func text(_ key: QuoteText) -> String { key.text(in: language) }
        func money(_ minor: Int64) -> String { display.money(minor, currency: quote.currency) }
        return .div(.class("table-scroll"), .table(
            .class("records lines"),
            .thead(.tr(.th(.text("#")), .th(.text(text(.description))), .th(.text(text(.quantity))), .th(.text(text(.unitPrice))),
                       .th(.text(text(.discountTotal))), .th(.text(text(.taxTotal))), .th(.text(text(.lineTotal))))),
            .tbody(.forEach(Array(lines.enumerated())) { index, line in
                .tr(.td(.text(display.number(index + 1))), .td(.text(line.description)),
                    .td(.text(NumberInput.typed(line.quantityMilli, scale: 1000, display: display))),
                    .td(.text(money(line.unitPriceMinor))), .td(.text(money(line.discountMinor))), .td(.text(money(line.taxMinor))),
                    .td(.text(money(line.totalMinor))))
            }),
            .tfoot(
                .tr(.th(.attribute(named: "colspan", value: "6"), .text(text(.subtotal))), .td(.text(money(quote.subtotalMinor)))),
                .tr(.th(.attribute(named: "colspan", value: "6"), .text(text(.discountTotal))), .td(.text(money(quote.discountMinor)))),
                .tr(.th(.attribute(named: "colspan", value: "6"), .text(text(.taxTotal))), .td(.text(money(quote.taxMinor)))),
                .tr(.class("grand-total"), .th(.attribute(named: "colspan", value: "6"), .text(text(.total))),
                    .td(.id("quote-total"), .text(money(quote.totalMinor))))
            )
        ))
    }

    static func editor(_ state: FormState, quote: Quote?, preview: (Quote, [DocumentLine])?, accountName: String?,
                       title: String, page: WebPage) -> Node<HTML.BodyContext> {
        let language = page.language, display = page.display
        func text(_ key: QuoteText) -> String { key.text(in: language) }
        let filledRows = (state.values.keys.compactMap { key -> Int? in
            let parts = key.split(separator: ".")
            return parts.count == 3 && parts[0] == "lines" ? Int(parts[1]) : nil
        }.max() ?? -1) + 1
        let unit = display.moneyUnitName
        let action = quote.map { SiteURL.editRecord(.quotes, $0.id).path } ?? SiteURL.newRecord(.quotes).path
        return .group(
            .h1(.text(title)),
            page.form(
                action: action, class: "record-form quote-editor",
                FormBanner.node(state, display: display),
                .unwrap(state.values["version"]) { .input(.type(.hidden), .name("version"), .value($0.attributeEscaped)) },
                .unwrap(state.values["opportunity_id"]) { .input(.type(.hidden), .name("opportunity_id"), .value($0.attributeEscaped)) },
                AccountPicker.node(state, accountName: accountName, isRequired: true, page: page),
                .div(.class("field-row"),
                     FormField("valid_until", text(.validUntil), in: state, hint: SalesText.dateHint.text(in: language)).date.node),
                .element(named: "fieldset", nodes: [
                    .class("form-section"),
                    .element(named: "legend", text: "\(text(.lines)) · \(text(.pricesIn(unit)))"),
                    .forEach(0..<(filledRows + QuoteForm.blankRows)) { row in
                        let prefix = "lines.\(row)."
                        return .div(.class("line-row"),
                            ProductPicker.node(prefix, label: text(.product), state: state),
                            FormField(prefix + "description", text(.description), in: state).node,
                            FormField(prefix + "quantity", text(.quantity), in: state, isLeftToRight: true).node,
                            FormField(prefix + "unit_price", text(.unitPrice), in: state, isLeftToRight: true).node,
                            FormField(prefix + "discount", text(.discount), in: state, isLeftToRight: true).node,
                            FormField(prefix + "tax", text(.tax), in: state, isLeftToRight: true).node)
                    },
                ]),
                FormField("notes", text(.notes), in: state, control: .textarea).node,
                .p(.class("muted"), .text(text(.serverTotals))),
                .div(.class("form-actions"),
                     .button(.type(.submit), .name("intent"), .value("preview"), .class("quiet"), .text(text(.recalculate))),
                     .button(.type(.submit), .name("intent"), .value("save"), .text(text(.save))))
            ),
            .unwrap(preview) { quote, lines in
                .section(.class("card record-section"), .id("quote-preview"), .attribute(named: "aria-live", value: "polite"),
                         .h2(.text(text(.total))), linesTable(lines, quote: quote, display: display))
            }
        )
    }

    /// The A4 page a browser prints or saves as PDF: seller and buyer with their registration
    /// numbers, the lines and totals, dates in the reader's calendar.
    static func printable(_ quote: any SalesDocument, title: String, validUntil: String?, notes: String?, lines: [DocumentLine],
                          account: Account, organisationName: String, page: WebPage) -> HTML {
        let display = page.display, language = page.language
        func text(_ key: QuoteText) -> String { key.text(in: language) }
        return Layout.document(title: title, language: language, body: .div(
            .class("printable"),
            .header(.class("print-header"),
                    .h1(.text(title)),
                    .p(.text("\(text(.issuedOn)): \(display.day(Self.storedDay(quote.createdAt, display: display)))")),
                    .unwrap(validUntil) { .p(.text("\(text(.validUntil)): \(display.day($0))")) }),
            .div(.class("parties"),
                 .section(.h2(.text(text(.seller))), .p(.text(organisationName))),
                 .section(.h2(.text(text(.buyer))), .p(.text(account.name)),
                          .unwrap(account.nationalID) { .p(.text("\(text(.nationalID)): \(PersianText.digits($0, display.digits))")) },
                          .unwrap(account.economicCode) { .p(.text("\(text(.economicCode)): \(PersianText.digits($0, display.digits))")) })),
            linesTable(lines, quote: quote, display: display),
            .unwrap(notes) { .p(.class("notes"), .text($0)) }
        ))
    }

    /// The day an instant falls on in the reader's zone, as stored days are written.
    private static func storedDay(_ date: Date?, display: Display) -> String? {
        guard let date else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = display.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
