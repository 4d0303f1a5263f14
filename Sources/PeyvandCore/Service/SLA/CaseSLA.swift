import Foundation

/// A case's two service-level clocks — first response and resolution — kept as facts on the
/// case. Both start when the case is opened and share its pauses: while the case waits on the
/// customer, and between a resolution and a reopen. Stored due times follow every change to the
/// facts so lists can sort by them and the escalation sweep can find what falls due.
public enum CaseSLA {
    public enum Target: String, CaseIterable, Sendable {
        case firstResponse = "first_response"
        case resolution
    }

    /// Puts the case under `policy` (or under none), keeping the start and any pauses so far:
    /// a changed priority or contract moves the due times, it does not restart the clock.
    static func apply(_ policy: SLAPolicy?, to supportCase: SupportCase, at now: Date, calendar: BusinessCalendar?) {
        guard let policy, let target = policy.target(for: supportCase.priority) else {
            supportCase.slaPolicyID = policy?.id
            (supportCase.slaFirstResponseMinutes, supportCase.slaResolutionMinutes) = (nil, nil)
            refreshDueTimes(supportCase, calendar: calendar)
            return
        }
        supportCase.slaPolicyID = policy.id
        if supportCase.slaStartedAt == nil { supportCase.slaStartedAt = now }
        supportCase.slaFirstResponseMinutes = target.firstResponseMinutes
        supportCase.slaResolutionMinutes = target.resolutionMinutes
        refreshDueTimes(supportCase, calendar: calendar)
    }

    /// Stops both clocks (the case now waits on the customer).
    static func pause(_ supportCase: SupportCase, at now: Date) {
        guard supportCase.slaStartedAt != nil, supportCase.slaPausedSince == nil else { return }
        supportCase.slaPausedSince = now
        supportCase.slaResolutionDueAt = nil
        if supportCase.firstResponseAt == nil { supportCase.slaFirstResponseDueAt = nil }
    }

    /// Restarts the clocks after a pause that began at `since` (the wait, or the resolution of a
    /// case being reopened); the pause's working time moves the due times later.
    static func resume(_ supportCase: SupportCase, pausedSince since: Date?, at now: Date, calendar: BusinessCalendar?) {
        guard supportCase.slaStartedAt != nil else { return }
        if let since, let calendar {
            supportCase.slaPausedSeconds += Int(SLAClock.pause(from: since, to: now, calendar: calendar).rounded())
        }
        supportCase.slaPausedSince = nil
        refreshDueTimes(supportCase, calendar: calendar)
    }

    /// Forgets the warnings and escalations of a target, so a reopened case is watched again.
    static func clearAlerts(of target: Target, on supportCase: SupportCase) {
        supportCase.slaAlerts = alerts(of: supportCase).filter { !$0.hasPrefix(target.rawValue + ".") }.sorted().joined(separator: ",")
    }

    static func alerts(of supportCase: SupportCase) -> Set<String> {
        Set(supportCase.slaAlerts.split(separator: ",").map(String.init))
    }

    /// The clock of one target at `now`, or nil when the case has no such target.
    public static func clock(_ target: Target, of supportCase: SupportCase, now: Date, calendar: BusinessCalendar,
                             warningMinutes: Int) -> SLAClock? {
        guard let facts = facts(target, of: supportCase) else { return nil }
        return SLAClock(facts, now: now, calendar: calendar, warningMargin: TimeInterval(warningMinutes * 60))
    }

    static func facts(_ target: Target, of supportCase: SupportCase) -> SLAClock.Facts? {
        guard let startedAt = supportCase.slaStartedAt else { return nil }
        let minutes = target == .firstResponse ? supportCase.slaFirstResponseMinutes : supportCase.slaResolutionMinutes
        guard let minutes else { return nil }
        let metAt = target == .firstResponse ? supportCase.firstResponseAt : supportCase.resolvedAt
        return SLAClock.Facts(startedAt: startedAt, target: TimeInterval(minutes * 60), pausedWorkingTime: TimeInterval(supportCase.slaPausedSeconds),
                              pausedSince: metAt == nil ? supportCase.slaPausedSince : nil, metAt: metAt)
    }

    private static func refreshDueTimes(_ supportCase: SupportCase, calendar: BusinessCalendar?) {
        func due(_ target: Target) -> Date? {
            guard let calendar, let facts = facts(target, of: supportCase), facts.pausedSince == nil else { return nil }
            return calendar.adding(facts.target + facts.pausedWorkingTime, to: facts.startedAt)
        }
        supportCase.slaFirstResponseDueAt = due(.firstResponse)
        supportCase.slaResolutionDueAt = due(.resolution)
    }
}
