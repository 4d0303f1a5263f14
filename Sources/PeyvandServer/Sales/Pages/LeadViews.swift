import Foundation
import PeyvandCore
import Plot

/// Labels of the lead conversion screen, in both languages.
enum LeadText {
    case convert, convertTitle, convertIntro, accountChoice, contactChoice, createAccount, noAccount, createContact
    case linkExisting, alreadyConverted, convertedInto, opportunity, createOpportunity, opportunityName, opportunityNeedsAccount

    func text(in language: PeyvandCore.Language) -> String {
        let text: (fa: String, en: String) = switch self {
        case .convert: ("تبدیل", "Convert")
        case .convertTitle: ("تبدیل سرنخ", "Convert lead")
        case .convertIntro: ("اگر این شخص یا سازمان از پیش ثبت شده است، همان را انتخاب کنید تا رکورد تکراری ساخته نشود.",
                             "If this person or company is already on file, pick it so no duplicate is made.")
        case .accountChoice: ("سازمان", "Account")
        case .contactChoice: ("مخاطب", "Contact")
        case .createAccount: ("ساخت سازمان جدید از نام شرکت", "Create a new account from the company name")
        case .noAccount: ("بدون سازمان", "No account")
        case .createContact: ("ساخت مخاطب جدید", "Create a new contact")
        case .linkExisting: ("پیوند به", "Link to")
        case .alreadyConverted: ("این سرنخ پیش‌تر تبدیل شده است.", "This lead has already been converted.")
        case .convertedInto: ("تبدیل‌شده به", "Converted into")
        case .opportunity: ("فرصت فروش", "Opportunity")
        case .createOpportunity: ("فرصت فروش هم ساخته شود", "Also create an opportunity")
        case .opportunityName: ("عنوان فرصت فروش", "Opportunity name")
        case .opportunityNeedsAccount: ("فرصت فروش به یک سازمان نیاز دارد: سازمانی را انتخاب کنید یا بسازید.",
                                        "An opportunity needs an account: link one or create one.")
        }
        return language == .fa ? text.fa : text.en
    }
}

/// What the lead pages show (see `ContactViews` for the shape every record's views share).
enum LeadViews {
    static func list(_ result: ListPage<Lead>, users: [UUID: String], query: ListQuery, page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display, language = page.language
        func text(_ key: SalesText) -> String { key.text(in: language) }
        let columns: [ListColumn<Lead>] = [
            ListView.selectColumn(\.id, label: \.fullName),
            ListColumn(text(.lastName), sort: "last_name") { .a(.href(SiteURL.record(.leads, $0.id).path), .text($0.fullName)) },
            ListColumn(text(.company), sort: "company", key: "company") { .text($0.company ?? "") },
            ListColumn(text(.status), sort: "status", key: "status") { .span(.class("badge status-\($0.status)"), .text(SalesText.value($0.status, in: language))) },
            ListColumn(text(.source), key: "source") { .text(SalesText.value($0.source, in: language)) },
            ListColumn(text(.score), sort: "score", key: "score") { .text(display.number($0.score)) },
            ListColumn(text(.createdAt), sort: "created_at", key: "created_at") { .text(display.moment($0.createdAt)) },
            ListColumn(SalesText.owner.text(in: language), key: "owner", hiddenByDefault: true) { .text($0.ownerUserID.flatMap { users[$0] } ?? "") },
            ListColumn(SalesText.updatedAt.text(in: language), sort: "updated_at", key: "updated_at", hiddenByDefault: true) { .text(display.moment($0.updatedAt)) },
        ]
        let filters = [
            FormField(name: "status", label: text(.status), control: .select(SalesText.options(Lead.Status.self, in: language)),
                      value: query.value(of: "status")),
            FormField(name: "source", label: text(.source), control: .select(SalesText.options(Lead.Source.self, in: language)),
                      value: query.value(of: "source")),
        ]
        return ListView.recordList(result, resource: .leads, module: .leads, title: .leads, newRecord: .newLead, columns: columns,
                                   filters: filters, users: users, query: query, page: page)
    }

