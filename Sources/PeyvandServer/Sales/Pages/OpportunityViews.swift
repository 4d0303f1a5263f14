import Foundation
import PeyvandCore
import Plot

/// Labels of the opportunity pages and the pipeline board, in both languages.
enum OpportunityText {
    case name, account, accountHint, contact, stage, amount, amountIn(String), expectedClose, lostReason, competitors, status
    case stageHistory, move, board, list, weighted, cards(String), reopen, pipeline, probability, moreCards(String), dragHint

    func text(in language: PeyvandCore.Language) -> String {
        let text: (fa: String, en: String) = switch self {
        case .name: ("عنوان", "Name")
        case .account: ("سازمان", "Account")
        case .accountHint: ("نام سازمان را بنویسید.", "Type the account's name.")
        case .contact: ("مخاطب", "Contact")
        case .stage: ("مرحله", "Stage")
        case .amount: ("مبلغ", "Amount")
        case .amountIn(let unit): ("مبلغ (\(unit))", "Amount (\(unit))")
        case .expectedClose: ("تاریخ پیش‌بینی بستن", "Expected close")
        case .lostReason: ("دلیل از دست رفتن", "Lost reason")
        case .competitors: ("رقبا", "Competitors")
        case .status: ("وضعیت", "Status")
        case .stageHistory: ("تاریخچهٔ مراحل", "Stage history")
        case .move: ("انتقال", "Move")
        case .board: ("تابلوی فروش", "Pipeline board")
        case .list: ("فهرست", "List")
        case .weighted: ("وزنی", "Weighted")
        case .cards(let count): ("\(count) فرصت", count == "1" ? "1 opportunity" : "\(count) opportunities")
        case .reopen: ("بازگشایی", "Reopen")
        case .pipeline: ("قیف فروش", "Pipeline")
        case .probability: ("احتمال", "Probability")
        case .moreCards(let count): ("و \(count) فرصت دیگر در فهرست", "and \(count) more in the list")
        case .dragHint: ("کارت‌ها را بکشید یا مرحله را از فهرست هر کارت انتخاب کنید.",
                         "Drag a card, or pick its stage from the card's own list.")
        }
        return language == .fa ? text.fa : text.en
    }
}

/// What the opportunity pages show (see `ContactViews` for the shape every record's views share).
enum OpportunityViews {
    typealias Pipelines = [(Pipeline, [PipelineStage])]

    static func stageNames(_ pipelines: Pipelines) -> [UUID: String] {
        pipelines.reduce(into: [:]) { names, pair in for stage in pair.1 { names[stage.id!] = stage.name } }
    }

    /// Every pipeline's stages as one drop-down: "pipeline · stage".
    static func stageOptions(_ pipelines: Pipelines) -> [(value: String, label: String)] {
        pipelines.flatMap { pipeline, stages in
            stages.sorted { $0.position < $1.position }.map { ($0.id!.uuidString, pipelines.count > 1 ? "\(pipeline.name) · \($0.name)" : $0.name) }
        }
    }

    static func list(_ result: ListPage<Opportunity>, accountNames: [UUID: String], pipelines: Pipelines, users: [UUID: String],
                     query: ListQuery, page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display, language = page.language
        func text(_ key: OpportunityText) -> String { key.text(in: language) }
        let stages = stageNames(pipelines)
        let columns: [ListColumn<Opportunity>] = [
            ListView.selectColumn(\.id, label: \.name),
            ListColumn(text(.name), sort: "name") { .a(.href(SiteURL.record(.opportunities, $0.id).path), .text($0.name)) },
            ListColumn(text(.account), key: "account") { .a(.href(SiteURL.record(.accounts, $0.accountID).path), .text(accountNames[$0.accountID] ?? "")) },
            ListColumn(text(.stage), key: "stage") { .text(stages[$0.stageID] ?? "") },
            ListColumn(text(.amount), sort: "amount", key: "amount") { .text(display.money($0.amountMinor, currency: $0.currency)) },
            ListColumn(text(.expectedClose), sort: "expected_close_date", key: "expected_close_date") { .text(display.day($0.expectedCloseDate)) },
            ListColumn(text(.status), key: "status") { .span(.class("badge status-\($0.status)"), .text(SalesText.value($0.status, in: language))) },
            ListColumn(SalesText.owner.text(in: language), key: "owner", hiddenByDefault: true) { .text($0.ownerUserID.flatMap { users[$0] } ?? "") },
            ListColumn(SalesText.updatedAt.text(in: language), sort: "updated_at", key: "updated_at", hiddenByDefault: true) { .text(display.moment($0.updatedAt)) },
        ]
        let filters = [
            FormField(name: "status", label: text(.status), control: .select(SalesText.options(Opportunity.Status.self, in: language)),
                      value: query.value(of: "status")),
        ]
        return ListView.recordList(result, resource: .opportunities, module: .opportunities, title: .opportunities, newRecord: .newOpportunity, columns: columns,
                                   filters: filters,
                                   headerActions: [.a(.class("button quiet"), .href(SiteURL.board.path), .text(text(.board)))], users: users, query: query, page: page)
    }

