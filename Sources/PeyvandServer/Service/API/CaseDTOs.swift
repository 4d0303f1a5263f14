import Foundation
import PeyvandCore

struct CaseDTO: Encodable {
    var id: UUID
    var number: String
    var title: String
    var description: String?
    var type: String
    var channel: String
    var priority: String
    var status: String
    var accountId: UUID?
    var contactId: UUID?
    var productId: UUID?
    var productModel: String?
    var serialNumber: String?
    var category: String?
    var language: String?
    var resolution: String?
    var ownerId: UUID?
    var queueId: UUID?
    /// Present on single-case reads (`GET`, `POST`, `PATCH`), absent from lists.
    var relatedCaseIds: [UUID]?
    var firstResponseAt: Date?
    var resolvedAt: Date?
    var closedAt: Date?
    var contractId: UUID?
    /// How the contract stood when the case came under it: `active`, `expired`, `not_started`, `exhausted`.
    var contractStanding: String?
    var timeSpentMinutes: Int?
    var slaPolicyId: UUID?
    var slaFirstResponseDueAt: Date?
    var slaResolutionDueAt: Date?
    /// Present on single-case reads: both clocks as of now, and the contract's usage.
    var sla: CaseSLADTO?
    /// The latest answered satisfaction survey, on single-case reads.
    var satisfaction: SatisfactionDTO?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?

    struct SatisfactionDTO: Encodable {
        var score: Int
        var comment: String?
        var respondedAt: Date?
    }

    init(_ supportCase: SupportCase, related: [SupportCase]? = nil, serviceLevel: CaseServiceLevel? = nil, satisfaction: CaseSurvey? = nil) {
        (id, number, title, description) = (supportCase.id!, supportCase.number, supportCase.title, supportCase.details)
        (type, channel, priority, status) = (supportCase.type, supportCase.channel, supportCase.priority, supportCase.status)
        (accountId, contactId, productId) = (supportCase.accountID, supportCase.contactID, supportCase.productID)
        (productModel, serialNumber, category, language) = (supportCase.productModel, supportCase.serialNumber, supportCase.category, supportCase.language)
        (resolution, ownerId, queueId) = (supportCase.resolution, supportCase.ownerUserID, supportCase.queueID)
        relatedCaseIds = related?.compactMap(\.id)
        (firstResponseAt, resolvedAt, closedAt) = (supportCase.firstResponseAt, supportCase.resolvedAt, supportCase.closedAt)
        (contractId, contractStanding, timeSpentMinutes) = (supportCase.contractID, supportCase.contractStanding, supportCase.timeSpentMinutes)
        (slaPolicyId, slaFirstResponseDueAt, slaResolutionDueAt) = (supportCase.slaPolicyID, supportCase.slaFirstResponseDueAt,
                                                                    supportCase.slaResolutionDueAt)
        sla = serviceLevel.map(CaseSLADTO.init)
        self.satisfaction = satisfaction.flatMap { survey in
            survey.score.map { SatisfactionDTO(score: $0, comment: survey.comment, respondedAt: survey.respondedAt) }
        }
        (version, createdAt, updatedAt) = (supportCase.version, supportCase.createdAt, supportCase.updatedAt)
    }
}

struct CaseCommentDTO: Encodable {
    var id: UUID
    var caseId: UUID
    var visibility: String
    var body: String
    var authorId: UUID?
    var createdAt: Date

    init(_ comment: CaseComment) {
        (id, caseId, visibility, body, authorId, createdAt) = (comment.id!, comment.caseID, comment.visibility, comment.body,
                                                                 comment.authorUserID, comment.createdAt)
    }
}

struct QueueDTO: Encodable {
    struct Rule: Encodable {
        var type: String?
        var category: String?
        var productId: UUID?
        var language: String?
        var channel: String?
    }

    var id: UUID
    var name: String
    var position: Int
    var assignmentMode: String
    var memberIds: [UUID]
    var rules: [Rule]
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?

    init(_ queue: ServiceQueue) {
        (id, name, position, assignmentMode, memberIds) = (queue.id!, queue.name, queue.position, queue.assignmentMode, queue.memberIDs)
        rules = queue.rules.map { Rule(type: $0.type, category: $0.category, productId: $0.productID, language: $0.language, channel: $0.channel) }
        (version, createdAt, updatedAt) = (queue.version, queue.createdAt, queue.updatedAt)
    }
}

struct SimilarCaseDTO: Encodable {
    var id: UUID
    var number: String
    var title: String
    var status: String
    var resolution: String?
    var sameProduct: Bool
    var sameCategory: Bool
    var sharesWords: Bool
    var sharedWords: Int
    var score: Double

    init(_ match: CaseSimilarity.Match) {
        let found = match.supportCase
        (id, number, title, status, resolution) = (found.id!, found.number, found.title, found.status, found.resolution)
        (sameProduct, sameCategory, sharesWords) = (match.sameProduct, match.sameCategory, match.sharesWords)
        (sharedWords, score) = (match.sharedWords, match.score)
    }
}
