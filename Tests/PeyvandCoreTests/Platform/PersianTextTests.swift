import Foundation
import Testing
@testable import PeyvandCore

@Suite("PersianText")
struct PersianTextTests {

    // MARK: normalized

    @Test("normalized folds letters, digits, marks and whitespace", arguments: [
        // Arabic letter forms → Persian.
        ("علي", "علی"),
        ("مصطفى", "مصطفی"),
        ("كتاب", "کتاب"),
        ("مدرسة", "مدرسه"),
        // Hamza and madda seats fold to their carrier letter.
        ("أحمد", "احمد"),
        ("إيران", "ایران"),
        ("ٱلله", "الله"),
        ("آدرس", "ادرس"),
        ("مؤسسه", "موسسه"),
        ("مسئول", "مسیول"),
        ("جزء", "جزء"),
        ("خانۀ", "خانه"),
        ("خانهٔ", "خانه"),
        // Digits.
        ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),
        ("پلاک ۱۲", "پلاک 12"),
        // Kashida and diacritics removed.
        ("تهـــران", "تهران"),
        ("مُحَمَّد", "محمد"),
        ("كِتَابٌ", "کتاب"),
        ("رحمٰن", "رحمن"),
        // ZWNJ / ZWJ / bidi marks removed.
        ("می\u{200C}خواهم", "میخواهم"),
        ("می\u{200D}خواهم", "میخواهم"),
        ("\u{200F}۰۹۱۲\u{200E}", "0912"),
        ("\u{FEFF}سلام", "سلام"),
        // Case folding.
        ("ALI Rezaei", "ali rezaei"),
        ("Info@Example.COM", "info@example.com"),
        // Whitespace: runs collapse, ends trimmed, exotic spaces count.
        ("  علی   رضایی  ", "علی رضایی"),
        ("علی\t\n رضایی", "علی رضایی"),
        ("علی\u{00A0}رضایی", "علی رضایی"),
        ("علی\u{202F}\u{2003}رضایی", "علی رضایی"),
        ("علی \u{200C} رضایی", "علی رضایی"),
        ("\u{200C} ", ""),
        ("", ""),
        // Presentation forms (PDF copy-paste) and full-width Latin.
        ("\u{FEDB}\u{FE98}\u{FE8E}\u{FE8F}", "کتاب"),
        ("\u{FEFB}", "لا"),
        ("ＡＢＣ１２", "abc12"),
    ])
    func normalizedFolds(input: String, expected: String) {
        #expect(PersianText.normalized(input) == expected)
    }

    @Test("normalized is idempotent", arguments: [
        "علي   أحمدي", "مُحَمَّد‌رضا", "  ＡＢＣ ۱۲۳ ", "e\u{200C}\u{0301}", "خانهٔ ما", "ﻛﺘﺎﺏ",
        "Ärger über ÖL", "می خواهم", "",
    ])
    func normalizedIsIdempotent(input: String) {
        let once = PersianText.normalized(input)
        #expect(PersianText.normalized(once) == once)
    }

    @Test("normalized output is byte-stable NFC", arguments: [
        ("e\u{0301}", "\u{00E9}"),
        ("e\u{200C}\u{0301}", "\u{00E9}"),
    ])
    func normalizedIsNFC(input: String, expected: String) {
        #expect(Array(PersianText.normalized(input).unicodeScalars) == Array(expected.unicodeScalars))
    }

    @Test("spellings users treat as the same word get the same key", arguments: [
        ["علي رضائي", "علی رضائی", "علی رضايی", "علـــی رضائی"],
        ["كاشاني", "کاشانی", "کاشانى"],
        ["۰۹۱۲۱۲۳۴۵۶۷", "٠٩١٢١٢٣٤٥٦٧", "09121234567"],
        ["آرش", "ارش"],
        ["مسئول", "مسيول"],
    ])
    func variantsShareNormalizedKey(variants: [String]) {
        let keys = Set(variants.map(PersianText.normalized))
        #expect(keys.count == 1, "\(keys)")
    }

    // MARK: ZWNJ rule / compacted

    @Test("half-space and no-space share the normalized key; a real space does not")
    func zwnjRuleForNormalized() {
        #expect(PersianText.normalized("می‌خواهم") == PersianText.normalized("میخواهم"))
        #expect(PersianText.normalized("می خواهم") == "می خواهم")
    }

    @Test("compacted ignores space, half-space and no-space differences", arguments: [
        ["می خواهم", "می‌خواهم", "میخواهم", " مي  خواهم "],
        ["علی رضا", "علیرضا", "علی‌رضا", "علي‌رضا"],
        ["Info @ Example.com", "info@example.com"],
    ])
    func compactedMatchesAllSpacings(variants: [String]) {
        let keys = Set(variants.map(PersianText.compacted))
        #expect(keys.count == 1, "\(keys)")
    }

    // MARK: Digits

    @Test("toPersianDigits converts ASCII and Arabic-Indic digits only", arguments: [
        ("1403/05/12", "۱۴۰۳/۰۵/۱۲"),
        ("٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"),
        ("0123456789", "۰۱۲۳۴۵۶۷۸۹"),
        ("Q-1405-000123", "Q-۱۴۰۵-۰۰۰۱۲۳"),
        ("۱۲ abc", "۱۲ abc"),
        ("", ""),
    ])
    func toPersianDigits(input: String, expected: String) {
        #expect(PersianText.toPersianDigits(input) == expected)
    }

    @Test("toASCIIDigits converts Persian and Arabic-Indic digits only", arguments: [
        ("۱۴۰۳/۰۵/۱۲", "1403/05/12"),
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),
        ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),
        ("مبلغ ۱۲٬۵۰۰", "مبلغ 12٬500"),
        ("abc 42", "abc 42"),
        ("", ""),
    ])
    func toASCIIDigits(input: String, expected: String) {
        #expect(PersianText.toASCIIDigits(input) == expected)
    }

    @Test("digit conversions round-trip", arguments: ["0123456789", "tel: 021-8877 6655", "۱۴۰۵"])
    func digitRoundTrip(input: String) {
        let ascii = PersianText.toASCIIDigits(input)
        #expect(PersianText.toASCIIDigits(PersianText.toPersianDigits(ascii)) == ascii)
        #expect(PersianText.digits(ascii, .persian) == PersianText.toPersianDigits(ascii))
        #expect(PersianText.digits(input, .ascii) == ascii)
    }
}
