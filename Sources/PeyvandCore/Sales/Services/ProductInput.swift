import Foundation

/// A product as a client sends it, for create (required fields must be present) and for update
/// (only the `provided` fields change; `null` clears an optional field, and leaves the list price,
/// tax rate and active flag as they are, or at their defaults on create).
public struct ProductInput: Sendable {
    /// The `list_price` member: an amount and, optionally, its currency.
    public struct ListPrice: Sendable {
        public var amountMinor: Int64?
        /// nil keeps the current currency (on create: the organisation's).
        public var currency: String?

        public init(amountMinor: Int64?, currency: String? = nil) {
            self.amountMinor = amountMinor
            self.currency = currency
        }
    }

    public var provided: Set<String>
    public var sku: String?
    public var nameFa: String?
    public var nameEn: String?
    public var productLine: String?
    public var unit: String?
    public var listPrice: ListPrice?
    public var taxRateBP: Int?
    public var isActive: Bool?
    public var description: String?

    public init(provided: Set<String>, sku: String? = nil, nameFa: String? = nil, nameEn: String? = nil, productLine: String? = nil,
                unit: String? = nil, listPrice: ListPrice? = nil, taxRateBP: Int? = nil, isActive: Bool? = nil,
                description: String? = nil) {
        self.provided = provided
        self.sku = sku
        self.nameFa = nameFa
        self.nameEn = nameEn
        self.productLine = productLine
        self.unit = unit
        self.listPrice = listPrice
        self.taxRateBP = taxRateBP
        self.isActive = isActive
        self.description = description
    }

    public static let maximumSKULength = 64
    public static let maximumProductLineLength = 100
    public static let maximumUnitLength = 30
    public static let maximumTaxRateBP = 10_000

    /// The rules that need no database; `creating` makes required fields required.
    func validate(creating: Bool, into validator: inout FieldValidator) {
        if creating || provided.contains("sku") { validator.text(sku, "sku", required: true, max: Self.maximumSKULength) }
        validator.text(nameFa, "name_fa", required: false, max: 200)
        validator.text(nameEn, "name_en", required: false, max: 200)
        if creating && PartyInput.trimmed(nameFa) == nil && PartyInput.trimmed(nameEn) == nil {
            // Either name will do; both are named so a form can mark both.
            validator.add("name_fa", .required)
            validator.add("name_en", .required)
        }
        validator.text(productLine, "product_line", required: false, max: Self.maximumProductLineLength)
        validator.text(unit, "unit", required: false, max: Self.maximumUnitLength)
        if let listPrice {
            if let amount = listPrice.amountMinor {
                if amount < 0 { validator.add("list_price.amount_minor", .outOfRange) }
            } else {
                validator.add("list_price.amount_minor", .required)
            }
            if let currency = listPrice.currency, Self.currencyCode(currency) == nil { validator.add("list_price.currency", .invalidFormat) }
        } else if creating {
            validator.add("list_price", .required)
        }
        if let taxRateBP, !(0...Self.maximumTaxRateBP).contains(taxRateBP) { validator.add("tax_rate_bp", .outOfRange) }
        validator.text(description, "description", required: false, max: 10_000)
    }

    /// `irr` / `IRR` → `IRR`; nil unless three ASCII letters (the shape of an ISO 4217 code).
    public static func currencyCode(_ text: String) -> String? {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard code.utf8.count == 3, code.utf8.allSatisfy({ (65...90).contains($0) }) else { return nil }
        return code
    }
}
