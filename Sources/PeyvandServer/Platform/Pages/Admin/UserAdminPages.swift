import FluentKit
import PeyvandCore
import Plot
import Vapor

/// Administration: the index, users (invite with an initial password, change role, deactivate)
/// and teams with their members. Every change goes through the platform services, which check
/// the administration permission again.
enum UserAdminPages {
    static func page(_ request: Request) throws -> WebPage {
        let page = try WebPage(request)
        try page.context.require(.administration, .read)
        return page
    }

    static func text(_ key: AdminText, _ page: WebPage) -> String { key.text(in: page.language) }

    @Sendable static func index(_ request: Request) async throws -> Response {
        let page = try page(request)
        let links: [(SiteURL, String)] = [(.admin("users"), text(.users, page)), (.admin("teams"), text(.teams, page)),
                                          (.admin("roles"), text(.roles, page)), (.admin("pipelines"), text(.pipelines, page)),
                                          (.admin("queues"), text(.queues, page)),
                                          (SLAPolicyAdminPages.path, ServiceLevelText.slaPolicies.text(in: page.language)),
                                          (ContractPages.listPath, ServiceLevelText.contracts.text(in: page.language)),
                                          (.records(.products), page.text(.products)), (.records(.priceLists), page.text(.priceLists)),
                                          (.admin("settings"), text(.settings, page)), (BusinessCalendarAdminPages.path, text(.businessCalendar, page)),
                                          (.admin("audit"), text(.auditLog, page))]
        return page.render(text(.administration, page), section: nil, .group(
            .h1(.text(text(.administration, page))),
            .ul(.class("admin-links"), .forEach(links) { .li(.a(.class("card"), .href($0.0.path), .text($0.1))) })
        ))
    }

    // MARK: users

    @Sendable static func users(_ request: Request) async throws -> Response {
        try await usersPage(try page(request), state: FormState(values: ["language": "fa"]))
    }

    @Sendable static func createUser(_ request: Request) async throws -> Response {
        let page = try page(request)
        let form = try await FormData(request)
        do {
            _ = try await UserService(store: page.store, hasher: request.application.peyvand.hasher).create(
                NewUser(email: form.value("email"), name: form.value("name"), password: form.value("password"),
                        roleID: form.value("role_id").flatMap(UUID.init(uuidString:)), language: form.value("language")), by: page.context)
            return page.redirect(to: SiteURL.admin("users").path)
        } catch let error as any DomainError where error.kind == .validation || error.kind == .conflict {
            var state = FormState(refused: error, form: form, rowOrigins: [:], language: page.language)
            state.values["password"] = nil
            return try await usersPage(page, state: state, status: .unprocessableEntity)
        }
    }

    private static func usersPage(_ page: WebPage, state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let users = try await UserService(store: page.store, hasher: page.request.application.peyvand.hasher)
            .list(PageRequest(limit: PageRequest.maximumLimit, newestFirst: false), in: page.context).items
        let roles = try await RoleService(store: page.store).list(PageRequest(limit: PageRequest.maximumLimit), in: page.context).items
        let roleNames = Dictionary(uniqueKeysWithValues: roles.map { ($0.id!, RoleAdminPages.name(of: $0, page)) })
        let canEdit = page.context.permissions.scope(for: .administration, .update) != nil
        let languages = PeyvandCore.Language.allCases.map { ($0.rawValue, SalesText.value($0.rawValue, in: page.language)) }
        return page.render(text(.users, page), section: nil, status: status, .group(
            .h1(.text(text(.users, page))),
            .div(.class("table-scroll"), .table(
                .class("records"),
                .thead(.tr(.th(.text(text(.name, page))), .th(.text(text(.email, page))), .th(.text(text(.role, page))),
                           .th(.text(text(.active, page))))),
                .tbody(.forEach(users) { user in
                    .tr(.td(canEdit ? .a(.href(SiteURL.admin("users/\(user.id!)").path), .text(user.name)) : .text(user.name)),
                        .td(.span(.attribute(named: "dir", value: "ltr"), .text(user.email))),
                        .td(.text(roleNames[user.roleID] ?? "")),
                        .td(.text(text(user.isActive ? .active : .inactive, page))))
                })
            )),
            .if(canEdit, RecordView.section(text(.newUser, page), page.form(
                action: SiteURL.admin("users").path,
                FormBanner.node(state, display: page.display),
                .div(.class("field-row"),
                     FormField("name", text(.name, page), in: state, isRequired: true).node,
                     FormField(name: "email", label: text(.email, page), type: .email, value: state.values["email"], error: state.errors["email"],
                               isRequired: true, isLeftToRight: true).node),
                .div(.class("field-row"),
                     FormField("role_id", text(.role, page), in: state, control: .select(roles.map { ($0.id!.uuidString, roleNames[$0.id!] ?? "") }),
                               isRequired: true).node,
                     FormField("language", text(.language, page), in: state, control: .select(languages), isRequired: true).node,
                     FormField(name: "password", label: text(.password, page), type: .password, error: state.errors["password"], isRequired: true,
                               autocomplete: "new-password", hint: page.text(.passwordRule)).node),
                .button(.type(.submit), .text(page.text(.save)))
            )))
        ))
    }

