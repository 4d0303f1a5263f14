import FluentKit
import Foundation

/// A customer's question, complaint, request or incident, worked by an agent or waiting in a queue.
/// Named `SupportCase` because `case` is a Swift keyword; the API and tables say "case".
public final class SupportCase: SalesRecord, @unchecked Sendable {
    public static let schema = "cases"
    public static let auditType = "case"
    public static let permissionModule = PermissionModule.cases
    public static var organisationKey: KeyPath<SupportCase, FieldProperty<SupportCase, UUID>> { \.$organisationID }
    public static var ownerUserKey: KeyPath<SupportCase, OptionalFieldProperty<SupportCase, UUID>> { \.$ownerUserID }
    public static var ownerTeamKey: KeyPath<SupportCase, OptionalFieldProperty<SupportCase, UUID>> { \.$ownerTeamID }

    public enum CaseType: String, Codable, CaseIterable, Sendable {
        case question, complaint, request, incident
    }

    public enum Channel: String, Codable, CaseIterable, Sendable {
        case email, phone, web, portal, chat, social
    }

    public enum Priority: String, Codable, CaseIterable, Sendable {
        case low, normal, high, urgent
    }

    public enum Status: String, Codable, CaseIterable, Sendable {
        case new
        case inProgress = "in_progress"
        case waitingOnCustomer = "waiting_on_customer"
        case resolved, closed

        /// The statuses a case may move to from this one. Leaving `resolved`/`closed` for
        /// `in_progress` is a reopen.
        public var next: Set<Status> {
            switch self {
            case .new: [.inProgress, .waitingOnCustomer, .resolved, .closed]
            case .inProgress: [.waitingOnCustomer, .resolved]
            case .waitingOnCustomer: [.inProgress, .resolved]
            case .resolved: [.closed, .inProgress]
            case .closed: [.inProgress]
            }
        }

        /// Open cases count towards an agent's load.
        public var isOpen: Bool { self != .resolved && self != .closed }
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
    @OptionalField(key: "queue_id") public var queueID: UUID?

    // data fields
    @Field(key: "number") public var number: String
    @Field(key: "title") public var title: String
    @OptionalField(key: "description") public var details: String?
    @Field(key: "type") public var type: String
    @Field(key: "channel") public var channel: String
    @Field(key: "priority") public var priority: String
    @Field(key: "status") public var status: String
    @OptionalField(key: "account_id") public var accountID: UUID?
    @OptionalField(key: "contact_id") public var contactID: UUID?
    @OptionalField(key: "product_id") public var productID: UUID?
    @OptionalField(key: "product_model") public var productModel: String?
    @OptionalField(key: "serial_number") public var serialNumber: String?
    @OptionalField(key: "category") public var category: String?
    /// `category` without case, spacing or Persian spelling differences: what similar cases compare.
    @OptionalField(key: "category_key") public var categoryKey: String?
    @OptionalField(key: "language") public var language: String?
    @OptionalField(key: "resolution") public var resolution: String?
    @OptionalField(key: "contract_id") public var contractID: UUID?
    /// Working minutes recorded on the case; hour-based contracts count them.
    @OptionalField(key: "time_spent_minutes") public var timeSpentMinutes: Int?

    // service level: the facts the two SLA clocks are computed from (see `CaseSLA`)
    @OptionalField(key: "sla_policy_id") public var slaPolicyID: UUID?
    @OptionalField(key: "sla_started_at") public var slaStartedAt: Date?
    @OptionalField(key: "sla_first_response_minutes") public var slaFirstResponseMinutes: Int?
    @OptionalField(key: "sla_resolution_minutes") public var slaResolutionMinutes: Int?
    /// Kept in step with the facts so lists can sort by them and the sweep can find what falls due.
    @OptionalField(key: "sla_first_response_due_at") public var slaFirstResponseDueAt: Date?
    @OptionalField(key: "sla_resolution_due_at") public var slaResolutionDueAt: Date?
    @OptionalField(key: "sla_paused_since") public var slaPausedSince: Date?
    @Field(key: "sla_paused_seconds") public var slaPausedSeconds: Int
    /// Warnings and escalations already sent, e.g. `resolution.at_risk,resolution.breached`.
    @Field(key: "sla_alerts") public var slaAlerts: String
    /// How the contract stood when the case was opened under it (`ContractStanding`).
    @OptionalField(key: "contract_standing") public var contractStanding: String?

