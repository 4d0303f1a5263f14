import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor

/// A stand-in business record, so the shared scoping mechanism is tested on a real table before
/// the business modules exist.
final class Widget: OwnedRecord, @unchecked Sendable {
    static let schema = "test_widgets"
    static var permissionModule: PermissionModule { .accounts }
    static var organisationKey: KeyPath<Widget, FieldProperty<Widget, UUID>> { \.$organisationID }
    static var ownerUserKey: KeyPath<Widget, OptionalFieldProperty<Widget, UUID>> { \.$ownerUserID }
    static var ownerTeamKey: KeyPath<Widget, OptionalFieldProperty<Widget, UUID>> { \.$ownerTeamID }

    @ID(custom: .id, generatedBy: .user) var id: UUID?
    @Field(key: "org_id") var organisationID: UUID
    @OptionalField(key: "owner_user_id") var ownerUserID: UUID?
    @OptionalField(key: "owner_team_id") var ownerTeamID: UUID?
    @Field(key: "label") var label: String

    init() {}

    init(org: UUID, user: UUID?, team: UUID?, label: String) {
        (id, organisationID, ownerUserID, ownerTeamID, self.label) = (UUIDv7.make(), org, user, team, label)
    }

    struct Create: AsyncMigration {
        var name: String { "test.widgets" }
        func prepare(on database: any Database) async throws {
            try await database.schema(Widget.schema).field(.id, .uuid, .identifier(auto: false))
                .field("org_id", .uuid, .required).field("owner_user_id", .uuid).field("owner_team_id", .uuid)
                .field("label", .string, .required).create()
        }
        func revert(on database: any Database) async throws { try await database.schema(Widget.schema).delete() }
    }
}

@Suite("Permissions")
struct PermissionMatrixTests {
    /// Every built-in role × module × action, against records that are the actor's own, a
    /// teammate's, the team's, another team's, and another organisation's: the query returns
    /// exactly what the granted scope reaches, agrees with the per-record check, and never leaks
    /// across organisations.
    @Test func every_role_module_and_action_sees_exactly_its_scope() async throws {
        try await withApp { app in
            app.migrations.add(Widget.Create())
            try await app.autoMigrate()
            let org = try await TestOrganisation.make(app, name: "Home")
            let elsewhere = try await TestOrganisation.make(app, name: "Elsewhere")
            let team = try await org.makeTeam("Sales")
            let otherTeam = try await org.makeTeam("Support")
            let actor = try await org.addMember(role: .readOnly, teamIDs: [team])
            let teammate = try await org.addMember(role: .readOnly, teamIDs: [team])
            let outsider = try await org.addMember(role: .readOnly, teamIDs: [otherTeam])
            try await app.store.write { db in
                for widget in [
                    Widget(org: org.id, user: actor.id, team: nil, label: "own"),
                    Widget(org: org.id, user: teammate.id, team: nil, label: "teammate"),
                    Widget(org: org.id, user: nil, team: team, label: "team"),
                    Widget(org: org.id, user: outsider.id, team: otherTeam, label: "other"),
                    Widget(org: elsewhere.id, user: actor.id, team: team, label: "other-organisation"),
                ] { try await widget.create(on: db) }
            }
            let expected: [PermissionScope?: Set<String>] = [
                .organisation: ["own", "teammate", "team", "other"], .team: ["own", "teammate", "team"], .own: ["own"], nil: [],
            ]
            let base = try await AuthService(store: app.store, hasher: app.peyvand.hasher, pepper: "p")
                .context(forUser: actor.id, language: .en, requestID: nil)
            var checked = 0
            for role in BuiltInRole.allCases {
                for module in PermissionModule.allCases {
                    for action in PermissionAction.allCases {
                        let scope = role.permissions.scope(for: module, action)
                        let context = RequestContext(
                            organisationID: base.organisationID, userID: base.userID, roleID: base.roleID, roleKey: role.rawValue,
                            permissions: PermissionSet(scope.map { [.accounts: [action: $0]] } ?? [:]),
                            teamIDs: base.teamIDs, teammateIDs: base.teammateIDs)
                        let visible: Set<String>
                        do {
                            visible = Set(try await Widget.query(on: app.db).scoped(to: context, for: action).all().map(\.label))
                            #expect(scope != nil, "\(role) \(module) \(action) should be forbidden")
                        } catch PlatformError.forbidden {
                            visible = []
                            #expect(scope == nil, "\(role) \(module) \(action) was refused")
                        }
                        #expect(visible == expected[scope], "\(role) \(module) \(action) \(String(describing: scope))")
                        let permitted = Set(try await Widget.query(on: app.db).all().filter { $0.permits(action, by: context) }.map(\.label))
                        #expect(permitted == visible, "\(role) \(module) \(action)")
                        checked += 1
                    }
                }
            }
            #expect(checked == BuiltInRole.allCases.count * PermissionModule.allCases.count * PermissionAction.allCases.count)
        }
    }

    /// The grants themselves, as the product defines them.
    @Test(arguments: [
        (BuiltInRole.admin, PermissionModule.administration, PermissionAction.update, PermissionScope?.some(.organisation)),
        (.salesManager, .opportunities, .delete, .organisation),
        (.salesManager, .administration, .read, nil),
        (.salesRep, .accounts, .read, .organisation),
        (.salesRep, .accounts, .delete, nil),
        (.salesRep, .opportunities, .read, .team),
        (.salesRep, .opportunities, .update, .own),
        (.marketer, .campaigns, .delete, .organisation),
        (.marketer, .opportunities, .read, nil),
        (.supportAgent, .cases, .read, .team),
        (.supportAgent, .cases, .update, .own),
        (.supportManager, .cases, .assign, .organisation),
        (.readOnly, .accounts, .read, .organisation),
        (.readOnly, .accounts, .create, nil),
        (.readOnly, .administration, .read, nil),
    ])
    func built_in_role_grants(role: BuiltInRole, module: PermissionModule, action: PermissionAction, scope: PermissionScope?) {
        #expect(role.permissions.scope(for: module, action) == scope)
    }

    @Test func only_administrators_administer() {
        for role in BuiltInRole.allCases {
            let administers = PermissionAction.allCases.contains { role.permissions.scope(for: .administration, $0) != nil }
            #expect(administers == (role == .admin), "\(role)")
        }
    }

    @Test func admins_make_custom_roles_but_cannot_change_built_in_ones() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let body: [String: Any] = ["name": "Regional lead", "permissions": ["leads": ["read": "team", "update": "own"]]]
            let created = try await app.testing().sendRequest(.POST, "api/v1/roles", headers: org.admin.bearer.json, body: jsonBody(body))
            #expect(created.status == .created)
            #expect((created.json["permissions"] as? [String: [String: String]])?["leads"] == ["read": "team", "update": "own"])

            let bad: [String: Any] = ["name": "Broken", "permissions": ["spaceships": ["read": "own"], "leads": ["fly": "own", "read": "galaxy"]]]
            let refused = try await app.testing().sendRequest(.POST, "api/v1/roles", headers: org.admin.bearer.json, body: jsonBody(bad))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.problemFields == ["permissions.leads.fly", "permissions.leads.read", "permissions.spaceships"])

            let builtIn = try await Role.query(on: app.db).filter(\.$key == "sales_rep").first()!.id!
            let patch = try await app.testing().sendRequest(.PATCH, "api/v1/roles/\(builtIn)", headers: org.admin.bearer.json, body: jsonBody(["name": "x"]))
            #expect(patch.status == .conflict)
        }
    }
}