    static func record(_ opportunity: Opportunity, accountName: String?, contactName: String?, pipelines: Pipelines,
                       history: [OpportunityStageChange], timeline: TimelineView, quickAdd: FormState, page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display, language = page.language
        func text(_ key: OpportunityText) -> String { key.text(in: language) }
        let id = opportunity.id!
        let context = page.context
        let canEdit = context.may(.update, on: .opportunities, ownerUserID: opportunity.ownerUserID, ownerTeamID: opportunity.ownerTeamID)
        let canDelete = context.may(.delete, on: .opportunities, ownerUserID: opportunity.ownerUserID, ownerTeamID: opportunity.ownerTeamID)
        let stages = stageNames(pipelines)
        let isOpen = opportunity.status == Opportunity.Status.open.rawValue
        var links: [(String, Node<HTML.BodyContext>)] = [
            (text(.account), .a(.href(SiteURL.record(.accounts, opportunity.accountID).path), .text(accountName ?? ""))),
        ]
        if let contactID = opportunity.contactID {
            links.append((text(.contact), .a(.href(SiteURL.record(.contacts, contactID).path), .text(contactName ?? ""))))
        }
        return .group(
            RecordView.header(opportunity.name, subtitle: "\(stages[opportunity.stageID] ?? "") · \(SalesText.value(opportunity.status, in: language))", actions: [
                .if(canEdit && !isOpen, page.button(text(.reopen), posting: SiteURL.recordAction(.opportunities, id, "reopen").path,
                                                    hidden: [("version", String(opportunity.version))], class: "")),
                .if(isOpen && context.permissions.scope(for: .quotes, .create) != nil,
                    .a(.class("button quiet"), .href(SiteURL.newRecord(.quotes).with([("account_id", opportunity.accountID.uuidString),
                                                                                       ("opportunity_id", id.uuidString)]).attributeEscaped),
                       .text(QuoteText.newQuote.text(in: language)))),
                .if(canEdit, .a(.class("button"), .href(SiteURL.editRecord(.opportunities, id).path), .text(page.text(.edit)))),
                .if(canDelete, page.button(page.text(.delete), posting: SiteURL.recordAction(.opportunities, id, "delete").path,
                                           hidden: [("version", String(opportunity.version))], class: "danger",
                                           confirm: page.text(.confirmDelete))),
            ]),
            .div(
                .class("record-layout"),
                .div(
                    .class("record-main"),
                    RecordView.section(SalesText.details.text(in: language),
                        RecordView.richDetails(links),
                        RecordView.details([
                            (text(.amount), display.money(opportunity.amountMinor, currency: opportunity.currency)),
                            (text(.expectedClose), display.day(opportunity.expectedCloseDate)),
                            (text(.lostReason), opportunity.lostReason),
                            (text(.competitors), opportunity.competitors.joined(separator: "، ")),
                            (SalesText.tags.text(in: language), opportunity.tags.joined(separator: "، ")),
                            (SalesText.description.text(in: language), opportunity.details),
                            (SalesText.createdAt.text(in: language), display.moment(opportunity.createdAt)),
                        ])),
                    RecordView.section(text(.stageHistory),
                        .ol(.class("stage-history"), .forEach(history) { change in
                            .li(.text((change.fromStageID.flatMap { stages[$0] }.map { $0 + (language == .fa ? " ← " : " → ") } ?? "")
                                      + (stages[change.toStageID] ?? "")),
                                .span(.class("muted"), .text(" · " + display.moment(change.changedAt))))
                        }))
                ),
                .div(.class("record-side"), timeline.node(record: .record(.opportunities, id), quickAdd: quickAdd, page: page))
            )
        )
    }

