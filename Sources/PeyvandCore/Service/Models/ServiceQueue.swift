import FluentKit
import Foundation

/// A pool of agents that cases are routed to. Queues are ordered (`position`); a new case
/// without an owner goes to the first queue with a matching rule, then to one of its members
/// by the queue's assignment mode.
public final class ServiceQueue: OrganisationScoped, Auditable, @unchecked Sendable {
    public static let schema = "queues"
    public static let auditType = "queue"
    public static var organisationKey: KeyPath<ServiceQueue, FieldProperty<ServiceQueue, UUID>> { \.$organisationID }

    public enum AssignmentMode: String, Codable, CaseIterable, Sendable {
        case roundRobin = "round_robin"
        /// The member owning the fewest open cases; ties go to the earlier member.
        case leastLoaded = "least_loaded"
    }

    // managed fields
    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Timestamp(key: "deleted_at", on: .delete) public var deletedAt: Date?
    @Field(key: "version") public var version: Int

    // data fields
    @Field(key: "name") public var name: String
    @Field(key: "name_key") public var nameKey: String
    @Field(key: "position") public var position: Int
    @Field(key: "assignment_mode") public var assignmentMode: String
    /// Member users in rotation order.
    @Field(key: "member_ids") public var memberIDs: [UUID]
    /// Routing rules in order; the first that matches a case wins.
    @Field(key: "rules") public var rules: [QueueRule]
    /// How many cases round-robin has handed out: the next member is `members[counter % count]`.
    /// Moved by an `UPDATE … RETURNING` inside the case's own transaction.
    @Field(key: "round_robin_counter") public var roundRobinCounter: Int

    public init() {}

    public init(organisationID: UUID, name: String) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.version = 1
        self.name = name
        self.nameKey = PersianText.compacted(name)
        self.position = 0
        self.assignmentMode = AssignmentMode.roundRobin.rawValue
        self.memberIDs = []
        self.rules = []
        self.roundRobinCounter = 0
    }

    public var auditID: UUID { id! }
    public var auditSnapshot: [String: JSONValue] {
        [
            "name": .string(name), "position": .from(position), "assignment_mode": .string(assignmentMode),
            "member_ids": .array(memberIDs.map { .from($0) }),
            "rules": .array(rules.map { rule in
                .object(["type": .from(rule.type), "category": .from(rule.category), "product_id": .from(rule.productID),
                         "language": .from(rule.language), "channel": .from(rule.channel)])
            }),
        ]
    }
}

/// A routing rule: every condition given must match (categories compare without case or
/// Persian spelling differences); a rule with no conditions matches every case.
public struct QueueRule: Codable, Sendable, Equatable {
    public var type: String?
    public var category: String?
    public var productID: UUID?
    public var language: String?
    public var channel: String?

    enum CodingKeys: String, CodingKey {
        case type, category, language, channel
        case productID = "product_id"
    }

    public init(type: String? = nil, category: String? = nil, productID: UUID? = nil, language: String? = nil, channel: String? = nil) {
        self.type = type
        self.category = category
        self.productID = productID
        self.language = language
        self.channel = channel
    }

    public func matches(_ supportCase: SupportCase) -> Bool {
        if let type, type != supportCase.type { return false }
        if let channel, channel != supportCase.channel { return false }
        if let language, language.lowercased() != supportCase.language?.lowercased() { return false }
        if let productID, productID != supportCase.productID { return false }
        if let category {
            guard let caseCategory = supportCase.category,
                  PersianText.compacted(category) == PersianText.compacted(caseCategory) else { return false }
        }
        return true
    }
}
