import FluentKit
import Foundation

/// An article used on a case: the agent found the answer there (and may have sent it on). Kept
/// with the revision that was current, so the case says what the customer was told.
public final class CaseArticle: OrganisationScoped, @unchecked Sendable {
    public static let schema = "kb_case_articles"
    public static var organisationKey: KeyPath<CaseArticle, FieldProperty<CaseArticle, UUID>> { \.$organisationID }

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "case_id") public var caseID: UUID
    @Field(key: "article_id") public var articleID: UUID
    @Field(key: "revision") public var revision: Int
    @OptionalField(key: "linked_by_user_id") public var linkedByUserID: UUID?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    init(caseID: UUID, article: KnowledgeArticle, by userID: UUID?, at now: Date) {
        self.id = UUIDv7.make()
        self.organisationID = article.organisationID
        self.caseID = caseID
        self.articleID = article.id!
        self.revision = article.revision
        self.linkedByUserID = userID
        self.createdAt = now
    }
}

/// One reader's answer to "was this article helpful?"; a reader has one vote per article and
/// may change it. The article's counters are recounted from these.
public final class ArticleVote: OrganisationScoped, @unchecked Sendable {
    public static let schema = "kb_article_votes"
    public static var organisationKey: KeyPath<ArticleVote, FieldProperty<ArticleVote, UUID>> { \.$organisationID }

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "article_id") public var articleID: UUID
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "helpful") public var isHelpful: Bool
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    init(article: KnowledgeArticle, userID: UUID, isHelpful: Bool, at now: Date) {
        self.id = UUIDv7.make()
        self.organisationID = article.organisationID
        self.articleID = article.id!
        self.userID = userID
        self.isHelpful = isHelpful
        self.createdAt = now
    }
}

extension CaseArticle: Auditable {
    public static let auditType = "case_article"
    public var auditID: UUID { id! }
    public var auditSnapshot: [String: JSONValue] {
        ["case_id": .from(caseID), "article_id": .from(articleID), "revision": .from(revision)]
    }
}
