import Foundation
@testable import PeyvandCore
import Testing

/// Service-level clocks in working time (Saturday–Wednesday 8–17, Thursday 8–13, Tehran), over
/// weekends, holidays and pauses while the case waits on the customer. The clock is read at
/// fixed moments: no sleeping.
@Suite("SLA clocks")
struct SLAClockTests {
    let hour: TimeInterval = 3600

    func at(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Date { november2026(day, hour, minute) }

    func calendar(holidays: Set<String> = []) -> BusinessCalendar {
        BusinessCalendar(week: .iranianOffice, holidays: holidays, timeZone: tehran)
    }

    @Test func an_eight_hour_target_opened_on_wednesday_afternoon_falls_due_on_saturday_over_the_weekend_and_a_holiday() {
        // Wednesday 25 Nov 15:00 + 8 working hours: 2 (Wed) + 5 (Thu morning) + 1 (Sat) = Saturday 9:00.
        let facts = SLAClock.Facts(startedAt: at(25, 15), target: 8 * hour)
        let onFriday = SLAClock(facts, now: at(27, 20), calendar: calendar(), warningMargin: 2 * hour)
        #expect(onFriday.dueAt == at(28, 9))
        #expect(onFriday.used == 7 * hour)
        #expect(onFriday.state == .atRisk)
        // With Saturday a holiday the target moves to Sunday 9:00; on the holiday an hour is still left.
        let withHoliday = SLAClock(facts, now: at(28, 12), calendar: calendar(holidays: ["2026-11-28"]), warningMargin: 30 * 60)
        #expect(withHoliday.dueAt == at(29, 9))
        #expect(withHoliday.state == .running)
        // Sunday 9:30 without the holiday: due Saturday 9:00, now 9.5 working hours over.
        let late = SLAClock(facts, now: at(29, 9, 30), calendar: calendar(), warningMargin: 0)
        #expect(late.state == .breached)
        #expect(late.remaining == -(9.5 * hour))
    }

    @Test func waiting_on_the_customer_stops_the_clock_and_moves_the_due_time() {
        // Opened Saturday 28 Nov 8:00 with a 4 h target; waits on the customer from 10:00 to Sunday 10:00 (9 working hours).
        let calendar = calendar()
        var facts = SLAClock.Facts(startedAt: at(28, 8), target: 4 * hour, pausedSince: at(28, 10))
        let paused = SLAClock(facts, now: at(29, 9), calendar: calendar, warningMargin: hour)
        #expect(paused.state == .paused && paused.dueAt == nil && paused.used == 2 * hour)

        facts.pausedWorkingTime = SLAClock.pause(from: at(28, 10), to: at(29, 10), calendar: calendar)
        facts.pausedSince = nil
        #expect(facts.pausedWorkingTime == 9 * hour)
        let resumed = SLAClock(facts, now: at(29, 11), calendar: calendar, warningMargin: hour)
        #expect(resumed.used == 3 * hour)
        #expect(resumed.dueAt == at(29, 12))
        #expect(resumed.state == .atRisk)
    }

    @Test func a_target_met_in_time_or_late_says_so_and_stops_counting() {
        let facts = SLAClock.Facts(startedAt: at(24, 9), target: 2 * hour, metAt: at(24, 10, 30))
        let met = SLAClock(facts, now: at(30, 9), calendar: calendar(), warningMargin: hour)
        #expect(met.state == .met && met.used == 1.5 * hour)
        let late = SLAClock(SLAClock.Facts(startedAt: at(24, 9), target: 2 * hour, metAt: at(25, 9)), now: at(30, 9),
                            calendar: calendar(), warningMargin: hour)
        #expect(late.state == .metLate && late.dueAt == at(24, 11))
    }
}
