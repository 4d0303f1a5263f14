import Foundation

/// Time that counts for service targets: the organisation's working hours, in its time zone,
/// less its holidays. Answers "when is N working hours after this moment" and "how many working
/// hours lie between two moments"; a clock that pauses (waiting on the customer) sums the
/// working time of the intervals it ran.
public struct BusinessCalendar: Sendable {
    public let week: WorkingWeek
    /// Closed days, stored form (`YYYY-MM-DD`, Gregorian).
    public let holidays: Set<String>
    public let timeZone: TimeZone

    /// How far ahead a due time is looked for: a week with no working hours at all, or years of
    /// holidays, would otherwise never end.
    static let horizonDays = 1_100

    public init(week: WorkingWeek, holidays: Set<String>, timeZone: TimeZone) {
        self.week = week
        self.holidays = holidays
        self.timeZone = timeZone
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The moment `duration` seconds of working time have passed since `start`; nil when the
    /// calendar has no working time within its horizon.
    public func adding(_ duration: TimeInterval, to start: Date) -> Date? {
        var left = duration
        for window in windows(from: start) {
            let available = window.end.timeIntervalSince(window.start)
            if left <= available { return window.start.addingTimeInterval(left) }
            left -= available
        }
        return nil
    }

    /// Working seconds between `start` and `end` (0 when `end` is not after `start`).
    public func workingTime(from start: Date, to end: Date) -> TimeInterval {
        guard end > start else { return 0 }
        var total: TimeInterval = 0
        for window in windows(from: start) {
            if window.start >= end { break }
            total += min(window.end, end).timeIntervalSince(window.start)
        }
        return total
    }

    /// Whether `moment` falls in working hours.
    public func isOpen(at moment: Date) -> Bool {
        var upcoming = windows(from: moment).makeIterator()
        return upcoming.next()?.start == moment
    }

    /// The working windows from `start` on, in order, clipped to begin no earlier than `start`.
    func windows(from start: Date) -> some Sequence<DateInterval> {
        let calendar = self.calendar
        let firstDay = calendar.startOfDay(for: start)
        let byDay = Dictionary(grouping: week.sorted, by: \.day)
        return (0..<Self.horizonDays).lazy.flatMap { offset -> [DateInterval] in
            guard let day = calendar.date(byAdding: .day, value: offset, to: firstDay) else { return [] }
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: day)
            let stored = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            guard !holidays.contains(stored), let spans = byDay[WorkingWeek.Day(calendarWeekday: parts.weekday!)] else { return [] }
            return spans.compactMap { span in
                // Hours are wall-clock times of that day (so a clock change moves them with it).
                guard let open = calendar.date(bySettingHour: span.start / 60, minute: span.start % 60, second: 0, of: day),
                      let close = span.end == 1440 ? calendar.date(byAdding: .day, value: 1, to: day)
                        : calendar.date(bySettingHour: span.end / 60, minute: span.end % 60, second: 0, of: day)
                else { return nil }
                let from = max(open, start)
                return from < close ? DateInterval(start: from, end: close) : nil
            }
        }
    }
}
