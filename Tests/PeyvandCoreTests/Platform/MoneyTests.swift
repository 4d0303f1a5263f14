import Foundation
import Testing
@testable import PeyvandCore

@Suite("Money")
struct MoneyTests {

    static func irr(_ rials: Int64) -> Money { .rials(rials) }

    // MARK: Construction

    @Test("defaults to IRR and upper-cases the currency code")
    func construction() throws {
        #expect(Money(amountMinor: 5).currency == "IRR")
        #expect(Money(amountMinor: 5, currency: "usd") == Money(amountMinor: 5, currency: "USD"))
        #expect(try Money.tomans(1_250_000) == Self.irr(12_500_000))
        #expect(Money.zero().isZero)
        #expect(Self.irr(-1).isNegative)
        #expect(throws: MoneyError.overflow) { try Money.tomans(Int64.max / 5) }
    }

    // MARK: Arithmetic

    @Test("addition, subtraction and multiplication are exact", arguments: [
        (12_500_000, 7_500_000, 3, 20_000_000, 5_000_000, 37_500_000),
        (0, 0, 0, 0, 0, 0),
        (-100, 250, -2, 150, -350, 200),
        (Int64.max - 1, 1, 1, Int64.max, Int64.max - 2, Int64.max - 1),
        (Int64.min + 1, -1, 1, Int64.min, Int64.min + 2, Int64.min + 1),
    ] as [(Int64, Int64, Int64, Int64, Int64, Int64)])
    func arithmetic(a: Int64, b: Int64, quantity: Int64, sum: Int64, difference: Int64, product: Int64) throws {
        #expect(try Self.irr(a).adding(Self.irr(b)) == Self.irr(sum))
        #expect(try Self.irr(a) + Self.irr(b) == Self.irr(sum))
        #expect(try Self.irr(a).subtracting(Self.irr(b)) == Self.irr(difference))
        #expect(try Self.irr(a) - Self.irr(b) == Self.irr(difference))
        #expect(try Self.irr(a).multiplied(by: quantity) == Self.irr(product))
        #expect(try Self.irr(a) * quantity == Self.irr(product))
    }

    /// Operations whose exact result does not fit in `Int64`.
    enum OverflowingOperation: String, CaseIterable, Sendable {
        case maxPlusOne, minMinusOne, minSubtractOne, maxSubtractMinusOne, doubleHalfMax,
             minTimesMinusOne, negateMin, twoHundredPercentOfMax, increaseMax, scaleMinByMinusOne,
             sumPastMax

        func run() throws(MoneyError) -> Money {
            switch self {
            case .maxPlusOne: try Money.rials(.max).adding(.rials(1))
            case .minMinusOne: try Money.rials(.min).adding(.rials(-1))
            case .minSubtractOne: try Money.rials(.min).subtracting(.rials(1))
            case .maxSubtractMinusOne: try Money.rials(.max).subtracting(.rials(-1))
            case .doubleHalfMax: try Money.rials(.max / 2 + 1).multiplied(by: 2)
            case .minTimesMinusOne: try Money.rials(.min).multiplied(by: -1)
            case .negateMin: try Money.rials(.min).negated()
            case .twoHundredPercentOfMax: try Money.rials(.max).percentage(basisPoints: 20_000)
            case .increaseMax: try Money.rials(.max).increased(byBasisPoints: 1)
            case .scaleMinByMinusOne: try Money.rials(.min).scaled(by: -1, dividedBy: 1)
            case .sumPastMax: try Money.sum([.rials(.max), .rials(1)])
            }
        }
    }

    @Test("overflow throws instead of trapping or wrapping", arguments: OverflowingOperation.allCases)
    func overflowThrows(operation: OverflowingOperation) {
        #expect(throws: MoneyError.overflow) { try operation.run() }
    }

    @Test("mixing currencies throws")
    func currencyMismatch() {
        let rial = Self.irr(100), dollar = Money(amountMinor: 100, currency: "USD")
        #expect(throws: MoneyError.currencyMismatch("IRR", "USD")) { try rial.adding(dollar) }
        #expect(throws: MoneyError.currencyMismatch("USD", "IRR")) { try dollar.subtracting(rial) }
        #expect(throws: MoneyError.currencyMismatch("IRR", "USD")) { try rial.basisPoints(of: dollar) }
        #expect(throws: MoneyError.currencyMismatch("IRR", "USD")) { try Money.sum([rial, dollar]) }
    }

