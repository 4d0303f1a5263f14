import Foundation
import PeyvandCore
import Plot

/// The customer's history beside a case: their other cases, latest activities and the account's
/// latest orders, with a link to the whole timeline on the account's (or contact's) page.
enum CaseHistoryViews {
    static func section(_ supportCase: SupportCase, history: CaseCustomerHistory, page: WebPage) -> Node<HTML.BodyContext> {
        let language = page.language, display = page.display
        func text(_ key: CaseText) -> String { key.text(in: language) }
        let timeline: SiteURL? = supportCase.accountID.map { .record(.accounts, $0) } ?? supportCase.contactID.map { .record(.contacts, $0) }
        func list<Item>(_ title: CaseText, _ items: [Item], _ row: @escaping (Item) -> Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
            .if(!items.isEmpty, .group(.h3(.text(text(title))), .ul(.class("related"), .forEach(items) { .li(row($0)) })))
        }
        return .if(!history.isEmpty, RecordView.section(text(.customerHistory), id: "history",
            list(.otherCases, history.cases) { other in
                .group(.a(.href(SiteURL.record(.cases, other.id).path), .attribute(named: "dir", value: "auto"), .text("\(other.number) · \(other.title)")),
                       .text(" (" + CaseText.value(other.status, in: language) + " · " + display.moment(other.createdAt) + ")"))
            },
            list(.latestActivities, history.activities) { activity in
                .group(.a(.href(SiteURL.record(.activities, activity.id).path), .attribute(named: "dir", value: "auto"),
                          .text(ActivityText.kind(activity.kind, in: language) + ": " + activity.subject)),
                       .text(" (" + display.moment(activity.timelineAt) + ")"))
            },
            list(.latestOrders, history.orders) { order in
                .group(.a(.href(SiteURL.record(.orders, order.id).path), .text(order.number)),
                       .text(" · " + SalesText.value(order.status, in: language) + " · " + display.money(order.totalMinor, currency: order.currency)))
            },
            .unwrap(timeline) { .a(.class("button quiet"), .href($0.path + "#timeline"), .text(text(.wholeTimeline))) }))
    }
}