    @Sendable static func editUser(_ request: Request) async throws -> Response {
        let page = try page(request)
        let user = try await UserService(store: page.store, hasher: request.application.peyvand.hasher).find(try idParameter(request), in: page.context)
        return try await userPage(page, user: user, state: FormState(values: ["name": user.name, "role_id": user.roleID.uuidString,
                                                                                 "is_active": user.isActive ? "1" : ""]))
    }

    @Sendable static func updateUser(_ request: Request) async throws -> Response {
        let page = try page(request)
        let id = try idParameter(request)
        let form = try await FormData(request)
        let service = UserService(store: page.store, hasher: request.application.peyvand.hasher)
        do {
            _ = try await service.update(id, UserChanges(name: form.value("name"), roleID: form.value("role_id").flatMap(UUID.init(uuidString:)),
                                                         isActive: form.value("is_active") == "1"),
                                         expectedVersion: form.value("version").flatMap(Int.init), by: page.context)
            return page.redirect(to: SiteURL.admin("users").path)
        } catch let error as any DomainError where FormSubmission.userCanFix(error.kind) {
            let state = FormState(refused: error, form: form, rowOrigins: [:], language: page.language)
            return try await userPage(page, user: try await service.find(id, in: page.context), state: state, status: .unprocessableEntity)
        }
    }

    private static func userPage(_ page: WebPage, user: User, state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let roles = try await RoleService(store: page.store).list(PageRequest(limit: PageRequest.maximumLimit), in: page.context).items
        return page.render(user.name, section: nil, status: status, .group(
            .h1(.text(user.name)),
            .p(.attribute(named: "dir", value: "ltr"), .class("muted"), .text(user.email)),
            page.form(
                action: SiteURL.admin("users/\(user.id!)").path,
                FormBanner.node(state, display: page.display),
                .input(.type(.hidden), .name("version"), .value(String(state.currentVersion ?? user.version))),
                FormField("name", text(.name, page), in: state, isRequired: true).node,
                FormField("role_id", text(.role, page), in: state,
                          control: .select(roles.map { ($0.id!.uuidString, RoleAdminPages.name(of: $0, page)) }), isRequired: true).node,
                FormField(name: "is_active", label: text(.active, page),
                          control: .checkboxes([("1", text(.active, page))], ticked: state.values["is_active"] == "1" ? ["1"] : []),
                          error: state.errors["is_active"]).node,
                .div(.class("form-actions"), .button(.type(.submit), .text(page.text(.save))),
                     .a(.class("button quiet"), .href(SiteURL.admin("users").path), .text(page.text(.cancel))))
            )
        ))
    }

    // MARK: teams

    @Sendable static func teams(_ request: Request) async throws -> Response {
        try await teamsPage(try page(request), state: FormState())
    }

