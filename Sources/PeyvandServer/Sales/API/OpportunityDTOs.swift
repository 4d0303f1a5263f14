import Foundation
import PeyvandCore

/// `{ "amount_minor": 1250000, "currency": "IRR" }`, as API.md writes money.
struct MoneyDTO: Encodable {
    var amountMinor: Int64
    var currency: String
}

struct PipelineStageDTO: Encodable {
    var id: UUID
    var name: String
    var position: Int
    var probability: Int
    var outcome: String

    init(_ stage: PipelineStage) {
        (id, name, position, probability, outcome) = (stage.id!, stage.name, stage.position, stage.probability, stage.outcome)
    }
}

struct PipelineDTO: Encodable {
    var id: UUID
    var name: String
    var productLine: String?
    var isActive: Bool
    var stages: [PipelineStageDTO]
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?

    init(_ pipeline: Pipeline, stages: [PipelineStage]) {
        (id, name, productLine, isActive) = (pipeline.id!, pipeline.name, pipeline.productLine, pipeline.isActive)
        self.stages = stages.map(PipelineStageDTO.init)
        (version, createdAt, updatedAt) = (pipeline.version, pipeline.createdAt, pipeline.updatedAt)
    }
}

struct OpportunityDTO: Encodable {
    var id: UUID
    var name: String
    var accountId: UUID
    var contactId: UUID?
    var pipelineId: UUID
    var stageId: UUID
    var status: String
    var amount: MoneyDTO
    var expectedCloseDate: String?
    var closedAt: Date?
    var lostReason: String?
    var competitors: [String]
    var description: String?
    var tags: [String]
    /// On single-opportunity responses only.
    var lines: [DocumentLineDTO]?
    var ownerId: UUID?
    var ownerTeamId: UUID?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?

    init(_ opportunity: Opportunity, lines: [DocumentLine]? = nil) {
        self.lines = lines?.map(DocumentLineDTO.init)
        (id, name, accountId, contactId) = (opportunity.id!, opportunity.name, opportunity.accountID, opportunity.contactID)
        (pipelineId, stageId, status) = (opportunity.pipelineID, opportunity.stageID, opportunity.status)
        amount = MoneyDTO(amountMinor: opportunity.amountMinor, currency: opportunity.currency)
        (expectedCloseDate, closedAt, lostReason) = (opportunity.expectedCloseDate, opportunity.closedAt, opportunity.lostReason)
        (competitors, description, tags) = (opportunity.competitors, opportunity.details, opportunity.tags)
        (ownerId, ownerTeamId) = (opportunity.ownerUserID, opportunity.ownerTeamID)
        (version, createdAt, updatedAt) = (opportunity.version, opportunity.createdAt, opportunity.updatedAt)
    }
}

struct StageChangeDTO: Encodable {
    var id: UUID
    var fromStageId: UUID?
    var toStageId: UUID
    var amountMinor: Int64
    var changedBy: UUID?
    var changedAt: Date

    init(_ change: OpportunityStageChange) {
        (id, fromStageId, toStageId) = (change.id!, change.fromStageID, change.toStageID)
        (amountMinor, changedBy, changedAt) = (change.amountMinor, change.changedBy, change.changedAt)
    }
}
