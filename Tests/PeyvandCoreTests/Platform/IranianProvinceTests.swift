import Foundation
import Testing
@testable import PeyvandCore

@Suite("IranianProvince")
struct IranianProvinceTests {

    @Test("there are 31 provinces with unique slugs and names")
    func uniqueness() {
        let all = IranianProvince.allCases
        #expect(all.count == 31)
        #expect(Set(all.map(\.rawValue)).count == 31)
        #expect(Set(all.map(\.persianName)).count == 31)
        #expect(Set(all.map(\.englishName)).count == 31)
    }

    @Test("slugs are lowercase ASCII letters and underscores")
    func slugShape() {
        for province in IranianProvince.allCases {
            #expect(province.rawValue.allSatisfy { ("a"..."z").contains($0) || $0 == "_" },
                    "\(province.rawValue)")
        }
    }

    @Test("every name and capital is filled in, Persian names in Persian letters")
    func namesAreFilled() {
        for province in IranianProvince.allCases {
            #expect(!province.englishName.isEmpty && !province.capitalEnglish.isEmpty)
            #expect(province.englishName.unicodeScalars.allSatisfy { $0.isASCII })
            #expect(province.capitalEnglish.unicodeScalars.allSatisfy { $0.isASCII })
            for persian in [province.persianName, province.capitalPersian] {
                #expect(!persian.isEmpty)
                #expect(!persian.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) })
                // No Arabic letter forms in display names.
                #expect(!persian.unicodeScalars.contains { $0 == "\u{064A}" || $0 == "\u{0643}" })
            }
        }
    }

    @Test("no spelling matches two provinces")
    func matchKeysAreDisjoint() {
        var owner: [String: IranianProvince] = [:]
        for province in IranianProvince.allCases {
            for key in province.matchKeys {
                #expect(owner[key] == nil, "\(key) claimed by \(owner[key].map(\.rawValue) ?? "") and \(province.rawValue)")
                owner[key] = province
            }
        }
    }

    @Test("every province matches its slug, English name and Persian name")
    func roundTrip() {
        for province in IranianProvince.allCases {
            #expect(IranianProvince.matching(province.rawValue) == province)
            #expect(IranianProvince.matching(province.englishName) == province)
            #expect(IranianProvince.matching(province.englishName.uppercased()) == province)
            #expect(IranianProvince.matching(province.persianName) == province)
            #expect(IranianProvince(rawValue: province.rawValue) == province)
        }
    }

    @Test("known names and capitals", arguments: [
        (IranianProvince.tehran, "tehran", "تهران", "Tehran", "تهران", "Tehran"),
        (.razaviKhorasan, "razavi_khorasan", "خراسان رضوی", "Razavi Khorasan", "مشهد", "Mashhad"),
        (.eastAzerbaijan, "east_azerbaijan", "آذربایجان شرقی", "East Azerbaijan", "تبریز", "Tabriz"),
        (.westAzerbaijan, "west_azerbaijan", "آذربایجان غربی", "West Azerbaijan", "ارومیه", "Urmia"),
        (.isfahan, "isfahan", "اصفهان", "Isfahan", "اصفهان", "Isfahan"),
        (.fars, "fars", "فارس", "Fars", "شیراز", "Shiraz"),
        (.khuzestan, "khuzestan", "خوزستان", "Khuzestan", "اهواز", "Ahvaz"),
        (.alborz, "alborz", "البرز", "Alborz", "کرج", "Karaj"),
        (.qom, "qom", "قم", "Qom", "قم", "Qom"),
        (.mazandaran, "mazandaran", "مازندران", "Mazandaran", "ساری", "Sari"),
        (.gilan, "gilan", "گیلان", "Gilan", "رشت", "Rasht"),
        (.kerman, "kerman", "کرمان", "Kerman", "کرمان", "Kerman"),
        (.kermanshah, "kermanshah", "کرمانشاه", "Kermanshah", "کرمانشاه", "Kermanshah"),
        (.lorestan, "lorestan", "لرستان", "Lorestan", "خرم\u{200C}آباد", "Khorramabad"),
        (.hormozgan, "hormozgan", "هرمزگان", "Hormozgan", "بندرعباس", "Bandar Abbas"),
        (.kohgiluyehBoyerAhmad, "kohgiluyeh_boyer_ahmad", "کهگیلویه و بویراحمد",
         "Kohgiluyeh and Boyer-Ahmad", "یاسوج", "Yasuj"),
    ])
    func knownProvinces(province: IranianProvince, slug: String, persian: String, english: String,
                        capitalPersian: String, capitalEnglish: String) {
        #expect(province.rawValue == slug)
        #expect(province.persianName == persian)
        #expect(province.englishName == english)
        #expect(province.capitalPersian == capitalPersian)
        #expect(province.capitalEnglish == capitalEnglish)
    }

    @Test("free-text spellings match", arguments: [
        ("خراسان رضوي", IranianProvince.razaviKhorasan),          // Arabic yeh
        ("خراسان\u{200C}رضوی", .razaviKhorasan),                  // ZWNJ
        ("خراسانرضوی", .razaviKhorasan),                          // no space
        ("  خراسان   رضوی ", .razaviKhorasan),                    // extra spaces
        ("razavi_khorasan", .razaviKhorasan),
        ("Razavi Khorasan", .razaviKhorasan),
        ("RAZAVI-KHORASAN", .razaviKhorasan),
        ("Khorasan Razavi", .razaviKhorasan),
        ("كرمان", .kerman),                                        // Arabic kaf
        ("كرمانشاه", .kermanshah),
        ("كردستان", .kurdistan),
        ("Kordestan", .kurdistan),
        ("آذربایجان شرقی", .eastAzerbaijan),
        ("اذربایجان شرقي", .eastAzerbaijan),                      // no madda, Arabic yeh
        ("آذربايجان‌غربی", .westAzerbaijan),
        ("EAST AZERBAIJAN", .eastAzerbaijan),
        ("east azarbaijan", .eastAzerbaijan),
        ("سيستان و بلوچستان", .sistanBaluchestan),
        ("سیستان‌وبلوچستان", .sistanBaluchestan),
        ("Sistan & Baluchestan", .sistanBaluchestan),              // "&" is punctuation, dropped
        ("چهار محال و بختیاری", .chaharmahalBakhtiari),
        ("Chaharmahal and Bakhtiari", .chaharmahalBakhtiari),
        ("chaharmahal_bakhtiari", .chaharmahalBakhtiari),
        ("Kohgiluyeh and Boyer Ahmad", .kohgiluyehBoyerAhmad),
        ("کهگيلويه و بويراحمد", .kohgiluyehBoyerAhmad),
        ("Esfahan", .isfahan),
        ("Hamedan", .hamadan),
        ("استان تهران", .tehran),
        ("Tehran Province", .tehran),
        ("tehran", .tehran),
        ("TEHRAN", .tehran),
        ("قم", .qom),
    ])
    func freeTextMatches(text: String, province: IranianProvince) {
        #expect(IranianProvince.matching(text) == province)
    }

    @Test("unknown or ambiguous text does not match", arguments: [
        "", "   ", "استان", "province", "خراسان", "Khorasan", "Azerbaijan", "آذربایجان",
        "Tehran City", "Mashhad", "مشهد", "Atlantis", "کرما", "tehran1",
    ])
    func unknownDoesNotMatch(text: String) {
        #expect(IranianProvince.matching(text) == nil)
    }

    @Test("Codable uses the slug")
    func codable() throws {
        let data = try JSONEncoder().encode([IranianProvince.razaviKhorasan, .tehran])
        #expect(String(decoding: data, as: UTF8.self) == #"["razavi_khorasan","tehran"]"#)
        let decoded = try JSONDecoder().decode([IranianProvince].self, from: data)
        #expect(decoded == [.razaviKhorasan, .tehran])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([IranianProvince].self, from: Data(#"["Tehran"]"#.utf8))
        }
    }
}
