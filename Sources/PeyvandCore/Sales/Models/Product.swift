import FluentKit
import Foundation

/// Something the organisation sells: a catalogue entry with a SKU, a bilingual name and a list
/// price. Products are organisation-wide data; the owner is the user who created the entry, so
/// role scopes (`own`, `team`) work on them as on every other business record.
public final class Product: SalesRecord, @unchecked Sendable {
    public static let schema = "products"
    public static let auditType = "product"
    public static let permissionModule = PermissionModule.products
    public static var organisationKey: KeyPath<Product, FieldProperty<Product, UUID>> { \.$organisationID }
    public static var ownerUserKey: KeyPath<Product, OptionalFieldProperty<Product, UUID>> { \.$ownerUserID }
    public static var ownerTeamKey: KeyPath<Product, OptionalFieldProperty<Product, UUID>> { \.$ownerTeamID }

    /// The unit a product is counted in when none is given.
    public static let defaultUnit = "unit"

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
    /// As typed (trimmed); compared through `skuKey`.
    @Field(key: "sku") public var sku: String
    @OptionalField(key: "name_fa") public var nameFa: String?
    @OptionalField(key: "name_en") public var nameEn: String?
    @OptionalField(key: "product_line") public var productLine: String?
    @Field(key: "unit") public var unit: String
    @Field(key: "list_price_minor") public var listPriceMinor: Int64
    @Field(key: "currency") public var currency: String
    /// Tax (VAT) in basis points: 1000 = 10 %.
    @Field(key: "tax_rate_bp") public var taxRateBP: Int
    @Field(key: "is_active") public var isActive: Bool
    @OptionalField(key: "description") public var details: String?

    // derived fields (written by the service)
    @Field(key: "sku_key") public var skuKey: String
    @Field(key: "search_text") public var searchText: String

    public init() {}

    public init(organisationID: UUID, sku: String, currency: String) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.version = 1
        self.sku = sku
        self.unit = Self.defaultUnit
        self.listPriceMinor = 0
        self.currency = currency
        self.taxRateBP = 0
        self.isActive = true
        self.skuKey = Self.skuKey(sku)
        self.searchText = ""
    }

    public var listPrice: Money { Money(amountMinor: listPriceMinor, currency: currency) }

    /// The name in the reader's language, falling back to the other one.
    public func displayName(in language: Language) -> String {
        (language == .fa ? nameFa ?? nameEn : nameEn ?? nameFa) ?? sku
    }

    /// How SKUs are compared: trimmed, Persian/Arabic digits as ASCII, case folded.
    public static func skuKey(_ sku: String) -> String {
        PersianText.toASCIIDigits(sku.trimmingCharacters(in: .whitespacesAndNewlines)).lowercased()
    }

    /// Keeps the matching key and search document in step with the fields.
    func refreshDerivedFields() {
        skuKey = Self.skuKey(sku)
        searchText = SearchText.document([sku, nameFa, nameEn])
    }

    public var auditID: UUID { id! }

    public var auditSnapshot: [String: JSONValue] {
        [
            "sku": .string(sku), "name_fa": .from(nameFa), "name_en": .from(nameEn), "product_line": .from(productLine),
            "unit": .string(unit), "list_price_minor": .int(listPriceMinor), "currency": .string(currency),
            "tax_rate_bp": .from(taxRateBP), "is_active": .bool(isActive), "description": .from(details),
            "owner_user_id": .from(ownerUserID),
        ]
    }
}
