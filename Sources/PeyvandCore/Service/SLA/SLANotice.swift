import FluentKit
import Foundation

/// The e-mail telling a person that a case's SLA is at risk or breached, in their own language.
struct SLANotice {
    let alert: SLAEscalation.Alert
    let recipientID: UUID

    /// Queues one message per recipient (a person named twice gets one) in the sweep's transaction.
    static func send(_ notices: [SLANotice], about supportCase: SupportCase, at now: Date, on database: any Database) async throws {
        guard !notices.isEmpty else { return }
        let recipients = try await User.query(on: database).filter(\.$organisationID == supportCase.organisationID)
            .filter(\.$id ~~ Set(notices.map(\.recipientID))).filter(\.$isActive == true).all()
        let sender = try await CaseMailReplies.supportAddress(organisationID: supportCase.organisationID, on: database)
        for user in recipients {
            let mine = notices.filter { $0.recipientID == user.id }.map(\.alert)
            let english = user.language == "en"
            let lines = mine.map { english ? englishLine($0) : persianLine($0) }
            let subject = english ? "SLA \(mine.contains { $0.state == .breached } ? "breached" : "at risk"): \(supportCase.number) \(supportCase.title)"
                : "\(mine.contains { $0.state == .breached } ? "نقض" : "خطر نقض") توافق سطح خدمت: \(supportCase.number) \(supportCase.title)"
            let body = ([english ? "Case \(supportCase.number): \(supportCase.title)" : "درخواست \(supportCase.number): \(supportCase.title)"] + lines)
                .joined(separator: "\n")
            try await MailService.enqueue(OutgoingMail(from: sender, to: [MailAddress(user.email, name: user.name)], subject: subject, textBody: body,
                                                       extraHeaders: [MailHeader(name: "Auto-Submitted", value: "auto-generated")]),
                                          organisationID: supportCase.organisationID,
                                          regarding: MailService.Regarding(type: SupportCase.auditType, id: supportCase.id!),
                                          category: "sla", at: now, on: database)
        }
    }

    private static func persianLine(_ alert: SLAEscalation.Alert) -> String {
        let target = alert.target == .firstResponse ? "مهلت نخستین پاسخ" : "مهلت حل"
        return alert.state == .breached ? "\(target) گذشته است." : "\(target) به‌زودی به پایان می‌رسد."
    }

    private static func englishLine(_ alert: SLAEscalation.Alert) -> String {
        let target = alert.target == .firstResponse ? "First response" : "Resolution"
        return alert.state == .breached ? "\(target) target breached." : "\(target) target is about to be breached."
    }
}
