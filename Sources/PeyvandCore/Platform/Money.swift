import Foundation

/// Why a money operation could not produce a result.
public enum MoneyError: Error, Sendable, Hashable {
    /// The exact result does not fit in `Int64` minor units.
    case overflow
    /// The operands are in different currencies (`lhs`, `rhs`); no conversion is implied.
    case currencyMismatch(String, String)
    /// A ratio with a zero denominator (e.g. a share of a zero total).
    case divisionByZero
}

/// An exact amount of money: an integer count of minor units plus an ISO 4217 currency code.
///
/// Money never touches floating point: prices, taxes and discounts in Rials are large
/// (tens of billions are routine) and `Double` would silently round them. Every arithmetic
/// operation checks for `Int64` overflow and throws ``MoneyError/overflow`` instead of trapping
/// or wrapping, because amounts come from user input and imports.
///
/// For IRR the minor unit *is* the Rial (IRR has no minor digits in practice), so
/// `Money(amountMinor: 12_500_000)` is 12,500,000 Rials = 1,250,000 Tomans. The Toman is only a
/// display unit; amounts are always stored in Rials.
public struct Money: Sendable, Hashable, Codable {
    /// Amount in the currency's minor unit (Rials for IRR, cents for USD).
    public var amountMinor: Int64
    /// Upper-case ISO 4217 code, e.g. `"IRR"`.
    public var currency: String

    public static let defaultCurrency = "IRR"

    /// `currency` is upper-cased so `"irr"` and `"IRR"` are the same money.
    public init(amountMinor: Int64, currency: String = Money.defaultCurrency) {
        self.amountMinor = amountMinor
        self.currency = currency.uppercased()
    }

    /// An IRR amount given in Rials.
    public static func rials(_ rials: Int64) -> Money {
        Money(amountMinor: rials, currency: "IRR")
    }

    /// An IRR amount given in Tomans (stored as Tomans × 10 Rials).
    public static func tomans(_ tomans: Int64) throws(MoneyError) -> Money {
        Money(amountMinor: try checked(tomans.multipliedReportingOverflow(by: 10)), currency: "IRR")
    }

    /// Zero in `currency`.
    public static func zero(_ currency: String = Money.defaultCurrency) -> Money {
        Money(amountMinor: 0, currency: currency)
    }

    public var isZero: Bool { amountMinor == 0 }
    public var isNegative: Bool { amountMinor < 0 }

    // MARK: - Arithmetic

