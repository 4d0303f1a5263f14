import Foundation
import PeyvandCore
import Plot

/// What the activity pages show (see `ContactViews` for the shape every record's views share).
/// Form fields are named as the API's JSON fields; times are typed in the reader's calendar and
/// zone and turned into the API's instants by `ActivityPages.prepare`.
enum ActivityViews {
    /// The fields holding an instant, in the order the form and the record page show them.
    static let momentFields: [(name: String, label: ActivityText)] = [
        ("due_at", .dueAt), ("start_at", .startAt), ("end_at", .endAt), ("remind_at", .remindAt),
    ]

    /// The names of the records activities are regarding and of the people they involve, keyed
    /// by id (ids are unique across record types).
    struct Names {
        var records: [UUID: String] = [:]
        var users: [UUID: String] = [:]
    }

    static func list(_ result: ListPage<Activity>, names: Names, query: ListQuery, page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display, language = page.language
        func text(_ key: ActivityText) -> String { key.text(in: language) }
        let columns: [ListColumn<Activity>] = [
            ListView.selectColumn(\.id, label: \.subject),
            ListColumn(text(.subject), sort: "subject") { .a(.href(SiteURL.record(.activities, $0.id).path), .text($0.subject)) },
            ListColumn(text(.kind), key: "kind") { .text(ActivityText.kind($0.kind, in: language)) },
            ListColumn(SalesText.status.text(in: language), key: "status") { .text(ActivityText.kind($0.status, in: language)) },
            ListColumn(text(.dueAt), sort: "timeline_at", key: "when") { .text(display.moment($0.startAt ?? $0.dueAt ?? $0.timelineAt)) },
            ListColumn(text(.regarding), key: "regarding") { regardingLink($0.regardingType, $0.regardingID, names: names) },
            ListColumn(SalesText.owner.text(in: language), key: "owner") { .text($0.ownerUserID.flatMap { names.users[$0] } ?? "") },
        ]
        let kinds = options(Activity.Kind.self, in: language)
        let statuses = options(Activity.Status.self, in: language)
        let owners = names.users.sorted { $0.value < $1.value }.map { ($0.key.uuidString, $0.value) }
        let filters = [
            FormField(name: "kind", label: text(.kind), control: .select(kinds), value: query.value(of: "kind")),
            FormField(name: "status", label: SalesText.status.text(in: language), control: .select(statuses), value: query.value(of: "status")),
            FormField(name: "owner_id", label: SalesText.owner.text(in: language), control: .select(owners), value: query.value(of: "owner_id")),
        ]
        let myOpenTasks = SiteURL.activities.with([("owner_id", page.context.userID.uuidString), ("status", Activity.Status.open.rawValue)])
        return ListView.recordList(result, resource: .activities, module: .activities, title: .activities, newRecord: .newActivity,
                                   columns: columns, filters: filters, bulkActions: ActivityPages.bulkActions,
                                   headerActions: [.a(.class("button quiet"), .href(myOpenTasks.attributeEscaped), .text(page.text(.myOpenTasks)))],
                                   defaultSort: "-timeline_at", users: names.users, query: query, page: page)
    }

    static func record(_ activity: Activity, names: Names, participantContacts: [UUID: String], page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display, language = page.language
        func text(_ key: ActivityText) -> String { key.text(in: language) }
        let id = activity.id!
        let isOpen = activity.status == Activity.Status.open.rawValue
        let statusChange = isOpen ? Activity.Status.completed : Activity.Status.open
        let regarding: [(String, Node<HTML.BodyContext>)] = activity.regardingID == nil ? [] : [
            (text(.regarding), regardingLink(activity.regardingType, activity.regardingID, names: names)),
        ]
        let details: [(String, String?)] = [
            (text(.kind), ActivityText.kind(activity.kind, in: language)),
            (SalesText.status.text(in: language), ActivityText.kind(activity.status, in: language)),
            (text(.priority), ActivityText.kind(activity.priority, in: language)),
            (text(.direction), activity.direction.map { ActivityText.kind($0, in: language) }),
        ] + moments(of: activity).map { field in (text(field.label), display.moment(field.value)) } + [
            (text(.completedAt), display.moment(activity.completedAt)),
            (SalesText.owner.text(in: language), activity.ownerUserID.flatMap { names.users[$0] }),
            (SalesText.createdAt.text(in: language), display.moment(activity.createdAt)),
            (SalesText.updatedAt.text(in: language), display.moment(activity.updatedAt)),
        ]
        return .group(
            RecordView.header(activity.subject, subtitle: ActivityText.kind(activity.kind, in: language) + " · "
                              + ActivityText.kind(activity.status, in: language), actions: [
                .if(activity.permits(.update, by: page.context), .group(
                    page.button(text(isOpen ? .markDone : .reopen), posting: SiteURL.recordAction(.activities, id, "status").path,
                                hidden: [("status", statusChange.rawValue), ("version", String(activity.version))], class: isOpen ? "primary" : "quiet"),
                    .a(.class("button"), .href(SiteURL.editRecord(.activities, id).path), .text(page.text(.edit))))),
                .if(activity.permits(.delete, by: page.context),
                    page.button(page.text(.delete), posting: SiteURL.recordAction(.activities, id, "delete").path,
                                hidden: [("version", String(activity.version))], class: "danger", confirm: page.text(.confirmDelete))),
            ]),
            .div(
                .class("record-main"),
                RecordView.section(SalesText.details.text(in: language),
                    RecordView.richDetails(regarding + details.compactMap { label, value in
                        // User text may be in either language; each value takes its own direction.
                        value.flatMap { $0.isEmpty ? nil : (label, .span(.attribute(named: "dir", value: "auto"), .text($0))) }
                    }),
                    .unwrap(activity.body) { .p(.class("activity-body"), .attribute(named: "dir", value: "auto"), .text($0)) }),
                .if(!activity.participants.isEmpty, RecordView.section(text(.participants), .ul(
                    .class("related"),
                    .forEach(activity.participants) { participant in
                        if participant.type == ActivityParticipant.ParticipantType.contact.rawValue {
                            return .li(.a(.href(SiteURL.record(.contacts, participant.id).path), .text(participantContacts[participant.id] ?? "")))
                        }
                        return .li(.text(names.users[participant.id] ?? ""))
                    })))
            )
        )
    }

