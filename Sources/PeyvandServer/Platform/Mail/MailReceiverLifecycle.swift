import Foundation
import PeyvandCore
import Vapor

/// Runs the inbound SMTP listener beside the HTTP server when `MAIL_PORT` is set: started after
/// boot, stopped at shutdown.
final class MailReceiverLifecycle: LifecycleHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var running: SMTPReceiver.Running?

    func didBootAsync(_ application: Application) async throws {
        let settings = application.peyvand.settings
        guard let port = settings.mailPort else { return }
        let receiver = SMTPReceiver(
            configuration: .init(host: settings.mailHost, port: port, serverName: ProcessInfo.processInfo.hostName,
                                 maximumMessageBytes: settings.mailMaximumBytes, lmtp: settings.mailLMTP),
            delegate: StoringSMTPReceiverDelegate(store: application.store), logger: application.logger)
        let started = try await receiver.start(group: application.eventLoopGroup)
        application.logger.notice("mail listener ready", metadata: ["port": "\(started.port)", "protocol": "\(settings.mailLMTP ? "lmtp" : "smtp")"])
        lock.withLock { running = started }
    }

    func shutdownAsync(_ application: Application) async {
        let started = lock.withLock { running }
        await started?.stop()
    }
}
