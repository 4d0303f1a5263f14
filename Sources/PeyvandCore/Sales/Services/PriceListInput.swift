import Foundation

/// A price list as a client sends it (create: required fields present; update: only the
/// `provided` fields change, `null` clears a day or the description and leaves the currency and
/// active flag as they are, or at their defaults on create). Days may be Gregorian (`2026-03-21`) or Jalali
/// (`1405/01/01`), in any digits; they are stored as Gregorian `YYYY-MM-DD`.
public struct PriceListInput: Sendable {
    public var provided: Set<String>
    public var name: String?
    public var currency: String?
    public var validFrom: String?
    public var validTo: String?
    public var isActive: Bool?
    public var description: String?

    public init(provided: Set<String>, name: String? = nil, currency: String? = nil, validFrom: String? = nil, validTo: String? = nil,
                isActive: Bool? = nil, description: String? = nil) {
        self.provided = provided
        self.name = name
        self.currency = currency
        self.validFrom = validFrom
        self.validTo = validTo
        self.isActive = isActive
        self.description = description
    }

    /// The input with its days and currency in stored form.
    struct Clean {
        var currency: String?
        var validFrom: String?
        var validTo: String?
    }

    /// The rules that need no database; `creating` makes required fields required.
    func validate(creating: Bool, into validator: inout FieldValidator) -> Clean {
        if creating || provided.contains("name") { validator.text(name, "name", required: true, max: 200) }
        var clean = Clean()
        if let currency {
            clean.currency = ProductInput.currencyCode(currency)
            if clean.currency == nil { validator.add("currency", .invalidFormat) }
        }
        if let validFrom {
            clean.validFrom = CalendarDay.parse(validFrom)
            if clean.validFrom == nil { validator.add("valid_from", .invalidFormat) }
        }
        if let validTo {
            clean.validTo = CalendarDay.parse(validTo)
            if clean.validTo == nil { validator.add("valid_to", .invalidFormat) }
        }
        if let from = clean.validFrom, let to = clean.validTo, to < from { validator.add("valid_to", .outOfRange) }
        validator.text(description, "description", required: false, max: 10_000)
        return clean
    }
}
