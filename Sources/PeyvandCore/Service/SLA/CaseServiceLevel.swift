import FluentKit
import Foundation

/// What a case page and a case read show about its service level: the policy, both clocks at
/// this moment, and the contract with its usage.
public struct CaseServiceLevel: Sendable {
    public let policy: SLAPolicy?
    public let firstResponse: SLAClock?
    public let resolution: SLAClock?
    public let contract: ContractService.Standing?

    /// Reads the policy, calendar and contract of one case (a few indexed reads, none when the
    /// case has neither a clock nor a contract).
    public static func of(_ supportCase: SupportCase, in context: RequestContext, store: Store) async throws -> CaseServiceLevel {
        var policy: SLAPolicy?
        var clocks: (SLAClock?, SLAClock?) = (nil, nil)
        var calendar: BusinessCalendar?
        if let policyID = supportCase.slaPolicyID {
            policy = try await SLAPolicy.query(on: store.database).withDeleted().scoped(to: context).filter(\.$id == policyID).first()
        }
        let now = store.now()
        if supportCase.slaStartedAt != nil {
            let organisationCalendar = try await BusinessCalendarService(store: store).calendar(organisationID: supportCase.organisationID, around: now)
            let margin = policy?.warningMinutes ?? 0
            clocks = (CaseSLA.clock(.firstResponse, of: supportCase, now: now, calendar: organisationCalendar, warningMinutes: margin),
                      CaseSLA.clock(.resolution, of: supportCase, now: now, calendar: organisationCalendar, warningMinutes: margin))
            calendar = organisationCalendar
        }
        var contract: ContractService.Standing?
        // Shown even when it was deleted since: the case was opened under it.
        if let contractID = supportCase.contractID,
           let found = try await ServiceContract.query(on: store.database).withDeleted().scoped(to: context).filter(\.$id == contractID).first() {
            contract = try await ContractService(store: store).standings(of: [found], organisationID: supportCase.organisationID,
                                                                         timeZone: calendar?.timeZone).first
        }
        return CaseServiceLevel(policy: policy, firstResponse: clocks.0, resolution: clocks.1, contract: contract)
    }
}
