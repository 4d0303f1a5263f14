import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// Naming an account on a form: by typed name (no script needed), with suggestions as you type;
/// the account a form opened with is kept while its name is unchanged, even when another
/// account has the same name; emptying the box unlinks a contact.
@Suite("Web account picker")
struct AccountPickerTests {
    @Test func a_contacts_account_changes_on_edit_by_typing_another_name_and_is_removed_by_emptying_it() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let arya = try WebClient.createdID(try await web.post("/accounts/new", [("name", "آریا صنعت")]))
            let pars = try WebClient.createdID(try await web.post("/accounts/new", [("name", "پارس تجارت")]))
            let contact = try WebClient.createdID(try await web.post("/contacts/new", [
                ("last_name", "رضایی"), ("account_name", "آريا صنعت"),
            ]))
            #expect(try await Contact.find(contact, on: app.db)?.accountID == arya)

            let form = try await web.get("/contacts/\(contact)/edit").body.string
            #expect(form.contains(#"name="account_name""#) && form.contains(#"value="آریا صنعت""#))
            #expect(form.contains(#"data-pick="/accounts/suggestions""#))

            #expect(try await web.post("/contacts/\(contact)/edit", [
                ("last_name", "رضایی"), ("account_name", "پارس تجارت"), ("account_id", arya.uuidString), ("version", "1"),
            ]).status == .seeOther)
            #expect(try await Contact.find(contact, on: app.db)?.accountID == pars)

            #expect(try await web.post("/contacts/\(contact)/edit", [
                ("last_name", "رضایی"), ("account_name", " "), ("account_id", pars.uuidString), ("version", "2"),
            ]).status == .seeOther)
            #expect(try await Contact.find(contact, on: app.db)?.accountID == nil)
        }
    }

    @Test func an_unknown_or_ambiguous_name_is_refused_beside_the_box_unless_the_form_carries_that_accounts_id() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let first = try WebClient.createdID(try await web.post("/accounts/new", [("name", "Arya Co"), ("address.city", "Tehran")]))
            let second = try WebClient.createdID(try await web.post("/accounts/new", [("name", "Arya Co"), ("address.city", "Shiraz"),
                                                                                      ("allow_duplicate", "1")]))
            let offered = try await web.get("/accounts/suggestions?q=arya").body.string
            #expect(offered.contains(#"value="Arya Co — Shiraz""#))
            #expect(offered.contains(#"value="Arya Co — Tehran""#))

            let unknown = try await web.post("/contacts/new", [("last_name", "Karimi"), ("account_name", "Nowhere Ltd")])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.string.contains(#"id="field-account_name-error""#))
            #expect(unknown.body.string.contains(#"value="Nowhere Ltd""#))
            let ambiguous = try await web.post("/contacts/new", [("last_name", "Karimi"), ("account_name", "Arya Co")])
            #expect(ambiguous.status == .unprocessableEntity)
            #expect(try await Contact.query(on: app.db).count() == 0)

            let picked = try await web.post("/contacts/new", [("last_name", "Karimi"), ("account_name", "Arya Co"), ("account_id", first.uuidString)])
            #expect(picked.status == .seeOther)
            #expect(try await Contact.find(try WebClient.createdID(picked), on: app.db)?.accountID == first)
            let pickedFromList = try await web.post("/contacts/new", [("last_name", "Karimi"), ("account_name", "Arya Co — Shiraz"),
                                                                      ("account_id", second.uuidString)])
            #expect(try await Contact.find(try WebClient.createdID(pickedFromList), on: app.db)?.accountID == second)
        }
    }

    @Test func suggestions_list_only_the_readers_organisations_accounts_with_their_ids() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let other = try await TestOrganisation.make(app, name: "Other")
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let stranger = try await WebClient.signIn(app, email: other.admin.user.email)
            let own = try WebClient.createdID(try await web.post("/accounts/new", [("name", "Arya Co"), ("industry", "Steel")]))
            _ = try await stranger.post("/accounts/new", [("name", "Arya Elsewhere")])

            let seen = try await web.get("/accounts/suggestions?q=ary")
            #expect(seen.status == .ok)
            #expect(seen.body.string.contains(#"<option value="Arya Co" data-id="\#(own.uuidString.lowercased())">Steel</option>"#))
            #expect(!seen.body.string.contains("Arya Elsewhere"))
            #expect(try await web.get("/accounts/suggestions?q=a").body.string.isEmpty)
        }
    }

    @Test func an_account_id_from_the_address_bar_is_escaped_into_the_form() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let web = try await WebClient.signIn(app, email: org.admin.user.email)
            let page = try await web.get("/contacts/new?account_id=%22%3E%3Cb%3Eowned").body.string
            #expect(!page.contains("<b>owned"))
            #expect(page.contains("&quot;&gt;&lt;b&gt;owned"))
        }
    }
}
