import Foundation
import PeyvandCore
import Plot

/// What the account pages show (see `ContactViews` for the shape every record's views share).
enum AccountViews {
    static func list(_ result: ListPage<Account>, users: [UUID: String], query: ListQuery, page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display, language = page.language
        func text(_ key: SalesText) -> String { key.text(in: language) }
        let columns: [ListColumn<Account>] = [
            ListView.selectColumn(\.id, label: \.name),
            ListColumn(text(.name), sort: "name") { .a(.href(SiteURL.record(.accounts, $0.id).path), .text($0.name)) },
            ListColumn(text(.kind), sort: "kind", key: "kind") { .text(SalesText.value($0.kind, in: language)) },
            ListColumn(text(.industry), key: "industry") { .text($0.industry ?? "") },
            ListColumn(text(.phone), key: "phone") { account in
                .unwrap(account.phones.first) { .span(.attribute(named: "dir", value: "ltr"), .text($0.number)) }
            },
            ListColumn(text(.province), key: "province") { .text(SalesText.provinceName($0.address.province, in: language)) },
            ListColumn(text(.createdAt), sort: "created_at", key: "created_at") { .text(display.moment($0.createdAt)) },
            ListColumn(SalesText.owner.text(in: language), key: "owner", hiddenByDefault: true) { .text($0.ownerUserID.flatMap { users[$0] } ?? "") },
            ListColumn(SalesText.updatedAt.text(in: language), sort: "updated_at", key: "updated_at", hiddenByDefault: true) { .text(display.moment($0.updatedAt)) },
        ]
        let filters = [
            FormField(name: "kind", label: text(.kind), control: .select(SalesText.options(Account.Kind.self, in: language)),
                      value: query.value(of: "kind")),
            FormField(name: "province", label: text(.province), control: .select(SalesText.provinces(in: language)),
                      value: query.value(of: "province")),
        ]
        return ListView.recordList(result, resource: .accounts, module: .accounts, title: .accounts, newRecord: .newAccount, columns: columns,
                                   filters: filters, users: users, query: query, page: page)
    }

    static func record(_ account: Account, parentName: String?, contacts: [Contact], opportunities: [Opportunity], duplicates: [DuplicateCandidate],
                       timeline: TimelineView, quickAdd: FormState, page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display, language = page.language
        func text(_ key: SalesText) -> String { key.text(in: language) }
        let id = account.id!
        let context = page.context
        let canEdit = context.may(.update, on: .accounts, ownerUserID: account.ownerUserID, ownerTeamID: account.ownerTeamID)
        let canDelete = context.may(.delete, on: .accounts, ownerUserID: account.ownerUserID, ownerTeamID: account.ownerTeamID)
        let parentRow: [(String, Node<HTML.BodyContext>)] = account.parentID.map { parentID in
            [(text(.parentAccount), .a(.href(SiteURL.record(.accounts, parentID).path), .text(parentName ?? "")))]
        } ?? []
        return .group(
            RecordView.header(account.name, subtitle: SalesText.value(account.kind, in: language), actions: [
                .if(page.context.isAdministrator,
                    .a(.class("button quiet"), .href(ContractPages.listPath.with([("account_id", id.uuidString)]).attributeEscaped),
                       .text(ServiceLevelText.contracts.text(in: page.language)))),
                .if(page.context.permissions.scope(for: .cases, .create) != nil,
                    .a(.class("button quiet"), .href(SiteURL.newRecord(.cases).with([("account_id", id.uuidString)]).attributeEscaped),
                       .text(page.text(.newCase)))),
                .if(canEdit, .a(.class("button"), .href(SiteURL.editRecord(.accounts, id).path), .text(page.text(.edit)))),
                .if(canDelete, page.button(page.text(.delete), posting: SiteURL.recordAction(.accounts, id, "delete").path,
                                           hidden: [("version", String(account.version))], class: "danger",
                                           confirm: page.text(.confirmDelete))),
            ]),
            .div(
                .class("record-layout"),
                .div(
                    .class("record-main"),
                    RecordView.section(text(.details),
                        RecordView.richDetails(parentRow + PartyViews.details(of: account, display: display)),
                        RecordView.details([
                            (text(.industry), account.industry),
                            (text(.website), account.website),
                            (text(.nationalID), account.nationalID.map { PersianText.digits($0, display.digits) }),
                            (text(.economicCode), account.economicCode.map { PersianText.digits($0, display.digits) }),
                            (text(.description), account.details),
                            (text(.createdAt), display.moment(account.createdAt)),
                        ])),
                    RecordView.section(text(.contactsOfAccount),
                        contacts.isEmpty ? .p(.class("empty"), .text(text(.noneYet))) : .ul(.class("related"), .forEach(contacts) { contact in
                            .li(.a(.href(SiteURL.record(.contacts, contact.id).path), .text(contact.fullName)),
                                .unwrap(contact.jobTitle) { .span(.class("muted"), .text(" · " + $0)) })
                        }),
                        .if(context.permissions.scope(for: .contacts, .create) != nil,
                            .a(.class("button quiet"), .href(SiteURL.newRecord(.contacts).with([("account_id", id.uuidString)])),
                               .text(page.text(.newContact))))),
                    RecordView.section(text(.opportunitiesOfRecord),
                        opportunities.isEmpty ? .p(.class("empty"), .text(text(.noneYet))) : .ul(.class("related"), .forEach(opportunities) { opportunity in
                            .li(.a(.href(SiteURL.record(.opportunities, opportunity.id).path), .text(opportunity.name)),
                                .span(.class("muted"), .text(" · " + display.money(opportunity.amountMinor, currency: opportunity.currency)
                                                            + " · " + SalesText.value(opportunity.status, in: language))))
                        }),
                        .if(context.permissions.scope(for: .opportunities, .create) != nil,
                            .a(.class("button quiet"), .href(SiteURL.newRecord(.opportunities).with([("account_id", id.uuidString)])),
                               .text(page.text(.newOpportunity))))),
                    .if(canEdit, MergePages<Account>.section(duplicates, of: .record(.accounts, id), page: page))
                ),
                .div(.class("record-side"), timeline.node(record: .record(.accounts, id), quickAdd: quickAdd, page: page))
            )
        )
    }