    static func form(_ state: FormState, activity: Activity?, names: Names, title: String, page: WebPage) -> Node<HTML.BodyContext> {
        let language = page.language
        func text(_ key: ActivityText) -> String { key.text(in: language) }
        let action = activity.map { SiteURL.editRecord(.activities, $0.id).path } ?? SiteURL.newRecord(.activities).path
        let cancel = activity.map { SiteURL.record(.activities, $0.id).path } ?? SiteURL.activities.path
        return .group(
            .h1(.text(title)),
            page.form(
                action: action,
                FormBanner.node(state, display: page.display, labels: labels(in: language),
                                stored: activity.map { values(of: $0, display: page.display) }),
                .if(state.currentVersion == nil, .unwrap(activity) { .input(.type(.hidden), .name("version"), .value(String($0.version))) }),
                .div(.class("field-row"),
                     RegardingPicker.node(state, type: activity?.regardingType, id: activity?.regardingID, names: names, page: page),
                     ownerField(state, activity: activity, names: names, page: page)),
                .div(.class("field-row"),
                     FormField("kind", text(.kind), in: state, control: .select(options(Activity.Kind.self, in: language)), isRequired: true).node,
                     FormField("subject", text(.subject), in: state, isRequired: true).node),
                // A new note is filed as done unless a status is chosen, so the status may stay blank until it exists.
                .div(.class("field-row"),
                     FormField("status", SalesText.status.text(in: language), in: state,
                               control: .select(options(Activity.Status.self, in: language)), isRequired: activity != nil).node,
                     FormField("priority", text(.priority), in: state, control: .select(options(Activity.Priority.self, in: language)),
                               isRequired: true).node,
                     FormField("direction", text(.direction), in: state, control: .select(options(Activity.Direction.self, in: language))).node),
                .element(named: "fieldset", nodes: [
                    .class("form-section"),
                    .element(named: "legend", text: text(.schedule)),
                    .div(.class("field-row"), .forEach(momentFields) { field in
                        FormField(field.name, text(field.label), in: state, hint: text(.dueHint)).date.node
                    }),
                ]),
                FormField("body", text(.body), in: state, control: .textarea).node,
                .div(.class("form-actions"),
                     .button(.type(.submit), .text(page.text(.save))),
                     .a(.class("button quiet"), .href(cancel), .text(page.text(.cancel))))
            )
        )
    }

    /// Who does it: offered to readers who may hand activities to others (the service checks again),
    /// except on an activity a team owns, which keeps its team.
    private static func ownerField(_ state: FormState, activity: Activity?, names: Names, page: WebPage) -> Node<HTML.FormContext> {
        let owner = activity == nil ? page.context.userID : activity?.ownerUserID
        guard page.context.permissions.scope(for: .activities, .assign) != nil, let owner else { return .empty }
        var field = FormField("owner_id", SalesText.owner.text(in: page.language), in: state,
                              control: .select(names.users.sorted { $0.value < $1.value }.map { ($0.key.uuidString, $0.value) }), isRequired: true)
        field.value = state.values["owner_id"] ?? owner.uuidString
        return field.node
    }

    static func regardingLink<Context: HTML.BodyContext>(_ type: String?, _ id: UUID?, names: Names) -> Node<Context> {
        guard let type = type.flatMap(RegardingType.init(rawValue:)), let id else { return .empty }
        return .a(.href(SiteURL.record(WebResource(recordType: type.rawValue), id).path), .text(names.records[id] ?? ""))
    }

    private static func moments(of activity: Activity) -> [(label: ActivityText, value: Date?)] {
        [(.dueAt, activity.dueAt), (.startAt, activity.startAt), (.endAt, activity.endAt), (.remindAt, activity.remindAt)]
    }

    static func values(of activity: Activity, display: Display) -> [String: String] {
        let values: [String: String?] = [
            "kind": activity.kind, "subject": activity.subject, "status": activity.status, "priority": activity.priority,
            "direction": activity.direction, "body": activity.body,
            "due_at": display.momentInput(activity.dueAt), "start_at": display.momentInput(activity.startAt),
            "end_at": display.momentInput(activity.endAt), "remind_at": display.momentInput(activity.remindAt),
        ]
        return values.compactMapValues { $0 }.filter { !$0.value.isEmpty }
    }

    static func labels(in language: PeyvandCore.Language) -> [String: String] {
        var labels: [String: String] = [
            "kind": ActivityText.kind.text(in: language), "subject": ActivityText.subject.text(in: language),
            "status": SalesText.status.text(in: language), "priority": ActivityText.priority.text(in: language),
            "direction": ActivityText.direction.text(in: language), "body": ActivityText.body.text(in: language),
        ]
        for field in momentFields { labels[field.name] = field.label.text(in: language) }
        return labels
    }

    static func options<Values: CaseIterable & RawRepresentable>(_ type: Values.Type, in language: PeyvandCore.Language)
        -> [(value: String, label: String)] where Values.RawValue == String {
        type.allCases.map { ($0.rawValue, ActivityText.kind($0.rawValue, in: language)) }
    }
}
