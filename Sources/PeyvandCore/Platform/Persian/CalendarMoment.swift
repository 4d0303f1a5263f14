import Foundation

/// A day and time as people type it: `۱۴۰۵/۰۹/۰۳ ۱۰:۳۰`, `2026-11-24 10:30`, or a day alone (9:00).
public enum CalendarMoment {
    /// The moment in `zone`; nil when it is not a real day and time.
    public static func parse(_ text: String, in zone: TimeZone) -> Date? {
        let ascii = PersianText.toASCIIDigits(text).trimmingCharacters(in: .whitespaces)
        let pieces = ascii.split(separator: " ", maxSplits: 1).map(String.init)
        guard let first = pieces.first, let stored = CalendarDay.parse(first) else { return nil }
        let day = stored.split(separator: "-").compactMap { Int($0) }
        guard day.count == 3 else { return nil }
        var hour = 9, minute = 0
        if pieces.count == 2 {
            let clock = pieces[1].split(separator: ":").map { Int($0) }
            guard clock.count == 2, let h = clock[0], let m = clock[1], (0...23).contains(h), (0...59).contains(m) else { return nil }
            (hour, minute) = (h, m)
        }
        var local = Calendar(identifier: .gregorian)
        local.timeZone = zone
        return local.date(from: DateComponents(year: day[0], month: day[1], day: day[2], hour: hour, minute: minute))
    }
}
