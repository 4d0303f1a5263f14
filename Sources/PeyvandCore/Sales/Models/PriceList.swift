import FluentKit
import Foundation

/// A named set of prices in one currency, valid between two days (either end open), e.g.
/// "Wholesale 1405". Its items override products' list prices while it is active and valid.
public final class PriceList: SalesRecord, @unchecked Sendable {
    public static let schema = "price_lists"
    public static let auditType = "price_list"
    /// Price lists are part of the catalogue: the same rights as products.
    public static let permissionModule = PermissionModule.products
    public static var organisationKey: KeyPath<PriceList, FieldProperty<PriceList, UUID>> { \.$organisationID }
    public static var ownerUserKey: KeyPath<PriceList, OptionalFieldProperty<PriceList, UUID>> { \.$ownerUserID }
    public static var ownerTeamKey: KeyPath<PriceList, OptionalFieldProperty<PriceList, UUID>> { \.$ownerTeamID }

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
    @Field(key: "currency") public var currency: String
    /// Gregorian `YYYY-MM-DD`, inclusive; nil = open-ended.
    @OptionalField(key: "valid_from") public var validFrom: String?
    @OptionalField(key: "valid_to") public var validTo: String?
    @Field(key: "is_active") public var isActive: Bool
    @OptionalField(key: "description") public var details: String?

    // derived fields (written by the service)
    @Field(key: "name_key") public var nameKey: String
    @Field(key: "search_text") public var searchText: String

    public init() {}

    public init(organisationID: UUID, name: String, currency: String) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.version = 1
        self.name = name
        self.currency = currency
        self.isActive = true
        self.nameKey = ""
        self.searchText = ""
    }

    /// Whether the list's prices apply on `day` (Gregorian `YYYY-MM-DD`, compared as text).
    public func applies(on day: String) -> Bool {
        isActive && deletedAt == nil && (validFrom.map { $0 <= day } ?? true) && (validTo.map { day <= $0 } ?? true)
    }

    func refreshDerivedFields() {
        nameKey = PersianText.normalized(name)
        searchText = SearchText.document([name])
    }

    public var auditID: UUID { id! }

    public var auditSnapshot: [String: JSONValue] {
        [
            "name": .string(name), "currency": .string(currency), "valid_from": .from(validFrom), "valid_to": .from(validTo),
            "is_active": .bool(isActive), "description": .from(details), "owner_user_id": .from(ownerUserID),
        ]
    }
}

/// One product's price in a price list, in the list's currency.
public final class PriceListItem: OrganisationScoped, Auditable, @unchecked Sendable {
    public static let schema = "price_list_items"
    public static let auditType = "price_list_item"
    public static var organisationKey: KeyPath<PriceListItem, FieldProperty<PriceListItem, UUID>> { \.$organisationID }

    // managed fields
    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Field(key: "version") public var version: Int

    // relationships
    @Field(key: "price_list_id") public var priceListID: UUID
    @Field(key: "product_id") public var productID: UUID

    // data fields
    @Field(key: "unit_price_minor") public var unitPriceMinor: Int64

    public init() {}

    public init(organisationID: UUID, priceListID: UUID, productID: UUID, unitPriceMinor: Int64) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.version = 1
        self.priceListID = priceListID
        self.productID = productID
        self.unitPriceMinor = unitPriceMinor
    }

    public var auditID: UUID { id! }

    public var auditSnapshot: [String: JSONValue] {
        ["price_list_id": .from(priceListID), "product_id": .from(productID), "unit_price_minor": .int(unitPriceMinor)]
    }
}
