import FluentKit
import PeyvandCore
import Vapor

/// The lead screens: the same service calls as `LeadsAPI`, rendered by `LeadViews`, plus the
/// conversion screen that offers existing accounts and contacts before creating new ones.
enum LeadPages: RecordPages {
    typealias Record = Lead
    static let resource = WebResource.leads
    static let regarding: RegardingType? = .lead
    static let shape = FormData.Shape(rows: PartyViews.shape.rows, commaSeparated: PartyViews.shape.commaSeparated, integers: ["score"])

    static func service(_ page: WebPage) -> LeadService { LeadService(store: page.store) }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let query = try await ListQuery.load(request, filterNames: LeadsAPI.filters.map(\.name), resource: .leads, page: page)
        let result = try await service(page).list(try SalesRequests.listRequest(request, LeadService.list, filters: LeadsAPI.filters),
                                                  in: page.context)
        return page.render(page.text(.leads), section: .leads, LeadViews.list(result, users: try await RecordNames.users(in: page), query: query, page: page))
    }

    static func recordPage(_ page: WebPage, _ id: UUID, _ quickAdd: FormState) async throws -> Response {
        let lead = try await service(page).find(id, in: page.context)
        let timeline = try await TimelineView.load(.lead, id, cursor: page.request.query[String.self, at: "timeline"], page: page)
        return page.render(lead.displayName, section: .leads, status: quickAdd.formError == nil ? .ok : .unprocessableEntity,
                           LeadViews.record(lead, timeline: timeline, quickAdd: quickAdd, page: page))
    }

    static func formPage(_ page: WebPage, state: FormState, record lead: Lead?, status: HTTPStatus) async throws -> Response {
        let title = lead.map { "\(page.text(.edit)): \($0.displayName)" } ?? page.text(.newLead)
        return page.render(title, section: .leads, status: status, LeadViews.form(state, lead: lead, title: title, page: page))
    }

    static func find(_ id: UUID, page: WebPage) async throws -> Lead {
        try await service(page).find(id, in: page.context)
    }

    static func saveNew(_ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> Lead {
        try await service(page).create(LeadsAPI.read(&reader), allowDuplicate: allowsDuplicate(form), by: page.context,
                                       readProblems: reader.validator)
    }

    static func saveChanges(_ id: UUID, _ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> Lead {
        try await service(page).update(id, LeadsAPI.read(&reader), expectedVersion: expectedVersion(form),
                                       allowDuplicate: allowsDuplicate(form), by: page.context, readProblems: reader.validator)
    }

    static func assign(_ id: UUID, to owner: UUID, page: WebPage) async throws {
        _ = try await service(page).update(id, LeadInput(provided: ["owner_id"], ownerUserID: owner), expectedVersion: nil,
                                           allowDuplicate: true, by: page.context)
    }

    static func addTag(_ tag: String, to id: UUID, page: WebPage) async throws {
        let record = try await service(page).find(id, in: page.context)
        _ = try await service(page).update(id, LeadInput(provided: ["tags"], party: PartyInput(tags: record.tags + [tag])), expectedVersion: nil,
                                           allowDuplicate: true, by: page.context)
    }

    static func delete(_ id: UUID, version: Int?, page: WebPage) async throws {
        try await service(page).delete(id, expectedVersion: version, by: page.context)
    }

    static func values(of lead: Lead, display: Display) -> [String: String] {
        LeadViews.values(of: lead, display: display)
    }

    // MARK: - Conversion

    @Sendable static func showConversion(_ request: Request) async throws -> Response {
        var page = try WebPage(request)
        try await page.loadMoneySettings()
        return try await conversionPage(page, id: try idParameter(request), state: FormState())
    }

    /// `POST /leads/{id}/convert`: links the chosen records or creates new ones, and opens the
    /// opportunity when its box is ticked, in one transaction.
    @Sendable static func convert(_ request: Request) async throws -> Response {
        var page = try WebPage(request)
        try await page.loadMoneySettings()
        let id = try idParameter(request)
        let form = try await FormData(request)
        let account = form.value("account") ?? "new", contact = form.value("contact") ?? "new"
        var reader = FieldReader(form: opportunityBody(form, page: page))
        let opportunity = form.value("create_opportunity") == "1" ? reader.nested("opportunity", LeadsAPI.readOpportunity) : nil
        let conversion = LeadConversion(accountID: UUID(uuidString: account), contactID: UUID(uuidString: contact),
                                        createAccount: account == "new", allowDuplicate: allowsDuplicate(form), opportunity: opportunity)
        do {
            let result = try await service(page).convert(id, conversion, by: page.context, readProblems: reader.validator)
            return page.redirect(to: SiteURL.record(.contacts, result.contact.id).path)
        } catch let error as any DomainError where error.kind == .conflict || error.kind == .validation {
            return try await conversionPage(page, id: id, state: FormState(refused: error, form: form, rowOrigins: [:], language: page.language),
                                            status: error.kind == .conflict ? .conflict : .unprocessableEntity)
        }
    }

    /// The form's `opportunity.name` and `opportunity.amount` as the API's `opportunity` object; the
    /// amount is typed in the organisation's display unit, as on the opportunity form.
    private static func opportunityBody(_ form: FormData, page: WebPage) -> [String: JSONValue] {
        let object = form.json(FormData.Shape()).object
        guard case .object(var opportunity)? = object["opportunity"] else { return [:] }
        OpportunityPages.prepare(&opportunity, page: page)
        return ["opportunity": .object(opportunity)]
    }

    private static func conversionPage(_ page: WebPage, id: UUID, state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let lead = try await service(page).find(id, in: page.context)
        guard lead.permits(.update, by: page.context) else { throw PlatformError.forbidden(.leads, .update) }
        let candidates: (accounts: [DuplicateCandidate], contacts: [DuplicateCandidate]) = lead.status == Lead.Status.converted.rawValue
            ? ([], []) : try await service(page).conversionCandidates(id, in: page.context)
        return page.render(LeadText.convertTitle.text(in: page.language), section: .leads, status: status,
                           LeadViews.conversion(lead, accounts: candidates.accounts, contacts: candidates.contacts, state: state, page: page))
    }

    static func registerConversion(on routes: any RoutesBuilder) {
        routes.get(SiteURL.recordAction(.leads, nil, "convert").pathComponents, use: showConversion)
        routes.post(SiteURL.recordAction(.leads, nil, "convert").pathComponents, use: convert)
    }
}
