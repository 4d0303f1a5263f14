import FluentKit
import Foundation
import SQLKit

/// Earlier cases like this one, for the agent working it: first those about the same product
/// (and model) or in the same category, then those whose title and description share the most
/// words with it (Persian-normalised, through the search index). Only cases the agent may read.
public struct CaseSimilarity: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public struct Match: Sendable {
        public let supportCase: SupportCase
        public let sameProduct: Bool
        public let sameCategory: Bool
        public let sharesWords: Bool
    }

    /// Words of the case worth matching on: the longest distinct ones, up to this many.
    static let maximumWords = 12

    public func similar(to supportCase: SupportCase, limit: Int = 5, in context: RequestContext) async throws -> [Match] {
        let scope = try context.ownerScope(.cases, .read, alias: "c")
        var scores: [UUID: (product: Bool, category: Bool, words: Int)] = [:]
        for candidate in try await attributeMatches(of: supportCase, scope: scope) {
            scores[candidate.id!] = (sameProduct(supportCase, candidate), sameCategory(supportCase, candidate), 0)
        }
        let textual = try await textMatches(of: supportCase, scope: scope, limit: 20)
            .filter { $0.shared >= Self.enoughSharedWords(Self.significantWords(of: Self.text(of: supportCase))) }.map(\.id)
        for (rank, id) in textual.enumerated() {
            let current = scores[id] ?? (false, false, 0)
            scores[id] = (current.product, current.category, textual.count - rank)
        }
        let ranked = scores.sorted { lhs, rhs in
            let left = (lhs.value.product ? 2 : 0) + (lhs.value.category ? 1 : 0), right = (rhs.value.product ? 2 : 0) + (rhs.value.category ? 1 : 0)
            return left != right ? left > right : lhs.value.words != rhs.value.words ? lhs.value.words > rhs.value.words : lhs.key > rhs.key
        }.prefix(limit)
        let ids = ranked.map(\.key)
        guard !ids.isEmpty else { return [] }
        let cases = Dictionary(uniqueKeysWithValues: try await SupportCase.query(on: store.database).filter(\.$id ~~ ids).all().map { ($0.id!, $0) })
        return ranked.compactMap { id, score in
            cases[id].map { Match(supportCase: $0, sameProduct: score.product, sameCategory: score.category, sharesWords: score.words > 0) }
        }
    }

    /// How many words two cases must share to count as alike by text alone: one chance word in
    /// common (`دیروز`) says nothing, so two, unless the case itself has fewer.
    static func enoughSharedWords(_ words: [String]) -> Int { min(2, words.count) }

    private func attributeMatches(of supportCase: SupportCase, scope: SQLQueryString?) async throws -> [SupportCase] {
        var alternatives: [SQLQueryString] = []
        if let productID = supportCase.productID { alternatives.append("c.product_id = \(bind: productID)") }
        if let key = supportCase.categoryKey { alternatives.append("c.category_key = \(bind: key)") }
        guard !alternatives.isEmpty else { return [] }
        let rows = try await store.sql().raw("""
            SELECT c.id FROM cases c
            WHERE c.org_id = \(bind: supportCase.organisationID) AND c.deleted_at IS NULL AND c.id <> \(bind: supportCase.id!)
            AND (\(alternatives.joined(separator: " OR "))) \(Self.and(scope))
            ORDER BY c.id DESC LIMIT 50
            """).all()
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return [] }
        return try await SupportCase.query(on: store.database).filter(\.$id ~~ ids).all()
    }

    /// Cases sharing words with this one, best ranked first, with how many of its words each has.
    private func textMatches(of supportCase: SupportCase, scope: SQLQueryString?, limit: Int) async throws -> [(id: UUID, shared: Int)] {
        let words = Self.significantWords(of: Self.text(of: supportCase))
        guard !words.isEmpty else { return [] }
        let match = SearchIndex.matchAny(words, table: SupportCase.schema, alias: "c", dialect: store.dialect)
        let rows = try await store.sql().raw("""
            SELECT c.id, c.title, c.description FROM cases c \(match.join ?? "")
            WHERE c.org_id = \(bind: supportCase.organisationID) AND c.deleted_at IS NULL AND c.id <> \(bind: supportCase.id!)
            AND \(match.condition) \(Self.and(scope))
            ORDER BY \(match.rankOrder), c.id DESC LIMIT \(unsafeRaw: String(limit))
            """).all()
        let mine = Set(words)
        return try rows.map { row in
            let text = [try row.decode(column: "title", as: String.self), try row.decode(column: "description", as: String?.self) ?? ""]
            return (try row.decode(column: "id", as: UUID.self), Set(SearchText.words(of: text.joined(separator: " "))).intersection(mine).count)
        }
    }

    private static func text(of supportCase: SupportCase) -> String {
        [supportCase.title, supportCase.details ?? ""].joined(separator: " ")
    }

    /// `AND <scope>`, or nothing when the role reads the whole organisation.
    private static func and(_ scope: SQLQueryString?) -> SQLQueryString {
        scope.map { "AND " + $0 } ?? ""
    }

    /// The distinct normalised words of at least three letters, longest first.
    static func significantWords(of text: String) -> [String] {
        var seen = Set<String>()
        return SearchText.words(of: text).filter { $0.count >= 3 && !$0.allSatisfy(\.isNumber) && seen.insert($0).inserted }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }.prefix(maximumWords).map { $0 }
    }

    private func sameProduct(_ one: SupportCase, _ other: SupportCase) -> Bool {
        guard let product = one.productID, product == other.productID else { return false }
        guard let model = one.productModel, let otherModel = other.productModel else { return true }
        return PersianText.compacted(model) == PersianText.compacted(otherModel)
    }

    private func sameCategory(_ one: SupportCase, _ other: SupportCase) -> Bool {
        one.categoryKey != nil && one.categoryKey == other.categoryKey
    }
}
