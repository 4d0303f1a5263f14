import Foundation
@testable import PeyvandCore
import Testing

/// Working time in the organisation's hours: Saturday–Wednesday 8–17, Thursday 8–13, in Tehran.
@Suite("Business calendar")
struct BusinessCalendarTests {
    func at(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Date { november2026(day, hour, minute) }

    func calendar(holidays: Set<String> = []) -> BusinessCalendar {
        BusinessCalendar(week: .iranianOffice, holidays: holidays, timeZone: tehran)
    }

    let hour: TimeInterval = 3600

    @Test func a_target_runs_through_thursday_morning_over_the_friday_weekend() {
        // Wednesday 25 Nov 16:00 + 4 h: 1 h on Wednesday, 3 h on Thursday morning.
        #expect(calendar().adding(4 * hour, to: at(25, 16)) == at(26, 11))
        // Thursday 12:00 + 2 h: 1 h on Thursday, Friday closed, 1 h on Saturday.
        #expect(calendar().adding(2 * hour, to: at(26, 12)) == at(28, 9))
        // Started out of hours (Friday night): the clock starts on Saturday morning.
        #expect(calendar().adding(30 * 60, to: at(27, 22)) == at(28, 8, 30))
    }

    @Test func a_holiday_is_skipped_like_a_weekend() {
        // Saturday 28 Nov is declared a holiday: Thursday 12:00 + 2 h lands on Sunday 9:00.
        #expect(calendar(holidays: ["2026-11-28"]).adding(2 * hour, to: at(26, 12)) == at(29, 9))
        #expect(!calendar(holidays: ["2026-11-28"]).isOpen(at: at(28, 10)))
        #expect(calendar().isOpen(at: at(28, 10)))
    }

    @Test func working_time_between_two_moments_counts_only_open_hours() {
        // Wednesday 16:00 → Saturday 10:00: 1 + 5 + 0 + 2 hours.
        #expect(calendar().workingTime(from: at(25, 16), to: at(28, 10)) == 8 * hour)
        #expect(calendar(holidays: ["2026-11-26"]).workingTime(from: at(25, 16), to: at(28, 10)) == 3 * hour)
        #expect(calendar().workingTime(from: at(28, 10), to: at(25, 16)) == 0)
        // Adding and measuring agree.
        let due = calendar().adding(13.5 * hour, to: at(24, 9, 15))!
        #expect(calendar().workingTime(from: at(24, 9, 15), to: due) == 13.5 * hour)
    }

    @Test func a_week_without_hours_has_no_due_time_and_bad_spans_are_reported() {
        #expect(BusinessCalendar(week: WorkingWeek([]), holidays: [], timeZone: tehran).adding(hour, to: at(25, 9)) == nil)
        let week = WorkingWeek([.init(.sunday, 9 * 60, 8 * 60), .init(.monday, 8 * 60, 12 * 60), .init(.monday, 11 * 60, 15 * 60),
                                .init(.tuesday, 8 * 60, 1441)])
        #expect(week.problems.map(\.index) == [0, 2, 3])
        #expect(WorkingWeek.iranianOffice.problems.isEmpty)
        #expect(WorkingWeek.iranianOffice.hoursPerWeek == 50)
        #expect(WorkingWeek.Span.minutes("۰۸:۳۰") == 510 && WorkingWeek.Span.minutes("24:00") == 1440)
        #expect(WorkingWeek.Span.minutes("8") == nil && WorkingWeek.Span.minutes("25:00") == nil && WorkingWeek.Span.minutes("10:60") == nil)
    }
}
