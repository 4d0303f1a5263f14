import Foundation

/// The 31 provinces (استان‌ها) of Iran.
///
/// Addresses, sales territories and reports group customers by province, and that grouping is
/// only reliable if the province is a closed set rather than free text ("خراسان رضوي",
/// "Khorasan Razavi" and "خراسان‌رضوی" are one province). The raw value is a stable lowercase
/// ASCII slug meant for storage and APIs: it never changes, even if a display name is respelt.
/// Display names are in ``persianName`` / ``englishName``; free text from imports and forms goes
/// through ``matching(_:)``.
///
/// Persian names are the official ones; English names are the common romanisations (as used by
/// e.g. Wikipedia's list of provinces).
public enum IranianProvince: String, CaseIterable, Sendable, Codable {
    case eastAzerbaijan = "east_azerbaijan"
    case westAzerbaijan = "west_azerbaijan"
    case ardabil
    case isfahan
    case alborz
    case ilam
    case bushehr
    case tehran
    case chaharmahalBakhtiari = "chaharmahal_bakhtiari"
    case southKhorasan = "south_khorasan"
    case razaviKhorasan = "razavi_khorasan"
    case northKhorasan = "north_khorasan"
    case khuzestan
    case zanjan
    case semnan
    case sistanBaluchestan = "sistan_baluchestan"
    case fars
    case qazvin
    case qom
    case kurdistan
    case kerman
    case kermanshah
    case kohgiluyehBoyerAhmad = "kohgiluyeh_boyer_ahmad"
    case golestan
    case gilan
    case lorestan
    case mazandaran
    case markazi
    case hormozgan
    case hamadan
    case yazd

    /// Official Persian name, e.g. `"خراسان رضوی"`.
    public var persianName: String { names.persian }

    /// English name, e.g. `"Razavi Khorasan"`.
    public var englishName: String { names.english }

    /// Provincial capital (مرکز استان) in Persian, e.g. `"مشهد"`.
    public var capitalPersian: String { names.capitalPersian }

    /// Provincial capital in English, e.g. `"Mashhad"`.
    public var capitalEnglish: String { names.capitalEnglish }

    /// The province named by `text`, or `nil`.
    ///
    /// Accepts the slug (`razavi_khorasan`), the English name in any letter case
    /// (`razavi khorasan`), the Persian name, and a few common alternative spellings
    /// (`Khorasan Razavi`, `Esfahan`, `Hamedan`, `Kordestan` …). Both sides are compared as
    /// ``PersianText/compacted(_:)`` keys with punctuation removed, so Arabic letter forms
    /// (`خراسان رضوي`, `كرمان`), ZWNJ or missing spaces (`خراسان‌رضوی`, `خراسانرضوی`), a missing
    /// madda (`اذربایجان شرقی`), hyphens and underscores do not matter. A leading
    /// "استان" or trailing "province" (`استان تهران`, `Tehran Province`) is ignored.
    ///
    /// Matching is whole-name only: "خراسان" alone is ambiguous between three provinces and
    /// returns `nil`.
    public static func matching(_ text: String) -> IranianProvince? {
        var key = matchKey(text)
        if key.hasPrefix(persianProvinceWord), key.count > persianProvinceWord.count {
            key.removeFirst(persianProvinceWord.count)
        }
        if key.hasSuffix(englishProvinceWord), key.count > englishProvinceWord.count {
            key.removeLast(englishProvinceWord.count)
        }
        return index[key]
    }

    // MARK: - Data

    private struct Names {
        let persian: String
        let english: String
        let capitalPersian: String
        let capitalEnglish: String
        /// Other spellings seen in imported data; matched but never displayed.
        var aliases: [String] = []
    }

