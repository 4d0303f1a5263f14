import FluentKit
import Foundation

/// A possible sale moving through a pipeline's stages towards won or lost.
public final class Opportunity: SalesRecord, @unchecked Sendable {
    public static let schema = "opportunities"
    public static let auditType = "opportunity"
    public static let permissionModule = PermissionModule.opportunities
    public static var organisationKey: KeyPath<Opportunity, FieldProperty<Opportunity, UUID>> { \.$organisationID }
    public static var ownerUserKey: KeyPath<Opportunity, OptionalFieldProperty<Opportunity, UUID>> { \.$ownerUserID }
    public static var ownerTeamKey: KeyPath<Opportunity, OptionalFieldProperty<Opportunity, UUID>> { \.$ownerTeamID }

    /// Follows the stage's outcome: only `open` opportunities move between stages.
    public enum Status: String, Codable, CaseIterable, Sendable {
        case open, won, lost
    }

    // managed fields
    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Timestamp(key: "deleted_at", on: .delete) public var deletedAt: Date?
    @Field(key: "version") public var version: Int
    @OptionalField(key: "owner_user_id") public var ownerUserID: UUID?
    @OptionalField(key: "owner_team_id") public var ownerTeamID: UUID?

    // data fields
    @Field(key: "name") public var name: String
    @Field(key: "account_id") public var accountID: UUID
    @OptionalField(key: "contact_id") public var contactID: UUID?
    @Field(key: "pipeline_id") public var pipelineID: UUID
    @Field(key: "stage_id") public var stageID: UUID
    @Field(key: "status") public var status: String
    @Field(key: "amount_minor") public var amountMinor: Int64
    @Field(key: "currency") public var currency: String
    /// Gregorian `YYYY-MM-DD`.
    @OptionalField(key: "expected_close_date") public var expectedCloseDate: String?
    @OptionalField(key: "closed_at") public var closedAt: Date?
    @OptionalField(key: "lost_reason") public var lostReason: String?
    @Field(key: "competitors") public var competitors: [String]
    @OptionalField(key: "description") public var details: String?
    @Field(key: "tags") public var tags: [String]

    // derived fields
    @Field(key: "search_text") public var searchText: String

    public init() {}

    public init(organisationID: UUID, name: String, accountID: UUID, pipelineID: UUID, stageID: UUID, currency: String) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.version = 1
        self.name = name
        self.accountID = accountID
        self.pipelineID = pipelineID
        self.stageID = stageID
        self.status = Status.open.rawValue
        self.amountMinor = 0
        self.currency = currency
        self.competitors = []
        self.tags = []
        self.searchText = ""
    }

    public var amount: Money { Money(amountMinor: amountMinor, currency: currency) }

    public var auditID: UUID { id! }

    public var auditSnapshot: [String: JSONValue] {
        [
            "name": .string(name), "account_id": .from(accountID), "contact_id": .from(contactID), "pipeline_id": .from(pipelineID),
            "stage_id": .from(stageID), "status": .string(status), "amount_minor": .int(amountMinor), "currency": .string(currency),
            "expected_close_date": .from(expectedCloseDate), "lost_reason": .from(lostReason), "competitors": .from(competitors),
            "description": .from(details), "tags": .from(tags), "owner_user_id": .from(ownerUserID), "owner_team_id": .from(ownerTeamID),
        ]
    }
}

/// One move of an opportunity between stages, kept for time-in-stage and time-to-purchase analytics.
public final class OpportunityStageChange: OrganisationScoped, @unchecked Sendable {
    public static let schema = "opportunity_stage_changes"
    public static var organisationKey: KeyPath<OpportunityStageChange, FieldProperty<OpportunityStageChange, UUID>> { \.$organisationID }

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "opportunity_id") public var opportunityID: UUID
    /// nil for the stage an opportunity was created in.
    @OptionalField(key: "from_stage_id") public var fromStageID: UUID?
    @Field(key: "to_stage_id") public var toStageID: UUID
    @Field(key: "amount_minor") public var amountMinor: Int64
    @OptionalField(key: "changed_by") public var changedBy: UUID?
    @Field(key: "changed_at") public var changedAt: Date

    public init() {}

    public init(organisationID: UUID, opportunityID: UUID, fromStageID: UUID?, toStageID: UUID, amountMinor: Int64,
                changedBy: UUID?, changedAt: Date) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.opportunityID = opportunityID
        self.fromStageID = fromStageID
        self.toStageID = toStageID
        self.amountMinor = amountMinor
        self.changedBy = changedBy
        self.changedAt = changedAt
    }
}
