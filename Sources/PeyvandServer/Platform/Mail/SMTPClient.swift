import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import PeyvandCore

/// Where outbound mail goes, from `SMTP_URL`:
/// `smtp://user:pass@host:587?starttls=true` (STARTTLS required), `smtp://host:25` (plain),
/// `smtps://user:pass@host:465` (TLS from the first byte). User and password are percent-decoded.
/// `cafile=/path/ca.pem` trusts that certificate (or CA) instead of the system's roots.
public struct SMTPConfiguration: Sendable, Equatable {
    public enum Security: String, Sendable, Equatable {
        case plain, startTLS, implicitTLS
    }

    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var security: Security
    /// Sent in EHLO.
    public var heloName: String
    /// For connecting and for each reply.
    public var timeout: TimeAmount
    /// PEM file of trusted roots for TLS; the system's when nil.
    public var caFile: String?

    public init(host: String, port: Int, username: String? = nil, password: String? = nil, security: Security = .plain,
                heloName: String = "peyvand.local", timeout: TimeAmount = .seconds(30), caFile: String? = nil) {
        self.caFile = caFile
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.security = security
        self.heloName = heloName
        self.timeout = timeout
    }

    public static func parse(_ url: String) throws -> SMTPConfiguration {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty else {
            throw SettingsError.invalid("SMTP_URL", "expected smtp://user:pass@host:port or smtps://…")
        }
        var security: Security
        switch scheme {
        case "smtp": security = .plain
        case "smtps": security = .implicitTLS
        default: throw SettingsError.invalid("SMTP_URL", "must start with smtp:// or smtps:// (got \(scheme)://)")
        }
        var timeout = TimeAmount.seconds(30)
        var heloName = ProcessInfo.processInfo.hostName
        var caFile: String?
        for item in components.queryItems ?? [] {
            switch (item.name.lowercased(), item.value?.lowercased()) {
            case ("starttls", "true"), ("starttls", "1"), ("starttls", "yes"):
                guard security == .plain else { throw SettingsError.invalid("SMTP_URL", "starttls applies to smtp:// only") }
                security = .startTLS
            case ("starttls", _): break
            case ("timeout", let value?):
                guard let seconds = Int64(value), seconds > 0 else { throw SettingsError.invalid("SMTP_URL", "timeout must be seconds") }
                timeout = .seconds(seconds)
            case ("cafile", _):
                caFile = item.value
            case ("helo", _):
                if let value = item.value, !value.isEmpty { heloName = value }
            default:
                throw SettingsError.invalid("SMTP_URL", "unknown option \(item.name)")
            }
        }
        return SMTPConfiguration(
            host: host, port: components.port ?? (security == .implicitTLS ? 465 : 25),
            username: components.percentEncodedUser.flatMap { $0.removingPercentEncoding },
            password: components.percentEncodedPassword.flatMap { $0.removingPercentEncoding },
            security: security, heloName: heloName.isEmpty ? "peyvand.local" : heloName, timeout: timeout, caFile: caFile)
    }
}

/// A reply's code and text lines.
public struct SMTPReply: Sendable, Equatable {
    public var code: Int
    public var lines: [String]

    public var text: String { lines.joined(separator: " ") }
}

/// Every way a delivery can fail, with what the server said. 5xx replies are permanent; 4xx,
/// network trouble and time-outs are worth trying again.
public enum SMTPError: Error, MailDeliveryFailure, CustomStringConvertible, Equatable {
    case connectionFailed(String)
    case connectionClosed(stage: String)
    case timedOut
    case malformedReply(stage: String, line: String)
    case rejected(stage: String, reply: SMTPReply)
    case startTLSUnavailable
    case authenticationUnavailable
    case tls(String)

    public var isPermanent: Bool {
        switch self {
        case .rejected(_, let reply): reply.code >= 500
        case .startTLSUnavailable, .authenticationUnavailable: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .connectionFailed(let detail): "could not connect to the SMTP server: \(detail)"
        case .connectionClosed(let stage): "the SMTP server closed the connection during \(stage)"
        case .timedOut: "the SMTP server did not answer in time"
        case .malformedReply(let stage, let line): "unreadable SMTP reply during \(stage): \(line.prefix(200))"
        case .rejected(let stage, let reply): "SMTP \(stage) refused (\(reply.code >= 500 ? "permanent" : "temporary")): \(reply.code) \(reply.text)"
        case .startTLSUnavailable: "SMTP_URL asks for STARTTLS but the server does not offer it"
        case .authenticationUnavailable: "the SMTP server offers neither AUTH PLAIN nor AUTH LOGIN"
        case .tls(let detail): "TLS failed: \(detail)"
        }
    }
}

/// A hand-written SMTP client on SwiftNIO: EHLO, optional STARTTLS (or implicit TLS), AUTH PLAIN
/// or LOGIN, MAIL FROM / RCPT TO for each recipient / DATA with dot-stuffing, QUIT. One connection
/// per message. Any refused recipient fails the whole message (nothing is half sent).
public struct SMTPClient: MailTransport {
    public let configuration: SMTPConfiguration
    public let group: any EventLoopGroup

    public init(configuration: SMTPConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.configuration = configuration
        self.group = group
    }

