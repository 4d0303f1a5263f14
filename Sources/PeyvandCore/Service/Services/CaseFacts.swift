import Foundation

/// What similar cases and suggested articles are found by: a stored case, or the case form as
/// the agent is still typing it (then without an id).
public struct CaseFacts: Sendable {
    public var caseID: UUID?
    public var organisationID: UUID
    public var title: String
    public var description: String?
    public var productID: UUID?
    public var productModel: String?
    public var categoryKey: String?
    public var language: String?

    public init(caseID: UUID? = nil, organisationID: UUID, title: String, description: String?, productID: UUID? = nil,
                productModel: String? = nil, category: String? = nil, language: String? = nil) {
        self.caseID = caseID
        self.organisationID = organisationID
        self.title = title
        self.description = description
        self.productID = productID
        self.productModel = productModel
        self.categoryKey = category.flatMap(PartyInput.trimmed).map(PersianText.compacted)
        self.language = language
    }

    public init(_ supportCase: SupportCase) {
        self.init(caseID: supportCase.id, organisationID: supportCase.organisationID, title: supportCase.title,
                  description: supportCase.details, productID: supportCase.productID, productModel: supportCase.productModel,
                  category: supportCase.category, language: supportCase.language)
    }

    /// The words worth matching on: the longest distinct ones of at least three letters, up to eight
    /// (each more word is one more list the search index merges and weighs).
    var significantWords: [String] {
        var seen = Set<String>()
        return SearchText.words(of: [title, description ?? ""].joined(separator: " "))
            .filter { $0.count >= 3 && !$0.allSatisfy(\.isNumber) && seen.insert($0).inserted }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }.prefix(8).map { $0 }
    }

    /// How many words another text must share with this one to count as alike by text alone:
    /// one chance word in common (`دیروز`) says nothing, so two, unless there are fewer.
    static func enoughSharedWords(_ words: [String]) -> Int { min(2, words.count) }

    /// Likeness in 0…1 from what two things share, weighed per kind of suggestion; the text part
    /// is the share of this case's words found, counting five words as a full match.
    static func score(sameProduct: Bool, sameCategory: Bool, sharedWords: Int, of words: Int,
                      weights: (product: Double, category: Double, text: Double)) -> Double {
        let text = words == 0 ? 0 : min(1, Double(sharedWords) / Double(min(words, 5)))
        let total = (sameProduct ? weights.product : 0) + (sameCategory ? weights.category : 0) + text * weights.text
        return (total * 100).rounded() / 100
    }
}
