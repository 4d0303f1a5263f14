import Foundation
import PeyvandCore
import Vapor

/// The activities list (tasks, calls, meetings… filtered by kind, status and owner) and the
/// timeline's quick add on record pages.
enum ActivityPages {
    /// `GET /activities`: the same list and filters as `GET /api/v1/activities`; `owner_id` of the
    /// reader by default shows "my activities".
    @Sendable static func list(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let language = page.language, display = page.display
        let query = ListQuery(request, filterNames: ActivitiesAPI.filters.map(\.name) + ["owner_id"])
        let result = try await ActivityService(store: page.store).list(
            try SalesRequests.listRequest(request, ActivityService.list, filters: ActivitiesAPI.filters), in: page.context)
        let users = try await RecordNames.users(in: page)
        let url = SiteURL.activities
        func text(_ key: ActivityText) -> String { key.text(in: language) }
        let columns: [ListColumn<Activity>] = [
            ListColumn(text(.subject), sort: "subject") { activity in
                .unwrap(activity.regardingType.flatMap { type in activity.regardingID.map { (WebResource(recordType: type), $0) } },
                        { .a(.href(SiteURL.record($0.0, $0.1).path + "#timeline"), .text(activity.subject)) }, else: .text(activity.subject))
            },
            ListColumn(text(.kind)) { .text(ActivityText.kind($0.kind, in: language)) },
            ListColumn(SalesText.status.text(in: language)) { .text(ActivityText.kind($0.status, in: language)) },
            ListColumn(text(.dueAt), sort: "timeline_at") { .text(display.moment($0.startAt ?? $0.dueAt ?? $0.timelineAt)) },
            ListColumn(SalesText.owner.text(in: language)) { .text($0.ownerUserID.flatMap { users[$0] } ?? "") },
        ]
        let kinds = Activity.Kind.allCases.map { ($0.rawValue, ActivityText.kind($0.rawValue, in: language)) }
        let statuses = Activity.Status.allCases.map { ($0.rawValue, ActivityText.kind($0.rawValue, in: language)) }
        let owners = users.sorted { $0.value < $1.value }.map { ($0.key.uuidString, $0.value) }
        return page.render(page.text(.activities), section: .activities, .group(
            RecordView.header(page.text(.activities), actions: [
                .a(.class("button quiet"), .href(url.with([("owner_id", page.context.userID.uuidString), ("status", "open")]).attributeEscaped),
                   .text(page.text(.myOpenTasks))),
            ]),
            ListView.toolbar(url, query: query, filters: [
                FormField(name: "kind", label: text(.kind), control: .select(kinds), value: query.value(of: "kind")),
                FormField(name: "status", label: SalesText.status.text(in: language), control: .select(statuses), value: query.value(of: "status")),
                FormField(name: "owner_id", label: SalesText.owner.text(in: language), control: .select(owners), value: query.value(of: "owner_id")),
            ], display: display),
            ListView.table(result.items, columns: columns, query: query, url: url, display: display, defaultSort: "-timeline_at"),
            ListView.pager(url, query: query, nextCursor: result.nextCursor?.encoded, display: display)
        ))
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