    static func form(_ state: FormState, account: Account?, title: String, page: WebPage) -> Node<HTML.BodyContext> {
        let language = page.language
        func text(_ key: SalesText) -> String { key.text(in: language) }
        let action = account.map { SiteURL.editRecord(.accounts, $0.id).path } ?? SiteURL.newRecord(.accounts).path
        return .group(
            .h1(.text(title)),
            page.form(
                action: action,
                FormBanner.node(state, display: page.display, labels: labels(in: language),
                                stored: account.map { values(of: $0, display: page.display) }),
                .if(state.currentVersion == nil, .unwrap(account) { .input(.type(.hidden), .name("version"), .value(String($0.version))) }),
                .div(.class("field-row"),
                     FormField("name", text(.name), in: state, isRequired: true).node,
                     FormField("kind", text(.kind), in: state, control: .select(SalesText.options(Account.Kind.self, in: language))).node),
                .div(.class("field-row"),
                     FormField("industry", text(.industry), in: state).node,
                     FormField("website", text(.website), in: state, control: .input(.url), isLeftToRight: true).node),
                .div(.class("field-row"),
                     FormField("national_id", text(.nationalID), in: state, isLeftToRight: true).node,
                     FormField("economic_code", text(.economicCode), in: state, isLeftToRight: true).node),
                PartyViews.formSection(state, display: page.display),
                FormField("description", text(.description), in: state, control: .textarea).node,
                .div(.class("form-actions"),
                     .button(.type(.submit), .text(page.text(.save))),
                     .a(.class("button quiet"), .href(account.map { SiteURL.record(.accounts, $0.id).path } ?? SiteURL.records(.accounts).path),
                        .text(page.text(.cancel))))
            )
        )
    }

    static func values(of account: Account, display: Display) -> [String: String] {
        var values = PartyViews.values(of: account, display: display)
        values["name"] = account.name
        values["kind"] = account.kind
        values["industry"] = account.industry
        values["website"] = account.website
        values["national_id"] = account.nationalID
        values["economic_code"] = account.economicCode
        values["description"] = account.details
        return values.filter { !$0.value.isEmpty }
    }

    static func labels(in language: PeyvandCore.Language) -> [String: String] {
        let fields: [(String, SalesText)] = [
            ("name", .name), ("kind", .kind), ("industry", .industry), ("website", .website), ("national_id", .nationalID),
            ("economic_code", .economicCode), ("description", .description), ("address.province", .province),
            ("address.city", .city), ("address.line", .addressLine), ("address.postal_code", .postalCode), ("tags", .tags),
            ("phones.0.number", .phone), ("emails.0.address", .email),
        ]
        return fields.reduce(into: [:]) { $0[$1.0] = $1.1.text(in: language) }
    }
}
