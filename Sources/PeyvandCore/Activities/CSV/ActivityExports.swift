import Foundation

/// The CSV export of the activities list. The record an activity regards is named by its type
/// and id (it may be an account, contact, lead or opportunity).
public enum ActivityExports {
    public static let activities = CSVExport(
        list: ActivityService.list,
        header: ["id", "kind", "subject", "status", "priority", "direction", "due_at", "start_at", "end_at", "remind_at",
                 "completed_at", "regarding_type", "regarding_id", "participants", "body", "created_at"]
    ) { activities, _ in
        activities.map { activity in
            [activity.id!.uuidString, activity.kind, activity.subject, activity.status, activity.priority, activity.direction ?? "",
             CSVCell.timestamp(activity.dueAt), CSVCell.timestamp(activity.startAt), CSVCell.timestamp(activity.endAt),
             CSVCell.timestamp(activity.remindAt), CSVCell.timestamp(activity.completedAt), activity.regardingType ?? "",
             activity.regardingID?.uuidString ?? "", CSVCell.list(activity.participants.map { "\($0.type):\($0.id.uuidString)" }), activity.body ?? "",
             CSVCell.timestamp(activity.createdAt)]
        }
    }
}