    @Test("negation and sums")
    func negationAndSum() throws {
        #expect(try Self.irr(500).negated() == Self.irr(-500))
        #expect(try Money.sum([Self.irr(1), Self.irr(2), Self.irr(-4)]) == Self.irr(-1))
        #expect(try Money.sum([Money]()) == Money.zero())
        #expect(try Money.sum([Money(amountMinor: 150, currency: "USD")], currency: "USD")
                == Money(amountMinor: 150, currency: "USD"))
    }

    // MARK: Percentages

    @Test("percentage of an amount rounds half-up, away from zero", arguments: [
        (12_500_000, 900, 1_125_000),                        // 9 % VAT
        (1_000, 1_000, 100),                                 // 10 %
        (5, 1_000, 1),                                       // 0.5 → 1
        (4, 1_000, 0),                                       // 0.4 → 0
        (15, 1_000, 2),                                      // 1.5 → 2
        (25, 1_000, 3),                                      // 2.5 → 3 (not banker's 2)
        (-5, 1_000, -1),                                     // −0.5 → −1
        (-15, 1_000, -2),
        (5, -1_000, -1),
        (-5, -1_000, 1),
        (1, 5_000, 1),                                       // 0.5 → 1
        (1, 4_999, 0),
        (999, 1, 0),                                         // 0.0999 → 0
        (5_000, 1, 1),                                       // 0.5 → 1
        (123_456_789, 10_000, 123_456_789),                  // 100 %
        (123_456_789, 0, 0),
        (Int64.max, 10_000, Int64.max),                      // no intermediate overflow
        (Int64.max, 5_000, Int64.max / 2 + 1),               // …3.5 → …4
        (Int64.min, 10_000, Int64.min),
        (Int64.min, 5_000, Int64.min / 2),
    ] as [(Int64, Int64, Int64)])
    func percentage(amount: Int64, basisPoints: Int64, expected: Int64) throws {
        #expect(try Self.irr(amount).percentage(basisPoints: basisPoints) == Self.irr(expected))
    }

    @Test("increasing and decreasing by basis points", arguments: [
        (10_000_000, 1_000, 11_000_000, 9_000_000),
        (999, 1_500, 1_149, 849),       // 149.85 → 150
        (-999, 1_500, -1_149, -849),    // symmetric for refunds
        (0, 900, 0, 0),
    ] as [(Int64, Int64, Int64, Int64)])
    func increaseDecrease(amount: Int64, basisPoints: Int64, increased: Int64, decreased: Int64) throws {
        #expect(try Self.irr(amount).increased(byBasisPoints: basisPoints) == Self.irr(increased))
        #expect(try Self.irr(amount).decreased(byBasisPoints: basisPoints) == Self.irr(decreased))
    }

    @Test("share of a whole in basis points", arguments: [
        (250, 1_000, 2_500),
        (1, 3, 3_333),
        (2, 3, 6_667),
        (1, 20_000, 1),          // 0.5 bp → 1
        (1, 20_001, 0),
        (-1, 3, -3_333),
        (Int64.max, Int64.max, 10_000),
        (Int64.max, 1, nil),     // overflow
    ] as [(Int64, Int64, Int64?)])
    func shareInBasisPoints(part: Int64, whole: Int64, expected: Int64?) throws {
        if let expected {
            #expect(try Self.irr(part).basisPoints(of: Self.irr(whole)) == expected)
        } else {
            #expect(throws: MoneyError.overflow) { try Self.irr(part).basisPoints(of: Self.irr(whole)) }
        }
    }

    @Test("scaling by a ratio", arguments: [
        (100, 1, 3, 33),
        (100, 2, 3, 67),
        (-100, 2, 3, -67),
        (100, 2, -3, -67),
        (Int64.max, Int64.max, Int64.max, Int64.max),
        (Int64.max, 3, 4, 6_917_529_027_641_081_855),  // exact: …855.25
    ] as [(Int64, Int64, Int64, Int64)])
    func scaling(amount: Int64, numerator: Int64, denominator: Int64, expected: Int64) throws {
        #expect(try Self.irr(amount).scaled(by: numerator, dividedBy: denominator) == Self.irr(expected))
    }

    @Test("a zero denominator throws")
    func divisionByZero() {
        #expect(throws: MoneyError.divisionByZero) { try Self.irr(1).basisPoints(of: .zero()) }
        #expect(throws: MoneyError.divisionByZero) { try Self.irr(1).scaled(by: 1, dividedBy: 0) }
    }

    // MARK: Formatting

    @Test("formats IRR in Rial and Toman, Persian and ASCII", arguments: [
        (12_500_000, .rial, .persian, "۱۲٬۵۰۰٬۰۰۰ ریال"),
        (12_500_000, .toman, .persian, "۱٬۲۵۰٬۰۰۰ تومان"),
        (12_500_000, .rial, .ascii, "12,500,000 IRR"),
        (12_500_000, .toman, .ascii, "1,250,000 Toman"),
        (12_345, .toman, .persian, "۱٬۲۳۴٫۵ تومان"),
        (12_345, .toman, .ascii, "1,234.5 Toman"),
        (5, .toman, .ascii, "0.5 Toman"),
        (0, .rial, .persian, "۰ ریال"),
        (0, .toman, .ascii, "0 Toman"),
        (999, .rial, .ascii, "999 IRR"),
        (1_000, .rial, .ascii, "1,000 IRR"),
        (100_000, .rial, .ascii, "100,000 IRR"),
        (-12_500_000, .rial, .ascii, "-12,500,000 IRR"),
        (-12_345, .toman, .ascii, "-1,234.5 Toman"),
        (-12_500_000, .toman, .persian, "\u{200E}\u{2212}۱٬۲۵۰٬۰۰۰ تومان"),
        (Int64.max, .rial, .ascii, "9,223,372,036,854,775,807 IRR"),
        (Int64.min, .rial, .ascii, "-9,223,372,036,854,775,808 IRR"),
        (Int64.min, .toman, .ascii, "-922,337,203,685,477,580.8 Toman"),
    ] as [(Int64, Money.Unit, PersianText.DigitStyle, String)])
    func formatsIRR(amount: Int64, unit: Money.Unit, digits: PersianText.DigitStyle, expected: String) {
        #expect(Self.irr(amount).formatted(unit: unit, digits: digits) == expected)
    }

    @Test("formats other currencies with their ISO minor digits", arguments: [
        (123_456, "USD", .ascii, "1,234.56 USD"),
        (123_456, "USD", .persian, "۱٬۲۳۴٫۵۶ USD"),
        (5, "EUR", .ascii, "0.05 EUR"),
        (-5, "EUR", .ascii, "-0.05 EUR"),
        (1_234_567, "KWD", .ascii, "1,234.567 KWD"),
        (1_234, "JPY", .ascii, "1,234 JPY"),
        (12_500_000, "IRR", .ascii, "12,500,000 IRR"),
    ] as [(Int64, String, PersianText.DigitStyle, String)])
    func formatsOtherCurrencies(amount: Int64, currency: String, digits: PersianText.DigitStyle,
                                expected: String) {
        let money = Money(amountMinor: amount, currency: currency)
        #expect(money.formatted(digits: digits) == expected)
        if currency != "IRR" {
            // The Rial/Toman unit does not apply to other currencies.
            #expect(money.formatted(unit: .toman, digits: digits) == expected)
        }
    }

    // MARK: Codable

    @Test("encodes with snake_case keys")
    func encodes() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(Self.irr(12_500_000)), as: UTF8.self)
        #expect(json == #"{"amount_minor":12500000,"currency":"IRR"}"#)
    }

    @Test("decodes valid JSON and round-trips", arguments: [
        (#"{"amount_minor":12500000,"currency":"IRR"}"#, Money.rials(12_500_000)),
        (#"{"currency":"usd","amount_minor":-150}"#, Money(amountMinor: -150, currency: "USD")),
        (#"{"amount_minor":9223372036854775807,"currency":"IRR"}"#, Money.rials(.max)),
    ])
    func decodes(json: String, expected: Money) throws {
        let decoded = try JSONDecoder().decode(Money.self, from: Data(json.utf8))
        #expect(decoded == expected)
        #expect(try JSONDecoder().decode(Money.self, from: JSONEncoder().encode(decoded)) == decoded)
    }

    @Test("rejects malformed JSON", arguments: [
        #"{"amount_minor":1,"currency":"RIAL"}"#,
        #"{"amount_minor":1,"currency":"I1R"}"#,
        #"{"amount_minor":1,"currency":""}"#,
        #"{"amount_minor":1.5,"currency":"IRR"}"#,
        #"{"amount_minor":9223372036854775808,"currency":"IRR"}"#,
        #"{"amountMinor":1,"currency":"IRR"}"#,
        #"{"amount_minor":1}"#,
    ])
    func rejectsMalformed(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Money.self, from: Data(json.utf8)) }
    }
}
