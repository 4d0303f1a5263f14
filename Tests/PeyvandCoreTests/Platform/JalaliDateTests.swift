import Foundation
import Testing
@testable import PeyvandCore

@Suite("JalaliDate")
struct JalaliDateTests {
    static let tehran = JalaliDate.tehranTimeZone
    static let utc = TimeZone(identifier: "UTC")!

    static func jalali(_ y: Int, _ m: Int, _ d: Int) -> JalaliDate {
        JalaliDate(year: y, month: m, day: d)!
    }

    static func instant(_ iso: String) -> Date {
        try! Date(iso, strategy: .iso8601)
    }

    // MARK: Known pairs

    @Test("known Jalali ↔ Gregorian pairs", arguments: [
        (1403, 1, 1, 2024, 3, 20),
        (1404, 1, 1, 2025, 3, 21),
        (1405, 1, 1, 2026, 3, 21),
        (1403, 12, 30, 2025, 3, 20),
        (1399, 12, 30, 2021, 3, 20),
        (1400, 1, 1, 2021, 3, 21),
        (1402, 12, 29, 2024, 3, 19),
        (1402, 12, 10, 2024, 2, 29),
        (1367, 11, 22, 1989, 2, 11),
        (1405, 8, 27, 2026, 11, 18),
        (1357, 11, 22, 1979, 2, 11),
        (1404, 6, 31, 2025, 9, 22),
        (1404, 7, 1, 2025, 9, 23),
    ])
    func knownPairs(jy: Int, jm: Int, jd: Int, gy: Int, gm: Int, gd: Int) throws {
        let date = try #require(JalaliDate(year: jy, month: jm, day: jd))
        let g = date.gregorianComponents()
        #expect([g.year, g.month, g.day] == [gy, gm, gd])
        #expect(JalaliDate(gregorianYear: gy, month: gm, day: gd) == date)
    }

    @Test("1 Farvardin starts at local midnight in Tehran, not in UTC")
    func timeZoneDecidesTheDay() {
        let lastSecondOf1402 = Self.instant("2024-03-19T20:29:59Z")
        let firstSecondOf1403 = Self.instant("2024-03-19T20:30:00Z")
        #expect(JalaliDate(lastSecondOf1402) == Self.jalali(1402, 12, 29))
        #expect(JalaliDate(firstSecondOf1403, in: Self.tehran) == Self.jalali(1403, 1, 1))
        #expect(JalaliDate(firstSecondOf1403, in: Self.utc) == Self.jalali(1402, 12, 29))
        #expect(Self.jalali(1403, 1, 1).date() == firstSecondOf1403)
        #expect(Self.jalali(1403, 1, 1).date(in: Self.utc) == Self.instant("2024-03-20T00:00:00Z"))
    }

    @Test("year(of:in:) gives the document-numbering year", arguments: [
        ("2026-03-20T20:29:59Z", TimeZone(identifier: "Asia/Tehran")!, 1404),
        ("2026-03-20T20:30:00Z", TimeZone(identifier: "Asia/Tehran")!, 1405),
        ("2026-03-20T20:30:00Z", TimeZone(identifier: "UTC")!, 1404),
        ("2026-11-18T12:00:00Z", TimeZone(identifier: "Asia/Tehran")!, 1405),
        ("1979-02-11T08:00:00Z", TimeZone(identifier: "Asia/Tehran")!, 1357),
    ])
    func yearOfDate(iso: String, zone: TimeZone, year: Int) {
        #expect(JalaliDate.year(of: Self.instant(iso), in: zone) == year)
    }

    // MARK: Calendar rules

    @Test("leap years have Esfand 30", arguments: [
        (1370, true), (1375, true), (1379, true), (1383, true), (1387, true), (1391, true),
        (1395, true), (1399, true), (1403, true), (1408, true), (1412, true),
        (1398, false), (1400, false), (1401, false), (1402, false), (1404, false),
        (1405, false), (1406, false), (1407, false),
    ])
    func leapYears(year: Int, isLeap: Bool) {
        #expect(JalaliDate.isLeapYear(year) == isLeap)
        #expect(JalaliDate.daysInMonth(12, year: year) == (isLeap ? 30 : 29))
        #expect((JalaliDate(year: year, month: 12, day: 30) != nil) == isLeap)
    }

    @Test("month lengths", arguments: Array(1...12))
    func monthLengths(month: Int) {
        let expected = month <= 6 ? 31 : month <= 11 ? 30 : 29
        #expect(JalaliDate.daysInMonth(month, year: 1404) == expected)
    }

