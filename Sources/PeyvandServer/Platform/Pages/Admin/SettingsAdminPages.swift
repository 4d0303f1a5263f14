import FluentKit
import Foundation
import PeyvandCore
import Plot
import Vapor

/// Administration: organisation settings and the audit log viewer.
enum SettingsAdminPages {
    /// Zones offered in the drop-down; Iran's first, then neighbours and common business hubs.
    static let timeZones = ["Asia/Tehran", "Asia/Dubai", "Asia/Baku", "Asia/Kabul", "Europe/Istanbul", "Europe/London", "UTC"]

    @Sendable static func settings(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        let organisation = try await OrganisationService(store: page.store, hasher: request.application.peyvand.hasher).current(in: page.context)
        let state = FormState(values: ["name": organisation.name, "default_language": organisation.defaultLanguage,
                                       "time_zone": organisation.timeZone, "money_unit": organisation.moneyUnit,
                                       "fiscal_year_start_month": String(organisation.fiscalYearStartMonth)])
        return settingsPage(page, organisation: organisation, state: state, saved: request.query[String.self, at: "saved"] != nil)
    }

    @Sendable static func saveSettings(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        let form = try await FormData(request)
        let service = OrganisationService(store: page.store, hasher: request.application.peyvand.hasher)
        var problems = FieldValidator()
        var month: Int?
        if let text = form.value("fiscal_year_start_month") {
            month = Int(text)
            if month == nil { problems.add("fiscal_year_start_month", .invalidFormat) }
        }
        do {
            _ = try await service.updateSettings(
                OrganisationSettings(name: form.value("name"), defaultLanguage: form.value("default_language"), timeZone: form.value("time_zone"),
                                     moneyUnit: form.value("money_unit"), fiscalYearStartMonth: month),
                expectedVersion: form.value("version").flatMap(Int.init), by: page.context, readProblems: problems)
            return page.redirect(to: SiteURL.admin("settings").with([("saved", "1")]))
        } catch let error as any DomainError where [.validation, .preconditionFailed].contains(error.kind) {
            let organisation = try await service.current(in: page.context)
            return settingsPage(page, organisation: organisation, state: FormState(refused: error, form: form, rowOrigins: [:], language: page.language),
                                saved: false, status: error.kind == .validation ? .unprocessableEntity : .conflict)
        }
    }

    private static func settingsPage(_ page: WebPage, organisation: Organisation, state: FormState, saved: Bool,
                                     status: HTTPStatus = .ok) -> Response {
        let text = { (key: AdminText) in key.text(in: page.language) }
        let languages = PeyvandCore.Language.allCases.map { ($0.rawValue, SalesText.value($0.rawValue, in: page.language)) }
        return page.render(text(.settings), section: nil, status: status, .group(
            .h1(.text(text(.settings))),
            .if(saved, .p(.class("notice"), .attribute(named: "role", value: "status"), .text(text(.saved)))),
            page.form(
                action: SiteURL.admin("settings").path,
                FormBanner.node(state, display: page.display),
                .input(.type(.hidden), .name("version"), .value(String(state.currentVersion ?? organisation.version))),
                FormField("name", text(.organisationName), in: state, isRequired: true).node,
                .div(.class("field-row"),
                     FormField("default_language", text(.defaultLanguage), in: state, control: .select(languages), isRequired: true).node,
                     FormField("time_zone", text(.timeZone), in: state, control: .select(timeZones.map { ($0, $0) }), isRequired: true).node,
                     FormField("money_unit", text(.moneyUnit), in: state,
                               control: .select([("toman", text(.toman)), ("rial", text(.rial))]), isRequired: true).node,
                     FormField("fiscal_year_start_month", text(.fiscalYearStart), in: state,
                               control: .select((1...12).map { (String($0), (page.language == .fa ? JalaliDate.persianMonthNames : JalaliDate.englishMonthNames)[$0 - 1]) }), isRequired: true).node),
                .button(.type(.submit), .text(page.text(.save)))
            )
        ))
    }

    // MARK: audit log

    static let auditRecordTypes = ["account", "contact", "lead", "opportunity", "quote", "order", "invoice", "activity", "product",
                                   "user", "team", "role", "pipeline", "organisation"]

