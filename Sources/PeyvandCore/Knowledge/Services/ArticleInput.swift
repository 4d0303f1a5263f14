import Foundation

/// An article as a client sends it, for create (title and body required) and for update (only
/// the `provided` fields change; `null` clears an optional field).
public struct ArticleInput: Sendable {
    public var provided: Set<String>
    public var title: String?
    public var body: String?
    public var category: String?
    public var productID: UUID?
    public var keywords: [String]?
    public var language: String?
    public var status: String?
    public var ownerUserID: UUID?

    public init(provided: Set<String>, title: String? = nil, body: String? = nil, category: String? = nil, productID: UUID? = nil,
                keywords: [String]? = nil, language: String? = nil, status: String? = nil, ownerUserID: UUID? = nil) {
        self.provided = provided
        self.title = title
        self.body = body
        self.category = category
        self.productID = productID
        self.keywords = keywords
        self.language = language
        self.status = status
        self.ownerUserID = ownerUserID
    }

    public static let maximumBodyLength = 100_000
    public static let maximumKeywords = 30

    /// The fields whose change makes a new revision.
    static let contentFields: Set<String> = ["title", "body", "category", "product_id", "keywords", "language"]

    func validate(creating: Bool, into validator: inout FieldValidator) {
        if creating || provided.contains("title") { validator.text(title, "title", required: true, max: 300) }
        if creating || provided.contains("body") { validator.text(body, "body", required: true, max: Self.maximumBodyLength) }
        validator.text(category, "category", required: false, max: 100)
        if let keywords {
            if keywords.count > Self.maximumKeywords { validator.add("keywords", .tooLong) }
            for (index, keyword) in keywords.enumerated() { validator.text(keyword, "keywords.\(index)", required: true, max: 60) }
        }
        if let language, !CaseInput.languages.contains(language) { validator.add("language", .unknownValue) }
        if provided.contains("language") && language == nil { validator.add("language", .required) }
        validator.oneOf(status, KnowledgeArticle.Status.self, "status")
        if provided.contains("status") && status == nil { validator.add("status", .required) }
        if provided.contains("owner_id") && ownerUserID == nil { validator.add("owner_id", .required) }
    }
}
