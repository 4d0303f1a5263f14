import Foundation
import PeyvandCore

/// How values read on a page in the reader's language: Persian digits and the Jalali calendar
/// in Persian, ASCII digits and the Gregorian calendar in English; times in the reader's zone.
struct Display: Sendable {
    var language: PeyvandCore.Language
    var timeZone: TimeZone = JalaliDate.tehranTimeZone
    /// How IRR amounts are shown (the organisation's setting).
    var moneyUnit: Money.Unit = .toman

    init(language: PeyvandCore.Language, timeZone: TimeZone = JalaliDate.tehranTimeZone, moneyUnit: Money.Unit = .toman) {
        self.language = language
        self.timeZone = timeZone
        self.moneyUnit = moneyUnit
    }

    init(_ context: RequestContext, moneyUnit: Money.Unit = .toman) {
        self.init(language: context.language, timeZone: context.timeZone, moneyUnit: moneyUnit)
    }

    var digits: PersianText.DigitStyle { language == .fa ? .persian : .ascii }

    func text(_ key: UIText) -> String { key.text(in: language) }

    /// `۱۲٬۳۴۵` / `12,345`.
    func number(_ value: Int) -> String {
        let grouped = Self.grouped(String(value.magnitude), separator: language == .fa ? "٬" : ",")
        return (value < 0 ? "-" : "") + PersianText.digits(grouped, digits)
    }

    func money(_ amountMinor: Int64, currency: String) -> String {
        Money(amountMinor: amountMinor, currency: currency).formatted(unit: moneyUnit, digits: digits)
    }

    /// A stored day (`2026-11-18`) for reading: `۲۷ آبان ۱۴۰۵` / `18 Nov 2026`.
    func day(_ stored: String?) -> String {
        guard let stored, let date = Self.noonUTC(stored) else { return "" }
        switch language {
        case .fa: return JalaliDate(date, in: Self.utc).formatted(digits: .persian, style: .long)
        case .en: return Self.englishDay(date, in: Self.utc)
        }
    }

    /// A stored day as a form shows it for editing: `۱۴۰۵/۰۸/۲۷` / `2026-11-18`; the server reads both.
    func dayInput(_ stored: String?) -> String {
        guard let stored, let date = Self.noonUTC(stored) else { return "" }
        return language == .fa ? JalaliDate(date, in: Self.utc).formatted(digits: .persian) : stored
    }

    /// An instant in the reader's zone: `۲۷ آبان ۱۴۰۵، ۱۴:۳۰` / `18 Nov 2026, 14:30`.
    func moment(_ date: Date?) -> String {
        guard let date else { return "" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let time = calendar.dateComponents([.hour, .minute], from: date)
        let clock = String(format: "%02d:%02d", time.hour ?? 0, time.minute ?? 0)
        switch language {
        case .fa:
            return JalaliDate(date, in: timeZone).formatted(digits: .persian, style: .long) + "، " + PersianText.toPersianDigits(clock)
        case .en:
            return Self.englishDay(date, in: timeZone) + ", " + clock
        }
    }

    /// An instant as a `datetime-local`-style form value in the reader's zone, Jalali in Persian:
    /// `۱۴۰۵/۰۸/۲۷ ۱۴:۳۰` / `2026-11-18 14:30`.
    func momentInput(_ date: Date?) -> String {
        guard let date else { return "" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let clock = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        switch language {
        case .fa: return JalaliDate(date, in: timeZone).formatted(digits: .persian) + " " + PersianText.toPersianDigits(clock)
        case .en: return String(format: "%04d-%02d-%02d ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0) + clock
        }
    }

    /// Reads what `momentInput` writes (either calendar, either digits; time optional) in the
    /// reader's zone; nil when it is not a real day and time.
    func parseMoment(_ text: String) -> Date? {
        CalendarMoment.parse(text, in: timeZone)
    }

    static func grouped(_ digits: String, separator: String) -> String {
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += separator }
            result.append(character)
        }
        return result
    }

    private static let utc = TimeZone(identifier: "UTC")!

    private static func englishDay(_ date: Date, in timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = timeZone
        formatter.dateFormat = "d MMM yyyy"
        return formatter.string(from: date)
    }

    private static func noonUTC(_ stored: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: stored).map { $0.addingTimeInterval(12 * 3600) }
    }
}
