import FluentKit
import Foundation

/// Opportunities from a CSV: each row names its account (required, an existing account the
/// importer may read), optionally its pipeline and stage by name (else the default pipeline's first
/// open stage), amount, currency, expected close day (either calendar), description and tags. Two
/// opportunities are the same when they have the same name (Persian spelling aside) on the same
/// account. An update changes the row's fields but never the stage: moving a deal along its
/// pipeline stays a deliberate act on its page, with its stage history.
final class OpportunityImport: ImportTarget, @unchecked Sendable {
    private var accountsByName: [String: UUID] = [:]
    private var pipelines: [Pipeline] = []
    private var defaultPipelineID: UUID?
    private var stages: [UUID: [PipelineStage]] = [:]
    private var organisationCurrency = Money.defaultCurrency
    let store: Store

    init(store: Store) {
        self.store = store
    }

    func prepare(_ rows: [[String: String]], in context: RequestContext, on database: any Database) async throws {
        let names = Set(rows.compactMap { $0["account"] }.map(PersianText.compacted)).subtracting(accountsByName.keys)
        if !names.isEmpty, context.permissions.scope(for: .accounts, .read) != nil {
            let accounts = try await Account.query(on: database).scoped(to: context, for: .read).filter(\.$nameKey ~~ Array(names)).all()
            for account in accounts where accountsByName[account.nameKey] == nil { accountsByName[account.nameKey] = account.id }
        }
        guard pipelines.isEmpty else { return }
        // The standard pipeline is made on first use, in a write of its own.
        let store = store
        defaultPipelineID = try await store.write { database in
            try await PipelineService(store: store).defaultPipeline(in: context, on: database).id
        }
        pipelines = try await Pipeline.query(on: database).scoped(to: context).all()
        stages = try await PipelineService.stages(of: pipelines.compactMap(\.id), in: context, on: database)
        organisationCurrency = try await Organisation.find(context.organisationID, on: database)?.currency ?? Money.defaultCurrency
    }

    func build(_ values: [String: String], into validator: inout FieldValidator, by context: RequestContext) throws -> (Opportunity, Void)? {
        let input = self.input(values, into: &validator)
        let stage = self.stage(values, into: &validator)
        check(input, creating: true, into: &validator)
        guard validator.errors.isEmpty, let stage else { return nil }
        do {
            let opportunity = try OpportunityService.make(input, id: UUIDv7.make(), entering: stage, currency: input.currency ?? organisationCurrency,
                                                          tags: input.tags, at: store.now(), in: context)
            opportunity.ownerUserID = context.userID
            return (opportunity, ())
        } catch let failure as ValidationFailure {
            for error in failure.fieldErrors { validator.add(error) }
            return nil
        }
    }

    func update(_ opportunity: Opportunity, with values: [String: String], into validator: inout FieldValidator) throws -> Void? {
        var input = self.input(values, into: &validator)
        input.provided.subtract(["account_id"])
        if let tags = input.tags { input.tags = opportunity.tags + tags }
        check(input, creating: false, into: &validator)
        guard validator.errors.isEmpty else { return nil }
        OpportunityService.apply(input, tags: input.tags, to: opportunity)
        return ()
    }

    func matchKeys(of opportunity: Opportunity, _: Void) -> [String] {
        ["name:\(PersianText.compacted(opportunity.name))|\(opportunity.accountID.uuidString)"]
    }

    func existingMatches(for records: [(Opportunity, Void)], in context: RequestContext, on database: any Database) async throws -> [String: UUID] {
        let accounts = Set(records.map(\.0.accountID))
        guard !accounts.isEmpty else { return [:] }
        let existing = try await Opportunity.query(on: database).scoped(to: context, for: .read).filter(\.$accountID ~~ Array(accounts)).all()
        return Dictionary(existing.map { (matchKeys(of: $0, ()).first!, $0.id!) }, uniquingKeysWith: { first, _ in first })
    }

    func extras(of opportunity: Opportunity) {}

    func insert(_ records: [(Opportunity, Void)], by context: RequestContext, at now: Date, on database: any Database) async throws {
        for (opportunity, _) in records {
            try await OpportunityService.insert(opportunity, lines: nil, by: context, at: now, on: database)
        }
    }

    func afterUpdate(_ opportunity: Opportunity, _: Void, before: [String: JSONValue], by context: RequestContext, at now: Date,
                     on database: any Database) async throws {
        try await RecordTags.replace(opportunity.tags, of: Opportunity.auditType, opportunity.id!, organisationID: context.organisationID,
                                     on: database)
        try await SalesRecords.recordChange(opportunity, action: .update, before: before, by: context, at: now, on: database)
    }

    /// The row as the API's input; a named account that does not exist (or is not readable) is
    /// reported on the `account` column.
    private func input(_ values: [String: String], into validator: inout FieldValidator) -> OpportunityInput {
        var accountID: UUID?
        if let name = values["account"] {
            accountID = accountsByName[PersianText.compacted(name)]
            if accountID == nil { validator.add("account", .referencedRecordMissing) }
        }
        var amount: Int64?
        if let text = values["amount"] {
            amount = ImportRows.wholeNumber(text)
            if amount == nil { validator.add("amount", .invalidFormat) }
        }
        let provided = Set(values.keys.map { ["account": "account_id", "amount": "amount_minor"][$0] ?? $0 })
        return OpportunityInput(provided: provided, name: values["name"], accountID: accountID, amountMinor: amount,
                                currency: values["currency"]?.uppercased(), expectedCloseDate: values["expected_close_date"],
                                description: values["description"], tags: values["tags"].map(ImportRows.splitTags))
    }

    /// The input's own rules, with its `account_id` problems reported on the `account` column.
    private func check(_ input: OpportunityInput, creating: Bool, into validator: inout FieldValidator) {
        var own = FieldValidator()
        input.validate(creating: creating, into: &own)
        for error in own.errors {
            if error.field == "account_id" {
                if !validator.errors.contains(where: { $0.field == "account" }) { validator.add("account", error.code) }
            } else {
                validator.add(error)
            }
        }
        if let tags = input.tags { _ = RecordTags.clean(tags, into: &validator) }
    }

    /// The named stage of the named pipeline (names compared without Persian spelling differences),
    /// else that pipeline's first open stage; the default pipeline when none is named.
    private func stage(_ values: [String: String], into validator: inout FieldValidator) -> PipelineStage? {
        var pipelineID = defaultPipelineID
        if let name = values["pipeline"] {
            pipelineID = pipelines.first { PersianText.compacted($0.name) == PersianText.compacted(name) }?.id
            if pipelineID == nil { validator.add("pipeline", .referencedRecordMissing); return nil }
        }
        let candidates = pipelineID.flatMap { stages[$0] } ?? []
        if let name = values["stage"] {
            guard let stage = candidates.first(where: { PersianText.compacted($0.name) == PersianText.compacted(name) }) else {
                validator.add("stage", .referencedRecordMissing)
                return nil
            }
            return stage
        }
        return candidates.first { $0.outcome == PipelineStage.Outcome.open.rawValue }
    }
}
