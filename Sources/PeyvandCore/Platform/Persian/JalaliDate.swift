import Foundation

/// A calendar day in the Solar Hijri (Jalali / Persian) calendar, Iran's official calendar.
///
/// Months 1–6 have 31 days, months 7–11 have 30, and Esfand (12) has 29 days, or 30 in a leap
/// year. Leap years follow the 33-year arithmetic rule — a year `y` is leap when
/// `(25·y + 11) mod 33 < 8` — which is the rule ICU (and therefore Foundation's
/// `Calendar(identifier: .persian)`) uses. It matches the official (astronomical) calendar
/// for the years a CRM deals with — including the 1403/1404 boundary, where the older
/// 2820-year "Birashk" rule wrongly makes 1404 the leap year. The tests check known dates and
/// every day of 1300–1499 against Foundation. Dates far in the past are proleptic.
///
/// Conversion goes through Julian Day Numbers and is implemented here rather than delegated
/// to `Calendar(identifier: .persian)`, so results do not depend on the ICU version shipped
/// with a platform; the tests cross-check both.
///
/// A `JalaliDate` is a *day*, not an instant: converting from a `Date` needs a time zone
/// (default ``tehranTimeZone``), because 23:30 UTC on 20 March is already the next day in Tehran.
public struct JalaliDate: Sendable, Hashable, Comparable {
    public let year: Int
    /// 1 (Farvardin) … 12 (Esfand).
    public let month: Int
    /// 1 … ``daysInMonth(_:year:)``.
    public let day: Int

    /// The years this type accepts. The upper bound only keeps the day arithmetic far from
    /// integer overflow and four-digit formatting valid.
    public static let supportedYears: ClosedRange<Int> = 1...9999

    /// Persian month names, index 0 = Farvardin.
    public static let persianMonthNames: [String] = [
        "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
        "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
    ]

    /// English transliterations of the month names, index 0 = Farvardin.
    public static let englishMonthNames: [String] = [
        "Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
        "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand",
    ]

    /// `Asia/Tehran`; if the host lacks tz data, a fixed UTC+03:30 (Iran abolished DST in 2022,
    /// so the fallback is only wrong for summer instants before then).
    public static let tehranTimeZone: TimeZone =
        TimeZone(identifier: "Asia/Tehran") ?? TimeZone(secondsFromGMT: 12_600)!

    // MARK: - Creating

