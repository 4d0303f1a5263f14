import FluentKit
import Foundation

/// What an account bought in service: a validity period, a service level (an SLA policy) and,
/// optionally, an entitlement — so many cases, or so many hours of work. Usage is counted from
/// the cases that name the contract, never kept as a counter that could drift.
public final class ServiceContract: OrganisationScoped, Auditable, @unchecked Sendable {
    public static let schema = "contracts"
    public static let auditType = "contract"
    public static var organisationKey: KeyPath<ServiceContract, FieldProperty<ServiceContract, UUID>> { \.$organisationID }

    public enum EntitlementUnit: String, Codable, CaseIterable, Sendable {
        /// No limit on the number of cases or hours.
        case none
        /// Each case opened under the contract uses one.
        case cases
        /// Each case uses the hours recorded on it (`time_spent_minutes`).
        case hours
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
    @Field(key: "account_id") public var accountID: UUID
    /// First and last day covered, stored `YYYY-MM-DD`, inclusive, in the organisation's zone.
    @Field(key: "starts_on") public var startsOn: String
    @Field(key: "ends_on") public var endsOn: String
    @OptionalField(key: "sla_policy_id") public var slaPolicyID: UUID?
    @Field(key: "entitlement_unit") public var entitlementUnit: String
    /// Cases or hours bought; nil with unit `none`.
    @OptionalField(key: "entitlement_total") public var entitlementTotal: Int?
    @OptionalField(key: "notes") public var notes: String?

    public init() {}

    public init(organisationID: UUID, accountID: UUID, name: String, startsOn: String, endsOn: String) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.version = 1
        self.name = name
        self.accountID = accountID
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.entitlementUnit = EntitlementUnit.none.rawValue
    }

    public var unit: EntitlementUnit { EntitlementUnit(rawValue: entitlementUnit) ?? .none }

    public var auditID: UUID { id! }
    public var auditSnapshot: [String: JSONValue] {
        [
            "name": .string(name), "account_id": .from(accountID), "starts_on": .string(startsOn), "ends_on": .string(endsOn),
            "sla_policy_id": .from(slaPolicyID), "entitlement_unit": .string(entitlementUnit),
            "entitlement_total": .from(entitlementTotal), "notes": .from(notes),
        ]
    }
}

/// Where a contract stands on a given day, after the usage counted so far.
public enum ContractStanding: String, Codable, Sendable {
    case notStarted = "not_started"
    case active
    case expired
    case exhausted

    /// Covering a case means active; the other three are flagged on the case.
    public static func of(_ contract: ServiceContract, on day: String, used: Double) -> ContractStanding {
        if day < contract.startsOn { return .notStarted }
        if day > contract.endsOn { return .expired }
        if contract.unit != .none, let total = contract.entitlementTotal, used >= Double(total) { return .exhausted }
        return .active
    }
}
