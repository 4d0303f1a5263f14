import FluentKit
import PeyvandCore
import Vapor

/// The account screens: the same service calls as `AccountsAPI`, rendered by `AccountViews`.
enum AccountPages: RecordPages {
    typealias Record = Account
    static let resource = WebResource.accounts
    static let regarding: RegardingType? = .account
    static let shape = PartyViews.shape
    /// Related records listed on an account page; the full lists are one link away.
    static let relatedLimit = 20

    static func service(_ page: WebPage) -> AccountService { AccountService(store: page.store) }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let query = try await ListQuery.load(request, filterNames: AccountsAPI.filters.map(\.name), resource: .accounts, page: page)
        let result = try await service(page).list(try SalesRequests.listRequest(request, AccountService.list, filters: AccountsAPI.filters),
                                                  in: page.context)
        return page.render(page.text(.accounts), section: .accounts, AccountViews.list(result, users: try await RecordNames.users(in: page), query: query, page: page))
    }

    static func recordPage(_ page: WebPage, _ id: UUID, _ quickAdd: FormState) async throws -> Response {
        var page = page
        try await page.loadMoneySettings()
        let account = try await service(page).find(id, in: page.context)
        let parent = try await RecordNames.account(account.parentID, in: page)
        var contacts: [Contact] = [], opportunities: [Opportunity] = []
        if page.context.permissions.scope(for: .contacts, .read) != nil {
            contacts = try await ContactService(store: page.store).list(
                ListRequest(limit: relatedLimit, sort: ListSort("last_name", descending: false), filters: [.equals(column: "account_id", value: id)]),
                in: page.context).items
        }
        if page.context.permissions.scope(for: .opportunities, .read) != nil {
            opportunities = try await OpportunityService(store: page.store).list(
                ListRequest(limit: relatedLimit, filters: [.equals(column: "account_id", value: id)]), in: page.context).items
        }
        let timeline = try await TimelineView.load(.account, id, cursor: page.request.query[String.self, at: "timeline"], page: page)
        let duplicates = try await service(page).duplicates(of: account, in: page.context)
        return page.render(account.name, section: .accounts, status: quickAdd.formError == nil ? .ok : .unprocessableEntity,
                           AccountViews.record(account, parentName: parent, contacts: contacts, opportunities: opportunities, duplicates: duplicates,
                                               timeline: timeline, quickAdd: quickAdd, page: page))
    }

    static func formPage(_ page: WebPage, state: FormState, record account: Account?, status: HTTPStatus) async throws -> Response {
        let title = account.map { "\(page.text(.edit)): \($0.name)" } ?? page.text(.newAccount)
        return page.render(title, section: .accounts, status: status, AccountViews.form(state, account: account, title: title, page: page))
    }

    static func find(_ id: UUID, page: WebPage) async throws -> Account {
        try await service(page).find(id, in: page.context)
    }

    static func saveNew(_ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> Account {
        try await service(page).create(AccountsAPI.read(&reader), allowDuplicate: allowsDuplicate(form), by: page.context,
                                       readProblems: reader.validator)
    }

    static func saveChanges(_ id: UUID, _ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> Account {
        try await service(page).update(id, AccountsAPI.read(&reader), expectedVersion: expectedVersion(form),
                                       allowDuplicate: allowsDuplicate(form), by: page.context, readProblems: reader.validator)
    }

    static func assign(_ id: UUID, to owner: UUID, page: WebPage) async throws {
        _ = try await service(page).update(id, AccountInput(provided: ["owner_id"], ownerUserID: owner), expectedVersion: nil,
                                           allowDuplicate: true, by: page.context)
    }

    static func addTag(_ tag: String, to id: UUID, page: WebPage) async throws {
        let record = try await service(page).find(id, in: page.context)
        _ = try await service(page).update(id, AccountInput(provided: ["tags"], party: PartyInput(tags: record.tags + [tag])), expectedVersion: nil,
                                           allowDuplicate: true, by: page.context)
    }

    static func delete(_ id: UUID, version: Int?, page: WebPage) async throws {
        try await service(page).delete(id, expectedVersion: version, by: page.context)
    }

    static func values(of account: Account, display: Display) -> [String: String] {
        AccountViews.values(of: account, display: display)
    }
}
