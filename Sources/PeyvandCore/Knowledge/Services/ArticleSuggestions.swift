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

    /// What a candidate is scored on; only the chosen articles are loaded whole.
    private struct Candidate {
        let id: UUID
        let words: Set<Substring>
        let productID: UUID?
        let categoryKey: String?
        let language: String
        let helpfulCount: Int
    }

    public func suggest(for facts: CaseFacts, limit: Int = 5, in context: RequestContext) async throws -> [Suggestion] {
        guard context.permissions.scope(for: .knowledge, .read) != nil else { return [] }
        let conditions = try Self.conditions(facts, scope: try context.ownerScope(.knowledge, .read, alias: "a"))
        let words = facts.significantWords
        var candidates: [UUID: Candidate] = [:]
        for candidate in try await attributeMatches(of: facts, conditions) { candidates[candidate.id] = candidate }
        for candidate in try await textMatches(of: words, conditions, limit: 20) { candidates[candidate.id] = candidate }
        let mine = Set(words.map { Substring($0) }), enough = CaseFacts.enoughSharedWords(words)
        let chosen = candidates.values.compactMap { candidate -> (Candidate, Bool, Bool, Int, Double)? in
            let product = facts.productID != nil && candidate.productID == facts.productID
            let category = facts.categoryKey != nil && candidate.categoryKey == facts.categoryKey
            let shared = candidate.words.intersection(mine).count
            guard product || category || (shared >= enough && shared > 0) else { return nil }
            var score = CaseFacts.score(sameProduct: product, sameCategory: category, sharedWords: shared, of: words.count, weights: Self.weights)
            if let language = facts.language, language != candidate.language { score = (score * Self.otherLanguageFactor * 100).rounded() / 100 }
            return (candidate, product, category, shared, score)
        }.sorted {
            $0.4 != $1.4 ? $0.4 > $1.4 : $0.0.helpfulCount != $1.0.helpfulCount ? $0.0.helpfulCount > $1.0.helpfulCount : $0.0.id > $1.0.id
        }.prefix(limit)
        guard !chosen.isEmpty else { return [] }
        let articles = Dictionary(uniqueKeysWithValues: try await KnowledgeArticle.query(on: store.database).filter(\.$id ~~ chosen.map(\.0.id)).all()
            .map { ($0.id!, $0) })
        return chosen.compactMap { candidate, product, category, shared, score in
            articles[candidate.id].map { Suggestion(article: $0, sameProduct: product, sameCategory: category, sharedWords: shared, score: score) }
        }
    }

    /// Live published articles of the organisation the reader may read, not yet used on the case.
    private static func conditions(_ facts: CaseFacts, scope: SQLQueryString?) throws -> SQLQueryString {
        var conditions: SQLQueryString = "a.org_id = \(bind: facts.organisationID) AND a.deleted_at IS NULL AND a.status = 'published'"
        if let scope { conditions = conditions + " AND " + scope }
        if let caseID = facts.caseID {
            conditions = conditions + " AND a.id NOT IN (SELECT article_id FROM kb_case_articles WHERE case_id = \(bind: caseID))"
        }
        return conditions
    }

    private func attributeMatches(of facts: CaseFacts, _ conditions: SQLQueryString) async throws -> [Candidate] {
        var alternatives: [SQLQueryString] = []
        if let productID = facts.productID { alternatives.append("a.product_id = \(bind: productID)") }
        if let key = facts.categoryKey { alternatives.append("a.category_key = \(bind: key)") }
        guard !alternatives.isEmpty else { return [] }
        return try await candidates(whereIDIn: """
            SELECT id FROM (SELECT a.id FROM kb_articles a WHERE \(conditions) AND (\(alternatives.joined(separator: " OR ")))
              ORDER BY a.helpful_count DESC, a.id DESC LIMIT 50) AS helpful
            """)
    }

    private func textMatches(of words: [String], _ conditions: SQLQueryString, limit: Int) async throws -> [Candidate] {
        guard !words.isEmpty else { return [] }
        return try await candidates(whereIDIn: SearchIndex.sharingAny(
            words, table: KnowledgeArticle.schema, alias: "a", conditions: conditions, window: CaseSimilarity.textWindow, limit: limit,
            dialect: store.dialect))
    }

    private func candidates(whereIDIn ids: SQLQueryString) async throws -> [Candidate] {
        try await store.sql().raw("SELECT id, product_id, category_key, language, helpful_count, search_text FROM kb_articles WHERE id IN (\(ids))")
            .all().map { row in
                Candidate(id: try row.decode(column: "id", as: UUID.self),
                          words: Set(try row.decode(column: "search_text", as: String.self).split(separator: " ")),
                          productID: try row.decode(column: "product_id", as: UUID?.self),
                          categoryKey: try row.decode(column: "category_key", as: String?.self),
                          language: try row.decode(column: "language", as: String.self),
                          helpfulCount: try row.decode(column: "helpful_count", as: Int.self))
            }
    }
}
