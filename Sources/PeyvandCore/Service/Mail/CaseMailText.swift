import Foundation

/// How a case reads a received message and writes its own: the case number in a subject, the
/// title and text of a new case, and the acknowledgement in the customer's language.
enum CaseMailText {
    /// `C-1405-000012` in a subject (Persian digits too); nil when none.
    static func caseNumber(in subject: String) -> String? {
        let ascii = PersianText.toASCIIDigits(subject)
        guard let range = ascii.range(of: #"C-[0-9]{4}-[0-9]{6,}"#, options: [.regularExpression, .caseInsensitive]) else { return nil }
        return ascii[range].uppercased()
    }

    /// The subject without reply and forward prefixes; a placeholder when empty.
    static func title(of message: MailMessage) -> String {
        var subject = message.subject.trimmingCharacters(in: .whitespacesAndNewlines)
        while let prefix = subject.range(of: #"^(re|fw|fwd|پاسخ|ارجاع)\s*[:：]\s*"#, options: [.regularExpression, .caseInsensitive]) {
            subject.removeSubrange(prefix)
        }
        let title = String(subject.prefix(300))
        return title.isEmpty ? "(بدون موضوع)" : title
    }

    /// The message's text (the plain part, else the HTML part as text), at most a comment's length.
    static func body(of message: MailMessage) -> String {
        let text = message.body.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "—" : String(text.prefix(20_000))
    }

    /// `fa` when the text has Arabic-script letters, else `en`.
    static func language(of text: String) -> String {
        text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } ? "fa" : "en"
    }

    /// `Re: <title> [C-1405-000012]`: the number in brackets threads the customer's answer back.
    static func replySubject(_ supportCase: SupportCase) -> String {
        "Re: \(supportCase.title) [\(supportCase.number)]"
    }

    static func acknowledgement(_ supportCase: SupportCase) -> (subject: String, body: String) {
        if supportCase.language == "fa" {
            return ("درخواست شما ثبت شد [\(supportCase.number)]",
                    """
                    با سلام،
                    پیام شما با شمارهٔ پیگیری \(PersianText.toPersianDigits(supportCase.number)) ثبت شد و کارشناسان ما به‌زودی پاسخ می‌دهند.
                    برای پیگیری، به همین نامه پاسخ دهید و شمارهٔ پیگیری را در موضوع نگه دارید.

                    Your request has been received as case \(supportCase.number); reply to this e-mail to add to it.
                    """)
        }
        return ("We received your request [\(supportCase.number)]",
                """
                Hello,
                your message was received as case \(supportCase.number) and our team will answer soon.
                To add to it, reply to this e-mail and keep the case number in the subject.
                """)
    }

    static func survey(_ supportCase: SupportCase, link: String, language: String) -> (subject: String, body: String) {
        if language == "en" {
            return ("How did we do? [\(supportCase.number)]",
                    """
                    Hello,
                    your case \(supportCase.number) (\(supportCase.title)) has been resolved.
                    One question, one click: how satisfied are you with our help?
                    \(link)
                    """)
        }
        return ("نظر شما دربارهٔ پاسخ ما [\(supportCase.number)]",
                """
                با سلام،
                درخواست \(PersianText.toPersianDigits(supportCase.number)) («\(supportCase.title)») حل شد.
                لطفاً با یک کلیک بگویید چقدر از پاسخ ما راضی بودید:
                \(link)
                """)
    }
}
