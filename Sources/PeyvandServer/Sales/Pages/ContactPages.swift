import FluentKit
import PeyvandCore
import Vapor

/// The contact screens: list, record page with timeline, create and edit forms, delete. Each
/// handler reads the request, calls `ContactService` (the same calls as `ContactsAPI`) and
/// renders `ContactViews`.
enum ContactPages {
    static func service(_ page: WebPage) -> ContactService { ContactService(store: page.store) }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let query = ListQuery(request, filterNames: ContactsAPI.filters.map(\.name))
        let result = try await service(page).list(try SalesRequests.listRequest(request, ContactService.list, filters: ContactsAPI.filters),
                                                  in: page.context)
        let accounts = try await RecordNames.accounts(Set(result.items.compactMap(\.accountID)), in: page)
        return page.render(page.text(.contacts), section: .contacts, ContactViews.list(result, accountNames: accounts, query: query, page: page))
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        return try await recordPage(page, try idParameter(request), FormState())
    }

    static let recordPage: ActivityPages.RecordPage = { page, id, quickAdd in
        let contact = try await service(page).find(id, in: page.context)
        let account = try await contact.accountID.asyncMap { try await RecordNames.accounts([$0], in: page)[$0] } ?? nil
        let timeline = try await TimelineView.load(.contact, id, cursor: page.request.query[String.self, at: "timeline"], page: page)
        return page.render(contact.fullName, section: .contacts, status: quickAdd.formError == nil ? .ok : .unprocessableEntity,
                           ContactViews.record(contact, accountName: account, timeline: timeline, quickAdd: quickAdd, page: page))
    }

    @Sendable static func new(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        try page.context.require(.contacts, .create)
        var state = FormState()
        state.values["account_id"] = request.query[String.self, at: "account_id"]
        return try await formPage(page, state: state, contact: nil)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let form = try await FormData(request)
        let outcome = try await FormSubmission.run(form, shape: ContactViews.shape, language: page.language) { reader in
            try await service(page).create(ContactsAPI.read(&reader), allowDuplicate: form.value("allow_duplicate") == "1",
                                           by: page.context, readProblems: reader.validator)
        }
        switch outcome {
        case .saved(let contact): return page.redirect(to: SiteURL.record(.contacts, contact.id).path)
        case .refused(let state): return try await formPage(page, state: state, contact: nil, status: .unprocessableEntity)
        }
    }

    @Sendable static func edit(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let contact = try await service(page).find(try idParameter(request), in: page.context)
        return try await formPage(page, state: FormState(values: ContactViews.values(of: contact, display: page.display)), contact: contact)
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let id = try idParameter(request)
        let form = try await FormData(request)
        let outcome = try await FormSubmission.run(form, shape: ContactViews.shape, language: page.language) { reader in
            try await service(page).update(id, ContactsAPI.read(&reader), expectedVersion: form.value("version").flatMap(Int.init),
                                           allowDuplicate: form.value("allow_duplicate") == "1", by: page.context,
                                           readProblems: reader.validator)
        }
        switch outcome {
        case .saved: return page.redirect(to: SiteURL.record(.contacts, id).path)
        case .refused(let state):
            let current = try await service(page).find(id, in: page.context)
            return try await formPage(page, state: state, contact: current, status: state.currentVersion == nil ? .unprocessableEntity : .conflict)
        }
    }

    @Sendable static func delete(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let form = try await FormData(request)
        try await service(page).delete(try idParameter(request), expectedVersion: form.value("version").flatMap(Int.init), by: page.context)
        return page.redirect(to: SiteURL.records(.contacts).path)
    }

    private static func formPage(_ page: WebPage, state: FormState, contact: Contact?, status: HTTPStatus = .ok) async throws -> Response {
        let accountID = contact?.accountID ?? state.values["account_id"].flatMap(UUID.init(uuidString:))
        let account = try await accountID.asyncMap { try await RecordNames.accounts([$0], in: page)[$0] } ?? nil
        let title = contact.map { "\(page.text(.edit)): \($0.fullName)" } ?? page.text(.newContact)
        return page.render(title, section: .contacts, status: status,
                           ContactViews.form(state, contact: contact, accountName: account, title: title, page: page))
    }
}

extension Optional {
    func asyncMap<Result>(_ transform: (Wrapped) async throws -> Result) async rethrows -> Result? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
