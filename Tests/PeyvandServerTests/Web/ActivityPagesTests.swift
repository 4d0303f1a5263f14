import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// The activity pages as a browser uses them: a form that takes times in the reader's calendar
/// and zone and saves through the API's rules, the record page with its done/reopen, edit and
/// delete shown only to those allowed, and the list and timelines linking to it.
@Suite("Web activity pages")
struct ActivityPagesTests {
    @Test func an_activity_made_on_the_form_with_a_jalali_due_time_in_persian_digits_is_stored_at_the_tehran_instant() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let contact = try WebClient.createdID(try await web.post("/contacts/new", [("last_name", "Moradi")]))
            let contactPath = "/contacts/\(contact.uuidString.lowercased())"

            let blank = try await web.get("/activities/new?regarding_type=contact&regarding_id=\(contact)")
            #expect(blank.status == .ok)
            #expect(blank.body.string.contains(#"name="regarding_ref" value="contact:\#(contact.uuidString.lowercased())""#))
            #expect(blank.body.string.contains(#"name="regarding_name" type="text" value="Moradi""#))

            let created = try await web.post("/activities/new", [
                ("regarding_name", "Moradi"), ("regarding_ref", "contact:\(contact.uuidString.lowercased())"), ("kind", "call"), ("subject", "پیگیری قرارداد"),
                ("priority", "high"), ("direction", "outbound"), ("due_at", "۱۴۰۵/۰۹/۰۳ ۱۰:۳۰"), ("start_at", ""), ("end_at", ""),
                ("remind_at", ""), ("body", "درباره تمدید"),
            ])
            #expect(created.status == .seeOther)
            let id = try WebClient.createdID(created)
            #expect(created.headers.first(name: .location) == "/activities/\(id.uuidString.lowercased())")
            let call = try #require(try await Activity.find(id, on: app.db))
            // 10:30 in Tehran (UTC+3:30) on 3 Azar 1405 = 24 November 2026.
            #expect(call.dueAt == ISO8601DateFormatter().date(from: "2026-11-24T07:00:00Z"))
            #expect(call.regardingID == contact)
            #expect(call.priority == "high")
            #expect(call.status == "open")
            #expect(call.ownerUserID == org.admin.id)

