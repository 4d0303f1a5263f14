import Foundation
import Testing
@testable import PeyvandCore

@Suite("IranianPhone")
struct IranianPhoneTests {

    @Test("every common spelling of a mobile parses to the same E.164 key", arguments: [
        "09121234567",
        "9121234567",
        "+989121234567",
        "00989121234567",
        "989121234567",
        "0912 123 4567",
        "0912-123-4567",
        "(0912) 123-4567",
        "+98 (912) 123 4567",
        "+98 (0)912 123 4567",
        "0098 912 123 4567",
        "۰۹۱۲۱۲۳۴۵۶۷",
        "٠٩١٢١٢٣٤٥٦٧",
        "+۹۸ ۹۱۲ ۱۲۳ ۴۵۶۷",
        "\u{200E}+98 912 123 4567\u{200F}",
        "  0912.123.4567 ",
        "0912\u{2013}123\u{2013}4567",
    ])
    func mobileSpellingsShareKey(input: String) throws {
        let phone = try IranianPhone(parsing: input)
        #expect(phone.e164 == "+989121234567")
        #expect(phone.nationalSignificantNumber == "9121234567")
        #expect(phone.isMobile)
        #expect(phone == IranianPhone("09121234567"))
    }

    @Test("landlines parse, are not mobile, and display area code first", arguments: [
        ("021-88776655", "+982188776655", "021 8877 6655"),
        ("+982188776655", "+982188776655", "021 8877 6655"),
        ("(021) 8877 6655", "+982188776655", "021 8877 6655"),
        ("00982188776655", "+982188776655", "021 8877 6655"),
        ("2188776655", "+982188776655", "021 8877 6655"),
        ("۰۳۱-۳۲۲۲۴۴۵۵", "+983132224455", "031 3222 4455"),
        ("051 3841 2345", "+985138412345", "051 3841 2345"),
    ])
    func landlinesParse(input: String, e164: String, national: String) throws {
        let phone = try IranianPhone(parsing: input)
        #expect(phone.e164 == e164)
        #expect(!phone.isMobile)
        #expect(phone.formattedNational() == national)
    }

    @Test("a 10-digit number starting with 98 is a national number, not a country code",
          arguments: [("9981234567", "+989981234567"), ("09981234567", "+989981234567"),
                      ("989981234567", "+989981234567")])
    func leading98IsDisambiguatedByLength(input: String, e164: String) throws {
        #expect(try IranianPhone(parsing: input).e164 == e164)
    }

    @Test("display forms", arguments: [
        ("09121234567", PersianText.DigitStyle.ascii, "0912 123 4567", "+98 912 123 4567", "09121234567"),
        ("09121234567", .persian, "۰۹۱۲ ۱۲۳ ۴۵۶۷", "+۹۸ ۹۱۲ ۱۲۳ ۴۵۶۷", "09121234567"),
        ("02188776655", .ascii, "021 8877 6655", "+98 21 8877 6655", "02188776655"),
        ("02188776655", .persian, "۰۲۱ ۸۸۷۷ ۶۶۵۵", "+۹۸ ۲۱ ۸۸۷۷ ۶۶۵۵", "02188776655"),
    ])
    func displayForms(input: String, digits: PersianText.DigitStyle,
                      national: String, international: String, plain: String) throws {
        let phone = try IranianPhone(parsing: input)
        #expect(phone.formattedNational(digits: digits) == national)
        #expect(phone.formattedInternational(digits: digits) == international)
        #expect(phone.national == plain)
        #expect(phone.description == phone.e164)
    }

    @Test("invalid input is rejected with the reason", arguments: [
        ("", IranianPhone.ParseError.empty),
        ("   ", .empty),
        ("-()", .empty),
        ("0912abc4567", .invalidCharacter("a")),
        ("0912_123_4567", .invalidCharacter("_")),
        ("tel:09121234567", .invalidCharacter("t")),
        ("0912+1234567", .misplacedPlus),
        ("++989121234567", .misplacedPlus),
        ("+12025550123", .unsupportedCountryCode),
        ("+44 20 7946 0958", .unsupportedCountryCode),
        ("0044 20 7946 0958", .unsupportedCountryCode),
        ("0912123456", .tooShort(nationalDigits: 9)),
        ("912123", .tooShort(nationalDigits: 6)),
        ("+98912123456", .tooShort(nationalDigits: 9)),
        ("0", .tooShort(nationalDigits: 0)),
        ("091212345678", .tooLong(nationalDigits: 11)),
        ("+9891212345678", .tooLong(nationalDigits: 11)),
        ("00989121234567 1", .tooLong(nationalDigits: 11)),
        ("+98 0 012345678", .invalidNationalNumber),
    ])
    func invalidInputIsRejected(input: String, error: IranianPhone.ParseError) {
        #expect(throws: error) { try IranianPhone(parsing: input) }
        #expect(IranianPhone(input) == nil)
    }

    @Test("phones are usable as dictionary keys regardless of input spelling")
    func hashableAcrossSpellings() throws {
        let phones: Set<IranianPhone> = [
            try IranianPhone(parsing: "09121234567"),
            try IranianPhone(parsing: "+98 912 123 4567"),
            try IranianPhone(parsing: "۰۰۹۸۹۱۲۱۲۳۴۵۶۷"),
            try IranianPhone(parsing: "02188776655"),
        ]
        #expect(phones.count == 2)
    }

    @Test("Codable writes E.164 and reads any accepted spelling")
    func codable() throws {
        let phone = try IranianPhone(parsing: "0912 123 4567")
        let data = try JSONEncoder().encode([phone])
        #expect(String(decoding: data, as: UTF8.self) == #"["+989121234567"]"#)
        let decoded = try JSONDecoder().decode([IranianPhone].self, from: Data(#"["۰۹۱۲۱۲۳۴۵۶۷"]"#.utf8))
        #expect(decoded == [phone])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([IranianPhone].self, from: Data(#"["12345"]"#.utf8))
        }
    }
}
