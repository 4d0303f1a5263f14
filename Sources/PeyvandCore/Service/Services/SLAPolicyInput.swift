import Foundation

/// An SLA policy as a client sends it (same provided-keys rules as `CaseInput`).
public struct SLAPolicyInput: Sendable {
    /// One priority's targets as sent; every part is required.
    public struct Target: Sendable {
        public var priority: String?
        public var firstResponseMinutes: Int?
        public var resolutionMinutes: Int?

        public init(priority: String?, firstResponseMinutes: Int?, resolutionMinutes: Int?) {
            (self.priority, self.firstResponseMinutes, self.resolutionMinutes) = (priority, firstResponseMinutes, resolutionMinutes)
        }

        var valid: SLATarget? {
            guard let priority, let firstResponseMinutes, let resolutionMinutes else { return nil }
            return SLATarget(priority: priority, firstResponseMinutes: firstResponseMinutes, resolutionMinutes: resolutionMinutes)
        }
    }

    public var provided: Set<String>
    public var name: String?
    public var isDefault: Bool?
    public var targets: [Target]?
    public var warningMinutes: Int?
    public var escalationQueueID: UUID?
    public var escalationUserID: UUID?

    public init(provided: Set<String>, name: String? = nil, isDefault: Bool? = nil, targets: [Target]? = nil, warningMinutes: Int? = nil,
                escalationQueueID: UUID? = nil, escalationUserID: UUID? = nil) {
        self.provided = provided
        self.name = name
        self.isDefault = isDefault
        self.targets = targets
        self.warningMinutes = warningMinutes
        self.escalationQueueID = escalationQueueID
        self.escalationUserID = escalationUserID
    }

    /// Ninety working days of eight hours: any longer target is a typing mistake.
    public static let maximumTargetMinutes = 90 * 8 * 60

    func validate(creating: Bool, into validator: inout FieldValidator) {
        if creating || provided.contains("name") { validator.text(name, "name", required: true, max: 100) }
        if let warningMinutes, warningMinutes < 0 || warningMinutes > Self.maximumTargetMinutes { validator.add("warning_minutes", .outOfRange) }
        if creating && targets == nil || provided.contains("targets") && targets == nil { validator.add("targets", .required) }
        guard let targets else { return }
        if targets.isEmpty { validator.add("targets", .required) }
        var seen = Set<String>()
        for (index, target) in targets.enumerated() {
            if let priority = target.priority {
                if SupportCase.Priority(rawValue: priority) == nil {
                    validator.add("targets.\(index).priority", .unknownValue)
                } else if !seen.insert(priority).inserted {
                    validator.add("targets.\(index).priority", .notUnique)
                }
            } else {
                validator.add("targets.\(index).priority", .required)
            }
            for (field, minutes) in [("first_response_minutes", target.firstResponseMinutes), ("resolution_minutes", target.resolutionMinutes)] {
                guard let minutes else { validator.add("targets.\(index).\(field)", .required); continue }
                if minutes < 1 || minutes > Self.maximumTargetMinutes { validator.add("targets.\(index).\(field)", .outOfRange) }
            }
            if let first = target.firstResponseMinutes, let resolution = target.resolutionMinutes, first > resolution {
                validator.add("targets.\(index).first_response_minutes", .outOfRange)
            }
        }
    }
}

/// A contract as a client sends it. Days are accepted in either calendar (`1405/01/01`,
/// `2026-03-21`) and stored Gregorian.
public struct ContractInput: Sendable {
    public var provided: Set<String>
    public var name: String?
    public var accountID: UUID?
    public var startsOn: String?
    public var endsOn: String?
    public var slaPolicyID: UUID?
    public var entitlementUnit: String?
    public var entitlementTotal: Int?
    public var notes: String?

    public init(provided: Set<String>, name: String? = nil, accountID: UUID? = nil, startsOn: String? = nil, endsOn: String? = nil,
                slaPolicyID: UUID? = nil, entitlementUnit: String? = nil, entitlementTotal: Int? = nil, notes: String? = nil) {
        self.provided = provided
        self.name = name
        self.accountID = accountID
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.slaPolicyID = slaPolicyID
        self.entitlementUnit = entitlementUnit
        self.entitlementTotal = entitlementTotal
        self.notes = notes
    }

    public static let maximumEntitlement = 1_000_000

    /// The stored days, once valid.
    func validate(creating: Bool, into validator: inout FieldValidator) -> (startsOn: String?, endsOn: String?) {
        if creating || provided.contains("name") { validator.text(name, "name", required: true, max: 200) }
        if creating && accountID == nil || provided.contains("account_id") && accountID == nil { validator.add("account_id", .required) }
        var days: [String: String] = [:]
        for (field, value) in [("starts_on", startsOn), ("ends_on", endsOn)] where creating || provided.contains(field) {
            guard let value else { validator.add(field, .required); continue }
            if let stored = CalendarDay.parse(value) { days[field] = stored } else { validator.add(field, .invalidFormat) }
        }
        if let start = days["starts_on"], let end = days["ends_on"], end < start { validator.add("ends_on", .outOfRange) }
        validator.oneOf(entitlementUnit, ServiceContract.EntitlementUnit.self, "entitlement_unit")
        if let entitlementTotal, entitlementTotal < 1 || entitlementTotal > Self.maximumEntitlement { validator.add("entitlement_total", .outOfRange) }
        if let unit = entitlementUnit.flatMap(ServiceContract.EntitlementUnit.init(rawValue:)), unit != .none, entitlementTotal == nil,
           creating || provided.contains("entitlement_total") {
            validator.add("entitlement_total", .required)
        }
        validator.text(notes, "notes", required: false, max: 5_000)
        return (days["starts_on"], days["ends_on"])
    }
}
