import FluentKit
import Foundation
import SQLKit

/// Which contract covers a case and so which service level it gets. A case names its contract,
/// or takes its account's contract covering today (else the account's latest one, which is then
/// flagged expired or not started); its SLA policy is the contract's, else the organisation's
/// default. How the contract stood — active, expired, not started, exhausted — is kept on the
/// case, so an agent sees that the case was opened outside what the customer bought.
enum CaseCoverage {
    /// How the client chose the contract.
    enum Choice {
        /// The account's contract, found as described above.
        case automatic
        case named(UUID)
        /// Explicitly none (`contract_id: null`): the default service level applies.
        case none
    }

    /// Sets contract, standing and SLA on `supportCase` inside the write.
    static func cover(_ supportCase: SupportCase, choosing choice: Choice, organisationID: UUID, at now: Date,
                      store: Store, on database: any Database) async throws {
        let calendar = try await BusinessCalendarService(store: store).calendar(organisationID: organisationID, around: now, on: database)
        let today = QuoteExpiry.day(of: now, in: calendar.timeZone)
        let contract = try await contract(for: supportCase, choice, today: today, organisationID: organisationID, on: database)
        supportCase.contractID = contract?.id
        supportCase.contractStanding = nil
        if let contract {
            try await lock(contract, on: database)
            let used = try await usage(of: [contract], organisationID: organisationID, excluding: supportCase.id, on: database)[contract.id!] ?? 0
            supportCase.contractStanding = ContractStanding.of(contract, on: today, used: used).rawValue
        }
        let policy = try await policy(for: contract, organisationID: organisationID, on: database)
        CaseSLA.apply(policy, to: supportCase, at: now, calendar: calendar)
    }

    /// Moves the due times after a priority change, keeping contract and start.
    static func retarget(_ supportCase: SupportCase, organisationID: UUID, at now: Date, store: Store, on database: any Database) async throws {
        guard let policyID = supportCase.slaPolicyID else { return }
        let calendar = try await BusinessCalendarService(store: store).calendar(organisationID: organisationID, around: now, on: database)
        let policy = try await SLAPolicy.query(on: database).withDeleted().filter(\.$organisationID == organisationID)
            .filter(\.$id == policyID).first()
        CaseSLA.apply(policy, to: supportCase, at: now, calendar: calendar)
    }

    /// Cases opened under each contract (unit `cases`) or hours recorded on them (unit `hours`),
    /// in one grouped query; `excluding` leaves out the case being written.
    static func usage(of contracts: [ServiceContract], organisationID: UUID, excluding caseID: UUID? = nil,
                      on database: any Database) async throws -> [UUID: Double] {
        guard !contracts.isEmpty else { return [:] }
        var query = try database.sql().select()
            .column("contract_id")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "cases")
            // SUM of a bigint is numeric on PostgreSQL; the cast keeps it an integer on both.
            .column(SQLRaw("CAST(COALESCE(SUM(time_spent_minutes), 0) AS BIGINT)"), as: "minutes")
            .from(SupportCase.schema)
            .where("org_id", .equal, SQLBind(organisationID))
            .where("deleted_at", .is, SQLLiteral.null)
            .where("contract_id", .in, SQLBind.group(contracts.map(\.id!)))
        if let caseID { query = query.where("id", .notEqual, SQLBind(caseID)) }
        var counted: [UUID: (cases: Int, minutes: Int)] = [:]
        for row in try await query.groupBy("contract_id").all() {
            counted[try row.decode(column: "contract_id", as: UUID.self)] =
                (try row.decode(column: "cases", as: Int.self), try row.decode(column: "minutes", as: Int.self))
        }
        var usage: [UUID: Double] = [:]
        for contract in contracts {
            let (cases, minutes) = counted[contract.id!] ?? (0, 0)
            usage[contract.id!] = switch contract.unit {
            case .none: 0
            case .cases: Double(cases)
            case .hours: Double(minutes) / 60
            }
        }
        return usage
    }

    private static func contract(for supportCase: SupportCase, _ choice: Choice, today: String, organisationID: UUID,
                                 on database: any Database) async throws -> ServiceContract? {
        switch choice {
        case .none: return nil
        case .named(let id): return try await ServiceContract.query(on: database).filter(\.$organisationID == organisationID).filter(\.$id == id).first()
        case .automatic: break
        }
        guard let accountID = supportCase.accountID else { return nil }
        let contracts = try await ServiceContract.query(on: database).filter(\.$organisationID == organisationID)
            .filter(\.$accountID == accountID).sort(\.$endsOn, .descending).sort(\.$id, .descending).limit(20).all()
        return contracts.first { $0.startsOn <= today && today <= $0.endsOn } ?? contracts.first
    }

    private static func policy(for contract: ServiceContract?, organisationID: UUID, on database: any Database) async throws -> SLAPolicy? {
        if let policyID = contract?.slaPolicyID,
           let policy = try await SLAPolicy.query(on: database).filter(\.$organisationID == organisationID).filter(\.$id == policyID).first() {
            return policy
        }
        return try await SLAPolicy.query(on: database).filter(\.$organisationID == organisationID).filter(\.$isDefault == true).first()
    }

    /// Two cases opened at once under the last remaining entitlement must not both count as
    /// covered: on PostgreSQL the contract row is locked until the case commits (SQLite writes
    /// one transaction at a time anyway).
    private static func lock(_ contract: ServiceContract, on database: any Database) async throws {
        guard Store.dialect(of: database) == .postgresql else { return }
        _ = try await database.sql().raw("SELECT id FROM contracts WHERE id = \(bind: contract.id!) FOR UPDATE").all()
    }
}
