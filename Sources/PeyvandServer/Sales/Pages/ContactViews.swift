import Foundation
import PeyvandCore
import Plot

/// What the contact pages show. Form fields are named as the API's JSON fields, so the page and
/// the API share one reader and one set of error names.
enum ContactViews {
    static let shape = FormData.Shape(rows: PartyViews.shape.rows, multiple: ["preferences.opted_out"],
                                      commaSeparated: PartyViews.shape.commaSeparated)

    static func list(_ result: ListPage<Contact>, accountNames: [UUID: String], users: [UUID: String], query: ListQuery, page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display, language = page.language
        func text(_ key: SalesText) -> String { key.text(in: language) }
        let columns: [ListColumn<Contact>] = [
            ListView.selectColumn(\.id, label: \.fullName),
            ListColumn(text(.lastName), sort: "last_name") { contact in
                .a(.href(SiteURL.record(.contacts, contact.id).path), .text(contact.fullName))
            },
            ListColumn(text(.jobTitle), key: "job_title") { .text($0.jobTitle ?? "") },
            ListColumn(text(.account), key: "account") { contact in
                .unwrap(contact.accountID) { id in .a(.href(SiteURL.record(.accounts, id).path), .text(accountNames[id] ?? "")) }
            },
            ListColumn(text(.phone), key: "phone") { contact in
                .unwrap(contact.phones.first) { .span(.attribute(named: "dir", value: "ltr"), .text($0.number)) }
            },
            ListColumn(text(.email), key: "email") { contact in
                .unwrap(contact.emails.first) { .span(.attribute(named: "dir", value: "ltr"), .text($0.address)) }
            },
            ListColumn(text(.province), key: "province") { .text(SalesText.provinceName($0.address.province, in: language)) },
            ListColumn(text(.createdAt), sort: "created_at", key: "created_at") { .text(display.moment($0.createdAt)) },
            ListColumn(SalesText.owner.text(in: language), key: "owner", hiddenByDefault: true) { .text($0.ownerUserID.flatMap { users[$0] } ?? "") },
            ListColumn(SalesText.updatedAt.text(in: language), sort: "updated_at", key: "updated_at", hiddenByDefault: true) { .text(display.moment($0.updatedAt)) },
        ]
        let filters = [
            FormField(name: "province", label: text(.province), control: .select(SalesText.provinces(in: language)),
                      value: query.value(of: "province")),
            FormField(name: "lead_source", label: text(.leadSource), control: .select(SalesText.options(Lead.Source.self, in: language)),
                      value: query.value(of: "lead_source")),
        ]
        return ListView.recordList(result, resource: .contacts, module: .contacts, title: .contacts, newRecord: .newContact, columns: columns,
                                   filters: filters, users: users, query: query, page: page)
    }

    static func record(_ contact: Contact, accountName: String?, duplicates: [DuplicateCandidate], timeline: TimelineView, quickAdd: FormState,
                       page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display, language = page.language
        func text(_ key: SalesText) -> String { key.text(in: language) }
        let id = contact.id!
        let context = page.context
        let canEdit = context.may(.update, on: .contacts, ownerUserID: contact.ownerUserID, ownerTeamID: contact.ownerTeamID)
        let canDelete = context.may(.delete, on: .contacts, ownerUserID: contact.ownerUserID, ownerTeamID: contact.ownerTeamID)
        let preferences = contact.preferences
        return .group(
            RecordView.header(contact.fullName, subtitle: [contact.jobTitle, accountName].compactMap { $0 }.joined(separator: " · "), actions: [
                .if(page.context.permissions.scope(for: .cases, .create) != nil,
                    .a(.class("button quiet"), .href(SiteURL.newRecord(.cases).with([("contact_id", id.uuidString), ("account_id", contact.accountID?.uuidString)])
                        .attributeEscaped), .text(page.text(.newCase)))),
                .if(canEdit, .a(.class("button"), .href(SiteURL.editRecord(.contacts, id).path), .text(page.text(.edit)))),
                .if(canDelete, page.button(page.text(.delete), posting: SiteURL.recordAction(.contacts, id, "delete").path,
                                           hidden: [("version", String(contact.version))], class: "danger",
                                           confirm: page.text(.confirmDelete))),
            ]),
            .div(
                .class("record-layout"),
                .div(
                    .class("record-main"),
                    RecordView.section(text(.details),
                        RecordView.richDetails((contact.accountID.map { id in
                            [(text(.account), .a(.href(SiteURL.record(.accounts, id).path), .text(accountName ?? "")))]
                        } ?? []) + PartyViews.details(of: contact, display: display)),
                        RecordView.details([
                            (text(.gender), contact.gender == Contact.Gender.unspecified.rawValue ? nil : SalesText.value(contact.gender, in: language)),
                            (text(.birthDate), display.day(contact.birthDate)),
                            (text(.leadSource), contact.leadSource.map { SalesText.value($0, in: language) }),
                            (text(.description), contact.details),
                            (text(.createdAt), display.moment(contact.createdAt)),
                            (text(.updatedAt), display.moment(contact.updatedAt)),
                        ])),
                    RecordView.section(text(.preferences),
                        RecordView.details([
                            (text(.optedOut), preferences.optedOut.map { SalesText.value($0.rawValue, in: language) }.joined(separator: "، ")),
                            (text(.preferredChannel), preferences.preferredChannel.map { SalesText.value($0.rawValue, in: language) }),
                            (text(.preferredTime), SalesText.value(preferences.preferredTime.rawValue, in: language)),
                            (text(.preferredLanguage), preferences.language.map { SalesText.value($0, in: language) }),
                        ])),
                    .if(canEdit, MergePages<Contact>.section(duplicates, of: .record(.contacts, id), page: page))
                ),
                .div(.class("record-side"), timeline.node(record: .record(.contacts, id), quickAdd: quickAdd, page: page))
            )
        )
    }