    @Test("invalid components are rejected", arguments: [
        (1404, 12, 30), (1403, 12, 31), (1404, 0, 1), (1404, 13, 1), (1404, 1, 0),
        (1404, 1, 32), (1404, 7, 31), (0, 1, 1), (10_000, 1, 1), (-5, 1, 1),
    ])
    func invalidComponents(y: Int, m: Int, d: Int) {
        #expect(JalaliDate(year: y, month: m, day: d) == nil)
    }

    @Test("invalid Gregorian days are rejected", arguments: [
        (2023, 2, 29), (2024, 4, 31), (2024, 13, 1), (2024, 0, 10), (2024, 1, 0), (600, 1, 1),
    ])
    func invalidGregorian(y: Int, m: Int, d: Int) {
        #expect(JalaliDate(gregorianYear: y, month: m, day: d) == nil)
    }

    // MARK: Round trips

    @Test("every day of 1399–1406 converts to Gregorian and back, consecutively",
          arguments: Array(1399...1406))
    func everyDayRoundTrips(year: Int) throws {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = Self.utc
        var previous: (jalali: JalaliDate, gregorian: Date)?
        var count = 0
        for month in 1...12 {
            for day in 1...JalaliDate.daysInMonth(month, year: year) {
                let date = try #require(JalaliDate(year: year, month: month, day: day))
                let g = date.gregorianComponents()
                #expect(JalaliDate(gregorianYear: g.year!, month: g.month!, day: g.day!) == date)
                for zone in [Self.tehran, Self.utc] {
                    #expect(JalaliDate(date.date(in: zone), in: zone) == date)
                }
                let gDate = try #require(gregorian.date(from: g))
                if let previous {
                    #expect(previous.jalali.adding(days: 1) == date)
                    #expect(previous.jalali < date)
                    #expect(date.days(since: previous.jalali) == 1)
                    #expect(gregorian.date(byAdding: .day, value: 1, to: previous.gregorian) == gDate)
                }
                previous = (date, gDate)
                count += 1
                #expect(date.dayOfYear == count)
            }
        }
        #expect(count == (JalaliDate.isLeapYear(year) ? 366 : 365))
        #expect(previous?.jalali.adding(days: 1) == JalaliDate(year: year + 1, month: 1, day: 1))
    }

    @Test("agrees with Foundation's Persian calendar on every day of each decade",
          arguments: Array(stride(from: 1300, to: 1500, by: 10)))
    func agreesWithFoundation(decadeStart: Int) throws {
        var persian = Calendar(identifier: .persian)
        persian.timeZone = Self.utc
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = Self.utc
        var date = Self.jalali(decadeStart, 1, 1)
        var instant = date.date(in: Self.utc)
        var days = 0
        while date.year < decadeStart + 10 {
            days += 1
            let p = persian.dateComponents([.year, .month, .day], from: instant)
            #expect([p.year, p.month, p.day] == [date.year, date.month, date.day], "\(date)")
            date = date.adding(days: 1)
            instant = try #require(gregorian.date(byAdding: .day, value: 1, to: instant))
        }
        #expect((3_652...3_653).contains(days))  // 10 years with 2 or 3 leap days
    }

    @Test("adding and counting days", arguments: [
        ((1403, 12, 30), 1, (1404, 1, 1)),
        ((1404, 1, 1), -1, (1403, 12, 30)),
        ((1404, 12, 29), 1, (1405, 1, 1)),
        ((1404, 6, 31), 1, (1404, 7, 1)),
        ((1404, 1, 1), 365, (1405, 1, 1)),
        ((1403, 1, 1), 366, (1404, 1, 1)),
        ((1405, 8, 27), 0, (1405, 8, 27)),
    ])
    func addingDays(from: (Int, Int, Int), days: Int, to: (Int, Int, Int)) {
        let start = Self.jalali(from.0, from.1, from.2)
        let end = Self.jalali(to.0, to.1, to.2)
        #expect(start.adding(days: days) == end)
        #expect(end.days(since: start) == days)
    }

