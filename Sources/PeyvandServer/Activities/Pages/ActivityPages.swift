import Foundation
import PeyvandCore
import Vapor

/// The activity screens: list, record page, forms and the done/reopen button, through the same
/// reader and service as `ActivitiesAPI`; and the timeline's quick add on other records' pages.
/// An activity has no timeline of its own: it is an entry on the timeline of what it regards.
enum ActivityPages: RecordPages {
    typealias Record = Activity
    static let resource = WebResource.activities
    static let regarding: RegardingType? = nil
    static let shape = FormData.Shape()
    /// Activities carry no tags.
    static let bulkActions: [BulkAction] = [.assign, .delete]

    static func service(_ page: WebPage) -> ActivityService { ActivityService(store: page.store) }

    /// `GET /activities`: the same list and filters as `GET /api/v1/activities`; `owner_id` of the
    /// reader shows "my activities".
    @Sendable static func list(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let query = try await ListQuery.load(request, filterNames: ActivitiesAPI.filters.map(\.name) + ["owner_id"], resource: .activities, page: page)
        let result = try await service(page).list(
            try SalesRequests.listRequest(request, ActivityService.list, filters: ActivitiesAPI.filters), in: page.context)
        let names = try await names(regarding: result.items.map { ($0.regardingType, $0.regardingID) }, page: page)
        return page.render(page.text(.activities), section: .activities, ActivityViews.list(result, names: names, query: query, page: page))
    }

    static func recordPage(_ page: WebPage, _ id: UUID, _ quickAdd: FormState) async throws -> Response {
        let activity = try await service(page).find(id, in: page.context)
        let names = try await names(regarding: [(activity.regardingType, activity.regardingID)], page: page)
        let contactIDs = activity.participants.filter { $0.type == ActivityParticipant.ParticipantType.contact.rawValue }.map(\.id)
        let contacts = try await RecordNames.contacts(Set(contactIDs), in: page)
        return page.render(activity.subject, section: .activities,
                           ActivityViews.record(activity, names: names, participantContacts: contacts, page: page))
    }

    /// A new activity about the record it was started from (`?regarding_type=contact&regarding_id=`).
    static func blankForm(_ request: Request) -> FormState {
        var values = ["kind": Activity.Kind.task.rawValue, "priority": Activity.Priority.normal.rawValue]
        if let type = request.query[String.self, at: "regarding_type"].flatMap(RegardingType.init(rawValue:)),
           let id = request.query[UUID.self, at: "regarding_id"] {
            values[RegardingPicker.pickedField] = "\(type.rawValue):\(id.uuidString.lowercased())"
        }
        return FormState(values: values)
    }

    static func formPage(_ page: WebPage, state: FormState, record activity: Activity?, status: HTTPStatus) async throws -> Response {
        var regarding = activity.map { ($0.regardingType, $0.regardingID) } ?? (nil, nil)
        if let picked = state.values[RegardingPicker.pickedField]?.split(separator: ":", maxSplits: 1), picked.count == 2 {
            regarding = (String(picked[0]), UUID(uuidString: String(picked[1])))
        }
        let names = try await names(regarding: [regarding], page: page)
        let title = activity.map { "\(page.text(.edit)): \($0.subject)" } ?? page.text(.newActivity)
        return page.render(title, section: .activities, status: status,
                           ActivityViews.form(state, activity: activity, names: names, title: title, page: page))
    }

    static func find(_ id: UUID, page: WebPage) async throws -> Activity {
        try await service(page).find(id, in: page.context)
    }

    /// Times are typed in the reader's calendar and zone (`۱۴۰۵/۰۹/۰۳ ۱۰:۳۰`); the API takes
    /// RFC 3339 instants. A time that reads as no real moment is passed on as typed, so the
    /// shared reader refuses it beside its field.
    static func prepare(_ object: inout [String: JSONValue], page: WebPage) {
        for field in ActivityViews.momentFields {
            if case .string(let typed)? = object[field.name], let moment = page.display.parseMoment(typed) {
                object[field.name] = .string(ISO8601DateFormatter().string(from: moment))
            }
        }
    }

