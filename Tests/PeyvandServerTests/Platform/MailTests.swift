import FluentKit
import Foundation
import Logging
import NIOCore
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor

/// Records what it was asked to send; fails as told.
final class RecordingTransport: MailTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var sentMessages: [(from: String, to: [String], data: Data)] = []
    private var failures: [any Error]

    init(failures: [any Error] = []) {
        self.failures = failures
    }

    var sent: [(from: String, to: [String], data: Data)] { lock.withLock { sentMessages } }

    func send(envelopeFrom: String, recipients: [String], message: Data) async throws {
        try lock.withLock {
            if !failures.isEmpty { throw failures.removeFirst() }
            sentMessages.append((envelopeFrom, recipients, message))
        }
    }
}

/// Collects what the listener stores.
final class CollectingDelegate: SMTPReceiverDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [(from: String, to: [String], data: Data)] = []
    var messages: [(from: String, to: [String], data: Data)] { lock.withLock { stored } }

    func acceptsRecipient(_ address: String) async throws -> Bool {
        if address.hasPrefix("broken@") { throw CancellationError() }
        return !address.hasPrefix("nobody@")
    }

    func deliver(envelopeFrom: String, recipients: [String], message: Data) async throws {
        lock.withLock { stored.append((envelopeFrom, recipients, message)) }
    }
}

enum MailTestSupport {
    static func worker(_ app: Application, handlers: [String: any JobHandler]) -> JobWorker {
        JobWorker(id: "test", store: app.store, handlers: handlers, logger: Logger(label: "test"))
    }

    static func sampleMail(to: String = "ali@example.ir") -> OutgoingMail {
        OutgoingMail(from: MailAddress("support@peyvand.test", name: "پشتیبانی پیوند"), to: [MailAddress(to, name: "علی")],
                     subject: "پاسخ درخواست ۱۲", textBody: "سلام،\n.خط با نقطه\nپایان")
    }
}

@Suite("Outbound mail through the jobs table")
struct OutboundMailTests {
    @Test("a queued message is delivered once and marked sent; a second run sends nothing")
    func delivers() async throws {
        let clock = TestClock()
        try await withApp(clock: clock) { app in
            let org = try await TestOrganisation.make(app)
            let regarding = MailService.Regarding(type: "case", id: UUID())
            let enqueued = try await app.store.write { db in
                try await MailService.enqueue(MailTestSupport.sampleMail(), organisationID: org.id, regarding: regarding, at: clock.now, on: db)
            }
            let transport = RecordingTransport()
            let worker = MailTestSupport.worker(app, handlers: [OutboundMailJob.kind: OutboundMailJob(transport: transport)])
            #expect(try await worker.runOnce() == 1)
            #expect(try await worker.runOnce() == 0)
            #expect(transport.sent.count == 1)
            #expect(transport.sent[0].from == "support@peyvand.test")
            #expect(transport.sent[0].to == ["ali@example.ir"])
            let parsed = MailMessage.parse(transport.sent[0].data)
            #expect(parsed.messageID == enqueued.messageID)
            #expect(parsed.subject == "پاسخ درخواست ۱۲")
            let rows = try await MailService.messages(regarding: regarding, organisationID: org.id, on: app.db)
            #expect(rows.map(\.statusValue) == [.sent])
            #expect(rows[0].attempts == 1)
            #expect(rows[0].sentAt != nil)
        }
    }

    @Test("a 4xx reply keeps the message queued with a later attempt; a later run sends it")
    func transientFailure() async throws {
        let clock = TestClock()
        try await withApp(clock: clock) { app in
            let org = try await TestOrganisation.make(app)
            let enqueued = try await app.store.write { db in
                try await MailService.enqueue(MailTestSupport.sampleMail(), organisationID: org.id, at: clock.now, on: db)
            }
            let transport = RecordingTransport(failures: [SMTPError.rejected(stage: "RCPT TO", reply: SMTPReply(code: 451, lines: ["try later"]))])
            let worker = MailTestSupport.worker(app, handlers: [OutboundMailJob.kind: OutboundMailJob(transport: transport)])
            try await worker.runOnce()
            var row = try #require(try await OutboundEmail.find(enqueued.id, on: app.db))
            #expect(row.statusValue == .queued)
            #expect(row.lastError?.contains("451") == true)
            #expect(row.nextAttemptAt == clock.now.addingTimeInterval(5))
            #expect(try await worker.runOnce() == 0)
            clock.advance(by: 6)
            #expect(try await worker.runOnce() == 1)
            row = try #require(try await OutboundEmail.find(enqueued.id, on: app.db))
            #expect(row.statusValue == .sent)
            #expect(row.attempts == 2)
            #expect(row.lastError == nil)
            #expect(transport.sent.count == 1)
        }
    }

