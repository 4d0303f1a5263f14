import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// The administration pages: only administrators reach them, and each saves through the
/// platform services (users, teams, the permission matrix, settings, pipelines, the audit log).
@Suite("Web administration")
struct AdminPagesTests {
    @Test func administration_is_refused_to_a_sales_rep_and_hidden_from_their_header() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let rep = try await org.addMember(role: .salesRep)
            let web = try await WebClient.signIn(app, email: rep.user.email)
            #expect(try await web.get("/admin").status == .forbidden)
            #expect(try await web.get("/admin/users").status == .forbidden)
            #expect(try await web.post("/admin/settings", [("name", "Taken"), ("money_unit", "rial")]).status == .forbidden)
            #expect(!(try await web.get("/").body.string.contains(#"href="/admin""#)))
            let admin = try await WebClient.signIn(app, email: org.admin.user.email)
            #expect(try await admin.get("/").body.string.contains(#"href="/admin""#))
        }
    }

    @Test func an_admin_adds_a_user_and_a_team_with_members() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let rep = try #require(try await Role.query(on: app.db).filter(\.$key == "sales_rep").first())
            let weak = try await web.post("/admin/users", [("name", "Omid"), ("email", "omid@example.com"), ("role_id", rep.id!.uuidString),
                                                            ("language", "fa"), ("password", "123")])
            #expect(weak.status == .unprocessableEntity)
            #expect(weak.body.string.contains(#"id="field-password-error""#))
            #expect(weak.body.string.contains(#"value="omid@example.com""#))
            let made = try await web.post("/admin/users", [("name", "Omid"), ("email", "omid@example.com"), ("role_id", rep.id!.uuidString),
                                                            ("language", "fa"), ("password", "omid-pass-1405")])
            #expect(made.status == .seeOther)
            let omid = try #require(try await User.query(on: app.db).filter(\.$email == "omid@example.com").first())
            #expect(omid.roleID == rep.id)

            #expect(try await web.post("/admin/teams", [("name", "Isfahan"), ("member_ids", omid.id!.uuidString)]).status == .seeOther)
            let team = try #require(try await Team.query(on: app.db).filter(\.$name == "Isfahan").first())
            #expect(try await TeamMembership.query(on: app.db).filter(\.$teamID == team.id!).all().map(\.userID) == [omid.id!])
            #expect(try await web.get("/admin/teams").body.string.contains("Isfahan"))
        }
    }

    @Test func the_permission_matrix_edits_a_custom_role_and_shows_built_in_roles_read_only() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let created = try await web.post("/admin/roles", [("name", "Auditor")])
            #expect(created.status == .seeOther)
            let role = try #require(try await Role.query(on: app.db).filter(\.$name == "Auditor").first())
            let saved = try await web.post("/admin/roles/\(role.id!)", [
                ("version", String(role.version)), ("name", "Auditor"),
                ("permissions.contacts.read", "organisation"), ("permissions.contacts.export", "team"), ("permissions.leads.read", ""),
            ])
            #expect(saved.status == .seeOther)
            let permissions = try #require(try await Role.find(role.id, on: app.db)).permissions()
            #expect(permissions.scope(for: .contacts, .read) == .organisation)
            #expect(permissions.scope(for: .contacts, .export) == .team)
            #expect(permissions.scope(for: .leads, .read) == nil)

            let builtIn = try #require(try await Role.query(on: app.db).filter(\.$key == "sales_rep").first())
            let page = try await web.get("/admin/roles/\(builtIn.id!)")
            #expect(page.status == .ok)
            #expect(!page.body.string.contains(#"name="permissions."#))
            #expect(try await web.post("/admin/roles/\(builtIn.id!)", [("permissions.contacts.delete", "organisation")]).status == .conflict)
        }
    }

    @Test func settings_change_how_amounts_read_and_a_stale_form_is_refused() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let badZone = try await web.post("/admin/settings", [("version", "1"), ("name", "Org"), ("default_language", "fa"),
                                                                  ("time_zone", "Mars/Olympus"), ("money_unit", "rial")])
            #expect(badZone.status == .unprocessableEntity)
            #expect(badZone.body.string.contains(#"id="field-time_zone-error""#))
            let badMonth = try await web.post("/admin/settings", [("version", "1"), ("name", "Org"), ("fiscal_year_start_month", "13")])
            #expect(badMonth.body.string.contains(#"id="field-fiscal_year_start_month-error""#))
            #expect(try await web.post("/admin/settings", [("version", "1"), ("name", "Org Co"), ("default_language", "en"),
                                                             ("time_zone", "Asia/Tehran"), ("money_unit", "rial"),
                                                             ("fiscal_year_start_month", "4")]).status == .seeOther)
            let organisation = try #require(try await Organisation.find(org.id, on: app.db))
            #expect(organisation.moneyUnit == "rial")
            #expect(organisation.fiscalYearStartMonth == 4)
            #expect(try await web.get("/admin/settings").body.string.contains(#"<option value="4" selected="selected">تیر</option>"#))
            #expect(organisation.name == "Org Co")
            #expect(try await web.post("/admin/settings", [("version", "1"), ("name", "Late"), ("money_unit", "toman")]).status == .conflict)

            _ = try await web.post("/accounts/new", [("name", "Rial Buyer")])
            _ = try await web.post("/opportunities/new", [("name", "Deal"), ("account_name", "Rial Buyer"), ("amount", "5000")])
            #expect(try await web.get("/opportunities/board").body.string.contains("۵٬۰۰۰ ریال"))
            let audit = try await web.get("/admin/audit?record_type=organisation")
            #expect(audit.body.string.contains("money_unit"))
        }
    }

    @Test func a_pipeline_gets_a_new_stage_from_its_form() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            #expect(try await web.get("/admin/pipelines").status == .ok)
            let pipeline = try #require(try await Pipeline.query(on: app.db).first())
            let stages = try await PipelineStage.query(on: app.db).filter(\.$pipelineID == pipeline.id!).sort(\.$position).all()
            var fields: [(String, String)] = [("version", String(pipeline.version)), ("name", pipeline.name), ("is_active", "1")]
            for (index, stage) in stages.enumerated() {
                fields += [("stages.\(index).id", stage.id!.uuidString), ("stages.\(index).name", stage.name),
                           ("stages.\(index).probability", String(stage.probability)), ("stages.\(index).outcome", stage.outcome)]
            }
            fields += [("stages.\(stages.count).name", "Contract review"), ("stages.\(stages.count).probability", "۹۰"),
                       ("stages.\(stages.count).outcome", "open")]
            #expect(try await web.post("/admin/pipelines/\(pipeline.id!)", fields).status == .seeOther)
            let after = try await PipelineStage.query(on: app.db).filter(\.$pipelineID == pipeline.id!).all()
            #expect(after.count == stages.count + 1)
            #expect(after.contains { $0.name == "Contract review" && $0.probability == 90 })
        }
    }

    @Test func working_hours_are_set_per_day_and_holidays_added_on_jalali_days() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let form = try await web.get("/admin/business-hours")
            #expect(form.status == .ok)
            #expect(form.body.string.contains(#"name="hours.saturday.0.start" type="text" value="۰۸:۰۰""#))
            #expect(form.body.string.contains("۵۰ ساعت کار در هفته"))
            #expect(try await web.get("/admin").body.string.contains(#"href="/admin/business-hours""#))

            // A time that is no time is refused beside its box, keeping the rest as typed.
            let refused = try await web.post("/admin/business-hours", [
                ("hours.saturday.0.start", "۰۸:۰۰"), ("hours.saturday.0.end", "۱۲:۰۰"), ("hours.saturday.1.start", "13:00"),
                ("hours.saturday.1.end", "17:00"), ("hours.sunday.0.start", "8"), ("hours.sunday.0.end", "16:00"),
            ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(#"id="field-hours-sunday-0-start-error""#))
            #expect(refused.body.string.contains(#"value="13:00""#))
            let overlapping = try await web.post("/admin/business-hours", [
                ("hours.monday.0.start", "08:00"), ("hours.monday.0.end", "12:00"), ("hours.monday.1.start", "11:00"), ("hours.monday.1.end", "15:00"),
            ])
            #expect(overlapping.body.string.contains(#"id="field-hours-monday-1-end-error""#))
            #expect(try await WorkingHours.query(on: app.db).count() == 0)

            let saved = try await web.post("/admin/business-hours", [
                ("hours.saturday.0.start", "۰۸:۰۰"), ("hours.saturday.0.end", "۱۲:۰۰"), ("hours.saturday.1.start", "13:00"),
                ("hours.saturday.1.end", "17:00"), ("hours.thursday.0.start", "08:00"), ("hours.thursday.0.end", "12:30"),
            ])
            #expect(saved.status == .seeOther)
            let week = try await BusinessCalendarService(store: app.store).week(in: try await org.adminContext())
            #expect(week.hoursPerWeek == 12.5)
            #expect(try await web.get("/admin/business-hours?saved=1").body.string.contains("۱۲٫۵ ساعت کار در هفته"))

            let added = try await web.post("/admin/business-hours/holidays", [("day", "۱۴۰۵/۱۲/۲۹"), ("name", "ملی شدن صنعت نفت")])
            #expect(added.headers.first(name: .location) == "/admin/business-hours?year=1405")
            let list = try await web.get("/admin/business-hours?year=1405").body.string
            #expect(list.contains("ملی شدن صنعت نفت"))
            let twice = try await web.post("/admin/business-hours/holidays", [("day", "1405/12/29"), ("name", "again")])
            #expect(twice.status == .unprocessableEntity)
            #expect(twice.body.string.contains(#"id="field-day-error""#))
            let holiday = try #require(try await Holiday.query(on: app.db).first())
            #expect(holiday.day == "2027-03-20")
            _ = try await web.post("/admin/business-hours/holidays/\(holiday.id!)/delete", [("year", "1405")])
            #expect(try await Holiday.query(on: app.db).count() == 0)
        }
    }
}
