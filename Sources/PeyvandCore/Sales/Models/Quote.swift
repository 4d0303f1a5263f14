import FluentKit
import Foundation

/// A priced offer to an account: draft → sent → accepted / rejected / expired. Accepting makes an order.
public final class Quote: SalesDocument, @unchecked Sendable {
    public static let schema = "quotes"
    public static let auditType = "quote"
    public static let documentKind = DocumentKind.quote
    public static let permissionModule = PermissionModule.quotes
    public static var organisationKey: KeyPath<Quote, FieldProperty<Quote, UUID>> { \.$organisationID }
    public static var ownerUserKey: KeyPath<Quote, OptionalFieldProperty<Quote, UUID>> { \.$ownerUserID }
    public static var ownerTeamKey: KeyPath<Quote, OptionalFieldProperty<Quote, UUID>> { \.$ownerTeamID }

    public enum Status: String, Codable, CaseIterable, Sendable {
        case draft, sent, accepted, rejected, expired
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
    @Field(key: "number") public var number: String
    @Field(key: "account_id") public var accountID: UUID
    @OptionalField(key: "contact_id") public var contactID: UUID?
    @Field(key: "status") public var status: String
    @Field(key: "currency") public var currency: String
    @OptionalField(key: "notes") public var notes: String?
    @OptionalField(key: "opportunity_id") public var opportunityID: UUID?
    @OptionalField(key: "price_list_id") public var priceListID: UUID?
    /// Gregorian `YYYY-MM-DD`.
    @OptionalField(key: "valid_until") public var validUntil: String?
    @OptionalField(key: "sent_at") public var sentAt: Date?
    @OptionalField(key: "decided_at") public var decidedAt: Date?

    // totals, computed on the server from the lines
    @Field(key: "subtotal_minor") public var subtotalMinor: Int64
    @Field(key: "discount_minor") public var discountMinor: Int64
    @Field(key: "tax_minor") public var taxMinor: Int64
    @Field(key: "total_minor") public var totalMinor: Int64

    // derived fields
    @Field(key: "search_text") public var searchText: String

    public init() {}

    public init(organisationID: UUID, accountID: UUID, currency: String) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.version = 1
        self.number = ""
        self.accountID = accountID
        self.status = Status.draft.rawValue
        self.currency = currency
        self.subtotalMinor = 0
        self.discountMinor = 0
        self.taxMinor = 0
        self.totalMinor = 0
        self.searchText = ""
    }

    public var auditID: UUID { id! }

    public var auditSnapshot: [String: JSONValue] {
        [
            "number": .string(number), "account_id": .from(accountID), "contact_id": .from(contactID), "status": .string(status),
            "currency": .string(currency), "notes": .from(notes), "total_minor": .int(totalMinor),
            "owner_user_id": .from(ownerUserID), "owner_team_id": .from(ownerTeamID),
            "opportunity_id": .from(opportunityID), "price_list_id": .from(priceListID), "valid_until": .from(validUntil),
        ]
    }
}
