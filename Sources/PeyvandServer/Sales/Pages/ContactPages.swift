import FluentKit
import PeyvandCore
import Vapor

/// The contact screens: the same service calls as `ContactsAPI`, rendered by `ContactViews`.
enum ContactPages: RecordPages {
    typealias Record = Contact
    static let resource = WebResource.contacts
    static let regarding: RegardingType? = .contact
    static let shape = ContactViews.shape

    static func service(_ page: WebPage) -> ContactService { ContactService(store: page.store) }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let query = try await ListQuery.load(request, filterNames: ContactsAPI.filters.map(\.name), resource: .contacts, page: page)
        let result = try await service(page).list(try SalesRequests.listRequest(request, ContactService.list, filters: ContactsAPI.filters),
                                                  in: page.context)
        let accounts = try await RecordNames.accounts(Set(result.items.compactMap(\.accountID)), in: page)
        return page.render(page.text(.contacts), section: .contacts, ContactViews.list(result, accountNames: accounts, users: try await RecordNames.users(in: page), query: query, page: page))
    }

    static func recordPage(_ page: WebPage, _ id: UUID, _ quickAdd: FormState) async throws -> Response {
        let contact = try await service(page).find(id, in: page.context)
        let account = try await RecordNames.account(contact.accountID, in: page)
        let timeline = try await TimelineView.load(.contact, id, cursor: page.request.query[String.self, at: "timeline"], page: page)
        let duplicates = try await service(page).duplicates(of: contact, in: page.context)
        return page.render(contact.fullName, section: .contacts, status: quickAdd.formError == nil ? .ok : .unprocessableEntity,
                           ContactViews.record(contact, accountName: account, duplicates: duplicates, timeline: timeline, quickAdd: quickAdd, page: page))
    }

    static func blankForm(_ request: Request) -> FormState {
        FormState(values: ["account_id": request.query[String.self, at: "account_id"]].compactMapValues { $0 })
    }

    static func formPage(_ page: WebPage, state: FormState, record contact: Contact?, status: HTTPStatus) async throws -> Response {
        let account = try await RecordNames.account(contact?.accountID ?? state.values["account_id"].flatMap(UUID.init(uuidString:)), in: page)
        let title = contact.map { "\(page.text(.edit)): \($0.fullName)" } ?? page.text(.newContact)
        return page.render(title, section: .contacts, status: status,
                           ContactViews.form(state, contact: contact, accountName: account, title: title, page: page))
    }

    static func find(_ id: UUID, page: WebPage) async throws -> Contact {
        try await service(page).find(id, in: page.context)
    }

    static func saveNew(_ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> Contact {
        let (input, problems) = try await read(&reader, form: form, page: page)
        return try await service(page).create(input, allowDuplicate: allowsDuplicate(form), by: page.context, readProblems: problems)
    }

    static func saveChanges(_ id: UUID, _ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> Contact {
        let (input, problems) = try await read(&reader, form: form, page: page)
        return try await service(page).update(id, input, expectedVersion: expectedVersion(form), allowDuplicate: allowsDuplicate(form),
                                              by: page.context, readProblems: problems)
    }

    /// The API's reading of the form, with the account the form's account box names.
    private static func read(_ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> (ContactInput, FieldValidator) {
        var input = ContactsAPI.read(&reader)
        var problems = reader.validator
        if let account = try await AccountPicker.chosen(in: form, page: page) {
            input.accountID = account.id
            input.provided.insert("account_id")
            if let problem = account.problem { problems.add("account_name", problem) }
        }
        return (input, problems)
    }

    static func assign(_ id: UUID, to owner: UUID, page: WebPage) async throws {
        _ = try await service(page).update(id, ContactInput(provided: ["owner_id"], ownerUserID: owner), expectedVersion: nil,
                                           allowDuplicate: true, by: page.context)
    }

    static func addTag(_ tag: String, to id: UUID, page: WebPage) async throws {
        let record = try await service(page).find(id, in: page.context)
        _ = try await service(page).update(id, ContactInput(provided: ["tags"], party: PartyInput(tags: record.tags + [tag])), expectedVersion: nil,
                                           allowDuplicate: true, by: page.context)
    }

    static func delete(_ id: UUID, version: Int?, page: WebPage) async throws {
        try await service(page).delete(id, expectedVersion: version, by: page.context)
    }

    static func values(of contact: Contact, display: Display) -> [String: String] {
        ContactViews.values(of: contact, display: display)
    }
}