    public func adding(_ other: Money) throws(MoneyError) -> Money {
        try sameCurrency(other)
        return with(try Self.checked(amountMinor.addingReportingOverflow(other.amountMinor)))
    }

    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        try sameCurrency(other)
        return with(try Self.checked(amountMinor.subtractingReportingOverflow(other.amountMinor)))
    }

    /// Price × quantity, e.g. a line total.
    public func multiplied(by quantity: Int64) throws(MoneyError) -> Money {
        with(try Self.checked(amountMinor.multipliedReportingOverflow(by: quantity)))
    }

    /// The additive inverse; throws only for `Int64.min`, which has none.
    public func negated() throws(MoneyError) -> Money {
        with(try Self.checked(Int64(0).subtractingReportingOverflow(amountMinor)))
    }

    /// Sum of `amounts`, all of which must be in `currency`. Empty input sums to zero.
    public static func sum(_ amounts: some Sequence<Money>,
                           currency: String = Money.defaultCurrency) throws(MoneyError) -> Money {
        var total = Money.zero(currency)
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    public static func + (lhs: Money, rhs: Money) throws(MoneyError) -> Money { try lhs.adding(rhs) }
    public static func - (lhs: Money, rhs: Money) throws(MoneyError) -> Money { try lhs.subtracting(rhs) }
    public static func * (lhs: Money, rhs: Int64) throws(MoneyError) -> Money { try lhs.multiplied(by: rhs) }

    // MARK: - Percentages and ratios
    //
    // Rounding rule everywhere below: **half-up, away from zero** (0.5 → 1, −0.5 → −1).
    // It is what Iranian invoices, tax forms and people doing the sum by hand expect, and it is
    // symmetric for refunds: the negation of a rounded amount is the rounded negation.
    // (Banker's rounding would be unbiased over many lines, but surprises users on one line.)

    /// `basisPoints / 10 000` of this amount, rounded half-up away from zero.
    /// 900 bp = 9 % (e.g. VAT), 1 bp = 0.01 %. Negative basis points give a negative result.
    public func percentage(basisPoints: Int64) throws(MoneyError) -> Money {
        try scaled(by: basisPoints, dividedBy: 10_000)
    }

    /// This amount plus `basisPoints` of it, e.g. a net price plus 10 % VAT (1 000 bp).
    public func increased(byBasisPoints basisPoints: Int64) throws(MoneyError) -> Money {
        try adding(percentage(basisPoints: basisPoints))
    }

    /// This amount minus `basisPoints` of it, e.g. a price after a 15 % discount (1 500 bp).
    public func decreased(byBasisPoints basisPoints: Int64) throws(MoneyError) -> Money {
        try subtracting(percentage(basisPoints: basisPoints))
    }

    /// This amount as a share of `whole`, in basis points, rounded half-up away from zero:
    /// 250 of 1 000 → 2 500 bp. Throws on a zero `whole` or a currency mismatch.
    public func basisPoints(of whole: Money) throws(MoneyError) -> Int64 {
        try sameCurrency(whole)
        return try Self.multiplyDivideRounded(amountMinor, 10_000, whole.amountMinor)
    }

    /// `self × numerator / denominator`, computed exactly in 128-bit intermediate precision
    /// and rounded half-up away from zero; for prorating, splitting and custom ratios.
    public func scaled(by numerator: Int64, dividedBy denominator: Int64) throws(MoneyError) -> Money {
        with(try Self.multiplyDivideRounded(amountMinor, numerator, denominator))
    }

    /// `round(a × b / c)` without intermediate overflow. Works on magnitudes so the rounding
    /// is symmetric around zero, then restores the sign.
    static func multiplyDivideRounded(_ a: Int64, _ b: Int64, _ c: Int64) throws(MoneyError) -> Int64 {
        guard c != 0 else { throw .divisionByZero }
        let negative = ((a < 0) != (b < 0)) != (c < 0)
        let divisor = c.magnitude
        let product = a.magnitude.multipliedFullWidth(by: b.magnitude)
        // The 128-by-64 division traps unless the quotient fits in 64 bits, i.e. high < divisor.
        guard product.high < divisor else { throw .overflow }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        var magnitude = quotient
        if remainder >= divisor - remainder {  // remainder ≥ divisor / 2, without overflow
            guard magnitude < UInt64.max else { throw .overflow }
            magnitude += 1
        }
        if negative {
            guard magnitude <= Int64.min.magnitude else { throw .overflow }
            return magnitude == Int64.min.magnitude ? .min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw .overflow }
        return Int64(magnitude)
    }

    // MARK: - Formatting

    /// Display unit for IRR amounts.
    public enum Unit: Sendable, Hashable, CaseIterable {
        /// Rials as stored: `۱۲٬۵۰۰٬۰۰۰ ریال` / `12,500,000 IRR`.
        case rial
        /// Tomans (Rial ÷ 10), the unit people speak in: `۱٬۲۵۰٬۰۰۰ تومان` / `1,250,000 Toman`.
        /// An amount not divisible by 10 shows one decimal: `۱٬۲۳۴٫۵ تومان`.
        case toman
    }

    /// Formats an IRR amount in Rials or Tomans. Persian output uses the Arabic thousands
    /// separator U+066C (٬), decimal separator U+066B (٫) and, for negatives, CLDR's Persian
    /// minus sign (LRM U+200E + U+2212 −, the LRM keeping the sign on the left in RTL text).
    /// ASCII output uses `,`, `.` and `-`.
    ///
    /// `unit` only applies to IRR; other currencies are formatted by ``formatted(digits:)``.
    public func formatted(unit: Unit, digits: PersianText.DigitStyle = .persian) -> String {
        guard currency == "IRR" else { return formatted(digits: digits) }
        let magnitude = amountMinor.magnitude
        let persian = digits == .persian
        let number = switch unit {
        case .rial: Self.number(whole: magnitude, fraction: nil, persian: persian)
        case .toman: Self.number(whole: magnitude / 10,
                                 fraction: magnitude % 10 == 0 ? nil : String(magnitude % 10),
                                 persian: persian)
        }
        let suffix = switch (unit, persian) {
        case (.rial, true): "ریال"
        case (.rial, false): "IRR"
        case (.toman, true): "تومان"
        case (.toman, false): "Toman"
        }
        return sign(persian: persian) + number + " " + suffix
    }

    /// Formats with the currency's ISO code and its standard minor digits,
    /// e.g. `1,234.56 USD`, `۱٬۲۳۴٫۵۶ USD`, `12,500,000 IRR`.
    public func formatted(digits: PersianText.DigitStyle = .persian) -> String {
        let persian = digits == .persian
        let minorDigits = Self.minorUnitDigits(for: currency)
        let scale = (0..<minorDigits).reduce(UInt64(1)) { result, _ in result * 10 }
        let magnitude = amountMinor.magnitude
        var fraction: String?
        if minorDigits > 0 {
            let digits = String(magnitude % scale)
            fraction = String(repeating: "0", count: minorDigits - digits.count) + digits
        }
        let number = Self.number(whole: magnitude / scale, fraction: fraction, persian: persian)
        return sign(persian: persian) + number + " " + currency
    }

    /// ISO 4217 minor-unit digits for the currencies a CRM in Iran meets; 2 for any other code.
    /// IRR is 0 in practice (ISO lists 2, but the Dinar has not circulated for decades).
    public static func minorUnitDigits(for currency: String) -> Int {
        switch currency.uppercased() {
        case "IRR", "JPY", "KRW", "AFN", "IQD": 0
        case "KWD", "BHD", "OMR", "JOD", "LYD", "TND": 3
        default: 2
        }
    }

    // MARK: - Codable

    private enum CodingKeys: String, CodingKey {
        case amountMinor = "amount_minor"
        case currency
    }

    /// Rejects currency codes that are not three ASCII letters, so bad data fails at the edge.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let code = try container.decode(String.self, forKey: .currency).uppercased()
        guard code.utf8.count == 3, code.utf8.allSatisfy({ (65...90).contains($0) }) else {
            throw DecodingError.dataCorruptedError(
                forKey: .currency, in: container, debugDescription: "Not an ISO 4217 code: \(code)")
        }
        self.init(amountMinor: try container.decode(Int64.self, forKey: .amountMinor), currency: code)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(amountMinor, forKey: .amountMinor)
        try container.encode(currency, forKey: .currency)
    }

    // MARK: - Helpers

    private func with(_ amount: Int64) -> Money { Money(amountMinor: amount, currency: currency) }

    private func sameCurrency(_ other: Money) throws(MoneyError) {
        guard currency == other.currency else { throw .currencyMismatch(currency, other.currency) }
    }

    private static func checked(_ result: (partialValue: Int64, overflow: Bool)) throws(MoneyError) -> Int64 {
        guard !result.overflow else { throw .overflow }
        return result.partialValue
    }

    private func sign(persian: Bool) -> String {
        amountMinor < 0 ? (persian ? "\u{200E}\u{2212}" : "-") : ""
    }

    /// `whole` grouped in thousands, then the decimal separator and `fraction` if present.
    private static func number(whole: UInt64, fraction: String?, persian: Bool) -> String {
        let digits = String(whole)
        var text = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(persian ? "\u{066C}" : ",") }
            text.append(character)
        }
        if let fraction { text += (persian ? "\u{066B}" : ".") + fraction }
        return persian ? PersianText.toPersianDigits(text) : text
    }
}
