import FluentKit
import Foundation
import PeyvandCore
import Plot

/// The 360° timeline on a record page, newest first, with a quick-add form for a note, call,
/// task or meeting above it. The same entries as `GET /api/v1/<resource>/{id}/timeline`.
struct TimelineView {
    var entries: [TimelineEntry]
    var nextCursor: String?
    /// Names of the stages and people the entries mention, fetched once for the whole page.
    var stageNames: [UUID: String] = [:]
    var userNames: [UUID: String] = [:]
    /// Number and title of the service cases whose changes the entries show.
    var caseNames: [UUID: String] = [:]

    static let pageSize = 20

    /// One page of the timeline of a record the page has just read, with the names it needs (two
    /// queries, whatever its length).
    static func load(_ type: RegardingType, _ id: UUID, cursor: String?, page: WebPage) async throws -> TimelineView {
        let position = try cursor.map { try ListCursor(encoded: $0) }
        let result = try await TimelineService(store: page.store).timeline(of: type, id, limit: pageSize, after: position, in: page.context,
                                                                           recordIsReadable: true)
        var view = TimelineView(entries: result.items, nextCursor: result.nextCursor?.encoded)
        let stageIDs = Set(result.items.compactMap(\.stageChange).flatMap { [$0.fromStageID, $0.toStageID].compactMap { $0 } })
        if !stageIDs.isEmpty {
            for stage in try await PipelineStage.query(on: page.store.database)
                .filter(\.$organisationID == page.context.organisationID).filter(\.$id ~~ stageIDs).all() {
                view.stageNames[stage.id!] = stage.name
            }
        }
        let userIDs = Set(result.items.compactMap { $0.audit?.actorUserID })
        if !userIDs.isEmpty {
            for user in try await User.query(on: page.store.database)
                .filter(\.$organisationID == page.context.organisationID).filter(\.$id ~~ userIDs).all() {
                view.userNames[user.id!] = user.name
            }
        }
        let caseIDs = Set(result.items.compactMap { $0.audit?.recordType == SupportCase.auditType ? $0.recordID : nil })
        if !caseIDs.isEmpty {
            for supportCase in try await SupportCase.query(on: page.store.database)
                .filter(\.$organisationID == page.context.organisationID).filter(\.$id ~~ caseIDs).all() {
                view.caseNames[supportCase.id!] = "\(supportCase.number) · \(supportCase.title)"
            }
        }
        return view
    }

    func node(record url: SiteURL, quickAdd: FormState, page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display
        let language = page.language
        func text(_ key: ActivityText) -> String { key.text(in: language) }
        let kinds = [Activity.Kind.note, .call, .task, .meeting].map { ($0.rawValue, ActivityText.kind($0.rawValue, in: language)) }
        return RecordView.section(
            text(.timeline), id: "timeline",
            .if(page.context.permissions.scope(for: .activities, .create) != nil, .element(named: "details", nodes: [
                .attribute(named: "open", value: quickAdd.formError == nil ? nil : "open"),
                .element(named: "summary", text: text(.quickAdd)),
                page.form(
                    action: SiteURL.recordAction(url.resource, url.recordID, "activities").path, class: "quick-add",
                    FormBanner.node(quickAdd, display: display),
                    .div(.class("field-row"),
                         FormField("kind", text(.kind), in: quickAdd, control: .select(kinds), isRequired: true).node,
                         FormField("subject", text(.subject), in: quickAdd, isRequired: true).node),
                    FormField("body", text(.body), in: quickAdd, control: .textarea).node,
                    FormField("due_at", text(.dueAt), in: quickAdd, hint: text(.dueHint)).date.node,
                    .button(.type(.submit), .text(text(.add)))
                ),
            ])),
            entries.isEmpty ? .p(.class("empty"), .text(text(.noEntries))) : .ol(
                .class("timeline"),
                .forEach(entries) { entry in
                    .li(.class("timeline-entry kind-\(entry.kind.rawValue)"),
                        .element(named: "time", nodes: [.attribute(named: "datetime", value: ISO8601DateFormatter().string(from: entry.at)),
                                                        .text(display.moment(entry.at))]),
                        describe(entry, display: display))
                }
            ),
            .unwrap(nextCursor) { cursor in
                .a(.class("button quiet"), .href(url.with([("timeline", cursor)]) + "#timeline"), .text(text(.olderEntries)))
            }
        )
    }

    private func describe(_ entry: TimelineEntry, display: Display) -> Node<HTML.BodyContext> {
        let language = display.language
        func text(_ key: ActivityText) -> String { key.text(in: language) }
        if let activity = entry.activity {
            return .div(
                .strong(.text(ActivityText.kind(activity.kind, in: language) + ": "),
                        .a(.href(SiteURL.record(.activities, activity.id).path), .text(activity.subject))),
                .span(.class("muted"), .text(" · " + ActivityText.kind(activity.status, in: language))),
                .unwrap(activity.dueAt) { .span(.class("muted"), .text(" · \(text(.dueAt)) \(display.moment($0))")) },
                .unwrap(activity.body) { .p(.text($0)) })
        }
        if let change = entry.stageChange {
            let from = change.fromStageID.flatMap { stageNames[$0] } ?? "—"
            let arrow = language == .fa ? " ← " : " → "
            return .div(.strong(.text(text(.stageChanged))), .text(": " + from + arrow + (stageNames[change.toStageID] ?? "")))
        }
        if let document = entry.document {
            let kind: ActivityText = switch type(of: document).documentKind {
            case .quote: .documentQuote
            case .order: .documentOrder
            case .invoice: .documentInvoice
            }
            return .div(.strong(.text("\(text(kind)) \(document.number)")),
                        .text(" · " + SalesText.value(document.status, in: language) + " · " + display.money(document.totalMinor, currency: document.currency)))
        }
        if let audit = entry.audit {
            let action: ActivityText = switch audit.action {
            case "create": .created
            case "delete": .deleted
            case "restore": .restored
            case "merge": .merged
            default: .updated
            }
            let fields = (try? JSONDecoder().decode(JSONValue.self, from: Data(audit.changesJSON.utf8))).flatMap { value -> [String]? in
                if case .object(let members) = value { return members.keys.sorted() }
                return nil
            } ?? []
            return .div(.unwrap(caseNames[audit.recordID]) { name in
                            .group(.a(.href(SiteURL.record(.cases, audit.recordID).path), .attribute(named: "dir", value: "auto"), .text(name)), .text(" · "))
                        },
                        .strong(.text(text(action))),
                        .unwrap(audit.actorUserID.flatMap { userNames[$0] }) { .text(" · " + $0) },
                        .if(action == .updated && !fields.isEmpty, .span(.class("muted"), .text(" · \(text(.changedFields)): " + fields.joined(separator: ", ")))))
        }
        return .text("")
    }
}

extension SiteURL {
    /// The resource and id of a record address, for building its sub-addresses.
    var resource: WebResource {
        switch self {
        case .records(let resource), .newRecord(let resource), .export(let resource), .bulk(let resource), .record(let resource, _), .editRecord(let resource, _),
             .recordAction(let resource, _, _): resource
        default: .contacts
        }
    }

    var recordID: UUID? {
        switch self {
        case .record(_, let id), .editRecord(_, let id), .recordAction(_, let id, _): id
        default: nil
        }
    }
}