    @Sendable static func createTeam(_ request: Request) async throws -> Response {
        let page = try page(request)
        let form = try await FormData(request)
        do {
            _ = try await TeamService(store: page.store).create(name: form.value("name"), memberIDs: form.values("member_ids").compactMap(UUID.init(uuidString:)),
                                                                by: page.context)
            return page.redirect(to: SiteURL.admin("teams").path)
        } catch let error as any DomainError where error.kind == .validation || error.kind == .conflict {
            return try await teamsPage(page, state: FormState(refused: error, form: form, rowOrigins: [:], language: page.language),
                                       status: .unprocessableEntity)
        }
    }

    @Sendable static func updateTeam(_ request: Request) async throws -> Response {
        let page = try page(request)
        let form = try await FormData(request)
        do {
            _ = try await TeamService(store: page.store).update(try idParameter(request), name: form.value("name"),
                                                                memberIDs: form.values("member_ids").compactMap(UUID.init(uuidString:)),
                                                                expectedVersion: form.value("version").flatMap(Int.init), by: page.context)
            return page.redirect(to: SiteURL.admin("teams").path)
        } catch let error as any DomainError where FormSubmission.userCanFix(error.kind) {
            return try await teamsPage(page, state: FormState(refused: error, form: form, rowOrigins: [:], language: page.language),
                                       status: .unprocessableEntity)
        }
    }

    /// Every team with a form of its own (name and member boxes), and one for a new team.
    private static func teamsPage(_ page: WebPage, state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let service = TeamService(store: page.store)
        let teams = try await service.list(PageRequest(limit: PageRequest.maximumLimit, newestFirst: false), in: page.context).items
        let members = try await service.memberIDs(of: teams, in: page.context)
        let users = try await UserService(store: page.store, hasher: page.request.application.peyvand.hasher)
            .list(PageRequest(limit: PageRequest.maximumLimit, newestFirst: false), in: page.context).items.filter(\.isActive)
        let choices = users.map { ($0.id!.uuidString, $0.name) }
        let canEdit = page.context.permissions.scope(for: .administration, .update) != nil
        func teamForm(_ team: Team?) -> Node<HTML.BodyContext> {
            let ticked = Set((team.flatMap { members[$0.id!] } ?? []).map(\.uuidString))
            return page.form(
                action: SiteURL.admin(team.map { "teams/\($0.id!)" } ?? "teams").path,
                .unwrap(team) { .input(.type(.hidden), .name("version"), .value(String($0.version))) },
                FormField(name: "name", label: text(.name, page), value: team?.name ?? state.values["name"],
                          error: team == nil ? state.errors["name"] : nil, isRequired: true).identified(as: "team-name-\(team?.id?.uuidString ?? "new")").node,
                FormField(name: "member_ids", label: text(.members, page), control: .checkboxes(choices, ticked: ticked)).node,
                .button(.type(.submit), .text(page.text(.save))))
        }
        return page.render(text(.teams, page), section: nil, status: status, .group(
            .h1(.text(text(.teams, page))),
            .unwrap(state.formError) { .div(.class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .forEach(teams) { team in
                RecordView.section(team.name, canEdit ? teamForm(team) : .ul(.forEach(members[team.id!] ?? []) { id in
                    .li(.text(users.first { $0.id == id }?.name ?? ""))
                }))
            },
            .if(canEdit, RecordView.section(text(.newTeam, page), teamForm(nil)))
        ))
    }

    static func register(on routes: any RoutesBuilder) {
        routes.get(SiteURL.admin("").pathComponents, use: index)
        routes.get(SiteURL.admin("users").pathComponents, use: users)
        routes.post(SiteURL.admin("users").pathComponents, use: createUser)
        routes.get(SiteURL.admin("users/:id").pathComponents, use: editUser)
        routes.post(SiteURL.admin("users/:id").pathComponents, use: updateUser)
        routes.get(SiteURL.admin("teams").pathComponents, use: teams)
        routes.post(SiteURL.admin("teams").pathComponents, use: createTeam)
        routes.post(SiteURL.admin("teams/:id").pathComponents, use: updateTeam)
    }
}
