import Foundation
import PeyvandCore

struct ActivityDTO: Encodable {
    struct Regarding: Encodable {
        var type: String
        var id: UUID
    }

    struct Participant: Encodable {
        var type: String
        var id: UUID
    }

    var id: UUID
    var kind: String
    var subject: String
    var body: String?
    var status: String
    var priority: String
    var direction: String?
    var dueAt: Date?
    var startAt: Date?
    var endAt: Date?
    var remindAt: Date?
    var completedAt: Date?
    var regarding: Regarding?
    var participants: [Participant]
    var ownerId: UUID?
    var ownerTeamId: UUID?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?

    init(_ activity: Activity) {
        (id, kind, subject, body, status) = (activity.id!, activity.kind, activity.subject, activity.body, activity.status)
        (priority, direction, dueAt, startAt, endAt) = (activity.priority, activity.direction, activity.dueAt, activity.startAt, activity.endAt)
        (remindAt, completedAt) = (activity.remindAt, activity.completedAt)
        if let type = activity.regardingType, let regardingID = activity.regardingID { regarding = Regarding(type: type, id: regardingID) }
        participants = activity.participants.map { Participant(type: $0.type, id: $0.id) }
        (ownerId, ownerTeamId) = (activity.ownerUserID, activity.ownerTeamID)
        (version, createdAt, updatedAt) = (activity.version, activity.createdAt, activity.updatedAt)
    }
}

/// One timeline item; exactly one of `activity`, `stage_change`, `document`, `change` is present.
struct TimelineEntryDTO: Encodable {
    /// A quote, order or invoice, in short.
    struct Document: Encodable {
        var number: String
        var status: String
        var total: MoneyDTO
    }

    struct Change: Encodable {
        var action: String
        var actorUserId: UUID?
        var changes: JSONValue
    }

    var kind: String
    var id: UUID
    var at: Date
    var recordType: String
    var recordId: UUID
    var activity: ActivityDTO?
    var stageChange: StageChangeDTO?
    var document: Document?
    var change: Change?

    init(_ entry: TimelineEntry) {
        (kind, id, at, recordType, recordId) = (entry.kind.rawValue, entry.id, entry.at, entry.recordType, entry.recordID)
        activity = entry.activity.map(ActivityDTO.init)
        stageChange = entry.stageChange.map(StageChangeDTO.init)
        document = entry.document.map {
            Document(number: $0.number, status: $0.status, total: MoneyDTO(amountMinor: $0.totalMinor, currency: $0.currency))
        }
        change = entry.audit.map { audit in
            Change(action: audit.action, actorUserId: audit.actorUserID,
                   changes: (try? JSONDecoder().decode(JSONValue.self, from: Data(audit.changesJSON.utf8))) ?? .object([:]))
        }
    }
}