    public func send(envelopeFrom: String, recipients: [String], message: Data) async throws {
        let configuration = configuration
        var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
        if let caFile = configuration.caFile { tlsConfiguration.trustRoots = .file(caFile) }
        let tlsContext: NIOSSLContext? = configuration.security == .plain ? nil : try NIOSSLContext(configuration: tlsConfiguration)
        let serverHostname = configuration.host.first?.isNumber == true || configuration.host.contains(":") ? nil : configuration.host
        let channel: NIOAsyncChannel<SMTPLine, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(configuration.timeout)
                .connect(host: configuration.host, port: configuration.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if configuration.security == .implicitTLS, let tlsContext {
                            try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tlsContext, serverHostname: serverHostname))
                        }
                        try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: configuration.timeout))
                        try channel.pipeline.syncOperations.addHandler(SMTPIdleCloser())
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPLineDecoder(maximumLength: 4096)))
                        return try NIOAsyncChannel<SMTPLine, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw SMTPError.connectionFailed(String(describing: error))
        }
        try await channel.executeThenClose { inbound, outbound in
            var session = Session(iterator: inbound.makeAsyncIterator(), outbound: outbound)
            try await session.expect(200..<300, stage: "greeting")
            var extensions = try await session.ehlo(configuration.heloName)
            if configuration.security == .startTLS {
                guard extensions.keys.contains("STARTTLS") else { throw SMTPError.startTLSUnavailable }
                try await session.command("STARTTLS", stage: "STARTTLS")
                try await channel.channel.eventLoop.submit {
                    let handler = try NIOSSLClientHandler(context: tlsContext!, serverHostname: serverHostname)
                    try channel.channel.pipeline.syncOperations.addHandler(handler, position: .first)
                }.get()
                extensions = try await session.ehlo(configuration.heloName)
            }
            if let username = configuration.username {
                let password = configuration.password ?? ""
                let mechanisms = Set((extensions["AUTH"] ?? "").uppercased().split(separator: " ").map(String.init))
                if mechanisms.contains("PLAIN") {
                    let token = Data("\0\(username)\0\(password)".utf8).base64EncodedString()
                    try await session.command("AUTH PLAIN \(token)", stage: "AUTH PLAIN", redacted: "AUTH PLAIN ***")
                } else if mechanisms.contains("LOGIN") {
                    try await session.command("AUTH LOGIN", stage: "AUTH LOGIN", accept: 300..<400)
                    try await session.command(Data(username.utf8).base64EncodedString(), stage: "AUTH LOGIN user", accept: 300..<400)
                    try await session.command(Data(password.utf8).base64EncodedString(), stage: "AUTH LOGIN password", redacted: "***")
                } else {
                    throw SMTPError.authenticationUnavailable
                }
            }
            var mailFrom = "MAIL FROM:<\(envelopeFrom)>"
            if extensions.keys.contains("SIZE") { mailFrom += " SIZE=\(message.count)" }
            try await session.command(mailFrom, stage: "MAIL FROM")
            for recipient in recipients {
                try await session.command("RCPT TO:<\(recipient)>", stage: "RCPT TO <\(recipient)>")
            }
            try await session.command("DATA", stage: "DATA", accept: 300..<400)
            try await session.outbound.write(ByteBuffer(bytes: Self.dotStuffed(message)))
            try await session.expect(200..<300, stage: "end of DATA")
            // The message is accepted; a failing QUIT changes nothing.
            try? await session.outbound.write(ByteBuffer(string: "QUIT\r\n"))
            _ = try? await session.readReply(stage: "QUIT")
        }
    }

    /// CRLF line ends, a dot doubled at the start of a line, and the terminating `.` line.
    static func dotStuffed(_ message: Data) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(message.count + message.count / 50 + 8)
        var atLineStart = true
        var previous: UInt8 = 0
        for byte in message {
            if byte == 0x0A && previous != 0x0D { output.append(0x0D) }
            if atLineStart && byte == 0x2E { output.append(0x2E) }
            output.append(byte)
            atLineStart = byte == 0x0A
            previous = byte
        }
        if !atLineStart {
            output += [0x0D, 0x0A]
        }
        output += [0x2E, 0x0D, 0x0A]
        return output
    }

    private struct Session {
        var iterator: NIOAsyncChannelInboundStream<SMTPLine>.AsyncIterator
        let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

        mutating func readReply(stage: String) async throws -> SMTPReply {
            var lines: [String] = []
            while true {
                guard let line = try await iterator.next() else { throw SMTPError.connectionClosed(stage: stage) }
                let text = line.text
                guard text.utf8.count >= 3, let code = Int(text.prefix(3)) else { throw SMTPError.malformedReply(stage: stage, line: text) }
                lines.append(String(text.dropFirst(4)))
                if text.utf8.count == 3 || text[text.index(text.startIndex, offsetBy: 3)] != "-" {
                    return SMTPReply(code: code, lines: lines)
                }
            }
        }

        @discardableResult
        mutating func expect(_ accept: Range<Int>, stage: String) async throws -> SMTPReply {
            let reply = try await readReply(stage: stage)
            guard accept.contains(reply.code) else { throw SMTPError.rejected(stage: stage, reply: reply) }
            return reply
        }

        @discardableResult
        mutating func command(_ line: String, stage: String, accept: Range<Int> = 200..<300, redacted: String? = nil) async throws -> SMTPReply {
            try await outbound.write(ByteBuffer(string: line + "\r\n"))
            return try await expect(accept, stage: stage)
        }

        /// The extensions the server offers: keyword → parameters.
        mutating func ehlo(_ name: String) async throws -> [String: String] {
            let reply = try await command("EHLO \(name)", stage: "EHLO")
            var extensions: [String: String] = [:]
            for line in reply.lines.dropFirst() {
                let parts = line.split(separator: " ", maxSplits: 1)
                guard let keyword = parts.first else { continue }
                extensions[keyword.uppercased()] = parts.count > 1 ? String(parts[1]) : ""
            }
            return extensions
        }
    }
}
