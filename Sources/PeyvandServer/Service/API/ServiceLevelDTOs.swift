import Foundation
import PeyvandCore

struct SLAPolicyDTO: Encodable {
    struct Target: Encodable {
        var priority: String
        var firstResponseMinutes: Int
        var resolutionMinutes: Int
    }

    var id: UUID
    var name: String
    var isDefault: Bool
    var targets: [Target]
    var warningMinutes: Int
    var escalationQueueId: UUID?
    var escalationUserId: UUID?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?

    init(_ policy: SLAPolicy) {
        (id, name, isDefault, warningMinutes) = (policy.id!, policy.name, policy.isDefault, policy.warningMinutes)
        targets = policy.targets.map { Target(priority: $0.priority, firstResponseMinutes: $0.firstResponseMinutes, resolutionMinutes: $0.resolutionMinutes) }
        (escalationQueueId, escalationUserId) = (policy.escalationQueueID, policy.escalationUserID)
        (version, createdAt, updatedAt) = (policy.version, policy.createdAt, policy.updatedAt)
    }
}

struct ContractDTO: Encodable {
    var id: UUID
    var name: String
    var accountId: UUID
    /// Gregorian `YYYY-MM-DD`, inclusive.
    var startsOn: String
    var endsOn: String
    var slaPolicyId: UUID?
    var entitlementUnit: String
    var entitlementTotal: Int?
    var entitlementUsed: Double
    var entitlementRemaining: Double?
    var standing: String
    var notes: String?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?

    init(_ standing: ContractService.Standing) {
        let contract = standing.contract
        (id, name, accountId, startsOn, endsOn) = (contract.id!, contract.name, contract.accountID, contract.startsOn, contract.endsOn)
        (slaPolicyId, entitlementUnit, entitlementTotal) = (contract.slaPolicyID, contract.entitlementUnit, contract.entitlementTotal)
        (entitlementUsed, entitlementRemaining, self.standing) = (standing.used, standing.remaining, standing.standing.rawValue)
        (notes, version, createdAt, updatedAt) = (contract.notes, contract.version, contract.createdAt, contract.updatedAt)
    }
}

/// A case's service level on single-case reads.
struct CaseSLADTO: Encodable {
    struct Clock: Encodable {
        var state: String
        var targetMinutes: Int
        var usedMinutes: Int
        /// Negative once breached.
        var remainingMinutes: Int
        /// Null while paused (it moves when the case resumes).
        var dueAt: Date?

        init(_ clock: SLAClock) {
            state = clock.state.rawValue
            targetMinutes = Int(clock.target / 60)
            usedMinutes = Int((clock.used / 60).rounded(.down))
            remainingMinutes = Int((clock.remaining / 60).rounded(.down))
            dueAt = clock.dueAt
        }
    }

    var policyId: UUID?
    var policyName: String?
    var firstResponse: Clock?
    var resolution: Clock?
    var contract: ContractDTO?

    init(_ level: CaseServiceLevel) {
        (policyId, policyName) = (level.policy?.id, level.policy?.name)
        firstResponse = level.firstResponse.map(Clock.init)
        resolution = level.resolution.map(Clock.init)
        contract = level.contract.map(ContractDTO.init)
    }
}
