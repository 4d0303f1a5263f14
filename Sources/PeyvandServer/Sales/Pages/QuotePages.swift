import FluentKit
import PeyvandCore
import Vapor

/// The quote screens: list, the editor (product lines priced and totalled by the server, also
/// before saving), the quote page with its status actions, and the printable A4 page.
enum QuotePages {
    static func service(_ page: WebPage) -> QuoteService { QuoteService(store: page.store) }

    static func webPage(_ request: Request) async throws -> WebPage {
        var page = try WebPage(request)
        try await page.loadMoneySettings()
        return page
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let query = try await ListQuery.load(request, filterNames: DocumentsAPI.quoteFilters.map(\.name), resource: .quotes, page: page)
        let result = try await service(page).list(try SalesRequests.listRequest(request, QuoteService.list, filters: DocumentsAPI.quoteFilters),
                                                  in: page.context)
        let accounts = try await RecordNames.accounts(Set(result.items.map(\.accountID)), in: page)
        return page.render(page.text(.quotes), section: .quotes, QuoteViews.list(result, accountNames: accounts, users: try await RecordNames.users(in: page),
                                                                                query: query, page: page))
    }

    /// Quotes change hands whatever their status; only drafts can be deleted (the service refuses the rest).
    static let bulkActions: [BulkAction] = [.assign, .delete]

    @Sendable static func bulk(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let submission = try await BulkSubmission(request, offered: bulkActions, resource: .quotes)
        return try await submission.run(on: page) { action, id in
            switch action {
            case .assign: _ = try await service(page).assign(id, toUser: submission.owner, team: nil, expectedVersion: nil, by: page.context)
            case .delete: try await service(page).delete(id, expectedVersion: nil, by: page.context)
            case .tag: throw PlatformError.forbidden(.quotes, .update)
            }
        }
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let (quote, lines) = try await service(page).find(try idParameter(request), in: page.context)
        let account = try await RecordNames.account(quote.accountID, in: page)
        return page.render(quote.number, section: .quotes, QuoteViews.record(quote, lines: lines, accountName: account, page: page))
    }

    @Sendable static func print(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let (quote, lines) = try await service(page).find(try idParameter(request), in: page.context)
        let account = try await AccountService(store: page.store).find(quote.accountID, in: page.context)
        let organisation = try await Organisation.find(page.context.organisationID, on: page.store.database)
        return Layout.response(QuoteViews.printable(quote, title: "\(QuoteText.quote.text(in: page.language)) \(quote.number)",
                                                    validUntil: quote.validUntil, notes: quote.notes, lines: lines, account: account,
                                                    organisationName: organisation?.name ?? "", page: page))
    }

    @Sendable static func new(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        try page.context.require(.quotes, .create)
        let state = FormState(values: ["account_id": request.query[String.self, at: "account_id"],
                                       "opportunity_id": request.query[String.self, at: "opportunity_id"]].compactMapValues { $0 })
        return try await editor(page, state: state, quote: nil, preview: nil)
    }

    /// `POST /quotes/new`: "recalculate" shows the server's prices and totals without saving;
    /// "save" makes the quote.
    @Sendable static func create(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let form = try await FormData(request)
        let (input, problems, origins) = try await QuoteForm.read(form, page: page)
        do {
            if form.value("intent") == "preview" {
                let preview = try await service(page).preview(input, in: page.context, readProblems: problems)
                return try await editor(page, state: FormState(values: form.typed), quote: nil, preview: preview)
            }
            let (quote, _) = try await service(page).create(input, by: page.context, readProblems: problems)
            return page.redirect(to: SiteURL.record(.quotes, quote.id).path)
        } catch let error as any DomainError where error.kind == .validation {
            return try await editor(page, state: refused(error, form: form, origins: origins, page: page), quote: nil, preview: nil,
                                    status: .unprocessableEntity)
        }
    }

