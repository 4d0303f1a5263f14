import PeyvandCore
import Plot
import Vapor

/// Administration: service contracts. The list (all, or one account's from its page) shows each
/// contract's validity, level, usage and standing; one form creates or edits a contract, naming
/// its account by typing (`AccountPicker`) and its days in either calendar.
enum ContractPages {
    static let listPath = SiteURL.admin("contracts")

    static func path(_ id: UUID?) -> SiteURL { .admin("contracts/\(id.map { $0.uuidString.lowercased() } ?? ":id")") }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        let accountID = request.query[String.self, at: "account_id"].flatMap(UUID.init(uuidString:))
        return try await listPage(page, accountID: accountID, state: FormState(values: ["entitlement_unit": "none"]
            .merging(accountID.map { ["account_id": $0.uuidString] } ?? [:]) { $1 }), status: .ok)
    }

    @Sendable static func edit(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        let standing = try await ContractService(store: page.store).find(try idParameter(request), in: page.context)
        return try await formPage(page, standing.contract, state: FormState(values: values(of: standing.contract, page: page)), status: .ok)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        let form = try await FormData(request)
        let (input, problems) = try await read(form, page: page)
        do {
            let standing = try await ContractService(store: page.store).create(input, by: page.context, readProblems: problems)
            return page.redirect(to: listPath.with([("account_id", standing.contract.accountID.uuidString)]))
        } catch let error as any DomainError where FormSubmission.userCanFix(error.kind) {
            let state = FormState(refused: error, form: form, rowOrigins: [:], language: page.language)
            return try await listPage(page, accountID: input.accountID, state: state, status: .unprocessableEntity)
        }
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        let id = try idParameter(request)
        let form = try await FormData(request)
        let (input, problems) = try await read(form, page: page)
        do {
            let standing = try await ContractService(store: page.store).update(id, input, expectedVersion: form.value("version").flatMap(Int.init),
                                                                               by: page.context, readProblems: problems)
            return page.redirect(to: listPath.with([("account_id", standing.contract.accountID.uuidString)]))
        } catch let error as any DomainError where FormSubmission.userCanFix(error.kind) {
            let contract = try await ContractService(store: page.store).find(id, in: page.context).contract
            return try await formPage(page, contract, state: FormState(refused: error, form: form, rowOrigins: [:], language: page.language),
                                      status: .unprocessableEntity)
        }
    }

    @Sendable static func delete(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        let form = try await FormData(request)
        try await ContractService(store: page.store).delete(try idParameter(request), expectedVersion: form.value("version").flatMap(Int.init),
                                                            by: page.context)
        return page.redirect(to: listPath.path)
    }

    private static func read(_ form: FormData, page: WebPage) async throws -> (ContractInput, FieldValidator) {
        var problems = FieldValidator()
        var accountID = form.value("account_id").flatMap(UUID.init(uuidString:))
        if let chosen = try await AccountPicker.chosen(in: form, page: page) {
            accountID = chosen.id
            if let problem = chosen.problem { problems.add("account_name", problem) }
        }
        func blankIsNil(_ name: String) -> String? {
            form.value(name).flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        var total: Int?
        if let typed = blankIsNil("entitlement_total") {
            total = Int(PersianText.toASCIIDigits(typed).trimmingCharacters(in: .whitespaces))
            if total == nil { problems.add("entitlement_total", .invalidFormat) }
        }
        let input = ContractInput(
            provided: ["name", "account_id", "starts_on", "ends_on", "sla_policy_id", "entitlement_unit", "entitlement_total", "notes"],
            name: form.value("name"), accountID: accountID, startsOn: form.value("starts_on"), endsOn: form.value("ends_on"),
            slaPolicyID: blankIsNil("sla_policy_id").flatMap(UUID.init(uuidString:)), entitlementUnit: blankIsNil("entitlement_unit") ?? "none",
            entitlementTotal: total, notes: blankIsNil("notes"))
        return (input, problems)
    }

    private static func values(of contract: ServiceContract, page: WebPage) -> [String: String] {
        [
            "name": contract.name, "account_id": contract.accountID.uuidString, "starts_on": page.display.dayInput(contract.startsOn),
            "ends_on": page.display.dayInput(contract.endsOn), "sla_policy_id": contract.slaPolicyID?.uuidString ?? "",
            "entitlement_unit": contract.entitlementUnit,
            "entitlement_total": contract.entitlementTotal.map { page.display.number($0) } ?? "", "notes": contract.notes ?? "",
        ]
    }

    private static func listPage(_ page: WebPage, accountID: UUID?, state: FormState, status: HTTPStatus) async throws -> Response {
        let language = page.language
        func text(_ key: ServiceLevelText) -> String { key.text(in: language) }
        let contracts = try await ContractService(store: page.store).list(accountID: accountID, in: page.context)
        let accountNames = try await RecordNames.accounts(Set(contracts.map(\.contract.accountID) + [accountID].compactMap { $0 }), in: page)
        let policies = Dictionary(uniqueKeysWithValues: try await SLAPolicyService(store: page.store).list(in: page.context).map { ($0.id!, $0.name) })
        let title = accountID.flatMap { accountNames[$0] }.map { text(.contracts) + ": " + $0 } ?? text(.contracts)
        let rows: Node<HTML.BodyContext> = contracts.isEmpty ? .p(.class("empty"), .text(text(.noContracts))) : .table(
            .class("list"),
            .thead(.tr(.th(.text(text(.contractName))), .th(.text(SalesText.account.text(in: language))), .th(.text(text(.startsOn))),
                       .th(.text(text(.endsOn))), .th(.text(text(.slaPolicy))), .th(.text(text(.entitlementUsed))), .th(.text(text(.standingHeader))))),
            .tbody(.forEach(contracts) { standing in
                let contract = standing.contract
                return .tr(
                    .td(.a(.href(path(contract.id).path), .text(contract.name))),
                    .td(.a(.href(SiteURL.record(.accounts, contract.accountID).path), .text(accountNames[contract.accountID] ?? ""))),
                    .td(.text(page.display.day(contract.startsOn))), .td(.text(page.display.day(contract.endsOn))),
                    .td(.text(contract.slaPolicyID.flatMap { policies[$0] } ?? "")),
                    .td(.text(contract.entitlementTotal.map {
                        ServiceLevelViews.quantity(standing.used, page: page) + " / " + page.display.number($0) + " " + text(.unit(contract.unit))
                    } ?? text(.unit(.none)))),
                    .td(.span(.class("badge standing-\(standing.standing.rawValue)"), .text(text(.standing(standing.standing))))))
            }))
        let accountName = try await RecordNames.account(state.values["account_id"].flatMap(UUID.init(uuidString:)), in: page)
        return page.render(title, section: nil, status: status, .group(
            .h1(.text(title)),
            .unwrap(accountID) { _ in .p(.a(.href(listPath.path), .text(text(.allContracts)))) },
            rows,
            RecordView.section(text(.newContract), id: "new-contract",
                               form(state, contract: nil, accountName: accountName, policies: policies, page: page))
        ))
    }

    private static func formPage(_ page: WebPage, _ contract: ServiceContract, state: FormState, status: HTTPStatus) async throws -> Response {
        let policies = Dictionary(uniqueKeysWithValues: try await SLAPolicyService(store: page.store).list(in: page.context).map { ($0.id!, $0.name) })
        let accountName = try await RecordNames.account(state.values["account_id"].flatMap(UUID.init(uuidString:)) ?? contract.accountID, in: page)
        return page.render(contract.name, section: nil, status: status, .group(
            .h1(.text(contract.name)),
            form(state, contract: contract, accountName: accountName, policies: policies, page: page),
            page.button(page.text(.delete), posting: path(contract.id).path + "/delete", hidden: [("version", String(contract.version))],
                        class: "danger", confirm: page.text(.confirmDelete))
        ))
    }

    private static func form(_ state: FormState, contract: ServiceContract?, accountName: String?, policies: [UUID: String],
                             page: WebPage) -> Node<HTML.BodyContext> {
        let language = page.language
        func text(_ key: ServiceLevelText) -> String { key.text(in: language) }
        let levels = policies.sorted { $0.value < $1.value }.map { ($0.key.uuidString, $0.value) }
        return page.form(
            action: contract.map { path($0.id).path } ?? listPath.path,
            FormBanner.node(state, display: page.display),
            .unwrap(contract) { .input(.type(.hidden), .name("version"), .value(String($0.version))) },
            .div(.class("field-row"),
                 FormField("name", text(.contractName), in: state, isRequired: true).node,
                 AccountPicker.node(state, accountName: accountName, isRequired: true, page: page)),
            .div(.class("field-row"),
                 FormField("starts_on", text(.startsOn), in: state, isRequired: true).date.node,
                 FormField("ends_on", text(.endsOn), in: state, isRequired: true).date.node,
                 FormField("sla_policy_id", text(.slaPolicy), in: state, control: .select(levels)).node),
            .div(.class("field-row"),
                 FormField("entitlement_unit", text(.entitlementUnit), in: state, control: .select(ServiceLevelText.unitOptions(in: language)),
                           isRequired: true).node,
                 FormField("entitlement_total", text(.entitlementTotal), in: state, isLeftToRight: true).node),
            FormField("notes", text(.notes), in: state, control: .textarea).node,
            .button(.type(.submit), .class("primary"), .text(page.text(.save))))
    }

    static func register(on routes: any RoutesBuilder) {
        routes.get(listPath.pathComponents, use: list)
        routes.post(listPath.pathComponents, use: create)
        routes.get(path(nil).pathComponents, use: edit)
        routes.post(path(nil).pathComponents, use: update)
        routes.post((path(nil).path + "/delete").split(separator: "/").map { PathComponent(stringLiteral: String($0)) }, use: delete)
    }
}