            let page = try await web.get("/activities/\(id)")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("پیگیری قرارداد"))
            #expect(html.contains("۳ آذر ۱۴۰۵، ۱۰:۳۰"))
            #expect(html.contains(#"href="\#(contactPath)">Moradi</a>"#))
            #expect(html.contains("/activities/\(id.uuidString.lowercased())/edit"))
            // The list and the contact's timeline open the activity's own page.
            #expect(try await web.get("/activities").body.string.contains(#"href="/activities/\#(id.uuidString.lowercased())">پیگیری قرارداد</a>"#))
            #expect(try await web.get(contactPath).body.string.contains(#"href="/activities/\#(id.uuidString.lowercased())""#))
        }
    }

    @Test func a_refused_form_keeps_every_typed_value_shows_each_error_beside_its_field_and_writes_nothing() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let refused = try await web.post("/activities/new", [
                ("kind", "meeting"), ("subject", " "), ("priority", "normal"), ("start_at", "۱۴۰۵/۰۹/۰۳ ۱۴:۰۰"),
                ("end_at", "۱۴۰۵/۰۹/۰۳ ۱۲:۰۰"), ("remind_at", "فردا"), ("body", "دستور جلسه"),
            ])
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains(#"<p id="field-subject-error" class="field-error">این مقدار الزامی است.</p>"#))
            #expect(html.contains(#"id="field-remind_at-error""#))
            #expect(html.contains(#"id="field-end_at-error""#))
            #expect(!html.contains(#"id="field-start_at-error""#))
            #expect(html.contains(#"value="فردا""#))
            #expect(html.contains(#"value="۱۴۰۵/۰۹/۰۳ ۱۴:۰۰""#))
            #expect(html.contains("دستور جلسه</textarea>"))
            #expect(html.contains(#"<option value="meeting" selected="selected">"#))
            #expect(try await Activity.query(on: app.db).count() == 0)

            // A record the reader cannot name is refused beside the "regarding" box, keeping what was typed.
            let unknown = try await web.post("/activities/new", [
                ("regarding_name", "Nobody Known"), ("regarding_ref", "lead:\(UUID().uuidString)"), ("kind", "task"), ("subject", "Ghost"),
                ("priority", "normal"),
            ])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.string.contains(#"id="field-regarding_name-error""#))
            #expect(unknown.body.string.contains(#"value="Nobody Known""#))
            #expect(try await Activity.query(on: app.db).count() == 0)
        }
    }

    @Test func the_regarding_box_names_any_record_by_typing_and_the_owner_can_be_handed_over() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let rep = try await org.addMember(role: .salesRep)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let contact = try WebClient.createdID(try await web.post("/contacts/new", [("last_name", "Bahrami")]))
            let account = try WebClient.createdID(try await web.post("/accounts/new", [("name", "Bahar Co")]))

            // Suggestions name records of every type, each with its type and id.
            let options = try await web.get("/activities/regarding-suggestions?q=Bah").body.string
            #expect(options.contains(#"data-id="contact:\#(contact.uuidString.lowercased())""#))
            #expect(options.contains(#"data-id="account:\#(account.uuidString.lowercased())""#))

            // Without the script: a name only one record has is enough; a shared beginning is not.
            let typed = try await web.post("/activities/new", [("regarding_name", "bahrami"), ("kind", "task"), ("subject", "Call back"),
                                                               ("priority", "normal"), ("owner_id", rep.id.uuidString)])
            let id = try WebClient.createdID(typed)
            let task = try #require(try await Activity.find(id, on: app.db))
            #expect(task.regardingType == "contact" && task.regardingID == contact)
            #expect(task.ownerUserID == rep.id)
            let ambiguous = try await web.post("/activities/new", [("regarding_name", "Bah"), ("kind", "task"), ("subject", "Which?"),
                                                                   ("priority", "normal")])
            #expect(ambiguous.status == .unprocessableEntity)
            #expect(ambiguous.body.string.contains(#"id="field-regarding_name-error""#))

            // The edit form names the record; picking another moves the activity, emptying the box detaches it.
            let form = try await web.get("/activities/\(id)/edit").body.string
            #expect(form.contains(#"value="Bahrami""#) && form.contains(#"<option value="\#(rep.id.uuidString)" selected="selected">"#))
            let moved = try await web.post("/activities/\(id)/edit", [("version", "1"), ("regarding_name", "Bahar Co — سازمان"),
                                                                     ("regarding_ref", "account:\(account.uuidString.lowercased())"), ("kind", "task"),
                                                                     ("subject", "Call back"), ("priority", "normal"), ("status", "open")])
            #expect(moved.status == .seeOther)
            #expect(try await Activity.find(id, on: app.db)?.regardingID == account)
            _ = try await web.post("/activities/\(id)/edit", [("version", "2"), ("regarding_name", ""), ("regarding_ref", "account:\(account)"),
                                                               ("kind", "task"), ("subject", "Call back"), ("priority", "normal"), ("status", "open")])
            let detached = try #require(try await Activity.find(id, on: app.db))
            #expect(detached.regardingID == nil && detached.version == 3)
        }
    }

    @Test func an_edit_saves_a_stale_edit_shows_both_versions_and_mark_done_and_reopen_change_the_status() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let id = try WebClient.createdID(try await web.post("/activities/new", [("kind", "task"), ("subject", "Send the quote"),
                                                                                   ("priority", "normal")]))
            let form = try await web.get("/activities/\(id)/edit")
            #expect(form.status == .ok)
            #expect(form.body.string.contains(#"value="Send the quote""#))
            #expect(form.body.string.contains(#"name="version" value="1""#))

            let fields = [("kind", "task"), ("status", "open"), ("priority", "normal"), ("due_at", "۱۴۰۵/۰۹/۰۵")]
            #expect(try await web.post("/activities/\(id)/edit", [("version", "1"), ("subject", "Send the revised quote")] + fields)
                .status == .seeOther)
            let edited = try #require(try await Activity.find(id, on: app.db))
            #expect(edited.subject == "Send the revised quote")
            // A day without a time is 09:00 in the reader's zone: 5 Azar 1405 = 26 November 2026.
            #expect(edited.dueAt == ISO8601DateFormatter().date(from: "2026-11-26T05:30:00Z"))

            let stale = try await web.post("/activities/\(id)/edit", [("version", "1"), ("subject", "Call instead")] + fields)
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains(#"class="stale""#))
            #expect(stale.body.string.contains("<td>Send the revised quote</td><td>Call instead</td>"))
            #expect(stale.body.string.contains(#"name="version" value="2""#))
            #expect(try await Activity.find(id, on: app.db)?.subject == "Send the revised quote")

            #expect(try await web.post("/activities/\(id)/status", [("status", "completed"), ("version", "2")]).status == .seeOther)
            let done = try #require(try await Activity.find(id, on: app.db))
            #expect(done.status == "completed")
            #expect(done.completedAt != nil)
            let page = try await web.get("/activities/\(id)").body.string
            #expect(page.contains(#"name="status" value="open""#))

            #expect(try await web.post("/activities/\(id)/status", [("status", "open"), ("version", "3")]).status == .seeOther)
            #expect(try await Activity.find(id, on: app.db)?.completedAt == nil)

            #expect(try await web.post("/activities/\(id)/delete", [("version", "4")]).status == .seeOther)
            #expect(try await Activity.query(on: app.db).count() == 0)
        }
    }

    @Test func a_rep_cannot_open_another_teams_activity_and_is_offered_no_changes_to_a_teammates() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let north = try await org.makeTeam("North")
            let owner = try await WebClient.signIn(app, email: try await org.addMember(role: .salesRep, teamIDs: [north]).user.email)
            let teammate = try await WebClient.signIn(app, email: try await org.addMember(role: .salesRep, teamIDs: [north]).user.email)
            let outsider = try await WebClient.signIn(app, email: try await org.addMember(role: .salesRep).user.email)
            let id = try WebClient.createdID(try await owner.post("/activities/new", [("kind", "task"), ("subject", "Northern visit"),
                                                                                     ("priority", "normal")]))
            let path = "/activities/\(id.uuidString.lowercased())"

            #expect(try await outsider.get(path).status == .notFound)
            #expect(try await outsider.get("\(path)/edit").status == .notFound)
            #expect(try await outsider.post("\(path)/edit", [("subject", "Taken over")]).status == .notFound)
            #expect(try await outsider.post("\(path)/status", [("status", "completed")]).status == .notFound)
            #expect(!(try await outsider.get("/activities").body.string.contains(path)))

            let seen = try await teammate.get(path)
            #expect(seen.status == .ok)
            #expect(!seen.body.string.contains("\(path)/edit"))
            #expect(!seen.body.string.contains("\(path)/status"))
            #expect(!seen.body.string.contains("\(path)/delete"))
            #expect(try await teammate.get("\(path)/edit").status == .forbidden)
            #expect(try await teammate.post("\(path)/status", [("status", "completed")]).status == .forbidden)
            #expect(try await teammate.post("\(path)/delete", [("version", "1")]).status == .forbidden)

            let stored = try #require(try await Activity.find(id, on: app.db))
            #expect(stored.subject == "Northern visit")
            #expect(stored.status == "open")
            // The owner sees the new-activity button and its own actions.
            #expect(try await owner.get("/activities").body.string.contains(#"href="/activities/new""#))
            #expect(try await owner.get(path).body.string.contains("\(path)/edit"))
        }
    }
}