    static func record(_ lead: Lead, timeline: TimelineView, quickAdd: FormState, page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display, language = page.language
        func text(_ key: SalesText) -> String { key.text(in: language) }
        let id = lead.id!
        let context = page.context
        let canEdit = context.may(.update, on: .leads, ownerUserID: lead.ownerUserID, ownerTeamID: lead.ownerTeamID)
        let canDelete = context.may(.delete, on: .leads, ownerUserID: lead.ownerUserID, ownerTeamID: lead.ownerTeamID)
        let isConverted = lead.status == Lead.Status.converted.rawValue
        var converted: [(String, Node<HTML.BodyContext>)] = []
        if let contactID = lead.convertedContactID {
            converted.append((LeadText.convertedInto.text(in: language),
                              .a(.href(SiteURL.record(.contacts, contactID).path), .text(SalesText.contactsOfAccount.text(in: language)))))
        }
        if let accountID = lead.convertedAccountID {
            converted.append((LeadText.convertedInto.text(in: language),
                              .a(.href(SiteURL.record(.accounts, accountID).path), .text(SalesText.account.text(in: language)))))
        }
        return .group(
            RecordView.header(lead.displayName, subtitle: SalesText.value(lead.status, in: language), actions: [
                .if(canEdit && !isConverted, .a(.class("button"), .href(SiteURL.recordAction(.leads, id, "convert").path),
                                                .text(LeadText.convert.text(in: language)))),
                .if(canEdit && !isConverted, .a(.class("button quiet"), .href(SiteURL.editRecord(.leads, id).path), .text(page.text(.edit)))),
                .if(canDelete, page.button(page.text(.delete), posting: SiteURL.recordAction(.leads, id, "delete").path,
                                           hidden: [("version", String(lead.version))], class: "danger",
                                           confirm: page.text(.confirmDelete))),
            ]),
            .div(
                .class("record-layout"),
                .div(
                    .class("record-main"),
                    RecordView.section(text(.details),
                        RecordView.richDetails(converted + PartyViews.details(of: lead, display: display)),
                        RecordView.details([
                            (text(.company), lead.company),
                            (text(.jobTitle), lead.jobTitle),
                            (text(.source), SalesText.value(lead.source, in: language)),
                            (text(.score), display.number(lead.score)),
                            (text(.disqualifiedReason), lead.disqualifiedReason),
                            (text(.description), lead.details),
                            (text(.createdAt), display.moment(lead.createdAt)),
                        ]))
                ),
                .div(.class("record-side"), timeline.node(record: .record(.leads, id), quickAdd: quickAdd, page: page))
            )
        )
    }

    static func form(_ state: FormState, lead: Lead?, title: String, page: WebPage) -> Node<HTML.BodyContext> {
        let language = page.language
        func text(_ key: SalesText) -> String { key.text(in: language) }
        let action = lead.map { SiteURL.editRecord(.leads, $0.id).path } ?? SiteURL.newRecord(.leads).path
        let statuses = SalesText.options(Lead.Status.self, in: language).filter { $0.value != Lead.Status.converted.rawValue }
        return .group(
            .h1(.text(title)),
            page.form(
                action: action,
                FormBanner.node(state, display: page.display, labels: labels(in: language),
                                stored: lead.map { values(of: $0, display: page.display) }),
                .if(state.currentVersion == nil, .unwrap(lead) { .input(.type(.hidden), .name("version"), .value(String($0.version))) }),
                .div(.class("field-row"),
                     FormField("first_name", text(.firstName), in: state).node,
                     FormField("last_name", text(.lastName), in: state, isRequired: true).node),
                .div(.class("field-row"),
                     FormField("company", text(.company), in: state).node,
                     FormField("job_title", text(.jobTitle), in: state).node),
                .div(.class("field-row"),
                     FormField("source", text(.source), in: state, control: .select(SalesText.options(Lead.Source.self, in: language))).node,
                     FormField("status", text(.status), in: state, control: .select(statuses)).node,
                     FormField("score", text(.score), in: state, control: .input(.text)).node),
                FormField("disqualified_reason", text(.disqualifiedReason), in: state).node,
                PartyViews.formSection(state, display: page.display),
                FormField("description", text(.description), in: state, control: .textarea).node,
                .div(.class("form-actions"),
                     .button(.type(.submit), .text(page.text(.save))),
                     .a(.class("button quiet"), .href(lead.map { SiteURL.record(.leads, $0.id).path } ?? SiteURL.records(.leads).path),
                        .text(page.text(.cancel))))
            )
        )
    }

