import FluentKit
import Foundation

/// One opening span of an organisation's working week (see `WorkingWeek`).
public final class WorkingHours: Model, @unchecked Sendable {
    public static let schema = "working_hours"

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "day") public var day: String
    @Field(key: "start_minute") public var startMinute: Int
    @Field(key: "end_minute") public var endMinute: Int

    public init() {}

    init(organisationID: UUID, span: WorkingWeek.Span) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.day = span.day.rawValue
        self.startMinute = span.start
        self.endMinute = span.end
    }
}

/// A day the organisation is closed (Nowruz, Tasua and Ashura, a company day off): service
/// clocks do not run on it.
public final class Holiday: Model, @unchecked Sendable {
    public static let schema = "holidays"

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    /// Stored form (`YYYY-MM-DD`, Gregorian); typed and shown in the user's calendar.
    @Field(key: "day") public var day: String
    @Field(key: "name") public var name: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    init(organisationID: UUID, day: String, name: String) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.day = day
        self.name = name
    }
}