    @Sendable static func edit(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let (quote, lines) = try await service(page).find(try idParameter(request), in: page.context)
        guard quote.permits(.update, by: page.context) else { throw PlatformError.forbidden(.quotes, .update) }
        let products = try await Product.query(on: page.store.database).filter(\.$organisationID == page.context.organisationID)
            .filter(\.$id ~~ lines.compactMap(\.productID)).all().reduce(into: [UUID: Product]()) { $0[$1.id!] = $1 }
        return try await editor(page, state: FormState(values: QuoteForm.values(of: quote, lines: lines, products: products, display: page.display)),
                                quote: quote, preview: (quote, lines))
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let id = try idParameter(request)
        let form = try await FormData(request)
        let (input, problems, origins) = try await QuoteForm.read(form, page: page)
        let (current, _) = try await service(page).find(id, in: page.context)
        do {
            if form.value("intent") == "preview" {
                var draft = input
                draft.accountID = draft.accountID ?? current.accountID
                let preview = try await service(page).preview(draft, in: page.context, readProblems: problems)
                return try await editor(page, state: FormState(values: form.typed), quote: current, preview: preview)
            }
            _ = try await service(page).update(id, input, expectedVersion: form.value("version").flatMap(Int.init), by: page.context,
                                               readProblems: problems)
            return page.redirect(to: SiteURL.record(.quotes, id).path)
        } catch let error as any DomainError where FormSubmission.userCanFix(error.kind) {
            return try await editor(page, state: refused(error, form: form, origins: origins, page: page), quote: current, preview: nil,
                                    status: error.kind == .validation ? .unprocessableEntity : .conflict)
        }
    }

    /// `POST /quotes/{id}/send|accept|reject`: accepting makes the order (and shows the quote again).
    static func transition(_ status: Quote.Status) -> @Sendable (Request) async throws -> Response {
        { request in
            let page = try await webPage(request)
            let id = try idParameter(request)
            let form = try await FormData(request)
            _ = try await service(page).transition(id, to: status, expectedVersion: form.value("version").flatMap(Int.init), by: page.context)
            return page.redirect(to: SiteURL.record(.quotes, id).path)
        }
    }

    /// The editor's state after a refusal: each line error beside the row and box it was typed in.
    private static func refused(_ error: any DomainError, form: FormData, origins: [Int], page: WebPage) -> FormState {
        var state = FormState(refused: error, form: form, rowOrigins: ["lines": origins], language: page.language)
        state.errors = Dictionary(state.errors.map { (QuoteForm.formName(of: $0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        if let accountError = state.errors.removeValue(forKey: "account_id") { state.errors["account_name"] = accountError }
        return state
    }

    private static func editor(_ page: WebPage, state: FormState, quote: Quote?, preview: (Quote, [DocumentLine])?,
                               status: HTTPStatus = .ok) async throws -> Response {
        let accountID = quote?.accountID ?? state.values["account_id"].flatMap(UUID.init(uuidString:))
        let account = try await RecordNames.account(accountID, in: page)
        let title = quote.map { "\(page.text(.edit)): \($0.number)" } ?? QuoteText.newQuote.text(in: page.language)
        return page.render(title, section: .quotes, status: status,
                           QuoteViews.editor(state, quote: quote, preview: preview, accountName: account, title: title, page: page))
    }

    static func register(on routes: any RoutesBuilder) {
        routes.get(SiteURL.records(.quotes).pathComponents, use: list)
        routes.get(SiteURL.export(.quotes).pathComponents) { try await ImportExportAPI.exportResponse(.quotes, $0) }
        routes.post(SiteURL.bulk(.quotes).pathComponents, use: bulk)
        routes.get(SiteURL.newRecord(.quotes).pathComponents, use: new)
        routes.post(SiteURL.newRecord(.quotes).pathComponents, use: create)
        routes.get(SiteURL.record(.quotes, nil).pathComponents, use: show)
        routes.get(SiteURL.editRecord(.quotes, nil).pathComponents, use: edit)
        routes.post(SiteURL.editRecord(.quotes, nil).pathComponents, use: update)
        routes.get(SiteURL.recordAction(.quotes, nil, "print").pathComponents, use: print)
        for status in [Quote.Status.sent, .accepted, .rejected] {
            routes.post(SiteURL.recordAction(.quotes, nil, QuoteForm.action(status)).pathComponents, use: transition(status))
        }
    }
}