    /// Radio choices for the account and the contact, with the likely matches first.
    static func conversion(_ lead: Lead, accounts: [DuplicateCandidate], contacts: [DuplicateCandidate], state: FormState,
                           page: WebPage) -> Node<HTML.BodyContext> {
        let language = page.language
        func text(_ key: LeadText) -> String { key.text(in: language) }
        guard lead.status != Lead.Status.converted.rawValue else {
            return .div(.class("card"), .h1(.text(text(.convertTitle))), .p(.text(text(.alreadyConverted))),
                        .a(.href(SiteURL.record(.leads, lead.id).path), .text(lead.displayName)))
        }
        let chosenAccount = state.values["account"] ?? accounts.first.map { $0.id.uuidString } ?? (lead.company == nil ? "none" : "new")
        let chosenContact = state.values["contact"] ?? contacts.first.map { $0.id.uuidString } ?? "new"
        func radio(_ name: String, _ value: String, _ label: Node<HTML.BodyContext>, chosen: String) -> Node<HTML.FormContext> {
            .label(.class("choice"),
                   .input(.type(.radio), .name(name), .value(value), .attribute(named: "checked", value: value == chosen ? "checked" : nil)),
                   .span(label))
        }
        func candidate(_ candidate: DuplicateCandidate, resource: WebResource) -> Node<HTML.BodyContext> {
            .group(.text("\(text(.linkExisting)) "), .strong(.text(candidate.displayName)),
                   .text(" (" + candidate.matchedOn.map { SalesText.value($0.rawValue, in: language) }.joined(separator: "، ") + ")"))
        }
        return .group(
            .h1(.text("\(text(.convertTitle)): \(lead.displayName)")),
            .p(.text(text(.convertIntro))),
            page.form(
                action: SiteURL.recordAction(.leads, lead.id, "convert").path, class: "record-form conversion",
                FormBanner.node(state, display: page.display),
                .element(named: "fieldset", nodes: [
                    .class("form-section"), .element(named: "legend", text: text(.accountChoice)),
                    .forEach(accounts) { radio("account", $0.id.uuidString, candidate($0, resource: .accounts), chosen: chosenAccount) },
                    .if(lead.company != nil, radio("account", "new", .text(text(.createAccount) + ": " + (lead.company ?? "")), chosen: chosenAccount)),
                    radio("account", "none", .text(text(.noAccount)), chosen: chosenAccount),
                ]),
                .element(named: "fieldset", nodes: [
                    .class("form-section"), .element(named: "legend", text: text(.contactChoice)),
                    .forEach(contacts) { radio("contact", $0.id.uuidString, candidate($0, resource: .contacts), chosen: chosenContact) },
                    radio("contact", "new", .text(text(.createContact) + ": " + lead.fullName), chosen: chosenContact),
                ]),
                .if(page.context.permissions.scope(for: .opportunities, .create) != nil, opportunityChoice(state, page: page)),
                .div(.class("form-actions"),
                     .button(.type(.submit), .text(text(.convert))),
                     .a(.class("button quiet"), .href(SiteURL.record(.leads, lead.id).path), .text(page.text(.cancel))))
            )
        )
    }

    /// The opportunity a conversion may open (offered to roles that may create one), named as the
    /// API's `opportunity.…` fields so its refusals land beside these boxes.
    private static func opportunityChoice(_ state: FormState, page: WebPage) -> Node<HTML.FormContext> {
        let language = page.language
        var amountField = FormField("opportunity.amount", OpportunityViews.amountLabel(page), in: state, isLeftToRight: true)
        amountField.error = state.errors["opportunity.amount"] ?? state.errors["opportunity.amount.amount_minor"]
        let isTicked = state.values["create_opportunity"] == "1"
        let needsAccount = state.errors["opportunity.account_id"] == nil ? nil : LeadText.opportunityNeedsAccount.text(in: language)
        return .element(named: "fieldset", nodes: [
            .class(needsAccount == nil ? "form-section" : "form-section has-error"),
            .element(named: "legend", text: LeadText.opportunity.text(in: language)),
            .label(.class("choice"),
                   .input(.type(.checkbox), .name("create_opportunity"), .value("1"),
                          .attribute(named: "checked", value: isTicked ? "checked" : nil)),
                   .span(.text(LeadText.createOpportunity.text(in: language)))),
            .unwrap(needsAccount) { .p(.class("field-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            FormField("opportunity.name", LeadText.opportunityName.text(in: language), in: state).node,
            amountField.node,
        ])
    }

    static func values(of lead: Lead, display: Display) -> [String: String] {
        var values = PartyViews.values(of: lead, display: display)
        values["first_name"] = lead.firstName
        values["last_name"] = lead.lastName
        values["company"] = lead.company
        values["job_title"] = lead.jobTitle
        values["source"] = lead.source
        values["status"] = lead.status
        values["score"] = PersianText.digits(String(lead.score), display.digits)
        values["disqualified_reason"] = lead.disqualifiedReason
        values["description"] = lead.details
        return values.filter { !$0.value.isEmpty }
    }

    static func labels(in language: PeyvandCore.Language) -> [String: String] {
        let fields: [(String, SalesText)] = [
            ("first_name", .firstName), ("last_name", .lastName), ("company", .company), ("job_title", .jobTitle),
            ("source", .source), ("status", .status), ("score", .score), ("disqualified_reason", .disqualifiedReason),
            ("description", .description), ("address.province", .province), ("address.city", .city), ("tags", .tags),
            ("phones.0.number", .phone), ("emails.0.address", .email),
        ]
        return fields.reduce(into: [:]) { $0[$1.0] = $1.1.text(in: language) }
    }
}
