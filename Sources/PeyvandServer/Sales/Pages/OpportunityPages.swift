import FluentKit
import PeyvandCore
import Vapor

/// The opportunity screens: list, record page with stage history, forms, and the pipeline board
/// where a card moves between stages (drag and drop, or the card's own stage form without JS).
enum OpportunityPages: RecordPages {
    typealias Record = Opportunity
    static let resource = WebResource.opportunities
    static let regarding: RegardingType? = .opportunity
    static let shape = FormData.Shape(commaSeparated: ["tags", "competitors"])
    static let showsMoney = true

    static func service(_ page: WebPage) -> OpportunityService { OpportunityService(store: page.store) }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let query = try await ListQuery.load(request, filterNames: OpportunitiesAPI.filters.map(\.name), resource: .opportunities, page: page)
        let result = try await service(page).list(
            try SalesRequests.listRequest(request, OpportunityService.list, filters: OpportunitiesAPI.filters), in: page.context)
        let accounts = try await RecordNames.accounts(Set(result.items.map(\.accountID)), in: page)
        let stages = try await PipelineService(store: page.store).listEnsuringDefault(in: page.context)
        return page.render(page.text(.opportunities), section: .opportunities,
                           OpportunityViews.list(result, accountNames: accounts, pipelines: stages, users: try await RecordNames.users(in: page), query: query, page: page))
    }

    static func recordPage(_ page: WebPage, _ id: UUID, _ quickAdd: FormState) async throws -> Response {
        var page = page
        try await page.loadMoneySettings()
        let opportunity = try await service(page).find(id, in: page.context)
        let history = try await service(page).stageHistory(of: id, in: page.context)
        let pipelines = try await PipelineService(store: page.store).listEnsuringDefault(in: page.context)
        let account = try await RecordNames.account(opportunity.accountID, in: page)
        let contact = try await RecordNames.contact(opportunity.contactID, in: page)
        let timeline = try await TimelineView.load(.opportunity, id, cursor: page.request.query[String.self, at: "timeline"], page: page)
        return page.render(opportunity.name, section: .opportunities, status: quickAdd.formError == nil ? .ok : .unprocessableEntity,
                           OpportunityViews.record(opportunity, accountName: account, contactName: contact, pipelines: pipelines,
                                                   history: history, timeline: timeline, quickAdd: quickAdd, page: page))
    }

    static func blankForm(_ request: Request) -> FormState {
        FormState(values: ["account_id": request.query[String.self, at: "account_id"],
                           "stage_id": request.query[String.self, at: "stage_id"]].compactMapValues { $0 })
    }

    static func formPage(_ page: WebPage, state: FormState, record opportunity: Opportunity?, status: HTTPStatus) async throws -> Response {
        let pipelines = try await PipelineService(store: page.store).listEnsuringDefault(in: page.context)
        let accountID = opportunity?.accountID ?? state.values["account_id"].flatMap(UUID.init(uuidString:))
        let account = try await RecordNames.account(accountID, in: page)
        let title = opportunity.map { "\(page.text(.edit)): \($0.name)" } ?? page.text(.newOpportunity)
        return page.render(title, section: .opportunities, status: status,
                           OpportunityViews.form(state, opportunity: opportunity, accountName: account, pipelines: pipelines,
                                                 title: title, page: page))
    }

    static func find(_ id: UUID, page: WebPage) async throws -> Opportunity {
        try await service(page).find(id, in: page.context)
    }

    /// The amount is typed in the unit the organisation shows (Toman or Rial) and stored in minor units.
    static func prepare(_ object: inout [String: JSONValue], page: WebPage) {
        NumberInput.minorUnits(&object, field: "amount", as: "amount", scale: page.display.typingScale(for: "IRR"))
    }

    static func saveNew(_ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> Opportunity {
        var input = OpportunitiesAPI.read(&reader)
        var problems = reader.validator
        try await resolveAccount(&input, form: form, problems: &problems, page: page)
        try await resolvePipeline(&input, page: page)
        return try await service(page).create(input, by: page.context, readProblems: problems)
    }

    static func saveChanges(_ id: UUID, _ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> Opportunity {
        var input = OpportunitiesAPI.read(&reader)
        var problems = reader.validator
        try await resolveAccount(&input, form: form, problems: &problems, page: page)
        try await resolvePipeline(&input, page: page)
        return try await service(page).update(id, input, expectedVersion: expectedVersion(form), by: page.context, readProblems: problems)
    }

    static func assign(_ id: UUID, to owner: UUID, page: WebPage) async throws {
        _ = try await service(page).update(id, OpportunityInput(provided: ["owner_id"], ownerUserID: owner), expectedVersion: nil, by: page.context)
    }

    static func addTag(_ tag: String, to id: UUID, page: WebPage) async throws {
        let opportunity = try await service(page).find(id, in: page.context)
        _ = try await service(page).update(id, OpportunityInput(provided: ["tags"], tags: opportunity.tags + [tag]), expectedVersion: nil,
                                           by: page.context)
    }

    static func delete(_ id: UUID, version: Int?, page: WebPage) async throws {
        try await service(page).delete(id, expectedVersion: version, by: page.context)
    }

    static func values(of opportunity: Opportunity, display: Display) -> [String: String] {
        OpportunityViews.values(of: opportunity, display: display)
    }

    /// The account the form's account box names (see `AccountPicker`).
    private static func resolveAccount(_ input: inout OpportunityInput, form: FormData, problems: inout FieldValidator,
                                       page: WebPage) async throws {
        if let account = try await AccountPicker.chosen(in: form, page: page) {
            input.accountID = account.id
            input.provided.insert("account_id")
            if let problem = account.problem { problems.add("account_name", problem) }
        }
    }

    /// The form offers every pipeline's stages in one list; the stage decides the pipeline.
    private static func resolvePipeline(_ input: inout OpportunityInput, page: WebPage) async throws {
        guard let stageID = input.stageID, input.pipelineID == nil else { return }
        let stage = try await PipelineStage.query(on: page.store.database)
            .filter(\.$organisationID == page.context.organisationID).filter(\.$id == stageID).first()
        if let stage {
            input.pipelineID = stage.pipelineID
            input.provided.insert("pipeline_id")
        }
    }

    // MARK: - Board

    @Sendable static func board(_ request: Request) async throws -> Response {
        var page = try WebPage(request)
        try await page.loadMoneySettings()
        return try await boardPage(page, pipelineID: request.query[String.self, at: "pipeline"].flatMap(UUID.init(uuidString:)), message: nil)
    }

    private static func boardPage(_ page: WebPage, pipelineID chosen: UUID?, message: String?, status: HTTPStatus = .ok) async throws -> Response {
        let pipelines = try await PipelineService(store: page.store).listEnsuringDefault(in: page.context)
        guard let (pipeline, stages) = pipelines.first(where: { $0.0.id == chosen }) ?? pipelines.first(where: { $0.0.isActive }) ?? pipelines.first
        else { return page.render(page.text(.opportunities), section: .opportunities, .p(.text(page.text(.nothingFound)))) }
        let board = try await PipelineBoard.load(pipeline: pipeline, stages: stages, page: page)
        return page.render(pipeline.name, section: .opportunities, status: status,
                           OpportunityViews.board(board, pipelines: pipelines.map(\.0), message: message, page: page))
    }

    /// `POST /opportunities/{id}/stage`: the board's move (drag and drop submits the same form).
    /// A lost stage needs a reason, so that move continues on the edit form with the stage chosen.
    @Sendable static func moveStage(_ request: Request) async throws -> Response {
        var page = try WebPage(request)
        try await page.loadMoneySettings()
        let id = try idParameter(request)
        let form = try await FormData(request)
        let stageID = form.value("stage_id").flatMap(UUID.init(uuidString:))
        let back = SiteURL.board.with([("pipeline", form.value("pipeline"))])
        do {
            _ = try await service(page).update(id, OpportunityInput(provided: ["stage_id"], stageID: stageID),
                                               expectedVersion: expectedVersion(form), by: page.context)
            return page.redirect(to: back)
        } catch let error as any DomainError where error.kind == .validation && error.fieldErrors.contains(where: { $0.field == "lost_reason" }) {
            let opportunity = try await service(page).find(id, in: page.context)
            var state = FormState(values: values(of: opportunity, display: page.display))
            state.values["stage_id"] = stageID?.uuidString
            state.errors["lost_reason"] = Messages.field(.required, in: page.language)
            state.formError = Messages.title(.validationFailed, in: page.language)
            return try await formPage(page, state: state, record: opportunity, status: .unprocessableEntity)
        } catch let error as any DomainError where error.kind != .forbidden && error.kind != .notFound {
            return try await boardPage(page, pipelineID: form.value("pipeline").flatMap(UUID.init(uuidString:)),
                                       message: Messages.title(error.code, in: page.language), status: .conflict)
        }
    }

    /// `POST /opportunities/{id}/reopen`: a won or lost opportunity back into the pipeline's last open stage.
    @Sendable static func reopen(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let id = try idParameter(request)
        let form = try await FormData(request)
        _ = try await service(page).reopen(id, stageID: nil, expectedVersion: expectedVersion(form), by: page.context)
        return page.redirect(to: SiteURL.record(.opportunities, id).path)
    }

    static func registerBoard(on routes: any RoutesBuilder) {
        routes.get(SiteURL.board.pathComponents, use: board)
        routes.post(SiteURL.recordAction(.opportunities, nil, "stage").pathComponents, use: moveStage)
        routes.post(SiteURL.recordAction(.opportunities, nil, "reopen").pathComponents, use: reopen)
    }
}