    static func form(_ state: FormState, contact: Contact?, accountName: String?, title: String, page: WebPage) -> Node<HTML.BodyContext> {
        let language = page.language
        func text(_ key: SalesText) -> String { key.text(in: language) }
        let action = contact.map { SiteURL.editRecord(.contacts, $0.id).path } ?? SiteURL.newRecord(.contacts).path
        let optedOut = Set(state.optedOut ?? [])
        return .group(
            .h1(.text(title)),
            page.form(
                action: action,
                FormBanner.node(state, display: page.display, labels: labels(in: language),
                                stored: contact.map { values(of: $0, display: page.display) }),
                .if(state.currentVersion == nil, .unwrap(contact) { .input(.type(.hidden), .name("version"), .value(String($0.version))) }),
                AccountPicker.node(state, accountName: accountName, isRequired: false, page: page),
                .div(.class("field-row"),
                     FormField("first_name", text(.firstName), in: state).node,
                     FormField("last_name", text(.lastName), in: state, isRequired: true).node),
                .div(.class("field-row"),
                     FormField("job_title", text(.jobTitle), in: state).node,
                     FormField("gender", text(.gender), in: state, control: .select(SalesText.options(Contact.Gender.self, in: language))).node),
                .div(.class("field-row"),
                     FormField("birth_date", text(.birthDate), in: state, hint: text(.dateHint)).date.node,
                     FormField("lead_source", text(.leadSource), in: state,
                               control: .select(SalesText.options(Lead.Source.self, in: language))).node),
                PartyViews.formSection(state, display: page.display),
                .element(named: "fieldset", nodes: [
                    .class("form-section"),
                    .element(named: "legend", text: text(.preferences)),
                    FormField(name: "preferences.opted_out", label: text(.optedOut),
                              control: .checkboxes(SalesText.options(ContactPreferences.Channel.self, in: language), ticked: optedOut),
                              error: state.errors["preferences.opted_out"]).node,
                    .div(.class("field-row"),
                         FormField("preferences.preferred_channel", text(.preferredChannel), in: state,
                                   control: .select(SalesText.options(ContactPreferences.Channel.self, in: language))).node,
                         FormField("preferences.preferred_time", text(.preferredTime), in: state,
                                   control: .select(SalesText.options(ContactPreferences.TimeOfDay.self, in: language))).node,
                         FormField("preferences.language", text(.preferredLanguage), in: state,
                                   control: .select(SalesText.options(PeyvandCore.Language.self, in: language))).node),
                ]),
                FormField("description", text(.description), in: state, control: .textarea).node,
                .div(.class("form-actions"),
                     .button(.type(.submit), .text(page.text(.save))),
                     .a(.class("button quiet"), .href(contact.map { SiteURL.record(.contacts, $0.id).path } ?? SiteURL.records(.contacts).path),
                        .text(page.text(.cancel))))
            )
        )
    }

    /// A stored contact as its edit form's values.
    static func values(of contact: Contact, display: Display) -> [String: String] {
        var values = PartyViews.values(of: contact, display: display)
        values["first_name"] = contact.firstName
        values["last_name"] = contact.lastName
        values["job_title"] = contact.jobTitle
        values["gender"] = contact.gender
        values["birth_date"] = display.dayInput(contact.birthDate)
        values["lead_source"] = contact.leadSource
        values["description"] = contact.details
        values["account_id"] = contact.accountID?.uuidString
        values["preferences.opted_out"] = contact.preferences.optedOut.map(\.rawValue).joined(separator: ",")
        values["preferences.preferred_channel"] = contact.preferences.preferredChannel?.rawValue
        values["preferences.preferred_time"] = contact.preferences.preferredTime.rawValue
        values["preferences.language"] = contact.preferences.language
        return values.filter { !$0.value.isEmpty }
    }

    static func labels(in language: PeyvandCore.Language) -> [String: String] {
        let fields: [(String, SalesText)] = [
            ("first_name", .firstName), ("last_name", .lastName), ("job_title", .jobTitle), ("gender", .gender),
            ("birth_date", .birthDate), ("lead_source", .leadSource), ("description", .description),
            ("address.province", .province), ("address.city", .city), ("address.line", .addressLine),
            ("address.postal_code", .postalCode), ("tags", .tags), ("phones.0.number", .phone), ("emails.0.address", .email),
        ]
        return fields.reduce(into: [:]) { $0[$1.0] = $1.1.text(in: language) }
    }
}

extension FormState {
    /// The ticked opt-out channels: from a submitted form (several values) or a stored record (joined).
    var optedOut: [String]? {
        values["preferences.opted_out"].map { $0.split(separator: ",").map(String.init) }
    }
}