    /// Newest first, filtered by record type, user and a range of days; cursor paged like the lists.
    @Sendable static func auditLog(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        let text = { (key: AdminText) in key.text(in: page.language) }
        let recordType = request.query[String.self, at: "record_type"].flatMap { auditRecordTypes.contains($0) ? $0 : nil }
        let actor = request.query[String.self, at: "user_id"].flatMap(UUID.init(uuidString:))
        let cursor = try request.query[String.self, at: "cursor"].map { try Cursor(encoded: $0) }
        var days = QueryReader(request)
        let (fromDay, toDay) = (days.day("from"), days.day("to"))
        var state = FormState(values: ["from": request.query[String.self, at: "from"], "to": request.query[String.self, at: "to"]].compactMapValues { $0 })
        var result = Page<AuditEntry>(items: [], nextCursor: nil)
        do {
            try days.validator.check()
            result = try await AuditLogService(store: page.store).list(.init(recordType: recordType, actorUserID: actor, fromDay: fromDay, toDay: toDay),
                                                                      PageRequest(limit: 50, cursor: cursor), in: page.context)
        } catch let error as any DomainError where error.kind == .validation {
            for fieldError in error.fieldErrors { state.errors[fieldError.field] = Messages.field(fieldError.code, in: page.language) }
        }
        let users = try await RecordNames.users(in: page)
        let query = [("record_type", recordType), ("user_id", actor?.uuidString), ("from", state.values["from"]), ("to", state.values["to"])]
        func changedFields(_ entry: AuditEntry) -> String {
            guard case .object(let members)? = try? JSONDecoder().decode(JSONValue.self, from: Data(entry.changesJSON.utf8)) else { return "" }
            return members.keys.sorted().joined(separator: ", ")
        }
        return page.render(text(.auditLog), section: nil, .group(
            .h1(.text(text(.auditLog))),
            .form(.class("list-filters"), .method(.get), .action(SiteURL.admin("audit").path),
                  FormField(name: "record_type", label: text(.recordType), control: .select(auditRecordTypes.map { ($0, $0) }), value: recordType).node,
                  FormField(name: "user_id", label: text(.who), control: .select(users.sorted { $0.value < $1.value }.map { ($0.key.uuidString, $0.value) }),
                            value: actor?.uuidString).node,
                  FormField("from", text(.fromDay), in: state, isLeftToRight: true).date.node,
                  FormField("to", text(.toDay), in: state, isLeftToRight: true).date.node,
                  .button(.type(.submit), .text(page.text(.apply)))),
            result.items.isEmpty ? .p(.class("empty"), .text(page.text(.nothingFound))) : .div(.class("table-scroll"), .table(
                .class("records"),
                .thead(.tr(.th(.text(text(.when))), .th(.text(text(.who))), .th(.text(text(.what))), .th(.text(text(.recordType))),
                           .th(.text(text(.record))), .th(.text(text(.changedFields))))),
                .tbody(.forEach(result.items) { entry in
                    .tr(.td(.text(page.display.moment(entry.occurredAt))),
                        .td(.text(entry.actorUserID.flatMap { users[$0] } ?? "—")),
                        .td(.text(entry.action)),
                        .td(.text(entry.recordType)),
                        .td(["account", "contact", "lead", "opportunity", "quote"].contains(entry.recordType)
                            ? .a(.href(SiteURL.record(WebResource(recordType: entry.recordType), entry.recordID).path),
                                 .attribute(named: "dir", value: "ltr"), .text(String(entry.recordID.uuidString.prefix(8))))
                            : .span(.attribute(named: "dir", value: "ltr"), .text(String(entry.recordID.uuidString.prefix(8))))),
                        .td(.span(.attribute(named: "dir", value: "ltr"), .text(changedFields(entry)))))
                }))),
            .unwrap(result.nextCursor) { next in
                .nav(.class("pager"), .a(.class("button"), .attribute(named: "rel", value: "next"),
                                         .href(SiteURL.admin("audit").with(query + [("cursor", next.encoded)]).attributeEscaped),
                                         .text(page.text(.nextPage))))
            }
        ))
    }

    static func register(on routes: any RoutesBuilder) {
        routes.get(SiteURL.admin("settings").pathComponents, use: settings)
        routes.post(SiteURL.admin("settings").pathComponents, use: saveSettings)
        routes.get(SiteURL.admin("audit").pathComponents, use: auditLog)
    }
}
