import FluentKit
import Foundation
import SQLKit

/// Earlier cases like this one, for the agent working it: first those about the same product
/// (and model) or in the same category, then those whose title and description share the most
/// words with it (Persian-normalised, through the search index). Only cases the agent may read.
///
/// Candidates are read as a few columns each and scored; only the chosen cases are loaded whole
/// (decoding seventy full cases was a sixth of the request's time at 200,000 cases).
public struct CaseSimilarity: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public struct Match: Sendable {
        public let supportCase: SupportCase
        public let sameProduct: Bool
        public let sameCategory: Bool
        public let sharedWords: Int
        /// 0…1; product outweighs category, which outweighs any text match (see `weights`).
        public let score: Double

        public var sharesWords: Bool { sharedWords > 0 }
    }

    /// How many of the latest cases sharing a word are ranked by text (see `SearchIndex.sharingAny`).
    static let textWindow = 1_000

    /// Attributes rank first (the issue: "same product/model and problem category first").
    static let weights = (product: 0.45, category: 0.3, text: 0.25)

    /// What a candidate is scored on.
    private struct Candidate {
        let id: UUID
        let text: String
        let productID: UUID?
        let productModel: String?
        let categoryKey: String?
    }

    private struct Scored {
        let id: UUID
        let sameProduct: Bool, sameCategory: Bool, sharedWords: Int, score: Double
    }

    public func similar(to supportCase: SupportCase, limit: Int = 5, in context: RequestContext) async throws -> [Match] {
        try await similar(to: CaseFacts(supportCase), limit: limit, in: context)
    }

    public func similar(to facts: CaseFacts, limit: Int = 5, in context: RequestContext) async throws -> [Match] {
        guard context.permissions.scope(for: .cases, .read) != nil else { return [] }
        let scope = try context.ownerScope(.cases, .read, alias: "c")
        let words = facts.significantWords
        var candidates: [UUID: Candidate] = [:]
        for candidate in try await attributeMatches(of: facts, scope: scope) { candidates[candidate.id] = candidate }
        for candidate in try await textMatches(of: facts, words: words, scope: scope, limit: 20) { candidates[candidate.id] = candidate }
        let mine = Set(words), enough = CaseFacts.enoughSharedWords(words)
        let chosen = candidates.values.compactMap { candidate -> Scored? in
            let product = sameProduct(facts, candidate), category = facts.categoryKey != nil && facts.categoryKey == candidate.categoryKey
            let shared = Set(SearchText.words(of: candidate.text)).intersection(mine).count
            guard product || category || (shared >= enough && shared > 0) else { return nil }
            return Scored(id: candidate.id, sameProduct: product, sameCategory: category, sharedWords: shared,
                          score: CaseFacts.score(sameProduct: product, sameCategory: category, sharedWords: shared, of: words.count, weights: Self.weights))
        }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id > $1.id }.prefix(limit)
        guard !chosen.isEmpty else { return [] }
        let cases = Dictionary(uniqueKeysWithValues: try await SupportCase.query(on: store.database).filter(\.$id ~~ chosen.map(\.id)).all()
            .map { ($0.id!, $0) })
        return chosen.compactMap { scored in
            cases[scored.id].map { Match(supportCase: $0, sameProduct: scored.sameProduct, sameCategory: scored.sameCategory,
                                         sharedWords: scored.sharedWords, score: scored.score) }
        }
    }

    /// The latest cases of the same product and those of the same category: one indexed lookup
    /// each (`service.0004`), joined, rather than one OR that sorts every case of the category.
    private func attributeMatches(of facts: CaseFacts, scope: SQLQueryString?) async throws -> [Candidate] {
        var lookups: [SQLQueryString] = []
        if let productID = facts.productID { lookups.append(latest(where: "c.product_id = \(bind: productID)", facts, scope)) }
        if let key = facts.categoryKey { lookups.append(latest(where: "c.category_key = \(bind: key)", facts, scope)) }
        guard !lookups.isEmpty else { return [] }
        return try await candidates(whereIDIn: lookups.joined(separator: " UNION "))
    }

    private func latest(where condition: SQLQueryString, _ facts: CaseFacts, _ scope: SQLQueryString?) -> SQLQueryString {
        """
        SELECT id FROM (SELECT c.id FROM cases c
          WHERE c.org_id = \(bind: facts.organisationID) AND c.deleted_at IS NULL AND \(condition) \(Self.excluding(facts.caseID)) \(Self.and(scope))
          ORDER BY c.id DESC LIMIT 25) AS latest
        """
    }

    /// Recent cases sharing words with this one, best ranked first.
    private func textMatches(of facts: CaseFacts, words: [String], scope: SQLQueryString?, limit: Int) async throws -> [Candidate] {
        guard !words.isEmpty else { return [] }
        return try await candidates(whereIDIn: SearchIndex.sharingAny(
            words, table: SupportCase.schema, alias: "c",
            conditions: "c.org_id = \(bind: facts.organisationID) AND c.deleted_at IS NULL \(Self.excluding(facts.caseID)) \(Self.and(scope))",
            window: Self.textWindow, limit: limit, dialect: store.dialect))
    }

    private func candidates(whereIDIn ids: SQLQueryString) async throws -> [Candidate] {
        try await store.sql().raw("SELECT id, title, description, product_id, product_model, category_key FROM cases WHERE id IN (\(ids))")
            .all().map { row in
                Candidate(id: try row.decode(column: "id", as: UUID.self),
                          text: [try row.decode(column: "title", as: String.self), try row.decode(column: "description", as: String?.self) ?? ""]
                              .joined(separator: " "),
                          productID: try row.decode(column: "product_id", as: UUID?.self),
                          productModel: try row.decode(column: "product_model", as: String?.self),
                          categoryKey: try row.decode(column: "category_key", as: String?.self))
            }
    }

    private static func excluding(_ id: UUID?) -> SQLQueryString {
        id.map { "AND c.id <> \(bind: $0)" } ?? ""
    }

    /// `AND <scope>`, or nothing when the role reads the whole organisation.
    private static func and(_ scope: SQLQueryString?) -> SQLQueryString {
        scope.map { "AND " + $0 } ?? ""
    }

    private func sameProduct(_ facts: CaseFacts, _ other: Candidate) -> Bool {
        guard let product = facts.productID, product == other.productID else { return false }
        guard let model = facts.productModel, let otherModel = other.productModel else { return true }
        return PersianText.compacted(model) == PersianText.compacted(otherModel)
    }
}
