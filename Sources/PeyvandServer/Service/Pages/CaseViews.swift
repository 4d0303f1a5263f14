import Foundation
import PeyvandCore
import Plot

/// What the case pages show (see `ContactViews` for the shape every record's views share).
/// Form fields are named as the API's JSON fields.
enum CaseViews {
    /// Names the pages link to, each loaded once per page.
    struct Names {
        var users: [UUID: String] = [:]
        var queues: [UUID: String] = [:]
        var accounts: [UUID: String] = [:]
        var contacts: [UUID: String] = [:]
        var products: [UUID: String] = [:]
    }

    static func list(_ result: ListPage<SupportCase>, names: Names, query: ListQuery, page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display, language = page.language, now = page.store.now()
        func text(_ key: CaseText) -> String { key.text(in: language) }
        let columns: [ListColumn<SupportCase>] = [
            ListView.selectColumn(\.id, label: \.title),
            ListColumn(text(.number), sort: "number") { .a(.href(SiteURL.record(.cases, $0.id).path), .text($0.number)) },
            ListColumn(text(.title), sort: "title") {
                .a(.href(SiteURL.record(.cases, $0.id).path), .attribute(named: "dir", value: "auto"), .text($0.title))
            },
            ListColumn(text(.status), sort: "status", key: "status") { .span(.class("badge status-\($0.status)"), .text(CaseText.value($0.status, in: language))) },
            ListColumn(text(.priority), key: "priority") { .text(CaseText.value($0.priority, in: language)) },
            ListColumn(text(.type), key: "type") { .text(CaseText.value($0.type, in: language)) },
            ListColumn(text(.account), key: "account") { supportCase in
                .unwrap(supportCase.accountID) { id in .a(.href(SiteURL.record(.accounts, id).path), .text(names.accounts[id] ?? "")) }
            },
            ListColumn(text(.queue), key: "queue") { .text($0.queueID.flatMap { names.queues[$0] } ?? "") },
            ListColumn(text(.owner), key: "owner") { .text($0.ownerUserID.flatMap { names.users[$0] } ?? "") },
            ListColumn(ServiceLevelText.nextDue.text(in: language), key: "due") { ServiceLevelViews.nextDue(of: $0, now: now, page: page) },
            ListColumn(text(.channel), key: "channel", hiddenByDefault: true) { .text(CaseText.value($0.channel, in: language)) },
            ListColumn(text(.category), key: "category", hiddenByDefault: true) { .text($0.category ?? "") },
            ListColumn(SalesText.createdAt.text(in: language), sort: "created_at", key: "created") { .text(display.moment($0.createdAt)) },
        ]
        let owners = names.users.sorted { $0.value < $1.value }.map { ($0.key.uuidString, $0.value) }
        let queues = names.queues.sorted { $0.value < $1.value }.map { ($0.key.uuidString, $0.value) }
        let filters = [
            FormField(name: "status", label: text(.status), control: .select(CaseText.options(SupportCase.Status.self, in: language)),
                      value: query.value(of: "status")),
            FormField(name: "priority", label: text(.priority), control: .select(CaseText.options(SupportCase.Priority.self, in: language)),
                      value: query.value(of: "priority")),
            FormField(name: "type", label: text(.type), control: .select(CaseText.options(SupportCase.CaseType.self, in: language)),
                      value: query.value(of: "type")),
            FormField(name: "queue_id", label: text(.queue), control: .select(queues), value: query.value(of: "queue_id")),
            FormField(name: "owner_id", label: text(.owner), control: .select(owners), value: query.value(of: "owner_id")),
            FormField(name: "sla", label: ServiceLevelText.serviceLevel.text(in: language),
                      control: .select([("overdue", ServiceLevelText.overdueCases.text(in: language))]), value: query.value(of: "sla")),
        ]
        let mine = SiteURL.records(.cases).with([("owner_id", page.context.userID.uuidString)])
        return ListView.recordList(result, resource: .cases, module: .cases, title: .cases, newRecord: .newCase,
                                   columns: columns, filters: filters, bulkActions: CasePages.bulkActions,
                                   headerActions: [.a(.class("button quiet"), .href(mine.attributeEscaped), .text(text(.myCases)))],
                                   users: names.users, query: query, page: page)
    }

