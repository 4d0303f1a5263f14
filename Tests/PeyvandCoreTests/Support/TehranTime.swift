import Foundation

let tehran = TimeZone(identifier: "Asia/Tehran")!

/// A wall-clock time in Tehran (UTC+3:30) on a day of November 2026, whose 25th is a Wednesday,
/// 26th a Thursday, 27th a Friday and 28th a Saturday.
func november2026(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = tehran
    return calendar.date(from: DateComponents(year: 2026, month: 11, day: day, hour: hour, minute: minute))!
}