    @Test("ordering is chronological")
    func ordering() {
        let dates = [Self.jalali(1404, 1, 1), Self.jalali(1403, 12, 30), Self.jalali(1403, 2, 1),
                     Self.jalali(1403, 1, 31)]
        #expect(dates.sorted() == [Self.jalali(1403, 1, 31), Self.jalali(1403, 2, 1),
                                   Self.jalali(1403, 12, 30), Self.jalali(1404, 1, 1)])
    }

    // MARK: Parsing

    @Test("parses numeric forms in any digits and separators", arguments: [
        ("1403/05/12", 1403, 5, 12),
        ("۱۴۰۳/۰۵/۱۲", 1403, 5, 12),
        ("١٤٠٣/٠٥/١٢", 1403, 5, 12),
        ("1403-5-12", 1403, 5, 12),
        ("1403.05.12", 1403, 5, 12),
        ("  1403/1/1 ", 1403, 1, 1),
        ("1403/12/30", 1403, 12, 30),
        ("1399/12/30", 1399, 12, 30),
    ])
    func parsesValid(input: String, y: Int, m: Int, d: Int) throws {
        #expect(try JalaliDate(parsing: input) == Self.jalali(y, m, d))
    }

    @Test("rejects malformed or impossible dates with the reason", arguments: [
        ("", JalaliDate.ParseError.malformed),
        ("1403", .malformed),
        ("1403/05", .malformed),
        ("1403/05/12/1", .malformed),
        ("03/05/12", .malformed),
        ("12/05/1403", .malformed),
        ("1403/005/12", .malformed),
        ("1403/05-12", .malformed),
        ("1403//12", .malformed),
        ("1403 05 12", .malformed),
        ("1403/a5/12", .malformed),
        ("1403/+5/12", .malformed),
        ("0000/01/01", .yearOutOfRange(0)),
        ("1403/13/01", .monthOutOfRange(13)),
        ("1403/00/10", .monthOutOfRange(0)),
        ("1404/12/30", .dayOutOfRange(day: 30, daysInMonth: 29)),
        ("1403/07/31", .dayOutOfRange(day: 31, daysInMonth: 30)),
        ("1403/01/00", .dayOutOfRange(day: 0, daysInMonth: 31)),
        ("1403/01/32", .dayOutOfRange(day: 32, daysInMonth: 31)),
    ])
    func rejectsInvalid(input: String, error: JalaliDate.ParseError) {
        #expect(throws: error) { try JalaliDate(parsing: input) }
    }

    // MARK: Formatting

    @Test("formats in every style and digit system", arguments: [
        (1403, 5, 12, PersianText.DigitStyle.persian, JalaliDate.Style.numeric, "۱۴۰۳/۰۵/۱۲"),
        (1403, 5, 12, .ascii, .numeric, "1403/05/12"),
        (1403, 5, 12, .persian, .long, "۱۲ مرداد ۱۴۰۳"),
        (1403, 5, 12, .ascii, .long, "12 مرداد 1403"),
        (1403, 5, 12, .ascii, .longTransliterated, "12 Mordad 1403"),
        (1405, 1, 1, .persian, .long, "۱ فروردین ۱۴۰۵"),
        (1403, 12, 30, .persian, .numeric, "۱۴۰۳/۱۲/۳۰"),
        (1403, 12, 30, .ascii, .longTransliterated, "30 Esfand 1403"),
        (999, 1, 2, .ascii, .numeric, "0999/01/02"),
    ])
    func formats(y: Int, m: Int, d: Int, digits: PersianText.DigitStyle, style: JalaliDate.Style,
                 expected: String) {
        #expect(Self.jalali(y, m, d).formatted(digits: digits, style: style) == expected)
    }

    @Test("month names, in order", arguments: Array(1...12))
    func monthNames(month: Int) {
        let persian = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
                       "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"]
        let english = ["Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
                       "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand"]
        let date = Self.jalali(1404, month, 1)
        #expect(date.monthName == persian[month - 1])
        #expect(JalaliDate.englishMonthNames[month - 1] == english[month - 1])
    }

    @Test("formatted output parses back to the same date", arguments: [
        (1403, 5, 12), (1399, 12, 30), (1, 1, 1), (1405, 8, 27),
    ])
    func formatParseRoundTrip(y: Int, m: Int, d: Int) throws {
        let date = Self.jalali(y, m, d)
        for digits in PersianText.DigitStyle.allCases {
            #expect(try JalaliDate(parsing: date.formatted(digits: digits, style: .numeric)) == date)
        }
    }

    @Test("Codable uses the ASCII numeric string")
    func codable() throws {
        let data = try JSONEncoder().encode([Self.jalali(1403, 5, 12)])
        #expect(String(decoding: data, as: UTF8.self) == #"["1403\/05\/12"]"#)
        let decoded = try JSONDecoder().decode([JalaliDate].self, from: Data(#"["۱۴۰۳-۵-۱۲"]"#.utf8))
        #expect(decoded == [Self.jalali(1403, 5, 12)])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([JalaliDate].self, from: Data(#"["1404/12/30"]"#.utf8))
        }
    }
}