    @Test("a 5xx reply fails the message at once with the server's words")
    func permanentFailure() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let now = app.peyvand.now()
            let enqueued = try await app.store.write { db in
                try await MailService.enqueue(MailTestSupport.sampleMail(), organisationID: org.id, at: now, on: db)
            }
            let transport = RecordingTransport(failures: [SMTPError.rejected(stage: "RCPT TO <ali@example.ir>",
                                                                             reply: SMTPReply(code: 550, lines: ["5.1.1 no such user"]))])
            try await MailTestSupport.worker(app, handlers: [OutboundMailJob.kind: OutboundMailJob(transport: transport)]).runOnce()
            let row = try #require(try await OutboundEmail.find(enqueued.id, on: app.db))
            #expect(row.statusValue == .failed)
            #expect(row.lastError?.contains("550 5.1.1 no such user") == true)
            #expect(row.nextAttemptAt == nil)
        }
    }

    @Test("without SMTP_URL a message waits (queued, the reason recorded) instead of vanishing")
    func noTransport() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let now = app.peyvand.now()
            let enqueued = try await app.store.write { db in
                try await MailService.enqueue(MailTestSupport.sampleMail(), organisationID: org.id, at: now, on: db)
            }
            try await MailTestSupport.worker(app, handlers: app.peyvand.jobHandlers).runOnce()
            let row = try #require(try await OutboundEmail.find(enqueued.id, on: app.db))
            #expect(row.statusValue == .queued)
            #expect(row.lastError?.contains("SMTP_URL") == true)
        }
    }

    @Test("retries are spent: the message is failed and visible for its record")
    func exhausted() async throws {
        let clock = TestClock()
        try await withApp(clock: clock) { app in
            let org = try await TestOrganisation.make(app)
            let regarding = MailService.Regarding(type: "case", id: UUID())
            try await app.store.write { db in
                _ = try await MailService.enqueue(MailTestSupport.sampleMail(), organisationID: org.id, regarding: regarding, at: clock.now, on: db)
            }
            let transport = RecordingTransport(failures: Array(repeating: SMTPError.timedOut, count: MailService.maxAttempts))
            let worker = MailTestSupport.worker(app, handlers: [OutboundMailJob.kind: OutboundMailJob(transport: transport)])
            for _ in 0..<MailService.maxAttempts {
                try await worker.runOnce()
                clock.advance(by: 3601)
            }
            let rows = try await MailService.messages(regarding: regarding, organisationID: org.id, on: app.db)
            #expect(rows.map(\.statusValue) == [.failed])
            #expect(rows[0].attempts == MailService.maxAttempts)
            #expect(rows[0].lastError?.contains("did not answer in time") == true)
        }
    }
}

@Suite("SMTP client and listener")
struct SMTPSessionTests {
    static func receiver(_ delegate: any SMTPReceiverDelegate, maximumBytes: Int = 10_000, lmtp: Bool = false) async throws -> SMTPReceiver.Running {
        try await SMTPReceiver(configuration: .init(port: 0, serverName: "test.peyvand", maximumMessageBytes: maximumBytes, lmtp: lmtp),
                               delegate: delegate, logger: Logger(label: "smtp-test")).start()
    }

    static func client(_ port: Int) -> SMTPClient {
        SMTPClient(configuration: SMTPConfiguration(host: "127.0.0.1", port: port, timeout: .seconds(5)))
    }

    @Test("the client delivers to the listener: dot-stuffing undone, several recipients, bytes intact")
    func roundTrip() async throws {
        let delegate = CollectingDelegate()
        let running = try await Self.receiver(delegate)
        defer { Task { await running.stop() } }
        let message = Data("Subject: x\r\n\r\n.leading dot\r\n..two dots\r\nسلام\r\n.".utf8)
        try await Self.client(running.port).send(envelopeFrom: "a@b.ir", recipients: ["x@peyvand.test", "y@peyvand.test"], message: message)
        #expect(delegate.messages.count == 1)
        #expect(delegate.messages[0].from == "a@b.ir")
        #expect(delegate.messages[0].to == ["x@peyvand.test", "y@peyvand.test"])
        #expect(String(decoding: delegate.messages[0].data, as: UTF8.self) == "Subject: x\r\n\r\n.leading dot\r\n..two dots\r\nسلام\r\n.\r\n")
        await running.stop()
    }