    static func record(_ supportCase: SupportCase, names: Names, related: [SupportCase], similar: [CaseSimilarity.Match],
                       knowledge: CaseArticleViews.Knowledge, history: CaseCustomerHistory, comments: [CaseComment],
                       serviceLevel: CaseServiceLevel, mail: CaseMailViews.Mail, commentForm: FormState, page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display, language = page.language
        func text(_ key: CaseText) -> String { key.text(in: language) }
        let id = supportCase.id!
        let status = SupportCase.Status(rawValue: supportCase.status) ?? .new
        let mayUpdate = supportCase.permits(.update, by: page.context)
        let version = ("version", String(supportCase.version))
        func move(_ label: CaseText, to target: SupportCase.Status, primary: Bool = false) -> Node<HTML.BodyContext> {
            .if(status.next.contains(target) && target != .resolved,
                page.button(text(label), posting: SiteURL.recordAction(.cases, id, "status").path,
                            hidden: [("status", target.rawValue), version], class: primary ? "primary" : "quiet"))
        }
        var details: [(String, Node<HTML.BodyContext>)] = [
            (text(.status), .text(CaseText.value(supportCase.status, in: language))),
            (text(.type), .text(CaseText.value(supportCase.type, in: language))),
            (text(.priority), .text(CaseText.value(supportCase.priority, in: language))),
            (text(.channel), .text(CaseText.value(supportCase.channel, in: language))),
        ]
        if let accountID = supportCase.accountID {
            let link: Node<HTML.BodyContext> = .group(
                .a(.href(SiteURL.record(.accounts, accountID).path), .text(names.accounts[accountID] ?? "")), .text(" · "),
                .a(.href(SiteURL.record(.accounts, accountID).path + "#timeline"), .text(text(.accountTimeline))))
            details.append((text(.account), link))
        }
        if let contactID = supportCase.contactID {
            let link: Node<HTML.BodyContext> = .group(
                .a(.href(SiteURL.record(.contacts, contactID).path), .text(names.contacts[contactID] ?? "")), .text(" · "),
                .a(.href(SiteURL.record(.contacts, contactID).path + "#timeline"), .text(text(.contactTimeline))))
            details.append((text(.contact), link))
        }
        if let productID = supportCase.productID {
            details.append((text(.product), .a(.href(SiteURL.record(.products, productID).path), .text(names.products[productID] ?? ""))))
        }
        let plain: [(String, String?)] = [
            (text(.productModel), supportCase.productModel), (text(.serialNumber), supportCase.serialNumber),
            (text(.category), supportCase.category), (text(.language), supportCase.language.map { CaseText.value($0, in: language) }),
            (text(.queue), supportCase.queueID.flatMap { names.queues[$0] }),
            (text(.owner), supportCase.ownerUserID.flatMap { names.users[$0] } ?? text(.unassigned)),
            (text(.firstResponseAt), display.moment(supportCase.firstResponseAt)),
            (text(.resolvedAt), display.moment(supportCase.resolvedAt)),
            (text(.closedAt), display.moment(supportCase.closedAt)),
            (ServiceLevelText.timeSpent.text(in: language), supportCase.timeSpentMinutes.map { display.number($0) }),
            (SalesText.createdAt.text(in: language), display.moment(supportCase.createdAt)),
        ]
        for (label, value) in plain {
            // User text may be in either language; each value takes its own direction.
            if let value, !value.isEmpty { details.append((label, .span(.attribute(named: "dir", value: "auto"), .text(value)))) }
        }
        return .group(
            RecordView.header(supportCase.title, subtitle: supportCase.number + " · " + CaseText.value(supportCase.status, in: language), actions: [
                .if(mayUpdate, .group(
                    move(.startWork, to: .inProgress, primary: status == .new),
                    .if(status.isOpen, move(.waitOnCustomer, to: .waitingOnCustomer)),
                    .if(!status.isOpen, page.button(text(.reopen), posting: SiteURL.recordAction(.cases, id, "reopen").path, hidden: [version])),
                    .if(status == .resolved, page.button(text(.close), posting: SiteURL.recordAction(.cases, id, "close").path, hidden: [version])),
                    .a(.class("button"), .href(SiteURL.editRecord(.cases, id).path), .text(page.text(.edit))))),
                .if(supportCase.permits(.delete, by: page.context),
                    page.button(page.text(.delete), posting: SiteURL.recordAction(.cases, id, "delete").path,
                                hidden: [version], class: "danger", confirm: page.text(.confirmDelete))),
            ]),
            .div(
                .class("record-main"),
                RecordView.section(SalesText.details.text(in: language),
                    RecordView.richDetails(details),
                    .unwrap(supportCase.details) { .p(.class("activity-body"), .attribute(named: "dir", value: "auto"), .text($0)) }),
                ServiceLevelViews.caseSection(supportCase, level: serviceLevel, page: page),
                .unwrap(supportCase.resolution) { resolution in
                    RecordView.section(text(.resolution), .p(.class("activity-body"), .attribute(named: "dir", value: "auto"), .text(resolution)))
                },
                .if(mayUpdate && status.next.contains(.resolved), RecordView.section(text(.resolve), id: "resolve", page.form(
                    action: SiteURL.recordAction(.cases, id, "resolve").path, class: "record-form",
                    .input(.type(.hidden), .name("version"), .value(String(supportCase.version))),
                    FormField("resolution", text(.resolution), in: commentForm, control: .textarea, isRequired: true).node,
                    .button(.type(.submit), .class("primary"), .text(text(.resolve)))))),
                .if(!related.isEmpty, RecordView.section(text(.relatedCases), .ul(
                    .class("related"),
                    .forEach(related) { other in
                        .li(.a(.href(SiteURL.record(.cases, other.id).path), .text("\(other.number) · \(other.title)")),
                            .text(" (" + CaseText.value(other.status, in: language) + ")"))
                    }))),
                .if(!similar.isEmpty, RecordView.section(text(.similarCases), id: "similar", .ul(
                    .class("related"),
                    .forEach(similar) { match in
                        .li(.a(.href(SiteURL.record(.cases, match.supportCase.id).path), .text("\(match.supportCase.number) · \(match.supportCase.title)")),
                            .text(" (" + CaseText.value(match.supportCase.status, in: language) + ")"),
                            .if(match.sameProduct, .span(.class("tag"), .text(text(.sameProduct)))),
                            .if(match.sameCategory, .span(.class("tag"), .text(text(.sameCategory)))),
                            .unwrap(match.supportCase.resolution) { .p(.class("muted"), .attribute(named: "dir", value: "auto"), .text($0)) })
                    }))),
                CaseArticleViews.sections(supportCase, knowledge: knowledge, mayUpdate: mayUpdate, page: page),
                CaseHistoryViews.section(supportCase, history: history, page: page),
                CaseMailViews.sections(supportCase, mail: mail, replyForm: commentForm, mayReply: mayUpdate, page: page),
                RecordView.section(text(.comments), id: "comments",
                    comments.isEmpty ? Node<HTML.BodyContext>.p(.class("empty"), .text(text(.noComments))) : .ol(
                        .class("timeline"),
                        .forEach(comments) { comment in
                            .li(.class("timeline-entry comment-\(comment.visibility)"),
                                .p(.class("timeline-meta"),
                                   .text((comment.authorUserID.map { names.users[$0] ?? "" } ?? CaseMailViews.Text.customer.text(in: language))
                                         + " · " + display.moment(comment.createdAt)
                                         + " · " + CaseText.value(comment.visibility, in: language))),
                                .p(.attribute(named: "dir", value: "auto"), .text(comment.body)))
                        }),
                    .if(mayUpdate, page.form(
                        action: SiteURL.recordAction(.cases, id, "comments").path, class: "record-form quick-add",
                        FormField("body", text(.commentBody), in: commentForm, control: .textarea, isRequired: true).node,
                        FormField("visibility", text(.visibility), in: commentForm,
                                  control: .select(CaseText.options(CaseComment.Visibility.self, in: language)), isRequired: true).node,
                        .button(.type(.submit), .text(text(.addComment))))))
            )
        )
    }

