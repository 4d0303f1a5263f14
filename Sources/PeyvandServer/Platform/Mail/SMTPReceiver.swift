import Foundation
import Logging
import NIOCore
import NIOPosix
import PeyvandCore

/// What the listener asks of the application: whether an address receives mail (an error answers
/// 451, so the sender retries), and to store a message durably (250 only after `deliver` returns).
public protocol SMTPReceiverDelegate: Sendable {
    func acceptsRecipient(_ address: String) async throws -> Bool
    func deliver(envelopeFrom: String, recipients: [String], message: Data) async throws
}

/// The inbound SMTP (or LMTP) listener on SwiftNIO. The size limit is announced in EHLO (`SIZE`),
/// checked against `MAIL FROM … SIZE=` and enforced while reading DATA: lines beyond the limit are
/// counted and dropped, never buffered, and the message is refused with 552.
public struct SMTPReceiver: Sendable {
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        /// Announced in the greeting and EHLO.
        public var serverName: String
        public var maximumMessageBytes: Int
        public var maximumRecipients: Int
        /// Connections served at once; more get 421 (so memory stays under this × the size limit).
        public var maximumConnections: Int
        public var idleTimeout: TimeAmount
        /// LMTP (RFC 2033): LHLO instead of EHLO, one reply per recipient after DATA.
        public var lmtp: Bool

        public init(host: String = "127.0.0.1", port: Int, serverName: String = "peyvand", maximumMessageBytes: Int = 25 * 1024 * 1024,
                    maximumRecipients: Int = 100, maximumConnections: Int = 50, idleTimeout: TimeAmount = .minutes(5), lmtp: Bool = false) {
            self.maximumConnections = maximumConnections
            self.host = host
            self.port = port
            self.serverName = serverName
            self.maximumMessageBytes = maximumMessageBytes
            self.maximumRecipients = maximumRecipients
            self.idleTimeout = idleTimeout
            self.lmtp = lmtp
        }
    }

    /// A listener that is accepting connections.
    public struct Running: Sendable {
        /// The bound port (useful when asked for port 0).
        public let port: Int
        let serverChannel: any Channel
        let task: Task<Void, Never>

        public func stop() async {
            try? await serverChannel.close().get()
            task.cancel()
            await task.value
        }
    }

    public let configuration: Configuration
    public let delegate: any SMTPReceiverDelegate
    public let logger: Logger

    public init(configuration: Configuration, delegate: any SMTPReceiverDelegate, logger: Logger) {
        self.configuration = configuration
        self.delegate = delegate
        self.logger = logger
    }

    public func start(group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws -> Running {
        let configuration = configuration
        let server = try await ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .bind(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: configuration.idleTimeout))
                    try channel.pipeline.syncOperations.addHandler(SMTPIdleCloser())
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPLineDecoder(maximumLength: 8192)))
                    return try NIOAsyncChannel<SMTPLine, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let port = server.channel.localAddress?.port ?? configuration.port
        let delegate = delegate
        let logger = logger
        let active = ConnectionCounter()
        let task = Task {
            do {
                try await withThrowingDiscardingTaskGroup { group in
                    try await server.executeThenClose { connections in
                        for try await connection in connections {
                            group.addTask {
                                let peer = connection.channel.remoteAddress?.description ?? "?"
                                guard active.enter(limit: configuration.maximumConnections) else {
                                    try? await connection.executeThenClose { _, outbound in
                                        try await outbound.write(ByteBuffer(string: "421 4.7.0 Too many connections; try again later\r\n"))
                                    }
                                    return
                                }
                                defer { active.leave() }
                                do {
                                    try await connection.executeThenClose { inbound, outbound in
                                        var session = SMTPServerSession(configuration: configuration, delegate: delegate, logger: logger,
                                                                        outbound: outbound, peer: peer)
                                        try await session.run(inbound)
                                    }
                                } catch {
                                    logger.debug("SMTP session ended", metadata: ["peer": "\(peer)", "error": "\(error)"])
                                }
                            }
                        }
                    }
                }
            } catch {
                logger.debug("SMTP listener stopped", metadata: ["error": "\(error)"])
            }
        }
        return Running(port: port, serverChannel: server.channel, task: task)
    }
}

/// How many sessions are running.
final class ConnectionCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func enter(limit: Int) -> Bool {
        lock.withLock {
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func leave() {
        lock.withLock { count -= 1 }
    }
}

/// One connection's conversation.
struct SMTPServerSession {
    let configuration: SMTPReceiver.Configuration
    let delegate: any SMTPReceiverDelegate
    let logger: Logger
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    let peer: String

