import Foundation
import PeyvandCore
import Plot
import Vapor

/// The case page's mail: the reply form (a public comment sent to the customer), the messages the
/// case has sent with how their delivery went, and the files received with its mail.
enum CaseMailViews {
    enum Text {
        case replyByEmail, replyHint, sendReply, sentEmails, attachments, customer, attempts, status(String), satisfaction, outOfFive

        func text(in language: PeyvandCore.Language) -> String {
            let text: (fa: String, en: String) = switch self {
            case .replyByEmail: ("پاسخ به مشتری با ایمیل", "Reply to the customer by e-mail")
            case .replyHint: ("به نشانی مخاطب درخواست فرستاده و در گفتگو ثبت می‌شود.",
                              "Sent to the case's contact and kept in the thread.")
            case .sendReply: ("ارسال پاسخ", "Send reply")
            case .sentEmails: ("ایمیل‌های فرستاده", "Sent e-mails")
            case .attachments: ("پیوست‌های دریافتی", "Received attachments")
            case .customer: ("مشتری (ایمیل)", "Customer (e-mail)")
            case .attempts: ("تلاش", "attempts")
            case .satisfaction: ("رضایت مشتری", "Customer satisfaction")
            case .outOfFive: ("از ۵", "out of 5")
            case .status(let status):
                switch status {
                case "sent": ("فرستاده شد", "Sent")
                case "failed": ("ناموفق", "Failed")
                case "sending": ("در حال ارسال", "Sending")
                default: ("در صف ارسال", "Queued")
                }
            }
            return language == .fa ? text.fa : text.en
        }
    }

    /// What the page loads for these sections.
    struct Mail {
        var sent: [OutboundEmail] = []
        var attachments: [CaseAttachment] = []
        var satisfaction: CaseSurvey?
    }

    static func sections(_ supportCase: SupportCase, mail: Mail, replyForm: FormState, mayReply: Bool, page: WebPage) -> Node<HTML.BodyContext> {
        let language = page.language
        func text(_ key: Text) -> String { key.text(in: language) }
        let id = supportCase.id!
        return .group(
            .unwrap(mail.satisfaction) { survey in
                RecordView.section(text(.satisfaction), id: "satisfaction",
                    .p(.span(.class("badge"), .text(page.display.number(survey.score ?? 0) + " " + text(.outOfFive))),
                       .text(" · " + page.display.moment(survey.respondedAt))),
                    .unwrap(survey.comment) { .p(.attribute(named: "dir", value: "auto"), .text($0)) })
            },
            .if(mayReply, RecordView.section(text(.replyByEmail), id: "reply", page.form(
                action: SiteURL.recordAction(.cases, id, "reply").path, class: "record-form",
                FormField("reply_body", text(.replyByEmail), in: replyForm, control: .textarea, isRequired: true, hint: text(.replyHint)).node,
                .unwrap(replyForm.errors["to"]) { .p(.class("field-error"), .text($0)) },
                .button(.type(.submit), .class("primary"), .text(text(.sendReply)))))),
            .if(!mail.sent.isEmpty, RecordView.section(text(.sentEmails), id: "emails", .ul(
                .class("related"),
                .forEach(mail.sent) { email in
                    .li(.span(.class("badge mail-\(email.status)"), .text(text(.status(email.status)))),
                        .text(" " + page.display.moment(email.sentAt ?? email.createdAt) + " · "),
                        .span(.attribute(named: "dir", value: "ltr"), .text(email.recipients)),
                        .text(" · "), .span(.attribute(named: "dir", value: "auto"), .text(email.subject)),
                        .if(email.attempts > 1, .text(" · \(page.display.number(email.attempts)) \(text(.attempts))")),
                        .unwrap(email.lastError) { .p(.class("field-error"), .attribute(named: "dir", value: "ltr"), .text($0)) })
                }))),
            .if(!mail.attachments.isEmpty, RecordView.section(text(.attachments), id: "attachments", .ul(
                .class("related"),
                .forEach(mail.attachments) { file in
                    .li(.a(.href(SiteURL.recordAction(.cases, id, "attachments/\(file.id!.uuidString.lowercased())").path),
                           .attribute(named: "download", value: file.fileName.attributeEscaped), .text(file.fileName)),
                        .text(" (" + page.display.number(max(1, file.size / 1024)) + " KB)"))
                })))
        )
    }

    /// `GET /cases/{id}/attachments/{attachment_id}` for a signed-in reader of the case.
    @Sendable static func download(_ request: Request) async throws -> Response {
        try await CaseMailAPI.attachment(request)
    }
}
