import FluentKit
import Foundation
import Logging
import SQLKit

/// Watches the SLA clocks of open cases. When a clock comes within its policy's warning margin
/// the case's owner is warned by e-mail; when it breaches, the case moves to the policy's
/// escalation queue (a member picked by the queue's mode) and the escalation contact is told.
/// Each warning and escalation happens once per clock (`sla_alerts`), is audited with no acting
/// user and published on the outbox (`case.sla_at_risk`, `case.sla_breached`) for webhooks.
public enum SLAEscalation {
    /// Cases looked at per organisation per sweep, soonest due first; the next sweep takes the rest.
    static let batchSize = 500

    /// Runs once over every organisation at `now`; returns how many alerts it raised.
    @discardableResult
    public static func sweep(at now: Date, store: Store, logger: Logger) async throws -> Int {
        var raised = 0
        for organisation in try await Organisation.query(on: store.database).all() {
            raised += try await sweep(organisationID: organisation.id!, at: now, store: store, logger: logger)
        }
        return raised
    }

    static func sweep(organisationID: UUID, at now: Date, store: Store, logger: Logger) async throws -> Int {
        let policies = try await SLAPolicy.query(on: store.database).withDeleted().filter(\.$organisationID == organisationID).all()
        guard let widestMargin = policies.map(\.warningMinutes).max() else { return 0 }
        let horizon = now.addingTimeInterval(TimeInterval(widestMargin * 60) + 7 * 86_400)
        let candidates = try await SupportCase.query(on: store.database).filter(\.$organisationID == organisationID)
            .group(.or) { either in
                either.group(.and) { $0.filter(\.$firstResponseAt == nil).filter(\.$slaFirstResponseDueAt != nil).filter(\.$slaFirstResponseDueAt <= horizon) }
                either.group(.and) { $0.filter(\.$resolvedAt == nil).filter(\.$slaResolutionDueAt != nil).filter(\.$slaResolutionDueAt <= horizon) }
            }
            .sort(\.$id).limit(batchSize).all()
        guard !candidates.isEmpty else { return 0 }
        let calendar = try await BusinessCalendarService(store: store).calendar(organisationID: organisationID, around: now)
        let policiesByID = Dictionary(uniqueKeysWithValues: policies.map { ($0.id!, $0) })
        var raised = 0
        for supportCase in candidates {
            guard let policyID = supportCase.slaPolicyID, let policy = policiesByID[policyID] else { continue }
            let due = alertsDue(for: supportCase, policy: policy, now: now, calendar: calendar)
            guard !due.isEmpty else { continue }
            do {
                raised += try await raise(due, on: supportCase, policy: policy, at: now, store: store)
            } catch let error as PlatformError {
                // Someone changed the case since it was read; the next sweep sees the new facts.
                logger.debug("sla sweep skipped a changed case", metadata: ["case": "\(supportCase.number)", "error": "\(error)"])
            }
        }
        return raised
    }

    /// An alert not yet raised: `first_response.at_risk`, `resolution.breached`…
    struct Alert: Hashable {
        let target: CaseSLA.Target
        let state: SLAClock.State

        var key: String { "\(target.rawValue).\(state.rawValue)" }
    }

    static func alertsDue(for supportCase: SupportCase, policy: SLAPolicy, now: Date, calendar: BusinessCalendar) -> [Alert] {
        let sent = CaseSLA.alerts(of: supportCase)
        return CaseSLA.Target.allCases.compactMap { target in
            guard let clock = CaseSLA.clock(target, of: supportCase, now: now, calendar: calendar, warningMinutes: policy.warningMinutes),
                  clock.state == .atRisk || clock.state == .breached
            else { return nil }
            let alert = Alert(target: target, state: clock.state)
            return sent.contains(alert.key) ? nil : alert
        }
    }

    private static func raise(_ alerts: [Alert], on read: SupportCase, policy: SLAPolicy, at now: Date, store: Store) async throws -> Int {
        try await store.write { database in
            let version = try await VersionGuard.bump(SupportCase.schema, id: read.id!, organisationID: read.organisationID,
                                                      expected: read.version, recordType: SupportCase.auditType, on: database)
            guard let supportCase = try await SupportCase.query(on: database).filter(\.$id == read.id!).first() else { return 0 }
            supportCase.version = version
            let before = supportCase.auditSnapshot
            var sent = CaseSLA.alerts(of: supportCase)
            var notices: [SLANotice] = []
            for alert in alerts {
                sent.insert(alert.key)
                if alert.state == .breached {
                    try await escalate(supportCase, policy: policy, on: database)
                    if let manager = policy.escalationUserID { notices.append(SLANotice(alert: alert, recipientID: manager)) }
                }
                if let owner = supportCase.ownerUserID { notices.append(SLANotice(alert: alert, recipientID: owner)) }
                try await Outbox.append(alert.state == .breached ? "case.sla_breached" : "case.sla_at_risk", recordType: SupportCase.auditType,
                                        recordID: supportCase.id!, payload: ["target": JSONValue.string(alert.target.rawValue), "number": .string(supportCase.number)],
                                        organisationID: supportCase.organisationID, at: now, on: database)
            }
            supportCase.slaAlerts = sent.sorted().joined(separator: ",")
            try await supportCase.update(on: database)
            try await SalesRecords.recordChange(supportCase, action: .update, before: before, organisationID: supportCase.organisationID,
                                                actorUserID: nil, requestID: nil, at: now, on: database)
            try await SLANotice.send(notices, about: supportCase, at: now, on: database)
            return alerts.count
        }
    }

    /// Hands a breached case to the policy's escalation queue, unless it is already there.
    private static func escalate(_ supportCase: SupportCase, policy: SLAPolicy, on database: any Database) async throws {
        guard let queueID = policy.escalationQueueID, queueID != supportCase.queueID,
              let queue = try await ServiceQueue.query(on: database).filter(\.$organisationID == supportCase.organisationID)
                .filter(\.$id == queueID).first()
        else { return }
        supportCase.queueID = queueID
        if let member = try await CaseRouting.member(of: queue, on: database) { supportCase.ownerUserID = member }
    }
}

/// Runs the SLA sweep every minute (once per minute however many servers offer it), so a
/// warning or escalation comes at most a minute late.
public struct SLAEscalationJob: JobHandler {
    public static let kind = "service.sla-escalation"
    public static let schedule = PeriodicJob(kind: kind, every: 60)

    public init() {}

    public func run(_ job: ClaimedJob, store: Store, logger: Logger) async throws {
        let raised = try await SLAEscalation.sweep(at: store.now(), store: store, logger: logger)
        if raised > 0 { logger.info("sla alerts raised", metadata: ["count": "\(raised)"]) }
    }
}
