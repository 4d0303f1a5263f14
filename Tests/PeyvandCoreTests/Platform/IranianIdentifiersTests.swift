import Foundation
import Testing
@testable import PeyvandCore

@Suite("IranianIdentifier")
struct IranianIdentifiersTests {

    // MARK: National code

    @Test("valid national codes are returned as 10 ASCII digits", arguments: [
        // Widely published samples (e.g. the persian-tools test suite).
        ("0499370899", "0499370899"),
        ("0790419904", "0790419904"),
        ("1583250689", "1583250689"),
        ("0684159414", "0684159414"),
        ("4400276201", "4400276201"),
        ("2540201288", "2540201288"),
        ("7400076205", "7400076205"),
        ("0076229645", "0076229645"),
        // Computed with the algorithm, covering every branch of the check digit:
        ("1234567891", "1234567891"),   // r = 1 → check 1
        ("1234567091", "1234567091"),   // r = 10 → check 1
        ("0012345679", "0012345679"),   // r = 2 → check 9
        ("3722000017", "3722000017"),   // r = 4 → check 7
        ("9876543210", "9876543210"),   // r = 0 → check 0
        ("1000000060", "1000000060"),   // r = 0 → check 0
        ("1000000011", "1000000011"),   // r = 1 → check 1
        ("1111111121", "1111111121"),   // mostly repeated digits, but not all
    ])
    func validNationalCodes(input: String, canonical: String) {
        #expect(IranianIdentifier.nationalCode(input) == canonical)
    }

    @Test("digits in any script and common separators are accepted", arguments: [
        "۰۴۹۹۳۷۰۸۹۹",
        "٠٤٩٩٣٧٠٨٩٩",
        "049-937089-9",
        "۰۴۹-۹۳۷۰۸۹-۹",
        " 0499 370 899 ",
        "049\u{2013}937089\u{2013}9",
        "\u{200F}0499370899\u{200E}",
        "0499\u{00A0}370\u{200C}899",
    ])
    func nationalCodeSpellings(input: String) {
        #expect(IranianIdentifier.nationalCode(input) == "0499370899")
    }

    @Test("8 and 9 digit national codes are left-padded with zeros", arguments: [
        ("68415941", "0068415941"),
        ("11537027", "0011537027"),
        ("076229645", "0076229645"),
        ("۶۸۴۱۵۹۴۱", "0068415941"),
    ])
    func shortNationalCodesArePadded(input: String, canonical: String) {
        #expect(IranianIdentifier.nationalCode(input) == canonical)
    }

    @Test("invalid national codes are rejected", arguments: [
        "0499370898",       // wrong check digit
        "0499370890",
        "1234567890",
        "0790419905",
        "1583250680",
        "0000000000",       // all the same digit
        "1111111111",
        "5555555555",
        "9999999999",
        "۷۷۷۷۷۷۷۷۷۷",
        "777777777",        // 9 repeated digits pad to 0777777777, which fails the checksum
        "0010000000",       // serial (digits 4–9) 000000
        "1000000001",       // serial 000000, although the check digit is right
        "0010000003",
        "4990000005",
        "",                 // wrong lengths
        "  - ",
        "1234567",
        "04993708999",
        "049937089912",
        "0499370899a",      // characters that are not digits or separators
        "0499.370.899",
        "0499/370899",
        "+0499370899",
        "O499370899",       // letter O
    ])
    func invalidNationalCodes(input: String) {
        #expect(IranianIdentifier.nationalCode(input) == nil)
    }

    @Test("every 9-digit body has exactly one valid check digit", arguments: [
        "049937089", "123456789", "001234567", "987654321", "372200001", "500300200",
    ])
    func exactlyOneNationalCheckDigit(body: String) {
        let valid = (0...9).filter { IranianIdentifier.nationalCode(body + String($0)) != nil }
        #expect(valid.count == 1)
    }

    // MARK: Legal-entity ID

    @Test("valid legal-entity IDs are returned as 11 ASCII digits", arguments: [
        "10380284790",      // published sample (persian-tools test suite)
        "10101234565",      // computed with the algorithm
        "14100001233",
        "10320000513",
        "10860112349",
        "14008765436",
        "14032109870",
        "12345678906",
        "10100001050",      // s mod 11 == 10 → check digit 0
        "10100001240",
    ])
    func validLegalEntityIDs(input: String) {
        #expect(IranianIdentifier.legalEntityID(input) == input)
    }

    @Test("legal-entity IDs accept any digit script and separators", arguments: [
        "۱۰۳۸۰۲۸۴۷۹۰",
        "١٠٣٨٠٢٨٤٧٩٠",
        "103-8028479-0",
        "10380 284790",
        "\u{200F}۱۰۳۸۰۲۸۴۷۹۰",
    ])
    func legalEntityIDSpellings(input: String) {
        #expect(IranianIdentifier.legalEntityID(input) == "10380284790")
    }

    @Test("invalid legal-entity IDs are rejected", arguments: [
        "10380284792",      // wrong check digit (published counter-examples)
        "10380285692",
        "09748208301",
        "10380284791",
        "00000000000",      // all zero
        "11111111111",      // all the same digit
        "99999999999",
        "10100000059",      // digits 4–9 all zero, although the check digit is right
        "14000000022",
        "1038028479",       // wrong lengths
        "103802847900",
        "123000000",
        "",
        "1038028479O",      // letter O
        "10380.284790",
    ])
    func invalidLegalEntityIDs(input: String) {
        #expect(IranianIdentifier.legalEntityID(input) == nil)
    }

    @Test("every 10-digit body has exactly one valid legal-entity check digit", arguments: [
        "1038028479", "1010123456", "1410000123", "1234567890", "1010000105",
    ])
    func exactlyOneLegalCheckDigit(body: String) {
        let valid = (0...9).filter { IranianIdentifier.legalEntityID(body + String($0)) != nil }
        #expect(valid.count == 1)
    }

    // MARK: Economic code

    @Test("economic codes: 10 digits = national code, 11 = legal ID, 12 = legacy", arguments: [
        ("0499370899", "0499370899"),
        ("۰۴۹۹-۳۷۰۸۹۹", "0499370899"),
        ("10380284790", "10380284790"),
        ("۱۰۳۸۰۲۸۴۷۹۰", "10380284790"),
        ("411413365796", "411413365796"),
        ("۴۱۱۴-۱۳۳۶-۵۷۹۶", "411413365796"),
        ("4111 1111 1111", "411111111111"),
    ])
    func validEconomicCodes(input: String, canonical: String) {
        #expect(IranianIdentifier.economicCode(input) == canonical)
    }

    @Test("invalid economic codes are rejected", arguments: [
        "0499370898",       // 10 digits, bad national-code check digit
        "1111111111",       // 10 repeated digits
        "10380284792",      // 11 digits, bad legal-ID check digit
        "000000000000",     // 12 zeros
        "68415941",         // 8 or 9 digits: not padded for economic codes
        "076229645",
        "4114133657961",    // 13 digits
        "41141336579a",
        "",
    ])
    func invalidEconomicCodes(input: String) {
        #expect(IranianIdentifier.economicCode(input) == nil)
    }
}
