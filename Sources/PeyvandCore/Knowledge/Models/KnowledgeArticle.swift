import FluentKit
import Foundation

/// A knowledge-base article: how to solve a problem or answer a question, written by an agent,
/// published for everyone who reads the knowledge base, archived when it no longer applies.
/// The owner is its author; role scopes on `knowledge` decide who may edit it.
public final class KnowledgeArticle: SalesRecord, @unchecked Sendable {
    public static let schema = "kb_articles"
    public static let auditType = "kb_article"
    public static let permissionModule = PermissionModule.knowledge
    public static var organisationKey: KeyPath<KnowledgeArticle, FieldProperty<KnowledgeArticle, UUID>> { \.$organisationID }
    public static var ownerUserKey: KeyPath<KnowledgeArticle, OptionalFieldProperty<KnowledgeArticle, UUID>> { \.$ownerUserID }
    public static var ownerTeamKey: KeyPath<KnowledgeArticle, OptionalFieldProperty<KnowledgeArticle, UUID>> { \.$ownerTeamID }

    public enum Status: String, Codable, CaseIterable, Sendable {
        case draft, published, archived

        /// Drafts are published; a published article is archived or taken back to draft for rework;
        /// an archived one returns to draft (and is published again from there).
        public var next: Set<Status> {
            switch self {
            case .draft: [.published, .archived]
            case .published: [.archived, .draft]
            case .archived: [.draft]
            }
        }
    }

    // managed fields
    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Timestamp(key: "deleted_at", on: .delete) public var deletedAt: Date?
    @Field(key: "version") public var version: Int
    @OptionalField(key: "owner_user_id") public var ownerUserID: UUID?
    @OptionalField(key: "owner_team_id") public var ownerTeamID: UUID?

    // data fields
    @Field(key: "title") public var title: String
    /// Formatted text in the knowledge base's small markup (see `ArticleMarkup`), never HTML.
    @Field(key: "body") public var body: String
    @OptionalField(key: "category") public var category: String?
    /// `category` compared as cases compare theirs (`PersianText.compacted`).
    @OptionalField(key: "category_key") public var categoryKey: String?
    @OptionalField(key: "product_id") public var productID: UUID?
    /// As typed, comma-separated; searched with the title and body.
    @Field(key: "keywords") public var keywords: String
    @Field(key: "language") public var language: String
    @Field(key: "status") public var status: String
    /// The number of the current revision; every change of the content adds one.
    @Field(key: "revision") public var revision: Int
    @OptionalField(key: "published_at") public var publishedAt: Date?
    @OptionalField(key: "archived_at") public var archivedAt: Date?

    // counters, moved by single-statement increments outside the version (reading is not editing)
    @Field(key: "view_count") public var viewCount: Int
    @Field(key: "helpful_count") public var helpfulCount: Int
    @Field(key: "not_helpful_count") public var notHelpfulCount: Int
    @Field(key: "case_count") public var caseCount: Int

    // derived fields
    @Field(key: "search_text") public var searchText: String

    public init() {}

    public init(organisationID: UUID, title: String) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.version = 1
        self.title = title
        self.body = ""
        self.keywords = ""
        self.language = "fa"
        self.status = Status.draft.rawValue
        self.revision = 1
        self.viewCount = 0
        self.helpfulCount = 0
        self.notHelpfulCount = 0
        self.caseCount = 0
        self.searchText = ""
    }

    public var isPublished: Bool { status == Status.published.rawValue }

    /// The keywords as a list: split on commas (Latin or Persian), trimmed, blanks dropped.
    public var keywordList: [String] {
        keywords.split(whereSeparator: { $0 == "," || $0 == "،" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func refreshDerivedFields() {
        categoryKey = category.map(PersianText.compacted)
        searchText = SearchText.document([title, keywords, category, ArticleMarkup.plainText(body)])
    }

    public var auditID: UUID { id! }

    public var auditSnapshot: [String: JSONValue] {
        [
            "title": .string(title), "body": .string(body), "category": .from(category), "product_id": .from(productID),
            "keywords": .string(keywords), "language": .string(language), "status": .string(status), "revision": .from(revision),
            "owner_user_id": .from(ownerUserID), "published_at": .from(publishedAt), "archived_at": .from(archivedAt),
        ]
    }
}

/// The content of an article as one save left it. Revisions are never changed; the article
/// itself always holds the newest.
public final class ArticleRevision: OrganisationScoped, @unchecked Sendable {
    public static let schema = "kb_article_revisions"
    public static var organisationKey: KeyPath<ArticleRevision, FieldProperty<ArticleRevision, UUID>> { \.$organisationID }

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "article_id") public var articleID: UUID
    @Field(key: "revision") public var revision: Int
    @Field(key: "title") public var title: String
    @Field(key: "body") public var body: String
    @OptionalField(key: "category") public var category: String?
    @OptionalField(key: "product_id") public var productID: UUID?
    @Field(key: "keywords") public var keywords: String
    @Field(key: "language") public var language: String
    @OptionalField(key: "author_user_id") public var authorUserID: UUID?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    init(of article: KnowledgeArticle, by authorUserID: UUID?, at now: Date) {
        self.id = UUIDv7.make()
        self.organisationID = article.organisationID
        self.articleID = article.id!
        self.revision = article.revision
        self.title = article.title
        self.body = article.body
        self.category = article.category
        self.productID = article.productID
        self.keywords = article.keywords
        self.language = article.language
        self.authorUserID = authorUserID
        self.createdAt = now
    }
}
