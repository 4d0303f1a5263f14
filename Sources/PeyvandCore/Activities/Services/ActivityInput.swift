import Foundation

/// An activity as a client sends it (see `AccountInput` for the create/update rules).
public struct ActivityInput: Sendable {
    public struct Regarding: Sendable {
        public var type: String?
        public var id: UUID?
        public init(type: String?, id: UUID?) { self.type = type; self.id = id }
    }

    public struct Participant: Sendable {
        public var type: String?
        public var id: UUID?
        public init(type: String?, id: UUID?) { self.type = type; self.id = id }
    }

    public var provided: Set<String>
    public var kind: String?
    public var subject: String?
    public var body: String?
    public var status: String?
    public var priority: String?
    public var direction: String?
    public var dueAt: Date?
    public var startAt: Date?
    public var endAt: Date?
    public var remindAt: Date?
    public var regarding: Regarding?
    public var participants: [Participant]?
    public var ownerUserID: UUID?
    public var ownerTeamID: UUID?

    public init(provided: Set<String>, kind: String? = nil, subject: String? = nil, body: String? = nil, status: String? = nil,
                priority: String? = nil, direction: String? = nil, dueAt: Date? = nil, startAt: Date? = nil, endAt: Date? = nil,
                remindAt: Date? = nil, regarding: Regarding? = nil, participants: [Participant]? = nil,
                ownerUserID: UUID? = nil, ownerTeamID: UUID? = nil) {
        self.provided = provided
        self.kind = kind
        self.subject = subject
        self.body = body
        self.status = status
        self.priority = priority
        self.direction = direction
        self.dueAt = dueAt
        self.startAt = startAt
        self.endAt = endAt
        self.remindAt = remindAt
        self.regarding = regarding
        self.participants = participants
        self.ownerUserID = ownerUserID
        self.ownerTeamID = ownerTeamID
    }

    public static let maximumParticipants = 50

    func validate(creating: Bool, into validator: inout FieldValidator) {
        if creating && kind == nil { validator.add("kind", .required) }
        validator.oneOf(kind, Activity.Kind.self, "kind")
        if creating || provided.contains("subject") { validator.text(subject, "subject", required: true, max: 300) }
        validator.text(body, "body", required: false, max: 20_000)
        validator.oneOf(status, Activity.Status.self, "status")
        validator.oneOf(priority, Activity.Priority.self, "priority")
        validator.oneOf(direction, Activity.Direction.self, "direction")
        if let startAt, let endAt, endAt < startAt { validator.add("end_at", .outOfRange) }
        if let regarding {
            if regarding.type.flatMap(RegardingType.init(rawValue:)) == nil {
                validator.add("regarding.type", regarding.type == nil ? .required : .unknownValue)
            }
            if regarding.id == nil { validator.add("regarding.id", .required) }
        }
        if let participants {
            if participants.count > Self.maximumParticipants { validator.add("participants", .tooLong) }
            for (index, participant) in participants.enumerated() {
                if participant.type.flatMap(ActivityParticipant.ParticipantType.init(rawValue:)) == nil {
                    validator.add("participants.\(index).type", participant.type == nil ? .required : .unknownValue)
                }
                if participant.id == nil { validator.add("participants.\(index).id", .required) }
            }
        }
    }
}

/// The records an activity can be about.
public enum RegardingType: String, CaseIterable, Sendable {
    case account, contact, lead, opportunity
}
