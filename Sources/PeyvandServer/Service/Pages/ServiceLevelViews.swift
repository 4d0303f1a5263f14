import Foundation
import PeyvandCore
import Plot

/// What the case page shows of its service level, and the duration format the SLA screens use.
enum ServiceLevelViews {
    /// The SLA and contract section of a case page: each clock's state, time left or overdue
    /// and due time; the contract's standing and usage, flagged when the case was opened outside it.
    static func caseSection(_ supportCase: SupportCase, level: CaseServiceLevel, page: WebPage) -> Node<HTML.BodyContext> {
        let language = page.language
        func text(_ key: ServiceLevelText) -> String { key.text(in: language) }
        var rows: [(String, Node<HTML.BodyContext>)] = []
        if let policy = level.policy { rows.append((text(.slaPolicy), .text(policy.name))) }
        for (label, clock) in [(text(.firstResponse), level.firstResponse), (text(.resolution), level.resolution)] {
            guard let clock else { continue }
            rows.append((label, clockNode(clock, page: page)))
        }
        if let standing = level.contract {
            let contract = standing.contract
            var usage = ""
            if let total = contract.entitlementTotal {
                usage = " · \(text(.entitlementUsed)): \(quantity(standing.used, page: page)) \(text(.of)) \(page.display.number(total))"
                    + " (\(text(.unit(contract.unit))))"
            }
            rows.append((text(.contract), .group(
                .a(.href(ContractPages.path(contract.id).path), .text(contract.name)),
                .text(" · "), .span(.class("badge standing-\(standing.standing.rawValue)"), .text(text(.standing(standing.standing)))),
                .text(usage))))
        }
        let flagged = supportCase.contractStanding.flatMap(ContractStanding.init(rawValue:)).flatMap { $0 == .active ? nil : $0 }
        return RecordView.section(text(.serviceLevel), id: "sla",
            .unwrap(flagged) { standing in
                .p(.class("notice warning"), .text(text(.openedOutsideContract) + ": " + text(.standing(standing))))
            },
            rows.isEmpty ? .p(.class("empty"), .text(text(.noPolicy))) : RecordView.richDetails(rows))
    }

    static func clockNode(_ clock: SLAClock, page: WebPage) -> Node<HTML.BodyContext> {
        let language = page.language
        func text(_ key: ServiceLevelText) -> String { key.text(in: language) }
        var detail: [String] = []
        switch clock.state {
        case .running, .atRisk:
            detail.append(duration(minutes: Int(clock.remaining / 60), page: page) + " " + text(.left))
        case .breached:
            detail.append(duration(minutes: Int(-clock.remaining / 60), page: page) + " " + text(.overdue))
        case .paused:
            detail.append(duration(minutes: Int(clock.used / 60), page: page) + " " + text(.of) + " "
                          + duration(minutes: Int(clock.target / 60), page: page) + " " + text(.used))
        case .met, .metLate:
            break
        }
        if let due = clock.dueAt { detail.append(text(.due) + ": " + page.display.moment(due)) }
        return .group(.span(.class("badge sla-\(clock.state.rawValue)"), .text(text(.state(clock.state)))),
                      .text(detail.isEmpty ? "" : " · " + detail.joined(separator: " · ")))
    }

    /// A list cell: the due time of the clock the agent must act on next (the first response until
    /// it is given, then the resolution), marked when it has passed; empty while paused or met.
    static func nextDue(of supportCase: SupportCase, now: Date, page: WebPage) -> Node<HTML.BodyContext> {
        guard supportCase.resolvedAt == nil,
              let due = supportCase.firstResponseAt == nil ? supportCase.slaFirstResponseDueAt : supportCase.slaResolutionDueAt
        else { return .empty }
        return due < now ? .span(.class("badge overdue"), .text(page.display.moment(due))) : .text(page.display.moment(due))
    }

    /// Working minutes as `h:mm`, in the reader's digits.
    static func duration(minutes: Int, page: WebPage) -> String {
        PersianText.digits(String(format: "%d:%02d", minutes / 60, minutes % 60), page.display.digits)
    }

    /// Hours or cases used, without a needless fraction.
    static func quantity(_ value: Double, page: WebPage) -> String {
        value == value.rounded() ? page.display.number(Int(value))
            : PersianText.digits(String(format: "%.1f", value), page.display.digits)
    }

    /// `4`, `1:30`, `۰:۴۵`, `1.5` (hours) → minutes; nil when not a duration.
    static func minutes(from typed: String?) -> Int? {
        guard let typed else { return nil }
        let text = PersianText.toASCIIDigits(typed).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "٫", with: ".")
        if let colon = text.firstIndex(of: ":") {
            guard let hours = Int(text[..<colon]), let minutes = Int(text[text.index(after: colon)...]), hours >= 0, (0..<60).contains(minutes)
            else { return nil }
            return hours * 60 + minutes
        }
        guard let hours = Double(text), hours >= 0, hours.isFinite else { return nil }
        return Int((hours * 60).rounded())
    }
}