    var greeted = false
    var envelopeFrom: String?
    var recipients: [String] = []
    var errors = 0

    init(configuration: SMTPReceiver.Configuration, delegate: any SMTPReceiverDelegate, logger: Logger,
         outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, peer: String) {
        self.configuration = configuration
        self.delegate = delegate
        self.logger = logger
        self.outbound = outbound
        self.peer = peer
    }

    func reply(_ text: String) async throws {
        try await outbound.write(ByteBuffer(string: text + "\r\n"))
    }

    mutating func run(_ inbound: NIOAsyncChannelInboundStream<SMTPLine>) async throws {
        try await reply("220 \(configuration.serverName) Peyvand \(configuration.lmtp ? "LMTP" : "ESMTP") ready")
        var iterator = inbound.makeAsyncIterator()
        var discardingLongLine = false
        while let line = try await iterator.next() {
            if !line.terminated {
                // A command line longer than any command: refuse it once, skip the rest of it.
                if !discardingLongLine { try await reply("500 5.5.2 Line too long") }
                discardingLongLine = true
                continue
            }
            if discardingLongLine {
                discardingLongLine = false
                continue
            }
            let text = line.text
            let verb = text.prefix(while: { $0 != " " }).uppercased()
            let argument = text.dropFirst(verb.count).trimmingCharacters(in: .whitespaces)
            switch verb {
            case "EHLO" where !configuration.lmtp, "LHLO" where configuration.lmtp:
                greeted = true
                reset()
                try await reply("""
                    250-\(configuration.serverName) greets \(argument.isEmpty ? "you" : argument)\r
                    250-SIZE \(configuration.maximumMessageBytes)\r
                    250-8BITMIME\r
                    250-SMTPUTF8\r
                    250-ENHANCEDSTATUSCODES\r
                    250 PIPELINING
                    """)
            case "HELO" where !configuration.lmtp:
                greeted = true
                reset()
                try await reply("250 \(configuration.serverName)")
            case "MAIL":
                guard greeted else { try await fail("503 5.5.1 Say \(configuration.lmtp ? "LHLO" : "EHLO") first"); continue }
                guard envelopeFrom == nil else { try await fail("503 5.5.1 Sender already given"); continue }
                guard case let (address, parameters)? = Self.path(argument, keyword: "FROM:") else {
                    try await fail("501 5.5.4 Syntax: MAIL FROM:<address>")
                    continue
                }
                if let size = parameters["SIZE"].flatMap(Int.init), size > configuration.maximumMessageBytes {
                    try await reply("552 5.3.4 Message too big: \(size) bytes declared, the limit is \(configuration.maximumMessageBytes) bytes")
                    continue
                }
                envelopeFrom = address
                try await reply("250 2.1.0 OK")
            case "RCPT":
                guard envelopeFrom != nil else { try await fail("503 5.5.1 Need MAIL first"); continue }
                guard case let (address, _)? = Self.path(argument, keyword: "TO:"), address.contains("@") else {
                    try await fail("501 5.5.4 Syntax: RCPT TO:<address>")
                    continue
                }
                guard recipients.count < configuration.maximumRecipients else {
                    try await reply("452 4.5.3 Too many recipients")
                    continue
                }
                let accepted: Bool
                do {
                    accepted = try await delegate.acceptsRecipient(address)
                } catch {
                    logger.error("could not look up a mail recipient", metadata: ["peer": "\(peer)", "error": "\(error)"])
                    try await reply("451 4.3.0 Temporary failure looking up <\(address)>; try again later")
                    continue
                }
                guard accepted else {
                    try await fail("550 5.1.1 No organisation here receives mail for <\(address)>")
                    continue
                }
                recipients.append(address)
                try await reply("250 2.1.5 OK")
            case "DATA":
                guard envelopeFrom != nil, !recipients.isEmpty else { try await fail("503 5.5.1 Need RCPT first"); continue }
                try await reply("354 End data with <CR><LF>.<CR><LF>")
                guard let result = try await readData(&iterator) else { return }
                let count = configuration.lmtp ? recipients.count : 1
                switch result {
                case .tooBig(let size):
                    for _ in 0..<count {
                        try await reply("552 5.3.4 Message too big: more than \(configuration.maximumMessageBytes) bytes (received \(size)); the limit is \(configuration.maximumMessageBytes) bytes")
                    }
                case .message(let data):
                    do {
                        try await delegate.deliver(envelopeFrom: envelopeFrom!, recipients: recipients, message: data)
                        for _ in 0..<count { try await reply("250 2.0.0 OK: message stored (\(data.count) bytes)") }
                    } catch let rejection as InboundMailService.Rejection {
                        for _ in 0..<count { try await reply("550 5.1.1 \(rejection.description)") }
                    } catch {
                        logger.error("could not store received mail", metadata: ["peer": "\(peer)", "error": "\(error)"])
                        for _ in 0..<count { try await reply("451 4.3.0 Could not store the message; try again later") }
                    }
                }
                reset()
            case "RSET":
                reset()
                try await reply("250 2.0.0 OK")
            case "NOOP":
                try await reply("250 2.0.0 OK")
            case "VRFY":
                try await reply("252 2.5.0 Cannot verify; send the message and see")
            case "HELP":
                try await reply("214 2.0.0 Commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT")
            case "QUIT":
                try await reply("221 2.0.0 Bye")
                return
            case "STARTTLS":
                try await fail("502 5.5.1 STARTTLS is not offered; put a TLS-terminating mail server in front")
            default:
                try await fail("500 5.5.1 Unknown command")
            }
            if errors >= 10 {
                try await reply("421 4.7.0 Too many errors, closing")
                return
            }
        }
    }

