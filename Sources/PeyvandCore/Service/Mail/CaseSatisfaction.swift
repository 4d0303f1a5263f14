import Crypto
import FluentKit
import Foundation

/// Customer satisfaction: when a case is resolved, its contact (if they have an e-mail address and
/// have not opted out of e-mail) is sent a link to a one-question survey, in their language. The
/// link's token is random and stored only as its SHA-256, so the database alone cannot answer for
/// anyone; it works for 30 days and takes one answer. Each resolution sends its own survey.
public struct CaseSatisfaction: Sendable {
    public static let validity: TimeInterval = 30 * 86_400
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public enum Lookup: Sendable {
        case open(CaseSurvey, caseNumber: String)
        case answered(CaseSurvey, caseNumber: String)
        case expired(CaseSurvey, caseNumber: String)
        case unknown
    }

    /// The survey a link's token opens.
    public func survey(token: String) async throws -> Lookup {
        guard let survey = try await CaseSurvey.query(on: store.database).filter(\.$tokenHash == Self.hash(token)).first(),
              let supportCase = try await SupportCase.query(on: store.database).withDeleted().filter(\.$id == survey.caseID).first()
        else { return .unknown }
        if survey.respondedAt != nil { return .answered(survey, caseNumber: supportCase.number) }
        if survey.expiresAt < store.now() { return .expired(survey, caseNumber: supportCase.number) }
        return .open(survey, caseNumber: supportCase.number)
    }

    /// Records the answer: `score` 1…5 required, `comment` optional. An answered or expired survey
    /// is a 409 `survey-closed`; an unknown token a 404.
    public func answer(token: String, score: Int?, comment: String?, readProblems: FieldValidator = FieldValidator()) async throws -> CaseSurvey {
        var validator = readProblems
        if let score { if !(1...5).contains(score) { validator.add("score", .outOfRange) } } else { validator.add("score", .required) }
        validator.text(comment, "comment", required: false, max: 2_000)
        guard case .open(let survey, _) = try await survey(token: token) else {
            if case .unknown = try await survey(token: token) { throw PlatformError.notFound(recordType: CaseSurvey.auditType) }
            throw SalesError.invalidTransition(field: "survey", from: "closed", to: "answered")
        }
        try validator.check()
        let now = store.now()
        return try await store.write { database in
            let before = survey.auditSnapshot
            survey.score = score
            survey.comment = PartyInput.trimmed(comment)
            survey.respondedAt = now
            try await survey.update(on: database)
            try await AuditTrail.record(.update, of: survey, before: before, organisationID: survey.organisationID, actorUserID: nil,
                                        requestID: nil, at: now, on: database)
            try await Outbox.append("case.satisfaction_received", recordType: SupportCase.auditType, recordID: survey.caseID,
                                    payload: survey.auditSnapshot, organisationID: survey.organisationID, at: now, on: database)
            return survey
        }
    }

    /// The latest answered survey of the case, if any.
    public func latestAnswer(of supportCase: SupportCase) async throws -> CaseSurvey? {
        try await CaseSurvey.query(on: store.database).filter(\.$organisationID == supportCase.organisationID)
            .filter(\.$caseID == supportCase.id!).filter(\.$respondedAt != nil).sort(\.$respondedAt, .descending).first()
    }

    /// Sends the survey of a case being resolved, inside the resolving write.
    static func invite(_ supportCase: SupportCase, publicURL: String, at now: Date, on database: any Database) async throws {
        guard let contactID = supportCase.contactID,
              let contact = try await Contact.query(on: database).filter(\.$organisationID == supportCase.organisationID)
                  .filter(\.$id == contactID).first(),
              contact.preferences.allows(.email), let address = contact.emails.first?.address
        else { return }
        let token = Secrets.make(prefix: "csat_")
        let language = contact.preferences.language ?? supportCase.language ?? "fa"
        let survey = CaseSurvey(organisationID: supportCase.organisationID, caseID: supportCase.id!, contactID: contactID,
                                tokenHash: hash(token), language: language == "en" ? "en" : "fa", at: now, validFor: validity)
        try await survey.create(on: database)
        let link = publicURL.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/csat/" + token
        let (subject, body) = CaseMailText.survey(supportCase, link: link, language: survey.language)
        let mail = OutgoingMail(from: try await CaseMailReplies.supportAddress(organisationID: supportCase.organisationID, on: database),
                                to: [MailAddress(address, name: contact.fullName)], subject: subject, textBody: body,
                                extraHeaders: [MailHeader(name: "Auto-Submitted", value: "auto-generated")])
        try await MailService.enqueue(mail, organisationID: supportCase.organisationID,
                                      regarding: MailService.Regarding(type: SupportCase.auditType, id: supportCase.id!),
                                      category: "csat", at: now, on: database)
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