    /// A `switch` rather than a dictionary so that the compiler proves every case has names.
    private var names: Names {
        switch self {
        case .eastAzerbaijan:
            Names(persian: "آذربایجان شرقی", english: "East Azerbaijan",
                  capitalPersian: "تبریز", capitalEnglish: "Tabriz",
                  aliases: ["East Azarbaijan", "Azarbayjan-e Sharqi"])
        case .westAzerbaijan:
            Names(persian: "آذربایجان غربی", english: "West Azerbaijan",
                  capitalPersian: "ارومیه", capitalEnglish: "Urmia",
                  aliases: ["West Azarbaijan", "Azarbayjan-e Gharbi"])
        case .ardabil:
            Names(persian: "اردبیل", english: "Ardabil",
                  capitalPersian: "اردبیل", capitalEnglish: "Ardabil")
        case .isfahan:
            Names(persian: "اصفهان", english: "Isfahan",
                  capitalPersian: "اصفهان", capitalEnglish: "Isfahan",
                  aliases: ["Esfahan"])
        case .alborz:
            Names(persian: "البرز", english: "Alborz",
                  capitalPersian: "کرج", capitalEnglish: "Karaj")
        case .ilam:
            Names(persian: "ایلام", english: "Ilam",
                  capitalPersian: "ایلام", capitalEnglish: "Ilam")
        case .bushehr:
            Names(persian: "بوشهر", english: "Bushehr",
                  capitalPersian: "بوشهر", capitalEnglish: "Bushehr")
        case .tehran:
            Names(persian: "تهران", english: "Tehran",
                  capitalPersian: "تهران", capitalEnglish: "Tehran")
        case .chaharmahalBakhtiari:
            Names(persian: "چهارمحال و بختیاری", english: "Chaharmahal and Bakhtiari",
                  capitalPersian: "شهرکرد", capitalEnglish: "Shahrekord",
                  aliases: ["Chaharmahal va Bakhtiari"])
        case .southKhorasan:
            Names(persian: "خراسان جنوبی", english: "South Khorasan",
                  capitalPersian: "بیرجند", capitalEnglish: "Birjand",
                  aliases: ["Khorasan-e Jonubi"])
        case .razaviKhorasan:
            Names(persian: "خراسان رضوی", english: "Razavi Khorasan",
                  capitalPersian: "مشهد", capitalEnglish: "Mashhad",
                  aliases: ["Khorasan Razavi", "Khorasan-e Razavi"])
        case .northKhorasan:
            Names(persian: "خراسان شمالی", english: "North Khorasan",
                  capitalPersian: "بجنورد", capitalEnglish: "Bojnord",
                  aliases: ["Khorasan-e Shomali"])
        case .khuzestan:
            Names(persian: "خوزستان", english: "Khuzestan",
                  capitalPersian: "اهواز", capitalEnglish: "Ahvaz")
        case .zanjan:
            Names(persian: "زنجان", english: "Zanjan",
                  capitalPersian: "زنجان", capitalEnglish: "Zanjan")
        case .semnan:
            Names(persian: "سمنان", english: "Semnan",
                  capitalPersian: "سمنان", capitalEnglish: "Semnan")
        case .sistanBaluchestan:
            Names(persian: "سیستان و بلوچستان", english: "Sistan and Baluchestan",
                  capitalPersian: "زاهدان", capitalEnglish: "Zahedan",
                  aliases: ["Sistan and Baluchistan", "Sistan va Baluchestan"])
        case .fars:
            Names(persian: "فارس", english: "Fars",
                  capitalPersian: "شیراز", capitalEnglish: "Shiraz")
        case .qazvin:
            Names(persian: "قزوین", english: "Qazvin",
                  capitalPersian: "قزوین", capitalEnglish: "Qazvin")
        case .qom:
            Names(persian: "قم", english: "Qom",
                  capitalPersian: "قم", capitalEnglish: "Qom")
        case .kurdistan:
            Names(persian: "کردستان", english: "Kurdistan",
                  capitalPersian: "سنندج", capitalEnglish: "Sanandaj",
                  aliases: ["Kordestan"])
        case .kerman:
            Names(persian: "کرمان", english: "Kerman",
                  capitalPersian: "کرمان", capitalEnglish: "Kerman")
        case .kermanshah:
            Names(persian: "کرمانشاه", english: "Kermanshah",
                  capitalPersian: "کرمانشاه", capitalEnglish: "Kermanshah")
        case .kohgiluyehBoyerAhmad:
            Names(persian: "کهگیلویه و بویراحمد", english: "Kohgiluyeh and Boyer-Ahmad",
                  capitalPersian: "یاسوج", capitalEnglish: "Yasuj",
                  aliases: ["Kohgiluyeh va Boyer-Ahmad"])
        case .golestan:
            Names(persian: "گلستان", english: "Golestan",
                  capitalPersian: "گرگان", capitalEnglish: "Gorgan")
        case .gilan:
            Names(persian: "گیلان", english: "Gilan",
                  capitalPersian: "رشت", capitalEnglish: "Rasht",
                  aliases: ["Guilan"])
        case .lorestan:
            Names(persian: "لرستان", english: "Lorestan",
                  capitalPersian: "خرم‌آباد", capitalEnglish: "Khorramabad")
        case .mazandaran:
            Names(persian: "مازندران", english: "Mazandaran",
                  capitalPersian: "ساری", capitalEnglish: "Sari")
        case .markazi:
            Names(persian: "مرکزی", english: "Markazi",
                  capitalPersian: "اراک", capitalEnglish: "Arak")
        case .hormozgan:
            Names(persian: "هرمزگان", english: "Hormozgan",
                  capitalPersian: "بندرعباس", capitalEnglish: "Bandar Abbas")
        case .hamadan:
            Names(persian: "همدان", english: "Hamadan",
                  capitalPersian: "همدان", capitalEnglish: "Hamadan",
                  aliases: ["Hamedan"])
        case .yazd:
            Names(persian: "یزد", english: "Yazd",
                  capitalPersian: "یزد", capitalEnglish: "Yazd")
        }
    }

    // MARK: - Matching

    private static let persianProvinceWord = matchKey("استان")
    private static let englishProvinceWord = matchKey("province")

    /// Every accepted spelling's key → province. Built once; the tests check that no key is
    /// claimed by two provinces.
    private static let index: [String: IranianProvince] = {
        var index: [String: IranianProvince] = [:]
        for province in allCases {
            for key in province.matchKeys { index[key] = province }
        }
        return index
    }()

    /// The comparison keys of every spelling this province accepts (internal for tests).
    var matchKeys: Set<String> {
        Set(([rawValue, names.persian, names.english] + names.aliases).map(Self.matchKey))
    }

    /// ``PersianText/compacted(_:)`` minus everything that is not a letter or digit, so
    /// `razavi_khorasan`, `Razavi-Khorasan` and `Razavi Khorasan` share one key.
    private static func matchKey(_ text: String) -> String {
        String(PersianText.compacted(text).unicodeScalars.filter {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
        })
    }
}
