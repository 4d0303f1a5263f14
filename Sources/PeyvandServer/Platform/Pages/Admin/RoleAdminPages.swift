import PeyvandCore
import Plot
import Vapor

/// Administration: roles as a permission matrix (area × action → scope). Built-in roles are
/// shown read-only; custom roles are edited cell by cell.
enum RoleAdminPages {
    static func name(of role: Role, _ page: WebPage) -> String {
        role.builtIn.map { page.language == .fa ? $0.displayName.fa : $0.displayName.en } ?? role.name
    }

    /// Matrix cells are named `permissions.<module>.<action>`.
    static func cellName(_ module: PermissionModule, _ action: PermissionAction) -> String {
        "permissions.\(module.rawValue).\(action.rawValue)"
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        return try await listPage(page, state: FormState())
    }

    private static func listPage(_ page: WebPage, state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let roles = try await RoleService(store: page.store).list(PageRequest(limit: PageRequest.maximumLimit, newestFirst: false), in: page.context).items
        let text = { (key: AdminText) in key.text(in: page.language) }
        return page.render(text(.roles), section: nil, status: status, .group(
            .h1(.text(text(.roles))),
            .ul(.class("related"), .forEach(roles) { role in
                .li(.a(.href(SiteURL.admin("roles/\(role.id!)").path), .text(name(of: role, page))),
                    .if(role.builtIn != nil, .span(.class("muted"), .text(" · " + text(.builtIn)))))
            }),
            .if(page.context.permissions.scope(for: .administration, .create) != nil, RecordView.section(text(.newRole), page.form(
                action: SiteURL.admin("roles").path,
                FormBanner.node(state, display: page.display),
                FormField("name", text(.name), in: state, isRequired: true).node,
                .button(.type(.submit), .text(page.text(.save))))))
        ))
    }

    /// A new custom role starts with no rights; the matrix page grants them.
    @Sendable static func create(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        let form = try await FormData(request)
        do {
            let role = try await RoleService(store: page.store).create(name: form.value("name"), permissions: PermissionSet(), by: page.context)
            return page.redirect(to: SiteURL.admin("roles/\(role.id!)").path)
        } catch let error as any DomainError where error.kind == .validation || error.kind == .conflict {
            return try await listPage(page, state: FormState(refused: error, form: form, rowOrigins: [:], language: page.language),
                                      status: .unprocessableEntity)
        }
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        let role = try await RoleService(store: page.store).find(try idParameter(request), in: page.context)
        return try matrixPage(page, role: role, permissions: try role.permissions(), state: FormState())
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        let id = try idParameter(request)
        let form = try await FormData(request)
        var permissions = PermissionSet()
        for module in PermissionModule.allCases {
            for action in PermissionAction.allCases {
                if let scope = form.value(cellName(module, action)).flatMap(PermissionScope.init(rawValue:)) {
                    permissions.grant(module, [action], scope)
                }
            }
        }
        let service = RoleService(store: page.store)
        do {
            _ = try await service.update(id, name: form.value("name"), permissions: permissions,
                                         expectedVersion: form.value("version").flatMap(Int.init), by: page.context)
            return page.redirect(to: SiteURL.admin("roles/\(id)").path)
        } catch let error as any DomainError where FormSubmission.userCanFix(error.kind) {
            let role = try await service.find(id, in: page.context)
            return try matrixPage(page, role: role, permissions: permissions,
                                  state: FormState(refused: error, form: form, rowOrigins: [:], language: page.language),
                                  status: error.kind == .validation ? .unprocessableEntity : .conflict)
        }
    }

    private static func matrixPage(_ page: WebPage, role: Role, permissions: PermissionSet, state: FormState,
                                   status: HTTPStatus = .ok) throws -> Response {
        let text = { (key: AdminText) in key.text(in: page.language) }
        let editable = role.builtIn == nil && page.context.permissions.scope(for: .administration, .update) != nil
        let scopes = [("", text(.noAccess))] + PermissionScope.allCases.map { ($0.rawValue, text(.scope($0))) }
        // Built from plain elements so the same matrix sits in a form (editable) or on its own.
        func cell<Context>(_ module: PermissionModule, _ action: PermissionAction) -> Node<Context> {
            let current = permissions.scope(for: module, action)
            guard editable else { return .text(current.map { text(.scope($0)) } ?? "—") }
            return .element(named: "select", nodes: [
                .attribute(named: "name", value: cellName(module, action)),
                .attribute(named: "aria-label", value: "\(text(.moduleName(module))) · \(text(.action(action)))"),
            ] + scopes.map { value, label in
                .element(named: "option", nodes: [.attribute(named: "value", value: value, ignoreIfValueIsEmpty: false),
                                                  .attribute(named: "selected", value: value == (current?.rawValue ?? "") ? "selected" : nil),
                                                  .text(label)])
            })
        }
        func table<Context>() -> Node<Context> {
            .element(named: "div", nodes: [.attribute(named: "class", value: "table-scroll"), .element(named: "table", nodes: [
                .attribute(named: "class", value: "records matrix"),
                .element(named: "thead", nodes: [.element(named: "tr", nodes: [.element(named: "th", text: text(.module))]
                    + PermissionAction.allCases.map { .element(named: "th", text: text(.action($0))) })]),
                .element(named: "tbody", nodes: PermissionModule.allCases.map { module in
                    .element(named: "tr", nodes: [.element(named: "th", nodes: [.attribute(named: "scope", value: "row"), .text(text(.moduleName(module)))])]
                        + PermissionAction.allCases.map { action in .element(named: "td", nodes: [cell(module, action)]) })
                }),
            ])])
        }
        return page.render(name(of: role, page), section: nil, status: status, .group(
            .h1(.text("\(text(.permissionMatrix)): \(name(of: role, page))")),
            .if(role.builtIn != nil, .p(.class("muted"), .text(text(.builtIn)))),
            editable
                ? page.form(action: SiteURL.admin("roles/\(role.id!)").path,
                            FormBanner.node(state, display: page.display),
                            .input(.type(.hidden), .name("version"), .value(String(role.version))),
                            FormField(name: "name", label: text(.name), value: state.values["name"] ?? role.name, error: state.errors["name"],
                                      isRequired: true).node,
                            table(),
                            .button(.type(.submit), .text(page.text(.save))))
                : table()
        ))
    }

    static func register(on routes: any RoutesBuilder) {
        routes.get(SiteURL.admin("roles").pathComponents, use: list)
        routes.post(SiteURL.admin("roles").pathComponents, use: create)
        routes.get(SiteURL.admin("roles/:id").pathComponents, use: show)
        routes.post(SiteURL.admin("roles/:id").pathComponents, use: update)
    }
}
