import Foundation

/// A case as a client sends it. On create, absent fields take their defaults; on update only
/// `provided` keys change and `null` clears. The owner is a user (`owner_id`), a queue
/// (`queue_id`) or both; naming a queue without a user lets the queue pick one.
public struct CaseInput: Sendable {
    public var provided: Set<String>
    public var title: String?
    public var description: String?
    public var type: String?
    public var channel: String?
    public var priority: String?
    public var status: String?
    public var resolution: String?
    public var accountID: UUID?
    public var contactID: UUID?
    public var productID: UUID?
    public var productModel: String?
    public var serialNumber: String?
    public var category: String?
    public var language: String?
    public var ownerUserID: UUID?
    public var queueID: UUID?
    public var relatedCaseIDs: [UUID]?
    /// The contract the case is opened under; absent on create: the account's current contract.
    public var contractID: UUID?
    public var timeSpentMinutes: Int?

    public init(provided: Set<String>, title: String? = nil, description: String? = nil, type: String? = nil, channel: String? = nil,
                priority: String? = nil, status: String? = nil, resolution: String? = nil, accountID: UUID? = nil, contactID: UUID? = nil,
                productID: UUID? = nil, productModel: String? = nil, serialNumber: String? = nil, category: String? = nil,
                language: String? = nil, ownerUserID: UUID? = nil, queueID: UUID? = nil, relatedCaseIDs: [UUID]? = nil,
                contractID: UUID? = nil, timeSpentMinutes: Int? = nil) {
        self.provided = provided
        self.title = title
        self.description = description
        self.type = type
        self.channel = channel
        self.priority = priority
        self.status = status
        self.resolution = resolution
        self.accountID = accountID
        self.contactID = contactID
        self.productID = productID
        self.productModel = productModel
        self.serialNumber = serialNumber
        self.category = category
        self.language = language
        self.ownerUserID = ownerUserID
        self.queueID = queueID
        self.relatedCaseIDs = relatedCaseIDs
        self.contractID = contractID
        self.timeSpentMinutes = timeSpentMinutes
    }

    public static let maximumRelatedCases = 50
    /// A year of full days is far beyond any one case.
    public static let maximumTimeSpentMinutes = 525_600
    /// Languages a case can be written in (routing rules match on them).
    public static let languages = ["fa", "en", "ar", "az", "ku", "tr"]

    func validate(creating: Bool, into validator: inout FieldValidator) {
        if creating || provided.contains("title") { validator.text(title, "title", required: true, max: 300) }
        validator.text(description, "description", required: false, max: 20_000)
        if creating && type == nil && provided.contains("type") { validator.add("type", .required) }
        validator.oneOf(type, SupportCase.CaseType.self, "type")
        validator.oneOf(channel, SupportCase.Channel.self, "channel")
        validator.oneOf(priority, SupportCase.Priority.self, "priority")
        validator.oneOf(status, SupportCase.Status.self, "status")
        if creating, let status, status != SupportCase.Status.new.rawValue { validator.add("status", .readOnly) }
        validator.text(resolution, "resolution", required: false, max: 20_000)
        validator.text(productModel, "product_model", required: false, max: 200)
        validator.text(serialNumber, "serial_number", required: false, max: 200)
        validator.text(category, "category", required: false, max: 100)
        if let language, !Self.languages.contains(language) { validator.add("language", .unknownValue) }
        if let relatedCaseIDs, relatedCaseIDs.count > Self.maximumRelatedCases { validator.add("related_case_ids", .tooLong) }
        if let timeSpentMinutes, timeSpentMinutes < 0 || timeSpentMinutes > Self.maximumTimeSpentMinutes {
            validator.add("time_spent_minutes", .outOfRange)
        }
    }
}

/// A queue as a client sends it (same provided-keys rules as `CaseInput`).
public struct QueueInput: Sendable {
    public struct Rule: Sendable {
        public var type: String?
        public var category: String?
        public var productID: UUID?
        public var language: String?
        public var channel: String?
        public init(type: String?, category: String?, productID: UUID?, language: String?, channel: String?) {
            self.type = type
            self.category = category
            self.productID = productID
            self.language = language
            self.channel = channel
        }
    }

    public var provided: Set<String>
    public var name: String?
    public var position: Int?
    public var assignmentMode: String?
    public var memberIDs: [UUID]?
    public var rules: [Rule]?

    public init(provided: Set<String>, name: String? = nil, position: Int? = nil, assignmentMode: String? = nil,
                memberIDs: [UUID]? = nil, rules: [Rule]? = nil) {
        self.provided = provided
        self.name = name
        self.position = position
        self.assignmentMode = assignmentMode
        self.memberIDs = memberIDs
        self.rules = rules
    }

    public static let maximumMembers = 200
    public static let maximumRules = 50

    func validate(creating: Bool, into validator: inout FieldValidator) {
        if creating || provided.contains("name") { validator.text(name, "name", required: true, max: 100) }
        if let position, position < 0 || position > 10_000 { validator.add("position", .outOfRange) }
        if provided.contains("position") && position == nil && !creating { validator.add("position", .required) }
        validator.oneOf(assignmentMode, ServiceQueue.AssignmentMode.self, "assignment_mode")
        if let memberIDs, memberIDs.count > Self.maximumMembers { validator.add("member_ids", .tooLong) }
        if let rules {
            if rules.count > Self.maximumRules { validator.add("rules", .tooLong) }
            for (index, rule) in rules.enumerated() {
                validator.oneOf(rule.type, SupportCase.CaseType.self, "rules.\(index).type")
                validator.oneOf(rule.channel, SupportCase.Channel.self, "rules.\(index).channel")
                validator.text(rule.category, "rules.\(index).category", required: false, max: 100)
                if let language = rule.language, !CaseInput.languages.contains(language) { validator.add("rules.\(index).language", .unknownValue) }
            }
        }
    }
}
