import Foundation

/// One service-level target of a case (first response or resolution), counted in the
/// organisation's working time: it starts when the case is opened, stops while the case waits on
/// the customer, and ends when the target is met. Everything is derived from a few stored facts,
/// so a clock read at any moment (a page, a job, a test with a fixed clock) gives the same answer.
public struct SLAClock: Sendable, Equatable {
    public enum State: String, Codable, Sendable {
        /// Counting, with more than the warning margin left.
        case running
        /// Counting, with the warning margin or less left.
        case atRisk = "at_risk"
        /// Stopped while the case waits on the customer.
        case paused
        /// Past its due time and not met.
        case breached
        /// Met in time.
        case met
        /// Met, but after its due time.
        case metLate = "met_late"
    }

    public let state: State
    /// Working time the target allows.
    public let target: TimeInterval
    /// Working time used so far (pauses left out); at most up to `metAt` when met.
    public let used: TimeInterval
    /// When the target falls (or fell) due; nil while paused, since it moves when the case resumes.
    public let dueAt: Date?

    /// Working time left; negative once breached.
    public var remaining: TimeInterval { target - used }

    /// What is stored about the case for this target.
    public struct Facts: Sendable {
        public var startedAt: Date
        public var target: TimeInterval
        /// Working time of the pauses that have ended.
        public var pausedWorkingTime: TimeInterval
        /// Set while the case waits on the customer.
        public var pausedSince: Date?
        /// When the target was met (first public reply; resolution).
        public var metAt: Date?

        public init(startedAt: Date, target: TimeInterval, pausedWorkingTime: TimeInterval = 0, pausedSince: Date? = nil, metAt: Date? = nil) {
            (self.startedAt, self.target, self.pausedWorkingTime, self.pausedSince, self.metAt) = (startedAt, target, pausedWorkingTime, pausedSince, metAt)
        }
    }

    /// The clock at `now`. `warningMargin`: how much working time left counts as at risk.
    public init(_ facts: Facts, now: Date, calendar: BusinessCalendar, warningMargin: TimeInterval) {
        let end = facts.metAt ?? facts.pausedSince ?? now
        let used = max(0, calendar.workingTime(from: facts.startedAt, to: end) - facts.pausedWorkingTime)
        let due = calendar.adding(facts.target + facts.pausedWorkingTime, to: facts.startedAt)
        self.target = facts.target
        self.used = used
        if facts.metAt != nil {
            state = used <= facts.target ? .met : .metLate
            dueAt = due
        } else if used > facts.target || (used == facts.target && facts.pausedSince == nil) {
            state = .breached
            dueAt = due
        } else if facts.pausedSince != nil {
            state = .paused
            dueAt = nil
        } else {
            state = facts.target - used <= warningMargin ? .atRisk : .running
            dueAt = due
        }
    }

    /// The working time of a pause from `since` to `until`, to add to `pausedWorkingTime` when the
    /// case stops waiting on the customer.
    public static func pause(from since: Date, to until: Date, calendar: BusinessCalendar) -> TimeInterval {
        calendar.workingTime(from: since, to: until)
    }
}
