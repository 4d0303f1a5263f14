import Foundation

/// An Iranian telephone number (mobile or landline), reduced to one canonical identity.
///
/// The same number reaches the CRM as `09121234567`, `+98 912 123 4567`, `0098-912-1234567`,
/// `۰۹۱۲۱۲۳۴۵۶۷` and so on. Duplicate detection and lookups must treat all of these as one
/// contact, so the only stored identity is the 10-digit national significant number (NSN);
/// ``e164`` (`+989121234567`) is the canonical key for storage and APIs, and the national form
/// (`0912 123 4567`) is for display.
///
/// Iranian numbers are a trunk prefix `0` plus a 10-digit NSN: mobiles are `9xx xxx xxxx`,
/// landlines a 2-digit area code plus an 8-digit subscriber number (`21 8877 6655` = Tehran).
/// The parser checks this structure but deliberately does not validate area codes or mobile
/// operator prefixes against a list: allocations change (new MVNO prefixes appear regularly),
/// and a CRM must never refuse a real customer's number because a table is stale.
public struct IranianPhone: Sendable, Hashable {

    /// Why a string is not an Iranian phone number.
    public enum ParseError: Error, Sendable, Hashable {
        /// No digits at all (empty or only separators).
        case empty
        /// A character that is neither a digit (ASCII, Persian or Arabic-Indic), a leading `+`,
        /// nor a separator (whitespace, `-`, `.`, `/`, parentheses, invisible bidi marks).
        case invalidCharacter(Character)
        /// A `+` that is not the first thing in the number, or appears twice.
        case misplacedPlus
        /// An international number whose country code is not +98.
        case unsupportedCountryCode
        /// Fewer than 10 national digits remain after removing prefixes.
        case tooShort(nationalDigits: Int)
        /// More than 10 national digits remain after removing prefixes.
        case tooLong(nationalDigits: Int)
        /// The 10-digit national number starts with 0, which no Iranian number does.
        case invalidNationalNumber
    }

    /// The 10-digit national significant number in ASCII digits, e.g. `"9121234567"`.
    public let nationalSignificantNumber: String

    /// Parses any common spelling of an Iranian number.
    ///
    /// Accepted prefixes: `0` (trunk), `+98`, `0098`, bare `98` (only when more than 10 digits
    /// follow, since a 10-digit NSN may itself start with 98), or none (a bare 10-digit NSN).
    /// A trunk `0` written after the country code (`+98 (0)912…`, a frequent mistake) is
    /// tolerated. Digits may be ASCII, Persian or Arabic-Indic.
    public init(parsing input: String) throws(ParseError) {
        var digits: [UInt8] = []
        var sawPlus = false
        for scalar in input.unicodeScalars {
            if let d = PersianText.digitValue(scalar) {
                digits.append(UInt8(d))
            } else if scalar == "+" {
                guard !sawPlus, digits.isEmpty else { throw .misplacedPlus }
                sawPlus = true
            } else if !Self.isSeparator(scalar) {
                throw .invalidCharacter(Character(scalar))
            }
        }
        guard !digits.isEmpty else { throw .empty }

        var nsn = digits[...]
        if sawPlus {
            guard nsn.starts(with: [9, 8]) else { throw .unsupportedCountryCode }
            nsn = Self.droppingTrunkZero(nsn.dropFirst(2))
        } else if nsn.starts(with: [0, 0]) {
            guard nsn.starts(with: [0, 0, 9, 8]) else { throw .unsupportedCountryCode }
            nsn = Self.droppingTrunkZero(nsn.dropFirst(4))
        } else if nsn.first == 0 {
            nsn = nsn.dropFirst()
        } else if nsn.starts(with: [9, 8]) && nsn.count > 10 {
            nsn = Self.droppingTrunkZero(nsn.dropFirst(2))
        }

        guard nsn.count >= 10 else { throw .tooShort(nationalDigits: nsn.count) }
        guard nsn.count <= 10 else { throw .tooLong(nationalDigits: nsn.count) }
        guard nsn.first != 0 else { throw .invalidNationalNumber }
        nationalSignificantNumber = String(nsn.map { Character(String($0)) })
    }

    /// Failable convenience for call sites that do not care why parsing failed.
    public init?(_ input: String) {
        guard let phone = try? IranianPhone(parsing: input) else { return nil }
        self = phone
    }

    /// Canonical E.164 key, e.g. `"+989121234567"`. Use this for storage, uniqueness and APIs.
    public var e164: String { "+98" + nationalSignificantNumber }

    /// `true` for mobile numbers (NSN starting with 9), `false` for landlines.
    public var isMobile: Bool { nationalSignificantNumber.first == "9" }

    /// National dialling form without spaces, e.g. `"09121234567"`.
    public var national: String { "0" + nationalSignificantNumber }

    /// National display form: mobiles `0912 123 4567`, landlines `021 8877 6655`.
    public func formattedNational(digits: PersianText.DigitStyle = .ascii) -> String {
        PersianText.digits("0" + groups.joined(separator: " "), digits)
    }

    /// International display form: `+98 912 123 4567`, `+98 21 8877 6655`.
    public func formattedInternational(digits: PersianText.DigitStyle = .ascii) -> String {
        PersianText.digits("+98 " + groups.joined(separator: " "), digits)
    }

    /// Display groups of the NSN: 3-3-4 for mobiles, 2 (area code)-4-4 for landlines.
    private var groups: [String] {
        let n = Array(nationalSignificantNumber)
        let cuts = isMobile ? [0, 3, 6, 10] : [0, 2, 6, 10]
        return (0..<3).map { String(n[cuts[$0]..<cuts[$0 + 1]]) }
    }

    private static func droppingTrunkZero(_ digits: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        digits.count == 11 && digits.first == 0 ? digits.dropFirst() : digits
    }

    /// Characters people put between digits, plus invisible marks that copy-paste from RTL
    /// text inserts (LRM/RLM, isolates, ZWNJ …) and that users never see.
    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace { return true }
        switch scalar.value {
        case 0x2D, 0x2E, 0x2F, 0x28, 0x29,            // - . / ( )
             0x2010...0x2015, 0x2212,                 // hyphens, dashes, minus sign
             0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0xFEFF:
            return true
        default:
            return false
        }
    }
}

extension IranianPhone: CustomStringConvertible {
    public var description: String { e164 }
}

/// Encoded as the E.164 string; decoding accepts every form the parser accepts.
extension IranianPhone: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do {
            self = try IranianPhone(parsing: raw)
        } catch {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Not an Iranian phone number (\(error)): \(raw)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(e164)
    }
}