    static func form(_ state: FormState, opportunity: Opportunity?, accountName: String?, pipelines: Pipelines, title: String,
                     page: WebPage) -> Node<HTML.BodyContext> {
        let language = page.language
        func text(_ key: OpportunityText) -> String { key.text(in: language) }
        let action = opportunity.map { SiteURL.editRecord(.opportunities, $0.id).path } ?? SiteURL.newRecord(.opportunities).path
        var amountField = FormField("amount", amountLabel(page), in: state, isLeftToRight: true)
        amountField.error = state.errors["amount"] ?? state.errors["amount.amount_minor"]
        return .group(
            .h1(.text(title)),
            page.form(
                action: action,
                FormBanner.node(state, display: page.display, labels: labels(in: language),
                                stored: opportunity.map { values(of: $0, display: page.display) }),
                .if(state.currentVersion == nil, .unwrap(opportunity) { .input(.type(.hidden), .name("version"), .value(String($0.version))) }),
                FormField("name", text(.name), in: state, isRequired: true).node,
                AccountPicker.node(state, accountName: accountName, isRequired: true, page: page),
                .div(.class("field-row"),
                     FormField("stage_id", text(.stage), in: state, control: .select(stageOptions(pipelines))).node,
                     amountField.node,
                     FormField("expected_close_date", text(.expectedClose), in: state, hint: SalesText.dateHint.text(in: language)).date.node),
                FormField("lost_reason", text(.lostReason), in: state).node,
                FormField("competitors", text(.competitors), in: state, hint: SalesText.tagsHint.text(in: language)).node,
                FormField("tags", SalesText.tags.text(in: language), in: state, hint: SalesText.tagsHint.text(in: language)).node,
                FormField("description", SalesText.description.text(in: language), in: state, control: .textarea).node,
                .div(.class("form-actions"),
                     .button(.type(.submit), .text(page.text(.save))),
                     .a(.class("button quiet"), .href(opportunity.map { SiteURL.record(.opportunities, $0.id).path } ?? SiteURL.board.path),
                        .text(page.text(.cancel))))
            )
        )
    }

