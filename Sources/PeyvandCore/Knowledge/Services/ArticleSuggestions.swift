import FluentKit
import Foundation
import SQLKit

/// Published articles likely to answer a case: those sharing the most of its words (title,
/// keywords, category and text, Persian-normalised through the search index) and those about its
/// product or in its category. Articles already used on the case are left out; an article in
/// another language than the case's counts for less.
public struct ArticleSuggestions: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public struct Suggestion: Sendable {
        public let article: KnowledgeArticle
        public let sameProduct: Bool
        public let sameCategory: Bool
        public let sharedWords: Int
        /// 0…1; the text weighs most: an article is found by the problem it describes.
        public let score: Double
    }

    static let weights = (product: 0.3, category: 0.2, text: 0.5)
    /// What an article in another language keeps of its score.
    static let otherLanguageFactor = 0.8

    public func suggest(for facts: CaseFacts, limit: Int = 5, in context: RequestContext) async throws -> [Suggestion] {
        guard context.permissions.scope(for: .knowledge, .read) != nil else { return [] }
        let scope = try context.ownerScope(.knowledge, .read, alias: "a")
        let words = facts.significantWords
        var candidates: [UUID: KnowledgeArticle] = [:]
        for article in try await attributeMatches(of: facts, scope: scope) { candidates[article.id!] = article }
        for article in try await textMatches(of: words, facts: facts, scope: scope, limit: 20) { candidates[article.id!] = article }
        if let caseID = facts.caseID, !candidates.isEmpty {
            let used = try await CaseArticle.query(on: store.database).filter(\.$organisationID == facts.organisationID)
                .filter(\.$caseID == caseID).all().map(\.articleID)
            for id in used { candidates[id] = nil }
        }
        let mine = Set(words), enough = CaseFacts.enoughSharedWords(words)
        let suggestions = candidates.values.compactMap { article -> Suggestion? in
            let product = facts.productID != nil && article.productID == facts.productID
            let category = facts.categoryKey != nil && article.categoryKey == facts.categoryKey
            let shared = Set(article.searchText.split(separator: " ").map(String.init)).intersection(mine).count
            guard product || category || (shared >= enough && shared > 0) else { return nil }
            var score = CaseFacts.score(sameProduct: product, sameCategory: category, sharedWords: shared, of: words.count, weights: Self.weights)
            if let language = facts.language, language != article.language { score = (score * Self.otherLanguageFactor * 100).rounded() / 100 }
            return Suggestion(article: article, sameProduct: product, sameCategory: category, sharedWords: shared, score: score)
        }
        return Array(suggestions.sorted {
            $0.score != $1.score ? $0.score > $1.score
                : $0.article.helpfulCount != $1.article.helpfulCount ? $0.article.helpfulCount > $1.article.helpfulCount
                : $0.article.id! > $1.article.id!
        }.prefix(limit))
    }

    private func attributeMatches(of facts: CaseFacts, scope: SQLQueryString?) async throws -> [KnowledgeArticle] {
        var alternatives: [SQLQueryString] = []
        if let productID = facts.productID { alternatives.append("a.product_id = \(bind: productID)") }
        if let key = facts.categoryKey { alternatives.append("a.category_key = \(bind: key)") }
        guard !alternatives.isEmpty else { return [] }
        return try await articles("""
            SELECT a.id FROM kb_articles a
            WHERE a.org_id = \(bind: facts.organisationID) AND a.deleted_at IS NULL AND a.status = 'published'
            AND (\(alternatives.joined(separator: " OR "))) \(Self.and(scope))
            ORDER BY a.helpful_count DESC, a.id DESC LIMIT 50
            """)
    }

    private func textMatches(of words: [String], facts: CaseFacts, scope: SQLQueryString?, limit: Int) async throws -> [KnowledgeArticle] {
        guard !words.isEmpty else { return [] }
        return try await articles(SearchIndex.latestSharingAny(
            words, table: KnowledgeArticle.schema, alias: "a",
            conditions: "a.org_id = \(bind: facts.organisationID) AND a.deleted_at IS NULL AND a.status = 'published' \(Self.and(scope))",
            window: CaseSimilarity.textWindow, limit: limit, dialect: store.dialect))
    }

    private static func and(_ scope: SQLQueryString?) -> SQLQueryString {
        scope.map { "AND " + $0 } ?? ""
    }

    private func articles(_ query: SQLQueryString) async throws -> [KnowledgeArticle] {
        let ids = try await store.sql().raw(query).all().map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return [] }
        return try await KnowledgeArticle.query(on: store.database).filter(\.$id ~~ ids).all()
    }
}