    @Test("an over-size message is refused with 552 naming the limit, by SIZE and by counting")
    func tooBig() async throws {
        let delegate = CollectingDelegate()
        let running = try await Self.receiver(delegate, maximumBytes: 1000)
        let big = Data(("Subject: big\r\n\r\n" + String(repeating: "0123456789\r\n", count: 500)).utf8)
        await #expect(throws: SMTPError.self) {
            try await Self.client(running.port).send(envelopeFrom: "a@b.ir", recipients: ["x@peyvand.test"], message: big)
        }
        do {
            try await Self.client(running.port).send(envelopeFrom: "a@b.ir", recipients: ["x@peyvand.test"], message: big)
        } catch let SMTPError.rejected(stage, reply) {
            #expect(stage == "MAIL FROM")
            #expect(reply.code == 552)
            #expect(reply.text.contains("limit is 1000 bytes"))
            #expect(SMTPError.rejected(stage: stage, reply: reply).isPermanent)
        }
        #expect(delegate.messages.isEmpty)
        await running.stop()
    }

    @Test("unknown recipients get 550 and a permanent error")
    func unknownRecipient() async throws {
        let running = try await Self.receiver(CollectingDelegate())
        do {
            try await Self.client(running.port).send(envelopeFrom: "a@b.ir", recipients: ["nobody@peyvand.test"], message: Data("x".utf8))
            Issue.record("expected a rejection")
        } catch let error as SMTPError {
            guard case .rejected(_, let reply) = error else { Issue.record("\(error)"); return }
            #expect(reply.code == 550)
            #expect(error.isPermanent)
        }
        await running.stop()
    }

    @Test("a failing recipient lookup answers 451, a transient error")
    func lookupFailure() async throws {
        let running = try await Self.receiver(CollectingDelegate())
        do {
            try await Self.client(running.port).send(envelopeFrom: "a@b.ir", recipients: ["broken@peyvand.test"], message: Data("x".utf8))
            Issue.record("expected a failure")
        } catch let error as SMTPError {
            guard case .rejected(_, let reply) = error else { Issue.record("\(error)"); return }
            #expect(reply.code == 451)
            #expect(!error.isPermanent)
        }
        await running.stop()
    }

    @Test("connections past the limit get 421, a transient error")
    func connectionLimit() async throws {
        let running = try await SMTPReceiver(configuration: .init(port: 0, maximumConnections: 0), delegate: CollectingDelegate(),
                                             logger: Logger(label: "smtp-test")).start()
        do {
            try await Self.client(running.port).send(envelopeFrom: "a@b.ir", recipients: ["x@peyvand.test"], message: Data("x".utf8))
            Issue.record("expected a failure")
        } catch let error as SMTPError {
            guard case .rejected(let stage, let reply) = error else { Issue.record("\(error)"); return }
            #expect(stage == "greeting")
            #expect(reply.code == 421)
            #expect(!error.isPermanent)
        }
        await running.stop()
    }

    @Test("a closed port is a transient connection failure")
    func connectionRefused() async throws {
        let running = try await Self.receiver(CollectingDelegate())
        let port = running.port
        await running.stop()
        do {
            try await Self.client(port).send(envelopeFrom: "a@b.ir", recipients: ["x@peyvand.test"], message: Data("x".utf8))
            Issue.record("expected a failure")
        } catch let error as SMTPError {
            #expect(!error.isPermanent)
        }
    }

    @Test("SMTP_URL forms")
    func configurationParsing() throws {
        let plain = try SMTPConfiguration.parse("smtp://user%40x:p%3Ass@mail.example.ir:2525")
        #expect(plain.host == "mail.example.ir")
        #expect(plain.port == 2525)
        #expect(plain.username == "user@x")
        #expect(plain.password == "p:ss")
        #expect(plain.security == .plain)
        #expect(try SMTPConfiguration.parse("smtp://h:587?starttls=true").security == .startTLS)
        let tls = try SMTPConfiguration.parse("smtps://h")
        #expect(tls.security == .implicitTLS)
        #expect(tls.port == 465)
        #expect(throws: SettingsError.self) { try SMTPConfiguration.parse("http://h") }
        #expect(throws: SettingsError.self) { try SMTPConfiguration.parse("smtp://h?bogus=1") }
    }

    @Test("dot-stuffing doubles leading dots, ends with CRLF.CRLF")
    func dotStuffing() {
        let stuffed = SMTPClient.dotStuffed(Data(".a\nb\r\n.\r\nc".utf8))
        #expect(String(decoding: stuffed, as: UTF8.self) == "..a\r\nb\r\n..\r\nc\r\n.\r\n")
    }
}

