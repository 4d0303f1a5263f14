import Foundation

/// When an organisation works: opening hours per weekday in its own time zone. Iranian offices
/// mostly work Saturday to Wednesday and Thursday mornings; Friday is the weekend.
public struct WorkingWeek: Codable, Sendable, Equatable {
    public enum Day: String, Codable, CaseIterable, Sendable {
        case saturday, sunday, monday, tuesday, wednesday, thursday, friday

        /// `Calendar`'s weekday number (1 = Sunday … 7 = Saturday).
        var calendarWeekday: Int {
            switch self {
            case .sunday: 1
            case .monday: 2
            case .tuesday: 3
            case .wednesday: 4
            case .thursday: 5
            case .friday: 6
            case .saturday: 7
            }
        }

        init(calendarWeekday: Int) {
            self = Self.allCases.first { $0.calendarWeekday == calendarWeekday }!
        }
    }

    /// Open from `start` to `end` on `day`, in minutes after midnight (`end` 1440 is midnight).
    public struct Span: Codable, Sendable, Equatable {
        public var day: Day
        public var start: Int
        public var end: Int

        public init(_ day: Day, _ start: Int, _ end: Int) {
            (self.day, self.start, self.end) = (day, start, end)
        }

        /// `"08:30"` → 510; nil unless `HH:MM` with a real time (`24:00` allowed as the day's end).
        public static func minutes(_ text: String) -> Int? {
            let parts = PersianText.toASCIIDigits(text).trimmingCharacters(in: .whitespaces).split(separator: ":")
            guard parts.count == 2, parts[1].count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
                  (0...24).contains(hours), (0...59).contains(minutes), hours * 60 + minutes <= 1440
            else { return nil }
            return hours * 60 + minutes
        }

        /// 510 → `"08:30"`.
        public static func text(_ minutes: Int) -> String {
            String(format: "%02d:%02d", minutes / 60, minutes % 60)
        }
    }

    /// As given; `sorted` orders them by day of the week and start.
    public private(set) var spans: [Span]

    public init(_ spans: [Span]) {
        self.spans = spans
    }

    public var sorted: [Span] { spans.sorted { ($0.day.order, $0.start) < ($1.day.order, $1.start) } }

    public init(from decoder: any Decoder) throws {
        self.init(try [Span](from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try spans.encode(to: encoder)
    }

    /// Saturday to Wednesday 8:00–17:00, Thursday 8:00–13:00.
    public static let iranianOffice = WorkingWeek(
        [Day.saturday, .sunday, .monday, .tuesday, .wednesday].map { Span($0, 8 * 60, 17 * 60) } + [Span(.thursday, 8 * 60, 13 * 60)])

    public func spans(on day: Day) -> [Span] { sorted.filter { $0.day == day } }

    public var hoursPerWeek: Double { Double(spans.reduce(0) { $0 + $1.end - $1.start }) / 60 }

    /// Each span that ends before it starts, leaves the day, or overlaps an earlier span of its
    /// day, by its index in `spans`.
    public var problems: [(index: Int, code: FieldErrorCode)] {
        var found: [(Int, FieldErrorCode)] = []
        for (index, span) in spans.enumerated() {
            let overlaps = spans[..<index].contains { $0.day == span.day && $0.start < span.end && span.start < $0.end }
            if span.start < 0 || span.end > 1440 || span.start >= span.end || overlaps { found.append((index, .outOfRange)) }
        }
        return found
    }
}

extension WorkingWeek.Day {
    /// Position in the Iranian week, which starts on Saturday.
    var order: Int { Self.allCases.firstIndex(of: self)! }
}
