import FluentKit
import Foundation
import PeyvandCore
import Vapor

/// The case screens: list (filters, saved views, columns, bulk assign), record page (status
/// actions, resolution, comments, related cases) and forms, through the same reader and service
/// as `CasesAPI`.
enum CasePages: RecordPages {
    typealias Record = SupportCase
    static let resource = WebResource.cases
    /// Cases have their own comment thread; activities do not regard them (yet).
    static let regarding: RegardingType? = nil
    static let shape = FormData.Shape(ignored: [CSRFField.name, "version", "next", "account_name"])
    static let bulkActions: [BulkAction] = [.assign, .delete]

    static func service(_ page: WebPage) -> CaseService { CaseService(store: page.store) }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let filters = CasesAPI.filters(at: page.store.now())
        let query = try await ListQuery.load(request, filterNames: filters.map(\.name) + ["owner_id"], resource: .cases, page: page)
        let result = try await service(page).list(try SalesRequests.listRequest(request, CaseService.list, filters: filters),
                                                  in: page.context)
        var names = try await baseNames(page)
        names.accounts = try await RecordNames.accounts(Set(result.items.compactMap(\.accountID)), in: page)
        return page.render(page.text(.cases), section: .cases, CaseViews.list(result, names: names, query: query, page: page))
    }

    static func recordPage(_ page: WebPage, _ id: UUID, _ commentForm: FormState) async throws -> Response {
        let supportCase = try await service(page).find(id, in: page.context)
        var names = try await baseNames(page)
        names.accounts = try await RecordNames.accounts(Set([supportCase.accountID].compactMap { $0 }), in: page)
        names.contacts = try await RecordNames.contacts(Set([supportCase.contactID].compactMap { $0 }), in: page)
        names.products = try await RecordNames.products(Set([supportCase.productID].compactMap { $0 }), in: page)
        let related = try await service(page).related(to: id, in: page.context)
        let similar = try await CaseSimilarity(store: page.store).similar(to: supportCase, in: page.context)
        let knowledge = try await CaseArticlePages.knowledge(of: supportCase, page: page)
        let history = try await CaseCustomerHistory.of(supportCase, in: page.context, store: page.store)
        let comments = try await service(page).comments(of: id, in: page.context)
        let serviceLevel = try await CaseServiceLevel.of(supportCase, in: page.context, store: page.store)
        let replies = CaseMailReplies(store: page.store)
        let mail = CaseMailViews.Mail(sent: try await replies.sent(for: supportCase), attachments: try await replies.attachments(of: supportCase),
                                      satisfaction: try await CaseSatisfaction(store: page.store).latestAnswer(of: supportCase))
        var state = commentForm
        if state.values["visibility"] == nil { state.values["visibility"] = CaseComment.Visibility.internal.rawValue }
        return page.render(supportCase.title, section: .cases, status: commentForm.formError == nil ? .ok : .unprocessableEntity,
                           CaseViews.record(supportCase, names: names, related: related, similar: similar, knowledge: knowledge, history: history, comments: comments, serviceLevel: serviceLevel,
                                            mail: mail, commentForm: state, page: page))
    }

    /// A new case, for the account or contact it was started from (`?account_id=`, `?contact_id=`).
    static func blankForm(_ request: Request) -> FormState {
        FormState(values: [
            "type": SupportCase.CaseType.question.rawValue, "channel": SupportCase.Channel.phone.rawValue,
            "priority": SupportCase.Priority.normal.rawValue, "language": "fa",
            "account_id": request.query[String.self, at: "account_id"], "contact_id": request.query[String.self, at: "contact_id"],
        ].compactMapValues { $0 })
    }

    static func formPage(_ page: WebPage, state: FormState, record supportCase: SupportCase?, status: HTTPStatus) async throws -> Response {
        var names = try await baseNames(page)
        names.products = try await RecordNames.products(nil, in: page)
        let accountID = state.values["account_id"].flatMap(UUID.init(uuidString:)) ?? supportCase?.accountID
        let accountName = try await RecordNames.account(accountID, in: page)
        // The contact box offers the account's contacts (or the chosen contact alone, without an account).
        var contacts: [(String, String)] = []
        if let accountID {
            contacts = try await Contact.query(on: page.store.database).scoped(to: page.context, for: .read).filter(\.$accountID == accountID)
                .sort(\.$lastName).limit(200).all().map { ($0.id!.uuidString, $0.fullName) }
        } else if let contactID = state.values["contact_id"].flatMap(UUID.init(uuidString:)) {
            contacts = try await RecordNames.contacts([contactID], in: page).map { ($0.key.uuidString, $0.value) }
        }
        var contracts: [(String, String)] = []
        if let accountID {
            contracts = try await ContractService(store: page.store).list(accountID: accountID, in: page.context).map { standing in
                (standing.contract.id!.uuidString,
                 standing.contract.name + " — " + ServiceLevelText.standing(standing.standing).text(in: page.language))
            }
        }
        let title = supportCase.map { "\(page.text(.edit)): \($0.number)" } ?? page.text(.newCase)
        return page.render(title, section: .cases, status: status,
                           CaseViews.form(state, supportCase: supportCase, names: names, accountName: accountName, contacts: contacts,
                                          contracts: contracts, title: title, page: page))
    }

    static func find(_ id: UUID, page: WebPage) async throws -> SupportCase {
        try await service(page).find(id, in: page.context)
    }

    static func saveNew(_ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> SupportCase {
        let (input, problems) = try await read(&reader, form: form, page: page)
        return try await service(page).create(input, by: page.context, readProblems: problems)
    }

    static func saveChanges(_ id: UUID, _ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> SupportCase {
        let (input, problems) = try await read(&reader, form: form, page: page)
        return try await service(page).update(id, input, expectedVersion: expectedVersion(form), by: page.context, readProblems: problems)
    }

    /// The API's reading of the form, with the account the account box names. Empty drop-downs
    /// are left out on create (so a case without owner and queue is routed) and clear on edit.
    private static func read(_ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> (CaseInput, FieldValidator) {
        var input = CasesAPI.read(&reader)
        var problems = reader.validator
        if let account = try await AccountPicker.chosen(in: form, page: page) {
            input.accountID = account.id
            input.provided.insert("account_id")
            if let problem = account.problem { problems.add("account_name", problem) }
        }
        return (input, problems)
    }

    static func assign(_ id: UUID, to owner: UUID, page: WebPage) async throws {
        _ = try await service(page).update(id, CaseInput(provided: ["owner_id"], ownerUserID: owner), expectedVersion: nil, by: page.context)
    }

    static func delete(_ id: UUID, version: Int?, page: WebPage) async throws {
        try await service(page).delete(id, expectedVersion: version, by: page.context)
    }

    static func values(of supportCase: SupportCase, display: Display) -> [String: String] {
        CaseViews.values(of: supportCase, display: display)
    }

    // MARK: actions on the record page

    /// `POST /cases/{id}/status` (start work, wait on customer), `/resolve`, `/close`, `/reopen`
    /// and `/comments`. A refusal the user can fix shows the record page with the form as typed.
    static func action(_ name: String) -> @Sendable (Request) async throws -> Response {
        { request in
            let page = try WebPage(request)
            let id = try idParameter(request)
            let form = try await FormData(request)
            let version = expectedVersion(form)
            do {
                switch name {
                case "status":
                    let target = form.value("status").flatMap(SupportCase.Status.init(rawValue:)) ?? .inProgress
                    _ = try await service(page).transition(id, to: target, resolution: nil, expectedVersion: version, by: page.context)
                case "resolve":
                    _ = try await service(page).resolve(id, resolution: form.value("resolution"), expectedVersion: version, by: page.context)
                case "close": _ = try await service(page).close(id, expectedVersion: version, by: page.context)
                case "reopen": _ = try await service(page).reopen(id, expectedVersion: version, by: page.context)
                case "reply":
                    do {
                        _ = try await CaseMailReplies(store: page.store).reply(to: id, body: form.value("reply_body"), by: page.context)
                    } catch let error as any DomainError where FormSubmission.userCanFix(error.kind) {
                        // The reply box has its own name, so the comment box below stays empty.
                        var state = FormState(refused: error, form: form, rowOrigins: [:], language: page.language)
                        state.errors["reply_body"] = state.errors.removeValue(forKey: "body")
                        return try await recordPage(page, id, state)
                    }
                    return page.redirect(to: SiteURL.record(.cases, id).path + "#emails")
                default:
                    _ = try await service(page).comment(on: id, body: form.value("body"), visibility: form.value("visibility"), by: page.context)
                    return page.redirect(to: SiteURL.record(.cases, id).path + "#comments")
                }
                return page.redirect(to: SiteURL.record(.cases, id).path)
            } catch let error as any DomainError where FormSubmission.userCanFix(error.kind) {
                return try await recordPage(page, id, FormState(refused: error, form: form, rowOrigins: [:], language: page.language))
            }
        }
    }

    static func registerActions(on routes: any RoutesBuilder) {
        for name in ["status", "resolve", "close", "reopen", "comments", "reply"] {
            routes.post(SiteURL.recordAction(.cases, nil, name).pathComponents, use: action(name))
        }
        routes.get(SiteURL.recordAction(.cases, nil, "attachments/:attachment_id").pathComponents, use: CaseMailViews.download)
    }

    // MARK: names

    private static func baseNames(_ page: WebPage) async throws -> CaseViews.Names {
        var names = CaseViews.Names(users: try await RecordNames.users(in: page))
        for queue in try await QueueService(store: page.store).list(in: page.context) { names.queues[queue.id!] = queue.name }
        return names
    }
}