@Suite("Inbound mail stored raw, then processed")
struct InboundMailTests {
    @Test("a message through the listener is stored raw, parsed by the job, and handed to the cases module")
    func storedAndParsed() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            let running = try await SMTPSessionTests.receiver(StoringSMTPReceiverDelegate(store: app.store), maximumBytes: 100_000)
            let raw = Data(MailComposer.compose(MailTestSupport.sampleMail(to: "support@peyvand.test"), messageID: "in-1@example.ir",
                                                date: Date()).utf8)
            try await SMTPSessionTests.client(running.port).send(envelopeFrom: "ali@example.ir", recipients: ["support@peyvand.test"], message: raw)
            await running.stop()
            let stored = try await InboundEmail.query(on: app.db).all()
            #expect(stored.count == 1)
            #expect(stored[0].organisationID == org.id)
            #expect(stored[0].statusValue == .received)
            #expect(stored[0].raw == raw + Data("\r\n".utf8) || stored[0].raw == raw)
            try await MailTestSupport.worker(app, handlers: app.peyvand.jobHandlers).runOnce()
            let processed = try #require(try await InboundEmail.find(stored[0].id, on: app.db))
            #expect(processed.statusValue == .handled)
            #expect(processed.handledRecordType == SupportCase.auditType)
            #expect(try await SupportCase.query(on: app.db).count() == 1)
            #expect(processed.subject == "پاسخ درخواست ۱۲")
            #expect(processed.messageID == "in-1@example.ir")
            #expect(processed.fromAddress == "support@peyvand.test")
        }
    }

    @Test("with several organisations, only routed addresses receive; +tags follow their address")
    func routing() async throws {
        try await withApp { app in
            let first = try await TestOrganisation.make(app, name: "A")
            let second = try await TestOrganisation.make(app, name: "B")
            try await app.store.write { db in
                try await InboundMailService.assign(address: "Support@A.example", to: first.id, at: Date(), on: db)
                try await InboundMailService.assign(address: "help@b.example", to: second.id, at: Date(), on: db)
            }
            #expect(try await InboundMailService.organisation(forRecipient: "support@a.example", on: app.db) == first.id)
            #expect(try await InboundMailService.organisation(forRecipient: "help+case-12@B.example", on: app.db) == second.id)
            #expect(try await InboundMailService.organisation(forRecipient: "other@a.example", on: app.db) == nil)
            await #expect(throws: InboundMailService.Rejection.self) {
                try await InboundMailService.store(raw: Data("x".utf8), envelopeFrom: "", recipients: ["other@a.example"], store: app.store)
            }
            #expect(try await InboundEmail.query(on: app.db).count() == 0)
        }
    }

    struct ClaimingHandler: InboundMailHandler {
        let name = "test"
        let recordID: UUID

        func handle(_ mail: ReceivedMail, store: Store, logger: Logger) async throws -> InboundMailDisposition {
            mail.message.subject.contains("claim") ? .handled(recordType: "case", recordID: recordID) : .declined
        }
    }

    @Test("a registered handler claims a message; the result is recorded")
    func handlerSeam() async throws {
        try await withApp { app in
            _ = try await TestOrganisation.make(app)
            let ids = try await InboundMailService.store(raw: Data("Subject: please claim\r\nFrom: a@b.ir\r\n\r\nhi".utf8), envelopeFrom: "a@b.ir",
                                                         recipients: ["support@x.ir"], store: app.store)
            let recordID = UUID()
            try await MailTestSupport.worker(app, handlers: [InboundMailJob.kind: InboundMailJob(handlers: [ClaimingHandler(recordID: recordID)])])
                .runOnce()
            let row = try #require(try await InboundEmail.find(ids[0], on: app.db))
            #expect(row.statusValue == .handled)
            #expect(row.handledBy == "test")
            #expect(row.handledRecordID == recordID)
        }
    }

    @Test("auto-replies are refused to machines, to our own messages, and past the hourly limit")
    func autoReplyPolicy() async throws {
        let clock = TestClock()
        try await withApp(clock: clock) { app in
            let org = try await TestOrganisation.make(app)
            func received(_ raw: String, envelopeFrom: String = "ali@example.ir") -> ReceivedMail {
                ReceivedMail(id: UUID(), organisationID: org.id, envelopeFrom: envelopeFrom, recipients: ["support@peyvand.test"],
                             receivedAt: clock.now, message: MailMessage.parse(Array(raw.utf8), returnPath: envelopeFrom))
            }
            let person = received("From: Ali <ali@example.ir>\r\nMessage-ID: <p1@example.ir>\r\nSubject: hi\r\n\r\nbody")
            #expect(try await AutoReplyPolicy.verdict(for: person, at: clock.now, on: app.db) == .allowed(to: MailAddress("ali@example.ir", name: "Ali")))
            let bot = received("From: ali@example.ir\r\nAuto-Submitted: auto-replied\r\n\r\nout of office")
            guard case .refused = try await AutoReplyPolicy.verdict(for: bot, at: clock.now, on: app.db) else { Issue.record("bot"); return }
            let bounce = received("From: ali@example.ir\r\n\r\nx", envelopeFrom: "")
            guard case .refused = try await AutoReplyPolicy.verdict(for: bounce, at: clock.now, on: app.db) else { Issue.record("bounce"); return }
            let ours = try await app.store.write { db in
                try await MailService.enqueue(MailTestSupport.sampleMail(), organisationID: org.id, at: clock.now, on: db)
            }
            let echo = received("From: ali@example.ir\r\nMessage-ID: <\(ours.messageID)>\r\n\r\nx")
            guard case .refused = try await AutoReplyPolicy.verdict(for: echo, at: clock.now, on: app.db) else { Issue.record("echo"); return }
            let own = received("From: support@peyvand.test\r\n\r\nx")
            guard case .refused = try await AutoReplyPolicy.verdict(for: own, at: clock.now, on: app.db) else { Issue.record("own"); return }
            for _ in 0..<AutoReplyPolicy.maximumPerHour {
                try await app.store.write { db in
                    _ = try await MailService.enqueue(MailTestSupport.sampleMail(to: "ali@example.ir"), organisationID: org.id,
                                                      category: AutoReplyPolicy.category, at: clock.now, on: db)
                }
            }
            guard case .refused = try await AutoReplyPolicy.verdict(for: person, at: clock.now, on: app.db) else { Issue.record("limit"); return }
            clock.advance(by: 3601)
            #expect(try await AutoReplyPolicy.verdict(for: person, at: clock.now, on: app.db) == .allowed(to: MailAddress("ali@example.ir", name: "Ali")))
        }
    }
}

