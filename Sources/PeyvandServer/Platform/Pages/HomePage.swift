import FluentKit
import Foundation
import PeyvandCore
import Plot

/// The signed-in landing page: what needs the user today (reminders, open tasks, today's
/// meetings), their own pipeline by stage, and the records they worked on last. A fixed number
/// of queries, whatever the data size.
struct HomePageModel {
    struct RecentRecord {
        var url: SiteURL
        var name: String
        var kind: UIText
    }

    var organisationName: String
    var reminders: [Activity] = []
    var openTasks: [Activity] = []
    var meetings: [Activity] = []
    var pipelineName: String?
    var pipeline: [(stage: PipelineStage, totals: [StageTotal])] = []
    var recent: [RecentRecord] = []

    static let itemsPerPanel = 8

    static func load(_ page: WebPage) async throws -> HomePageModel {
        let context = page.context
        let organisation = try await Organisation.find(context.organisationID, on: page.store.database)
        var model = HomePageModel(organisationName: organisation?.name ?? "")
        if context.permissions.scope(for: .activities, .read) != nil {
            let activities = ActivityService(store: page.store)
            model.reminders = try await activities.reminders(in: context, limit: itemsPerPanel)
            let mine: [ListFilter] = [.equals(column: "owner_user_id", value: context.userID),
                                      .equals(column: "status", value: Activity.Status.open.rawValue)]
            model.openTasks = try await activities.list(ListRequest(
                limit: itemsPerPanel, sort: ListSort("timeline_at", descending: false),
                filters: mine + [.oneOf(column: "kind", values: [Activity.Kind.task.rawValue, Activity.Kind.call.rawValue])]), in: context).items
            let (start, end) = today(in: context.timeZone, now: page.store.now())
            model.meetings = try await activities.list(ListRequest(
                limit: itemsPerPanel, sort: ListSort("timeline_at", descending: false),
                filters: mine + [.equals(column: "kind", value: Activity.Kind.meeting.rawValue),
                                 .atLeast(column: "timeline_at", value: start), .atMost(column: "timeline_at", value: end)]), in: context).items
        }
        if context.permissions.scope(for: .opportunities, .read) != nil,
           let (pipeline, stages) = try await PipelineService(store: page.store).listEnsuringDefault(in: context).first(where: { $0.0.isActive }) {
            let totals = try await OpportunityService(store: page.store).stageTotals(ofPipeline: pipeline.id!, ownedBy: context.userID, in: context)
            model.pipelineName = pipeline.name
            model.pipeline = stages.filter { $0.outcome == PipelineStage.Outcome.open.rawValue }
                .map { stage in (stage, totals.filter { $0.stageID == stage.id }) }
        }
        model.recent = try await recentRecords(page)
        return model
    }

    /// The records the user changed last, newest first, each once. Entry ids are time-ordered
    /// (UUIDv7), so newest-first is the (org, actor, id) index read backwards, not a sort of all the
    /// user's entries.
    private static func recentRecords(_ page: WebPage) async throws -> [RecentRecord] {
        let types = [Contact.auditType, Account.auditType, Lead.auditType, Opportunity.auditType]
        let entries = try await AuditEntry.query(on: page.store.database).scoped(to: page.context)
            .filter(\.$actorUserID == page.context.userID).filter(\.$recordType ~~ types)
            .sort(\.$id, .descending).limit(itemsPerPanel * 5).all()
        var seen = Set<UUID>(), picked: [AuditEntry] = []
        for entry in entries where picked.count < itemsPerPanel && seen.insert(entry.recordID).inserted { picked.append(entry) }
        func ids(_ type: String) -> Set<UUID> { Set(picked.filter { $0.recordType == type }.map(\.recordID)) }
        let contacts = try await RecordNames.contacts(ids(Contact.auditType), in: page)
        let accounts = try await RecordNames.accounts(ids(Account.auditType), in: page)
        let leads = try await RecordNames.leads(ids(Lead.auditType), in: page)
        let opportunities = try await RecordNames.opportunities(ids(Opportunity.auditType), in: page)
        return picked.compactMap { entry in
            let resource = WebResource(recordType: entry.recordType)
            let names: [UUID: String] = switch resource {
            case .contacts: contacts
            case .accounts: accounts
            case .leads: leads
            case .opportunities: opportunities
            case .quotes, .orders, .invoices, .products, .priceLists, .activities, .cases, .knowledge: [:]
            }
            return names[entry.recordID].map { RecentRecord(url: .record(resource, entry.recordID), name: $0, kind: resource.title) }
        }
    }

    private static func today(in timeZone: TimeZone, now: Date) -> (Date, Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let start = calendar.startOfDay(for: now)
        return (start, calendar.date(byAdding: .day, value: 1, to: start)!.addingTimeInterval(-0.001))
    }
}

enum HomePageView {
    static func render(_ model: HomePageModel, page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display
        func activityList(_ activities: [Activity], empty: UIText) -> Node<HTML.BodyContext> {
            guard !activities.isEmpty else { return .p(.class("empty"), .text(page.text(empty))) }
            return .ul(.class("related"), .forEach(activities) { activity in
                .li(.strong(.text(ActivityText.kind(activity.kind, in: page.language) + ": ")),
                    // The subject may be in the other language: isolated, so the date after it stays after it.
                    .element(named: "bdi", nodes: [.a(.href(SiteURL.record(.activities, activity.id).path), .text(activity.subject))]),
                    .span(.class("muted"), .text(" · " + display.moment(activity.startAt ?? activity.dueAt ?? activity.remindAt))))
            })
        }
        return .group(
            .h1(.text(page.text(.welcome(name: page.context.userName)))),
            .p(.class("muted"), .text("\(page.text(.organisation)): \(model.organisationName)")),
            .div(
                .class("dashboard"),
                RecordView.section(page.text(.reminders), activityList(model.reminders, empty: .nothingDue)),
                RecordView.section(page.text(.myOpenTasks), activityList(model.openTasks, empty: .nothingDue)),
                RecordView.section(page.text(.todaysMeetings), activityList(model.meetings, empty: .noMeetingsToday)),
                .unwrap(model.pipelineName) { name in
                    RecordView.section("\(page.text(.myPipeline)): \(name)", .table(
                        .class("summary"),
                        .tbody(.forEach(model.pipeline) { row in
                            .tr(.th(.text(row.stage.name)),
                                .td(.text(display.number(row.totals.reduce(0) { $0 + $1.count }))),
                                .td(.text(row.totals.map { display.money($0.amountMinor, currency: $0.currency) }.joined(separator: " + "))))
                        })),
                        .a(.href(SiteURL.board.path), .text(OpportunityText.board.text(in: page.language))))
                },
                RecordView.section(page.text(.recentRecords), model.recent.isEmpty
                    ? .p(.class("empty"), .text(page.text(.nothingFound)))
                    : .ul(.class("related"), .forEach(model.recent) { record in
                        .li(.a(.href(record.url.path), .text(record.name)), .span(.class("muted"), .text(" · " + page.text(record.kind))))
                    }))
            )
        )
    }
}
