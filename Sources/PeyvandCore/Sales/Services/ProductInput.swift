import Foundation

/// A product as a client sends it, for create (required fields must be present) and for update
/// (only the `provided` fields change; `null` clears a field). The list price arrives as one
/// `list_price` member: `provided` names it, `listPriceMinor`/`currency` are its parts.
public struct ProductInput: Sendable {
    public var provided: Set<String>
    public var sku: String?
    public var nameFa: String?
    public var nameEn: String?
    public var productLine: String?
    public var unit: String?
    public var listPriceMinor: Int64?
    /// The list price's currency; nil keeps the current one (on create: the organisation's).
    public var currency: String?
    public var taxRateBP: Int?
    public var isActive: Bool?
    public var description: String?

    public init(provided: Set<String>, sku: String? = nil, nameFa: String? = nil, nameEn: String? = nil, productLine: String? = nil,
                unit: String? = nil, listPriceMinor: Int64? = nil, currency: String? = nil, taxRateBP: Int? = nil, isActive: Bool? = nil,
                description: String? = nil) {
        self.provided = provided
        self.sku = sku
        self.nameFa = nameFa
        self.nameEn = nameEn
        self.productLine = productLine
        self.unit = unit
        self.listPriceMinor = listPriceMinor
        self.currency = currency
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
        if creating || provided.contains("list_price") {
            if let listPriceMinor {
                if listPriceMinor < 0 { validator.add("list_price.amount_minor", .outOfRange) }
            } else {
                validator.add("list_price.amount_minor", .required)
            }
        }
        if let currency, Self.currencyCode(currency) == nil { validator.add("list_price.currency", .invalidFormat) }
        if provided.contains("tax_rate_bp") {
            if let taxRateBP {
                if !(0...Self.maximumTaxRateBP).contains(taxRateBP) { validator.add("tax_rate_bp", .outOfRange) }
            } else {
                validator.add("tax_rate_bp", .required)
            }
        }
        if provided.contains("is_active") && isActive == nil { validator.add("is_active", .required) }
        validator.text(description, "description", required: false, max: 10_000)
    }

    /// `irr` / `IRR` → `IRR`; nil unless three ASCII letters (the shape of an ISO 4217 code).
    public static func currencyCode(_ text: String) -> String? {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard code.utf8.count == 3, code.utf8.allSatisfy({ (65...90).contains($0) }) else { return nil }
        return code
    }
}
