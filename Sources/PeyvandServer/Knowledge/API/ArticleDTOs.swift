import Foundation
import PeyvandCore

struct ArticleDTO: Encodable {
    var id: UUID
    var title: String
    /// As written, in the knowledge base's markup.
    var body: String
    /// The body rendered as safe HTML (only headings, paragraphs, lists, bold, code and links).
    var bodyHtml: String
    var excerpt: String
    var category: String?
    var productId: UUID?
    var keywords: [String]
    var language: String
    var status: String
    var revision: Int
    var publishedAt: Date?
    var archivedAt: Date?
    var viewCount: Int
    var helpfulCount: Int
    var notHelpfulCount: Int
    var caseCount: Int
    var ownerId: UUID?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?

    init(_ article: KnowledgeArticle) {
        (id, title, body) = (article.id!, article.title, article.body)
        bodyHtml = ArticleMarkupView.html(article.body)
        excerpt = ArticleMarkup.excerpt(article.body)
        (category, productId, keywords, language) = (article.category, article.productID, article.keywordList, article.language)
        (status, revision, publishedAt, archivedAt) = (article.status, article.revision, article.publishedAt, article.archivedAt)
        (viewCount, helpfulCount, notHelpfulCount, caseCount) = (article.viewCount, article.helpfulCount, article.notHelpfulCount, article.caseCount)
        (ownerId, version, createdAt, updatedAt) = (article.ownerUserID, article.version, article.createdAt, article.updatedAt)
    }
}

struct ArticleRevisionDTO: Encodable {
    var revision: Int
    var title: String
    var body: String
    var category: String?
    var productId: UUID?
    var keywords: [String]
    var language: String
    var authorId: UUID?
    var createdAt: Date

    init(_ revision: ArticleRevision) {
        (self.revision, title, body, category, productId) = (revision.revision, revision.title, revision.body, revision.category, revision.productID)
        keywords = revision.keywords.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        (language, authorId, createdAt) = (revision.language, revision.authorUserID, revision.createdAt)
    }
}

/// An article offered for a case, with how well it matches.
struct SuggestedArticleDTO: Encodable {
    var id: UUID
    var title: String
    var excerpt: String
    var language: String
    var helpfulCount: Int
    var score: Double
    var sameProduct: Bool
    var sameCategory: Bool
    var sharedWords: Int

    init(_ suggestion: ArticleSuggestions.Suggestion) {
        let article = suggestion.article
        (id, title, excerpt, language, helpfulCount) = (article.id!, article.title, ArticleMarkup.excerpt(article.body), article.language, article.helpfulCount)
        (score, sameProduct, sameCategory, sharedWords) = (suggestion.score, suggestion.sameProduct, suggestion.sameCategory, suggestion.sharedWords)
    }
}

/// An article used on a case: which revision, when and by whom.
struct CaseArticleDTO: Encodable {
    var articleId: UUID
    var title: String
    var status: String
    var revision: Int
    var currentRevision: Int
    var linkedBy: UUID?
    var linkedAt: Date

    init(_ used: CaseArticles.Used) {
        (articleId, title, status, revision) = (used.article.id!, used.article.title, used.article.status, used.link.revision)
        (currentRevision, linkedBy, linkedAt) = (used.article.revision, used.link.linkedByUserID, used.link.createdAt)
    }
}
