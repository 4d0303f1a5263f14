import FluentKit
import Foundation

/// The only writer of opportunities and their stage history. Reaching a won or lost stage closes
/// an opportunity; a closed one changes stage only through `reopen`.
public struct OpportunityService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public static let list = RecordList<Opportunity>(
        sortable: [
            SortableColumn("created_at", column: "id", kind: .uuid), SortableColumn("updated_at", kind: .timestamp),
            SortableColumn("name", kind: .text), SortableColumn("amount", column: "amount_minor", kind: .integer),
            SortableColumn("expected_close_date", kind: .text),
        ],
        defaultSort: ListSort("created_at", descending: true), isSearchable: true)

    public func list(_ request: ListRequest, in context: RequestContext) async throws -> ListPage<Opportunity> {
        try await Self.list.fetch(request, in: context, store: store)
    }

    public func find(_ id: UUID, in context: RequestContext) async throws -> Opportunity {
        try await SalesRecords.find(Opportunity.self, id, for: .read, in: context, on: store.database)
    }

    /// The products the opportunity expects to sell, in order.
    public func lines(of id: UUID, in context: RequestContext) async throws -> [DocumentLine] {
        try await DocumentLines.lines(of: id, in: context, on: store.database)
    }

    public func stageHistory(of id: UUID, in context: RequestContext) async throws -> [OpportunityStageChange] {
        _ = try await find(id, in: context)
        return try await OpportunityStageChange.query(on: store.database).scoped(to: context)
            .filter(\.$opportunityID == id).sort(\.$changedAt).sort(\.$id).all()
    }

    public func create(_ input: OpportunityInput, by context: RequestContext, readProblems: FieldValidator = FieldValidator()) async throws -> Opportunity {
        try context.require(.opportunities, .create)
        var validator = readProblems
        input.validate(creating: true, into: &validator)
        let tags = input.tags.map { RecordTags.clean($0, into: &validator) }
        try await validateReferences(input, into: &validator, in: context)
        let currency = try await currency(of: input, in: context, on: store.database)
        let opportunityID = UUIDv7.make()
        var lines: [DocumentLine]?
        if let inputs = input.lines {
            lines = try await DocumentLines.build(inputs, for: .opportunity, documentID: opportunityID, currency: currency, priceListID: nil,
                                                  into: &validator, in: context, store: store)
        }
        try validator.check()
        let now = store.now()
        return try await store.write { [lines, tags] database in
            let stage = try await initialStage(pipelineID: input.pipelineID, stageID: input.stageID, in: context, on: database)
            let opportunity = try Self.make(input, id: opportunityID, entering: stage, currency: currency, tags: tags, at: now, in: context)
            if let lines, input.amountMinor == nil { opportunity.amountMinor = DocumentLines.sum(lines) }
            try RecordOwnership.apply(input.provided, userID: input.ownerUserID, teamID: input.ownerTeamID, to: opportunity,
                                      creating: true, by: context)
            try await Self.insert(opportunity, lines: lines, by: context, at: now, on: database)
            return opportunity
        }
    }

    /// Checks a new opportunity inside the caller's transaction and builds it without writing, adding
    /// every problem to `validator`; `insert` writes it. Lead conversion uses the pair so that the
    /// opportunity is made with the account and contact it converts into (all or nothing) and its
    /// problems are reported with the conversion's own. The caller sets the owner.
    func prepare(_ input: OpportunityInput, at now: Date, into validator: inout FieldValidator, in context: RequestContext,
                 on database: any Database) async throws -> Opportunity? {
        input.validate(creating: true, into: &validator)
        let tags = input.tags.map { RecordTags.clean($0, into: &validator) }
        var stage: PipelineStage?
        do {
            stage = try await initialStage(pipelineID: input.pipelineID, stageID: input.stageID, in: context, on: database)
        } catch let failure as ValidationFailure {
            for error in failure.fieldErrors { validator.add(error) }
        }
        guard let stage, validator.errors.isEmpty else { return nil }
        let currency = try await currency(of: input, in: context, on: database)
        do {
            return try Self.make(input, id: UUIDv7.make(), entering: stage, currency: currency, tags: tags, at: now, in: context)
        } catch let failure as ValidationFailure {
            for error in failure.fieldErrors { validator.add(error) }
            return nil
        }
    }

    /// Writes a new opportunity with its lines, its first stage-history row, tags, audit entry and
    /// event, inside the caller's transaction.
    static func insert(_ opportunity: Opportunity, lines: [DocumentLine]?, by context: RequestContext, at now: Date,
                       on database: any Database) async throws {
        try await opportunity.create(on: database)
        if let lines { try await DocumentLines.replace(lines, of: opportunity.id!, in: context, on: database) }
        try await OpportunityStageChange(organisationID: context.organisationID, opportunityID: opportunity.id!, fromStageID: nil,
                                         toStageID: opportunity.stageID, amountMinor: opportunity.amountMinor, changedBy: context.userID,
                                         changedAt: now).create(on: database)
        try await afterWrite(opportunity, tags: opportunity.tags, action: .create, before: nil, by: context, at: now, on: database)
    }

    public func update(_ id: UUID, _ input: OpportunityInput, expectedVersion: Int?, by context: RequestContext,
                       readProblems: FieldValidator = FieldValidator()) async throws -> Opportunity {
        try context.require(.opportunities, .update)
        var validator = readProblems
        input.validate(creating: false, into: &validator)
        let tags = input.tags.map { RecordTags.clean($0, into: &validator) }
        try await validateReferences(input, into: &validator, in: context)
        var lines: [DocumentLine]?
        if let inputs = input.lines {
            let current = try await find(id, in: context)
            lines = try await DocumentLines.build(inputs, for: .opportunity, documentID: id, currency: input.currency ?? current.currency,
                                                  priceListID: nil, into: &validator, in: context, store: store)
        }
        try validator.check()
        let now = store.now()
        return try await store.write { [lines] database in
            let opportunity = try await SalesRecords.lockForUpdate(Opportunity.self, id, expectedVersion: expectedVersion, in: context, on: database)
            let before = opportunity.auditSnapshot
            if let lines {
                try await DocumentLines.replace(lines, of: id, in: context, on: database)
                if input.amountMinor == nil { opportunity.amountMinor = DocumentLines.sum(lines) }
            }
            let fromStage = opportunity.stageID
            let movesStage = input.provided.contains("stage_id") || input.provided.contains("pipeline_id")
            if movesStage {
                let pipeline = try await pipeline(input.pipelineID ?? opportunity.pipelineID, in: context, on: database)
                let stages = try await PipelineService.stages(of: [pipeline.id!], in: context, on: database)[pipeline.id!] ?? []
                let target = try Self.stage(input.stageID ?? (pipeline.id == opportunity.pipelineID ? opportunity.stageID : nil), among: stages,
                                            default: nil)
                if target.id != fromStage && opportunity.status != Opportunity.Status.open.rawValue {
                    throw SalesError.invalidTransition(field: "stage_id", from: opportunity.status, to: target.outcome)
                }
                opportunity.pipelineID = pipeline.id!
                Self.apply(input, tags: tags, to: opportunity)
                if target.id != fromStage { try Self.enter(target, opportunity, at: now) }
            } else {
                Self.apply(input, tags: tags, to: opportunity)
            }
            try Self.requireLostReason(opportunity)
            try RecordOwnership.apply(input.provided, userID: input.ownerUserID, teamID: input.ownerTeamID, to: opportunity,
                                      creating: false, by: context)
            try await opportunity.update(on: database)
            if opportunity.stageID != fromStage {
                try await OpportunityStageChange(organisationID: context.organisationID, opportunityID: id, fromStageID: fromStage,
                                                 toStageID: opportunity.stageID, amountMinor: opportunity.amountMinor,
                                                 changedBy: context.userID, changedAt: now).create(on: database)
            }
            try await Self.afterWrite(opportunity, tags: tags, action: .update, before: before, by: context, at: now, on: database)
            return opportunity
        }
    }

    /// Puts a won or lost opportunity back into an open stage (the last open stage by default).
    public func reopen(_ id: UUID, stageID: UUID?, expectedVersion: Int?, by context: RequestContext) async throws -> Opportunity {
        try context.require(.opportunities, .update)
        let now = store.now()
        return try await store.write { database in
            let opportunity = try await SalesRecords.lockForUpdate(Opportunity.self, id, expectedVersion: expectedVersion, in: context, on: database)
            guard opportunity.status != Opportunity.Status.open.rawValue else {
                throw SalesError.invalidTransition(field: "status", from: opportunity.status, to: Opportunity.Status.open.rawValue)
            }
            let before = opportunity.auditSnapshot
            let stages = try await PipelineService.stages(of: [opportunity.pipelineID], in: context, on: database)[opportunity.pipelineID] ?? []
            let open = stages.filter { $0.outcome == PipelineStage.Outcome.open.rawValue }
            let target = try Self.stage(stageID, among: open, default: open.last)
            let fromStage = opportunity.stageID
            try Self.enter(target, opportunity, at: now)
            opportunity.lostReason = nil
            try await opportunity.update(on: database)
            try await OpportunityStageChange(organisationID: context.organisationID, opportunityID: id, fromStageID: fromStage,
                                             toStageID: target.id!, amountMinor: opportunity.amountMinor, changedBy: context.userID,
                                             changedAt: now).create(on: database)
            try await Self.afterWrite(opportunity, tags: nil, action: .update, before: before, by: context, at: now, on: database)
            return opportunity
        }
    }

    public func delete(_ id: UUID, expectedVersion: Int?, by context: RequestContext) async throws {
        try await SalesRecords.softDelete(Opportunity.self, id, expectedVersion: expectedVersion, by: context, at: store.now(), store: store)
    }

    public func restore(_ id: UUID, by context: RequestContext) async throws -> Opportunity {
        try await SalesRecords.restore(Opportunity.self, id, by: context, at: store.now(), store: store)
    }

    /// Moves the opportunity into `stage`: its status follows the stage's outcome.
    private static func enter(_ stage: PipelineStage, _ opportunity: Opportunity, at now: Date) throws {
        opportunity.stageID = stage.id!
        let status = Opportunity.Status(rawValue: stage.outcome) ?? .open
        opportunity.status = status.rawValue
        opportunity.closedAt = status == .open ? nil : now
        try requireLostReason(opportunity)
    }

    private static func requireLostReason(_ opportunity: Opportunity) throws {
        if opportunity.status == Opportunity.Status.lost.rawValue, PartyInput.trimmed(opportunity.lostReason) == nil {
            throw ValidationFailure([FieldError(field: "lost_reason", code: .required)])
        }
    }

    private static func stage(_ id: UUID?, among stages: [PipelineStage], default fallback: PipelineStage?) throws -> PipelineStage {
        if let id {
            guard let stage = stages.first(where: { $0.id == id }) else {
                throw ValidationFailure([FieldError(field: "stage_id", code: .unknownValue)])
            }
            return stage
        }
        guard let fallback else { throw ValidationFailure([FieldError(field: "stage_id", code: .required)]) }
        return fallback
    }

    private func pipeline(_ id: UUID?, in context: RequestContext, on database: any Database) async throws -> Pipeline {
        guard let id else { return try await PipelineService(store: store).defaultPipeline(in: context, on: database) }
        guard let pipeline = try await Pipeline.query(on: database).scoped(to: context).filter(\.$id == id).first() else {
            throw ValidationFailure([FieldError(field: "pipeline_id", code: .referencedRecordMissing)])
        }
        return pipeline
    }

    /// The stage a new opportunity starts in: the given one, else the first open stage of its pipeline
    /// (the default pipeline unless one is given).
    private func initialStage(pipelineID: UUID?, stageID: UUID?, in context: RequestContext, on database: any Database) async throws -> PipelineStage {
        let pipeline = try await pipeline(pipelineID, in: context, on: database)
        let stages = try await PipelineService.stages(of: [pipeline.id!], in: context, on: database)[pipeline.id!] ?? []
        return try Self.stage(stageID, among: stages, default: stages.first { $0.outcome == PipelineStage.Outcome.open.rawValue })
    }

    static func make(_ input: OpportunityInput, id: UUID, entering stage: PipelineStage, currency: String, tags: [String]?,
                             at now: Date, in context: RequestContext) throws -> Opportunity {
        let opportunity = Opportunity(organisationID: context.organisationID, name: "", accountID: input.accountID!,
                                      pipelineID: stage.pipelineID, stageID: stage.id!, currency: currency)
        opportunity.id = id
        apply(input, tags: tags, to: opportunity)
        try enter(stage, opportunity, at: now)
        return opportunity
    }

    /// The currency the input names, else the organisation's.
    private func currency(of input: OpportunityInput, in context: RequestContext, on database: any Database) async throws -> String {
        if let currency = input.currency { return currency }
        return try await Organisation.find(context.organisationID, on: database)?.currency ?? Money.defaultCurrency
    }

    static func apply(_ input: OpportunityInput, tags: [String]?, to opportunity: Opportunity) {
        let provided = input.provided
        if provided.contains("name"), let name = input.name { opportunity.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
        if provided.contains("account_id"), let accountID = input.accountID { opportunity.accountID = accountID }
        if provided.contains("contact_id") { opportunity.contactID = input.contactID }
        if let amountMinor = input.amountMinor { opportunity.amountMinor = amountMinor }
        if let currency = input.currency { opportunity.currency = currency }
        if provided.contains("expected_close_date") { opportunity.expectedCloseDate = input.expectedCloseDate.flatMap(CalendarDay.parse) }
        if provided.contains("lost_reason") { opportunity.lostReason = PartyInput.trimmed(input.lostReason) }
        if let competitors = input.competitors { opportunity.competitors = competitors.map { $0.trimmingCharacters(in: .whitespaces) } }
        if provided.contains("description") { opportunity.details = PartyInput.trimmed(input.description) }
        if let tags { opportunity.tags = tags }
        opportunity.searchText = SearchText.document([opportunity.name] + opportunity.competitors)
    }

    private static func afterWrite(_ opportunity: Opportunity, tags: [String]?, action: AuditAction, before: [String: JSONValue]?,
                                   by context: RequestContext, at now: Date, on database: any Database) async throws {
        if let tags {
            try await RecordTags.replace(tags, of: Opportunity.auditType, opportunity.id!, organisationID: context.organisationID, on: database)
        }
        try await SalesRecords.recordChange(opportunity, action: action, before: before, by: context, at: now, on: database)
    }

    private func validateReferences(_ input: OpportunityInput, into validator: inout FieldValidator, in context: RequestContext) async throws {
        try await RecordOwnership.validate(userID: input.ownerUserID, teamID: input.ownerTeamID, into: &validator, in: context, on: store.database)
        if input.provided.contains("account_id"), let accountID = input.accountID,
           try await Account.query(on: store.database).scoped(to: context, for: .read).filter(\.$id == accountID).count() == 0 {
            validator.add("account_id", .referencedRecordMissing)
        }
        if input.provided.contains("contact_id"), let contactID = input.contactID,
           try await Contact.query(on: store.database).scoped(to: context, for: .read).filter(\.$id == contactID).count() == 0 {
            validator.add("contact_id", .referencedRecordMissing)
        }
    }
}