    /// A validated date; `nil` if the month is not 1…12, the day does not exist in that month
    /// (e.g. Esfand 30 of a common year), or the year is outside ``supportedYears``.
    public init?(year: Int, month: Int, day: Int) {
        guard Self.supportedYears.contains(year), (1...12).contains(month),
              (1...Self.daysInMonth(month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The Jalali day on which `date` falls in `timeZone`.
    public init(_ date: Date, in timeZone: TimeZone = JalaliDate.tehranTimeZone) {
        let parts = Self.gregorianCalendar(timeZone).dateComponents([.year, .month, .day], from: date)
        self.init(julianDay: Self.julianDay(gregorianYear: parts.year!, month: parts.month!, day: parts.day!))
    }

    /// The Jalali date of a (proleptic) Gregorian calendar day; `nil` if that day is invalid.
    public init?(gregorianYear year: Int, month: Int, day: Int) {
        // The year bound only keeps the arithmetic away from overflow; the result's Jalali
        // year is checked against `supportedYears` below.
        guard (1...12).contains(month), (1...31).contains(day), (1...20_000).contains(year)
        else { return nil }
        let jdn = Self.julianDay(gregorianYear: year, month: month, day: day)
        // Reject 31 April etc.: the day number would silently roll into the next month.
        let back = Self.gregorian(julianDay: jdn)
        guard back.month == month, back.day == day else { return nil }
        let converted = JalaliDate(julianDay: jdn)
        guard Self.supportedYears.contains(converted.year) else { return nil }
        self = converted
    }

    /// The Jalali year in which `date` falls in `timeZone`; e.g. for document numbers
    /// such as `Q-1405-000123`.
    public static func year(of date: Date, in timeZone: TimeZone = JalaliDate.tehranTimeZone) -> Int {
        JalaliDate(date, in: timeZone).year
    }

    // MARK: - Converting

    /// The instant at which this day starts in `timeZone`.
    ///
    /// Computed as the start of the day containing local noon rather than as "local 00:00",
    /// because Iran's historical DST switched at midnight, so 00:00 did not exist on some days.
    public func date(in timeZone: TimeZone = JalaliDate.tehranTimeZone) -> Date {
        let calendar = Self.gregorianCalendar(timeZone)
        var parts = gregorianComponents()
        parts.hour = 12
        return calendar.startOfDay(for: calendar.date(from: parts)!)
    }

    /// The same day in the Gregorian calendar (`year`, `month`, `day` set; `calendar` is
    /// Gregorian without a time zone).
    public func gregorianComponents() -> DateComponents {
        let g = Self.gregorian(julianDay: julianDay)
        return DateComponents(calendar: Calendar(identifier: .gregorian),
                              year: g.year, month: g.month, day: g.day)
    }

    /// The date `days` days later (earlier if negative).
    public func adding(days: Int) -> JalaliDate {
        JalaliDate(julianDay: julianDay + days)
    }

    /// Whole days from `other` to `self` (positive if `self` is later).
    public func days(since other: JalaliDate) -> Int {
        julianDay - other.julianDay
    }

    /// Day within the year, 1 (1 Farvardin) … 365/366.
    public var dayOfYear: Int { Self.daysBeforeMonth(month) + day }

    // MARK: - Parsing

    /// Why a string is not a valid Jalali date.
    public enum ParseError: Error, Sendable, Hashable {
        /// Not `YYYY/M/D` with one consistent separator (`/`, `-` or `.`) and a 4-digit year.
        case malformed
        case yearOutOfRange(Int)
        case monthOutOfRange(Int)
        case dayOutOfRange(day: Int, daysInMonth: Int)
    }

    /// Parses `"1403/05/12"`, `"۱۴۰۳/۰۵/۱۲"`, `"1403-5-12"`, `"1403.05.12"`.
    ///
    /// Year first, always four digits (two-digit years are ambiguous across centuries);
    /// month and day one or two digits. Digits may be ASCII, Persian or Arabic-Indic.
    public init(parsing input: String) throws(ParseError) {
        let text = PersianText.toASCIIDigits(input).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let separator = text.first(where: { !$0.isASCII || !$0.isNumber }),
              "/-.".contains(separator) else { throw .malformed }
        let fields = text.split(separator: separator, omittingEmptySubsequences: false)
        guard fields.count == 3,
              fields[0].count == 4, (1...2).contains(fields[1].count), (1...2).contains(fields[2].count),
              fields.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(fields[0]), let m = Int(fields[1]), let d = Int(fields[2])
        else { throw .malformed }
        guard Self.supportedYears.contains(y) else { throw .yearOutOfRange(y) }
        guard (1...12).contains(m) else { throw .monthOutOfRange(m) }
        let length = Self.daysInMonth(m, year: y)
        guard (1...length).contains(d) else { throw .dayOutOfRange(day: d, daysInMonth: length) }
        self.year = y
        self.month = m
        self.day = d
    }

    // MARK: - Formatting

    public enum Style: Sendable, Hashable, CaseIterable {
        /// `1403/05/12` — zero-padded, year first.
        case numeric
        /// `12 مرداد 1403` — Persian month name.
        case long
        /// `12 Mordad 1403` — transliterated month name.
        case longTransliterated
    }

    /// E.g. `"۱۴۰۳/۰۵/۱۲"` (numeric) or `"۱۲ مرداد ۱۴۰۳"` (long).
    public func formatted(digits: PersianText.DigitStyle = .persian, style: Style = .numeric) -> String {
        let text = switch style {
        case .numeric: "\(Self.pad(year, 4))/\(Self.pad(month, 2))/\(Self.pad(day, 2))"
        case .long: "\(day) \(monthName) \(year)"
        case .longTransliterated: "\(day) \(Self.englishMonthNames[month - 1]) \(year)"
        }
        return PersianText.digits(text, digits)
    }

    /// The Persian name of this date's month.
    public var monthName: String { Self.persianMonthNames[month - 1] }

    // MARK: - Calendar rules

    /// Whether Esfand of `year` has 30 days (33-year rule, see the type documentation).
    public static func isLeapYear(_ year: Int) -> Bool {
        floorMod(25 * year + 11, 33) < 8
    }

    /// Number of days in `month` (1…12) of `year`.
    public static func daysInMonth(_ month: Int, year: Int) -> Int {
        precondition((1...12).contains(month), "month must be 1…12")
        switch month {
        case 1...6: return 31
        case 7...11: return 30
        default: return isLeapYear(year) ? 30 : 29
        }
    }

    public static func < (lhs: JalaliDate, rhs: JalaliDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // MARK: - Julian Day Number arithmetic

    /// JDN of 1 Farvardin 1 AP (22 March 622, proleptic Gregorian).
    private static let epoch = 1_948_320

    /// Days from 1 Farvardin of the year to the first of `month`.
    private static func daysBeforeMonth(_ month: Int) -> Int {
        month <= 7 ? 31 * (month - 1) : 30 * (month - 1) + 6
    }

    /// Days from the epoch to 1 Farvardin of `year`; `floor((8y + 21) / 33)` counts the leap
    /// years before `year` under the 33-year rule.
    private static func daysBeforeYear(_ year: Int) -> Int {
        365 * (year - 1) + floorDiv(8 * year + 21, 33)
    }

    var julianDay: Int {
        Self.epoch + Self.daysBeforeYear(year) + Self.daysBeforeMonth(month) + day - 1
    }

    private init(julianDay: Int) {
        let sinceEpoch = julianDay - Self.epoch
        let y = 1 + Self.floorDiv(33 * sinceEpoch + 3, 12_053)
        let dayInYear = sinceEpoch - Self.daysBeforeYear(y)  // 0-based
        let m = (dayInYear < 186 ? dayInYear / 31 : (dayInYear - 6) / 30) + 1
        year = y
        month = m
        day = dayInYear - Self.daysBeforeMonth(m) + 1
    }

    /// Proleptic Gregorian → JDN (Fliegel & Van Flandern).
    private static func julianDay(gregorianYear year: Int, month: Int, day: Int) -> Int {
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32_045
    }

    /// JDN → proleptic Gregorian (Richards' algorithm).
    private static func gregorian(julianDay jdn: Int) -> (year: Int, month: Int, day: Int) {
        let a = jdn + 32_044
        let b = (4 * a + 3) / 146_097
        let c = a - 146_097 * b / 4
        let d = (4 * c + 3) / 1_461
        let e = c - 1_461 * d / 4
        let m = (5 * e + 2) / 153
        return (100 * b + d - 4_800 + m / 10, m + 3 - 12 * (m / 10), e - (153 * m + 2) / 5 + 1)
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    private static func floorMod(_ a: Int, _ b: Int) -> Int { a - b * floorDiv(a, b) }

    private static func gregorianCalendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension JalaliDate: CustomStringConvertible {
    /// ASCII numeric form, `1403/05/12`.
    public var description: String { formatted(digits: .ascii, style: .numeric) }
}

/// Encoded as the ASCII numeric string `"1403/05/12"`; decoding accepts anything
/// ``init(parsing:)`` accepts.
extension JalaliDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do {
            self = try JalaliDate(parsing: raw)
        } catch {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Not a Jalali date (\(error)): \(raw)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
