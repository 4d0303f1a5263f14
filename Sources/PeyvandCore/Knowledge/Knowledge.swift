import FluentKit

/// The knowledge base: articles with their revisions, readers' votes, and the cases each article
/// helped with. Depends on Platform, Sales (an article may be about a product) and Service (cases
/// link the articles they used; suggestions are made for cases).
public enum KnowledgeModule {
    /// In the order they must run; a shipped migration is never edited, the next one fixes it.
    public static var migrations: [any Migration] {
        [
            CreateKnowledgeArticles(),
        ]
    }
}
