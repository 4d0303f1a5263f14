import PeyvandCore
import Plot

/// The parts every record page is built from: a heading with its actions, a details list and
/// titled sections.
enum RecordView {
    static func header(_ title: String, subtitle: String? = nil, actions: [Node<HTML.BodyContext>]) -> Node<HTML.BodyContext> {
        .div(
            .class("record-header"),
            .div(.h1(.text(title)), .unwrap(subtitle) { .p(.class("subtitle"), .text($0)) }),
            .div(.class("record-actions"), .group(actions))
        )
    }

    /// A definition list of (label, value) pairs; rows whose value is empty are left out.
    static func details(_ rows: [(String, String?)]) -> Node<HTML.BodyContext> {
        .dl(.class("details"), .forEach(rows.filter { !($0.1 ?? "").isEmpty }) { row in
            // User text may be in either language; each value takes its own direction.
            .group(.dt(.text(row.0)), .dd(.attribute(named: "dir", value: "auto"), .text(row.1 ?? "")))
        })
    }

    /// Like `details`, with values that are markup (links, lists of phones).
    static func richDetails(_ rows: [(String, Node<HTML.BodyContext>)]) -> Node<HTML.BodyContext> {
        .dl(.class("details"), .forEach(rows) { row in .group(.dt(.text(row.0)), .dd(row.1)) })
    }

    static func section(_ title: String, id: String? = nil, _ content: Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> {
        .section(.class("card record-section"), .unwrap(id) { .id($0) },
                 .h2(.text(title)), .group(content))
    }
}

/// The messages above a form: why it was refused, the likely duplicates (with a way to save
/// anyway), and, when someone else saved first, their values beside the user's.
enum FormBanner {
    static func node(_ state: FormState, display: Display, labels: [String: String] = [:],
                     stored: [String: String]? = nil) -> Node<HTML.FormContext> {
        .group(
            .unwrap(state.formError) { message in
                .div(.class("form-error"), .attribute(named: "role", value: "alert"), .text(message))
            },
            .if(!state.duplicates.isEmpty || state.hiddenDuplicates > 0, duplicates(state, display: display)),
            .unwrap(state.currentVersion) { version in
                .group(
                    .input(.type(.hidden), .name("version"), .value(String(version))),
                    staleComparison(state, display: display, labels: labels, stored: stored ?? [:]))
            }
        )
    }

    private static func duplicates(_ state: FormState, display: Display) -> Node<HTML.FormContext> {
        .div(
            .class("duplicates"),
            .p(.text(display.text(.possibleDuplicates))),
            .ul(.forEach(state.duplicates) { candidate in
                .li(.a(.href(SiteURL.record(WebResource(recordType: candidate.recordType), candidate.id).path), .text(candidate.displayName)),
                    .text(" (" + candidate.matchedOn.map { SalesText.value($0.rawValue, in: display.language) }.joined(separator: "، ") + ")"))
            }),
            .if(state.hiddenDuplicates > 0, .p(.text(display.text(.hiddenDuplicates(display.number(state.hiddenDuplicates)))))),
            .label(.class("choice"),
                   .input(.type(.checkbox), .name("allow_duplicate"), .value("1")),
                   .text(display.text(.saveAnyway)))
        )
    }

    private static func staleComparison(_ state: FormState, display: Display, labels: [String: String],
                                        stored: [String: String]) -> Node<HTML.FormContext> {
        let keys = Set(stored.keys).union(labels.keys).filter { key in
            labels[key] != nil && (stored[key] ?? "") != (state.values[key] ?? "")
        }.sorted()
        return .div(
            .class("stale"),
            .p(.text(display.text(.someoneElseSaved))),
            .table(
                .thead(.tr(.th(.text(display.text(.field))), .th(.text(display.text(.theirVersion))), .th(.text(display.text(.yourVersion))))),
                .tbody(.forEach(keys) { key in
                    .tr(.td(.text(labels[key] ?? key)), .td(.text(stored[key] ?? "")), .td(.text(state.values[key] ?? "")))
                })
            )
        )
    }
}

extension WebResource {
    /// The heading of the record type's list (and its name in search results).
    var title: UIText {
        switch self {
        case .accounts: .accounts
        case .contacts: .contacts
        case .leads: .leads
        case .opportunities: .opportunities
        case .quotes: .quotes
        case .orders: .orders
        case .invoices: .invoices
        case .products: .products
        case .priceLists: .priceLists
        case .activities: .activities
        case .cases: .cases
        case .knowledge: .knowledge
        }
    }

    /// The pages of an audit/record type name (`contact` → contacts).
    init(recordType: String) {
        switch recordType {
        case Account.auditType: self = .accounts
        case Lead.auditType: self = .leads
        case Opportunity.auditType: self = .opportunities
        case Quote.auditType: self = .quotes
        case SalesOrder.auditType: self = .orders
        case Invoice.auditType: self = .invoices
        case Product.auditType: self = .products
        case PriceList.auditType: self = .priceLists
        case Activity.auditType: self = .activities
        case SupportCase.auditType: self = .cases
        case KnowledgeArticle.auditType: self = .knowledge
        default: self = .contacts
        }
    }
}