    /// The kanban board: a column per stage with count, total and weighted total; each card has
    /// its own stage form (the keyboard and no-JS way to move it), which drag and drop also submits.
    static func board(_ board: PipelineBoard, pipelines: [Pipeline], message: String?, page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display, language = page.language
        func text(_ key: OpportunityText) -> String { key.text(in: language) }
        let pipelineID = board.pipeline.id!.uuidString
        let stageChoices = board.columns.map { ($0.stage.id!.uuidString, $0.stage.name) }
        let canCreate = page.context.permissions.scope(for: .opportunities, .create) != nil
        return .group(
            RecordView.header("\(text(.board)): \(board.pipeline.name)", actions: [
                .if(pipelines.count > 1, .form(
                    .class("inline-form"), .method(.get), .action(SiteURL.board.path),
                    .label(.for("board-pipeline"), .class("visually-hidden"), .text(text(.pipeline))),
                    .element(named: "select", nodes: [.attribute(named: "id", value: "board-pipeline"), .attribute(named: "name", value: "pipeline")]
                             + pipelines.map { pipeline in
                                 .element(named: "option", nodes: [
                                     .attribute(named: "value", value: pipeline.id!.uuidString),
                                     .attribute(named: "selected", value: pipeline.id == board.pipeline.id ? "selected" : nil),
                                     .text(pipeline.name),
                                 ])
                             }),
                    .button(.type(.submit), .class("quiet"), .text(page.text(.apply))))),
                .a(.class("button quiet"), .href(SiteURL.records(.opportunities).with([("pipeline_id", pipelineID)])), .text(text(.list))),
                .if(canCreate, .a(.class("button"), .href(SiteURL.newRecord(.opportunities).path), .text(page.text(.newOpportunity)))),
            ]),
            .unwrap(message) { .div(.class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .p(.class("muted"), .text(text(.dragHint))),
            .div(
                .class("board"), .attribute(named: "data-board", value: "true"),
                .forEach(board.columns) { column in
                    .section(
                        .class("board-column outcome-\(column.stage.outcome)"), .attribute(named: "data-stage", value: column.stage.id!.uuidString),
                        .attribute(named: "aria-label", value: column.stage.name.attributeEscaped),
                        .header(
                            .class("board-column-header"),
                            .h2(.text(column.stage.name)),
                            .p(.class("muted"), .text("\(text(.cards(display.number(column.count)))) · \(text(.probability)) "
                                + display.number(column.stage.probability) + (language == .fa ? "٪" : "%"))),
                            .forEach(column.totals) { total in
                                .p(.class("board-total"), .text(display.money(total.amountMinor, currency: total.currency)))
                            },
                            .forEach(column.weighted) { weighted in
                                .p(.class("board-weighted muted"), .text("\(text(.weighted)): \(display.money(weighted.amountMinor, currency: weighted.currency))"))
                            }
                        ),
                        .ul(.class("board-cards"), .forEach(column.cards) { opportunity in
                            .li(
                                .class("board-card"), .attribute(named: "draggable", value: "true"),
                                .attribute(named: "data-id", value: opportunity.id!.uuidString),
                                .a(.href(SiteURL.record(.opportunities, opportunity.id).path), .text(opportunity.name)),
                                .p(.class("muted"), .text(board.accountNames[opportunity.accountID] ?? "")),
                                .p(.text(display.money(opportunity.amountMinor, currency: opportunity.currency))),
                                page.form(
                                    action: SiteURL.recordAction(.opportunities, opportunity.id, "stage").path, class: "move-form",
                                    .input(.type(.hidden), .name("version"), .value(String(opportunity.version))),
                                    .input(.type(.hidden), .name("pipeline"), .value(pipelineID)),
                                    FormField(name: "stage_id", label: text(.stage), control: .select(stageChoices),
                                              value: opportunity.stageID.uuidString, isRequired: true)
                                        .identified(as: "stage-\(opportunity.id!.uuidString)").node,
                                    .button(.type(.submit), .class("quiet"), .text(text(.move)))
                                )
                            )
                        }),
                        .if(column.count > column.cards.count, .p(.class("muted"), .a(
                            .href(SiteURL.records(.opportunities).with([("stage_id", column.stage.id!.uuidString)])),
                            .text(text(.moreCards(display.number(column.count - column.cards.count)))))))
                    )
                }
            )
        )
    }

    /// "Amount (Toman)": amounts are typed in the unit the organisation shows.
    static func amountLabel(_ page: WebPage) -> String {
        OpportunityText.amountIn(page.display.moneyUnitName).text(in: page.language)
    }

    static func values(of opportunity: Opportunity, display: Display) -> [String: String] {
        let values: [String: String?] = [
            "name": opportunity.name, "account_id": opportunity.accountID.uuidString, "stage_id": opportunity.stageID.uuidString,
            "amount": display.typedAmount(opportunity.amountMinor, currency: opportunity.currency), "expected_close_date": display.dayInput(opportunity.expectedCloseDate),
            "lost_reason": opportunity.lostReason, "competitors": opportunity.competitors.joined(separator: "، "),
            "tags": opportunity.tags.joined(separator: "، "), "description": opportunity.details,
        ]
        return values.compactMapValues { $0 }.filter { !$0.value.isEmpty }
    }

    static func labels(in language: PeyvandCore.Language) -> [String: String] {
        let fields: [(String, OpportunityText)] = [
            ("name", .name), ("stage_id", .stage), ("amount", .amount), ("expected_close_date", .expectedClose),
            ("lost_reason", .lostReason), ("competitors", .competitors),
        ]
        return fields.reduce(into: [:]) { $0[$1.0] = $1.1.text(in: language) }
    }
}