    private mutating func fail(_ text: String) async throws {
        errors += 1
        try await reply(text)
    }

    private mutating func reset() {
        envelopeFrom = nil
        recipients = []
    }

    enum DataResult {
        case message(Data)
        case tooBig(Int)
    }

    /// Reads DATA up to the lone dot, undoing dot-stuffing. Past the limit it only counts.
    /// `nil` when the connection ends first.
    private func readData(_ iterator: inout NIOAsyncChannelInboundStream<SMTPLine>.AsyncIterator) async throws -> DataResult? {
        var data = Data()
        var size = 0
        var tooBig = false
        var atLineStart = true
        while let line = try await iterator.next() {
            var bytes = line.bytes
            if atLineStart && line.terminated && bytes.readableBytes == 1 && bytes.getInteger(at: bytes.readerIndex, as: UInt8.self) == 0x2E {
                return tooBig ? .tooBig(size) : .message(data)
            }
            if atLineStart && bytes.readableBytes > 0 && bytes.getInteger(at: bytes.readerIndex, as: UInt8.self) == 0x2E {
                bytes.moveReaderIndex(forwardBy: 1)
            }
            size += bytes.readableBytes + (line.terminated ? 2 : 0)
            if size > configuration.maximumMessageBytes {
                tooBig = true
                data = Data()
            }
            if !tooBig {
                data.append(contentsOf: bytes.readableBytesView)
                if line.terminated { data.append(contentsOf: [0x0D, 0x0A]) }
            }
            atLineStart = line.terminated
        }
        return nil
    }

    /// `FROM:<a@b> SIZE=10` → ("a@b", ["SIZE": "10"]); `<>` gives "".
    static func path(_ argument: String, keyword: String) -> (String, [String: String])? {
        guard argument.uppercased().hasPrefix(keyword) else { return nil }
        let rest = argument.dropFirst(keyword.count).trimmingCharacters(in: .whitespaces)
        var address: String
        var tail: Substring
        if rest.hasPrefix("<") {
            guard let close = rest.firstIndex(of: ">") else { return nil }
            address = String(rest[rest.index(after: rest.startIndex)..<close])
            tail = rest[rest.index(after: close)...]
        } else {
            let end = rest.firstIndex(of: " ") ?? rest.endIndex
            address = String(rest[..<end])
            tail = rest[end...]
        }
        // Source routes (@a,@b:user@host) are ignored as RFC 5321 allows.
        if address.hasPrefix("@"), let colon = address.firstIndex(of: ":") { address = String(address[address.index(after: colon)...]) }
        var parameters: [String: String] = [:]
        for item in tail.split(separator: " ") {
            let pair = item.split(separator: "=", maxSplits: 1)
            parameters[pair[0].uppercased()] = pair.count > 1 ? String(pair[1]) : ""
        }
        return (address, parameters)
    }
}

/// The application's side of the listener: recipients map to organisations, messages are stored
/// raw with their processing job in one transaction.
public struct StoringSMTPReceiverDelegate: SMTPReceiverDelegate {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public func acceptsRecipient(_ address: String) async throws -> Bool {
        try await InboundMailService.organisation(forRecipient: address, on: store.database) != nil
    }

    public func deliver(envelopeFrom: String, recipients: [String], message: Data) async throws {
        try await InboundMailService.store(raw: message, envelopeFrom: envelopeFrom, recipients: recipients, store: store)
    }
}