    static func saveNew(_ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> Activity {
        let (input, problems) = try await read(&reader, form: form, page: page)
        return try await service(page).create(input, by: page.context, readProblems: problems)
    }

    static func saveChanges(_ id: UUID, _ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> Activity {
        let (input, problems) = try await read(&reader, form: form, page: page)
        return try await service(page).update(id, input, expectedVersion: expectedVersion(form), by: page.context, readProblems: problems)
    }

    /// The API's reading of the form, with the record the form's "regarding" box names.
    private static func read(_ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> (ActivityInput, FieldValidator) {
        var input = ActivitiesAPI.read(&reader)
        var problems = reader.validator
        if let chosen = try await RegardingPicker.chosen(in: form, page: page) {
            input.regarding = chosen.regarding
            input.provided.insert("regarding")
            if let problem = chosen.problem { problems.add(RegardingPicker.box, problem) }
        }
        return (input, problems)
    }

    static func delete(_ id: UUID, version: Int?, page: WebPage) async throws {
        try await service(page).delete(id, expectedVersion: version, by: page.context)
    }

    static func assign(_ id: UUID, to owner: UUID, page: WebPage) async throws {
        _ = try await service(page).update(id, ActivityInput(provided: ["owner_id"], ownerUserID: owner), expectedVersion: nil, by: page.context)
    }

    static func values(of activity: Activity, display: Display) -> [String: String] {
        ActivityViews.values(of: activity, display: display)
    }

    /// `POST /activities/{id}/status`: the record page's "mark done" and "reopen", an update of
    /// the status alone (the service stamps or clears the completion time).
    @Sendable static func changeStatus(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let id = try idParameter(request)
        let form = try await FormData(request)
        _ = try await service(page).update(id, ActivityInput(provided: ["status"], status: form.value("status")),
                                           expectedVersion: expectedVersion(form), by: page.context)
        return page.redirect(to: SiteURL.record(.activities, id).path)
    }

    static func registerStatusChange(on routes: any RoutesBuilder) {
        routes.post(SiteURL.recordAction(.activities, nil, "status").pathComponents, use: changeStatus)
    }

    /// The names of the records activities regard and of the organisation's users: one query
    /// per record type present, whatever the number of activities.
    private static func names(regarding: [(type: String?, id: UUID?)], page: WebPage) async throws -> ActivityViews.Names {
        func ids(_ type: RegardingType) -> Set<UUID> {
            Set(regarding.compactMap { $0.type == type.rawValue ? $0.id : nil })
        }
        var names = ActivityViews.Names(users: try await RecordNames.users(in: page))
        for found in [try await RecordNames.accounts(ids(.account), in: page), try await RecordNames.contacts(ids(.contact), in: page),
                      try await RecordNames.leads(ids(.lead), in: page), try await RecordNames.opportunities(ids(.opportunity), in: page)] {
            names.records.merge(found) { first, _ in first }
        }
        return names
    }

    /// Shows a record page again with the quick-add form's state (after a refused add).
    typealias RecordPage = @Sendable (WebPage, UUID, FormState) async throws -> Response

    /// `POST /<resource>/{id}/activities`: adds a note, call, task or meeting about the record and
    /// returns to its timeline; a refused one shows the record page with the form as typed.
    static func quickAdd(_ resource: WebResource, regarding: RegardingType,
                         recordPage: @escaping RecordPage) -> @Sendable (Request) async throws -> Response {
        { request in
            let page = try WebPage(request)
            let id = try idParameter(request)
            let form = try await FormData(request)
            func filled(_ name: String) -> String? {
                form.value(name).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            var problems = FieldValidator()
            var when: Date?
            if let raw = filled("due_at") {
                when = page.display.parseMoment(raw)
                if when == nil { problems.add("due_at", .invalidFormat) }
            }
            let kind = filled("kind")
            // A meeting has a start; the other kinds have a due time.
            let isMeeting = kind == Activity.Kind.meeting.rawValue
            let input = ActivityInput(
                provided: ["kind", "subject", "body", isMeeting ? "start_at" : "due_at", "regarding"], kind: kind,
                subject: filled("subject"), body: filled("body"), dueAt: isMeeting ? nil : when, startAt: isMeeting ? when : nil,
                regarding: .init(type: regarding.rawValue, id: id))
            do {
                _ = try await ActivityService(store: page.store).create(input, by: page.context, readProblems: problems)
                return page.redirect(to: SiteURL.record(resource, id).path + "#timeline")
            } catch let error as any DomainError where error.kind == .validation {
                var state = FormState(refused: error, form: form, rowOrigins: [:], language: page.language)
                if isMeeting, let message = state.errors.removeValue(forKey: "start_at") { state.errors["due_at"] = message }
                return try await recordPage(page, id, state)
            }
        }
    }
}
