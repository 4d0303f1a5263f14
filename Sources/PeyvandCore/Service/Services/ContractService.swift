import FluentKit
import Foundation
import SQLKit

/// The only writer of service contracts. Everyone who may read cases may read contracts (a case
/// shows what its customer bought); administrators change them.
public struct ContractService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// A contract with what has been used of it and where it stands today.
    public struct Standing: Sendable {
        public let contract: ServiceContract
        /// Cases opened, or hours recorded, under the contract (0 with unit `none`).
        public let used: Double
        public let standing: ContractStanding

        public var remaining: Double? { contract.entitlementTotal.map { Double($0) - used } }
    }

    /// The live contracts, of one account when given, latest ending first.
    public func list(accountID: UUID?, in context: RequestContext) async throws -> [Standing] {
        try context.require(.cases, .read)
        var query = ServiceContract.query(on: store.database).scoped(to: context)
        if let accountID { query = query.filter(\.$accountID == accountID) }
        let contracts = try await query.sort(\.$endsOn, .descending).sort(\.$id, .descending).limit(500).all()
        return try await standings(of: contracts, organisationID: context.organisationID)
    }

    public func find(_ id: UUID, in context: RequestContext) async throws -> Standing {
        try context.require(.cases, .read)
        guard let contract = try await ServiceContract.query(on: store.database).scoped(to: context).filter(\.$id == id).first()
        else { throw PlatformError.notFound(recordType: ServiceContract.auditType) }
        return try await standings(of: [contract], organisationID: context.organisationID)[0]
    }

    public func create(_ input: ContractInput, by context: RequestContext, readProblems: FieldValidator = FieldValidator()) async throws -> Standing {
        try ServiceSettingsRecords.requireAdministrator(context)
        let days = try await validate(input, creating: true, existing: nil, readProblems: readProblems, in: context)
        let now = store.now()
        let contract = ServiceContract(organisationID: context.organisationID, accountID: input.accountID!, name: "",
                                       startsOn: days.startsOn!, endsOn: days.endsOn!)
        Self.apply(input, days: days, to: contract)
        try await store.write { database in
            try await contract.create(on: database)
            try await ServiceSettingsRecords.recordChange(contract, action: .create, before: nil, by: context, at: now, on: database)
        }
        return try await standings(of: [contract], organisationID: context.organisationID)[0]
    }

    public func update(_ id: UUID, _ input: ContractInput, expectedVersion: Int?, by context: RequestContext,
                       readProblems: FieldValidator = FieldValidator()) async throws -> Standing {
        try ServiceSettingsRecords.requireAdministrator(context)
        let existing = try await find(id, in: context).contract
        let days = try await validate(input, creating: false, existing: existing, readProblems: readProblems, in: context)
        let now = store.now()
        let contract = try await store.write { database in
            let contract = try await ServiceSettingsRecords.lock(ServiceContract.self, id, expected: expectedVersion, in: context, on: database)
            let before = contract.auditSnapshot
            Self.apply(input, days: days, to: contract)
            try await contract.update(on: database)
            try await ServiceSettingsRecords.recordChange(contract, action: .update, before: before, by: context, at: now, on: database)
            return contract
        }
        return try await standings(of: [contract], organisationID: context.organisationID)[0]
    }

    /// Soft-deletes the contract; cases opened under it keep naming it.
    public func delete(_ id: UUID, expectedVersion: Int?, by context: RequestContext) async throws {
        try ServiceSettingsRecords.requireAdministrator(context)
        _ = try await find(id, in: context)
        let now = store.now()
        try await store.write { database in
            let contract = try await ServiceSettingsRecords.lock(ServiceContract.self, id, expected: expectedVersion, in: context, on: database)
            try await contract.delete(on: database)
            try await ServiceSettingsRecords.recordChange(contract, action: .delete, before: contract.auditSnapshot, by: context, at: now, on: database)
        }
    }

    /// Usage of every contract in one grouped query. `timeZone`: the organisation's, when the
    /// caller has it already.
    func standings(of contracts: [ServiceContract], organisationID: UUID, timeZone: TimeZone? = nil) async throws -> [Standing] {
        guard !contracts.isEmpty else { return [] }
        let usage = try await CaseCoverage.usage(of: contracts, organisationID: organisationID, on: store.database)
        var zone = timeZone
        if zone == nil {
            let identifier = try await Organisation.query(on: store.database).filter(\.$id == organisationID).first()?.timeZone
            zone = identifier.flatMap(TimeZone.init(identifier:))
        }
        let today = QuoteExpiry.day(of: store.now(), in: zone ?? JalaliDate.tehranTimeZone)
        return contracts.map { contract in
            let used = usage[contract.id!] ?? 0
            return Standing(contract: contract, used: used, standing: .of(contract, on: today, used: used))
        }
    }

    private func validate(_ input: ContractInput, creating: Bool, existing: ServiceContract?, readProblems: FieldValidator,
                          in context: RequestContext) async throws -> (startsOn: String?, endsOn: String?) {
        var validator = readProblems
        let days = input.validate(creating: creating, into: &validator)
        if let existing, validator.errors.isEmpty {
            let start = days.startsOn ?? existing.startsOn
            if (days.endsOn ?? existing.endsOn) < start { validator.add("ends_on", .outOfRange) }
            let unit = input.entitlementUnit ?? existing.entitlementUnit
            let total = input.provided.contains("entitlement_total") ? input.entitlementTotal : existing.entitlementTotal
            if unit != ServiceContract.EntitlementUnit.none.rawValue && total == nil { validator.add("entitlement_total", .required) }
        }
        let database = store.database
        if let accountID = input.accountID,
           try await Account.query(on: database).scoped(to: context).filter(\.$id == accountID).count() == 0 {
            validator.add("account_id", .referencedRecordMissing)
        }
        if let policyID = input.slaPolicyID,
           try await SLAPolicy.query(on: database).scoped(to: context).filter(\.$id == policyID).count() == 0 {
            validator.add("sla_policy_id", .referencedRecordMissing)
        }
        try validator.check()
        return days
    }

    private static func apply(_ input: ContractInput, days: (startsOn: String?, endsOn: String?), to contract: ServiceContract) {
        let provided = input.provided
        if let name = input.name { contract.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let accountID = input.accountID { contract.accountID = accountID }
        if let start = days.startsOn { contract.startsOn = start }
        if let end = days.endsOn { contract.endsOn = end }
        if provided.contains("sla_policy_id") { contract.slaPolicyID = input.slaPolicyID }
        if let unit = input.entitlementUnit { contract.entitlementUnit = unit }
        if provided.contains("entitlement_total") { contract.entitlementTotal = input.entitlementTotal }
        if contract.unit == .none { contract.entitlementTotal = nil }
        if provided.contains("notes") { contract.notes = PartyInput.trimmed(input.notes) }
    }
}