    static func form(_ state: FormState, supportCase: SupportCase?, names: Names, accountName: String?, contacts: [(String, String)],
                     contracts: [(String, String)], title: String, page: WebPage) -> Node<HTML.BodyContext> {
        let language = page.language
        func text(_ key: CaseText) -> String { key.text(in: language) }
        let action = supportCase.map { SiteURL.editRecord(.cases, $0.id).path } ?? SiteURL.newRecord(.cases).path
        let cancel = supportCase.map { SiteURL.record(.cases, $0.id).path } ?? SiteURL.records(.cases).path
        let users = names.users.sorted { $0.value < $1.value }.map { ($0.key.uuidString, $0.value) }
        let queues = names.queues.sorted { $0.value < $1.value }.map { ($0.key.uuidString, $0.value) }
        let products = names.products.sorted { $0.value < $1.value }.map { ($0.key.uuidString, $0.value) }
        return .group(
            .h1(.text(title)),
            page.form(
                action: action,
                FormBanner.node(state, display: page.display, labels: labels(in: language),
                                stored: supportCase.map { values(of: $0, display: page.display) }),
                .if(state.currentVersion == nil, .unwrap(supportCase) { .input(.type(.hidden), .name("version"), .value(String($0.version))) }),
                FormField("title", text(.title), in: state, isRequired: true).node,
                .div(.class("field-row"),
                     FormField("type", text(.type), in: state, control: .select(CaseText.options(SupportCase.CaseType.self, in: language)),
                               isRequired: true).node,
                     FormField("channel", text(.channel), in: state, control: .select(CaseText.options(SupportCase.Channel.self, in: language)),
                               isRequired: true).node,
                     FormField("priority", text(.priority), in: state, control: .select(CaseText.options(SupportCase.Priority.self, in: language)),
                               isRequired: true).node),
                .div(.class("field-row"),
                     AccountPicker.node(state, accountName: accountName, isRequired: false, page: page),
                     FormField("contact_id", text(.contact), in: state, control: .select(contacts)).node),
                .div(.class("field-row"),
                     FormField("product_id", text(.product), in: state, control: .select(products)).node,
                     FormField("product_model", text(.productModel), in: state).node,
                     FormField("serial_number", text(.serialNumber), in: state, isLeftToRight: true).node),
                .div(.class("field-row"),
                     FormField("category", text(.category), in: state, hint: text(.categoryHint)).node,
                     FormField("language", text(.language), in: state, control: .select(CaseText.languageOptions(in: language))).node),
                .div(.class("field-row"),
                     FormField("queue_id", text(.queue), in: state, control: .select(queues)).node,
                     FormField("owner_id", text(.owner), in: state, control: .select(users)).node),
                .div(.class("field-row"),
                     FormField("contract_id", ServiceLevelText.contract.text(in: language), in: state, control: .select(contracts),
                               hint: supportCase == nil ? ServiceLevelText.automaticContract.text(in: language) : nil).node,
                     FormField("time_spent_minutes", ServiceLevelText.timeSpent.text(in: language), in: state, isLeftToRight: true,
                               hint: ServiceLevelText.timeSpentHint.text(in: language)).node),
                FormField("description", text(.description), in: state, control: .textarea).node,
                CaseArticleViews.liveSuggestions(caseID: supportCase?.id, page: page),
                .div(.class("form-actions"),
                     .button(.type(.submit), .text(page.text(.save))),
                     .a(.class("button quiet"), .href(cancel), .text(page.text(.cancel))))
            )
        )
    }

