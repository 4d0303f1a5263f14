import FluentKit
import Foundation
import Logging
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// Mail in and out of cases: a message opens a case for the contact it comes from and is
/// acknowledged with the case number; answers thread back by Message-ID or by the number in the
/// subject; agents reply from the case and see how delivery went.
@Suite("Email to case and replies")
struct CaseMailTests {
    static let support = "support@peyvand.test"

    /// Stores `mail` as received for the organisation and runs the inbound job (no SMTP involved).
    func receive(_ app: Application, _ mail: OutgoingMail, messageID: String, envelopeFrom: String? = nil) async throws {
        let raw = Data(MailComposer.compose(mail, messageID: messageID, date: Date()).utf8)
        try await InboundMailService.store(raw: raw, envelopeFrom: envelopeFrom ?? mail.from.address, recipients: [Self.support], store: app.store)
        let worker = JobWorker(id: "test", store: app.store, handlers: [InboundMailJob.kind: InboundMailJob(handlers: [CaseMailHandler()]),
                                         OutboundMailJob.kind: OutboundMailJob(transport: nil)],
                               logger: Logger(label: "test"))
        while try await worker.runOnce() > 0 {}
    }

    func customer(_ app: Application, _ org: TestOrganisation, email: String) async throws -> (account: String, contact: String) {
        let account = try await app.testing().sendRequest(.POST, "api/v1/accounts", headers: org.admin.bearer.json, body: jsonBody(["name": "Kish Hotel"]))
        let contact = try await app.testing().sendRequest(.POST, "api/v1/contacts", headers: org.admin.bearer.json, body: jsonBody([
            "first_name": "حمید", "last_name": "بندری", "account_id": account.json["id"]!, "emails": [["address": email]],
        ]))
        return (try #require(account.json["id"] as? String), try #require(contact.json["id"] as? String))
    }

    @Test func a_message_from_a_known_contact_opens_an_acknowledged_case_with_its_attachment() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let (accountID, contactID) = try await customer(app, org, email: "hamid@kish.example")
            let mail = OutgoingMail(from: MailAddress("Hamid@Kish.example", name: "حمید بندری"), to: [MailAddress(Self.support)],
                                    subject: "دستگاه کارت‌خوان روشن نمی‌شود", textBody: "از صبح چراغ دستگاه خاموش است.",
                                    attachments: [.init(filename: "عکس دستگاه.jpg", contentType: "image/jpeg", data: Data([0xFF, 0xD8, 0xFF, 0x00]))])
            try await receive(app, mail, messageID: "first@kish.example")

            let made = try #require(try await SupportCase.query(on: app.db).first())
            #expect(made.title == "دستگاه کارت‌خوان روشن نمی‌شود")
            #expect(made.details == "از صبح چراغ دستگاه خاموش است.")
            #expect(made.channel == "email" && made.language == "fa")
            #expect(made.contactID?.uuidString == contactID && made.accountID?.uuidString == accountID)
            let files = try await app.testing().sendRequest(.GET, "api/v1/cases/\(made.id!)/attachments", headers: org.admin.bearer)
            let file = try #require((files.json["data"] as? [[String: Any]])?.first)
            #expect(file["file_name"] as? String == "عکس دستگاه.jpg")
            let bytes = try await app.testing().sendRequest(.GET, "api/v1/cases/\(made.id!)/attachments/\(file["id"]!)", headers: org.admin.bearer)
            #expect(Array(bytes.body.readableBytesView) == [0xFF, 0xD8, 0xFF, 0x00])
            #expect(bytes.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
            #expect(bytes.headers.first(name: "X-Content-Type-Options") == "nosniff")

            let acknowledgement = try #require(try await OutboundEmail.query(on: app.db).filter(\.$category == AutoReplyPolicy.category).first())
            #expect(acknowledgement.recipients == "hamid@kish.example")
            #expect(acknowledgement.subject.contains(made.number))
            #expect(acknowledgement.message.contains("In-Reply-To: <first@kish.example>"))
            #expect(acknowledgement.message.contains("Auto-Submitted: auto-replied"))

            let other = try await TestOrganisation.make(app, name: "Else")
            #expect(try await app.testing().sendRequest(.GET, "api/v1/cases/\(made.id!)/attachments/\(file["id"]!)",
                                                        headers: other.admin.bearer).status == .notFound)
        }
    }

    @Test func answers_thread_back_by_message_id_or_case_number_and_wake_a_waiting_case() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let customer = MailAddress("sara@example.ir", name: "Sara")
            try await receive(app, OutgoingMail(from: customer, to: [MailAddress(Self.support)], subject: "Invoice question", textBody: "Hi"),
                              messageID: "q1@example.ir")
            let made = try #require(try await SupportCase.query(on: app.db).first())
            #expect(made.language == "en")
            _ = try await app.testing().sendRequest(.PATCH, "api/v1/cases/\(made.id!)", headers: org.admin.bearer.json,
                                                    body: jsonBody(["status": "waiting_on_customer"]))
            let acknowledgement = try #require(try await OutboundEmail.query(on: app.db).first())

            try await receive(app, OutgoingMail(from: customer, to: [MailAddress(Self.support)], subject: "Re: something else",
                                                textBody: "Here is the number", inReplyTo: acknowledgement.messageID),
                              messageID: "q2@example.ir")
            try await receive(app, OutgoingMail(from: customer, to: [MailAddress(Self.support)], subject: "About [\(made.number)]",
                                                textBody: "One more thing"), messageID: "q3@example.ir")
            #expect(try await SupportCase.query(on: app.db).count() == 1)
            let comments = try await CaseComment.query(on: app.db).filter(\.$caseID == made.id!).sort(\.$createdAt).all()
            #expect(comments.map(\.body) == ["Here is the number", "One more thing"])
            #expect(comments.allSatisfy { $0.isPublic && $0.authorUserID == nil })
            #expect(try await SupportCase.find(made.id, on: app.db)?.status == "in_progress")
            // Only the new case was acknowledged.
            #expect(try await OutboundEmail.query(on: app.db).count() == 1)
        }
    }

    @Test func machines_get_no_acknowledgement_the_same_message_counts_once_and_a_closed_case_gets_a_new_one() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            var bounce = OutgoingMail(from: MailAddress("mailer-daemon@example.ir"), to: [MailAddress(Self.support)],
                                      subject: "Undelivered Mail", textBody: "failed")
            bounce.extraHeaders = [MailHeader(name: "Auto-Submitted", value: "auto-replied")]
            try await receive(app, bounce, messageID: "b1@example.ir")
            #expect(try await SupportCase.query(on: app.db).count() == 1)
            #expect(try await OutboundEmail.query(on: app.db).count() == 0)

            // The same stored message handled again (a retried job) changes nothing.
            let stored = try #require(try await InboundEmail.query(on: app.db).first())
            let again = ReceivedMail(id: stored.id!, organisationID: org.id, envelopeFrom: "", recipients: [Self.support], receivedAt: Date(),
                                     message: MailMessage.parse(stored.raw))
            _ = try await CaseMailHandler().handle(again, store: app.store, logger: Logger(label: "test"))
            #expect(try await SupportCase.query(on: app.db).count() == 1)

            let closed = try #require(try await SupportCase.query(on: app.db).first())
            for path in ["resolve", "close"] {
                _ = try await app.testing().sendRequest(.POST, "api/v1/cases/\(closed.id!)/\(path)", headers: org.admin.bearer.json,
                                                        body: jsonBody(["resolution": "Done"]))
            }
            try await receive(app, OutgoingMail(from: MailAddress("ali@example.ir"), to: [MailAddress(Self.support)],
                                                subject: "Again [\(closed.number)]", textBody: "It broke again"), messageID: "b2@example.ir")
            let cases = try await SupportCase.query(on: app.db).sort(\.$number).all()
            #expect(cases.count == 2)
            let links = try await CaseLink.query(on: app.db).filter(\.$caseID == cases[1].id!).all()
            #expect(links.map(\.relatedCaseID) == [closed.id!])
        }
    }

    @Test func an_agent_replies_from_the_case_and_sees_the_delivery_state() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let (_, contactID) = try await customer(app, org, email: "hamid@kish.example")
            let created = try await app.testing().sendRequest(.POST, "api/v1/cases", headers: org.admin.bearer.json,
                                                              body: jsonBody(["title": "Printer", "contact_id": contactID]))
            let caseID = try #require(created.json["id"] as? String)
            let reply = try await app.testing().sendRequest(.POST, "api/v1/cases/\(caseID)/replies", headers: org.admin.bearer.json,
                                                            body: jsonBody(["body": "سلام، کارشناس فردا تماس می‌گیرد."]))
            #expect(reply.status == .created)
            #expect((reply.json["email"] as? [String: Any])?["status"] as? String == "queued")
            #expect((reply.json["comment"] as? [String: Any])?["visibility"] as? String == "public")
            let sent = try await app.testing().sendRequest(.GET, "api/v1/cases/\(caseID)/emails", headers: org.admin.bearer)
            let email = try #require((sent.json["data"] as? [[String: Any]])?.first)
            #expect(email["to"] as? String == "hamid@kish.example")
            #expect((email["subject"] as? String)?.hasSuffix("[\(created.json["number"] as? String ?? "")]") == true)
            let read = try await app.testing().sendRequest(.GET, "api/v1/cases/\(caseID)", headers: org.admin.bearer)
            #expect(read.json["first_response_at"] != nil)

            let nobody = try await app.testing().sendRequest(.POST, "api/v1/cases", headers: org.admin.bearer.json, body: jsonBody(["title": "Walk-in"]))
            let refused = try await app.testing().sendRequest(.POST, "api/v1/cases/\(nobody.json["id"]!)/replies", headers: org.admin.bearer.json,
                                                              body: jsonBody(["body": "Hello"]))
            #expect(refused.problemFields == ["to"])
            let empty = try await app.testing().sendRequest(.POST, "api/v1/cases/\(caseID)/replies", headers: org.admin.bearer.json,
                                                            body: jsonBody(["body": " "]))
            #expect(empty.problemFields == ["body"])
            let rep = try await org.addMember(role: .salesRep)
            #expect(try await app.testing().sendRequest(.POST, "api/v1/cases/\(caseID)/replies", headers: rep.bearer.json,
                                                        body: jsonBody(["body": "x"])).status == .forbidden)
        }
    }
}