/// Real mail through a real SMTP server: scripts/test starts the aiosmtpd sink in tests/mail/ and
/// exports its URL and directory. When scripts/test runs (PEYVAND_REQUIRE_SMTP_SINK=1) a missing
/// sink fails the test instead of skipping it.
@Suite("Delivery to the aiosmtpd sink")
struct SMTPSinkTests {
    static let url = ProcessInfo.processInfo.environment["PEYVAND_TEST_SMTP_URL"]
    static let directory = ProcessInfo.processInfo.environment["PEYVAND_TEST_SMTP_SINK_DIR"]
    static let required = ProcessInfo.processInfo.environment["PEYVAND_REQUIRE_SMTP_SINK"] == "1"

    @Test("a Persian message with an attachment goes out through the outbox and arrives intact",
          .enabled(if: url != nil || required, "no SMTP sink: scripts/test starts one"))
    func deliversToSink() async throws {
        let url = try #require(Self.url, "PEYVAND_TEST_SMTP_URL is not set: the sink did not start")
        let directory = try #require(Self.directory, "PEYVAND_TEST_SMTP_SINK_DIR is not set")
        let configuration = try SMTPConfiguration.parse(url)
        let clock = TestClock(Date())
        try await withApp(clock: clock) { app in
            let org = try await TestOrganisation.make(app)
            let recipient = "customer-\(UUID().uuidString.prefix(8).lowercased())@example.ir"
            var mail = MailTestSupport.sampleMail(to: recipient)
            mail.cc = [MailAddress("cc-\(recipient)")]
            mail.attachments = [.init(filename: "فاکتور.pdf", contentType: "application/pdf", data: Data("%PDF-1.4\n".utf8))]
            mail.inReplyTo = "case-12@peyvand.test"
            let enqueued = try await app.store.write { [mail] db in
                try await MailService.enqueue(mail, organisationID: org.id, at: clock.now, on: db)
            }
            let worker = MailTestSupport.worker(app, handlers: [OutboundMailJob.kind: OutboundMailJob(transport: SMTPClient(configuration: configuration))])
            try await worker.runOnce()
            let row = try #require(try await OutboundEmail.find(enqueued.id, on: app.db))
            #expect(row.statusValue == .sent, "\(row.lastError ?? "")")

            // The sink writes <n>.eml plus <n>.json (envelope) per message.
            let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".eml") }
            var found: MailMessage?
            var envelope: [String: Any]?
            for file in files {
                let data = try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(file))
                let parsed = MailMessage.parse(data)
                if parsed.messageID == enqueued.messageID {
                    found = parsed
                    let json = try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(file.replacingOccurrences(of: ".eml", with: ".json")))
                    envelope = try JSONSerialization.jsonObject(with: json) as? [String: Any]
                }
            }
            let message = try #require(found, "the message did not reach the sink")
            #expect(message.subject == "پاسخ درخواست ۱۲")
            #expect(message.textBody == "سلام،\n.خط با نقطه\nپایان")
            #expect(message.from?.name == "پشتیبانی پیوند")
            #expect(message.inReplyTo == ["case-12@peyvand.test"])
            #expect(message.attachments.first?.filename == "فاکتور.pdf")
            #expect(message.attachments.first?.data == Data("%PDF-1.4\n".utf8))
            #expect((envelope?["rcpt_tos"] as? [String])?.sorted() == [recipient, "cc-\(recipient)"].sorted())
            #expect(envelope?["mail_from"] as? String == "support@peyvand.test")
        }
    }

    @Test("STARTTLS and implicit TLS with AUTH reach the sink; an untrusted certificate is refused",
          .enabled(if: ProcessInfo.processInfo.environment["PEYVAND_TEST_SMTP_STARTTLS_URL"] != nil || required, "no TLS sink"))
    func tls() async throws {
        let environment = ProcessInfo.processInfo.environment
        let directory = try #require(Self.directory, "PEYVAND_TEST_SMTP_SINK_DIR is not set")
        for name in ["PEYVAND_TEST_SMTP_STARTTLS_URL", "PEYVAND_TEST_SMTPS_URL"] {
            let url = try #require(environment[name], "\(name) is not set")
            let configuration = try SMTPConfiguration.parse(url)
            #expect(configuration.security != .plain)
            let token = UUID().uuidString
            try await SMTPClient(configuration: configuration)
                .send(envelopeFrom: "a@peyvand.test", recipients: ["tls@example.ir"], message: Data("Subject: \(token)\r\n\r\nok".utf8))
            let arrived = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".eml") }.contains { file in
                let data = (try? Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(file))) ?? Data()
                return MailMessage.parse(data).subject == token
            }
            #expect(arrived, "\(name): the message did not reach the sink")

            var untrusted = configuration
            untrusted.caFile = nil
            await #expect(throws: (any Error).self, "\(name) accepted a self-signed certificate") {
                try await SMTPClient(configuration: untrusted)
                    .send(envelopeFrom: "a@peyvand.test", recipients: ["tls@example.ir"], message: Data("Subject: no\r\n\r\nno".utf8))
            }
        }
    }

    @Test("the sink's AUTH is used when SMTP_URL carries credentials",
          .enabled(if: ProcessInfo.processInfo.environment["PEYVAND_TEST_SMTP_AUTH_URL"] != nil || required, "no SMTP sink"))
    func authenticates() async throws {
        let url = try #require(ProcessInfo.processInfo.environment["PEYVAND_TEST_SMTP_AUTH_URL"], "PEYVAND_TEST_SMTP_AUTH_URL is not set")
        var configuration = try SMTPConfiguration.parse(url)
        try await SMTPClient(configuration: configuration)
            .send(envelopeFrom: "a@peyvand.test", recipients: ["auth@example.ir"], message: Data("Subject: auth\r\n\r\nok".utf8))
        configuration.password = "wrong"
        do {
            try await SMTPClient(configuration: configuration)
                .send(envelopeFrom: "a@peyvand.test", recipients: ["auth@example.ir"], message: Data("Subject: auth\r\n\r\nno".utf8))
            Issue.record("a wrong password was accepted")
        } catch let error as SMTPError {
            guard case .rejected(let stage, let reply) = error else { Issue.record("\(error)"); return }
            #expect(stage.hasPrefix("AUTH"))
            #expect(reply.code == 535)
        }
    }
}
