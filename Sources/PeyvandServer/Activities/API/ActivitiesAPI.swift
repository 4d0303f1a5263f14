import PeyvandCore
import Vapor

/// `/activities`, `/me/reminders` and the `/…/{id}/timeline` of sales records.
enum ActivitiesAPI {
    static func service(_ request: Request) -> ActivityService { ActivityService(store: request.store) }

    static let filters = [
        ListParameter("kind", .oneOf(Activity.Kind.allCases.map(\.rawValue))),
        ListParameter("status", .oneOf(Activity.Status.allCases.map(\.rawValue))),
        ListParameter("regarding_id", .uuid),
    ]

    @Sendable static func list(_ request: Request) async throws -> Response {
        let page = try await service(request).list(try SalesRequests.listRequest(request, ActivityService.list, filters: filters), in: try request.actor)
        return try jsonResponse(ListBody(page, ActivityDTO.init))
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let activity = try await service(request).find(try idParameter(request), in: try request.actor)
        return try jsonResponse(ActivityDTO(activity), version: activity.version)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let input = read(&reader)
        let activity = try await service(request).create(input, by: try request.actor, readProblems: reader.validator)
        return try jsonResponse(ActivityDTO(activity), status: .created, version: activity.version, location: "/api/v1/activities/\(activity.id!)")
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let input = read(&reader)
        let activity = try await service(request).update(try idParameter(request), input, expectedVersion: Versioning.expectedVersion(request),
                                                         by: try request.actor, readProblems: reader.validator)
        return try jsonResponse(ActivityDTO(activity), version: activity.version)
    }

    @Sendable static func delete(_ request: Request) async throws -> HTTPStatus {
        try await service(request).delete(try idParameter(request), expectedVersion: Versioning.expectedVersion(request), by: try request.actor)
        return .noContent
    }

    @Sendable static func restore(_ request: Request) async throws -> Response {
        let activity = try await service(request).restore(try idParameter(request), by: try request.actor)
        return try jsonResponse(ActivityDTO(activity), version: activity.version)
    }

    /// `GET /me/reminders`: the actor's open activities whose reminder time has come.
    @Sendable static func reminders(_ request: Request) async throws -> Response {
        let activities = try await service(request).reminders(in: try request.actor)
        return try jsonResponse(RemindersBody(data: activities.map(ActivityDTO.init)))
    }

    struct RemindersBody: Encodable {
        var data: [ActivityDTO]
    }

    /// `GET /<resource>/{id}/timeline?limit=&cursor=`, newest first.
    static func timeline(of type: RegardingType) -> @Sendable (Request) async throws -> Response {
        { request in
            var query = QueryReader(request)
            let limit = query.int("limit", in: 1...PageRequest.maximumLimit) ?? PageRequest.defaultLimit
            var cursor: ListCursor?
            if let raw = query.string("cursor", max: 2000) {
                do { cursor = try ListCursor(encoded: raw) } catch { query.validator.add("cursor", .invalidFormat) }
            }
            try query.finish()
            let page = try await TimelineService(store: request.store).timeline(of: type, try idParameter(request), limit: limit,
                                                                                after: cursor, in: try request.actor)
            return try jsonResponse(ListBody(page, TimelineEntryDTO.init))
        }
    }

    static func read(_ reader: inout FieldReader) -> ActivityInput {
        ActivityInput(
            provided: reader.providedKeys, kind: reader.string("kind"), subject: reader.string("subject"), body: reader.string("body"),
            status: reader.string("status"), priority: reader.string("priority"), direction: reader.string("direction"),
            dueAt: reader.date("due_at"), startAt: reader.date("start_at"), endAt: reader.date("end_at"), remindAt: reader.date("remind_at"),
            regarding: reader.nested("regarding") { ActivityInput.Regarding(type: $0.string("type"), id: $0.uuid("id")) },
            participants: reader.nestedList("participants") { ActivityInput.Participant(type: $0.string("type"), id: $0.uuid("id")) },
            ownerUserID: reader.uuid("owner_id"), ownerTeamID: reader.uuid("owner_team_id"))
    }
}