    static func values(of supportCase: SupportCase, display: Display) -> [String: String] {
        let values: [String: String?] = [
            "title": supportCase.title, "description": supportCase.details, "type": supportCase.type, "channel": supportCase.channel,
            "priority": supportCase.priority, "account_id": supportCase.accountID?.uuidString, "contact_id": supportCase.contactID?.uuidString,
            "product_id": supportCase.productID?.uuidString, "product_model": supportCase.productModel,
            "serial_number": supportCase.serialNumber, "category": supportCase.category, "language": supportCase.language,
            "queue_id": supportCase.queueID?.uuidString, "owner_id": supportCase.ownerUserID?.uuidString,
            "contract_id": supportCase.contractID?.uuidString, "time_spent_minutes": supportCase.timeSpentMinutes.map(String.init),
        ]
        return values.compactMapValues { $0 }.filter { !$0.value.isEmpty }
    }

    static func labels(in language: PeyvandCore.Language) -> [String: String] {
        let pairs: [(String, CaseText)] = [
            ("title", .title), ("description", .description), ("type", .type), ("channel", .channel), ("priority", .priority),
            ("account_id", .account), ("account_name", .account), ("contact_id", .contact), ("product_id", .product),
            ("product_model", .productModel), ("serial_number", .serialNumber), ("category", .category), ("language", .language),
            ("queue_id", .queue), ("owner_id", .owner), ("status", .status), ("resolution", .resolution),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.map { ($0.0, $0.1.text(in: language)) })
            .merging([("contract_id", ServiceLevelText.contract.text(in: language)),
                      ("time_spent_minutes", ServiceLevelText.timeSpent.text(in: language))]) { $1 }
    }
}