    // lifecycle timestamps
    @OptionalField(key: "first_response_at") public var firstResponseAt: Date?
    @OptionalField(key: "resolved_at") public var resolvedAt: Date?
    @OptionalField(key: "closed_at") public var closedAt: Date?

    // derived fields
    @Field(key: "search_text") public var searchText: String

    public init() {}

    public init(organisationID: UUID, number: String, title: String) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.version = 1
        self.number = number
        self.title = title
        self.type = CaseType.question.rawValue
        self.channel = Channel.web.rawValue
        self.priority = Priority.normal.rawValue
        self.status = Status.new.rawValue
        self.slaPausedSeconds = 0
        self.slaAlerts = ""
        self.searchText = ""
    }

    public var auditID: UUID { id! }

    public var auditSnapshot: [String: JSONValue] {
        [
            "number": .string(number), "title": .string(title), "description": .from(details), "type": .string(type),
            "channel": .string(channel), "priority": .string(priority), "status": .string(status),
            "account_id": .from(accountID), "contact_id": .from(contactID), "product_id": .from(productID),
            "product_model": .from(productModel), "serial_number": .from(serialNumber), "category": .from(category),
            "language": .from(language), "resolution": .from(resolution), "owner_user_id": .from(ownerUserID),
            "owner_team_id": .from(ownerTeamID), "queue_id": .from(queueID),
            "first_response_at": .from(firstResponseAt), "resolved_at": .from(resolvedAt), "closed_at": .from(closedAt),
            "contract_id": .from(contractID), "contract_standing": .from(contractStanding), "time_spent_minutes": .from(timeSpentMinutes),
            "sla_policy_id": .from(slaPolicyID), "sla_first_response_due_at": .from(slaFirstResponseDueAt),
            "sla_resolution_due_at": .from(slaResolutionDueAt),
        ]
    }
}

/// A note on a case: public (the customer may see it) or internal (agents only).
public final class CaseComment: OrganisationScoped, Auditable, @unchecked Sendable {
    public static let schema = "case_comments"
    public static let auditType = "case_comment"
    public static var organisationKey: KeyPath<CaseComment, FieldProperty<CaseComment, UUID>> { \.$organisationID }

    public enum Visibility: String, Codable, CaseIterable, Sendable {
        case `public`, `internal`
    }

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "case_id") public var caseID: UUID
    @OptionalField(key: "author_user_id") public var authorUserID: UUID?
    @Field(key: "visibility") public var visibility: String
    @Field(key: "body") public var body: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(organisationID: UUID, caseID: UUID, authorUserID: UUID?, visibility: Visibility, body: String, at now: Date) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.caseID = caseID
        self.authorUserID = authorUserID
        self.visibility = visibility.rawValue
        self.body = body
        self.createdAt = now
    }

    public var isPublic: Bool { visibility == Visibility.public.rawValue }
    public var auditID: UUID { id! }
    public var auditSnapshot: [String: JSONValue] {
        ["case_id": .from(caseID), "visibility": .string(visibility), "body": .string(body), "author_user_id": .from(authorUserID)]
    }
}

/// One direction of a symmetric "related cases" link; every link is stored both ways so either
/// case finds the other with one indexed read.
public final class CaseLink: OrganisationScoped, @unchecked Sendable {
    public static let schema = "case_links"
    public static var organisationKey: KeyPath<CaseLink, FieldProperty<CaseLink, UUID>> { \.$organisationID }

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "case_id") public var caseID: UUID
    @Field(key: "related_case_id") public var relatedCaseID: UUID
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(organisationID: UUID, caseID: UUID, relatedCaseID: UUID, at now: Date) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.caseID = caseID
        self.relatedCaseID = relatedCaseID
        self.createdAt = now
    }
}
