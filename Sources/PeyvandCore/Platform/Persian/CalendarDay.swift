import Foundation

/// A calendar day (no time, no zone) as stored: Gregorian `YYYY-MM-DD`, which sorts and compares
/// as text on both databases. Input may be in either calendar: a year before 1700 is Jalali.
public enum CalendarDay {
    /// `"2024-08-02"`, `"2024/8/2"`, `"1403/05/12"`, `"۱۴۰۳-۰۵-۱۲"` → `"2024-08-02"`; nil when not a real day.
    public static func parse(_ text: String) -> String? {
        let ascii = PersianText.toASCIIDigits(text).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let year = Int(ascii.prefix(4)), ascii.count >= 8 else { return nil }
        if year < 1700 {
            guard let jalali = try? JalaliDate(parsing: ascii) else { return nil }
            let gregorian = jalali.gregorianComponents()
            return String(format: "%04d-%02d-%02d", gregorian.year!, gregorian.month!, gregorian.day!)
        }
        let fields = ascii.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
        guard fields.count == 3, fields[0].count == 4, (1...2).contains(fields[1].count), (1...2).contains(fields[2].count),
              let month = Int(fields[1]), let day = Int(fields[2])
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// The instant `day` (stored form) begins in `timeZone`; `offset` days later when given.
    public static func start(of day: String, in timeZone: TimeZone, addingDays offset: Int = 0) -> Date? {
        let fields = day.split(separator: "-").compactMap { Int($0) }
        guard fields.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: fields[0], month: fields[1], day: fields[2] + offset))
    }
}
