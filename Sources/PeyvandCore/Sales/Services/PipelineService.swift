import FluentKit
import Foundation

/// A stage as an administrator defines it; `id` keeps an existing stage (and the opportunities in it).
public struct StageInput: Sendable {
    public var id: UUID?
    public var name: String?
    public var probability: Int?
    public var outcome: String?

    public init(id: UUID? = nil, name: String?, probability: Int?, outcome: String?) {
        self.id = id
        self.name = name
        self.probability = probability
        self.outcome = outcome
    }
}

/// The only writer of pipelines and their stages. Everyone who may read opportunities reads
/// pipelines; only administrators change them.
public struct PipelineService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public static let maximumStages = 30

    static let standardName = "فروش"

    /// The stages of a new organisation's first pipeline.
    static let standardStages: [(name: String, probability: Int, outcome: PipelineStage.Outcome)] = [
        ("شناسایی", 10, .open), ("ارزیابی نیاز", 25, .open), ("ارائهٔ پیشنهاد", 50, .open),
        ("مذاکره", 75, .open), ("برنده", 100, .won), ("بازنده", 0, .lost),
    ]

    public func list(in context: RequestContext) async throws -> [(Pipeline, [PipelineStage])] {
        try context.require(.opportunities, .read)
        let pipelines = try await Pipeline.query(on: store.database).scoped(to: context).sort(\.$name).limit(200).all()
        let stages = try await Self.stages(of: pipelines.compactMap(\.id), in: context, on: store.database)
        return pipelines.map { ($0, stages[$0.id!] ?? []) }
    }

    /// The pipelines, with the standard one made first when the organisation has none yet (as
    /// creating the first opportunity would), so a new organisation's board has its stages.
    public func listEnsuringDefault(in context: RequestContext) async throws -> [(Pipeline, [PipelineStage])] {
        let pipelines = try await list(in: context)
        guard pipelines.isEmpty else { return pipelines }
        _ = try await store.write { database in try await defaultPipeline(in: context, on: database) }
        return try await list(in: context)
    }

    public func find(_ id: UUID, in context: RequestContext) async throws -> (Pipeline, [PipelineStage]) {
        try context.require(.opportunities, .read)
        guard let pipeline = try await Pipeline.query(on: store.database).scoped(to: context).filter(\.$id == id).first()
        else { throw PlatformError.notFound(recordType: Pipeline.auditType) }
        return (pipeline, try await Self.stages(of: [id], in: context, on: store.database)[id] ?? [])
    }

    public func create(name: String?, productLine: String?, stages: [StageInput]?, by context: RequestContext,
                       readProblems: FieldValidator = FieldValidator()) async throws -> (Pipeline, [PipelineStage]) {
        guard context.isAdministrator else { throw PlatformError.forbidden(.administration, .create) }
        var validator = readProblems
        validator.text(name, "name", required: true, max: 100)
        validator.text(productLine, "product_line", required: false, max: 100)
        if stages == nil { validator.add("stages", .required) }
        Self.validate(stages ?? [], existing: [], into: &validator)
        try validator.check()
        let pipeline = Pipeline(organisationID: context.organisationID, name: name!.trimmingCharacters(in: .whitespacesAndNewlines))
        pipeline.productLine = PartyInput.trimmed(productLine)
        let now = store.now()
        return try await store.write { database in
            try await Self.requireUniqueName(pipeline.name, excluding: nil, in: context, on: database)
            try await pipeline.create(on: database)
            let created = try await Self.replaceStages(of: pipeline, with: stages!, existing: [], in: context, on: database)
            try await AuditTrail.record(.create, of: pipeline, by: context, at: now, on: database)
            return (pipeline, created)
        }
    }

    public func update(_ id: UUID, name: String?, productLine: String??, isActive: Bool?, stages: [StageInput]?, expectedVersion: Int?,
                       by context: RequestContext, readProblems: FieldValidator = FieldValidator()) async throws -> (Pipeline, [PipelineStage]) {
        guard context.isAdministrator else { throw PlatformError.forbidden(.administration, .update) }
        var validator = readProblems
        validator.text(name, "name", required: false, max: 100)
        if case .some(let line) = productLine { validator.text(line, "product_line", required: false, max: 100) }
        let now = store.now()
        let (_, current) = try await find(id, in: context)
        if let stages { Self.validate(stages, existing: current, into: &validator) }
        try validator.check()
        return try await store.write { database in
            let version = try await VersionGuard.bump(Pipeline.schema, id: id, organisationID: context.organisationID,
                                                      expected: expectedVersion, recordType: Pipeline.auditType, on: database)
            guard let pipeline = try await Pipeline.query(on: database).scoped(to: context).filter(\.$id == id).first()
            else { throw PlatformError.notFound(recordType: Pipeline.auditType) }
            let before = pipeline.auditSnapshot
            if let name {
                pipeline.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
                try await Self.requireUniqueName(pipeline.name, excluding: id, in: context, on: database)
            }
            if case .some(let line) = productLine { pipeline.productLine = PartyInput.trimmed(line) }
            if let isActive { pipeline.isActive = isActive }
            pipeline.version = version
            try await pipeline.update(on: database)
            let existing = try await Self.stages(of: [id], in: context, on: database)[id] ?? []
            let result = stages == nil ? existing
                : try await Self.replaceStages(of: pipeline, with: stages!, existing: existing, in: context, on: database)
            try await AuditTrail.record(.update, of: pipeline, before: before, by: context, at: now, on: database)
            return (pipeline, result)
        }
    }

    /// Only a pipeline no opportunity uses can be deleted; otherwise deactivate it.
    public func delete(_ id: UUID, expectedVersion: Int?, by context: RequestContext) async throws {
        guard context.isAdministrator else { throw PlatformError.forbidden(.administration, .delete) }
        let now = store.now()
        try await store.write { database in
            guard let pipeline = try await Pipeline.query(on: database).scoped(to: context).filter(\.$id == id).first()
            else { throw PlatformError.notFound(recordType: Pipeline.auditType) }
            _ = try await VersionGuard.bump(Pipeline.schema, id: id, organisationID: context.organisationID, expected: expectedVersion,
                                            recordType: Pipeline.auditType, on: database)
            let stageIDs = try await PipelineStage.query(on: database).filter(\.$pipelineID == id).all().compactMap(\.id)
            let historical = stageIDs.isEmpty ? 0 : try await OpportunityStageChange.query(on: database)
                .group(.or) { $0.filter(\.$toStageID ~~ stageIDs).filter(\.$fromStageID ~~ stageIDs) }.count()
            if try await Opportunity.query(on: database).withDeleted().filter(\.$pipelineID == id).count() + historical > 0 {
                throw SalesError.recordInUse(recordType: Pipeline.auditType, dependents: Opportunity.schema)
            }
            try await PipelineStage.query(on: database).filter(\.$pipelineID == id).delete()
            try await pipeline.delete(on: database)
            try await AuditTrail.record(.delete, of: pipeline, by: context, at: now, on: database)
        }
    }

    /// The pipeline new opportunities go to when none is named: the first active one, or the
    /// standard pipeline, made on first use.
    func defaultPipeline(in context: RequestContext, on database: any Database) async throws -> Pipeline {
        if let pipeline = try await Pipeline.query(on: database).scoped(to: context).filter(\.$isActive == true).sort(\.$createdAt).first() {
            return pipeline
        }
        // Every pipeline is inactive: use the standard one again (reactivated) rather than clash on its name.
        if let standard = try await Pipeline.query(on: database).scoped(to: context).filter(\.$name == Self.standardName).first() {
            standard.isActive = true
            standard.version += 1
            try await standard.update(on: database)
            return standard
        }
        let pipeline = Pipeline(organisationID: context.organisationID, name: Self.standardName)
        try await pipeline.create(on: database)
        let stages = Self.standardStages.map { StageInput(name: $0.name, probability: $0.probability, outcome: $0.outcome.rawValue) }
        _ = try await Self.replaceStages(of: pipeline, with: stages, existing: [], in: context, on: database)
        try await AuditTrail.record(.create, of: pipeline, by: context, at: store.now(), on: database)
        return pipeline
    }

    static func stages(of pipelineIDs: [UUID], in context: RequestContext, on database: any Database) async throws -> [UUID: [PipelineStage]] {
        guard !pipelineIDs.isEmpty else { return [:] }
        let stages = try await PipelineStage.query(on: database).scoped(to: context).filter(\.$pipelineID ~~ pipelineIDs)
            .sort(\.$position).all()
        return Dictionary(grouping: stages, by: \.pipelineID)
    }

    /// Stages need names unique in the pipeline, a probability 0…100 (won 100, lost 0), and at
    /// least one open, one won and one lost stage; ids must name this pipeline's stages.
    static func validate(_ stages: [StageInput], existing: [PipelineStage], into validator: inout FieldValidator) {
        if stages.count > maximumStages { validator.add("stages", .tooLong) }
        var names = Set<String>(), outcomes = Set<PipelineStage.Outcome>()
        let existingIDs = Set(existing.compactMap(\.id))
        for (index, stage) in stages.enumerated() {
            let field = "stages.\(index)"
            if let id = stage.id, !existingIDs.contains(id) { validator.add("\(field).id", .referencedRecordMissing) }
            validator.text(stage.name, "\(field).name", required: true, max: 100)
            if let name = stage.name, !names.insert(PersianText.compacted(name)).inserted { validator.add("\(field).name", .notUnique) }
            guard let outcome = stage.outcome.flatMap(PipelineStage.Outcome.init(rawValue:)) else {
                validator.add("\(field).outcome", stage.outcome == nil ? .required : .unknownValue)
                continue
            }
            outcomes.insert(outcome)
            switch (outcome, stage.probability) {
            case (_, nil): if outcome == .open { validator.add("\(field).probability", .required) }
            case (.won, let probability?) where probability != 100: validator.add("\(field).probability", .outOfRange)
            case (.lost, let probability?) where probability != 0: validator.add("\(field).probability", .outOfRange)
            case (_, let probability?) where !(0...100).contains(probability): validator.add("\(field).probability", .outOfRange)
            default: break
            }
        }
        if outcomes != Set(PipelineStage.Outcome.allCases) { validator.add("stages", .invalidFormat) }
        let ids = stages.compactMap(\.id)
        if Set(ids).count != ids.count { validator.add("stages", .notUnique) }
    }

    /// Writes the stage list in order: kept stages are updated, new ones created, dropped ones
    /// deleted, unless an opportunity or its history still points at them (409).
    static func replaceStages(of pipeline: Pipeline, with inputs: [StageInput], existing: [PipelineStage],
                              in context: RequestContext, on database: any Database) async throws -> [PipelineStage] {
        var result: [PipelineStage] = []
        for (position, input) in inputs.enumerated() {
            let outcome = PipelineStage.Outcome(rawValue: input.outcome!)!
            let probability = input.probability ?? (outcome == .won ? 100 : 0)
            let name = input.name!.trimmingCharacters(in: .whitespacesAndNewlines)
            if let id = input.id, let stage = existing.first(where: { $0.id == id }) {
                (stage.name, stage.position, stage.probability, stage.outcome) = (name, position, probability, outcome.rawValue)
                try await stage.update(on: database)
                result.append(stage)
            } else {
                let stage = PipelineStage(organisationID: context.organisationID, pipelineID: pipeline.id!, name: name,
                                          position: position, probability: probability, outcome: outcome)
                try await stage.create(on: database)
                result.append(stage)
            }
        }
        let kept = Set(inputs.compactMap(\.id))
        for stage in existing where !kept.contains(stage.id!) {
            let current = try await Opportunity.query(on: database).withDeleted().filter(\.$stageID == stage.id!).count()
            let historical = try await OpportunityStageChange.query(on: database).group(.or) {
                $0.filter(\.$toStageID == stage.id!).filter(\.$fromStageID == stage.id!)
            }.count()
            if current + historical > 0 { throw SalesError.recordInUse(recordType: "pipeline_stage", dependents: Opportunity.schema) }
            try await stage.delete(on: database)
        }
        return result
    }

    private static func requireUniqueName(_ name: String, excluding id: UUID?, in context: RequestContext, on database: any Database) async throws {
        var query = Pipeline.query(on: database).scoped(to: context).filter(\.$name == name)
        if let id { query = query.filter(\.$id != id) }
        if try await query.count() > 0 { throw PlatformError.nameTaken(field: "name") }
    }
}
