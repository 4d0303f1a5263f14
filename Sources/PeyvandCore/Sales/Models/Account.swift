import FluentKit
import Foundation

/// An organisation the business deals with: a prospect, customer, partner or competitor.
public final class Account: OwnedRecord, Auditable, @unchecked Sendable {
    public static let schema = "accounts"
    public static let auditType = "account"
    public static let permissionModule = PermissionModule.accounts
    public static var organisationKey: KeyPath<Account, FieldProperty<Account, UUID>> { \.$organisationID }
    public static var ownerUserKey: KeyPath<Account, OptionalFieldProperty<Account, UUID>> { \.$ownerUserID }
    public static var ownerTeamKey: KeyPath<Account, OptionalFieldProperty<Account, UUID>> { \.$ownerTeamID }

    public enum Kind: String, Codable, CaseIterable, Sendable {
        case prospect, customer, partner, competitor
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
    @Field(key: "kind") public var kind: String
    @OptionalField(key: "industry") public var industry: String?
    @OptionalField(key: "website") public var website: String?
    @OptionalField(key: "national_id") public var nationalID: String?
    @OptionalField(key: "economic_code") public var economicCode: String?
    @OptionalField(key: "parent_id") public var parentID: UUID?
    @OptionalField(key: "description") public var details: String?
    @OptionalField(key: "became_customer_at") public var becameCustomerAt: Date?
    @Group(key: "address") public var address: PostalAddress
    @Field(key: "phones") public var phones: [PhoneNumber]
    @Field(key: "emails") public var emails: [EmailAddress]
    @Field(key: "tags") public var tags: [String]

    // derived fields (matching keys, written by the service)
    @Field(key: "name_key") public var nameKey: String
    @Field(key: "search_text") public var searchText: String

    public init() {}

    public init(organisationID: UUID, name: String) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.version = 1
        self.name = name
        self.kind = Kind.prospect.rawValue
        self.address = PostalAddress()
        self.phones = []
        self.emails = []
        self.tags = []
        self.nameKey = ""
        self.searchText = ""
    }

    public var auditID: UUID { id! }

    public var auditSnapshot: [String: JSONValue] {
        [
            "name": .string(name), "kind": .string(kind), "industry": .from(industry), "website": .from(website),
            "national_id": .from(nationalID), "economic_code": .from(economicCode), "parent_id": .from(parentID),
            "description": .from(details), "owner_user_id": .from(ownerUserID), "owner_team_id": .from(ownerTeamID),
            "address": address.snapshot, "phones": .from(phones.map(\.number)), "emails": .from(emails.map(\.address)),
            "tags": .from(tags),
        ]
    }
}

extension Account: DuplicateMatchable {
    public static var nameKeyField: KeyPath<Account, FieldProperty<Account, String>> { \.$nameKey }
    public var displayName: String { name }
}
